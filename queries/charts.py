"""The charts of /overview and `mhkg chart`: for each, the SPARQL of its data under a selection
of projects (mhkg.queries.facets), its rows, and a Vega-Lite specification with the rows inline,
so that the page and the command line draw the same chart from the same rows.

With nothing selected, a chart's data is a named summary's (queries/projects-per-*.rq, read
from the tallies in the derived graph); under a selection, the same columns are counted from
the selection's projects, in the same way as the tallies count them: a project counts whole
in each of its countries, goals, regions and organisations; a budget is the largest budget
statement of a project in a currency, summed per currency, and never added across currencies
(a budget chart has one panel per currency).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from mhkg import queries as named_queries
from mhkg.errors import MhkgError
from mhkg.queries import broad, cofunding
from mhkg.queries.facets import PREFIXES, Selection
from mhkg.results import QueryResult
from mhkg.vocab import MHKG

VEGA_LITE = "https://vega.github.io/schema/vega-lite/v6.json"
VL_VERSION = "6.4"
"""The Vega-Lite version of the specs: the one vendored for the page (server/static/vendor/vega)
and one that vl-convert-python renders."""
TOP = 15
"""A chart of organisations shows the ones with most projects, at most this many."""
COUNTS = {"format": "d", "tickMinStep": 1}
"""The axis of a count of projects: whole numbers."""
WHOLE = "A project in several {0} counts whole in each."
NEVER_ADDED = "Budgets in different currencies are never added: one panel per currency."


@dataclass(frozen=True)
class Dimension:
    """What a chart breaks the projects down by: the pattern binding ?key and ?f_label from
    ?project, the named summary read when nothing is selected (and its columns for key and
    label), and what a project counted in several of them is called."""

    title: str
    pattern: str
    summary: str | None
    summary_key: str
    summary_label: str
    several: str
    role: str | None = None


def _organisations(role: str) -> str:
    return (
        f"?d_part mhkg:role mhkg:{role}Role ; mhkg:inProject ?project ; mhkg:participant ?key .\n"
        "  ?key rdfs:label ?f_label ."
    )


LOOKED_UP = {  # a dimension's ?key and ?f_label of ?project, looked up (no BIND before the
    # patterns that follow: Oxigraph joins what comes after a BIND with what came before;
    # the region's key bound by BIND took 57 s for the budgets of one organisation's projects)
    "country": "?project mhkg:benefitingCountry|mhkg:projectCountry ?f_value .\n"
    "  ?f_value mhkg:iso3166Alpha3 ?key ; rdfs:label ?f_label .",
    "sdg": "{ ?project mhkg:addressesGoal ?f_value }\n"
    "  UNION { ?project mhkg:addressesGoal/mhkg:targetOf ?f_value }\n"
    "  ?f_value mhkg:goalNumber ?key ; rdfs:label ?f_label .",
    "region": "?project mhkg:idfRegion ?key . ?key rdfs:label ?f_label .",
}


DIMENSIONS = {
    "country": Dimension("Country", LOOKED_UP["country"], "projects-per-country",
                         "iso3", "countryName", "countries"),
    "sdg": Dimension("Goal (SDG)", LOOKED_UP["sdg"], "projects-per-sdg",
                     "goal", "goalName", "goals"),
    "region": Dimension("IDF region", LOOKED_UP["region"], "projects-per-region",
                        "region", "regionName", "regions"),
    "year": Dimension("Start year", "?project mhkg:startDate ?f_start ; mhkg:status ?d_status .\n"
                      "  ?d_status skos:prefLabel ?status .\n"  # before the BIND: looked up
                      "  BIND (SUBSTR(STR(?f_start), 1, 4) AS ?key)", None, "", "", "years"),
    "funder": Dimension("Funder", _organisations("funder"), "projects-per-organisation",
                        "organisation", "name", "funders", "funder"),
    "implementer": Dimension("Implementer", _organisations("implementer"),
                             "projects-per-organisation", "organisation", "name",
                             "implementers", "implementer"),
    "funder-pair": Dimension("Funders", "", None, "", "", "pairs"),  # see mhkg.queries.cofunding
}  # fmt: skip


@dataclass(frozen=True)
class Chart:
    name: str
    title: str
    dimension: str
    measure: str  # "projects" or "budget"

    @property
    def note(self) -> str:
        if self.dimension == "funder-pair":
            return cofunding.NOTE
        dimension = DIMENSIONS[self.dimension]
        notes = [] if self.dimension == "year" else [WHOLE.format(dimension.several)]
        if self.measure == "budget":
            notes.append(NEVER_ADDED)
        if self.measure == "map":
            notes.append("Shaded by projects; the budget, per currency, on hover.")
        if self.dimension in ("funder", "implementer"):
            notes.append(f"The {TOP} with most projects.")
        if self.dimension == "year":
            notes.append("Projects by the year they start, stacked by status.")
        return " ".join(notes)


CHARTS = {
    chart.name: chart
    for chart in (
        Chart("projects-map", "Projects and budget per country: a map", "country", "map"),
        Chart("projects-per-country", "Projects per country", "country", "projects"),
        Chart("budget-per-country", "Budget per country", "country", "budget"),
        Chart("projects-per-sdg", "Projects per Sustainable Development Goal", "sdg", "projects"),
        Chart("budget-per-sdg", "Budget per Sustainable Development Goal", "sdg", "budget"),
        Chart("projects-per-region", "Projects per IDF region", "region", "projects"),
        Chart("budget-per-region", "Budget per IDF region", "region", "budget"),
        Chart("projects-per-year", "Projects per start year, by status", "year", "projects"),
        Chart("top-funders", "Top funders", "funder", "projects"),
        Chart("top-implementers", "Top implementers", "implementer", "projects"),
        Chart(
            "co-funding-pairs",
            "Co-funding: pairs of funders of the same projects",
            "funder-pair",
            "projects",
        ),
    )
}


def chart_sparql(chart: Chart, selection: Selection, *, tallied: bool = True) -> str:
    """The query for the chart's data: the named summary with nothing selected (`tallied`),
    else the selection's projects counted per key (and per currency, with their budgets)."""
    dimension = DIMENSIONS[chart.dimension]
    if chart.dimension == "funder-pair":
        return cofunding.pairs_sparql(selection)
    if tallied and not selection and dimension.summary:
        named = named_queries.load(dimension.summary)
        return named.sparql({"role": dimension.role} if dimension.role else None)
    if selection.broad():  # scans joined by hash (mhkg.queries.broad)
        if chart.dimension == "year":
            return PREFIXES + broad.chart_years(selection.where())
        return PREFIXES + broad.chart_counts(selection.where(), *_broad_parts(chart.dimension))
    # The selection's patterns and the dimension's in one group, the selection's VALUES
    # first: Oxigraph then looks up each selected project's keys. (A sub-select of the
    # selection's projects joined with the dimension's pattern was hash-joined: the pattern
    # read for every project of the store.)
    where = f"{_indented(selection.where(), 3)}\n      {_indented(dimension.pattern, 3)}"
    if chart.dimension == "year":
        return (
            f"{PREFIXES}SELECT ?key ?status (COUNT(DISTINCT ?project) AS ?projects)\nWHERE {{\n"
            f"      {where}\n}}\nGROUP BY ?key ?status\nORDER BY ?key ?status\n"
        )
    # The budgets in an OPTIONAL that restates the selection: its group is evaluated on its
    # own (a hash join), so it must hold itself to the selected projects.
    return (
        f"{PREFIXES}SELECT ?key ?label ?projects ?budget ?currency\nWHERE {{\n"
        "  { SELECT ?key (SAMPLE(?f_label) AS ?label) (COUNT(DISTINCT ?project) AS ?projects)\n"
        f"    WHERE {{\n      {where}\n    }} GROUP BY ?key }}\n"
        "  OPTIONAL {\n"
        "    { SELECT ?key ?currency (SUM(?value) AS ?budget) WHERE {\n"
        "      { SELECT ?project ?key ?currency (MAX(?amount) AS ?value) WHERE {\n"
        f"      {where}\n"
        "      ?project mhkg:budget ?d_budget .\n"
        "      ?d_budget schema:value ?amount ; schema:currency ?currency .\n"
        "      } GROUP BY ?project ?key ?currency }\n"
        "    } GROUP BY ?key ?currency }\n"
        "  }\n}\nORDER BY DESC(?projects) ?key ?currency\n"
    )


def _broad_parts(dimension: str) -> tuple[str, str]:
    """The scans that bind ?project and its ?f_value of the dimension, and the pattern that
    labels them (?key, ?f_label), for a broad selection."""
    if dimension in ("funder", "implementer"):
        roles = [MHKG[f"{dimension}Role"]]
        scans = broad.participations("?d_part", "?f_value", None, roles=roles)
        return scans, "?f_value rdfs:label ?f_label . BIND (?f_value AS ?key)"
    return broad.VALUE_SCANS[dimension]


def _indented(pattern: str, depth: int) -> str:
    """A pattern's lines after the first indented `depth` levels (of two spaces)."""
    return pattern.replace("\n  ", "\n" + "  " * depth)


def chart_rows(chart: Chart, result: QueryResult, tallied: bool) -> list[dict[str, Any]]:
    """The chart's rows: key, label, projects, budget and currency (None without a budget);
    for the years, key (the year), status and projects; for pairs, see mhkg.queries.cofunding."""
    if chart.dimension == "funder-pair":
        return cofunding.pair_rows(result)
    dimension = DIMENSIONS[chart.dimension]
    key, label = ("key", "label")
    if tallied and dimension.summary and "key" not in result.variables:
        key, label = dimension.summary_key, dimension.summary_label
    rows = []
    for row in result.rows:
        if chart.dimension == "year":
            rows.append({"key": str(row["key"]), "status": _text(row.get("status")),
                         "projects": int(row["projects"])})  # fmt: skip
            continue
        if dimension.role and str(row.get("role", dimension.role)) != dimension.role:
            continue
        budget = row.get("budget")
        rows.append({
            "key": str(row[key]),
            "label": _text(row.get(label)) or str(row[key]),
            "projects": int(row["projects"]),
            "budget": None if budget is None else float(budget.toPython()),
            "currency": _text(row.get("currency")),
        })  # fmt: skip
    return rows


def _text(term: Any) -> str | None:
    return None if term is None else str(term)


def chart_data(
    chart: Chart, selection: Selection, run: Callable[[str], QueryResult]
) -> tuple[str, list[dict[str, Any]]]:
    """The chart's SPARQL and its rows, the query run by `run`."""
    sparql = chart_sparql(chart, selection)
    return sparql, chart_rows(chart, run(sparql), tallied=True)


def chart_spec(
    chart: Chart, rows: list[dict[str, Any]], subtitle: str = "", world: str | None = None
) -> dict[str, Any]:
    """The Vega-Lite specification of the chart, its rows inline; a map reads the countries'
    shapes from the URL `world`, else has them inline too."""
    spec: dict[str, Any] = {
        "$schema": VEGA_LITE,
        "title": {"text": chart.title, "subtitle": [s for s in (subtitle, chart.note) if s]},
        "description": f"{chart.title}. {chart.note}",
        "config": {"view": {"stroke": None}, "axis": {"labelLimit": 260}},
    }
    if chart.dimension == "year":
        return spec | {
            "data": {"values": rows},
            "width": 560,
            "height": 260,
            "mark": {"type": "bar", "tooltip": True},
            "encoding": {
                "x": {"field": "key", "type": "ordinal", "title": "Start year"},
                "y": {"field": "projects", "type": "quantitative", "title": "Projects",
                      "stack": "zero", "axis": COUNTS},
                "color": {"field": "status", "type": "nominal", "title": "Status"},
            },
        }  # fmt: skip
    if chart.measure == "map":
        return spec | _map(rows, world)
    if chart.dimension == "funder-pair":
        return spec | cofunding.pair_spec(rows)
    title = DIMENSIONS[chart.dimension].title
    if chart.measure == "projects":
        data = _distinct_keys(rows)
        if chart.dimension in ("funder", "implementer"):
            data = data[:TOP]
        return spec | {
            "data": {"values": data},
            "width": 420,
            "mark": {"type": "bar", "tooltip": True},
            "encoding": {
                "y": {"field": "label", "type": "nominal", "title": title, "sort": "-x"},
                "x": {"field": "projects", "type": "quantitative", "title": "Projects",
                      "axis": COUNTS},
            },
        }  # fmt: skip
    data = [r for r in rows if r["budget"] is not None]
    return spec | {
        "data": {"values": data},
        "facet": {"row": {"field": "currency", "type": "nominal", "title": "Currency"}},
        "resolve": {"scale": {"x": "independent", "y": "independent"}},
        "spec": {
            "width": 420,
            "mark": {"type": "bar", "tooltip": True},
            "encoding": {
                "y": {"field": "label", "type": "nominal", "title": title, "sort": "-x"},
                "x": {"field": "budget", "type": "quantitative", "title": "Budget"},
            },
        },
    }


WORLD = "countries-110m.json"
"""Natural Earth's countries at 1:110m as TopoJSON (world-atlas), vendored with Vega: each
country's ISO 3166-1 numeric code is its `id`."""


def _map(rows: list[dict[str, Any]], world: str | None) -> dict[str, Any]:
    """A choropleth of the countries' projects, with their budgets per currency on hover."""
    if world is None:
        folder = resources.files("mhkg.server").joinpath("static/vendor/vega")
        shapes: dict[str, Any] = {"values": json.loads(folder.joinpath(WORLD).read_text("utf-8"))}
    else:
        shapes = {"url": world}
    shapes["format"] = {"type": "topojson", "feature": "countries"}
    numeric = numeric_codes()
    values = []
    for row in _distinct_keys(rows):
        budgets = [r for r in rows if r["key"] == row["key"] and r["budget"] is not None]
        text = "; ".join(f"{r['budget']:,.0f} {r['currency']}" for r in budgets) or "none given"
        if row["key"] in numeric:
            values.append(row | {"id": numeric[row["key"]], "budgets": text})
    fields = ["label", "projects", "budgets"]
    return {
        "width": 640,
        "height": 340,
        "projection": {"type": "equalEarth"},
        "layer": [
            {"data": shapes, "mark": {"type": "geoshape", "fill": "#e8e8e8", "stroke": "white",
                                      "strokeWidth": 0.5}},
            {"data": shapes,
             "transform": [{"lookup": "id", "from": {"data": {"values": values}, "key": "id",
                                                     "fields": fields}},
                           {"filter": "isValid(datum.projects)"}],
             "mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 0.5},
             "encoding": {
                 "color": {"field": "projects", "type": "quantitative", "title": "Projects",
                           "scale": {"scheme": "blues"}, "legend": {"format": "d"}},
                 "tooltip": [{"field": "label", "title": "Country"},
                             {"field": "projects", "title": "Projects"},
                             {"field": "budgets", "title": "Budget"}]}},
        ],
    }  # fmt: skip


@cache
def numeric_codes() -> dict[str, str]:
    """Each country's ISO 3166-1 numeric code by its alpha-3 code (the reference data)."""
    from mhkg import ontology
    from mhkg.vocab import MHKG

    graph = ontology.reference_graph()
    return {
        str(alpha3): str(graph.value(country, MHKG.iso3166Numeric))
        for country, alpha3 in graph.subject_objects(MHKG.iso3166Alpha3)
        if graph.value(country, MHKG.iso3166Numeric) is not None
    }


def _distinct_keys(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per key (a key has a row per currency of its budgets), most projects first."""
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(row["key"], {k: row[k] for k in ("key", "label", "projects")})
    return sorted(seen.values(), key=lambda r: (-r["projects"], r["label"]))


def chart_table(chart: Chart, rows: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    """The chart's text alternative and CSV: a header and rows of the values it draws."""
    if chart.dimension == "funder-pair":
        return cofunding.pair_table(rows)
    if chart.dimension == "year":
        return ["start year", "status", "projects"], [
            [r["key"], r["status"] or "", r["projects"]] for r in rows
        ]
    title = DIMENSIONS[chart.dimension].title.lower()
    if chart.measure in ("projects", "map"):
        data = _distinct_keys(rows)[: TOP if chart.dimension in ("funder", "implementer") else None]
        return [title, "key", "projects"], [[r["label"], r["key"], r["projects"]] for r in data]
    return [title, "key", "budget", "currency"], [
        [r["label"], r["key"], r["budget"], r["currency"]] for r in rows if r["budget"] is not None
    ]


OUTPUTS = (".png", ".svg", ".vl.json")


def render(spec: dict[str, Any], output: str) -> bytes:
    """The chart as the file `output` names by its ending (OUTPUTS): the spec itself as JSON,
    or drawn by vl-convert-python (the `chart` extra). Raises MhkgError without it."""
    if output.endswith(".vl.json"):
        return (json.dumps(spec, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    try:
        import vl_convert
    except ImportError:
        raise MhkgError(
            "drawing a chart as PNG or SVG needs vl-convert-python: pip install 'mhkg[chart]' "
            "(or write the Vega-Lite spec with --output FILE.vl.json)"
        ) from None
    if output.endswith(".svg"):
        return vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION).encode("utf-8")
    return bytes(vl_convert.vegalite_to_png(spec, vl_version=VL_VERSION, scale=2))
