"""Load benchmark: `mhkg load` on generated records, against two baselines in the same run.

    python bench/load.py --n 1000 [10000 ...] --kind csv|json|pages|iati [--jobs N]
                         [--seed S] [--per-file R] [--json FILE] [--chart FILE.png] [--keep DIR]
                         [--virtuoso]

1. ``bench/records.py`` writes N records of the kind into a temporary folder (not timed).
2. ``mhkg load --quiet --store TMP FOLDER`` runs as a child process: its wall time, its peak
   RSS (``os.wait4`` gives the rusage of that one child), the records loaded (projects in the
   store: every generated record is one project) and rejected (its ``rejected:`` lines; a
   refused file counts once), the triples of the record graphs (``mhkg query`` COUNT, without
   the ontology, reference and derived graphs), and the store's size on disk.
3. The baselines, each a child process of its own on what mhkg stored
   (``mhkg export --format nquads``, not timed):
   (a) the floor — pyoxigraph ``Store(path).bulk_load`` of those N-Quads;
   (b) the naive pipeline — rdflib parses the N-Quads, then one pySHACL run over the union
       of all graphs with mhkg's shapes (``mhkg.shapes.graph()``); the union holds the
       ontology and reference graphs, so it has the context mhkg's per-record validation
       adds. Run only when N ≤ 10,000 (``--naive-max``).

4. With ``--virtuoso``, the remote kind (issue 13): a throw-away Virtuoso on 127.0.0.1
   (``tools/virtuoso_server.py``, as the tests start one), then
   (v) ``mhkg load --quiet --store URL FOLDER`` on the same records, as a child process
       (its peak RSS is the client's; the server's is not counted), the projects it holds
       counted with ``mhkg query --store URL``;
   (c) the Virtuoso floor — a second throw-away Virtuoso, new database, and its own bulk
       loader (isql ``ld_dir`` + ``rdf_loader_run``, one loader thread, and a checkpoint) on
       the N-Quads of (a).

Prints a Markdown table for each N (records/s, triples/s, peak RSS, store size, and how
many times slower than each baseline mhkg is); ``--json FILE`` writes the figures, and
``--chart FILE.png`` draws records/s and peak RSS against N (needs matplotlib: the
``bench`` extra). The peak RSS of ``mhkg load`` is that of the process and its worker
processes together, sampled every 20 ms; the largest single process's is noted below.
Exit status 0 when everything ran and nothing was rejected, 1 when mhkg rejected records, 2
when a step failed.
A load's wall time includes the child's start-up (imports, ontology and shapes parsed):
about 1 s, which matters only for small N.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import records  # bench/records.py, beside this script
from virtuoso_server import Tuning, start  # tools/virtuoso_server.py, shared with the tests

MHKG_GRAPHS = "https://w3id.org/mhkg/graph/"
SERVICE_GRAPHS = ("ontology", "reference", "derived")
RECORD_TRIPLES = f"""SELECT (COUNT(*) AS ?n) WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER (?g NOT IN ({", ".join(f"<{MHKG_GRAPHS}{name}>" for name in SERVICE_GRAPHS)}))
}}"""
PROJECTS = """SELECT (COUNT(DISTINCT ?p) AS ?n)
WHERE { GRAPH ?g { ?p a <https://w3id.org/mhkg/ontology#Project> } }"""
# Over Virtuoso, in the union: a query that says GRAPH names every graph of the catalogue
# (`named-graph-uri`), and Virtuoso echoes each in a response header, past the 100 headers
# that Python's http.client reads.
UNION_PROJECTS = """SELECT (COUNT(DISTINCT ?p) AS ?n)
WHERE { ?p a <https://w3id.org/mhkg/ontology#Project> }"""

# The baselines, run as `python -c` children so that each has its own peak RSS.
FLOOR = """
import sys, time, pyoxigraph
t = time.perf_counter()
store = pyoxigraph.Store(sys.argv[2])
store.bulk_load(path=sys.argv[1], format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
print(time.perf_counter() - t, len(store))
"""
NAIVE = """
import sys, time
import pyshacl
from rdflib import Dataset, Graph
from mhkg import shapes
shacl = shapes.graph()
t = time.perf_counter()
dataset = Dataset()
dataset.parse(sys.argv[1], format="nquads")
union = Graph()
for s, p, o, _ in dataset.quads((None, None, None, None)):
    union.add((s, p, o))
parsed = time.perf_counter()
conforms, _, _ = pyshacl.validate(union, shacl_graph=shacl, inference="none", advanced=True)
print(time.perf_counter() - t, len(union), parsed - t, conforms)
"""


@dataclass
class Run:
    """One child process: what it printed, how long it took, its peak RSS (its own, or a
    worker's if larger: ``ru_maxrss``), and the peak of the RSS of it and its worker
    processes together (sampled every 20 ms from /proc).

    On Linux a child's ``ru_maxrss`` is at least the parent's RSS when it forked (the forked
    copy counts until ``exec``): measured, a parent holding 800 MB made ``/bin/true`` report
    822 MB. So ``peak_rss_mb`` is only meaningful when the parent is small; the sampled
    ``tree_peak_rss_mb`` is not affected."""

    seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    tree_peak_rss_mb: float = 0.0


def tree_rss(pid: int) -> int:
    """Bytes resident in process `pid` and its descendants now (0 where /proc cannot say)."""
    total, pending = 0, [pid]
    while pending:
        pid = pending.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            total += next(
                int(line.split()[1]) * 1024 for line in status.splitlines()
                if line.startswith("VmRSS:")
            )  # fmt: skip
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run_child(argv: list[str], timeout: float | None = None) -> Run:
    """Run ``argv`` to its end and measure it (its own rusage through ``os.wait4``)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(argv, stdout=out, stderr=err)
        deadline = None if timeout is None else start + timeout
        tree_peak = 0
        while True:
            tree_peak = max(tree_peak, tree_rss(child.pid))
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            usage.ru_maxrss / 1024,
            child.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            tree_peak / 2**20,
        )


def mhkg_command() -> list[str]:
    beside = Path(sys.executable).with_name("mhkg")
    return [str(beside)] if beside.exists() else ["mhkg"]


def count(store: Path | str, sparql: str) -> int:
    done = subprocess.run(
        [*mhkg_command(), "query", "--store", str(store), "--format", "csv", sparql],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.splitlines()[1])


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@dataclass
class Figures:
    kind: str
    n: int
    seed: int
    jobs: int | None
    generated_mb: float
    load_seconds: float
    load_peak_rss_mb: float
    load_tree_peak_rss_mb: float
    load_exit: int
    loaded: int
    rejected: int
    record_triples: int
    store_quads: int
    store_mb: float
    floor_seconds: float | None = None
    floor_peak_rss_mb: float | None = None
    floor_store_mb: float | None = None
    naive_seconds: float | None = None
    naive_parse_seconds: float | None = None
    naive_peak_rss_mb: float | None = None
    naive_conforms: bool | None = None
    virtuoso_seconds: float | None = None
    virtuoso_peak_rss_mb: float | None = None
    virtuoso_exit: int | None = None
    virtuoso_loaded: int | None = None
    virtuoso_rejected: int | None = None
    virtuoso_floor_seconds: float | None = None
    machine: str = ""


def check_child(run: Run, what: str) -> None:
    if run.returncode not in (0, 1) or (what != "mhkg load" and run.returncode):
        sys.exit(f"{what} failed (exit {run.returncode}):\n{run.stderr.strip()[-2000:]}")


def bench(args: argparse.Namespace, work: Path) -> Figures:
    data, store = work / "records", work / "store"
    records.write(args.kind, data, args.n, args.seed, args.per_file)
    options = [] if args.jobs is None else ["--jobs", str(args.jobs)]
    load = [*mhkg_command(), "load", "--quiet", "--store", str(store), *options]
    print(f"loading {args.n} {args.kind} records …", file=sys.stderr)
    loaded = run_child([*load, str(data)])
    check_child(loaded, "mhkg load")
    figures = Figures(
        kind=args.kind,
        n=args.n,
        seed=args.seed,
        jobs=args.jobs,
        generated_mb=folder_size(data) / 2**20,
        load_seconds=loaded.seconds,
        load_peak_rss_mb=loaded.peak_rss_mb,
        load_tree_peak_rss_mb=loaded.tree_peak_rss_mb,
        load_exit=loaded.returncode,
        loaded=count(store, PROJECTS),
        rejected=sum(line.startswith("rejected:") for line in loaded.stderr.splitlines()),
        record_triples=count(store, RECORD_TRIPLES),
        store_quads=count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        store_mb=folder_size(store) / 2**20,
        machine=machine(),
    )
    nquads = work / "export.nq"
    with open(nquads, "wb") as out:
        subprocess.run(
            [*mhkg_command(), "export", "--store", str(store), "--format", "nquads"],
            stdout=out,
            check=True,
        )
    print("baseline (a): pyoxigraph bulk_load …", file=sys.stderr)
    floor = run_child([sys.executable, "-c", FLOOR, str(nquads), str(work / "floor")])
    check_child(floor, "baseline (a)")
    figures.floor_seconds = float(floor.stdout.split()[0])
    figures.floor_peak_rss_mb = floor.peak_rss_mb
    figures.floor_store_mb = folder_size(work / "floor") / 2**20
    if args.n <= args.naive_max:
        print("baseline (b): rdflib parse + one pySHACL run …", file=sys.stderr)
        naive = run_child([sys.executable, "-c", NAIVE, str(nquads)])
        check_child(naive, "baseline (b)")
        seconds, _, parse, conforms = naive.stdout.split()
        figures.naive_seconds, figures.naive_parse_seconds = float(seconds), float(parse)
        figures.naive_peak_rss_mb, figures.naive_conforms = naive.peak_rss_mb, conforms == "True"
    if args.virtuoso:
        over_virtuoso(figures, options, data, nquads, work)
    return figures


def over_virtuoso(figures: Figures, options: list[str], data: Path, nquads: Path, work: Path):
    """Rows (v) and (c): `mhkg load` into a throw-away Virtuoso, then its bulk loader."""
    server = start(work / "virtuoso")
    try:
        print("(v) mhkg load --store URL (Virtuoso) …", file=sys.stderr)
        loaded = run_child([*mhkg_command(), "load", "--quiet", "--store", server.url,
                            *options, str(data)])  # fmt: skip
        check_child(loaded, "mhkg load")
        figures.virtuoso_seconds, figures.virtuoso_exit = loaded.seconds, loaded.returncode
        figures.virtuoso_peak_rss_mb = loaded.tree_peak_rss_mb
        figures.virtuoso_loaded = count(server.url, UNION_PROJECTS)
        figures.virtuoso_rejected = sum(
            line.startswith("rejected:") for line in loaded.stderr.splitlines()
        )
    finally:
        server.stop()
    print("(c) Virtuoso's bulk loader, into a new database …", file=sys.stderr)
    folder = work / "virtuoso-load"
    folder.mkdir()
    shutil.copy(nquads, folder / nquads.name)  # the loader reads only its own folders
    server = start(work / "virtuoso-floor", Tuning(load_folders=(folder,)))
    try:
        start_time = time.perf_counter()
        server.bulk_load(folder, "urn:x-mhkg:bulk-load")  # every line names its graph
        figures.virtuoso_floor_seconds = time.perf_counter() - start_time
    finally:
        server.stop()


def machine() -> str:
    from importlib.metadata import version

    return (
        f"{os.cpu_count()} CPUs ({platform.machine()}), Python {platform.python_version()}, "
        f"pyoxigraph {version('pyoxigraph')}, rdflib {version('rdflib')}, "
        f"pyshacl {version('pyshacl')}"
    )


def table(f: Figures) -> str:
    """The figures as a Markdown table; rates are per second of each row's own time."""

    def row(name: str, seconds: float | None, rss: float | None, store: float | None) -> str:
        if seconds is None:
            return f"| {name} | not run | | | | | |"
        ratio = f.load_seconds / seconds
        return (
            f"| {name} | {seconds:,.2f} | {f.n / seconds:,.1f} | "
            f"{f.record_triples / seconds:,.0f} | {'' if rss is None else f'{rss:,.0f}'} | "
            f"{'' if store is None else f'{store:,.1f}'} | {ratio:,.1f}× |"
        )

    naive = "(b) naive: rdflib parse + 1 pySHACL run"
    if f.naive_seconds is not None:
        naive += f" (parse {f.naive_parse_seconds:,.2f} s; conforms {f.naive_conforms})"
    lines = [
        f"mhkg load benchmark, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {f.machine}",
        f"--kind {f.kind} --n {f.n} --seed {f.seed}"
        + (f" --jobs {f.jobs}" if f.jobs is not None else "")
        + f": {f.generated_mb:,.2f} MB of records; loaded {f.loaded:,}, rejected {f.rejected:,}"
        f" (exit {f.load_exit}); {f.record_triples:,} triples in record graphs,"
        f" {f.store_quads:,} quads in the store",
        "",
        "| run | s | records/s | triples/s | peak RSS MB | store MB | mhkg time ÷ this |",
        "|---|---:|---:|---:|---:|---:|---:|",
        row("`mhkg load` (end to end)", f.load_seconds, f.load_tree_peak_rss_mb, f.store_mb),
        row(
            "(a) floor: pyoxigraph bulk_load of mhkg's N-Quads",
            f.floor_seconds,
            f.floor_peak_rss_mb,
            f.floor_store_mb,
        ),
        row(naive, f.naive_seconds, f.naive_peak_rss_mb, None),
    ]
    if f.virtuoso_seconds is not None:
        lines += [
            row("(v) `mhkg load --store URL` (Virtuoso; client RSS)", f.virtuoso_seconds,
                f.virtuoso_peak_rss_mb, None),
            row("(c) Virtuoso floor: its bulk loader (1 thread) on the N-Quads of (a)",
                f.virtuoso_floor_seconds, None, None),
        ]  # fmt: skip
    lines += ["", f"Largest single process of `mhkg load`: {f.load_peak_rss_mb:,.0f} MB peak RSS."]
    if f.virtuoso_seconds is not None:
        lines += [
            f"Over Virtuoso (v): loaded {f.virtuoso_loaded:,}, rejected {f.virtuoso_rejected:,}"
            f" (exit {f.virtuoso_exit}); {f.n / f.virtuoso_seconds:,.1f} records/s against "
            f"{f.n / f.load_seconds:,.1f} on the embedded store in the same run."
        ]
    return "\n".join(lines)


def chart(runs: list[Figures], path: Path) -> None:
    """Records/s and peak RSS of `mhkg load` against N, on a log scale of N."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    ns = [f.n for f in runs]
    figure, (speed, memory) = pyplot.subplots(1, 2, figsize=(10, 4))
    speed.plot(ns, [f.n / f.load_seconds for f in runs], marker="o", label="mhkg load")
    floor = [(f.n, f.n / f.floor_seconds) for f in runs if f.floor_seconds]
    if floor:
        speed.plot(*zip(*floor, strict=True), marker="s", label="(a) floor: bulk_load")
    naive = [(f.n, f.n / f.naive_seconds) for f in runs if f.naive_seconds]
    if naive:
        speed.plot(*zip(*naive, strict=True), marker="^", label="(b) naive")
    speed.set(xscale="log", yscale="log", xlabel="records (N)", ylabel="records/s")
    speed.legend()
    memory.plot(ns, [f.load_tree_peak_rss_mb for f in runs], marker="o", label="all processes")
    memory.plot(ns, [f.load_peak_rss_mb for f in runs], marker="o", label="largest process")
    memory.set(xscale="log", xlabel="records (N)", ylabel="peak RSS (MB)", ylim=(0, None))
    memory.legend()
    kind, jobs = runs[0].kind, runs[0].jobs
    figure.suptitle(f"mhkg load, --kind {kind}" + (f" --jobs {jobs}" if jobs else ""))
    figure.tight_layout()
    figure.savefig(path, dpi=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, nargs="+", default=[1000], help="records, one run each (default 1000)"
    )
    parser.add_argument("--kind", choices=records.KINDS, default="csv")
    parser.add_argument("--jobs", type=int, help="passed to `mhkg load --jobs` when given")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--per-file",
        type=int,
        default=10_000,
        help="records per CSV, JSON or IATI file (default 10000)",
    )
    parser.add_argument(
        "--naive-max", type=int, default=10_000, help="largest N for baseline (b) (default 10000)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it")
    parser.add_argument("--chart", type=Path, help="draw records/s and RSS against N (PNG)")
    parser.add_argument(
        "--virtuoso",
        action="store_true",
        help="also load into a throw-away Virtuoso, and time its bulk loader",
    )
    args = parser.parse_args(argv)
    runs = []
    for n in args.n:
        one = argparse.Namespace(**{**vars(args), "n": n})
        if args.keep:
            (args.keep / str(n)).mkdir(parents=True)
            figures = bench(one, args.keep / str(n))
        else:
            with tempfile.TemporaryDirectory(prefix="mhkg-bench-") as work:
                figures = bench(one, Path(work))
        print(table(figures) + "\n", flush=True)
        runs.append(figures)
    if args.json:
        figures_json = [asdict(f) for f in runs]
        args.json.write_text(json.dumps(figures_json, indent=2) + "\n", encoding="utf-8")
    if args.chart:
        chart(runs, args.chart)
    return 1 if any(f.rejected or f.load_exit or f.virtuoso_rejected for f in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
