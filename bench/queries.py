"""Query benchmark: mhkg's queries on a store of N generated projects, against raw pyoxigraph.

    python bench/queries.py --n 10000 [--cache DIR] [--rebuild] [--seed S] [--sample M]
                            [--repeat R] [--timeout SEC] [--budget SEC] [--explore-timeout SEC]
                            [--duration SEC] [--clients 1 4 16] [--skip explore|http ...]
                            [--json FILE]

1. **The store** (``bench/query_store.py``): N projects shaped exactly like mhkg's output,
   made from a sample of generated IDF project pages (``bench/records.py``) that
   ``mhkg load`` loaded, replicated with per-project IRIs and bulk-loaded; kept under
   ``--cache`` (default ``/tmp/mhkg-query-bench``) by N and seed, so it is built once
   (``--rebuild``: again), and brought up to date as mhkg would (vocabulary, derived graph).
   It is then checked: opened with ``mhkg.store.open_store``, N projects in N record graphs,
   IOM and the IOM Development Fund in every project, the derived links equal to what the
   rule gives, a sample of record graphs conforming to the shapes.
2. **Parameter values**, drawn from the store the same way each run: the middle project in
   IRI order, the country with most projects, IOM (a hub: in every project) and the
   organisation in the middle of the ranking by projects (a ministry), the SDG most
   projects address, the role ``partner``.
3. **In-process queries**, each timed through mhkg (``EmbeddedStore.query``, as mhkg's query
   workers run it) and through raw pyoxigraph on the same folder with the same text, both
   read-only, runs interleaved (``bench/query_runner.py``): every named query in
   queries/*.rq whole, its first page of 100 rows, and once per parameter with the values
   above; and the aggregates analysts ask for (projects and budget per country, SDG, IDF
   region, start year). The text is the one mhkg runs: ``NamedQuery.sparql(given, page)``
   (values written into the text, a total order and LIMIT/OFFSET) where this version of
   mhkg has it; else the file's text with the values bound (pyoxigraph's
   ``substitutions`` for raw) and ``LIMIT 100`` appended. A run past ``--timeout`` (30 s)
   is stopped (the worker process is killed) and reported as a timeout. Each query runs
   ``--repeat`` (5) times, fewer once its runs pass ``--budget`` (60 s); the first run
   (cold caches) counts.
4. **Exploration**, ``mhkg explore`` as child processes (wall time; peak RSS from
   ``os.wait4``; output size): ``path`` between two ministries, ``neighbours`` of a ministry
   at depth 2, ``network --country`` of the country with most projects as JSON, the whole
   network as GraphML; stopped after ``--explore-timeout`` (300 s).
5. **HTTP**, ``mhkg serve --timeout <--timeout> --workers 2`` on a free port of 127.0.0.1:
   ``/queries/NAME?limit=100&offset=0`` for each list (200 when the server pages, else the
   status it answers), then a mix of parameterised named queries (``Accept:
   application/sparql-results+json``; by project over 20 projects, by country over the
   5 countries with most projects, by organisation over 5 mid-ranked organisations, not
   the hubs) from each of ``--clients`` (1, 4, 16) keep-alive clients for ``--duration``
   (20 s) each: requests/s, latency p50/p95, errors by status.

Prints Markdown: a header line (date, CPUs, Python, pyoxigraph, N, store size, quads), the
store's build and check, then tables; ``--json FILE`` writes every figure. Exit status 0,
1 when the store check fails or mhkg and raw pyoxigraph return different row counts, 2 when
a step could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node

sys.path.insert(0, str(Path(__file__).resolve().parent))
import query_http
import query_store
import query_store_check
import query_tables
from load import run_child
from query_runner import ENGINES, Limits, QueryWorker, Timing, measure

from mhkg import queries as named_queries
from mhkg.vocab import PREFIXES

PAGE = 100
DEFAULT_CACHE = Path(tempfile.gettempdir(), "mhkg-query-bench")
AGGREGATES = {
    "projects per country": """SELECT ?iso3 (COUNT(DISTINCT ?project) AS ?projects)
WHERE { ?project a mhkg:Project ; mhkg:benefitingCountry/mhkg:iso3166Alpha3 ?iso3 }
GROUP BY ?iso3 ORDER BY DESC(?projects) ?iso3""",
    "budget per country": """SELECT ?iso3 (SUM(?value) AS ?budget)
WHERE { ?project mhkg:benefitingCountry/mhkg:iso3166Alpha3 ?iso3 ;
                 mhkg:budget/schema:value ?value }
GROUP BY ?iso3 ORDER BY DESC(?budget) ?iso3""",
    "projects and budget per SDG": """SELECT ?goal (COUNT(DISTINCT ?project) AS ?projects)
       (SUM(?value) AS ?budget)
WHERE { ?project mhkg:addressesGoal/mhkg:goalNumber ?goal ; mhkg:budget/schema:value ?value }
GROUP BY ?goal ORDER BY ?goal""",
    "projects and budget per IDF region": """SELECT ?region (COUNT(DISTINCT ?project) AS ?projects)
       (SUM(?value) AS ?budget)
WHERE { ?project mhkg:idfRegion ?region ; mhkg:budget/schema:value ?value }
GROUP BY ?region ORDER BY ?region""",
    "projects and budget per start year": """SELECT ?year (COUNT(DISTINCT ?project) AS ?projects)
       (SUM(?value) AS ?budget)
WHERE { ?project mhkg:startDate ?start ; mhkg:budget/schema:value ?value
        BIND (SUBSTR(STR(?start), 1, 4) AS ?year) }
GROUP BY ?year ORDER BY ?year""",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="projects in the store")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=query_store.DEFAULT_SAMPLE)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("--explore-timeout", type=float, default=300.0)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--skip", nargs="+", default=[], choices=("explore", "http"))
    parser.add_argument("--rebuild", action="store_true", help="build the cached store again")
    parser.add_argument("--json", type=Path)
    return parser.parse_args(argv)


# ---- parameter values --------------------------------------------------------------------


def _column(store: ox.Store, sparql: str, name: str) -> list[str]:
    return [row[name].value for row in store.query(sparql, prefixes=PREFIXES)]


def sample_values(path: Path) -> dict:
    """The parameter values of the run, drawn from the store (the same each run)."""
    store = ox.Store.read_only(str(path))
    projects = _column(store, "SELECT ?p WHERE { ?p a mhkg:Project } ORDER BY ?p", "p")
    countries = _column(store, AGGREGATES["projects per country"], "iso3")
    organisations = _column(
        store,
        """SELECT ?o (COUNT(DISTINCT ?p) AS ?n) WHERE { ?x mhkg:participant ?o ;
        mhkg:inProject ?p } GROUP BY ?o ORDER BY DESC(?n) ?o""",
        "o",
    )
    goals = _column(
        store,
        """SELECT ?goal (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p mhkg:addressesGoal/mhkg:goalNumber
        ?goal } GROUP BY ?goal ORDER BY DESC(?n) ?goal""",
        "goal",
    )
    middle = len(organisations) // 2
    step = max(1, len(projects) // 20)
    return {
        "project": projects[len(projects) // 2],
        "iso3": countries[0],
        "hub": query_store.HUBS["IOM"],
        "organisation": organisations[middle],
        "other_organisation": organisations[(middle + len(organisations)) // 2],
        "goal": goals[0],
        "role": "partner",
        "mix_projects": projects[::step][:20],
        "mix_countries": countries[:5],
        "mix_organisations": organisations[middle : middle + 5],
    }


def variants(named: named_queries.NamedQuery, values: dict) -> list[tuple[str, dict[str, str]]]:
    """(label, parameters) for each parameter of the query, the hub as well for an
    organisation."""
    found = []
    for parameter in named.parameters:
        name = parameter.name
        if name == "organisation":
            found.append(("organisation=IOM (hub)", {name: values["hub"]}))
            found.append(("organisation=mid-ranked", {name: values["organisation"]}))
        elif name in ("project", "resource"):
            found.append((f"{name}=one project", {name: values["project"]}))
        elif name in values:
            found.append((f"{name}={values[name]}", {name: values[name]}))
    return found


# ---- in-process queries ------------------------------------------------------------------


def cases(named: named_queries.NamedQuery, values: dict) -> list[tuple[str, str, dict]]:
    """(case, text, bindings) for the whole list, its first page and each parameter, as
    mhkg runs them: through `NamedQuery.sparql` (values in the text, paging in the text)
    where this version of mhkg has it, else the file's text with bound values and
    ``LIMIT`` appended."""
    found = []
    if hasattr(named, "sparql") and hasattr(named_queries, "Page"):
        found.append(("whole", named.sparql({}), {}))
        found.append((f"page of {PAGE}", named.sparql({}, named_queries.Page(PAGE, 0)), {}))
        found += [(case, named.sparql(p), {}) for case, p in variants(named, values)]
        return found
    found.append(("whole", named.text, {}))
    found.append((f"LIMIT {PAGE}", f"{named.text}\nLIMIT {PAGE}", {}))
    found += [(case, named.text, named.bindings(p)) for case, p in variants(named, values)]
    return found


def in_process(path: Path, values: dict, limits: Limits) -> list[dict]:
    """Rows of the first table: every named query (whole, first page, each parameter) and
    every aggregate, through mhkg and raw pyoxigraph."""
    worker = QueryWorker(path)
    found = []
    try:
        for named in named_queries.all_queries():
            for case, text, bindings in cases(named, values):
                found.append(timed(worker, f"`{named.name}`", case, text, bindings, limits))
        for name, text in AGGREGATES.items():
            found.append(timed(worker, name, "aggregate", text, {}, limits))
    finally:
        worker.close()
    return found


def timed(
    worker: QueryWorker,
    query: str,
    case: str,
    text: str,
    bindings: Mapping[str, Node],
    limits: Limits,
    engines: tuple[str, ...] = ENGINES,
) -> dict:
    print(f"  {query} {case} …", end="", file=sys.stderr, flush=True)
    timings = measure(worker, text, bindings, limits, engines)
    told = (f"{e} {query_tables.duration(t.p50)} {t.status}" for e, t in timings.items())
    print(f" {', '.join(told)}", file=sys.stderr, flush=True)
    return {"query": query, "case": case, **{k: t.figures() for k, t in timings.items()}}


# ---- exploration -------------------------------------------------------------------------


def explorations(values: dict) -> dict[str, list[str]]:
    """`mhkg explore` arguments by label."""
    country = values["iso3"]
    return {
        "`explore path` A B (two ministries)": [
            "path", values["organisation"], values["other_organisation"], "--format", "json",
        ],
        "`explore neighbours` X `--depth 2`": [
            "neighbours", values["organisation"], "--depth", "2", "--format", "json",
        ],
        f"`explore network --country {country}` (JSON)": [
            "network", "--country", country, "--format", "json",
        ],
        "`explore network` whole (GraphML)": ["network", "--format", "graphml"],
    }  # fmt: skip


def explore(path: Path, values: dict, limits: Limits) -> list[dict]:
    """Each exploration answer as a child process, repeated like the queries."""
    found = []
    for label, arguments in explorations(values).items():
        print(f"  {label} …", file=sys.stderr, flush=True)
        argv = [*query_store.mhkg_command(), "explore", *arguments, "--store", str(path)]
        found.append({"answer": label, **_explored(argv, limits)})
    return found


def _explored(argv: list[str], limits: Limits) -> dict:
    timing, rss, size, status = Timing(), [], 0, 0
    for _ in range(limits.repeat):
        run = run_child(argv, limits.timeout)
        status = run.returncode
        if run.seconds >= limits.timeout:
            timing.status, timing.message = "timeout", f"> {limits.timeout:g} s"
            break
        if status not in (0, 1):
            timing.status, timing.message = "error", run.stderr.strip()[-200:]
            break
        timing.seconds.append(run.seconds)
        rss.append(run.tree_peak_rss_mb)  # ru_maxrss would include this process's RSS at fork
        size = len(run.stdout.encode())
        if sum(timing.seconds) >= limits.budget:
            break
    return {
        "exit": status, "peak_rss_mb": max(rss, default=None), "output_bytes": size,
        **timing.figures(),
    }  # fmt: skip


# ---- HTTP --------------------------------------------------------------------------------


def mix_paths(values: dict) -> list[str]:
    """The lookup mix: parameterised named queries, anchored (no hub)."""
    paths = []
    for project in values["mix_projects"]:
        for name in ("projects", "project-stakeholders", "project-countries", "project-sdgs"):
            paths.append(query_http.query_path(name, {"project": project}))
    for iso3 in values["mix_countries"]:
        paths.append(query_http.query_path("project-countries", {"iso3": iso3}))
    for organisation in values["mix_organisations"]:
        for name in ("project-stakeholders", "works-with"):
            paths.append(query_http.query_path(name, {"organisation": organisation}))
    return paths


def http(path: Path, values: dict, args: argparse.Namespace) -> dict:
    print("  mhkg serve …", file=sys.stderr, flush=True)
    with query_http.serving(path, args.timeout) as port:
        pages = []
        for named in named_queries.all_queries():
            limits = Limits(args.repeat, args.timeout, args.budget)
            page = query_http.first_page(port, named.name, limits, args.timeout + 10)
            pages.append({"query": named.name, "status": page.status, **page.timing.figures()})
        runs = []
        for clients in args.clients:
            print(f"  HTTP mix, {clients} client(s) …", file=sys.stderr, flush=True)
            run = query_http.mix(port, mix_paths(values), clients, args.duration, args.timeout + 30)
            runs.append(run.figures())
    return {"first_pages": pages, "mix": runs}


# ---- the run -----------------------------------------------------------------------------


def header(path: Path, n: int) -> dict:
    store = ox.Store.read_only(str(path))
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pyoxigraph": ox.__version__,
        "n": n,
        "store_bytes": query_store.folder_size(path),
        "quads": len(store),
    }


def header_line(head: dict) -> str:
    return (
        f"mhkg query benchmark, {head['date']}, {head['cpus']} CPUs, Python {head['python']}, "
        f"pyoxigraph {head['pyoxigraph']}: N = {head['n']:,} projects, "
        f"{head['store_bytes'] / 2**30:.2f} GiB on disk, {head['quads']:,} quads"
    )


def report(figures: dict, args: argparse.Namespace) -> str:
    build = figures["build"]
    parts = [
        header_line(figures["header"]),
        f"store: {build['quads_written']:,} quads bulk-loaded in {build['seconds']:.0f} s "
        f"(then optimize {build['optimise_seconds']:.0f} s, derived graph "
        f"{build['derive_seconds']:.0f} s), replicating {build['sample']} {build['kind']} "
        f"records loaded by `mhkg load`; cached under {args.cache}; built with mhkg code "
        f"{build['code_digest']}, now {figures['code_digest']}: {figures['updated']}",
        figures["check_text"],
        f"values: {json.dumps({k: v for k, v in figures['values'].items() if 'mix' not in k})}",
        f"\n### Queries (runs: at most {args.repeat}, fewer past {args.budget:g} s; timeout "
        f"{args.timeout:g} s)\n",
        query_tables.queries_table(figures["queries"]),
    ]
    if "explore" in figures:
        parts += ["\n### Exploration (`mhkg explore`, child processes)\n"]
        parts += [query_tables.explore_table(figures["explore"])]
    if "http" in figures:
        parts += ["\n### HTTP: first pages\n"]
        parts += [query_tables.pages_table(figures["http"]["first_pages"], PAGE)]
        parts += [f"\n### HTTP: lookup mix, {args.duration:g} s per run\n"]
        parts += [query_tables.mix_table(figures["http"]["mix"])]
    return "\n".join(parts)


def run(args: argparse.Namespace) -> dict:
    print(f"store of {args.n:,} projects …", file=sys.stderr, flush=True)
    path = query_store.build(args.cache, args.n, args.seed, args.sample, args.rebuild)
    updated = query_store.bring_up_to_date(path)
    checked = query_store_check.check(path, args.n)
    figures = {
        "header": header(path, args.n),
        "build": query_store.build_figures(path),
        "updated": updated,
        "code_digest": query_store.code_digest(),
        "check": asdict(checked),
        "check_holds": checked.holds(args.n),
        "check_text": checked.text(args.n),
    }
    figures["values"] = values = sample_values(path)
    limits = Limits(args.repeat, args.timeout, args.budget)
    figures["queries"] = in_process(path, values, limits)
    if "explore" not in args.skip:
        explore_limits = Limits(args.repeat, args.explore_timeout, args.budget)
        figures["explore"] = explore(path, values, explore_limits)
    if "http" not in args.skip:
        figures["http"] = http(path, values, args)
    return figures


def rows_differ(figures: dict) -> list[str]:
    return [
        f"{row['query']} {row['case']}"
        for row in figures["queries"]
        if None not in (row["mhkg"]["rows"], row["raw"]["rows"])
        and row["mhkg"]["rows"] != row["raw"]["rows"]
    ]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        figures = run(args)
    except (OSError, RuntimeError, subprocess.CalledProcessError) as error:
        print(f"could not run: {error}", file=sys.stderr)
        return 2
    print(report(figures, args))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    differ = rows_differ(figures)
    for what in differ:
        print(f"rows differ between mhkg and raw pyoxigraph: {what}", file=sys.stderr)
    return 0 if figures["check_holds"] and not differ else 1


if __name__ == "__main__":
    sys.exit(main())
