"""Reading and checking records, in this process or spread over worker processes.

`read` turns sources into a stream of events, in the order of the sources and of their
records: a source opened (or refused whole), each of its records checked (its triples, valid
against the shapes) or refused (with the reason), the source done. The writer
(`mhkg.pipeline`) commits what the stream says; nothing here writes.

With `jobs` > 1, each of `jobs` worker processes reads every source (reading is cheap: the
loaders defer the costly part of a record, its triples and what prose extraction finds) and
makes and validates every `jobs`-th record — record *i* of the run goes to worker *i* mod
`jobs` — and this process merges their streams back into the order of one process. Each
worker knows the organisations the store held when the load began and those of the records
it made itself, so an organisation that one record names only by its acronym and an earlier
record of the same run only by its expansion may be told apart when another worker made the
earlier record (one process, `jobs=1`, always links them). The order of the results, and
which record goes to which worker, do not depend on timing.

A worker's queue is bounded, so memory stays flat however many records there are: a worker
that runs ahead of the writer waits.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from mhkg import __version__, ontology, shapes
from mhkg.errors import MhkgError, RecordError, ValidationError
from mhkg.iri import Minter
from mhkg.loaders import LoadContext, Record, Source, loader_for
from mhkg.loaders.gazetteer import Gazetteer
from mhkg.loaders.registry import Registry

CHUNK = 32  # events a worker sends at once
QUEUE_CHUNKS = 8  # chunks a worker may have sent ahead of the writer
WORKER_WAIT = 1.0  # seconds between checks that a silent worker is alive


@dataclass(frozen=True)
class SourceOpened:
    name: str
    origin: str
    document: URIRef
    size: int  # bytes


@dataclass(frozen=True)
class SourceRefused:
    """The source cannot be read as a whole: nothing of it is written."""

    error: RecordError
    size: int = 0


@dataclass(frozen=True)
class Checked:
    """A record that conforms: its named graph and its triples (N-Triples)."""

    graph: URIRef
    triples: str
    count: int


@dataclass(frozen=True)
class Refused:
    graph: URIRef
    error: RecordError


@dataclass(frozen=True)
class SourceDone:
    """The end of a source; `failure` when reading it stopped early (a bug in a loader)."""

    failure: RecordError | None = None


Event = SourceOpened | SourceRefused | Checked | Refused | SourceDone
Opener = Callable[[], Source]


def read(
    openers: Sequence[Opener], minter: Minter, registry: Registry, jobs: int = 1
) -> Iterator[Event]:
    """The events of reading and checking every record of the sources that `openers` open.

    `jobs` > 1 needs openers that pickle (`path_opener`); the workers are stopped when the
    iterator is closed or dropped."""
    if jobs <= 1:
        return read_share(openers, minter, registry, 0, 1)
    return _merged(openers, minter, registry, jobs)


def path_opener(path: Path) -> Opener:
    return partial(Source.from_path, path)


def read_share(
    openers: Iterable[Opener], minter: Minter, registry: Registry, share: int, shares: int
) -> Iterator[Event]:
    """The events of one worker: every source opened, every record's place counted, and the
    records whose place in the run is `share` modulo `shares` made and checked."""
    context = context_for(minter, registry)
    loaded_from: dict[URIRef, str] = {}
    place = 0
    for open_source in openers:
        source = None
        try:
            source = open_source()
            _check_unique_name(source, minter, loaded_from)
            records = iter(loader_for(source)(source, context))
        except RecordError as error:
            yield SourceRefused(error)
            continue
        except Exception as error:  # a bug in a loader
            yield SourceRefused(_bug(source.name if source else "?", error))
            continue
        document = minter.document(source.name)
        yield SourceOpened(source.name, source.origin, document, len(source.data))
        failure = None
        while True:
            try:
                record = next(records, None)
            except RecordError as error:  # a loader that finds the file broken late
                failure = error
                break
            except Exception as error:
                failure = _bug(source.name, error)
                break
            if record is None:
                break
            if place % shares == share:
                yield check(record, source, document, context)
            place += 1
        yield SourceDone(failure)


def check(
    record: Record, source: Source, document: URIRef, context: LoadContext
) -> Checked | Refused:
    """A record made (when its loader deferred it) and validated with its provenance."""
    minter = context.minter
    name = record.graph_name or minter.graph(record.name)
    try:
        error = record.error
    except Exception as bug:  # a bug in a loader's deferred part: this record only
        error = _bug(source.name, bug, record.name)
    if error is not None:
        return Refused(name, error)
    graph = record.graph  # the record's own: its provenance is added in place, not copied
    graph += provenance(name, document, minter)
    report = shapes.validate_quickly(graph, extra=validation_context(minter.base))
    if not report.conforms:
        error = ValidationError(source.name, violations(report), record=record.name)
        return Refused(name, error)
    context.registry.add_graph(graph, minter)
    return Checked(name, graph.serialize(format="nt"), len(graph))


@cache
def validation_context(base: str) -> Graph:
    """Ontology and reference data: mixed into every record's validation."""
    return ontology.graph() + ontology.reference_graph(base)


def context_for(minter: Minter, registry: Registry | None = None) -> LoadContext:
    """What loaders need: IRIs, gazetteers, reference data, and the organisations loaded so
    far (an empty registry when none is given)."""
    return LoadContext(
        minter,
        _gazetteer(minter.base),
        ontology.reference_graph(minter.base),
        registry=registry or Registry(),
    )


@cache
def _gazetteer(base: str) -> Gazetteer:
    return Gazetteer.from_reference(ontology.reference_graph(base))


def violations(report: shapes.ValidationReport) -> list[str]:
    """Each violation as '<focus node> <path>: message'."""
    return [
        f"<{r.focus_node}> {f'<{r.result_path}> ' if r.result_path else ''}"
        f"{r.message or r.source_constraint_component}"
        for r in report.results
    ]


def provenance(graph_name: URIRef, document: URIRef, minter: Minter) -> Graph:
    """Where a named graph comes from: its document, when, and by which software."""
    agent = minter.entity("agent", f"mhkg {__version__}")
    g = Graph()
    g.add((graph_name, RDF.type, PROV.Entity))
    g.add((graph_name, PROV.wasDerivedFrom, document))
    now = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    g.add((graph_name, PROV.generatedAtTime, Literal(now, datatype=XSD.dateTime)))
    g.add((graph_name, PROV.wasAttributedTo, agent))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(f"mhkg {__version__}")))
    return g


def _bug(source: str, error: BaseException, record: str | None = None) -> RecordError:
    return RecordError(
        source,
        f"could not be read ({type(error).__name__}: {error}); "
        "this is a bug in mhkg, please report it",
        record=record,
    )


def _check_unique_name(source: Source, minter: Minter, loaded_from: dict[URIRef, str]) -> None:
    """Two files of one run whose names give one graph would overwrite each other."""
    name = minter.graph(source.name)
    if name in loaded_from:
        raise RecordError(
            source.name,
            f"{source.origin}: its name gives the same named graph as {loaded_from[name]}, which "
            "came before it in this run: rename one of them, or load them one at a time to replace",
        )
    loaded_from[name] = source.origin


class WorkerError(MhkgError):
    """A worker process failed (a bug, or it was killed): the load stops."""


def _worker(
    out: multiprocessing.Queue,
    openers: Sequence[Opener],
    minter: Minter,
    registry: Registry,
    share: int,
    shares: int,
) -> None:
    chunk: list[Event] = []
    try:
        for event in read_share(openers, minter, registry, share, shares):
            chunk.append(event)
            if len(chunk) >= CHUNK or isinstance(event, SourceDone):
                out.put(chunk)
                chunk = []
        out.put([*chunk, None])  # None: the end
    except BaseException:
        out.put([WorkerError(f"worker {share} failed:\n{traceback.format_exc()}")])


def _merged(
    openers: Sequence[Opener], minter: Minter, registry: Registry, jobs: int
) -> Iterator[Event]:
    """The workers' events in the order one process would give them."""
    spawn = multiprocessing.get_context("spawn")  # no inherited store handle or threads
    queues = [spawn.Queue(QUEUE_CHUNKS) for _ in range(jobs)]
    workers = [
        spawn.Process(
            target=_worker,
            args=(queues[k], list(openers), minter, registry, k, jobs),
            name=f"mhkg-load-{k}",
            daemon=True,
        )
        for k in range(jobs)
    ]
    for worker in workers:
        worker.start()
    streams = [_Stream(q, w) for q, w in zip(queues, workers, strict=True)]
    try:
        yield from _interleave(streams)
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join(5)
        for q in queues:
            q.close()
            q.cancel_join_thread()


class _Stream:
    """One worker's events, one at a time."""

    def __init__(self, source: multiprocessing.Queue, process: multiprocessing.Process) -> None:
        self.queue, self.process, self.buffer = source, process, deque[Event | None]()

    def next(self) -> Event | None:
        while not self.buffer:
            try:
                chunk = self.queue.get(timeout=WORKER_WAIT)
            except queue.Empty:
                if not self.process.is_alive():
                    raise WorkerError(
                        f"worker {self.process.name} stopped (exit code {self.process.exitcode})"
                    ) from None
                continue
            if chunk and isinstance(chunk[-1], WorkerError):
                raise chunk[-1]
            self.buffer.extend(chunk)
        return self.buffer.popleft()


def _interleave(streams: list[_Stream]) -> Iterator[Event]:
    """Source events from the first worker (every worker sees the same; the others' are
    dropped), record *i* from worker *i* mod n."""
    place = 0
    while True:
        heads = [stream.next() for stream in streams]
        if heads[0] is None:
            return
        yield heads[0]
        if isinstance(heads[0], SourceRefused):
            continue
        while True:  # the source's records, until its owner's next event ends it
            event = streams[place % len(streams)].next()
            if isinstance(event, SourceDone):
                for k, stream in enumerate(streams):
                    if k != place % len(streams):
                        _expect_done(stream)
                yield event
                break
            yield event
            place += 1


def _expect_done(stream: _Stream) -> None:
    event = stream.next()
    if not isinstance(event, SourceDone):
        raise WorkerError(f"workers disagree on a source's records (got {event!r})")


__all__ = [
    "Checked",
    "Event",
    "Refused",
    "SourceDone",
    "SourceOpened",
    "SourceRefused",
    "read",
]
