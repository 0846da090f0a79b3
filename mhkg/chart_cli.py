"""`mhkg chart NAME`: a chart of /overview without a browser, for reports: the same Vega-Lite
spec (mhkg.queries.charts) under the same facets as /projects and /overview, written as PNG or
SVG (vl-convert-python, the `chart` extra) or as the spec itself (.vl.json, its data inline).
Exit status: 0 written, 1 no store or a failed query or drawing, 2 a usage error (an unknown
chart, a facet value that is none of its facet's, an output of another kind)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from mhkg.cli import Context, fail, main, store_option
from mhkg.errors import MhkgError, NamedQueryError
from mhkg.iri import base_iri
from mhkg.queries.charts import CHARTS, OUTPUTS, chart_data, chart_spec, render
from mhkg.queries.facets import FACETS, Selection

FACET_HELP = {
    "country": ("ISO3", "Projects in this country (ISO 3166-1 alpha-3)."),
    "region": ("SLUG", "Projects in this IDF region, e.g. africa."),
    "sdg": ("N", "Projects towards this SDG, 1-17."),
    "organisation": ("IRI", "Projects this organisation takes part in (in --role, if given)."),
    "role": ("ROLE", "Participations in this role, e.g. funder."),
    "kind": ("KIND", "Participating organisations of this class, e.g. Ministry."),
    "status": ("SLUG", "Projects of this status, e.g. active."),
    "type": ("SLUG", "Projects of this type."),
    "year": ("YYYY", "Projects starting in this year."),
}


def facet_options(command: Any) -> Any:
    """The facets of /projects as options, each repeatable (either value), and --q."""
    command = click.option("--q", "q", metavar="WORDS", help="Words in a title or description.")(
        command
    )
    for name in reversed(FACETS):
        metavar, text = FACET_HELP[name]
        option = click.option(
            f"--{name}", name, multiple=True, metavar=metavar, help=f"{text} Repeatable."
        )
        command = option(command)
    return command


@click.command("chart")
@click.argument("name", required=False)
@facet_options
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    help="Where to write the chart: FILE.png, FILE.svg or FILE.vl.json (the Vega-Lite spec).",
)
@click.option("--list", "list_charts", is_flag=True, help="List the charts.")
@store_option
def chart(
    name: str | None,
    output: str | None,
    list_charts: bool,
    store: str | None,
    q: str | None,
    **facets: tuple[str, ...],
) -> None:
    """Draw a chart of /overview (see `mhkg chart --list`) for the projects the facets select.

    Facets as on /projects: a facet given twice selects either value, different facets all."""
    if list_charts:
        for known in CHARTS.values():
            click.echo(f"{known.name}: {known.title}. {known.note}")
        return
    if not name or not output:
        raise click.UsageError("give a chart NAME and --output FILE (or --list)")
    if name not in CHARTS:
        raise click.BadParameter(
            f"no chart {name!r}; the charts: {', '.join(CHARTS)}", param_hint="NAME"
        )
    if not output.endswith(OUTPUTS):
        raise click.BadParameter(
            f"{output!r} ends in none of {', '.join(OUTPUTS)}", param_hint="--output"
        )
    args = {key: list(values) for key, values in facets.items()} | {"q": [q] if q else []}
    try:
        selection = Selection.parse(args, base_iri())
    except NamedQueryError as error:
        raise click.UsageError(str(error)) from None
    try:
        with Context(store).open() as kg:
            _, rows = chart_data(CHARTS[name], selection, kg.query)
        subtitle = ", ".join(f"{facet}={value}" for facet, value in selection.given)
        drawn = render(chart_spec(CHARTS[name], rows, subtitle), output)
        Path(output).write_bytes(drawn)
    except MhkgError as error:
        fail(error)
    except OSError as error:
        fail(MhkgError(f"cannot write {output}: {error.strerror}"))


main.add_command(chart)
