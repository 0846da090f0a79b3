"""The OpenAPI description of exploration (/explore/...) and reconciliation (/reconcile)."""

from __future__ import annotations

from typing import Any

from mhkg.explore.exports import FORMATS
from mhkg.explore.graph import ROLES, TYPES
from mhkg.explore.neighbourhood import MAX_DEPTH
from mhkg.explore.paths import MAX_K, MAX_LENGTH, THROUGH
from mhkg.server.negotiation import HTML
from mhkg.server.openapi import operation, parameter

JSON = ["application/json"]
ENTITY = "an entity's IRI, or its name (label, acronym or other name)"
FILTERS = (
    parameter("country", description="ISO 3166-1 alpha-3 codes (repeatable or comma-separated)"),
    parameter("sdg", description="SDG numbers, 1-17 (repeatable or comma-separated)"),
    parameter("kind", description="Organisation kinds, e.g. Ministry (repeatable)"),
    parameter("role", description=f"Roles in projects: {', '.join(ROLES)} (repeatable)"),
)


def paths() -> dict[str, Any]:
    return {
        "/explore": {
            "get": operation(
                "The exploration page: search, neighbourhoods, paths, network",
                [HTML],
                parameter("entity", description="Open the page on this entity (IRI)"),
            )
        },
        "/explore/search": {
            "get": operation(
                "Entities by name, best first: {results: [{iri, label, type, kind, href, score}]}",
                JSON,
                parameter("q", description="A name or the start of one"),
                parameter("type", description=f"Only these types: {', '.join(TYPES)}"),
                parameter("limit", description="At most this many (default 10)"),
            )
        },
        "/explore/neighbours": {
            "get": operation(
                "The neighbourhood of an entity: {focus, nodes (with depth), edges "
                "({from, to, property, label, role}), truncated, sparql}",
                JSON,
                parameter("entity", description=ENTITY),
                parameter("depth", description=f"Relations away, 0-{MAX_DEPTH} (default 1)"),
                parameter("limit", description="At most this many entities (default 250)"),
                *FILTERS,
            )
        },
        "/explore/paths": {
            "get": operation(
                "The k shortest paths between two entities: {from, to, paths: [{nodes, "
                "edges, sentence, length, sparql}], sparql}",
                JSON,
                parameter("from", description=ENTITY),
                parameter("to", description=ENTITY),
                parameter("k", description=f"How many paths, 1-{MAX_K} (default 3)"),
                parameter(
                    "through",
                    description="Types the entities between the ends may have "
                    f"(default {', '.join(THROUGH)})",
                ),
                parameter("max_length", description=f"Longest path, 1-{MAX_LENGTH} relations"),
                *FILTERS,
            )
        },
        "/explore/network": {
            "get": operation(
                "The co-participation network of organisations (weight: shared projects) "
                "with degree, strength and betweenness centrality, and the SPARQL giving "
                "its edges",
                list(FORMATS.values()),
                parameter("format", description="json, graphml, gexf or csv (else Accept)"),
                *FILTERS,
            )
        },
    }


def reconcile_paths() -> dict[str, Any]:
    queries = parameter(
        "queries",
        description='A batch: {"q0": {"query": "...", "type": "Organisation", "limit": 5, '
        '"properties": [{"pid": "country", "v": "GIN"}]}}',
    )
    form = {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {"type": "object", "properties": {"queries": {"type": "string"}}}
            }
        }
    }
    return {
        "/reconcile": {
            "get": operation(
                "Reconciliation Service API 0.2: the manifest, or the candidates for a batch "
                "of queries (names of organisations, countries, projects → mhkg IRIs)",
                JSON,
                queries,
                parameter("query", description="One query (version 0.1): a name or an object"),
            ),
            "post": operation("A batch of reconciliation queries", JSON, requestBody=form),
        },
        "/reconcile/suggest/entity": {
            "get": operation("Entity suggestions", JSON, parameter("prefix"), parameter("type"))
        },
        "/reconcile/suggest/type": {
            "get": operation("Type suggestions", JSON, parameter("prefix"))
        },
        "/reconcile/view": {
            "get": operation(
                "303 See Other to an entity's page",
                [],
                parameter("id", description="The entity's IRI"),
                status="303",
            )
        },
    }
