"""Confirm the store choice on mhkg's own data: rdflib vs oxrdflib vs Oxigraph on disk.

    python bench/store_choice.py [--projects N] [--repeat R] [--seed S]

Everything runs in one process on one data set, so every figure can be set against the
plain in-memory rdflib baseline measured a few seconds apart:

(a)  rdflib ``Dataset(default_union=True)`` in memory, rdflib's N-Quads parser;
(b)  rdflib over oxrdflib, ``Dataset(store="Oxigraph", default_union=True)``, oxrdflib's
     ``ox-nquads`` parser (optional bench dependency: ``pip install oxrdflib``; the row is
     skipped with a message when it is missing);
(c)  pyoxigraph ``Store(path)`` on disk, one ``load`` transaction, queried with
     ``use_default_graph_as_union=True``;
(c') mhkg's ``EmbeddedStore`` on disk as checked out, written as the pipeline writes (one
     ``replace_graph`` transaction per record, SHACL excluded), queried through
     ``EmbeddedStore.query``;
(e)  pyoxigraph ``Store(path)`` on disk with the union of the named graphs copied into its
     default graph in one bulk update, queried without ``use_default_graph_as_union``;
(d)  mhkg's real pipeline (``mhkg.pipeline.load_paths``: loaders, SHACL, commit) on the
     five seed documents, for the load time per record.

The data are the graphs the pipeline makes for the five seeds (with the ontology,
reference and derived graphs), plus N synthetic projects replicated from the two seed
project pages with rewritten IRIs, each in its own named graph, with 1–4 benefiting
countries, 2–5 participations and a budget.

Oxigraph 0.5's union default graph is a bag, not an RDF merge: a triple stated in k named
graphs matches k times (oxigraph/oxigraph#1919; fixed on Oxigraph's main branch by #1920,
not in 0.5.13). mhkg restates shared nodes (IOM, the IDF, status/type/coverage/region
concepts) in every record's graph, so queries that walk through them multiply. A probe on
small data counts each named query's solutions in rdflib, in a bare Oxigraph union and in
mhkg's store; a query whose solutions outgrow rdflib's on a back-end is not run there at
full size (it would exhaust memory) and shows as "not run (bag)".
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import gc
import io
import math
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Literal as RdflibLiteral

from mhkg import ontology, pipeline, queries, shapes
from mhkg.iri import Minter
from mhkg.loaders import Source
from mhkg.store.embedded import EmbeddedStore, to_rdflib

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"

MHKG = "https://w3id.org/mhkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCT_TITLE = "http://purl.org/dc/terms/title"
SCHEMA_VALUE = "https://schema.org/value"

PREFIXES = f"""PREFIX mhkg: <{MHKG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""

COUNTRIES_QUERY = (
    PREFIXES
    + """
SELECT ?iso3 (COUNT(DISTINCT ?project) AS ?projects)
WHERE {
  ?project a mhkg:Project ;
           mhkg:benefitingCountry ?country .
  ?country mhkg:iso3166Alpha3 ?iso3 .
}
GROUP BY ?iso3
ORDER BY DESC(?projects) ?iso3
"""
)

BUDGET_QUERY = (
    PREFIXES
    + """
SELECT ?iso3 (SUM(?value) AS ?budget) (COUNT(?project) AS ?projects)
WHERE {
  ?project a mhkg:Project ;
           mhkg:benefitingCountry ?country ;
           mhkg:budget ?amount .
  ?amount schema:value ?value .
  ?country mhkg:iso3166Alpha3 ?iso3 .
}
GROUP BY ?iso3
ORDER BY DESC(?budget) ?iso3
"""
)

# organisation → participation → project → country, anchored at one organisation (what an
# organisation's page asks); the organisation is filled in once the data exist.
TWO_HOP_QUERY = (
    PREFIXES
    + """
SELECT DISTINCT ?project ?title ?iso3
WHERE {
  ?participation mhkg:participant <ORGANISATION> ;
                 mhkg:inProject ?project .
  ?project rdfs:label ?title ;
           mhkg:benefitingCountry ?country .
  ?country mhkg:iso3166Alpha3 ?iso3 .
}
ORDER BY ?title ?iso3
"""
)

QUERY_LABELS = {
    "projects": "`projects` named query",
    "countries": "projects per country (GROUP BY)",
    "budget": "SUM budget per country",
    "two-hop": "2-hop org→participation→project→country",
}

# Extra participants a synthetic project may have besides IOM (implementer) and the IDF
# (funder), which every seed project page names: (name pattern, class, role).
EXTRA_PARTICIPANTS = (
    ("Ministry of Health of {country}", "Ministry", "partnerRole"),
    ("Ministry of Foreign Affairs of {country}", "Ministry", "coordinationRole"),
    ("National Public Health Institute of {country}", "GovernmentAgency", "partnerRole"),
    ("{country} diaspora", "Group", "beneficiaryRole"),
)

SHACL_SAMPLE = 20  # synthetic records validated, to show the data are what mhkg accepts
PROBE_SIZES = (5, 10, 20)  # synthetic projects in the duplicate probe
BAG_FACTOR = 2.0  # a query is "bag" when Oxigraph gives this many times rdflib's rows


# --------------------------------------------------------------------------- memory


def _status(key: str) -> int:
    """A field of /proc/self/status, in KiB (0 where there is no such field)."""
    with open("/proc/self/status") as status:
        match = re.search(rf"^{key}:\s+(\d+) kB", status.read(), re.MULTILINE)
    return int(match.group(1)) if match else 0


_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")


def release_memory() -> None:
    """Collect garbage and hand freed heap pages back to the OS, so RSS deltas are honest."""
    gc.collect()
    with contextlib.suppress(AttributeError):  # malloc_trim is glibc's
        _LIBC.malloc_trim(0)


def reset_peak() -> bool:
    """Reset VmHWM (peak RSS) to the current RSS; False where the kernel refuses."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


@dataclass
class Memory:
    """Peak RSS above the start during a step, and RSS the step kept afterwards (MiB)."""

    peak: float | None = None
    kept: float = 0.0


class MemoryMeter:
    """Measures the RSS of what happens between start() and stop()."""

    def start(self) -> MemoryMeter:
        release_memory()
        self.before = _status("VmRSS")
        self.can_peak = reset_peak()
        return self

    def stop(self) -> Memory:
        peak = _status("VmHWM")
        release_memory()
        kept = (_status("VmRSS") - self.before) / 1024
        return Memory((peak - self.before) / 1024 if self.can_peak else None, kept)


def folder_size(path: Path) -> float:
    """MiB of the files under `path`."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


# --------------------------------------------------------------------------- data


@dataclass
class SeedRun:
    """What the real pipeline does with the five seed documents."""

    nquads: bytes
    records: int
    cold_seconds: float
    warm_per_record: list[float]


def load_seeds(workdir: Path, minter: Minter) -> SeedRun:
    """(d): the seeds through mhkg.pipeline into an EmbeddedStore; export its N-Quads."""
    store = EmbeddedStore(workdir / "seeds-store")
    start = time.perf_counter()
    report = pipeline.load_paths(store, [SEEDS], minter)
    cold = time.perf_counter() - start
    if not report.ok:
        raise SystemExit(f"the seeds did not load: {[str(e) for e in report.rejected]}")
    # Warm: each document again, vocabulary installed and shapes parsed: read the
    # record, validate it with SHACL against shapes + ontology + reference data, commit.
    context = pipeline.context_for(minter)
    warm = []
    for path in pipeline.expand([SEEDS]):
        start = time.perf_counter()
        loaded = pipeline.load_source(store, Source.from_path(path), context)
        warm += [(time.perf_counter() - start) / len(loaded)] * len(loaded)
    pipeline.refresh_derived(store, minter)
    out = io.BytesIO()
    store.export(out, "nquads")
    store.close()
    return SeedRun(out.getvalue(), len(report.loaded), cold, warm)


@dataclass
class Template:
    """One seed project page's named graph, to be replicated."""

    graph: str
    project_slug: str
    document_slug: str
    quads: list[ox.Quad]


def templates(seed_quads: list[ox.Quad]) -> tuple[list[Template], list[str]]:
    """The seed graphs that describe a project from its page, and the reference countries."""
    by_graph: dict[str, list[ox.Quad]] = {}
    countries = set()
    for quad in seed_quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            by_graph.setdefault(quad.graph_name.value, []).append(quad)
        if quad.predicate.value == MHKG + "iso3166Alpha3":
            countries.add(quad.object.value)
    found = []
    for graph, quads in sorted(by_graph.items()):
        codes = [q for q in quads if q.predicate.value == MHKG + "projectCode"]
        reports = [q for q in quads if q.predicate.value == MHKG + "reportsOn"]
        if codes and reports:
            found.append(
                Template(
                    graph=graph,
                    project_slug=codes[0].subject.value.rsplit("/", 1)[1],
                    document_slug=reports[0].subject.value.rsplit("/", 1)[1],
                    quads=quads,
                )
            )
    if not found:
        raise SystemExit("no seed graph describes a project with a project code")
    return found, sorted(countries)


@dataclass
class Synthetic:
    quads: list[ox.Quad] = field(default_factory=list)
    busiest: tuple[str, int] = ("", 0)  # the extra organisation in most projects


def synthesise(
    n: int, found: list[Template], countries: list[str], minter: Minter, seed: int
) -> Synthetic:
    """N projects replicated from the seed project pages, each in its own named graph."""
    rng = random.Random(seed)
    out = Synthetic()
    participants: Counter[str] = Counter()
    for i in range(n):
        template = found[i % len(found)]
        slug, doc_slug = f"syn-{i:06d}", f"syn-{i:06d}-txt"

        def iri(value: str, t: Template = template, s: str = slug, d: str = doc_slug):
            value = value.replace(t.document_slug, d)
            if "/id/" in value:
                value = value.replace(f"/{t.project_slug}", f"/{s}")
            return ox.NamedNode(value)

        graph = iri(template.graph)
        renamed = {  # whose title and label name project i
            f"{minter.base}id/project/{template.project_slug}",
            f"{minter.base}id/document/{template.document_slug}",
        }
        shift = rng.randint(-6, 6)  # years: start, end and funding year move together
        for quad in template.quads:
            if quad.predicate.value == MHKG + "benefitingCountry":
                continue
            subject, o = quad.subject, quad.object
            if isinstance(o, ox.NamedNode):
                o = iri(o.value)
            elif isinstance(o, ox.Literal):
                o = _literal(quad.predicate.value, o, i, subject.value in renamed, shift, rng)
            if isinstance(subject, ox.NamedNode):
                subject = iri(subject.value)
            out.quads.append(ox.Quad(subject, quad.predicate, o, graph))

        def add(s: URIRef, p: str, o: URIRef | ox.Literal, g: ox.NamedNode = graph) -> None:
            obj = o if isinstance(o, ox.Literal) else ox.NamedNode(str(o))
            out.quads.append(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(p), obj, g))

        project = URIRef(f"{minter.base}id/project/{slug}")
        chosen = rng.sample(countries, rng.randint(1, 4))
        for iso3 in chosen:
            add(project, MHKG + "benefitingCountry", minter.country(iso3))
        for pattern, kind, role in rng.sample(EXTRA_PARTICIPANTS, rng.randint(0, 3)):
            iso3 = rng.choice(chosen)
            name = pattern.format(country=iso3)
            org = minter.organisation(name, iso3)
            participants[str(org)] += 1
            part = minter.participation(project, org, role.removesuffix("Role"))
            add(org, RDF_TYPE, URIRef(MHKG + kind))
            add(org, RDFS_LABEL, ox.Literal(name))
            add(org, MHKG + "country", minter.country(iso3))
            add(part, RDF_TYPE, URIRef(MHKG + "Participation"))
            add(part, MHKG + "inProject", project)
            add(part, MHKG + "participant", org)
            add(part, MHKG + "role", URIRef(MHKG + role))
    out.busiest = participants.most_common(1)[0] if participants else ("", 0)
    return out


def _literal(
    predicate: str, literal: ox.Literal, i: int, renamed: bool, shift: int, rng: random.Random
) -> ox.Literal:
    """The template's literal, made specific to synthetic project i where it identifies it."""
    name = predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if name == "projectCode":  # shaped like an IDF code ("CD.0015"), unique per i
        letters = chr(65 + i // 260_000 % 26) + chr(65 + i // 10_000 % 26)
        return ox.Literal(f"{letters}.{i % 10_000:04d}")
    if name == "primaId":
        return ox.Literal(f"XX{rng.randint(10, 99)}P{i:06d}")
    if predicate == SCHEMA_VALUE:
        return ox.Literal(f"{rng.randrange(20_000, 2_000_000, 1_000)}", datatype=literal.datatype)
    if name in ("startDate", "endDate", "fundingYear"):
        return ox.Literal(f"{int(literal.value) + shift:04d}", datatype=literal.datatype)
    if renamed and predicate in (RDFS_LABEL, DCT_TITLE):
        return ox.Literal(f"{literal.value} ({i})")
    if name == "sourceFile":
        return ox.Literal(f"syn_{i:06d}.txt")
    if name == "sha256":
        return ox.Literal(f"{rng.getrandbits(256):064x}")
    return literal


def validate_sample(graphs: list[tuple[URIRef, bytes]], minter: Minter) -> tuple[int, list]:
    """SHACL-validate synthetic records as the pipeline does; (conforming, seconds each)."""
    extra = ontology.graph() + ontology.reference_graph(minter.base)
    conforming, seconds = 0, []
    for _, triples in graphs:
        graph = Graph()
        graph.parse(data=triples, format="nt")
        start = time.perf_counter()
        conforming += shapes.validate(graph, extra=extra).conforms
        seconds.append(time.perf_counter() - start)
    return conforming, seconds


def split_graphs(quads: list[ox.Quad]) -> list[tuple[URIRef, bytes]]:
    """Each named graph with its triples as N-Triples, in first-seen order."""
    by_graph: dict[str, list[ox.Triple]] = {}
    for quad in quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
    return [
        (URIRef(name), ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        for name, triples in by_graph.items()
    ]


def nquads(quads: list[ox.Quad]) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


# --------------------------------------------------------------------------- results


def _python(term) -> object:
    """A comparable value for an rdflib term (numbers as floats: 1.0 == 1)."""
    if term is None:
        return None
    if isinstance(term, RdflibLiteral):
        value = term.toPython()
        return float(value) if isinstance(value, int | float) else str(value)
    return str(term)


def rdflib_row(row) -> tuple:
    return tuple(_python(term) for term in row)


def oxigraph_row(solution) -> tuple:
    return tuple(_python(to_rdflib(term)) for term in solution)


def count_form(text: str) -> str:
    """The query counting its solutions before DISTINCT, aggregation and ORDER BY."""
    text = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    head, _, rest = text.partition("SELECT")
    _, _, body = rest.partition("WHERE")
    body = body[: body.rindex("}") + 1]
    return f"{head}SELECT (COUNT(*) AS ?rows) WHERE{body}"


# --------------------------------------------------------------------------- probe


@dataclass
class ProbeRow:
    query: str
    size: int
    triples: int
    rdflib_rows: int
    union_rows: int  # bare Oxigraph, use_default_graph_as_union=True
    mhkg_rows: int  # mhkg's EmbeddedStore.query, however it is implemented now
    union_seconds: float
    mhkg_seconds: float


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def probe(
    seed_quads: list[ox.Quad], found: list[Template], countries: list[str], minter: Minter
) -> list[ProbeRow]:
    """Every named query on small data: its solutions before DISTINCT and aggregation in an
    rdflib Dataset (an RDF merge), a bare Oxigraph union default graph and mhkg's store."""
    rows = []
    for size in PROBE_SIZES:
        quads = seed_quads + synthesise(size, found, countries, minter, seed=size).quads
        data = nquads(quads)
        ds = Dataset(default_union=True)
        ds.parse(data=data, format="nquads")
        bare = ox.Store()
        bare.load(input=data, format=ox.RdfFormat.N_QUADS)
        store = EmbeddedStore(None)
        for name, triples in split_graphs(quads):
            graph = Graph()
            graph.parse(data=triples, format="nt")
            store.replace_graph(name, graph)
        for query in queries.all_queries():
            counting = count_form(query.text)
            union = bare.query(counting, use_default_graph_as_union=True)
            rows.append(
                ProbeRow(
                    query=query.name,
                    size=size,
                    triples=len(ds),
                    rdflib_rows=int(next(iter(ds.query(counting)))[0]),
                    union_rows=int(next(iter(union))[0].value),
                    mhkg_rows=int(store.query(counting).rows[0]["rows"]),
                    union_seconds=_timed(
                        lambda q=query.text, b=bare: list(
                            b.query(q, use_default_graph_as_union=True)
                        )
                    ),
                    mhkg_seconds=_timed(lambda q=query.text, s=store: s.query(q)),
                )
            )
        store.close()
    return rows


def bag_queries(rows: list[ProbeRow], attribute: str) -> dict[str, float]:
    """Named queries whose solutions outgrow rdflib's: name → growth exponent in projects."""
    largest, smaller = sorted(PROBE_SIZES)[-1], sorted(PROBE_SIZES)[-2]
    found = {}
    for row in rows:
        count = getattr(row, attribute)
        if row.size == largest and count > BAG_FACTOR * max(row.rdflib_rows, 1):
            before = next(r for r in rows if r.query == row.query and r.size == smaller)
            growth = count / max(getattr(before, attribute), 1)
            found[row.query] = math.log(growth) / math.log(largest / smaller)
    return found


# --------------------------------------------------------------------------- back-ends


@dataclass
class Backend:
    key: str
    label: str
    bag: set[str] = field(default_factory=set)  # queries it must not run (rows multiply)
    load_seconds: float = 0.0
    memory: Memory = field(default_factory=Memory)
    disk: float | None = None
    timings: dict[str, float | None] = field(default_factory=dict)
    rows: dict[str, list[tuple]] = field(default_factory=dict)
    note: str = ""
    skipped: bool = False


def run_queries(
    backend: Backend,
    run: Callable[[str], list],
    normalise: Callable[[object], tuple],
    named: dict[str, str],
    repeat: int,
) -> None:
    for name, text in named.items():
        if name in backend.bag:
            backend.timings[name] = None  # would multiply rows past memory: see the probe
            continue
        backend.rows[name] = sorted(normalise(row) for row in run(text))  # warm-up, check
        backend.timings[name] = statistics.median(
            _timed(lambda t=text: run(t)) for _ in range(repeat)
        )


def bench_rdflib(data: bytes, named: dict, repeat: int) -> Backend:
    backend = Backend("a", "rdflib Dataset, in memory")
    meter = MemoryMeter().start()
    start = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    backend.load_seconds = time.perf_counter() - start
    backend.memory = meter.stop()
    run_queries(backend, lambda q: list(ds.query(q)), rdflib_row, named, repeat)
    return backend


def bench_oxrdflib(data: bytes, named: dict, repeat: int, bag: set[str]) -> Backend:
    backend = Backend("b", "rdflib over oxrdflib, in memory", bag=bag)
    try:
        import oxrdflib  # noqa: F401 - registers the "Oxigraph" store and "ox-*" parsers
    except ImportError:
        backend.note = "skipped: oxrdflib is not installed (pip install oxrdflib)"
        backend.skipped = True
        return backend
    meter = MemoryMeter().start()
    start = time.perf_counter()
    ds = Dataset(store="Oxigraph", default_union=True)
    ds.parse(data=data, format="ox-nquads")
    backend.load_seconds = time.perf_counter() - start
    backend.memory = meter.stop()
    run_queries(backend, lambda q: list(ds.query(q)), rdflib_row, named, repeat)
    return backend


def bench_oxigraph(
    data: bytes, folder: Path, named: dict, repeat: int, bag: set[str] | None
) -> Backend:
    """(c) with `bag` (queried through the union default graph); (e) with None."""
    if bag is None:
        backend = Backend("e", "pyoxigraph Store(path), union copied to default")
        backend.note = (
            "load includes `INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }`; queried "
            "without use_default_graph_as_union"
        )
    else:
        backend = Backend("c", "pyoxigraph Store(path), union default graph", bag=bag)
    meter = MemoryMeter().start()
    start = time.perf_counter()
    store = ox.Store(str(folder))
    store.load(input=data, format=ox.RdfFormat.N_QUADS)
    if bag is None:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()
    backend.load_seconds = time.perf_counter() - start
    backend.memory = meter.stop()
    backend.disk = folder_size(folder)
    union = bag is not None

    def run(q: str) -> list:
        return list(store.query(q, use_default_graph_as_union=union))

    run_queries(backend, run, oxigraph_row, named, repeat)
    return backend


def bench_embedded(
    graphs: list[tuple[URIRef, bytes]], folder: Path, named: dict, repeat: int, bag: set[str]
) -> Backend:
    backend = Backend("c'", "mhkg EmbeddedStore, per-record commits", bag=bag)
    store = EmbeddedStore(folder)
    meter = MemoryMeter().start()
    per_record = []
    for name, triples in graphs:
        graph = Graph()
        graph.parse(data=triples, format="nt")
        start = time.perf_counter()
        store.replace_graph(name, graph)
        per_record.append(time.perf_counter() - start)
    backend.load_seconds = sum(per_record)
    backend.memory = meter.stop()
    backend.disk = folder_size(folder)
    tenth = max(1, len(per_record) // 10)
    sample = graphs[-min(tenth, 100) :]
    with_flush, without_flush = commit_cost(sample, folder.with_name("commit-cost"))
    backend.note = (
        f"load = sum of {len(graphs):,} `replace_graph` transactions (SHACL and building "
        "each record's rdflib graph not timed; peak RSS includes those graphs). Per record: "
        f"median {_ms(statistics.median(per_record))} (first tenth "
        f"{_ms(statistics.median(per_record[:tenth]))}, last tenth "
        f"{_ms(statistics.median(per_record[-tenth:]))}). A plain `DROP SILENT GRAPH` + "
        f"`INSERT DATA` of the last {len(sample)} records into an empty bare Store(path): "
        f"{_ms(with_flush)} with "
        f"`flush()` after each, {_ms(without_flush)} without"
    )

    def by_variables(variables: list[str]) -> Callable[[dict], tuple]:
        return lambda row: tuple(_python(row.get(v)) for v in variables)

    for name, text in named.items():
        variables = store.query(text).variables if name not in bag else []
        one = {name: text}
        run_queries(backend, lambda q: store.query(q).rows, by_variables(variables), one, repeat)
    store.close()
    return backend


def commit_cost(graphs: list[tuple[URIRef, bytes]], folder: Path) -> tuple[float, float]:
    """Median seconds of a replace-graph update per record, with and without flush()."""
    updates = [
        f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{triples.decode()}}} }}"
        for name, triples in graphs
    ]
    medians = []
    for flush in (True, False):
        (folder / str(flush)).mkdir(parents=True)
        store = ox.Store(str(folder / str(flush)))
        times = []
        for update in updates:
            start = time.perf_counter()
            store.update(update)
            if flush:
                store.flush()
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
        del store
    return medians[0], medians[1]


# --------------------------------------------------------------------------- report


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "not run (bag)"
    ms = seconds * 1000
    return f"{ms:,.1f} ms" if ms < 100 else f"{ms:,.0f} ms"


def _mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MiB"


def _ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "—"
    ratio = value / base
    return f"{ratio:.3f}×" if ratio < 0.1 else f"{ratio:.2f}×"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def report(backends: list[Backend], named: dict) -> str:
    ran = [b for b in backends if not b.skipped]
    base = next(b for b in ran if b.key == "a")
    header = ["back-end", "load", "peak RSS Δ", "RSS kept", "disk"]
    header += [QUERY_LABELS[q] for q in named]
    figures = [
        [
            f"({b.key}) {b.label}",
            f"{b.load_seconds:.2f} s",
            _mib(b.memory.peak),
            _mib(b.memory.kept),
            "—" if b.disk is None else f"{b.disk:,.0f} MiB",
            *(_ms(b.timings[q]) for q in named),
        ]
        for b in ran
    ]
    ratio_header = ["back-end ÷ rdflib (a), lower is better", "load", "peak RSS Δ", "RSS kept"]
    ratio_header += [QUERY_LABELS[q] for q in named]
    ratios = [
        [
            f"({b.key})",
            _ratio(b.load_seconds, base.load_seconds),
            _ratio(b.memory.peak, base.memory.peak),
            _ratio(b.memory.kept, base.memory.kept),
            *(_ratio(b.timings[q], base.timings[q]) for q in named),
        ]
        for b in ran
    ]
    parts = [table(header, figures), "", table(ratio_header, ratios)]
    notes = [f"- ({b.key}) {b.note}" for b in backends if b.note]
    return "\n".join(parts + (["", *notes] if notes else []))


def probe_report(rows: list[ProbeRow], union_bag: dict, mhkg_bag: dict) -> str:
    def growth(name: str, bag: dict) -> str:
        return f" ∝ k^{bag[name]:.1f}" if name in bag else ""

    names = sorted({r.query for r in rows}, key=lambda n: (n not in union_bag, n))
    header = ["named query (k projects)"]
    for size in PROBE_SIZES:
        triples = next(r.triples for r in rows if r.size == size)
        header.append(f"k={size} ({triples:,} triples): rdflib / Ox union / mhkg rows")
    header += [f"Ox union time, k={max(PROBE_SIZES)}", f"mhkg time, k={max(PROBE_SIZES)}"]
    body = []
    for name in names:
        cells = [f"`{name}`"]
        for size in PROBE_SIZES:
            r = next(r for r in rows if r.query == name and r.size == size)
            cells.append(f"{r.rdflib_rows:,} / {r.union_rows:,} / {r.mhkg_rows:,}")
        last = next(r for r in rows if r.query == name and r.size == max(PROBE_SIZES))
        cells += [
            _ms(last.union_seconds) + growth(name, union_bag),
            _ms(last.mhkg_seconds) + growth(name, mhkg_bag),
        ]
        body.append(cells)
    return table(header, body)


def check_agreement(backends: list[Backend], named: dict) -> list[str]:
    """Every back-end must give the same answers as rdflib (a)."""
    base = next(b for b in backends if b.key == "a")
    problems = []
    for b in backends:
        for name in named:
            if name not in b.rows or b.rows[name] == base.rows[name]:
                continue
            mine, theirs = b.rows[name], base.rows[name]
            first = next(
                ((x, y) for x, y in zip(mine, theirs, strict=False) if x != y), "(lengths)"
            )
            problems.append(
                f"{name}: ({b.key}) {len(mine)} rows, (a) {len(theirs)}; first difference {first}"
            )
    return problems


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=2000, help="synthetic projects (2000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (5)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the synthetic data")
    args = parser.parse_args(argv)
    minter = Minter()  # the default base IRI, whatever MHKG_BASE_IRI says
    started = time.perf_counter()
    try:
        oxrdflib_version = version("oxrdflib")
    except PackageNotFoundError:
        oxrdflib_version = "not installed"
    print(
        f"mhkg store benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs: "
        f"Python {sys.version.split()[0]}, rdflib {rdflib.__version__}, pyoxigraph "
        f"{ox.__version__}, oxrdflib {oxrdflib_version}; --projects {args.projects} "
        f"--repeat {args.repeat}"
    )

    with tempfile.TemporaryDirectory(prefix="mhkg-bench-") as tmp:
        workdir = Path(tmp)
        seeds = load_seeds(workdir, minter)
        warm = seeds.warm_per_record
        print(
            f"\n(d) mhkg pipeline on the {seeds.records} seed records: `load_paths` "
            f"{seeds.cold_seconds:.2f} s cold (parses ontology and shapes, installs the "
            f"vocabulary, derives), i.e. {_ms(seeds.cold_seconds / seeds.records)} per record; "
            f"warm, per record (read + SHACL + commit): median {_ms(statistics.median(warm))},"
            f" max {_ms(max(warm))}"
        )
        seed_quads = list(ox.parse(input=seeds.nquads, format=ox.RdfFormat.N_QUADS))
        found, countries = templates(seed_quads)

        probe_rows = probe(seed_quads, found, countries, minter)
        union_bag = bag_queries(probe_rows, "union_rows")
        mhkg_bag = bag_queries(probe_rows, "mhkg_rows")
        print(
            "\nDuplicate probe: solutions of each named query before DISTINCT and aggregation"
            " in an rdflib Dataset (RDF merge), a bare Oxigraph Store queried with "
            "use_default_graph_as_union=True, and mhkg's EmbeddedStore as checked out; "
            "times are the real query's. ∝ k^x: rows grow as the x-th power of the projects "
            "(a 'bag' query: not run on that back-end at full size).\n"
        )
        print(probe_report(probe_rows, union_bag, mhkg_bag))

        synthetic = synthesise(args.projects, found, countries, minter, args.seed)
        quads = seed_quads + synthetic.quads
        data = nquads(quads)
        graphs = split_graphs(quads)
        organisation, degree = synthetic.busiest
        named = {
            "projects": queries.load("projects").text,
            "countries": COUNTRIES_QUERY,
            "budget": BUDGET_QUERY,
            "two-hop": TWO_HOP_QUERY.replace("ORGANISATION", organisation),
        }
        distinct = len({q.triple for q in quads})
        print(
            f"\nData: {len(seed_quads):,} seed quads + {args.projects:,} synthetic projects "
            f"(replicating {len(found)} seed project pages) = {len(quads):,} quads, "
            f"{distinct:,} distinct triples, {len(graphs):,} named graphs, "
            f"{len(data) / 2**20:.1f} MiB of N-Quads. 2-hop anchor: "
            f"{organisation.rsplit('/', 1)[-1]} ({degree} projects). Query times are the "
            f"median of {args.repeat} runs after one warm-up."
        )
        sample = split_graphs(synthetic.quads)[:SHACL_SAMPLE]
        conforming, shacl = validate_sample(sample, minter)
        print(
            f"SHACL on {len(sample)} synthetic records (as the pipeline validates them): "
            f"{conforming} conform; median {_ms(statistics.median(shacl))} per record.\n"
        )
        del synthetic
        backends = [
            bench_oxigraph(data, workdir / "oxigraph", named, args.repeat, set(union_bag)),
            bench_oxigraph(data, workdir / "materialised", named, args.repeat, None),
            bench_embedded(graphs, workdir / "embedded", named, args.repeat, set(mhkg_bag)),
            bench_oxrdflib(data, named, args.repeat, set(union_bag)),
            bench_rdflib(data, named, args.repeat),
        ]
    backends.sort(key=lambda b: ["a", "b", "c", "c'", "e"].index(b.key))
    print(report(backends, named))
    for b in backends:
        if b.bag & set(named) and not b.skipped:
            print(
                f"- ({b.key}) not run: {', '.join(sorted(b.bag & set(named)))}; its rows "
                "multiply with the graphs that restate shared nodes (probe above)"
            )
    problems = check_agreement(backends, named)
    print()
    if problems:
        print("RESULTS DIFFER:\n" + "\n".join(f"- {p}" for p in problems))
    else:
        counts = ", ".join(f"{name} {len(rows)}" for name, rows in backends[0].rows.items())
        print(f"Every back-end that ran a query returned the same rows as (a) ({counts}).")
    print(f"Total run time {time.perf_counter() - started:.0f} s.")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
