"""Markdown tables of the query benchmark's figures (bench/queries.py)."""

from __future__ import annotations


def duration(seconds: float | None) -> str:
    """A time as people read it.

    >>> duration(0.00123), duration(0.4567), duration(12.3), duration(None)
    ('1.2 ms', '457 ms', '12.3 s', '—')
    """
    if seconds is None:
        return "—"
    if seconds < 0.01:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.1f} s"


def _time(figures: dict, key: str) -> str:
    if figures["status"] != "ok" and not figures["seconds"]:
        return f"**{figures['status']}** {figures['message']}".strip()
    text = duration(figures[key])
    return text if figures["status"] == "ok" else f"{text}, then {figures['status']}"


def _ratio(mhkg: dict, raw: dict) -> str:
    if mhkg["p50"] and raw["p50"]:
        return f"{mhkg['p50'] / raw['p50']:.2f}×"
    return "—"


def _rows(mhkg: dict, raw: dict, label: str = "raw") -> str:
    if mhkg["rows"] is None or raw["rows"] is None or mhkg["rows"] == raw["rows"]:
        rows = mhkg["rows"] if mhkg["rows"] is not None else raw["rows"]
        return "—" if rows is None else f"{rows:,}"
    return f"**{mhkg['rows']:,} ≠ {label} {raw['rows']:,}**"


def queries_table(
    found: list[dict], engines: tuple[str, str] = ("mhkg", "raw"), labels: tuple[str, str] = ()
) -> str:
    """One row per query and case: the first engine's and the second's times and their
    ratio (the engines' keys in each row of `found`, named by `labels` in the header)."""
    left, right = engines
    one, two = labels or engines
    lines = [
        f"| query | case | rows | {one} p50 | {one} p95 | {two} p50 | {two} p95 | {one} ÷ {two} "
        "| runs |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in found:
        mhkg, raw = row[left], row[right]
        lines.append(
            f"| {row['query']} | {row['case']} | {_rows(mhkg, raw, two)} | "
            f"{_time(mhkg, 'p50')} | {_time(mhkg, 'p95')} | {_time(raw, 'p50')} | "
            f"{_time(raw, 'p95')} | {_ratio(mhkg, raw)} | "
            f"{len(mhkg['seconds'])}/{len(raw['seconds'])} |"
        )
    return "\n".join(lines)


def explore_table(found: list[dict]) -> str:
    lines = [
        "| answer | p50 | p95 | peak RSS | output | exit | runs |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in found:
        rss = f"{row['peak_rss_mb']:,.0f} MB" if row["peak_rss_mb"] else "—"
        size = f"{row['output_bytes'] / 2**20:,.1f} MB" if row["output_bytes"] else "—"
        lines.append(
            f"| {row['answer']} | {_time(row, 'p50')} | {_time(row, 'p95')} | {rss} | {size} | "
            f"{row['exit']} | {len(row['seconds'])} |"
        )
    return "\n".join(lines)


def pages_table(found: list[dict], page: int) -> str:
    lines = [
        f"| `/queries/NAME?limit={page}&offset=0` | status | rows | p50 | p95 |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in found:
        rows = "—" if row["rows"] is None else f"{row['rows']:,}"
        lines.append(
            f"| `{row['query']}` | {row['status']} | {rows} | {duration(row['p50'])} | "
            f"{duration(row['p95'])} |"
        )
    return "\n".join(lines)


def mix_table(found: list[dict]) -> str:
    lines = [
        "| clients | requests | req/s | p50 | p95 | errors (by status) |",
        "|---:|---:|---:|---:|---:|---|",
    ]
    for row in found:
        errors = ", ".join(f"{status}: {count}" for status, count in row["errors"].items())
        lines.append(
            f"| {row['clients']} | {row['requests']:,} | {row['requests_per_second']:.1f} | "
            f"{duration(row['p50'])} | {duration(row['p95'])} | {errors or '0'} |"
        )
    return "\n".join(lines)
