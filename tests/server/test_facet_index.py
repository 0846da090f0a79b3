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

from mhkg.iri import base_iri
from mhkg.queries.facets import FACETS, Selection, facet_sparql, words_sparql
from mhkg.queries.project_table import count_sparql
from mhkg.server import projects as projects_page
from mhkg.server.facet_index import FacetIndex
from mhkg.server.store import generation
from mhkg.store import Store, open_store

from .fixtures_app import app_over

IOM = "https://w3id.org/mhkg/id/organisation/international-organization-for-migration"
SELECTIONS = [
    {}, {"country": ["KEN"]}, {"country": ["GIN", "BLR"]}, {"sdg": ["3"]},
    {"sdg": ["8", "10"], "region": ["africa"]}, {"status": ["active"]}, {"year": ["2015"]},
    {"organisation": [IOM], "role": ["implementer"]}, {"role": ["funder"], "kind": ["Fund"]},
    {"q": ["health"]}, {"q": ["diaspora"], "country": ["KEN"]}, {"type": ["labour-migration"]},
    {"kind": ["Ministry"]}, {"organisation": [IOM]}, {"country": ["XYZ"]}, {"year": ["1900"]},
    {"organisation": ["https://example.org/nobody"], "role": ["funder"]},
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
    """Once the index is built, /projects and /overview ask no facet query, and show the
    counts the queries give."""
    client = app.test_client()
    args = {"sdg": "3", "status": "active"}
    asked = client.get(f"/projects?{urlencode(args)}").get_data(as_text=True)  # by the queries
    kept = app.extensions["mhkg.facet_index"]
    with app.app_context():
        kept.prepare(generation())
    assert kept.ready.wait(60)

    def unwanted(name: str, selection: Selection) -> str:
        raise AssertionError(f"the {name} facet was asked of the store")

    monkeypatch.setattr(projects_page, "facet_sparql", unwanted)
    monkeypatch.setattr(projects_page, "count_sparql", unwanted)
    app.extensions["mhkg.projects"].clear()  # nothing kept from the first visit
    indexed_page = client.get(f"/projects?{urlencode(args)}")
    assert indexed_page.status_code == 200
    assert _facet_links(indexed_page.get_data(as_text=True)) == _facet_links(asked)
    assert "data-facet=" in asked
    overview = client.get(f"/overview?{urlencode(args)}")
    assert overview.status_code == 200


def _facet_links(page: str) -> list[str]:
    """The facet values a page lists, with their counts (the lines that hold a facet link)."""
    return [line.strip() for line in page.splitlines() if "data-facet=" in line or "count" in line]
