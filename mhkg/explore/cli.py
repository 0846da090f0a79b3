"""`mhkg explore`: search, neighbourhoods, paths and the co-participation network on the
command line. Entities are named by IRI or by name; text for people, JSON (and GraphML, GEXF,
CSV for the network, whose default is JSON as CONTRACT.md lists it) for programs. `--sparql`
prints the SPARQL behind a text answer. Exit status: 0 an answer, 1 none (no path, no match,
no store), 2 a usage error (a name naming nothing or several entities, a bad filter)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from mhkg import explore
from mhkg.cli import Context, fail, main, store_option
from mhkg.errors import MhkgError
from mhkg.explore import exports, local
from mhkg.explore.graph import TYPES, StakeholderGraph
from mhkg.explore.neighbourhood import DEFAULT_LIMIT, MAX_DEPTH, Neighbourhood
from mhkg.explore.network import Network
from mhkg.explore.paths import MAX_K, THROUGH, Paths


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for name, variable, metavar, text in reversed(
        (
            ("country", "countries", "ISO3", "Only what concerns this country (repeatable)."),
            ("sdg", "sdgs", "N", "Only projects towards this SDG, 1-17 (repeatable)."),
            ("kind", "kinds", "KIND", "Only organisations of this kind, e.g. Ministry."),
            ("role", "roles", "ROLE", "Only parts in projects in this role, e.g. funder."),
        )
    ):
        option = click.option(f"--{name}", variable, multiple=True, metavar=metavar, help=text)
        command = option(command)
    return command


def format_option(*choices: str) -> Callable[..., Any]:
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True
    )


sparql_option = click.option("--sparql", is_flag=True, help="Also print the SPARQL behind it.")


def _graph(store: str | None) -> StakeholderGraph:
    try:
        with Context(store).open() as kg:
            return explore.read(kg.query)
    except MhkgError as error:
        fail(error)


@contextmanager
def _reader(store: str | None) -> Iterator[local.Reader]:
    """A reader of the parts of the stakeholder graph that an answer needs (see
    mhkg.explore.local), on the store held open while the answer is worked out."""
    try:
        with Context(store).open() as kg:
            yield local.Reader(kg.query)
    except MhkgError as error:
        fail(error)


def _resolve(reader: local.Reader, name: str, what: str) -> str:
    """The IRI of the entity that `name` (an IRI or a name) stands for: an IRI is looked up
    alone; a name among the names of every entity."""
    try:
        return local.resolve(reader, name).iri
    except explore.ResolveError as error:
        raise click.BadParameter(str(error), param_hint=what) from None


def _json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


class ExploreGroup(click.Group):
    """A question exploration cannot answer as asked (a kind no organisation has, say) is a
    usage error, like a bad option: exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except explore.ExploreError as error:
            raise click.UsageError(str(error), ctx) from None


@click.group(cls=ExploreGroup)
def explore_group() -> None:
    """Trace stakeholder relationships: who works with whom, on which projects, where."""


main.add_command(explore_group, "explore")


@explore_group.command("search")
@click.argument("text")
@click.option("--type", "types", multiple=True, type=click.Choice(TYPES), help="Only this type.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@format_option("text", "json")
@store_option
def search_command(text: str, types: tuple[str, ...], limit: int, fmt: str, store: str | None):
    """Entities whose names match TEXT, best first."""
    matches = explore.search(_graph(store), text, types=types, limit=limit)
    if fmt == "json":
        _json({"query": text, "results": [m.to_json() for m in matches]})
    else:
        for match in matches:
            entity = match.entity
            click.echo(f"{match.score:.2f}  {entity.label} ({entity.kind})  <{entity.iri}>")
    if not matches:
        click.echo(f"no entity is named like {text!r}", err=True)
    sys.exit(0 if matches else 1)


@explore_group.command("neighbours")
@click.argument("entity")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, MAX_DEPTH))
@click.option("--limit", default=DEFAULT_LIMIT, show_default=True, type=click.IntRange(min=1))
@filter_options
@format_option("text", "json")
@sparql_option
@store_option
def neighbours_command(entity, depth, limit, countries, sdgs, kinds, roles, fmt, sparql, store):
    """What lies within --depth relations of ENTITY (an IRI or a name)."""
    with _reader(store) as reader:
        focus = _resolve(reader, entity, "ENTITY")
        filters = explore.Filters.parse(countries, sdgs, kinds, roles)
        part = local.around(reader, focus, depth, limit=None if filters else limit)
        answer = explore.neighbourhood(part, focus, depth=depth, filters=filters, limit=limit)
    if fmt == "json":
        _json(answer.to_json())
        return
    click.echo(neighbourhood_text(answer))
    if sparql:
        click.echo(f"\nSPARQL:\n{answer.sparql}")


def neighbourhood_text(answer: Neighbourhood) -> str:
    entities = answer.kg.entities
    focus = entities[answer.focus]
    lines = [f"{focus.label} ({focus.kind}) <{focus.iri}>"]
    for distance in range(1, max(answer.depth.values(), default=0) + 1):
        lines.append(f"\nat {distance} relation{'s' if distance > 1 else ''}:")
        for relation in answer.relations:
            ends = sorted((relation.source, relation.target), key=answer.depth.__getitem__)
            near, far = ends
            if answer.depth[near] == distance - 1 and answer.depth[far] == distance:
                other = entities[far]
                lines.append(
                    f"  {entities[near].label} — {relation.label_from(near)} — "
                    f"{other.label} ({other.kind})"
                )
    if answer.truncated:
        lines.append(f"\n(cut at {len(answer.depth)} entities: raise --limit to see more)")
    return "\n".join(lines)


@explore_group.command("path")
@click.argument("start", metavar="A")
@click.argument("end", metavar="B")
@click.option("--k", default=3, show_default=True, type=click.IntRange(1, MAX_K))
@click.option(
    "--through",
    multiple=True,
    type=click.Choice(TYPES),
    help=f"Types the entities between A and B may have (default: {', '.join(THROUGH)}).",
)
@filter_options
@format_option("text", "json")
@sparql_option
@store_option
def path_command(start, end, k, through, countries, sdgs, kinds, roles, fmt, sparql, store):
    """The K shortest paths between A and B (each an IRI or a name)."""
    with _reader(store) as reader:
        answer = local.between(
            reader,
            _resolve(reader, start, "A"),
            _resolve(reader, end, "B"),
            k=k,
            through=through or THROUGH,
            filters=explore.Filters.parse(countries, sdgs, kinds, roles),
        )
    if fmt == "json":
        _json(answer.to_json())
    else:
        click.echo(paths_text(answer))
        if sparql and answer.paths:
            click.echo(f"\nSPARQL:\n{answer.sparql}")
    sys.exit(0 if answer.paths else 1)


def paths_text(answer: Paths) -> str:
    start, end = (answer.kg.entities[iri].label for iri in (answer.start, answer.end))
    if not answer.paths:
        return f"no path from {start} to {end} through {', '.join(answer.through)}"
    lines = [f"{len(answer.paths)} shortest path(s) from {start} to {end}:"]
    for number, path in enumerate(answer.paths, 1):
        lines.append(f"{number}. ({len(path.steps)}) {path.sentence(answer.kg)}")
    return "\n".join(lines)


@explore_group.command("network")
@filter_options
@format_option("json", "graphml", "gexf", "csv", "text")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Rows (text).")
@sparql_option
@store_option
def network_command(countries, sdgs, kinds, roles, fmt, top, sparql, store):
    """The co-participation network of organisations; `--format text` tells who is most
    connected and who brokers between others (betweenness)."""
    with _reader(store) as reader:
        filters = explore.Filters.parse(countries, sdgs, kinds, roles)
        answer = explore.network(local.co_participation(reader, filters), filters)
    if fmt != "text":
        for chunk in exports.chunks(answer, fmt):
            click.echo(chunk, nl=False)
        return
    click.echo(network_text(answer, top))
    if sparql:
        click.echo(f"\nSPARQL:\n{explore.network_sparql(answer.filters)}")


def network_text(answer: Network, top: int) -> str:
    nodes, edges = answer.nodes(), answer.edges()
    labels = {n["iri"]: n["label"] for n in nodes}
    lines = [f"{len(nodes)} organisations, {len(edges)} pairs working together"]
    lines.append("\nmost connected (partners, shared-project ties, projects):")
    for node in answer.ranked("degree")[:top]:
        lines.append(
            f"  {node['degree']:4d} {node['strength']:5d} {node['projects']:4d}  {node['label']}"
        )
    lines.append("\nbrokers (betweenness centrality; the IDF regions of their projects):")
    brokers = [n for n in answer.ranked("betweenness") if n["betweenness"] > 0]
    for node in brokers[:top]:
        regions = f"  ({', '.join(node['regions'])})" if node["regions"] else ""
        lines.append(f"  {node['betweenness']:.3f}  {node['label']}{regions}")
    if not brokers:
        lines.append("  none: no organisation lies between two others")
    lines.append("\nstrongest ties (shared projects):")
    for edge in edges[:top]:
        lines.append(f"  {edge['weight']:4d}  {labels[edge['from']]} — {labels[edge['to']]}")
    return "\n".join(lines)
