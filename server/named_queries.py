"""The named queries as an API: /queries lists them, /queries/NAME runs one, with its
parameters from the query string — as data (negotiated like /sparql) or as an HTML table
with download links and the SPARQL text (as Datasette serves canned queries)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from mhkg import queries as named_queries
from mhkg.results import QueryResult
from mhkg.server import logs
from mhkg.server.negotiation import HTML, SOLUTION_TYPES, negotiate
from mhkg.server.responses import results_response, truncation_note
from mhkg.server.store import run_client_query

blueprint = Blueprint("named_queries", __name__)


def describe(named: named_queries.NamedQuery) -> dict:
    return {
        "name": named.name,
        "title": named.title,
        "description": named.description,
        "parameters": [vars(p) for p in named.parameters],
        "url": url_for("named_queries.run", name=named.name, _external=True),
    }


@blueprint.route("/queries")
def index() -> Response | str:
    listed = [describe(q) for q in named_queries.all_queries()]
    if negotiate(["application/json", HTML]) == HTML:
        return render_template("queries.html", queries=listed, page_title="Named queries")
    response = jsonify(listed)
    response.vary.add("Accept")
    return response


PAGING = ("limit", "offset")


@blueprint.route("/queries/<name>")
def run(name: str) -> Response:
    named = named_queries.load(name)
    given = {k: v for k, v in request.args.items() if k not in ("format", *PAGING)}
    cap = current_app.config["MAX_ROWS"] or None
    page = named_queries.Page.parse(request.args.get("limit"), request.args.get("offset"), cap)
    media_type = negotiate([*SOLUTION_TYPES, HTML])
    sparql, result, truncated = named_queries.run_page(named, given, page, _noted)
    if media_type != HTML:
        return results_response(result, truncated, media_type)
    headers = {"Vary": "Accept"}
    if truncated:
        headers |= {"MHKG-Truncated": "true", "MHKG-Row-Limit": str(current_app.config["MAX_ROWS"])}
    body = _page(named, given, page, sparql, result, truncated)
    return Response(body, mimetype=HTML, headers=headers)


def _noted(sparql: str) -> tuple[QueryResult, bool]:
    """A query the named query runs, logged, within the client's limits."""
    logs.note_query(sparql)
    return run_client_query(sparql)


def _page(
    named: named_queries.NamedQuery,
    given: dict[str, str],
    page: named_queries.Page,
    sparql: str,
    result: QueryResult,
    truncated: bool,
) -> str:
    """The HTML table of a page of the query's rows, with links to the pages around it and
    the SPARQL that gave it (the parameters' values written in, the page's order)."""
    rows = len(result.rows)
    total = None
    if not truncated:
        total = named.total(given, page, rows, lambda text: run_client_query(text)[0])
    downloads = {
        label: url_for("named_queries.run", name=named.name, format=fmt, **given, **_args(page))
        for label, fmt in (("CSV", "csv"), ("JSON", "json"), ("TSV", "tsv"), ("XML", "xml"))
    }
    return render_template(
        "query.html",
        query=describe(named),
        sparql=sparql,
        given=given,
        result=result,
        truncated=truncation_note() if truncated else None,
        downloads=downloads,
        pages=_neighbours(named.name, given, page, rows, total, truncated),
        first_row=page.offset + 1,
        last_row=page.offset + rows,
        total=total,
        editor=url_for("sparql.endpoint", query=sparql),
        page_title=named.title,
    )


def _neighbours(
    name: str,
    given: dict[str, str],
    page: named_queries.Page,
    rows: int,
    total: int | None,
    truncated: bool,
) -> dict[str, str]:
    """The URLs of the previous and the next page, where there are such pages. A whole list
    cut at the row limit continues on a page of that size."""
    size = page.limit or (rows if truncated else None)
    if not size:
        return {}
    links = {}
    if page.offset > 0:
        before = named_queries.Page(size, max(page.offset - size, 0))
        links["previous"] = url_for("named_queries.run", name=name, **given, **_args(before))
    more = total is None or page.offset + rows < total
    if rows and (truncated or rows >= size) and more:
        after = named_queries.Page(size, page.offset + rows)
        links["next"] = url_for("named_queries.run", name=name, **given, **_args(after))
    return links


def _args(page: named_queries.Page) -> dict[str, int]:
    """A page as query-string arguments (none for the whole list)."""
    args = {} if page.limit is None else {"limit": page.limit}
    return args | ({"offset": page.offset} if page.offset else {})
