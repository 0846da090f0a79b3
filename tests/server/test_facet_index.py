"""The facet index (mhkg.server.facet_index): its counts and totals are the rows of the
browser's own queries (mhkg.queries.facets), for the selections of tests/test_facet_queries.py
and for selections drawn at random from the values the index holds, on the seeds and on
generated projects with several funders; /projects and /overview answer from it once built."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from flask import Flask
from selections import IOM  # tests/selections.py
from selections import SELECTIONS as SHARED

from mhkg.iri import base_iri
from mhkg.queries import Page, facets
from mhkg.queries.charts import CHARTS, Chart, chart_rows, chart_sparql
from mhkg.queries.cofunding import pair_rows, pairs_sparql
from mhkg.queries.facets import COLUMNS, FACETS, Selection, facet_sparql, words_sparql
from mhkg.queries.project_table import count_sparql, page_sparql
from mhkg.server import indexed_charts
from mhkg.server import overview as overview_page
from mhkg.server import projects as projects_page
from mhkg.server.facet_index import FacetIndex
from mhkg.server.store import generation
from mhkg.store import Store, open_store

from .fixtures_app import app_over

SELECTIONS = [
    *SHARED, {"kind": ["Ministry"]}, {"organisation": [IOM]}, {"country": ["XYZ"]},
    {"year": ["1900"]}, {"organisation": ["https://example.org/nobody"], "role": ["funder"]},
]  # fmt: skip
DRAWN = 60


@pytest.fixture(scope="module")
def cofunded_store(cofunded_copy: Callable[[str], Path]) -> Iterator[Store]:
    with open_store(cofunded_copy("facet-index")) as kg:
        yield kg


@pytest.fixture(scope="module", params=["seeded_store", "cofunded_store"])
def indexed(request: pytest.FixtureRequest) -> tuple[Store, FacetIndex]:
    store = request.getfixturevalue(request.param)
    return store, FacetIndex.build(store.query)


def queried(store: Store, selection: Selection) -> tuple[dict[str, list[tuple]], int]:
    """Each facet's rows and the total as the browser's queries give them."""
    counts = {}
    for name in FACETS:
        rows = store.query(facet_sparql(name, selection)).rows
        counts[name] = [_row(row) for row in rows]
    total = store.query(count_sparql(selection)).rows
    return counts, int(total[0]["total"]) if total else 0


def indexed_answer(index: FacetIndex, selection: Selection) -> tuple[dict[str, list[tuple]], int]:
    counts = {name: [_row(row) for row in index.counts(name, selection)] for name in FACETS}
    return counts, index.total(selection)


def _row(row) -> tuple:
    role = str(row["role"]) if "role" in row else None
    return (str(row["key"]), role, str(row["label"]), int(row["count"]))


def told_words(store: Store, selection: Selection) -> Selection:
    """The selection, told the projects holding its words, as /projects tells it."""
    if not selection.q:
        return selection
    return selection.found([row["project"] for row in store.query(words_sparql(selection.q)).rows])


@pytest.mark.parametrize("args", SELECTIONS)
def test_the_index_counts_what_the_queries_count(
    indexed: tuple[Store, FacetIndex], args: dict
) -> None:
    store, index = indexed
    selection = told_words(store, Selection.parse(args, base_iri()))
    assert index.answers(selection)
    assert indexed_answer(index, selection) == queried(store, selection)


def drawn_selections(index: FacetIndex, count: int, seed: int = 3) -> list[dict]:
    """`count` selections of one to three facets, one or two values each, drawn from the
    values the whole portfolio shows (organisations with their roles)."""
    whole = Selection()
    shown = {name: index.counts(name, whole) for name in FACETS}
    chance = random.Random(seed)
    selections = []
    while len(selections) < count:
        args: dict[str, list[str]] = {}
        for name in chance.sample([n for n in FACETS if shown[n]], chance.randint(1, 3)):
            for row in chance.sample(shown[name], min(len(shown[name]), chance.randint(1, 2))):
                key = str(row["key"])
                args.setdefault(name, []).append(projects_page._key(name, key))
                if name == "organisation" and chance.random() < 0.7:
                    args.setdefault("role", []).append(str(row["role"]))
        selections.append(args)
    return selections


def test_drawn_selections_count_as_the_queries_do(indexed: tuple[Store, FacetIndex]) -> None:
    store, index = indexed
    nonempty = 0
    for args in drawn_selections(index, DRAWN):
        selection = Selection.parse(args, base_iri())
        answer = indexed_answer(index, selection)
        assert answer == queried(store, selection), args
        nonempty += answer[1] > 0
    assert nonempty >= DRAWN // 4  # the draws select projects, not only empty selections


@pytest.mark.parametrize("descending", [False, True])
def test_a_page_in_each_order_is_the_querys(
    indexed: tuple[Store, FacetIndex], descending: bool
) -> None:
    store, index = indexed
    selections = [told_words(store, Selection.parse(args, base_iri())) for args in SELECTIONS]
    drawn = [Selection.parse(args, base_iri()) for args in drawn_selections(index, 8, seed=9)]
    listed = 0
    for selection in [*selections, *drawn]:
        for column in COLUMNS:
            for offset, limit in ((0, 7), (5, 3), (0, 200), (10_000, 5)):
                page = Page(limit, offset)
                sort = (column, descending)
                asked = store.query(page_sparql(selection, sort, page)).rows
                found = index.page(selection, sort, offset, limit)
                assert found == [row["project"] for row in asked], (selection.given, sort, offset)
                listed += len(found)
    assert listed > 500


def test_words_found_in_more_projects_than_a_query_lists(
    indexed: tuple[Store, FacetIndex], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queries read the texts again (their text bounded); the index counts from the
    projects found all the same."""
    store, index = indexed
    monkeypatch.setattr(facets, "WORDS_LISTED", 2)
    selection = told_words(store, Selection.parse({"q": ["health"]}, base_iri()))
    assert len(selection.matched) > 2 and "CONTAINS" in selection.where()
    assert index.answers(selection)
    assert indexed_answer(index, selection) == queried(store, selection)


def test_an_unlisted_words_selection_is_left_to_the_queries(
    indexed: tuple[Store, FacetIndex],
) -> None:
    _, index = indexed
    words = Selection.parse({"q": ["health"]}, base_iri())
    assert not index.answers(words)  # its projects not told: the query reads the texts
    assert index.answers(words.found([]))
    assert index.total(words.found([])) == 0


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("facet-index-app")) as app:
        yield app


def test_the_pages_answer_from_the_index(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the index is built, /projects asks no facet query and /overview no query at all,
    and they show what the queries gave."""
    client = app.test_client()
    query = urlencode({"sdg": "3", "status": "active"})
    asked = {page: client.get(page).get_data(as_text=True)  # answered by the queries
             for page in (f"/projects?{query}", f"/projects?{query}&sort=-budget&offset=2",
                          f"/overview?{query}",
                          f"/overview/top-funders.csv?{query}")}  # fmt: skip
    kept = app.extensions["mhkg.facet_index"]
    with app.app_context():
        kept.prepare(generation())
    assert kept.ready.wait(60)

    def unwanted(*args) -> str:
        raise AssertionError(f"the store was asked: {args}")

    monkeypatch.setattr(projects_page, "facet_sparql", unwanted)
    monkeypatch.setattr(projects_page, "count_sparql", unwanted)
    monkeypatch.setattr(overview_page, "run", unwanted)
    rows_only = projects_page.run

    def run(sparql: str, capped: bool = True):
        assert "titleRank" not in sparql, "the page's projects were asked of the store"
        return rows_only(sparql, capped)

    monkeypatch.setattr(projects_page, "run", run)
    app.extensions["mhkg.projects"].clear()  # nothing kept from the first visits
    for page, before in asked.items():
        response = client.get(page)
        assert response.status_code == 200, page
        assert response.get_data(as_text=True) == before, page
    assert "data-facet=" in asked[f"/projects?{query}"]
    for chart in CHARTS:
        assert client.get(f"/overview/{chart}.vl.json?{query}").status_code == 200


def charted(store: Store, chart: Chart, selection: Selection) -> list[dict]:
    """The chart's rows as its query gives them (budgets compared to a relative 1e-9: the
    query sums decimals, the index floats)."""
    if chart.dimension == "funder-pair":
        return pair_rows(store.query(pairs_sparql(selection)))
    return chart_rows(chart, store.query(chart_sparql(chart, selection)), tallied=True)


def _approximately(rows: list[dict]) -> list[dict]:
    return [row | {"budget": pytest.approx(row["budget"], rel=1e-9)} if row.get("budget") else row
            for row in rows]  # fmt: skip


def test_the_charts_rows_are_the_queries_rows(indexed: tuple[Store, FacetIndex]) -> None:
    store, index = indexed
    selections = [told_words(store, Selection.parse(args, base_iri())) for args in SELECTIONS]
    drawn = [Selection.parse(args, base_iri()) for args in drawn_selections(index, 20, seed=5)]
    charted_rows = 0
    for selection in [*selections, *drawn]:
        if not indexed_charts.answers(index, selection):
            assert not selection  # nothing selected: the charts read the tallies
            continue
        for chart in CHARTS.values():
            rows = indexed_charts.chart_rows(index, chart, selection)
            assert rows == _approximately(charted(store, chart, selection)), (
                chart.name,
                selection.given,
            )
            charted_rows += len(rows)
    assert charted_rows > 100
