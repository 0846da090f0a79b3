"""The co-funding pairs (mhkg.queries.cofunding, the chart co-funding-pairs): on the seeds and
on generated projects with up to four funders each, the pairs and their counts are those
computed here in Python from each project's funders, with nothing selected and under facets;
the chart, its table and its CSV show the same pairs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from itertools import combinations
from pathlib import Path

import pytest

from mhkg.iri import base_iri
from mhkg.queries.charts import CHARTS, chart_data, chart_spec, chart_table
from mhkg.queries.cofunding import TOP_PAIRS, pair_rows, pairs_sparql
from mhkg.queries.facets import Selection
from mhkg.store import Store, open_store

PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
FUNDERS = (
    PREFIXES
    + """SELECT DISTINCT ?project ?funder WHERE {
  ?project a mhkg:Project .
  ?part mhkg:inProject ?project ; mhkg:role mhkg:funderRole ; mhkg:participant ?funder .
}"""
)
SELECTIONS = [{}, {"country": ["KEN"]}, {"sdg": ["3", "8"]},
              {"region": ["africa"], "year": ["2015"]}, {"q": ["health"]},
              {"status": ["active"], "type": ["labour-migration"]}]  # fmt: skip


@pytest.fixture(scope="module")
def cofunded_store(cofunded_copy: Callable[[str], Path]) -> Iterator[Store]:
    with open_store(cofunded_copy("cofunding")) as kg:
        yield kg


@pytest.fixture(params=["seeded_store", "cofunded_store"])
def store(request: pytest.FixtureRequest) -> Store:
    return request.getfixturevalue(request.param)


def selected(store: Store, selection: Selection) -> set[str]:
    """The selection's projects, as /projects lists them."""
    query = f"{PREFIXES}SELECT DISTINCT ?project WHERE {{ {selection.where()} }}"
    return {str(row["project"]) for row in store.query(query).rows}


def expected_pairs(store: Store, projects: set[str]) -> Counter:
    """Each pair of funders (IRIs in code-point order) and how many of `projects` both fund,
    from every project's funders, in Python."""
    funders: dict[str, set[str]] = {}
    for row in store.query(FUNDERS).rows:
        funders.setdefault(str(row["project"]), set()).add(str(row["funder"]))
    pairs: Counter = Counter()
    for project in projects:
        for pair in combinations(sorted(funders.get(project, ())), 2):
            pairs[pair] += 1
    return pairs


@pytest.mark.parametrize("args", SELECTIONS)
def test_the_pairs_are_those_of_each_projects_funders(store: Store, args: dict) -> None:
    selection = Selection.parse(args, base_iri())
    expected = expected_pairs(store, selected(store, selection))
    every = pair_rows(store.query(pairs_sparql(selection, top=None)))
    assert {(r["first"], r["second"]): r["projects"] for r in every} == dict(expected)
    top = pair_rows(store.query(pairs_sparql(selection)))
    ranked = sorted(expected.items(), key=lambda item: (-item[1], item[0]))[:TOP_PAIRS]
    assert [((r["first"], r["second"]), r["projects"]) for r in top] == ranked


def test_the_generated_projects_have_pairs(cofunded_store: Store) -> None:
    pairs = expected_pairs(cofunded_store, selected(cofunded_store, Selection()))
    assert len(pairs) > TOP_PAIRS  # so that the chart's top is a choice
    assert max(pairs.values()) > 1  # a pair funds several projects together
    idf = "https://w3id.org/mhkg/id/organisation/iom-development-fund"
    assert any(idf in pair for pair in pairs)  # the hub is paired, once per project


def test_the_seeds_have_one_funder_a_project(seeded_store: Store) -> None:
    assert expected_pairs(seeded_store, selected(seeded_store, Selection())) == Counter()
    _, rows = chart_data(CHARTS["co-funding-pairs"], Selection(), seeded_store.query)
    assert rows == []


def test_the_chart_and_its_table_show_the_pairs(cofunded_store: Store) -> None:
    chart = CHARTS["co-funding-pairs"]
    kenya = Selection.parse({"country": ["KEN"]}, base_iri())
    sparql, rows = chart_data(chart, kenya, cofunded_store.query)
    assert sparql == pairs_sparql(kenya)
    assert 0 < len(rows) <= TOP_PAIRS
    spec = chart_spec(chart, rows, "country=KEN")
    assert spec["data"]["values"] == rows
    assert spec["encoding"]["x"]["field"] == "projects"
    header, table = chart_table(chart, rows)
    assert header[:3] == ["funder", "with funder", "projects"]
    assert [(t[3], t[4], t[2]) for t in table] == [
        (r["first"], r["second"], r["projects"]) for r in rows
    ]
    names = {t[0] for t in table} | {t[1] for t in table}
    assert "IOM Development Fund" in names and not any(n.startswith("http") for n in names)
