"""The words index (mhkg.server.words): the projects it finds are those the browser's filter
finds (a title or a description holding the words, ignoring case), for every run of
characters taken from the texts and for words written to trip a full-text query language;
it is built for one state of the store, in the background, and replaced after a write."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from flask import Flask

from mhkg.queries.facets import words_sparql
from mhkg.server import projects as projects_page
from mhkg.server.store import generation
from mhkg.server.words import SHORTEST, Words, WordsIndex
from mhkg.store import Store, open_store

from .fixtures_app import app_over, bindings

PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# Texts the seeds lack: letters outside ASCII, quotes, and FTS5's own syntax as plain words.
ODD_TEXTS = {
    "odd-1": ('Santé des migrants "mobiles" : İstanbul, Übergänge', "NEAR(a b) AND c* OR d^"),
    "odd-2": ("ΟΔΟΣ Σ and ǅemal's clinic", "Health (primary) - 100% of {the} costs; O'Brien"),
    "odd-3": ("A title with\ttabs\nand lines", "   spaces   between    words   "),
}
CRAFTED = [
    "santé", "SANTÉ", "İstanbul", "istanbul", "übergänge", '"mobiles"', "mobiles\"", "near(a b)",
    "and c*", "c* or", "d^", "οδος", "οδοσ", "ǆemal", "(primary)", "100%", "{the}", "o'brien",
    "'s clinic", "with\ttabs", "tabs and", "spaces between", "   spaces", "no project says this",
    "health", "diaspora", "returning migrants", "a b",
]  # fmt: skip


@pytest.fixture(scope="module")
def store(seeded_copy) -> Iterator[Store]:
    with open_store(seeded_copy("words")) as kg:
        for name, (title, description) in ODD_TEXTS.items():
            kg.update(
                f"{PREFIXES}INSERT DATA {{ GRAPH <https://example.org/graph/{name}> {{ "
                f"<https://example.org/project/{name}> a mhkg:Project ; "
                f"dcterms:title {_literal(title)} ; dcterms:description {_literal(description)} "
                "} }"
            )
        yield kg


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\t", "\\t") + '"'


def filtered(store: Store, words: str) -> set[str]:
    """The projects the browser's own filter finds (a SPARQL query: every text read)."""
    return {str(row["project"]) for row in store.query(words_sparql(words)).rows}


def runs_of_characters(store: Store, count: int, seed: int = 1) -> list[str]:
    """`count` runs of 3 to 12 characters cut from the projects' texts at random places."""
    texts_of = "?p a mhkg:Project ; dcterms:title|dcterms:description ?t"
    query = f"{PREFIXES}SELECT ?t WHERE {{ {texts_of} }}"
    texts = [str(row["t"]) for row in store.query(query).rows]
    chance = random.Random(seed)
    runs = []
    while len(runs) < count:
        text = chance.choice(texts)
        size = chance.randint(SHORTEST, 12)
        if len(text) >= size:
            start = chance.randrange(len(text) - size + 1)
            runs.append(" ".join(text[start : start + size].split()))
    return [run for run in runs if len(run) >= SHORTEST]


def test_the_index_finds_what_the_filter_finds(store: Store) -> None:
    index = WordsIndex.build(store.query)
    try:
        for given in [*CRAFTED, *runs_of_characters(store, 150)]:
            words = " ".join(given.split())  # as the browser has them (Selection.parse)
            if len(words) >= SHORTEST:
                assert {str(p) for p in index.find(words)} == filtered(store, words), words
        assert index.find("santé") == [index.find("SANTÉ")[0]]
        assert filtered(store, "health") and filtered(store, "santé")  # the checks can fail
    finally:
        index.close()
    assert not Path(index.path).exists()


def test_short_words_are_left_to_the_filter(store: Store) -> None:
    index = WordsIndex.build(store.query)
    try:
        assert index.find("hi") is None
        assert index.find("é") is None
        assert index.find("hiv") is not None
    finally:
        index.close()


def test_a_lookup_is_kept(store: Store) -> None:
    """/overview and each of its charts ask for the same words: the index answers again
    without reading its file (here removed), and hands out a list of its own each time."""
    index = WordsIndex.build(store.query)
    first = index.find("Health")
    index.close()
    again = index.find("health")
    assert again == first and again is not first and first
    again.clear()
    assert index.find("health") == first
    with pytest.raises(sqlite3.Error):
        index.find("diaspora")  # not looked up before: the file is gone


def test_an_index_is_for_one_state_of_the_store(store: Store) -> None:
    words = Words(store.query)
    try:
        assert words.find("health", generation=0) is None  # not built: the build starts
        assert words.ready.wait(60)
        found = words.find("health", generation=0)
        assert found is not None and {str(p) for p in found} == filtered(store, "health")
        first = words._kept._index.path
        assert words.find("health", generation=1) is None  # the store changed: built again
        assert words.ready.wait(60)
        assert words.find("health", generation=1) == found
        second = words._kept._index.path
        assert not Path(first).exists() and Path(second).exists()
    finally:
        words.close()
    assert words.find("health", generation=1) is None
    assert not Path(second).exists() and not Path(words._folder).exists()


def test_closing_during_a_build_leaves_no_file(store: Store) -> None:
    started, go_on = threading.Event(), threading.Event()

    def slow(sparql: str):
        started.set()
        go_on.wait(30)
        return store.query(sparql)

    words = Words(slow)
    words.prepare(generation=0)
    assert started.wait(30)
    assert list(Path(words._folder).iterdir())  # the build's file
    builder = words._kept._builder
    words.close()
    go_on.set()
    builder.join(30)
    assert not Path(words._folder).exists()
    assert words.find("health", generation=0) is None


def test_a_failed_build_leaves_the_filter(caplog: pytest.LogCaptureFixture) -> None:
    asked = []

    def failing(sparql: str):
        asked.append(sparql)
        raise RuntimeError("the store went away")

    words = Words(failing)
    try:
        assert words.find("health", generation=0) is None
        for _ in range(600):
            if words._kept._builder is None:
                break
            time.sleep(0.1)
        assert words._kept._builder is None and words._kept._index is None
        assert "could not be built: the store went away" in caplog.text
        assert words.find("health", generation=0) is None and len(asked) == 1  # not again
    finally:
        words.close()


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("words-app")) as app:
        yield app


def listed(app: Flask, words: str) -> set[str]:
    query = urlencode({"q": words, "limit": "200", "format": "json"})
    response = app.test_client().get(f"/projects?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return {b["project"]["value"] for b in bindings(response)}


def test_the_browser_answers_from_the_index(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    store = app.extensions["mhkg.store"]
    index = app.extensions["mhkg.words"]
    with app.app_context():
        index.prepare(generation())
    assert index.ready.wait(60)

    def unwanted(words: str) -> str:
        raise AssertionError(f"the filter was asked for {words!r}")

    monkeypatch.setattr(projects_page, "words_sparql", unwanted)
    for words in ("diaspora", "Health Sector", "communicable"):
        assert listed(app, words) == filtered(store, words) != set()
    monkeypatch.undo()
    assert listed(app, "hi") == filtered(store, "hi")  # too short: the filter
