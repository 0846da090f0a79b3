"""Indexes of one state of the store, built in the background from the store's own answers:
the words of the projects' texts (mhkg.server.words) and the projects' facet values
(mhkg.server.facet_index). A page asks for the index of the store's current state; where it
is not ready, the page answers by SPARQL as before and the build starts.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from flask import Flask

from mhkg.results import QueryResult

logger = logging.getLogger("mhkg.server")


class Index(Protocol):
    def close(self) -> None: ...


I = TypeVar("I", bound=Index)  # noqa: E741


class BuiltInBackground(Generic[I]):
    """The index (made by `build`) of the store's state last asked for, once built. One
    thread builds at a time, the state last asked for: a build that a write overtook is
    thrown away; a build that failed is not tried again until the store changes."""

    def __init__(self, build: Callable[[], I], name: str) -> None:
        self._make = build
        self.name = name
        self._lock = threading.Lock()
        self._index: I | None = None
        self._indexed = self._wanted = self._failed = -1  # generations
        self._builder: threading.Thread | None = None
        self._closed = False
        self.ready = threading.Event()
        """Set once the index of the state last asked for is ready (tests wait on it)."""

    def get(self, generation: int) -> I | None:
        """The index of the store's state `generation`; None where it is not ready (its
        build is then started)."""
        with self._lock:
            if self._closed:
                return None
            if self._indexed != generation:
                self._start(generation)
                return None
            return self._index

    def prepare(self, generation: int) -> None:
        """Build the index of the store's state `generation` now, in the background."""
        with self._lock:
            if not self._closed and self._indexed != generation:
                self._start(generation)

    def _start(self, generation: int) -> None:
        """(Under the lock.) Have the index of `generation` built, unless its build failed."""
        if generation == self._failed:
            return
        self._wanted = generation
        self.ready.clear()
        if self._builder is None:
            self._builder = threading.Thread(
                target=self._build, daemon=True, name=f"mhkg-{self.name.replace(' ', '-')}"
            )
            self._builder.start()

    def _build(self) -> None:
        while True:
            with self._lock:
                generation = self._wanted
                if self._closed or generation == self._indexed:
                    self._builder = None
                    return
            started = time.monotonic()
            try:
                index = self._make()
            except Exception as error:  # SPARQL still answers: say why pages are slow
                logger.warning("mhkg: the %s could not be built: %s", self.name, error)
                with self._lock:
                    self._failed, self._builder = generation, None
                return
            with self._lock:
                installed = not self._closed and self._wanted == generation
                if installed:
                    stale, self._index, self._indexed = self._index, index, generation
                else:  # a write overtook the build, or the server stopped
                    stale = index
            if stale is not None:
                stale.close()
            if installed:
                took = time.monotonic() - started
                logger.info("mhkg: the %s is ready (built in %.1f s)", self.name, took)
            with self._lock:
                if installed and self._wanted == self._indexed == generation:
                    self.ready.set()  # the index replaced is gone

    def close(self) -> None:
        with self._lock:
            self._closed = True
            index, self._index = self._index, None
        if index is not None:
            index.close()


def asker(app: Flask) -> Callable[[str], QueryResult]:
    """A query's answer from the app's query workers (or its store, where none run): what
    an index is built from."""

    def ask(sparql: str) -> QueryResult:
        if (workers := app.extensions["mhkg.workers"]) is not None:
            return workers.query(sparql)
        return app.extensions["mhkg.store"].query(sparql)

    return ask
