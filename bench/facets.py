"""Facet clicks on /projects and /overview, replayed against `mhkg serve` as a browser asks.

    python bench/facets.py --store /tmp/facets-10k/store [--clicks 40] [--seed 1]
        [--timeout 30] [--workers 2] [--budget 900] [--overview/--no-overview] [--settle 0]

It starts `mhkg serve` over the store (127.0.0.1, a free port; see bench/http_load.py), opens
/projects with nothing chosen (the cold first visit, reported apart), then replays a sequence
of clicks drawn with a fixed seed from the facet links the pages themselves show: a single
facet (country, region, sdg, organisation with its role, status, year, or words q=) from
nothing chosen, or one more facet of another kind added to the current selection, up to three.
With --settle, the clicks start that many seconds after the first visit, once the server's
background indexes (mhkg.server.words, mhkg.server.facet_index) are built (its log says when).
No selection is visited twice (the server keeps answers until the store changes: a repeat
would measure the cache).

Each click asks what a browser asks: the /projects page (HTML: its facet counts, its page of
rows and the count), the same rows as JSON, the page sorted by another column (drawn at
random, either way); then the /overview page (HTML: facet counts and
every chart's data) and each chart's Vega-Lite spec (/overview/NAME.vl.json, six at a time, as
a browser fetches them). It prints p50, p95 and max per kind of request, and per kind of click
with the projects selected (rows). --budget bounds the whole run in seconds (clicks not started
by then are left out, and said); the server is stopped at the end. Exit status: 0 every request
answered 200, 1 some did not, 2 could not run.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from http_load import loopback_address, percentile, serving  # bench/http_load.py

FACET_LINK = re.compile(r'<a href="(?P<href>[^"]*)" data-facet="(?P<facet>[a-z]+)"')
COUNT = re.compile(r'id="(?:row|project)-count">(?:[0-9,]+–[0-9,]+ of )?(?P<n>[0-9,]+|no) ')
SPEC = re.compile(r'data-spec="(?P<spec>[^"]+)"')
KINDS = ("country", "region", "sdg", "organisation", "status", "year", "q")
WORDS = ("health", "labour", "diaspora", "border", "returning migrants")
SORTS = (
    "code",
    "countries",
    "region",
    "goals",
    "funders",
    "implementers",
    "years",
    "budget",
    "status",
)  # the table's columns but the title, its default order
BROWSER_CONNECTIONS = 6  # a browser's connections to one host
MAX_FACETS = 3


@dataclass
class Timings:
    """Seconds per kind of request, per kind of click, and the rows each click selected."""

    requests: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    clicks: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    rows: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    failures: list[str] = field(default_factory=list)


def fetch(base: str, path: str, timings: Timings, kind: str) -> tuple[float, str]:
    """GET base+path: (seconds, body); a status other than 200 is noted as a failure."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path), timeout=120) as answer:
            body = answer.read().decode("utf-8")
    except (urllib.error.URLError, OSError) as error:
        timings.failures.append(f"{kind} {path}: {error}")
        body = ""
    seconds = time.perf_counter() - started
    timings.requests[kind].append(seconds)
    return seconds, body


def facet_links(page: str) -> dict[str, list[list[tuple[str, str]]]]:
    """The facet values a page links, by facet: each the query-string pairs its link adds."""
    links = defaultdict(list)
    for match in FACET_LINK.finditer(page):
        query = html.unescape(match["href"]).partition("?")[2]
        links[match["facet"]].append(parse_qsl(query))
    return links


def projects_of(page: str) -> int:
    found = COUNT.search(page)
    return 0 if not found or found["n"] == "no" else int(found["n"].replace(",", ""))


def click(
    base: str, pairs: list[tuple[str, str]], timings: Timings, overview: bool, sort: str
) -> tuple[float, str]:
    """A browser's requests for one selection: the /projects page's (seconds, HTML)."""
    query = urlencode(pairs)
    seconds, page = fetch(base, f"/projects?{query}", timings, "/projects (HTML)")
    fetch(base, f"/projects?{query}&format=json", timings, "/projects?format=json")
    sorted_by = urlencode([*pairs, ("sort", sort)])
    fetch(base, f"/projects?{sorted_by}", timings, "/projects sorted by another column (HTML)")
    if overview:
        started = time.perf_counter()
        _, charts = fetch(base, f"/overview?{query}", timings, "/overview (HTML)")
        specs = [html.unescape(m["spec"]) for m in SPEC.finditer(charts)]
        with ThreadPoolExecutor(BROWSER_CONNECTIONS) as pool:
            list(pool.map(lambda s: fetch(base, s, timings, "/overview/NAME.vl.json"), specs))
        timings.requests["/overview, page and every spec"].append(time.perf_counter() - started)
    return seconds, page


def next_selection(
    rng: random.Random, current: list[tuple[str, str]], page: str, whole: str, seen: set[str]
) -> tuple[str, list[tuple[str, str]]] | None:
    """A click on the page of `current` (or on the page `whole` with nothing chosen): (its
    kind, the new selection), or None when every choice was visited."""
    given = {name for name, _ in current}
    single = not current or len(given) >= MAX_FACETS or rng.random() < 0.4
    base = [] if single else current
    links = facet_links(whole if single else page)
    kinds = [k for k in KINDS if k not in given or single]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "q":
            options = [[("q", w)] for w in WORDS]
        else:
            options = [
                [pair for pair in link if pair not in base] for link in links.get(kind, [])
            ] or [[(kind, "")]]
        rng.shuffle(options)
        for added in options:
            if any(not value for _, value in added):
                continue
            chosen = sorted(set(base) | set(added))
            key = urlencode(chosen)
            if key not in seen:
                seen.add(key)
                return ("single " if single else "combined, + ") + kind, chosen
    return None


def replay(
    base: str, clicks: int, seed: int, budget: float, overview: bool, settle: float = 0.0
) -> Timings:
    timings = Timings()
    seconds, whole = fetch(base, "/projects", timings, "first /projects (cold)")
    time.sleep(settle)
    deadline = time.monotonic() + budget
    timings.requests.pop("first /projects (cold)")
    timings.clicks["first /projects (cold)"].append(seconds)
    timings.rows["first /projects (cold)"].append(projects_of(whole))
    rng, seen = random.Random(seed), {""}
    sorts = random.Random(seed + 1)  # apart: the clicks are those drawn before sorts were
    current: list[tuple[str, str]] = []
    page = whole
    for _ in range(clicks):
        if time.monotonic() > deadline:
            timings.failures.append(f"budget of {budget:g} s spent: clicks left out")
            break
        chosen = next_selection(rng, current, page, whole, seen)
        if chosen is None:
            break
        kind, current = chosen
        sort = sorts.choice(("", "-")) + sorts.choice(SORTS)
        seconds, page = click(base, current, timings, overview, sort)
        timings.clicks[kind].append(seconds)
        timings.rows[kind].append(projects_of(page))
        if not page:  # the page failed (noted): the next click starts from nothing chosen
            current = []
    return timings


def milliseconds(values: list[float]) -> str:
    cells = [percentile(values, q) * 1000 for q in (0.5, 0.95, 1.0)]
    return " | ".join(f"{v:,.0f}" if v >= 10 else f"{v:.1f}" for v in cells)


def report(timings: Timings, title: str) -> str:
    lines = [
        f"### {title}",
        "",
        "| request | n | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, values in timings.requests.items():
        lines.append(f"| {kind} | {len(values)} | {milliseconds(values)} |")
    lines += ["", "| click: its /projects page | n | projects selected (median; max) | p50 ms "
              "| p95 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for kind in sorted(timings.clicks):
        values, rows = timings.clicks[kind], sorted(timings.rows[kind])
        middle = rows[len(rows) // 2] if rows else 0
        lines.append(f"| {kind} | {len(values)} | {middle:,}; {max(rows, default=0):,} "
                     f"| {milliseconds(values)} |")  # fmt: skip
    lines += [f"failure: {failure}" for failure in timings.failures]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="the store folder to serve")
    parser.add_argument("--url", help="a server already running, on 127.0.0.1 (not --store)")
    parser.add_argument("--clicks", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30.0, help="the server's --timeout")
    parser.add_argument("--workers", type=int, default=2, help="the server's query workers")
    parser.add_argument("--budget", type=float, default=900.0, help="seconds for every click")
    parser.add_argument("--overview", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--json", type=Path, help="also write the timings here")
    parser.add_argument("--settle", type=float, default=0.0,
                        help="seconds to wait after the first visit, while the server builds "
                        "its words and facet indexes (0: clicks start at once)")  # fmt: skip
    args = parser.parse_args(argv)
    if bool(args.store) == bool(args.url):
        parser.error("give --store (a folder to serve) or --url (a running server)")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    try:
        if args.url:
            loopback_address(args.url)
            timings = replay(args.url, args.clicks, args.seed, args.budget, args.overview,
                             args.settle)  # fmt: skip
        else:
            with serving(args.store, timeout=args.timeout, workers=args.workers) as server:
                timings = replay(server.url, args.clicks, args.seed, args.budget, args.overview,
                                 args.settle)  # fmt: skip
    except (RuntimeError, ValueError, OSError) as error:
        print(f"could not run: {error}", file=sys.stderr)
        return 2
    title = (f"mhkg facet clicks, {started}: {args.store or args.url}, --clicks {args.clicks} "
             f"--seed {args.seed} --workers {args.workers} --timeout {args.timeout:g}")  # fmt: skip
    print(report(timings, title))
    if args.json:
        args.json.write_text(json.dumps({"requests": timings.requests, "clicks": timings.clicks,
                                         "rows": timings.rows}, indent=1))  # fmt: skip
    return 1 if timings.failures else 0


if __name__ == "__main__":
    sys.exit(main())
