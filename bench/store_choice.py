"""Confirm the store choice on mhkg's own data: rdflib vs oxrdflib vs Oxigraph on disk.

    python bench/store_choice.py [--projects N] [--repeat R]

Everything runs in one process, on one data set, so that every figure can be set
against the plain in-memory rdflib baseline measured a few seconds apart:

(a) rdflib ``Dataset(default_union=True)`` in memory, parsed with rdflib's N-Quads parser;
(b) rdflib over oxrdflib, ``Dataset(store="Oxigraph", default_union=True)``, parsed with
    oxrdflib's ``ox-nquads`` parser (oxrdflib is an optional bench dependency:
    ``pip install oxrdflib``; the row is skipped with a message when it is missing);
(c) pyoxigraph ``Store(path)`` on disk in a temporary folder, one ``load`` transaction,
    queried with ``use_default_graph_as_union=True``: the engine mhkg uses;
(c') mhkg's ``EmbeddedStore`` on disk, written the way the pipeline writes (one
    ``replace_graph`` transaction per record, no SHACL) and queried through
    ``EmbeddedStore.query`` (which converts every value to an rdflib term);
(d) mhkg's real pipeline (``mhkg.pipeline.load_paths``: loaders, SHACL validation, commit)
    on the five seed documents, for the load time per record.

The data: the graphs the pipeline makes for the five seeds (with the ontology, reference
and derived graphs), plus N synthetic projects replicated from the two seed project pages
with rewritten IRIs, each with its own named graph, 1–4 benefiting countries, 2–5
participations and a budget.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import gc
import io
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Literal as RdflibLiteral

from mhkg import pipeline, queries
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
XSD = "http://www.w3.org/2001/XMLSchema#"

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

# organisation → participation → project → country, anchored at one organisation
# (what an organisation's page asks); the organisation is filled in once the data exist.
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

# Extra participants a synthetic project may have, besides IOM (implementer) and the IDF
# (funder) that every seed project page names: (name pattern, class, role).
EXTRA_PARTICIPANTS = (
    ("Ministry of Health of {country}", "Ministry", "partnerRole"),
    ("Ministry of Foreign Affairs of {country}", "Ministry", "coordinationRole"),
    ("National Public Health Institute of {country}", "GovernmentAgency", "partnerRole"),
    ("{country} diaspora", "Group", "beneficiaryRole"),
)


# --------------------------------------------------------------------------- memory


def _status(key: str) -> int:
    """A field of /proc/self/status, in KiB."""
    with open("/proc/self/status") as status:
        match = re.search(rf"^{key}:\s+(\d+) kB", status.read(), re.MULTILINE)
    return int(match.group(1)) if match else 0


_LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")


def release_memory() -> None:
    """Collect garbage and hand freed heap pages back to the OS, so RSS deltas are honest."""
    gc.collect()
    try:
        _LIBC.malloc_trim(0)
    except AttributeError:  # not glibc
        pass


def reset_peak() -> bool:
    """Reset VmHWM (the peak RSS) to the current RSS; False where the kernel refuses."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        return True
    except OSError:
        return False


@dataclass
class Memory:
    """RSS before a step, its peak during the step and what the step kept afterwards (MiB)."""

    peak: float | None = None
    kept: float = 0.0

    @classmethod
    def measure(cls, step: Callable[[], object]) -> tuple[object, Memory, float]:
        """Run `step`; return its value, its memory and its wall time in seconds."""
        release_memory()
        before = _status("VmRSS")
        can_peak = reset_peak()
        start = time.perf_counter()
        value = step()
        seconds = time.perf_counter() - start
        peak = _status("VmHWM")
        release_memory()
        after = _status("VmRSS")
        return (
            value,
            cls(peak=(peak - before) / 1024 if can_peak else None, kept=(after - before) / 1024),
            seconds,
        )


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
    quads: int


def load_seeds(workdir: Path, minter: Minter) -> SeedRun:
    """(d): the five seeds through mhkg.pipeline into an EmbeddedStore; export N-Quads."""
    store = EmbeddedStore(workdir / "seeds-store")
    start = time.perf_counter()
    report = pipeline.load_paths(store, [SEEDS], minter)
    cold = time.perf_counter() - start
    if not report.ok:
        raise SystemExit(f"the seeds did not load: {[str(e) for e in report.rejected]}")
    # Warm: each document again (vocabulary installed, shapes and ontology parsed):
    # read, SHACL-validate against shapes + ontology + reference data, commit.
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
    data = out.getvalue()
    return SeedRun(data, len(report.loaded), cold, warm, data.count(b"\n"))


@dataclass
class Template:
    """One seed project page's graph, to be replicated."""

    graph: str
    project_slug: str
    document_slug: str
    code: str
    quads: list[ox.Quad]


def templates(seed_quads: list[ox.Quad]) -> tuple[list[Template], list[str]]:
    """The seed graphs that describe a project from its page, and the reference countries."""
    by_graph: dict[str, list[ox.Quad]] = {}
    countries = []
    for quad in seed_quads:
        if isinstance(quad.graph_name, ox.NamedNode):
            by_graph.setdefault(quad.graph_name.value, []).append(quad)
        if quad.predicate.value == MHKG + "iso3166Alpha3":
            countries.append(quad.object.value)
    found = []
    for graph, quads in sorted(by_graph.items()):
        codes = [q for q in quads if q.predicate.value == MHKG + "projectCode"]
        if not codes:
            continue
        project = codes[0].subject.value
        document = next(
            q.subject.value for q in quads if q.predicate.value == MHKG + "reportsOn"
        )
        found.append(
            Template(
                graph=graph,
                project_slug=project.rsplit("/", 1)[1],
                document_slug=document.rsplit("/", 1)[1],
                code=codes[0].object.value,
                quads=quads,
            )
        )
    if not found:
        raise SystemExit("no seed graph describes a project with a project code")
    return found, sorted(set(countries))


@dataclass
class Synthetic:
    quads: list[ox.Quad] = field(default_factory=list)
    graphs: int = 0
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
        project = URIRef(iri(f"{minter.base}id/project/{template.project_slug}").value)
        for quad in template.quads:
            if quad.predicate.value == MHKG + "benefitingCountry":
                continue
            subject, o = quad.subject, quad.object
            if isinstance(o, ox.NamedNode):
                o = iri(o.value)
            elif isinstance(o, ox.Literal):
                o = _literal(quad.predicate.value, o, i, subject.value in renamed, rng)
            if isinstance(subject, ox.NamedNode):
                subject = iri(subject.value)
            out.quads.append(ox.Quad(subject, quad.predicate, o, graph))

        def add(s: URIRef, p: str, o: URIRef | ox.Literal, g: ox.NamedNode = graph) -> None:
            obj = o if isinstance(o, ox.Literal) else ox.NamedNode(str(o))
            out.quads.append(ox.Quad(ox.NamedNode(str(s)), ox.NamedNode(p), obj, g))

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
        out.graphs += 1
    out.busiest = participants.most_common(1)[0] if participants else ("", 0)
    return out


def _literal(
    predicate: str, literal: ox.Literal, i: int, renamed: bool, rng: random.Random
) -> ox.Literal:
    """The template's literal, made specific to synthetic project i where it identifies it."""
    name = predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    if name == "projectCode":
        return ox.Literal(f"SYN.{i:06d}")
    if name == "primaId":
        return ox.Literal(f"XX{rng.randint(10, 99)}P{i:06d}")
    if predicate == SCHEMA_VALUE:
        return ox.Literal(f"{rng.randrange(20_000, 2_000_000, 1_000)}", datatype=literal.datatype)
    if name in ("startDate", "endDate", "fundingYear"):
        year = int(literal.value) + rng.randint(-6, 6)
        return ox.Literal(f"{year:04d}", datatype=literal.datatype)
    if renamed and predicate in (RDFS_LABEL, DCT_TITLE):
        return ox.Literal(f"{literal.value} ({i})")
    if name == "sourceFile":
        return ox.Literal(f"syn_{i:06d}.txt")
    if name == "sha256":
        return ox.Literal(f"{rng.getrandbits(256):064x}")
    return literal


# --------------------------------------------------------------------------- back-ends


@dataclass
class Backend:
    key: str
    label: str
    load_seconds: float = 0.0
    memory: Memory = field(default_factory=Memory)
    disk: float | None = None
    timings: dict[str, float] = field(default_factory=dict)
    rows: dict[str, list[tuple]] = field(default_factory=dict)
    note: str = ""


Runner = Callable[[str], list]


def run_queries(backend: Backend, run: Runner, normalise: Callable, named: dict, repeat: int):
    for name, text in named.items():
        backend.rows[name] = sorted(normalise(row) for row in run(text))  # warm-up + check
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            run(text)
            times.append(time.perf_counter() - start)
        backend.timings[name] = statistics.median(times)


def _python(term) -> object:
    if term is None:
        return None
    if isinstance(term, RdflibLiteral):
        value = term.toPython()
        return str(value) if not isinstance(value, int | float) else float(value)
    return str(term)


def rdflib_rows(row) -> tuple:
    return tuple(_python(term) for term in row)


def oxigraph_rows(solution) -> tuple:
    return tuple(_python(to_rdflib(term)) for term in solution)


def mhkg_rows(variables: list[str]) -> Callable[[dict], tuple]:
    return lambda row: tuple(_python(row.get(v)) for v in variables)


def bench_rdflib(data: bytes, named: dict, repeat: int) -> Backend:
    backend = Backend("a", "rdflib Dataset, in memory")

    def load() -> Dataset:
        ds = Dataset(default_union=True)
        ds.parse(data=data, format="nquads")
        return ds

    ds, backend.memory, backend.load_seconds = Memory.measure(load)
    run_queries(backend, lambda q: list(ds.query(q)), rdflib_rows, named, repeat)
    del ds
    return backend


def bench_oxrdflib(data: bytes, named: dict, repeat: int) -> Backend:
    backend = Backend("b", "rdflib over oxrdflib, in memory")
    try:
        import oxrdflib  # noqa: F401 - registers the "Oxigraph" store and "ox-*" parsers
    except ImportError:
        backend.note = "skipped: oxrdflib is not installed (pip install oxrdflib)"
        return backend

    def load() -> Dataset:
        ds = Dataset(store="Oxigraph", default_union=True)
        ds.parse(data=data, format="ox-nquads")
        return ds

    ds, backend.memory, backend.load_seconds = Memory.measure(load)
    run_queries(backend, lambda q: list(ds.query(q)), rdflib_rows, named, repeat)
    del ds
    return backend


def bench_oxigraph(data: bytes, folder: Path, named: dict, repeat: int) -> Backend:
    backend = Backend("c", "pyoxigraph Store(path), on disk")

    def load() -> ox.Store:
        store = ox.Store(str(folder))
        store.load(input=data, format=ox.RdfFormat.N_QUADS)
        store.flush()
        return store

    store, backend.memory, backend.load_seconds = Memory.measure(load)
    backend.disk = folder_size(folder)

    def run(q: str) -> list:
        return list(store.query(q, use_default_graph_as_union=True))

    run_queries(backend, run, oxigraph_rows, named, repeat)
    del store
    return backend


def bench_mhkg_store(
    graphs: list[tuple[str, bytes]], folder: Path, named: dict, repeat: int
) -> Backend:
    backend = Backend("c'", "mhkg EmbeddedStore (per-record commits)")
    store = EmbeddedStore(folder)
    release_memory()
    before = _status("VmRSS")
    can_peak = reset_peak()
    peak = 0
    spent = 0.0
    for name, ntriples in graphs:
        graph = Graph()
        graph.parse(data=ntriples, format="nt")  # not timed: the pipeline has it already
        start = time.perf_counter()
        store.replace_graph(URIRef(name), graph)
        spent += time.perf_counter() - start
        del graph
    peak = _status("VmHWM")
    release_memory()
    backend.load_seconds = spent
    backend.memory = Memory(
        peak=(peak - before) / 1024 if can_peak else None,
        kept=(_status("VmRSS") - before) / 1024,
    )
    backend.disk = folder_size(folder)
    backend.note = (
        f"load = sum of {len(graphs)} replace_graph transactions (SHACL excluded); "
        "its peak includes the rdflib graph handed to each"
    )

    def run(q: str) -> list:
        return store.query(q).rows

    variables = {name: store.query(text).variables for name, text in named.items()}
    for name, text in named.items():
        normalise = mhkg_rows(variables[name])
        run_queries(backend, run, normalise, {name: text}, repeat)
    store.close()
    return backend


def split_graphs(quads: Iterable[ox.Quad]) -> list[tuple[str, bytes]]:
    """Named graph → its triples as N-Triples, in first-seen order."""
    by_graph: dict[str, list[ox.Triple]] = {}
    for quad in quads:
        by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
    return [
        (name, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        for name, triples in by_graph.items()
    ]


# --------------------------------------------------------------------------- report

QUERY_LABELS = {
    "projects": "`projects` named query",
    "countries": "projects per country (GROUP BY)",
    "budget": "SUM budget per country",
    "two-hop": "2-hop org→part.→project→country",
}


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:,.1f} ms" if ms < 100 else f"{ms:,.0f} ms"


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s"


def _mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value:,.0f} MiB"


def _ratio(value: float | None, base: float | None) -> str:
    if value is None or not base:
        return "n/a"
    return f"{value / base:.3f}×" if value / base < 0.1 else f"{value / base:.2f}×"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def report(backends: list[Backend], named: dict) -> str:
    ran = [b for b in backends if not b.note.startswith("skipped")]
    base = next(b for b in ran if b.key == "a")
    figures = [
        [
            f"({b.key}) {b.label}",
            _s(b.load_seconds),
            _mib(b.memory.peak),
            _mib(b.memory.kept),
            "—" if b.disk is None else f"{b.disk:,.0f} MiB",
            *(_ms(b.timings[q]) for q in named),
        ]
        for b in ran
    ]
    header = ["back-end", "load", "peak RSS Δ", "RSS kept", "disk"]
    header += [QUERY_LABELS[q] for q in named]
    ratios = [
        [
            f"({b.key}) {b.label}",
            _ratio(b.load_seconds, base.load_seconds),
            _ratio(b.memory.peak, base.memory.peak),
            _ratio(b.memory.kept, base.memory.kept),
            *(_ratio(b.timings[q], base.timings[q]) for q in named),
        ]
        for b in ran
    ]
    ratio_header = ["back-end ÷ rdflib (a)", "load", "peak RSS Δ", "RSS kept"]
    ratio_header += [QUERY_LABELS[q] for q in named]
    parts = [table(header, figures), "", table(ratio_header, ratios)]
    notes = [f"- ({b.key}) {b.note}" for b in backends if b.note]
    if notes:
        parts += ["", *notes]
    return "\n".join(parts)


def check_agreement(backends: list[Backend], named: dict) -> list[str]:
    """Every back-end must give the same answers as rdflib (a)."""
    ran = [b for b in backends if b.rows]
    base = next(b for b in ran if b.key == "a")
    problems = []
    for name in named:
        for b in ran:
            if b.rows[name] != base.rows[name]:
                problems.append(
                    f"{name}: ({b.key}) gives {len(b.rows[name])} rows, "
                    f"(a) gives {len(base.rows[name])}; first difference: "
                    f"{next((x, y) for x, y in zip(b.rows[name], base.rows[name]) if x != y)}"
                    if len(b.rows[name]) == len(base.rows[name])
                    else f"{name}: ({b.key}) gives {len(b.rows[name])} rows, "
                    f"(a) gives {len(base.rows[name])}"
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
    print(
        f"mhkg store benchmark — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"Python {sys.version.split()[0]}, pyoxigraph {ox.__version__}"
    )

    with tempfile.TemporaryDirectory(prefix="mhkg-bench-") as tmp:
        workdir = Path(tmp)
        seeds = load_seeds(workdir, minter)
        warm = seeds.warm_per_record
        print(
            f"(d) pipeline on {seeds.records} seed records: load_paths {_s(seeds.cold_seconds)} "
            f"cold (parses ontology + shapes, installs vocabulary, derives); warm per record "
            f"(read + SHACL + commit): median {_ms(statistics.median(warm))}, "
            f"max {_ms(max(warm))}"
        )

        seed_quads = list(ox.parse(input=seeds.nquads, format=ox.RdfFormat.N_QUADS))
        found, countries = templates(seed_quads)
        synthetic = synthesise(args.projects, found, countries, minter, args.seed)
        all_quads = seed_quads + synthetic.quads
        data = ox.serialize(all_quads, format=ox.RdfFormat.N_QUADS)
        graphs = split_graphs(q for q in all_quads if isinstance(q.graph_name, ox.NamedNode))
        organisation, degree = synthetic.busiest
        named = {
            "projects": queries.load("projects").text,
            "countries": COUNTRIES_QUERY,
            "budget": BUDGET_QUERY,
            "two-hop": TWO_HOP_QUERY.replace("ORGANISATION", organisation),
        }
        print(
            f"data: {len(seed_quads):,} seed quads ({len(found)} project pages replicated) + "
            f"{args.projects:,} synthetic projects = {len(all_quads):,} quads in "
            f"{len(graphs):,} named graphs ({len(data) / 2**20:.1f} MiB of N-Quads); "
            f"2-hop anchor: {organisation.rsplit('/', 1)[-1]} ({degree} projects); "
            f"{args.repeat} timed runs per query"
        )
        del seed_quads, synthetic

        backends = [
            bench_oxigraph(data, workdir / "oxigraph", named, args.repeat),
            bench_mhkg_store(graphs, workdir / "embedded", named, args.repeat),
            bench_oxrdflib(data, named, args.repeat),
            bench_rdflib(data, named, args.repeat),
        ]
    order = {"a": 0, "b": 1, "c": 2, "c'": 3}
    backends.sort(key=lambda b: order[b.key])
    print()
    print(report(backends, named))
    problems = check_agreement(backends, named)
    print()
    if problems:
        print("RESULTS DIFFER:\n" + "\n".join(f"- {p}" for p in problems))
    else:
        counts = ", ".join(f"{name} {len(rows)}" for name, rows in backends[0].rows.items())
        print(f"All back-ends return the same rows (rows: {counts}).")
    print(f"Total run time {time.perf_counter() - started:.0f} s.")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
