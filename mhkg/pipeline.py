"""Record → triples → validation → store: the one path every load takes.

Each record is read by its loader into a plain in-memory rdflib graph,
validated there against the SHACL shapes (with the ontology and reference
data mixed in), and only then written to the store as one transaction that
replaces the record's named graph. A rejected record writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, partial
from importlib import resources
from pathlib import Path

import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from mhkg import __version__, data, derivation, ontology, shapes
from mhkg.derivation import DERIVED_GRAPH
from mhkg.errors import RecordError, ValidationError
from mhkg.iri import Minter
from mhkg.loaders import LoadContext, Source, loader_for
from mhkg.loaders.gazetteer import Gazetteer
from mhkg.loaders.registry import ORGANISATIONS_QUERY, Registry
from mhkg.store import Store

ONTOLOGY_GRAPH, REFERENCE_GRAPH = "ontology", "reference"
SYSTEM_GRAPHS = (ONTOLOGY_GRAPH, REFERENCE_GRAPH, DERIVED_GRAPH)


@dataclass
class LoadedRecord:
    source: str
    graph: URIRef
    triples: int


@dataclass
class LoadReport:
    loaded: list[LoadedRecord] = field(default_factory=list)
    rejected: list[RecordError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected


@cache
def _validation_context(base: str) -> Graph:
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


def known_organisations(store: Store) -> Registry:
    """The organisations the store holds, with every name they go by."""
    registry = Registry()
    registry.add_rows(store.query(ORGANISATIONS_QUERY).rows)
    return registry


@cache
def _gazetteer(base: str) -> Gazetteer:
    return Gazetteer.from_reference(ontology.reference_graph(base))


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


def load_paths(
    store: Store,
    paths: Iterable[Path],
    minter: Minter,
    progress: Callable[[Iterable[Path]], Iterable[Path]] = iter,
) -> LoadReport:
    """Load every record of every file; report what was loaded and what was rejected."""
    openers = (partial(Source.from_path, path) for path in progress(expand(paths)))
    return load_sources(store, openers, minter)


def load_sources(
    store: Store, openers: Iterable[Callable[[], Source]], minter: Minter
) -> LoadReport:
    """Load the sources that `openers` open (an unreadable one is reported, not fatal)."""
    install_vocabulary(store, minter)
    report = LoadReport()
    context = context_for(minter, known_organisations(store))
    loaded_from: dict[URIRef, str] = {}  # graph → where its source was read, for this run
    for open_source in openers:
        try:
            source = open_source()
            _check_unique_name(source, context.minter, loaded_from)
            prepared = prepare_source(source, context)
        except RecordError as error:
            report.rejected.append(error)
            continue
        report.rejected += prepared.rejected
        report.loaded += commit(store, source, prepared, context.minter)
        for _, graph in prepared.records:
            context.registry.add_graph(graph, context.minter)
    if derivation.pending(store):  # something was written (or an earlier load was cut short)
        derivation.refresh(store, minter)
    return report


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


def load_bundled(store: Store, minter: Minter) -> LoadReport:
    """Load the seed documents that ship with mhkg."""
    return load_sources(store, [_opened(source) for source in data.seed_sources()], minter)


def _opened(source: Source) -> Callable[[], Source]:
    return lambda: source


def load_source(store: Store, source: Source, context: LoadContext) -> list[LoadedRecord]:
    """Read, validate and commit each record of one source; all checks before any write."""
    return commit(store, source, prepare_source(source, context), context.minter)


@dataclass
class PreparedSource:
    """A source's records, read and validated, before anything is written."""

    records: list[tuple[URIRef, Graph]] = field(default_factory=list)  # (named graph, triples)
    rejected: list[RecordError] = field(default_factory=list)
    rejected_graphs: set[URIRef] = field(default_factory=set)


def prepare_source(source: Source, context: LoadContext) -> PreparedSource:
    """Each record of a source as (named graph, triples), validated; nothing is written.

    Raises RecordError when the source as a whole cannot be read (then none of its
    records is written), and also when a loader fails unexpectedly (a bug: reported,
    the other sources go on). A record that cannot be read or does not conform is
    set aside with its error; the others go on.
    """
    try:
        records = loader_for(source)(source, context)
    except RecordError:
        raise
    except Exception as error:
        raise RecordError(
            source.name,
            f"could not be read ({type(error).__name__}: {error}); "
            "this is a bug in mhkg, please report it",
        ) from error
    prepared = PreparedSource()
    document = context.minter.document(source.name)
    for record in records:
        name = context.minter.graph(record.name)
        if record.error is not None:
            prepared.rejected.append(record.error)
            prepared.rejected_graphs.add(name)
            continue
        graph = record.graph + provenance(name, document, context.minter)
        report = shapes.validate(graph, extra=_validation_context(context.minter.base))
        if report.conforms:
            prepared.records.append((name, graph))
        else:
            prepared.rejected.append(
                ValidationError(source.name, violations(report), record=record.name)
            )
            prepared.rejected_graphs.add(name)
    return prepared


def commit(
    store: Store, source: Source, prepared: PreparedSource, minter: Minter
) -> list[LoadedRecord]:
    """Write each record's graph in place of its previous version, one transaction each.

    A record that an earlier version of the source had and this one has not (a row
    deleted from a CSV file) is removed; a rejected record keeps its previous version.
    Before the first write, the derived graph is marked out of date: the caller recomputes
    it (`refresh_derived`) once its records are written (see mhkg.derivation).
    """
    keep = {name for name, _ in prepared.records} | prepared.rejected_graphs
    stale = graphs_from(store, minter.document(source.name)) - keep
    if stale or prepared.records:
        derivation.invalidate(store, minter)
    for name in stale:
        store.remove_graph(name)
    for name, graph in prepared.records:
        store.replace_graph(name, graph)
    return [LoadedRecord(source.name, name, len(graph)) for name, graph in prepared.records]


def graphs_from(store: Store, document: URIRef) -> set[URIRef]:
    """The named graphs that hold what `document` says."""
    result = store.query(
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g <{PROV.wasDerivedFrom}> <{document}> }} }}"
    )
    return {row["g"] for row in result.rows}


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
    system = {minter.system_graph(name) for name in SYSTEM_GRAPHS}
    return not [g for g in store.graph_names() if g not in system]
