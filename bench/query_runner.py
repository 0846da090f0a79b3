"""Timing queries on one store through mhkg and through raw pyoxigraph, none past a timeout.

A query runs in a worker process that holds the store open twice, read-only: as mhkg's
query workers do (``EmbeddedStore(path, read_only=True)``, whose ``query`` checks the text,
binds any parameters and turns every value into an rdflib term) and bare
(``pyoxigraph.Store.read_only(path)``: the same text, any bound values given as pyoxigraph's
``substitutions``, every value of every row touched). Given the URL of a SPARQL endpoint
holding the same data, it also runs the query there through mhkg's ``RemoteStore``
(engine ``remote``: bench/remote_queries.py). Oxigraph cannot be
interrupted from Python, so a query still running at the timeout is stopped by killing the
worker; the next query starts a new one.
"""

from __future__ import annotations

import math
import multiprocessing
import statistics
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node

from mhkg.store.base import Store
from mhkg.store.embedded import EmbeddedStore, to_oxigraph
from mhkg.store.remote import RemoteStore
from mhkg.vocab import PREFIXES

ENGINES = ("mhkg", "raw")


def _count_mhkg(store: Store, text: str, bindings: Mapping[str, Node]) -> int:
    result = store.query(text, bindings)
    return len(result.graph) if result.graph is not None else len(result.rows)


def _count_raw(store: ox.Store, text: str, bindings: Mapping[str, Node]) -> int:
    substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()} or None
    answer = store.query(text, substitutions=substitutions, prefixes=PREFIXES)
    if isinstance(answer, ox.QueryBoolean):
        return 1
    rows = 0
    for solution in answer:
        rows += 1
        if isinstance(solution, ox.QuerySolution):
            for _value in solution:
                pass
    return rows


def _serve(conn: Connection, path: str, remote: str | None) -> None:
    """The worker: answers (engine, text, bindings) with (status, rows or message, seconds)."""
    stores = {"mhkg": EmbeddedStore(path, read_only=True), "raw": ox.Store.read_only(path)}
    counters = {"mhkg": _count_mhkg, "raw": _count_raw, "remote": _count_mhkg}
    if remote is not None:
        stores["remote"] = RemoteStore(remote)
    while (job := conn.recv()) is not None:
        engine, text, bindings = job
        start = time.perf_counter()
        try:
            rows = counters[engine](stores[engine], text, bindings)
        except Exception as error:  # a query that fails is a figure, not the end of the run
            conn.send(("error", " ".join(str(error).split())[:200], time.perf_counter() - start))
            continue
        conn.send(("ok", rows, time.perf_counter() - start))


class QueryWorker:
    """A worker process for one store (and the endpoint `remote` holding the same data),
    started when first needed and after a timeout."""

    def __init__(self, path: Path, remote: str | None = None) -> None:
        self.path = str(path)
        self.remote = remote
        self._process: multiprocessing.Process | None = None
        self._conn: Connection | None = None

    def run(self, engine: str, text: str, bindings: Mapping[str, Node], timeout: float):
        """(status, rows or message, seconds); status "timeout" after killing the worker,
        "error" when the query failed or the worker died (killed for its memory, say)."""
        if self._process is None:
            context = multiprocessing.get_context("spawn")
            self._conn, theirs = context.Pipe()
            self._process = context.Process(
                target=_serve, args=(theirs, self.path, self.remote), daemon=True
            )
            self._process.start()
            theirs.close()  # so that the worker's end closing is seen here
        self._conn.send((engine, text, dict(bindings)))
        if not self._conn.poll(timeout):
            self.close(kill=True)
            return ("timeout", f"> {timeout:g} s", timeout)
        try:
            return self._conn.recv()
        except EOFError:
            self._process.join(10)
            code = self._process.exitcode
            self.close(kill=True)
            return ("error", f"the worker died (exit status {code})", 0.0)

    def close(self, kill: bool = False) -> None:
        if self._process is None:
            return
        if kill:
            self._process.kill()
        else:
            self._conn.send(None)
        self._process.join(10)
        self._process, self._conn = None, None


@dataclass
class Timing:
    """Repeated runs of one query on one engine."""

    seconds: list[float] = field(default_factory=list)
    rows: int | None = None
    status: str = "ok"  # ok, timeout, error
    message: str = ""

    @property
    def p50(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def p95(self) -> float | None:
        """Nearest-rank 95th percentile (the largest of up to 20 runs)."""
        if not self.seconds:
            return None
        ordered = sorted(self.seconds)
        return ordered[math.ceil(0.95 * len(ordered)) - 1]

    def figures(self) -> dict:
        return {
            "seconds": self.seconds,
            "p50": self.p50,
            "p95": self.p95,
            "rows": self.rows,
            "status": self.status,
            "message": self.message,
        }


@dataclass(frozen=True)
class Limits:
    repeat: int  # at most this many runs
    timeout: float  # seconds one run may take
    budget: float  # no further run once the runs so far took this long


def measure(
    worker: QueryWorker,
    text: str,
    bindings: Mapping[str, Node],
    limits: Limits,
    engines: tuple[str, ...] = ENGINES,
) -> dict[str, Timing]:
    """Each engine's timing of the query, runs interleaved (mhkg, raw, mhkg, raw …); an
    engine stops at its first timeout or error, or when its runs pass the budget."""
    timings = {engine: Timing() for engine in engines}
    for _ in range(limits.repeat):
        going = [e for e in engines if _going(timings[e], limits)]
        if not going:
            break
        for engine in going:
            status, answer, seconds = worker.run(engine, text, bindings, limits.timeout)
            timing = timings[engine]
            if status != "ok":
                timing.status, timing.message = status, str(answer)
                continue
            timing.seconds.append(seconds)
            timing.rows = answer
    return timings


def _going(timing: Timing, limits: Limits) -> bool:
    return timing.status == "ok" and sum(timing.seconds) < limits.budget
