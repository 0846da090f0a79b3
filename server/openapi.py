"""/openapi.json: an OpenAPI 3.1 description of every route (a test checks none is missing).

Other blueprints add their own paths with `add_paths(app, {...})` in their init_app.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from mhkg import __version__
from mhkg.server.negotiation import HTML, RDF_TYPES, SOLUTION_TYPES

blueprint = Blueprint("openapi", __name__)

ERROR = {"$ref": "#/components/responses/Error"}
RDF = [*RDF_TYPES]
DOCUMENT = [
    "text/turtle",
    HTML,
    "application/ld+json",
    "application/rdf+xml",
    "application/n-triples",
]


def content(types: list[str]) -> dict[str, Any]:
    return {t: {"schema": {"type": "string"}} for t in types}


def operation(summary: str, types: list[str], *params: dict, status: str = "200", **extra) -> dict:
    responses = {
        status: {"description": summary, "content": content(types)}
        if types
        else {"description": summary}
    }
    responses.update({"400": ERROR, "404": ERROR, "406": ERROR, "500": ERROR})
    return {"summary": summary, "parameters": list(params), "responses": responses, **extra}


def parameter(name: str, where: str = "query", description: str = "", **schema) -> dict:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": {"type": "string", **schema},
    }


FORMAT = parameter(
    "format",
    description="Overrides Accept: json, xml, csv, tsv, turtle, jsonld, "
    "nt, trig, nquads, html (those offered by the resource)",
)
QUERY_PARAMS = (
    parameter("query", description="A SPARQL 1.1 query"),
    parameter("default-graph-uri", description="A graph of the default graph (repeatable)"),
    parameter("named-graph-uri", description="A named graph of the dataset (repeatable)"),
    FORMAT,
)
QUERY_BODY = {
    "content": {
        "application/x-www-form-urlencoded": {
            "schema": {
                "type": "object",
                "properties": {
                    "query": {"type": "string"},
                    "update": {"type": "string"},
                    "default-graph-uri": {"type": "string"},
                    "named-graph-uri": {"type": "string"},
                },
            }
        },
        "application/sparql-query": {"schema": {"type": "string"}},
        "application/sparql-update": {"schema": {"type": "string"}},
    }
}
RESULTS = [*SOLUTION_TYPES, *RDF, HTML]
SUFFIX = parameter(
    "suffix", "path", "ttl, rdf, jsonld, nt or html", enum=["ttl", "rdf", "jsonld", "nt", "html"]
)


def paths() -> dict[str, Any]:
    rest = parameter(
        "rest",
        "path",
        "The rest of the IRI's path, optionally with .ttl, .jsonld, .rdf, .nt or .html",
    )
    return {
        "/": {
            "get": operation(
                "Landing page (HTML), or the main URLs (JSON)", [HTML, "application/json"]
            )
        },
        "/sparql": {
            "get": operation(
                "SPARQL 1.1 Protocol query; without a query: the query editor (HTML) "
                "or the SPARQL Service Description (RDF)",
                RESULTS,
                *QUERY_PARAMS,
            ),
            "post": operation(
                "SPARQL query (form or application/sparql-query); update only when enabled",
                RESULTS,
                *QUERY_PARAMS[1:],
                requestBody=QUERY_BODY,
            ),
            "options": {"summary": "CORS preflight", "responses": {"200": {"description": "ok"}}},
        },
        "/queries": {
            "get": operation(
                "The named queries: name, title, description, parameters",
                ["application/json", HTML],
            )
        },
        "/queries/{name}": {
            "get": operation(
                "Run a named query; its parameters from the query string",
                [*SOLUTION_TYPES, HTML],
                parameter("name", "path"),
                FORMAT,
            )
        },
        "/id/{rest}": {
            "get": operation("An entity IRI: 303 See Other to its document", [], rest, status="303")
        },
        "/doc/{rest}": {
            "get": operation("The document about an entity (HTML or RDF)", DOCUMENT, rest, FORMAT)
        },
        "/graph/{rest}": {"get": operation("A named graph's triples", DOCUMENT, rest, FORMAT)},
        "/ontology": {"get": operation("The ontology: documentation or RDF", DOCUMENT, FORMAT)},
        "/ontology.{suffix}": {"get": operation("The ontology in one format", DOCUMENT, SUFFIX)},
        "/shapes": {"get": operation("The SHACL shapes: documentation or RDF", DOCUMENT, FORMAT)},
        "/shapes.{suffix}": {"get": operation("The shapes in one format", DOCUMENT, SUFFIX)},
        "/dataset": {
            "get": operation("VoID and DCAT description of the dataset", DOCUMENT, FORMAT)
        },
        "/.well-known/void": {"get": operation("303 to /dataset", [], status="303")},
        "/dataset/dump.{ext}": {
            "get": operation(
                "The whole dataset (ETag, Last-Modified, gzip)",
                [*DUMP],
                parameter(
                    "ext", "path", "ttl, trig, nq or jsonld", enum=["ttl", "trig", "nq", "jsonld"]
                ),
            )
        },
        "/openapi.json": {"get": operation("This description", ["application/json"])},
    }


DUMP = ["text/turtle", "application/trig", "application/n-quads", "application/ld+json"]


def add_paths(app: Flask, extra: dict[str, Any]) -> None:
    """Let another blueprint describe its routes."""
    app.extensions.setdefault("mhkg.openapi-paths", {}).update(extra)


def document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "mhkg: the migration-health knowledge graph",
            "version": __version__,
            "description": "Linked data, SPARQL 1.1 Protocol and named queries over IOM "
            "migration-and-health projects. Read-only; every non-2xx answer is "
            '{"error": {"status", "title", "detail"}}.',
        },
        "servers": [{"url": request.host_url.rstrip("/")}],
        "paths": {**paths(), **current_app.extensions.get("mhkg.openapi-paths", {})},
        "components": {
            "responses": {
                "Error": {
                    "description": "An error, in the one JSON error shape",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "error": {
                                        "type": "object",
                                        "properties": {
                                            "status": {"type": "integer"},
                                            "title": {"type": "string"},
                                            "detail": {"type": "string"},
                                        },
                                    }
                                },
                            }
                        }
                    },
                }
            }
        },
    }


@blueprint.route("/openapi.json")
def description() -> Response:
    return jsonify(document())
