"""The query mix on both kinds of store, on the same data: embedded and Virtuoso (issue 13).

    python bench/remote_queries.py --n 10000 [--cache DIR] [--seed S] [--repeat R]
                                   [--timeout SEC] [--budget SEC] [--whole] [--buffers PAGES]
                                   [--work DIR] [--json FILE]

1. **The store**: a benchmark store that ``bench/query_store.py`` built and cached
   (``--cache``/``n{N}-seed{S}``, ready once its ``build.json`` exists; ``bench/queries.py``
   builds it). It is only ever opened read-only: this script neither builds it nor brings it
   up to date.
2. **Its quads in a throw-away Virtuoso** (``tools/virtuoso_server.py``, 127.0.0.1, free
   ports, a new database under ``--work``): the store dumped as N-Quads
   (``pyoxigraph.Store.read_only(…).dump``), then loaded by Virtuoso's own bulk loader
   (isql ``ld_dir`` + ``rdf_loader_run``, one loader thread) as ``RemoteStore`` keeps a
   store: the named graphs as they are, the embedded store's default graph (the union of
   the named graphs, each triple once) into ``urn:x-mhkg:union``, and the catalogue of the
   named graphs (``mhkg.store.remote.catalogue_nquads``). Timed: the dump, the load.
3. **The queries** of ``bench/queries.py`` (its list, parameter values and runner, not a
   copy): every named query as its first page of 100 rows and once per parameter, then the
   five aggregates (``--whole``: each list whole as well). Each is timed through mhkg on
   both kinds, ``EmbeddedStore(path, read_only=True).query`` and
   ``RemoteStore(url).query``, runs interleaved in one worker process
   (``bench/query_runner.py``: a run past ``--timeout`` kills the worker and counts as a
   timeout), ``--repeat`` runs at most, fewer once a query's runs pass ``--budget``.
   Virtuoso cuts a query at ``--timeout`` + 10 s (its "anytime" answer, partial, is never
   counted: the client has given up by then).

Prints Markdown: a header (date, machine, versions, N, quads, dump and load times), then one
row per query and case: rows (**a ≠ b** when the two kinds disagree), p50 and p95 on each
kind, Virtuoso ÷ embedded at the median (below 1: Virtuoso is faster). ``--json FILE``
writes every figure. Exit status 0, 1 when the two kinds return different row counts, 2
when a step could not run.
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
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import query_tables
from query_runner import Limits, QueryWorker
from virtuoso_server import Tuning, Virtuoso, start

import queries as query_bench  # bench/queries.py: the query list, the values, the runner
from mhkg import queries as named_queries
from mhkg.store.remote import UNION_GRAPH, catalogue_nquads

ENGINES = ("remote", "mhkg")  # in the table's order: the ratio is Virtuoso ÷ embedded
LABELS = ("Virtuoso", "embedded")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="projects in the cached store")
    parser.add_argument("--cache", type=Path, default=query_bench.DEFAULT_CACHE)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--whole", action="store_true", help="each list whole as well")
    parser.add_argument(
        "--buffers", type=int, default=340_000, help="Virtuoso's NumberOfBuffers (8 KB pages)"
    )
    parser.add_argument("--work", type=Path, help="Virtuoso's folder (default: a temporary one)")
    parser.add_argument("--json", type=Path)
    return parser.parse_args(argv)


def cached_store(cache: Path, n: int, seed: int) -> Path:
    """The folder of the cached store of `n` projects (raises RuntimeError if not built)."""
    folder = cache / f"n{n}-seed{seed}"
    if not (folder / "build.json").exists():
        raise RuntimeError(f"no built store at {folder}: run bench/queries.py --n {n} first")
    return folder / "store"


def dump(path: Path, folder: Path) -> dict:
    """The store's quads as N-Quads in `folder` (triples of the default graph unlabelled),
    and the catalogue of its named graphs beside them."""
    start = time.perf_counter()
    store = ox.Store.read_only(str(path))
    store.dump(str(folder / "store.nq"), ox.RdfFormat.N_QUADS)
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    (folder / "catalogue.nq").write_text(catalogue_nquads(names), encoding="utf-8")
    return {
        "quads": len(store),
        "named_graphs": len(names),
        "nquads_bytes": (folder / "store.nq").stat().st_size,
        "dump_seconds": time.perf_counter() - start,
    }


def fill(server: Virtuoso, folder: Path) -> dict:
    """Bulk-load the dump into Virtuoso: unlabelled triples into the union graph."""
    start = time.perf_counter()
    server.bulk_load(folder, str(UNION_GRAPH))
    seconds = time.perf_counter() - start
    count = server.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {"load_seconds": seconds, "virtuoso_quads": int(count[0]["n"]["value"])}


def run_queries(path: Path, url: str, values: dict, args: argparse.Namespace) -> list[dict]:
    limits = Limits(args.repeat, args.timeout, args.budget)
    worker = QueryWorker(path, remote=url)
    found = []
    try:
        for named in named_queries.all_queries():
            for case, text, bindings in query_bench.cases(named, values):
                if case == "whole" and not args.whole:
                    continue
                query = f"`{named.name}`"
                found.append(
                    query_bench.timed(worker, query, case, text, bindings, limits, ENGINES)
                )
        for name, text in query_bench.AGGREGATES.items():
            found.append(query_bench.timed(worker, name, "aggregate", text, {}, limits, ENGINES))
    finally:
        worker.close()
    return found


def machine(started: datetime) -> dict:
    version = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", "virtuoso-opensource-7"],
        capture_output=True, text=True, check=False,
    ).stdout  # fmt: skip
    load = os.getloadavg()
    return {
        "date": f"{started:%Y-%m-%d %H:%M}–{datetime.now(UTC):%H:%M} UTC",
        "cpus": os.cpu_count(),
        "load_average": f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}",
        "python": platform.python_version(),
        "pyoxigraph": ox.__version__,
        "virtuoso": version or "unknown",
    }


def report(figures: dict, args: argparse.Namespace) -> str:
    head, data = figures["machine"], figures["data"]
    return "\n".join(
        [
            f"mhkg query mix on both kinds of store, {head['date']}, {head['cpus']} CPUs "
            f"(machine shared; load average at the end {head['load_average']}), Python "
            f"{head['python']}, pyoxigraph {head['pyoxigraph']}, Virtuoso {head['virtuoso']}",
            f"N = {args.n:,} projects: {data['quads']:,} quads in {data['named_graphs']:,} "
            f"named graphs and the union; dumped as N-Quads ({data['nquads_bytes'] / 2**30:.2f} "
            f"GiB) in {data['dump_seconds']:.0f} s; Virtuoso's bulk loader (1 thread, "
            f"{args.buffers:,} buffers) took {data['load_seconds']:.0f} s for "
            f"{data['virtuoso_quads']:,} quads (with the catalogue and Virtuoso's own graphs)",
            f"values: {json.dumps({k: v for k, v in figures['values'].items() if 'mix' not in k})}",
            f"\nRuns: at most {args.repeat}, fewer past {args.budget:g} s; timeout "
            f"{args.timeout:g} s.\n",
            query_tables.queries_table(figures["queries"], ENGINES, LABELS),
        ]
    )


def rows_differ(found: list[dict]) -> list[str]:
    return [
        f"{row['query']} {row['case']}: embedded {row['mhkg']['rows']}, "
        f"Virtuoso {row['remote']['rows']}"
        for row in found
        if None not in (row["mhkg"]["rows"], row["remote"]["rows"])
        and row["mhkg"]["rows"] != row["remote"]["rows"]
    ]


def run(args: argparse.Namespace, work: Path) -> dict:
    started = datetime.now(UTC)
    path = cached_store(args.cache, args.n, args.seed)
    load = work / "load"
    load.mkdir(parents=True)
    print(f"dumping {path} …", file=sys.stderr, flush=True)
    data = dump(path, load)
    tuning = Tuning(args.buffers, int(args.timeout) + 10, (load,))
    server = start(work / "virtuoso", tuning)
    try:
        print(f"bulk-loading {data['quads']:,} quads into Virtuoso …", file=sys.stderr, flush=True)
        data |= fill(server, load)
        shutil.rmtree(load)
        load.mkdir()
        values = query_bench.sample_values(path)
        found = run_queries(path, server.url, values, args)
    finally:
        server.stop()
    return {"machine": machine(started), "data": data, "values": values, "queries": found}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.work:
            args.work.mkdir(parents=True)
            figures = run(args, args.work)
        else:
            with tempfile.TemporaryDirectory(prefix="mhkg-remote-bench-") as work:
                figures = run(args, Path(work))
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        print(f"could not run: {error}", file=sys.stderr)
        return 2
    print(report(figures, args))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    differ = rows_differ(figures["queries"])
    for what in differ:
        print(f"rows differ between the two kinds: {what}", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
