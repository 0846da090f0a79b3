"""The co-funding pairs of /overview and `mhkg chart co-funding-pairs`: pairs of organisations
that both fund one project (mhkg:funderRole), with the number of the selection's projects
they fund together, the pairs with most projects first.

The pairs are formed within each selected project, from that project's funders only: the
query starts from the selection's patterns (their VALUES first), reads each project's funder
participations, pairs them (each pair once, in code-point order of the IRIs) and counts the
projects of each pair, so the work is the sum over projects of the square of their funders.
It never joins participations through an organisation, which would pair every project of a
hub (the IOM Development Fund funds every project) with every other. Under a broad selection
the projects' funders are read as scans joined by hash (mhkg.queries.broad), as the other
charts' values are.
"""

from __future__ import annotations

from typing import Any

from mhkg.queries import broad
from mhkg.queries.facets import PREFIXES, Selection
from mhkg.results import QueryResult
from mhkg.vocab import MHKG

TOP_PAIRS = 15
"""The chart shows the pairs that fund most projects together, at most this many."""
NOTE = f"A project counts once for each pair of its funders. The {TOP_PAIRS} pairs with most."
FUNDER = MHKG.funderRole
HEADER = ["funder", "with funder", "projects", "funder key", "with funder key"]


def pairs_sparql(selection: Selection, top: int | None = TOP_PAIRS) -> str:
    """The query for the pairs of funders of the selection's projects: ?first and ?second
    (IRIs, ?first's the lesser), their ?firstName and ?secondName, and ?projects, most
    projects first (then by the IRIs); the first `top` pairs, or all (None)."""
    limit = f"\n    LIMIT {top}" if top is not None else ""
    if selection.broad():
        funders = [  # each project's funders, read once for each side of the pair
            broad.scan(f"?project {org}", broad.participations(part, org, None, roles=[FUNDER]))
            for part, org in (("?c_first", "?first"), ("?c_second", "?second"))
        ]
        where = (
            f"{{ SELECT DISTINCT ?project WHERE {{\n        {_indented(selection.where())}\n"
            f"      }} }}\n      {funders[0]}\n      {funders[1]}"
        )
    else:
        where = (
            f"{_indented(selection.where())}\n"
            "      ?c_first mhkg:inProject ?project ; mhkg:role mhkg:funderRole ;\n"
            "               mhkg:participant ?first .\n"
            "      ?c_second mhkg:inProject ?project ; mhkg:role mhkg:funderRole ;\n"
            "                mhkg:participant ?second ."
        )
    return (
        f"{PREFIXES}SELECT ?first ?firstName ?second ?secondName ?projects\nWHERE {{\n"
        "  { SELECT ?first ?second (COUNT(DISTINCT ?project) AS ?projects) WHERE {\n"
        f"      {where}\n"
        "      FILTER (STR(?first) < STR(?second))\n"
        "    } GROUP BY ?first ?second\n"
        f"    ORDER BY DESC(?projects) STR(?first) STR(?second){limit} }}\n"
        "  OPTIONAL { ?first rdfs:label ?firstName }\n"
        "  OPTIONAL { ?second rdfs:label ?secondName }\n"
        "}\nORDER BY DESC(?projects) STR(?first) STR(?second)\n"
    )


def _indented(where: str) -> str:
    return where.replace("\n  ", "\n      ")


def pair_rows(result: QueryResult) -> list[dict[str, Any]]:
    """The pairs' rows: key (the two IRIs), label (the two names), first, firstName, second,
    secondName, projects; one row per pair (an organisation with two labels: the least)."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for row in result.rows:
        first, second = str(row["first"]), str(row["second"])
        names = [
            str(row.get(n) or iri) for n, iri in (("firstName", first), ("secondName", second))
        ]
        found = pairs.setdefault((first, second), {"first": first, "second": second,
                                                   "firstName": names[0], "secondName": names[1],
                                                   "projects": int(row["projects"])})  # fmt: skip
        found["firstName"] = min(found["firstName"], names[0])
        found["secondName"] = min(found["secondName"], names[1])
    rows = sorted(pairs.values(), key=lambda r: (-r["projects"], r["first"], r["second"]))
    for row in rows:
        row["key"] = f"{row['first']} {row['second']}"
        row["label"] = f"{row['firstName']} & {row['secondName']}"
    return rows


def pair_spec(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A ranked bar chart of the pairs (a bar per pair, its two funders as its label)."""
    return {
        "data": {"values": rows},
        "width": 420,
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": None, "sort": "-x"},
            "x": {"field": "projects", "type": "quantitative", "title": "Projects funded together",
                  "axis": {"format": "d", "tickMinStep": 1}},
            "tooltip": [{"field": "firstName", "title": "Funder"},
                        {"field": "secondName", "title": "With"},
                        {"field": "projects", "title": "Projects together"}],
        },
    }  # fmt: skip


def pair_table(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """The pairs as a table (the chart's text alternative and CSV)."""
    return HEADER, [
        [r["firstName"], r["secondName"], r["projects"], r["first"], r["second"]] for r in rows
    ]
