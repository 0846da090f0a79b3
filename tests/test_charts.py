"""The charts of /overview and `mhkg chart` (mhkg.queries.charts) on the seeds: with nothing
selected, their data are the named summaries' rows, and the same columns counted from the
projects agree with them; a facet narrows the data."""

from __future__ import annotations

import pytest

from mhkg.iri import base_iri
from mhkg.queries.charts import CHARTS, chart_data, chart_rows, chart_sparql, chart_spec
from mhkg.queries.facets import Selection
from mhkg.store import Store

SUMMARISED = [n for n, c in CHARTS.items() if c.dimension not in ("year", "funder-pair")]


def _facts(rows: list[dict]) -> set[tuple]:
    return {(r["key"], r["projects"], r["budget"], r["currency"]) for r in rows}


@pytest.mark.parametrize("name", SUMMARISED)
def test_counted_from_the_projects_as_the_tallies_count(seeded_store: Store, name: str) -> None:
    chart = CHARTS[name]
    _, tallied = chart_data(chart, Selection(), seeded_store.query)
    counted_text = chart_sparql(chart, Selection(), tallied=False)
    counted = chart_rows(chart, seeded_store.query(counted_text), tallied=False)
    assert tallied, name
    assert _facts(tallied) == _facts(counted)


def test_the_data_are_the_summary_rows(seeded_store: Store) -> None:
    from mhkg import queries

    summary = seeded_store.query(queries.load("projects-per-country").sparql())
    _, rows = chart_data(CHARTS["budget-per-country"], Selection(), seeded_store.query)
    assert [(r["key"], r["projects"]) for r in rows] == [
        (str(s["iso3"]), int(s["projects"])) for s in summary.rows
    ]
    spec = chart_spec(CHARTS["budget-per-country"], rows)
    budgets = {(r["key"], r["currency"]): r["budget"] for r in spec["data"]["values"]}
    assert budgets == {
        (str(s["iso3"]), str(s["currency"])): float(s["budget"].toPython())
        for s in summary.rows
        if "budget" in s
    }
    assert spec["facet"]["row"]["field"] == "currency"  # never added across currencies


def test_years_stacked_by_status(seeded_store: Store) -> None:
    from mhkg import queries

    summary = seeded_store.query(queries.load("projects-per-year").sparql())
    _, rows = chart_data(CHARTS["projects-per-year"], Selection(), seeded_store.query)
    per_year: dict[str, int] = {}
    for row in rows:
        per_year[row["key"]] = per_year.get(row["key"], 0) + row["projects"]
    assert per_year == {str(s["year"]): int(s["projects"]) for s in summary.rows}
    assert chart_spec(CHARTS["projects-per-year"], rows)["encoding"]["color"]["field"] == "status"


def test_a_facet_narrows_the_data(seeded_store: Store) -> None:
    guinea = Selection.parse({"country": ["GIN"]}, base_iri())
    for name in ("projects-per-country", "projects-per-sdg", "top-funders", "projects-per-year"):
        chart = CHARTS[name]
        _, everything = chart_data(chart, Selection(), seeded_store.query)
        _, narrowed = chart_data(chart, guinea, seeded_store.query)
        assert narrowed, name
        assert sum(r["projects"] for r in narrowed) < sum(r["projects"] for r in everything)
    _, countries = chart_data(CHARTS["projects-per-country"], guinea, seeded_store.query)
    assert {r["key"]: r["projects"] for r in countries}["GIN"] == 1
