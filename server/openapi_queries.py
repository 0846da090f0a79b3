"""The OpenAPI description of the SPARQL endpoint (/sparql) and of the named queries
(/queries, /queries/{name}, and each named query with its own parameters)."""

from __future__ import annotations

from typing import Any

from mhkg import queries as named_queries
from mhkg.server.negotiation import HTML, SOLUTION_TYPES
from mhkg.server.openapi_objects import (
    NEGOTIATED,
    QUERYING,
    RDF,
    answer,
    format_parameter,
    merged_slashes,
    ok,
    operation,
    parameter,
)
from mhkg.server.openapi_schemas import NAMED_QUERIES, TEXT

QUERY_PARAMS = (
    parameter(
        "query",
        description="A SPARQL 1.1 query",
        examples=[
            "SELECT ?class (COUNT(*) AS ?n) WHERE { ?s a ?class } GROUP BY ?class",
            "ASK { ?s a <https://w3id.org/mhkg/ontology#Country> }",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 20",
        ],
    ),
    parameter(
        "default-graph-uri",
        description="A graph of the default graph (repeatable); an absolute IRI",
    ),
    parameter("named-graph-uri", description="A named graph of the dataset (repeatable)"),
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
                    "format": {"type": "string"},
                },
            },
            "example": {"query": "SELECT * WHERE { ?s a ?class } LIMIT 5", "format": "json"},
        },
        "application/sparql-query": {
            "schema": {"type": "string"},
            "example": "ASK { ?s a <https://w3id.org/mhkg/ontology#Country> }",
        },
        "application/sparql-update": {"schema": {"type": "string"}},
    }
}
RESULTS = [*SOLUTION_TYPES, *RDF, HTML]
TRUNCATION = ("MHKG-Truncated", "MHKG-Row-Limit")


def sparql_paths() -> dict[str, Any]:
    query_answers = {
        "200": answer(
            "The results (SELECT, ASK: SPARQL results; CONSTRUCT, DESCRIBE: RDF); for a "
            "browser, the query editor; with no query, the SPARQL Service Description",
            RESULTS,
            TRUNCATION,
        )
    }
    return {
        "/sparql": {
            "get": operation(
                "SPARQL 1.1 Protocol query; without a query: the query editor (HTML) "
                "or the SPARQL Service Description (RDF)",
                query_answers,
                *QUERY_PARAMS,
                format_parameter(RESULTS),
                errors=(*NEGOTIATED, 403, 413, *QUERYING),
            ),
            "post": operation(
                "SPARQL query (form or application/sparql-query); update only when enabled",
                {**query_answers, "204": answer("The update was applied")},
                *QUERY_PARAMS[1:],
                format_parameter(RESULTS),
                requestBody=QUERY_BODY,
                errors=(*NEGOTIATED, 403, 413, 415, *QUERYING),
            ),
            "options": operation(
                "CORS preflight",
                ok("The methods and headers allowed (an empty body)", [HTML]),
            ),
        },
    }


PARAMETER_SCHEMAS = {  # a named query's parameter types (mhkg.queries.TYPE_NAMES)
    "iri": {"format": "iri"},
    "string": {},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "year": {"type": "integer"},
}


PAGING_PARAMS = (
    parameter(
        "limit",
        description="At most this many rows (no more than the server's row limit), in a "
        "stable total order; without it, the whole list up to the row limit. Not a "
        "non-negative integer: 400",
        type="integer",
        minimum=0,
        maximum=named_queries.MAX_COUNT,
        examples=[10],
    ),
    parameter(
        "offset",
        description="Skip this many rows of that order first (with no limit: a page of the "
        "server's row limit). Not a non-negative integer: 400",
        type="integer",
        minimum=0,
        maximum=named_queries.MAX_COUNT,
        examples=[0, 10],
    ),
)


def named_query_paths() -> dict[str, Any]:
    """/queries, /queries/{name}, and each named query with its own parameters."""
    types = [*SOLUTION_TYPES, HTML]
    run = ok("The query's results, or (HTML) a table with the query", types, *TRUNCATION)
    paths = {
        "/queries": {
            "get": operation(
                "The named queries: name, title, description, parameters",
                ok("The named queries", {"application/json": NAMED_QUERIES, HTML: TEXT}),
                format_parameter(["application/json", HTML]),
                errors=NEGOTIATED,
            )
        },
        "/queries/{name}": {
            "get": operation(
                "Run a named query; its parameters, and a page (limit, offset), from the "
                "query string",
                {**run, **merged_slashes()},
                parameter("name", "path"),
                *PAGING_PARAMS,
                format_parameter(types),
                errors=(*NEGOTIATED, 404, *QUERYING),
            )
        },
    }
    for named in named_queries.all_queries():
        params = [
            parameter(p.name, description=p.description, **PARAMETER_SCHEMAS[p.type])
            for p in named.parameters
        ]
        paths[f"/queries/{named.name}"] = {
            "get": operation(
                named.title,
                run,
                *params,
                *PAGING_PARAMS,
                format_parameter(types),
                errors=(*NEGOTIATED, *QUERYING),
                description=named.description,
            )
        }
    return paths
