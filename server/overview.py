"""/overview: charts of the projects the facets select (the facets of /projects, parsed by the
same code). Each chart is a Vega-Lite spec built by mhkg.queries.charts, as `mhkg chart` builds
it, served with its data inline (/overview/NAME.vl.json) and drawn on the page by the vendored
Vega-Lite; its rows as CSV (/overview/NAME.csv), its SPARQL in the editor, and a table of the
same rows for readers who cannot see the chart.
"""

from __future__ import annotations

import csv
import io
import json
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    copy_current_request_context,
    current_app,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import BadRequest

from mhkg.queries.charts import (
    CHARTS,
    WORLD,
    Chart,
    chart_data,
    chart_rows,
    chart_sparql,
    chart_spec,
    chart_table,
)
from mhkg.queries.facets import PARAMETERS, Selection
from mhkg.server import facet_index, indexed_charts, openapi_overview
from mhkg.server.facet_index import FacetIndex
from mhkg.server.openapi import add_paths
from mhkg.server.projects import counted, prepared, run
from mhkg.server.store import generation

blueprint = Blueprint("overview", __name__)


def selected() -> Selection:
    """The selection the query string asks for (facets and q only). Raises BadRequest."""
    unknown = sorted(set(request.args) - set(PARAMETERS))
    if unknown:
        raise BadRequest(
            f"{request.path} takes no parameter {', '.join(unknown)}; it takes: "
            f"{', '.join(sorted(PARAMETERS))}"
        )
    selection = Selection.parse(request.args.to_dict(flat=False), current_app.config["BASE_IRI"])
    return prepared(selection)


def _subtitle(selection: Selection) -> str:
    return ", ".join(f"{name}={value}" for name, value in selection.given)


def _chart(name: str) -> Chart:
    if name not in CHARTS:
        abort(404, f"no chart {name!r}; the charts: {', '.join(CHARTS)}")
    return CHARTS[name]


@blueprint.route("/overview")
def page() -> Response:
    selection = selected()
    facets, total = counted(selection, "overview.page")
    query = urlencode(list(selection.given))
    suffix = f"?{query}" if query else ""
    shown = {name: chart_sparql(chart, selection.shown()) for name, chart in CHARTS.items()}
    charts = []
    for chart, rows in zip(CHARTS.values(), _all_rows(selection), strict=True):
        header, table = chart_table(chart, rows)
        charts.append({
            "name": chart.name, "title": chart.title, "note": chart.note,
            "spec": url_for("overview.spec", name=chart.name) + suffix,
            "csv": url_for("overview.data", name=chart.name) + suffix,
            "editor": url_for("sparql.endpoint", query=shown[chart.name]),
            "header": header, "rows": table,
        })  # fmt: skip
    body = render_template(
        "overview.html",
        page_title="Overview",
        facets=facets,
        selected=[(n, v, _dropped(selection, (n, v))) for n, v in selection.given],
        total=total,
        charts=charts,
        projects=url_for("projects.browse") + suffix,
    )
    return Response(body, mimetype="text/html")


def _all_rows(selection: Selection) -> list[list[dict]]:
    """Every chart's rows, in the order of CHARTS: from the facet index where it answers,
    else from the charts' queries, asked of the query workers at once (charts of one
    dimension share their query: asked once)."""
    if (index := _index(selection)) is not None:
        return [indexed_charts.chart_rows(index, chart, selection) for chart in CHARTS.values()]
    texts = [chart_sparql(chart, selection) for chart in CHARTS.values()]
    with ThreadPoolExecutor(max_workers=current_app.config["QUERY_WORKERS"]) as pool:
        asked = {text: pool.submit(copy_current_request_context(run), text)
                 for text in dict.fromkeys(texts)}  # fmt: skip
        answers = {text: future.result() for text, future in asked.items()}
    return [chart_rows(chart, answers[text], tallied=True)
            for chart, text in zip(CHARTS.values(), texts, strict=True)]  # fmt: skip


def _rows(chart: Chart, selection: Selection) -> list[dict]:
    """The chart's rows, from the facet index where it answers, else from its query."""
    if (index := _index(selection)) is not None:
        return indexed_charts.chart_rows(index, chart, selection)
    return chart_data(chart, selection, run)[1]


def _index(selection: Selection) -> FacetIndex | None:
    """The facet index, where it is built and answers for the selection's charts (with
    nothing selected, they read the tallies)."""
    index = facet_index.find(generation())
    return index if index is not None and indexed_charts.answers(index, selection) else None


def _dropped(selection: Selection, given: tuple[str, str]) -> str:
    """The overview without one of the values given."""
    pairs = [pair for pair in selection.given if pair != given]
    return url_for("overview.page") + (f"?{urlencode(pairs)}" if pairs else "")


@blueprint.route("/overview/<name>.vl.json")
def spec(name: str) -> Response:
    """The chart's Vega-Lite spec, its rows inline: what `mhkg chart NAME -o F.vl.json` writes."""
    chart = _chart(name)
    selection = selected()
    rows = _rows(chart, selection)
    world = url_for("static", filename=f"vendor/vega/{WORLD}")  # the map's shapes, vendored
    text = json.dumps(chart_spec(chart, rows, _subtitle(selection), world), ensure_ascii=False)
    return Response(text, mimetype="application/json")


@blueprint.route("/overview/<name>.csv")
def data(name: str) -> Response:
    """The chart's rows as CSV: the values it draws."""
    chart = _chart(name)
    rows = _rows(chart, selected())
    header, table = chart_table(chart, rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(table)
    response = Response(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'inline; filename="mhkg-{name}.csv"'
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    add_paths(app, openapi_overview.paths())
