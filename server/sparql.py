"""SPARQL 1.1 Protocol (query operation) and the named queries as an API."""

from __future__ import annotations

import re

from flask import Blueprint, Response, current_app, jsonify, request

from mhkg import queries as named_queries
from mhkg.results import QueryResult, serialize
from mhkg.server.errors import error_response
from mhkg.server.store import get_store

blueprint = Blueprint("sparql", __name__)

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "xml",
}


# What a query says outside strings, IRIs and comments is where a SERVICE keyword can be.
_NOT_KEYWORDS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![?$\w])SERVICE\b", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether a query asks for federation (SERVICE), which makes the server fetch a URL."""
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", query)))


def negotiated(result: QueryResult) -> Response:
    """The result in the type a `format` parameter names, else the best type the client
    accepts (SPARQL JSON, or Turtle for graphs, when it takes anything)."""
    offered = GRAPH_TYPES if result.form == "CONSTRUCT" else SOLUTION_TYPES
    by_name = {name: media_type for media_type, name in offered.items()}
    if fmt := request.values.get("format"):
        if fmt not in by_name:
            detail = f"format {fmt!r} is not offered for this result; use one of {sorted(by_name)}"
            return error_response(400, "Bad Request", detail)
        media_type = by_name[fmt]
    else:
        media_type = request.accept_mimetypes.best_match(list(offered)) or next(iter(offered))
    body = serialize(result, offered[media_type])
    return Response(body, mimetype=media_type, headers={"Vary": "Accept"})


@blueprint.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    if request.method == "POST" and request.mimetype == "application/sparql-query":
        text = request.get_data(as_text=True)
    else:
        text = request.values.get("query")
    if not text:
        return error_response(400, "Bad Request", "give a SPARQL query in the 'query' parameter")
    if uses_service(text) and not current_app.config["ALLOW_SERVICE"]:
        return error_response(403, "Forbidden", "federated queries (SERVICE) are disabled here")
    return negotiated(get_store().query(text))


@blueprint.route("/queries")
def list_queries() -> Response:
    return jsonify(
        [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "parameters": [vars(p) for p in q.parameters],
            }
            for q in named_queries.all_queries()
        ]
    )


@blueprint.route("/queries/<name>")
def run_named_query(name: str) -> Response:
    named = named_queries.load(name)
    given = {k: v for k, v in request.args.items() if k != "format"}
    return negotiated(get_store().query(named.text, named.bindings(given)))
