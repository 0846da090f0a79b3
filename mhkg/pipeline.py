"""Record → triples → validation → store: the one path every load takes.

Each record is read by its loader into a plain in-memory rdflib graph, validated there
against the SHACL shapes (with the ontology and reference data mixed in) — in this process
or in worker processes, see mhkg.reading — and only then written to the store, in batches of
records that each replace their named graph in one transaction. A rejected record writes
nothing; records stream, so memory does not grow with their number.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from mhkg import __version__, data, derivation, iri, ontology, reading, shapes
from mhkg.errors import RecordError
from mhkg.iri import Minter
from mhkg.loaders import LoadContext, Source
from mhkg.loaders.registry import ORGANISATIONS_QUERY, Registry
from mhkg.progress import Progress
from mhkg.reading import (  # noqa: F401 - re-exported: what loaders and records need
    context_for,
    provenance,
    validation_context,
    violations,
)
from mhkg.store import Store

ONTOLOGY_GRAPH, REFERENCE_GRAPH = "ontology", "reference"
SYSTEM_GRAPHS = iri.SYSTEM_GRAPHS  # ONTOLOGY_GRAPH, REFERENCE_GRAPH and DERIVED_GRAPH


@dataclass
class LoadedRecord:
    source: str
    graph: URIRef
    triples: int


@dataclass
class LoadReport:
    """What a load did: how many records it wrote (and which, when they are listed), and
    every refusal with its reason."""

    loaded: list[LoadedRecord] = field(default_factory=list)  # empty unless listed
    rejected: list[RecordError] = field(default_factory=list)
    records: int = 0
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected


def known_organisations(store: Store) -> Registry:
    """The organisations the store holds, with every name they go by."""
    registry = Registry()
    registry.add_rows(store.query(ORGANISATIONS_QUERY).rows)
    return registry


# How `install_vocabulary` turns the shipped files into graphs: change it when that code
# changes what it writes, so that stores installed by the old code are rewritten once.
VOCABULARY_INSTALL = "2"


@cache
def vocabulary_digest(base: str) -> str:
    """Identifies the ontology and reference graphs that this version writes under `base`.

    It hashes what determines them (the base IRI; the code that converts the files: mhkg's
    and rdflib's versions, `VOCABULARY_INSTALL`; the shipped files' names and bytes), never
    a serialisation of the parsed graphs, whose order and blank node labels change from one
    process to the next (PYTHONHASHSEED): a digest that never matched rewrote both graphs on
    every load, with new blank nodes.
    """
    files = resources.files(ontology.__name__)
    shipped = [ontology.ONTOLOGY_FILE] + [f"reference/{n}" for n in ontology.REFERENCE_FILES]
    digest = hashlib.sha256()
    for part in (base, __version__, rdflib.__version__, VOCABULARY_INSTALL):
        digest.update(f"{len(part.encode())}:{part}".encode())
    for name in shipped:
        content = files.joinpath(name).read_bytes()
        digest.update(f"{name}:{len(content)}:".encode() + content)
    return "sha256:" + digest.hexdigest()


def install_vocabulary(store: Store, minter: Minter) -> bool:
    """Put the ontology and reference data in their graphs, unless already current (then
    recompute the derived links, which the rules may read them for)."""
    name = minter.system_graph(ONTOLOGY_GRAPH)
    digest = vocabulary_digest(minter.base)
    if store.query(
        f'ASK {{ GRAPH <{name}> {{ <{name}> <{DCTERMS.identifier}> "{digest}" }} }}'
    ).boolean:
        return False
    derivation.invalidate(store, minter)
    reference = Graph() + ontology.reference_graph(minter.base)
    store.replace_graph(minter.system_graph(REFERENCE_GRAPH), reference)
    shipped = Graph() + ontology.graph()
    shipped.add((name, DCTERMS.identifier, Literal(digest)))
    store.replace_graph(name, shipped)
    derivation.refresh(store, minter)
    return True


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the files inside folders named (recursively, hidden ones skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        else:
            files.append(path)
    return files


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


BATCH_RECORDS = 256  # records per transaction
BATCH_BYTES = 8 << 20  # N-Triples characters per transaction, at most (a record more)


def load_paths(
    store: Store,
    paths: Iterable[Path],
    minter: Minter,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    list_loaded: bool = True,
) -> LoadReport:
    """Load every record of every file; report what was loaded and what was rejected.

    `jobs` worker processes read and validate (see mhkg.reading); this process writes.
    `list_loaded=False` keeps only counts in the report (memory flat over any number of
    records)."""
    files = expand(paths)
    progress = progress or Progress()
    progress.start(sum(_size(path) for path in files))
    openers = [reading.path_opener(path) for path in files]
    return load_sources(store, openers, minter, progress, jobs=jobs, list_loaded=list_loaded)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def load_sources(
    store: Store,
    openers: Sequence[Callable[[], Source]],
    minter: Minter,
    progress: Progress | None = None,
    *,
    jobs: int = 1,
    list_loaded: bool = True,
) -> LoadReport:
    """Load the sources that `openers` open (an unreadable one is reported, not fatal).

    Records are committed in batches, one transaction each (`BATCH_RECORDS`, `BATCH_BYTES`),
    each record in its own named graph: a crash loses at most the batch in flight. A record
    that an earlier version of a source had and this one has not (a row deleted from a CSV
    file) is removed once the source is read to its end; a rejected record keeps its
    previous version. Before the first write the derived graph is marked out of date, and it
    is recomputed at the end (see mhkg.derivation)."""
    install_vocabulary(store, minter)
    writer = _Writer(store, minter, progress or Progress(), list_loaded)
    events = reading.read(openers, minter, known_organisations(store), jobs)
    try:
        for event in events:
            writer.take(event)
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()  # stops the workers
    writer.flush()
    if derivation.pending(store):  # something was written (or an earlier load was cut short)
        derivation.refresh(store, minter)
    return writer.report


class _Writer:
    """Writes what `mhkg.reading` found, in batches, and keeps the report."""

    def __init__(self, store: Store, minter: Minter, progress: Progress, listed: bool) -> None:
        self.store, self.minter, self.progress, self.listed = store, minter, progress, listed
        self.report = LoadReport()
        self.batch: list[reading.Checked] = []
        self.batch_size = 0
        self.invalidated = False
        self.source: reading.SourceOpened | None = None
        self.earlier: set[URIRef] = set()  # the source's graphs from an earlier load, not seen

    def take(self, event: reading.Event) -> None:
        if isinstance(event, reading.Checked):
            self.earlier.discard(event.graph)
            self.batch.append(event)
            self.batch_size += len(event.triples)
            if len(self.batch) >= BATCH_RECORDS or self.batch_size >= BATCH_BYTES:
                self.flush()
        elif isinstance(event, reading.Refused):
            self.earlier.discard(event.graph)  # its earlier version stays
            self.report.rejected.append(event.error)
            self.progress.record(False)
        elif isinstance(event, reading.SourceOpened):
            self.source = event
            self.earlier = graphs_from(self.store, event.document)
        elif isinstance(event, reading.SourceDone):
            self.flush()
            if event.failure is not None:
                self.report.rejected.append(event.failure)
            elif self.earlier:  # records this version of the source no longer has
                self._invalidate()
                for name in sorted(self.earlier):
                    self.store.remove_graph(name)
            self.progress.source_done(self.source.size if self.source else 0)
            self.source, self.earlier = None, set()
        elif isinstance(event, reading.SourceRefused):
            self.report.rejected.append(event.error)
            self.progress.source_done(event.size)

    def flush(self) -> None:
        """One transaction for the records read since the last."""
        if not self.batch:
            return
        self._invalidate()
        self.store.replace_graphs([(checked.graph, checked.triples) for checked in self.batch])
        source = self.source.name if self.source else ""
        for checked in self.batch:
            self.report.records += 1
            self.report.triples += checked.count
            if self.listed:
                self.report.loaded.append(LoadedRecord(source, checked.graph, checked.count))
            self.progress.record(True, checked.count)
        self.batch, self.batch_size = [], 0

    def _invalidate(self) -> None:
        if not self.invalidated:
            derivation.invalidate(self.store, self.minter)
            self.invalidated = True


def load_bundled(store: Store, minter: Minter) -> LoadReport:
    """Load the seed documents that ship with mhkg."""
    return load_sources(store, [opened(source) for source in data.seed_sources()], minter)


def opened(source: Source) -> Callable[[], Source]:
    """An opener of a source already read (an upload, a bundled file)."""
    return lambda: source


def load_source(store: Store, source: Source, context: LoadContext) -> list[LoadedRecord]:
    """Read, validate and commit each record of one source; all checks before any write."""
    return commit(store, source, prepare_source(source, context), context.minter)


@dataclass
class PreparedSource:
    """A source's records, read and validated, before anything is written (for one small
    source: `load_sources` streams instead)."""

    records: list[tuple[URIRef, Graph]] = field(default_factory=list)  # (named graph, triples)
    rejected: list[RecordError] = field(default_factory=list)
    rejected_graphs: set[URIRef] = field(default_factory=set)


def prepare_source(source: Source, context: LoadContext) -> PreparedSource:
    """Each record of a source as (named graph, triples), validated; nothing is written.

    Raises RecordError when the source as a whole cannot be read. A record that cannot be
    read or does not conform is set aside with its error; the others go on."""
    events = reading.read_share([opened(source)], context.minter, context.registry, 0, 1)
    prepared = PreparedSource()
    for event in events:
        if isinstance(event, reading.SourceRefused):
            raise event.error
        if isinstance(event, reading.Checked):
            prepared.records.append((event.graph, Graph().parse(data=event.triples, format="nt")))
        elif isinstance(event, reading.Refused):
            prepared.rejected.append(event.error)
            prepared.rejected_graphs.add(event.graph)
        elif isinstance(event, reading.SourceDone) and event.failure is not None:
            raise event.failure
    return prepared


def commit(
    store: Store, source: Source, prepared: PreparedSource, minter: Minter
) -> list[LoadedRecord]:
    """Write a prepared source's records in place of their previous versions, in one
    transaction; remove the records an earlier version had and this one has not."""
    keep = {name for name, _ in prepared.records} | prepared.rejected_graphs
    stale = graphs_from(store, minter.document(source.name)) - keep
    if stale or prepared.records:
        derivation.invalidate(store, minter)
    for name in stale:
        store.remove_graph(name)
    store.replace_graphs([(name, g.serialize(format="nt")) for name, g in prepared.records])
    return [LoadedRecord(source.name, name, len(graph)) for name, graph in prepared.records]


def graphs_from(store: Store, document: URIRef) -> set[URIRef]:
    """The named graphs that hold what `document` says."""
    result = store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g <{PROV.wasDerivedFrom}> <{document}> }} }}"
    )
    return {row["g"] for row in result.rows}


def refresh_derived(store: Store, minter: Minter) -> None:
    """Recompute the derived graph (mhkg:worksWith …) from everything loaded."""
    derivation.refresh(store, minter)


@dataclass
class StoreReport:
    """`validate_store`'s answer: the SHACL report, and the check of the derived graph."""

    shapes: shapes.ValidationReport
    derived: derivation.Check

    @property
    def conforms(self) -> bool:
        return self.shapes.conforms and self.derived.holds

    @property
    def results(self) -> list[shapes.Result]:
        return self.shapes.results

    @property
    def text(self) -> str:
        """pySHACL's text, then what differs in the derived graph."""
        return f"{self.shapes.text.rstrip()}\n{self.derived.text()}\n"


def validate_store(store: Store, minter: Minter | None = None) -> StoreReport:
    """Validate everything the store holds (the union of its graphs) against the shapes,
    and check that the derived graph holds what the derivation rules give now."""
    union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph or Graph()
    report = shapes.validate(union, extra=ontology.graph())
    return StoreReport(report, derivation.check(store, minter or Minter.from_environment()))


def is_empty(store: Store, minter: Minter) -> bool:
    system = minter.system_graphs()
    return not [g for g in store.graph_names() if g not in system]
