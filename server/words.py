"""The words of the projects' titles and descriptions, indexed: which projects hold ``q=``.

The browser's selection by words (mhkg.queries.facets: a title or a description that holds
the words, ignoring case) is a SPARQL filter that reads every project's texts, 2.9-10 s at
100,000 projects. The server answers it instead from a full-text index of those texts
(SQLite's FTS5 with its trigram tokenizer, which finds any run of three characters or more,
so the same projects as the filter), 65-125 ms at that size. The index is built for one
state of the store (`generation`), in the background, from the store's own answers (the
projects, then their texts a chunk at a time, through the query workers), into a file of
its own in the temporary folder (19.5 s and 187 MB at 100,000 projects); until it is
ready, and for words shorter than three characters, the filter is used as before.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from functools import lru_cache

from flask import Flask, current_app
from rdflib import URIRef

from mhkg.queries import sparql_term
from mhkg.results import QueryResult
from mhkg.server.background import BuiltInBackground, asker

logger = logging.getLogger("mhkg.server")

SHORTEST = 3
"""The fewest characters the index can find (a trigram): shorter words use the filter."""
CHUNK = 2_000
"""Projects whose texts one query reads while the index is built."""
FOUND_KEPT = 16
"""Lookups an index keeps (a list of up to 100,000 projects each): `/overview` and each of
its charts look up the same words."""
PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
PROJECTS = f"{PREFIXES}SELECT DISTINCT ?project WHERE {{ ?project a mhkg:Project . }}"
SCHEMA = """
CREATE TABLE project (id INTEGER PRIMARY KEY, iri TEXT NOT NULL);
CREATE TABLE text_of (text INTEGER PRIMARY KEY, project INTEGER NOT NULL);
-- the texts, lowercased, indexed but not kept (contentless); case_sensitive: no folding of
-- its own, so that a match is Python's (and SPARQL's LCASE) lowercase, character for character
CREATE VIRTUAL TABLE text USING fts5(body, content='', tokenize='trigram case_sensitive 1');
"""


def texts_sparql(projects: Iterable[URIRef]) -> str:
    values = " ".join(sparql_term(project) for project in projects)
    return (
        f"{PREFIXES}SELECT ?project ?text WHERE {{\n  VALUES ?project {{ {values} }}\n"
        "  ?project dcterms:title|dcterms:description ?text .\n}\n"
    )


class WordsIndex:
    """The texts of every project of one state of the store, in a temporary SQLite file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._found = lru_cache(maxsize=FOUND_KEPT)(self._look_up)

    @classmethod
    def build(cls, ask: Callable[[str], QueryResult], folder: str | None = None) -> WordsIndex:
        """The index of the projects' texts as `ask` (a SPARQL query's answer) finds them."""
        handle, path = tempfile.mkstemp(prefix="words-", suffix=".sqlite", dir=folder)
        os.close(handle)
        try:
            with closing(sqlite3.connect(path)) as db:
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
                db.executescript(SCHEMA)
                projects = [row["project"] for row in ask(PROJECTS).rows]
                texts = 0
                for start in range(0, len(projects), CHUNK):
                    chunk = projects[start : start + CHUNK]
                    number = {iri: start + i for i, iri in enumerate(chunk)}
                    db.executemany("INSERT INTO project VALUES (?, ?)",
                                   ((n, str(iri)) for iri, n in number.items()))  # fmt: skip
                    rows = ask(texts_sparql(chunk)).rows
                    # one row per text: a match cannot run from one text into the next
                    db.executemany("INSERT INTO text (rowid, body) VALUES (?, ?)",
                                   ((texts + i, str(row["text"]).lower())
                                    for i, row in enumerate(rows)))  # fmt: skip
                    db.executemany("INSERT INTO text_of VALUES (?, ?)",
                                   ((texts + i, number[row["project"]])
                                    for i, row in enumerate(rows)))  # fmt: skip
                    texts += len(rows)
                db.commit()
        except BaseException:
            with suppress(FileNotFoundError):  # the folder may be gone (the server stopped)
                os.remove(path)
            raise
        return cls(path)

    def find(self, words: str) -> list[URIRef] | None:
        """The projects whose title or description holds `words` (ignoring case), in the
        order of the portfolio; None for words the index cannot look up (too short)."""
        phrase = words.lower()
        if len(phrase) < SHORTEST:
            return None
        return list(self._found(phrase))  # a page and each of its charts ask the same

    def _look_up(self, phrase: str) -> tuple[URIRef, ...]:
        quoted = '"' + phrase.replace('"', '""') + '"'  # an FTS5 string: the words as given
        with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as db:
            rows = db.execute(
                "SELECT iri FROM project WHERE id IN (SELECT project FROM text_of WHERE text IN "
                "(SELECT rowid FROM text WHERE text MATCH ?)) ORDER BY id",
                (quoted,),
            ).fetchall()
        return tuple(URIRef(iri) for (iri,) in rows)

    def close(self) -> None:
        with suppress(FileNotFoundError):
            os.remove(self.path)


class Words:
    """The index of the store's current state, once built (see `find`; mhkg.server.background).
    The files are in a folder of the process's own, removed on `close` (a build that the
    process's exit stops leaves nothing behind)."""

    def __init__(self, ask: Callable[[str], QueryResult]) -> None:
        self._folder = tempfile.mkdtemp(prefix="mhkg-words-")
        self._kept = BuiltInBackground(lambda: WordsIndex.build(ask, self._folder), "words index")
        self.ready = self._kept.ready
        """Set once the index of the state last asked for is ready (tests wait on it)."""

    def find(self, words: str, generation: int) -> list[URIRef] | None:
        """The projects holding `words` at `generation`, from the index; None where the index
        of that state is not ready (its build is then started) or cannot find the words."""
        index = self._kept.get(generation)
        try:
            return index.find(words) if index is not None else None
        except sqlite3.Error as error:  # replaced meanwhile by a newer state's: use the filter
            logger.info("mhkg: the words index could not be read (%s)", error)
            return None

    def prepare(self, generation: int) -> None:
        """Build the index of the store's state `generation` now, in the background."""
        self._kept.prepare(generation)

    def close(self) -> None:
        self._kept.close()
        shutil.rmtree(self._folder, ignore_errors=True)


def init_app(app: Flask) -> None:
    """The app's index of words, asking the query workers (or the store, where none run)."""

    app.extensions["mhkg.words"] = index = Words(asker(app))
    atexit.register(index.close)


def find(words: str, generation: int) -> list[URIRef] | None:
    """The projects holding `words` at `generation`, where the app's index can tell."""
    return current_app.extensions["mhkg.words"].find(words, generation)
