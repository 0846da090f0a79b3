"""/openapi.json: an OpenAPI 3.1 description of every route (a test checks none is missing)
and of every answer: each status an operation can give, its media types, the JSON Schema of
JSON bodies and the headers that carry meaning. tests/server/test_fuzz_api.py holds the
server to it with schemathesis.

Other blueprints add their own paths with `add_paths(app, {...})` in their init_app.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from mhkg import __version__
from mhkg.server.negotiation import HTML
from mhkg.server.openapi_objects import (
    DOCUMENT,
    DUMP,
    NEGOTIATED,
    answer,
    components,
    format_parameter,
    merged_slashes,
    ok,
    operation,
    parameter,
    see_other,
)
from mhkg.server.openapi_queries import named_query_paths, sparql_paths
from mhkg.server.openapi_schemas import LANDING, OPENAPI, TEXT

blueprint = Blueprint("openapi", __name__)

LOCATED = ("Link", "Content-Location")
CONDITIONAL = ("ETag", "Last-Modified")
NOT_MODIFIED = {"304": answer("The client's copy is current (If-None-Match)", (), CONDITIONAL)}
SUFFIX = parameter("suffix", "path", "The format", enum=["ttl", "rdf", "jsonld", "nt", "html"])
REST = parameter(
    "rest",
    "path",
    "The rest of the IRI's path, optionally with .ttl, .jsonld, .rdf, .nt or .html",
    examples=["country/GIN", "country/GIN.ttl", "sdg/3.jsonld"],
)
GRAPH = parameter(
    "rest",
    "path",
    "The rest of the graph's IRI, optionally with .ttl, .jsonld, .rdf, .nt or .html",
    examples=["ontology", "ontology.nt"],
)


def paths() -> dict[str, Any]:
    def document(summary: str, *params: dict) -> dict:
        return {
            "get": operation(summary, ok(summary, DOCUMENT, *LOCATED), *params, errors=NEGOTIATED)
        }

    def suffixed(summary: str) -> dict:
        return {"get": operation(summary, ok(summary, DOCUMENT, "Link"), SUFFIX, errors=(404,))}

    resource = {**ok("The document: HTML or RDF", DOCUMENT, *LOCATED), **merged_slashes()}
    return {
        "/": {
            "get": operation(
                "Landing page (HTML), or the main URLs (JSON)",
                ok("The landing page", {HTML: TEXT, "application/json": LANDING}),
                format_parameter([HTML, "application/json"]),
                errors=NEGOTIATED,
            )
        },
        **sparql_paths(),
        **named_query_paths(),
        "/id/{rest}": {
            "get": operation(
                "An entity IRI: 303 See Other to its document",
                {**see_other("The entity's document, /doc/..."), **merged_slashes()},
                REST,
                errors=(404,),
            )
        },
        "/doc/{rest}": {
            "get": operation(
                "The document about an entity (HTML or RDF)",
                resource,
                REST,
                format_parameter(DOCUMENT),
                errors=(*NEGOTIATED, 404),
            )
        },
        "/graph/{rest}": {
            "get": operation(
                "A named graph's triples",
                {**ok("The graph: HTML or RDF", DOCUMENT, *LOCATED), **merged_slashes()},
                GRAPH,
                format_parameter(DOCUMENT),
                errors=(*NEGOTIATED, 404),
            )
        },
        "/ontology": document("The ontology: documentation or RDF", format_parameter(DOCUMENT)),
        "/ontology.{suffix}": suffixed("The ontology in one format"),
        "/shapes": document("The SHACL shapes: documentation or RDF", format_parameter(DOCUMENT)),
        "/shapes.{suffix}": suffixed("The shapes in one format"),
        "/dataset": {
            "get": operation(
                "VoID and DCAT description of the dataset",
                {**ok("The description", DOCUMENT, *CONDITIONAL), **NOT_MODIFIED},
                format_parameter(DOCUMENT),
                errors=NEGOTIATED,
            )
        },
        "/.well-known/void": {
            "get": operation("303 to /dataset", see_other("The dataset's description"))
        },
        "/dataset/dump.{ext}": {
            "get": operation(
                "The whole dataset (ETag, Last-Modified; gzip when accepted)",
                {
                    **ok("The dataset", DUMP, *CONDITIONAL, "Content-Disposition"),
                    **NOT_MODIFIED,
                },
                parameter("ext", "path", "The format", enum=["ttl", "trig", "nq", "jsonld"]),
                errors=(404,),
            )
        },
        "/openapi.json": {
            "get": operation("This description", ok("OpenAPI 3.1", {"application/json": OPENAPI}))
        },
    }


def add_paths(app: Flask, extra: dict[str, Any]) -> None:
    """Let another blueprint describe its routes."""
    app.extensions.setdefault("mhkg.openapi-paths", {}).update(extra)


def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "mhkg: the migration-health knowledge graph",
            "version": __version__,
            "description": "Linked data, SPARQL 1.1 Protocol, named queries, exploration and "
            "reconciliation over IOM migration-and-health projects. Read-only by default. "
            'Every error is {"error": {"status", "title", "detail"}} (an HTML page for '
            "a client that prefers HTML); a method a path does not list answers 405 with "
            "Allow; reads may be made from any origin (CORS).",
        },
        # the configured public URL, path prefix included (never the Host header: public_url)
        "servers": [{"url": request.url_root.rstrip("/")}],
        "paths": {**paths(), **current_app.extensions.get("mhkg.openapi-paths", {})},
        "components": components(),
    }


@blueprint.route("/openapi.json")
def description() -> Response:
    return jsonify(document())
