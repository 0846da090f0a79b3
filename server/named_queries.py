"""The named queries as an API: /queries lists them, /queries/NAME runs one, with its
parameters from the query string — as data (negotiated like /sparql) or as an HTML table
with download links and the SPARQL text (as Datasette serves canned queries)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from mhkg import queries as named_queries
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


@blueprint.route("/queries/<name>")
def run(name: str) -> Response:
    named = named_queries.load(name)
    given = {k: v for k, v in request.args.items() if k != "format"}
    media_type = negotiate([*SOLUTION_TYPES, HTML])
    logs.note_query(named.text)
    result, truncated = run_client_query(named.text, named.bindings(given))
    if media_type != HTML:
        return results_response(result, truncated, media_type)
    downloads = {
        label: url_for("named_queries.run", name=name, format=fmt, **given)
        for label, fmt in (("CSV", "csv"), ("JSON", "json"), ("TSV", "tsv"), ("XML", "xml"))
    }
    page = render_template(
        "query.html",
        query=describe(named),
        sparql=named.text,
        given=given,
        result=result,
        truncated=truncation_note() if truncated else None,
        downloads=downloads,
        editor=url_for("sparql.endpoint", query=named.text),
        page_title=named.title,
    )
    headers = {"Vary": "Accept"}
    if truncated:
        headers |= {"MHKG-Truncated": "true", "MHKG-Row-Limit": str(current_app.config["MAX_ROWS"])}
    return Response(page, mimetype=HTML, headers=headers)
