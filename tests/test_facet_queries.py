"""The facet counts of /projects and the charts of /overview, rewritten to start from the
selection (its VALUES first; a broad selection's patterns each read on its own, joined by
hash: mhkg.queries.broad), give the rows the queries gave before (tests/queries_before.py),
on the seeds and on generated projects with several funders, for selections narrow and
broad."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import queries_before as before  # tests/queries_before.py
from selections import SELECTIONS  # tests/selections.py

from mhkg.iri import base_iri
from mhkg.queries import facets
from mhkg.queries.charts import CHARTS, chart_sparql
from mhkg.queries.cofunding import pair_rows, pairs_sparql
from mhkg.queries.facets import FACETS, PORTFOLIO, Selection, _own, facet_sparql, words_sparql
from mhkg.store import Store, open_store
from mhkg.vocab import MHKG

CHARTED = [name for name, chart in CHARTS.items() if chart.dimension != "funder-pair"]


@pytest.fixture(scope="module")
def cofunded_store(cofunded_copy: Callable[[str], Path]) -> Iterator[Store]:
    with open_store(cofunded_copy("facet-queries")) as kg:
        yield kg


@pytest.fixture(params=["seeded_store", "cofunded_store"])
def store(request: pytest.FixtureRequest) -> Store:
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["narrow", "broad"])
def breadth(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Selections taken as narrow (each project's values looked up) or, with BROAD below
    every share, as broad (every project's values read)."""
    if request.param == "broad":
        monkeypatch.setattr(facets, "BROAD", -1)
    return request.param


def selection_of(args: dict, breadth: str) -> Selection:
    selection = Selection.parse(args, base_iri())
    return selection.sized({PORTFOLIO: 1}) if breadth == "broad" else selection


def rows(store: Store, sparql: str) -> Counter:
    """The rows' values as text; a kind of organisation by its local name, as /projects
    shows it (looked up, the kind facet's key is the class's IRI; read whole, its name)."""
    result = store.query(sparql)
    return Counter(
        tuple(str(row.get(v, "")).rpartition(str(MHKG))[2] for v in result.variables)
        for row in result.rows
    )


@pytest.mark.parametrize("args", SELECTIONS)
def test_facet_counts_as_before(store: Store, breadth: str, args: dict) -> None:
    selection = selection_of(args, breadth)
    assert selection.broad() == (breadth == "broad" or not selection)
    for name in FACETS:
        others = selection.without(*_own(name))
        new = rows(store, facet_sparql(name, selection))
        assert new == rows(store, before.hashed(name, others)), name


@pytest.mark.parametrize("args", SELECTIONS)
def test_chart_rows_as_before(store: Store, breadth: str, args: dict) -> None:
    selection = selection_of(args, breadth)
    for name in CHARTED:
        old = before.chart_sparql(CHARTS[name], selection, tallied=False)
        new = chart_sparql(CHARTS[name], selection, tallied=False)
        assert rows(store, new) == rows(store, old), name


@pytest.mark.parametrize("args", SELECTIONS)
def test_pairs_alike_narrow_and_broad(store: Store, args: dict, monkeypatch) -> None:
    narrow = pair_rows(store.query(pairs_sparql(selection_of(args, "narrow"), top=None)))
    monkeypatch.setattr(facets, "BROAD", -1)
    broad_text = pairs_sparql(selection_of(args, "broad"), top=None)
    assert "SELECT ?c_first ?project" in broad_text  # read as scans
    assert pair_rows(store.query(broad_text)) == narrow


@pytest.mark.parametrize("args", [a for a in SELECTIONS if "q" in a])
def test_words_listed_as_the_projects_that_hold_them(store: Store, breadth: str, args) -> None:
    """A selection told the projects that hold its words (as the server finds them once)
    counts and charts what reading the texts in every query gives."""
    selection = selection_of(args, breadth)
    holding = [row["project"] for row in store.query(words_sparql(selection.q)).rows]
    found = selection.found(holding)
    assert "CONTAINS" not in found.where() and "CONTAINS" in found.shown().where()
    for name in FACETS:
        assert rows(store, facet_sparql(name, found)) == rows(
            store, facet_sparql(name, selection)
        ), name
    for name in CHARTED:
        chart = CHARTS[name]
        assert rows(store, chart_sparql(chart, found)) == rows(
            store, chart_sparql(chart, selection)
        )
