"""Stores of N generated projects shaped exactly like mhkg's output, built fast and cached.

The per-record pipeline (about 40 records/s) would take hours at 100,000 projects, so a store
is made from a small sample that the pipeline did load:

1. ``bench/records.py`` writes ``min(N, sample)`` IDF project pages (the layout of
   data/seeds/, as the crawl saves them), and ``mhkg load --quiet`` loads them into a store
   of their own; ``mhkg export --format nquads`` gives its named graphs.
2. Record ``j`` of the sample is replicated as projects ``j``, ``j + S``, ``j + 2S`` … (S the
   sample's size). In copy ``k`` of it, which is project ``i = k·S + j``:
   - its record graph, document, project, budget, participations and annotations get IRIs of
     their own: the page number and project code in them become those of record ``i`` (as
     ``bench/records.py`` would write for record ``i``), and an IRI that holds neither (a
     title cut to a slug with a hash) gets ``-c{k}`` appended;
   - the project code in literals (code, title, labels) and the page's file name become
     record ``i``'s, the document's SHA-256 another value, and each blank node is new;
   - everything else stays shared, as in real data: organisations (IOM and the IOM
     Development Fund take part in every project), countries, SDGs, regions, concepts.
   Copy 0 is the sample itself, quad for quad.
3. ``pyoxigraph.Store(path).bulk_load`` writes, in batches: the ontology and reference
   graphs, the record graphs, and the default graph that ``EmbeddedStore`` keeps: the union
   of the named graphs, each triple once (what no copy changes is written once).
4. The derived graph is recomputed as every load ends: ``mhkg.derivation.refresh`` on the
   store opened with ``mhkg.store.open_store`` (the rules in queries/derive/, whatever they
   are now: links and summaries that count projects grow with N). Any other graph of the
   project's own found in the sample is copied as it is, with a warning: it is not
   recomputed.

The sample and the built stores are cached under ``cache``, the sample by size and seed, a
store by N and seed; ``build.json`` is written last (a folder without it is built again)
and names the digest of mhkg's code and data it was built with (``mhkg``, ``loaders``,
``ontology``, ``shapes``, ``queries``: `code_digest`). A cached store is brought up to date
as mhkg brings a store up to date (`bring_up_to_date`: the vocabulary installed by
``mhkg.pipeline.install_vocabulary`` when it changed, the derived graph recomputed when the
rules give something else); its record graphs stay as the pipeline made them then:
``build(rebuild=True)`` makes them again. bench/query_store_check.py checks a built store.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import pyoxigraph as ox

from mhkg import derivation, pipeline
from mhkg.iri import Minter
from mhkg.store import open_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
import records  # bench/records.py, beside this script

MHKG = "https://w3id.org/mhkg/"
DERIVED = f"{MHKG}graph/derived"
ONTOLOGY = "https://w3id.org/mhkg/ontology#"
PER_RECORD_KINDS = ("project", "participation", "budget", "annotation", "document")
PER_RECORD_IRI = re.compile(rf"<{re.escape(MHKG)}(?:graph/|id/(?:{'|'.join(PER_RECORD_KINDS)})/)")
HUBS = {
    "IOM": f"{MHKG}id/organisation/international-organization-for-migration",
    "IDF": f"{MHKG}id/organisation/iom-development-fund",
}
KIND = "pages"  # of bench/records.py: the record IRIs below are those of pages
DEFAULT_SAMPLE = 500
BATCH_LINES = 400_000

# Placeholders in a record's template, each replaced per copy (see `_fill`).
SUFFIX, PAGE, SLUG, CODE, BLANK, SHA = "\x00", "\x01", "\x02", "\x03", "\x04", "\x05"
PLACEHOLDERS = (SUFFIX, PAGE, SLUG, CODE, BLANK, SHA)


def mhkg_command() -> list[str]:
    beside = Path(sys.executable).with_name("mhkg")
    return [str(beside)] if beside.exists() else ["mhkg"]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def code_slug(code: str) -> str:
    """The project code as it appears in a slug.

    >>> code_slug("AB.0001")
    'ab-0001'
    """
    return code.lower().replace(".", "-")


@dataclass
class RecordTemplate:
    """One sample record's N-Quads, its per-record parts replaced by placeholders."""

    index: int  # j: the record's number in bench/records.py
    sha256: str  # its document's checksum
    named: str  # its graph's lines
    union: str  # its lines of the default graph that change from copy to copy


@dataclass
class Sample:
    """The pipeline's output on the sample: fixed lines and one template per record."""

    fixed: str  # the system graphs, and the default-graph lines that no copy changes
    records: list[RecordTemplate]
    fixed_quads: int


def code_digest() -> str:
    """A digest of what shapes the pipeline's output: mhkg's packages, as installed."""
    digest = hashlib.sha256()
    for package in ("mhkg", "mhkg.loaders", "mhkg.ontology", "mhkg.shapes", "mhkg.queries"):
        folder = Path(importlib.import_module(package).__file__).parent
        for path in sorted(folder.rglob("*")):
            skip = "__pycache__" in path.parts or "explore" in path.relative_to(folder).parts
            if path.is_file() and not skip:
                digest.update(f"{package}/{path.relative_to(folder)}".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def sample_store(cache: Path, size: int, seed: int) -> Path:
    """The N-Quads export of `size` records loaded by `mhkg load` (built once, cached)."""
    folder = cache / f"sample-{size}-seed{seed}"
    export = folder / "export.nq"
    if export.exists():
        return export
    if folder.exists():
        shutil.rmtree(folder)
    records.write(KIND, folder / "records", size, seed)
    store = folder / "store"
    load = [*mhkg_command(), "load", "--quiet", "--store", str(store), str(folder / "records")]
    done = subprocess.run(load, capture_output=True, text=True)
    if done.returncode != 0 or "rejected:" in done.stderr:
        raise RuntimeError(f"mhkg load of the sample failed:\n{done.stderr[-2000:]}")
    with open(folder / "export.tmp", "wb") as out:
        dump = [*mhkg_command(), "export", "--store", str(store), "--format", "nquads"]
        subprocess.run(dump, stdout=out, check=True)
    (folder / "export.tmp").rename(export)
    return export


def read_sample(export: Path) -> Sample:
    """Split the sample's export into fixed lines and per-record templates."""
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in ox.parse(path=str(export), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    fixed_named, invariant, templates = [], set(), []
    for name, quads in graphs.items():
        page = re.search(r"/graph/page-(\d{7})-txt$", name)
        if page is None:
            if name == DERIVED:
                continue  # recomputed for the N projects
            if name not in (f"{MHKG}graph/ontology", f"{MHKG}graph/reference"):
                print(f"warning: <{name}> copied from the sample as it is", file=sys.stderr)
            fixed_named += [f"{_triple(q)} <{name}> .\n" for q in quads]
            invariant.update(f"{_triple(q)} .\n" for q in quads)
            continue
        template = _template(int(page[1]), quads)
        invariant.update(
            line
            for line in (f"{_triple(q)} .\n" for q in quads)
            if not _varies(_mark(line, template.index, template.sha256))
        )
        templates.append(template)
    templates.sort(key=lambda t: t.index)
    fixed = "".join(fixed_named) + "".join(sorted(invariant))
    return Sample(fixed, templates, len(fixed_named) + len(invariant))


def _triple(quad: ox.Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object}"


def _template(index: int, quads: list[ox.Quad]) -> RecordTemplate:
    sha = next(q.object.value for q in quads if q.predicate.value == f"{ONTOLOGY}sha256")
    graph = f"<{quads[0].graph_name.value}>"
    named, union = [], []
    for quad in quads:
        line = _mark(f"{_triple(quad)} {graph} .\n", index, sha)
        named.append(line)
        triple = line.rsplit(" ", 2)[0] + " .\n"
        if _varies(triple):
            union.append(triple)
    return RecordTemplate(index, sha, "".join(named), "".join(union))


def _mark(line: str, index: int, sha: str) -> str:
    """`line` with record `index`'s own parts replaced by placeholders."""
    code = records.code(index)
    line = line.replace(f"page-{index:07d}", PAGE).replace(code_slug(code), SLUG)
    line = line.replace(code, CODE).replace(f'"{sha}"', f'"{SHA}"')
    line = re.sub(r"(_:[0-9A-Za-z]+)", rf"\1{BLANK}", line)
    return re.sub(
        r"<([^>]*)>",
        lambda m: m[0] if not PER_RECORD_IRI.match(m[0]) or _varies(m[1]) else f"<{m[1]}{SUFFIX}>",
        line,
    )


def _varies(text: str) -> bool:
    return any(mark in text for mark in PLACEHOLDERS)


def _fill(template: str, record: RecordTemplate, copy: int, index: int) -> str:
    """The template as copy `copy` (project `index`) of `record`."""
    code = records.code(index)
    sha = record.sha256 if copy == 0 else hashlib.sha256(f"{record.sha256}:{index}".encode())
    return (
        template.replace(SUFFIX, f"-c{copy}" if copy else "")
        .replace(PAGE, f"page-{index:07d}")
        .replace(SLUG, code_slug(code))
        .replace(CODE, code)
        .replace(BLANK, f"c{copy}" if copy else "")
        .replace(SHA, sha if isinstance(sha, str) else sha.hexdigest())
    )


def copies(sample: Sample, n: int) -> Iterator[tuple[str, int]]:
    """N-Quads for projects 0 … n-1 (named and union lines), with their line counts."""
    size = len(sample.records)
    for index in range(n):
        copy, record = divmod(index, size)
        template = sample.records[record]
        lines = template.named + template.union
        yield _fill(lines, template, copy, index), lines.count("\n")


@dataclass
class Build:
    n: int
    seed: int
    kind: str
    sample: int
    quads_written: int
    code_digest: str
    seconds: float
    optimise_seconds: float
    derive_seconds: float
    store_bytes: int


def build(cache: Path, n: int, seed: int = 1, sample: int = 0, rebuild: bool = False) -> Path:
    """The store of `n` projects (built unless cached, or `rebuild`: the sample too);
    returns its folder."""
    size = min(n, sample or DEFAULT_SAMPLE)
    folder = cache / f"n{n}-seed{seed}"
    if rebuild:
        shutil.rmtree(cache / f"sample-{size}-seed{seed}", ignore_errors=True)
    elif (folder / "build.json").exists():
        return folder / "store"
    if folder.exists():
        shutil.rmtree(folder)
    start = time.perf_counter()
    parts = read_sample(sample_store(cache, size, seed))
    folder.mkdir(parents=True)
    store = ox.Store(str(folder / "store"))
    _bulk_load(store, parts.fixed)
    written = parts.fixed_quads + _load_copies(store, parts, n)
    optimised = time.perf_counter()
    store.optimize()
    store.flush()
    del store
    derived = time.perf_counter()
    with open_store(folder / "store", create=False) as mhkg:
        derivation.refresh(mhkg, Minter.from_environment())
    done = time.perf_counter()
    figures = Build(
        n, seed, KIND, size, written, code_digest(),
        done - start, derived - optimised, done - derived, folder_size(folder),
    )  # fmt: skip
    (folder / "build.json").write_text(json.dumps(asdict(figures), indent=2))
    return folder / "store"


def _load_copies(store: ox.Store, sample: Sample, n: int) -> int:
    batch: list[str] = []
    pending = written = 0
    for text, lines in copies(sample, n):
        batch.append(text)
        pending += lines
        if pending >= BATCH_LINES:
            _bulk_load(store, "".join(batch))
            written, batch, pending = written + pending, [], 0
    if batch:
        _bulk_load(store, "".join(batch))
    return written + pending


def _bulk_load(store: ox.Store, nquads: str) -> None:
    store.bulk_load(input=nquads.encode(), format=ox.RdfFormat.N_QUADS, lenient=True)


def bring_up_to_date(path: Path) -> str:
    """Update a cached store's vocabulary and derived graph as mhkg would; says what it did."""
    minter = Minter.from_environment()
    with open_store(path, create=False) as store:
        if pipeline.install_vocabulary(store, minter):
            return "vocabulary installed anew, derived graph recomputed"
        if not derivation.check(store, minter).holds:
            derivation.refresh(store, minter)
            return "derived graph recomputed"
    return "vocabulary and derived graph current"


def build_figures(store: Path) -> dict:
    return json.loads((store.parent / "build.json").read_text())
