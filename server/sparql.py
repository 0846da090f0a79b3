"""/sparql: the SPARQL 1.1 Protocol (query, and update when enabled), the query editor for
browsers, and the SPARQL Service Description for RDF clients that send no query."""

from __future__ import annotations

import re

from flask import Blueprint, Response, render_template, request, url_for
from rdflib import URIRef
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from mhkg import queries as named_queries
from mhkg.server import safety
from mhkg.server.negotiation import HTML, RDF_TYPES, SOLUTION_TYPES, best_match, negotiate
from mhkg.server.responses import graph_response, results_response
from mhkg.server.service_description import service_description
from mhkg.server.store import get_store, run_client_query, store_changed
from mhkg.store.base import QueryDataset
from mhkg.vocab import PREFIXES

blueprint = Blueprint("sparql", __name__)

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_ABSOLUTE_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response | str:
    operation, text = _operation()
    if operation is None:
        return _without_query()
    if not text or not text.strip():
        raise BadRequest(f"the '{operation}' parameter is empty")
    if operation == "update":
        return _update(text)
    if request.method == "GET" and _prefers_html():
        return editor_page()  # a shared link to the editor: the page reads the query itself
    safety.check_query(text)
    result, truncated = run_client_query(text, dataset=requested_dataset())
    offers = list(RDF_TYPES if result.form == "CONSTRUCT" else SOLUTION_TYPES)
    return results_response(result, truncated, negotiate(offers))


def _operation() -> tuple[str | None, str | None]:
    """('query' or 'update', its text), or (None, None) when the request carries neither."""
    if request.method == "GET":
        if "update" in request.args:
            raise BadRequest("SPARQL Update is sent by POST, never by GET")
        return ("query", request.args["query"]) if "query" in request.args else (None, None)
    if request.mimetype == "application/sparql-query":
        return "query", request.get_data(as_text=True)
    if request.mimetype == "application/sparql-update":
        return "update", request.get_data(as_text=True)
    if request.mimetype not in FORM_TYPES:
        raise UnsupportedMediaType(
            "POST a query as application/x-www-form-urlencoded (query=...) or as "
            "application/sparql-query; an update as update=... or application/sparql-update"
        )
    if "query" in request.form and "update" in request.form:
        raise BadRequest("send either 'query' or 'update', not both")
    for operation in ("update", "query"):
        if operation in request.form:
            return operation, request.form[operation]
    return None, None


def _prefers_html() -> bool:
    if "format" in request.args:
        return request.args["format"] == "html"
    offers = [*SOLUTION_TYPES, *RDF_TYPES, HTML]
    return best_match(request.headers.get("Accept"), offers) == HTML


def _without_query() -> Response | str:
    """GET without a query: the editor for browsers, else the service description."""
    offers = [*RDF_TYPES, HTML]
    if request.method == "GET" and best_match(request.headers.get("Accept"), offers):
        media_type = negotiate(offers)
        if media_type == HTML:
            return editor_page()
        return graph_response(service_description(), media_type)
    raise BadRequest("give a SPARQL query in the 'query' parameter (or POST it)")


def editor_page() -> str:
    examples = [
        {"name": q.name, "title": q.title, "description": q.description, "query": q.text}
        for q in named_queries.all_queries()
    ]
    return render_template(
        "sparql.html",
        endpoint=url_for("sparql.endpoint", _external=True),
        prefixes=dict(PREFIXES),
        examples=examples,
        page_title="SPARQL query editor",
    )


def requested_dataset() -> QueryDataset | None:
    """The dataset that default-graph-uri / named-graph-uri name, if they name one."""
    defaults = request.values.getlist("default-graph-uri")
    named = request.values.getlist("named-graph-uri")
    if not defaults and not named:
        return None
    for iri in defaults + named:
        if not _ABSOLUTE_IRI.match(iri):
            raise BadRequest(f"{iri!r} is not an absolute IRI (default-graph-uri/named-graph-uri)")
    return QueryDataset(tuple(URIRef(g) for g in defaults), tuple(URIRef(g) for g in named))


def _update(text: str) -> Response:
    safety.check_update(text)
    get_store().update(text)
    store_changed()
    return Response(status=204)
