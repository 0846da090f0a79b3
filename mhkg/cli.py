"""The `mhkg` command: load, query, validate, export, serve, explore and chart the knowledge graph.

Exit status: 0 success; 1 some records rejected / the data does not conform /
the query failed / no store, or one that cannot be opened or written; 2 usage errors:
unknown options, named queries or parameters, values of the wrong type (Click's own
convention), and, for `validate --reason`, a reasoner that cannot run (no owlready2, no Java,
a HermiT error or its time up).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click
from tqdm import tqdm

from mhkg import queries as named_queries
from mhkg import reasoning, tokens
from mhkg.errors import MhkgError, NamedQueryError
from mhkg.iri import Minter, base_iri
from mhkg.progress import Progress
from mhkg.results import GRAPH_FORMATS, SOLUTION_FORMATS, serialize
from mhkg.server.settings import serve_options
from mhkg.store import EXPORT_FORMATS, Store, default_location, open_store

QUERY_FORMATS = sorted(set(SOLUTION_FORMATS) | set(GRAPH_FORMATS))


class Context:
    """What every command shares: where the store is, and how IRIs are minted."""

    def __init__(self, store: str | None) -> None:
        self.store_location = store or default_location()
        self.minter = Minter.from_environment()

    def open(self, *, create: bool = False) -> Store:
        """The store; only loading creates one where there is none."""
        return open_store(self.store_location, create=create)


def store_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--store",
        "store",
        metavar="DIR|URL",
        help="Store folder, or a SPARQL 1.1 endpoint's URL (default: $MHKG_STORE, else the "
        "user's data folder).",
    )(command)


def fail(error: MhkgError, status: int = 1) -> NoReturn:
    click.echo(f"error: {error}", err=True)
    sys.exit(status)


@click.group()
@click.version_option(package_name="mhkg")
def main() -> None:
    """The migration-health knowledge graph: IOM project records as linked data."""
    try:
        base_iri()
    except MhkgError as error:
        fail(error, 2)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes that read and validate (default: the CPUs available; one "
    "when the files are small).",
)
@click.option("--quiet", is_flag=True, help="No progress and no summary.")
def load(paths: tuple[Path, ...], store: str | None, jobs: int | None, quiet: bool) -> None:
    """Load records (files or folders) into the store, one named graph per record.

    Each record is validated before it is written; a rejected record writes
    nothing. Exit 0 when everything loaded, 1 when some records were rejected.
    """
    from mhkg import pipeline  # the loaders and shapes: imported by the commands that use them

    context = Context(store)
    progress = Progress() if quiet else LoadProgress()
    files = pipeline.expand(paths)
    try:
        with context.open(create=True) as kg:
            report = pipeline.load_paths(
                kg, files, context.minter, progress,
                jobs=jobs or default_jobs(files), list_loaded=False,
            )  # fmt: skip
    except MhkgError as error:
        fail(error)
    finally:
        if isinstance(progress, LoadProgress):
            progress.close()
    for error in report.rejected:
        click.echo(f"rejected: {error}", err=True)
    if not quiet:
        seconds = progress.elapsed() if isinstance(progress, LoadProgress) else 0
        rate = f", {report.records / seconds:,.1f} records/s" if seconds else ""
        click.echo(
            f"loaded {report.records:,} record(s), {report.triples:,} triples, into "
            f"{context.store_location}; rejected {len(report.rejected):,}; "
            f"{seconds:,.1f} s{rate}",
            err=True,
        )
    sys.exit(0 if report.ok else 1)


SMALL_LOAD = 1 << 20  # bytes: below, worker processes cost more than they save


def default_jobs(files: list[Path]) -> int:
    """The CPUs this process may use, or one for a small load."""
    if sum(path.stat().st_size for path in files if path.exists()) < SMALL_LOAD:
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class LoadProgress(Progress):
    """Records written and refused, their rate, and the time left (estimated from the bytes
    of the files read so far), on standard error."""

    def __init__(self) -> None:
        self.bar = tqdm(desc="loading", unit=" records", file=sys.stderr, leave=False)
        self.total_bytes = self.bytes_done = self.refused = 0
        self.started = time.monotonic()

    def start(self, total_bytes: int) -> None:
        self.total_bytes = total_bytes
        self.started = time.monotonic()

    def record(self, written: bool, triples: int = 0) -> None:
        self.refused += not written
        self.bar.update(1)
        if self.bar.n % 50 == 0:
            self._tell()

    def source_done(self, size: int) -> None:
        self.bytes_done += size
        self._tell()

    def _tell(self) -> None:
        parts = [f"{self.refused:,} refused"] if self.refused else []
        if self.total_bytes:
            parts.append(f"{self.bytes_done / self.total_bytes:.0%} of the bytes")
            elapsed = time.monotonic() - self.started
            if self.bytes_done and self.bytes_done < self.total_bytes:
                left = elapsed * (self.total_bytes - self.bytes_done) / self.bytes_done
                parts.append(f"about {left:,.0f} s left")
        self.bar.set_postfix_str(", ".join(parts), refresh=False)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def close(self) -> None:
        self.bar.close()


@main.command()
@click.argument("sparql", required=False)
@click.option(
    "--file",
    "query_file",
    type=click.File("r", encoding="utf-8"),
    help="Read the query from a .rq file.",
)
@click.option("--named", "name", help="Run a named query (see `mhkg query --list`).")
@click.option(
    "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a parameter of the query."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    help="Output format (default: table, or turtle for graphs).",
)
@click.option(
    "--list", "list_named", is_flag=True, help="List the named queries and their parameters."
)
@click.option("--limit", help="With --named: at most this many rows, in a stable order.")
@click.option("--offset", help="With --named: skip this many rows of that order first.")
@store_option
def query(
    sparql: str | None,
    query_file: Any,
    name: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    list_named: bool,
    limit: str | None,
    offset: str | None,
    store: str | None,
) -> None:
    """Run a SPARQL query, a query file or a named query against the store.

    A named query pages with --limit and --offset (non-negative integers)."""
    if list_named:
        _list_named_queries()
        return
    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of SPARQL, --file F.rq or --named NAME")
    if not name and (limit, offset) != (None, None):
        raise click.UsageError("--limit and --offset page a named query (--named NAME)")
    bindings = _parse_params(params)
    try:
        page = named_queries.Page.parse(limit, offset)
        if name:
            named = named_queries.load(name)
            named.bindings(bindings)  # the values given, checked before the store is opened
        else:
            text = sparql or query_file.read()
            values = named_queries.parse("query", text).bindings(bindings) if bindings else {}
    except NamedQueryError as error:  # a name or parameter the user got wrong
        raise click.UsageError(str(error)) from None
    try:
        with Context(store).open() as kg:
            if name:
                run = named_queries.on_store(kg)
                _, result, _ = named_queries.run_page(named, bindings, page, run)
            else:
                result = kg.query(text, values)
            total = None
            if name and not page.is_whole:
                total = named.total(bindings, page, len(result.rows), kg.query)
        fmt = fmt or ("turtle" if result.form == "CONSTRUCT" else "table")
        click.echo(serialize(result, fmt), nl=False)
        if name and not page.is_whole:  # after the rows, which a terminal shows first
            sys.stdout.flush()
            _tell_page(page, len(result.rows), total)
    except MhkgError as error:
        fail(error)
    except ValueError as error:
        raise click.UsageError(str(error)) from None


def _tell_page(page: named_queries.Page, rows: int, total: int | None) -> None:
    """On standard error, which rows of the list a page holds ("rows 21–40 of 93")."""
    span = f"rows {page.offset + 1}–{page.offset + rows}" if rows else "no rows"
    click.echo(span + ("" if total is None else f" of {total:,}"), err=True)


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{param!r} is not NAME=VALUE", param_hint="--param")
        pairs[key.strip()] = value
    return pairs


def _list_named_queries() -> None:
    for named in named_queries.all_queries():
        click.echo(f"{named.name}: {named.title}")
        if named.description:
            click.echo(f"    {named.description}")
        for p in named.parameters:
            click.echo(f"    --param {p.name}=<{p.type}>  {p.description}")


@main.command()
@store_option
@click.option(
    "--reason",
    is_flag=True,
    help="Also run the HermiT reasoner (needs mhkg[reason] and Java) on the ontology with "
    "the store's records: consistency, unsatisfiable classes, inconsistent individuals.",
)
@click.option(
    "--sample",
    type=click.IntRange(min=0),
    default=reasoning.DEFAULT_SAMPLE,
    show_default=True,
    help="With --reason: at most this many record graphs, evenly spread (0: all of them).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=reasoning.DEFAULT_TIMEOUT,
    show_default=True,
    help="With --reason: seconds for all of the reasoning; Java is stopped after that.",
)
@click.pass_context
def validate(
    ctx: click.Context, store: str | None, reason: bool, sample: int, timeout: float
) -> None:
    """SHACL-validate the whole store, and check that its derived links are those the
    derivation rules give now; with --reason, also check it with the HermiT reasoner.

    Exit 0 when all of that holds, 1 when not (or when there is no store), 2 when the
    reasoner cannot run (no owlready2, no Java, a HermiT error, out of time).
    """
    given = [p for p in ("sample", "timeout") if not _is_default(ctx, p)]
    if given and not reason:
        raise click.UsageError(f"--{given[0]} goes with --reason")
    from mhkg import pipeline  # the loaders and shapes: imported by the commands that use them

    context = Context(store)
    verdict = None
    try:
        if reason:
            reasoning.check_available()  # before the SHACL run, which takes a while
        with context.open() as kg:
            report = pipeline.validate_store(kg, context.minter)
            click.echo(report.text)
            if reason:
                sys.stdout.flush()
                verdict = reasoning.reason(
                    kg, context.minter, sample=sample or None, timeout=timeout
                )
    except (reasoning.ReasonerUnavailable, reasoning.ReasonerError) as error:
        fail(error, 2)
    except MhkgError as error:
        fail(error)
    if verdict is not None:
        click.echo(verdict.text())
    sys.exit(0 if report.conforms and (verdict is None or verdict.holds) else 1)


def _is_default(ctx: click.Context, name: str) -> bool:
    return ctx.get_parameter_source(name) is click.core.ParameterSource.DEFAULT


@main.command()
@store_option
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="trig", show_default=True
)
def export(store: str | None, fmt: str) -> None:
    """Write the whole dataset to standard output (Turtle merges the named graphs)."""
    try:
        with Context(store).open() as kg:
            kg.export(sys.stdout.buffer, fmt)
    except MhkgError as error:
        fail(error)
    sys.stdout.buffer.flush()


def tokens_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--tokens",
        "tokens_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The tokens file (default: $MHKG_TOKENS, else tokens.json in the user's "
        "configuration folder).",
    )(command)


@main.group()
def token() -> None:
    """Write tokens for `mhkg serve --tokens FILE` (only their hashes are kept)."""


@token.command("new")
@click.argument("name")
@tokens_option
def token_new(name: str, tokens_file: Path | None) -> None:
    """Make a write token NAME and print it, once, on standard output."""
    path = tokens_file or tokens.default_path()
    try:
        secret = tokens.new(path, name)
    except MhkgError as error:
        fail(error)
    click.echo(secret)
    click.echo(f"token {name!r}: its hash is in {path}; the token is not shown again", err=True)


@token.command("revoke")
@click.argument("name")
@tokens_option
def token_revoke(name: str, tokens_file: Path | None) -> None:
    """Remove the write token NAME: a server reading the file refuses it at once."""
    path = tokens_file or tokens.default_path()
    try:
        tokens.revoke(path, name)
    except MhkgError as error:
        fail(error)
    click.echo(f"token {name!r} revoked in {path}", err=True)


@main.command()
@store_option
@serve_options
def serve(store: str | None, **settings: Any) -> None:
    """Serve the knowledge graph over HTTP (loads the bundled data into an empty store).

    Read-only unless --tokens names a tokens file (mhkg token new NAME): then SPARQL Update,
    the Graph Store Protocol's writes and record uploads are accepted with a token's
    `Authorization: Bearer TOKEN`. A query that runs longer than --timeout is stopped.
    Each option overrides its MHKG_* environment variable, which overrides the default.
    """
    from mhkg.server import serve as run_server

    context = Context(store)
    try:
        run_server(context.store_location, context.minter, **settings)
    except MhkgError as error:
        fail(error)


# `mhkg explore` and `mhkg chart` live with their modules, which use Context, fail and
# store_option (defined above) and add themselves to `main`. Imported as modules, last, they
# work whichever is imported first: a module imported half-way is not asked for a name.
import mhkg.chart_cli  # noqa: E402
import mhkg.explore.cli  # noqa: E402, F401
