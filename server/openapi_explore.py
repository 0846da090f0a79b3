"""The OpenAPI description of exploration (/explore/...) and reconciliation (/reconcile),
with the JSON Schema of each answer."""

from __future__ import annotations

from typing import Any

from mhkg.explore.exports import FORMATS
from mhkg.explore.graph import ROLES, TYPES
from mhkg.explore.neighbourhood import DEFAULT_LIMIT, MAX_DEPTH
from mhkg.explore.paths import MAX_K, MAX_LENGTH, THROUGH
from mhkg.server.negotiation import HTML
from mhkg.server.openapi_objects import QUERYING, ok, operation, parameter, repeatable, see_other
from mhkg.server.openapi_schemas import STRING, STRINGS, TEXT, Schema, closed

ENTITY = "an entity's IRI, or its name (label, acronym or other name)"
MAX_NEIGHBOURS = 5000  # as mhkg.server.explore.neighbours reads `limit`


def number(name: str, low: int, high: int, description: str = "") -> dict:
    return parameter(name, description=description, type="integer", minimum=low, maximum=high)


FILTERS = (
    repeatable("country", "ISO 3166-1 alpha-3 codes"),
    repeatable("sdg", "SDG numbers, 1-17"),
    repeatable("kind", "Organisation kinds, e.g. Ministry"),
    repeatable("role", f"Roles in projects: {', '.join(ROLES)}"),
)
ENTITY_FIELDS: dict[str, Schema] = {
    "iri": STRING,
    "label": STRING,
    "type": {"enum": list(TYPES)},
    "kind": STRING,
    "href": {"type": "string", "description": "Where this server shows the entity"},
}
ENTITY_JSON = closed(ENTITY_FIELDS)
EDGE = closed(
    {
        "from": STRING,
        "to": STRING,
        "property": STRING,
        "label": STRING,
        "role": {"type": ["string", "null"]},
    }
)
APPLIED_FILTERS = closed(
    {
        "country": STRINGS,
        "sdg": {"type": "array", "items": {"type": "integer"}},
        "kind": STRINGS,
        "role": {"type": "array", "items": {"enum": list(ROLES)}},
    }
)
SEARCH = closed(
    {
        "query": STRING,
        "results": {
            "type": "array",
            "items": closed({**ENTITY_FIELDS, "score": {"type": "number", "minimum": 0}}),
        },
    }
)
NEIGHBOURHOOD = closed(
    {
        "focus": ENTITY_JSON,
        "nodes": {
            "type": "array",
            "items": closed({**ENTITY_FIELDS, "depth": {"type": "integer", "minimum": 0}}),
        },
        "edges": {"type": "array", "items": EDGE},
        "truncated": {"type": "boolean"},
        "filters": APPLIED_FILTERS,
        "sparql": STRING,
    }
)
PATH = closed(
    {
        "nodes": {"type": "array", "items": ENTITY_JSON},
        "edges": {"type": "array", "items": EDGE},
        "sentence": STRING,
        "length": {"type": "integer", "minimum": 0},  # 0: from an entity to itself
        "sparql": STRING,
    }
)
PATHS = closed(
    {
        "from": ENTITY_JSON,
        "to": ENTITY_JSON,
        "paths": {"type": "array", "items": PATH},
        "through": {"type": "array", "items": {"enum": list(TYPES)}},
        "filters": APPLIED_FILTERS,
        "sparql": STRING,
    }
)
NETWORK = closed(
    {
        "nodes": {
            "type": "array",
            "items": closed(
                {
                    **ENTITY_FIELDS,
                    "iso3": {"type": ["string", "null"]},
                    "countries": STRINGS,
                    "projects": {"type": "integer", "minimum": 1},
                    "regions": STRINGS,
                    "degree": {"type": "integer", "minimum": 0},
                    "strength": {"type": "integer", "minimum": 0},
                    "betweenness": {"type": "number", "minimum": 0},
                }
            ),
        },
        "edges": {
            "type": "array",
            "items": closed(
                {
                    "from": STRING,
                    "to": STRING,
                    "weight": {"type": "integer", "minimum": 1},
                    "projects": STRINGS,
                }
            ),
        },
        "betweennessSampledSources": {"type": ["integer", "null"]},
        "filters": APPLIED_FILTERS,
        "sparql": STRING,
    }
)


def paths() -> dict[str, Any]:
    from mhkg.server.explore import MAX_SEARCH  # loaded: its init_app calls this

    def explore(summary: str, schema: Schema, *params: dict, errors=(400,)) -> dict:
        answers = ok(summary, {"application/json": schema})
        return {"get": operation(summary, answers, *params, errors=(*errors, *QUERYING))}

    def entity(name: str, example: str) -> dict:
        return parameter(name, description=ENTITY, required=True, examples=[example], minLength=1)

    network_types = list(FORMATS.values())
    return {
        "/explore": {
            "get": operation(
                "The exploration page: search, neighbourhoods, paths, network",
                ok("The page", [HTML]),
                parameter("entity", description="Open the page on this entity (IRI)"),
                errors=QUERYING,
            )
        },
        "/explore/search": explore(
            "Entities by name, best first",
            SEARCH,
            parameter(
                "q",
                description="A name or the start of one",
                required=True,
                examples=["Guin"],
                minLength=1,
            ),
            parameter("type", description=f"Only these types: {', '.join(TYPES)}"),
            number("limit", 1, MAX_SEARCH, "At most this many (default 10)"),
        ),
        "/explore/neighbours": explore(
            "The neighbourhood of an entity: nodes (with depth), edges, the SPARQL behind it",
            NEIGHBOURHOOD,
            entity("entity", "GIN"),
            number("depth", 0, MAX_DEPTH, "Relations away (default 1)"),
            number("limit", 1, MAX_NEIGHBOURS, f"At most this many (default {DEFAULT_LIMIT})"),
            *FILTERS,
            errors=(400, 404),
        ),
        "/explore/paths": explore(
            "The k shortest paths between two entities, each told as a sentence",
            PATHS,
            entity("from", "GIN"),
            entity("to", "BLR"),
            number("k", 1, MAX_K, "How many paths (default 3)"),
            parameter(
                "through",
                description="Types the entities between the ends may have "
                f"(default {', '.join(THROUGH)})",
            ),
            number("max_length", 1, MAX_LENGTH, "Longest path, in relations"),
            *FILTERS,
            errors=(400, 404),
        ),
        "/explore/network": {
            "get": operation(
                "The co-participation network of organisations (weight: shared projects) "
                "with degree, strength and betweenness centrality, and the SPARQL giving "
                "its edges",
                ok(
                    "The network",
                    {t: NETWORK if t == "application/json" else TEXT for t in network_types},
                    "Content-Disposition",
                ),
                parameter("format", description="Overrides Accept", enum=list(FORMATS)),
                *FILTERS,
                errors=(400, 406, *QUERYING),
            )
        },
    }


TYPE = closed({"id": STRING, "name": STRING})
CANDIDATE = closed(
    {
        "id": STRING,
        "name": STRING,
        "type": {"type": "array", "items": TYPE},
        "score": {"type": "number", "minimum": 0, "maximum": 100},
        "match": {"type": "boolean"},
        "description": STRING,
    }
)
ANSWER = closed({"result": {"type": "array", "items": CANDIDATE}}, error=STRING)
SERVICE = closed(
    {
        "versions": STRINGS,
        "name": STRING,
        "identifierSpace": STRING,
        "schemaSpace": STRING,
        "defaultTypes": {"type": "array", "items": TYPE},
        "view": closed({"url": STRING}),
        "suggest": {"type": "object"},
        "batchSize": {"type": "integer", "minimum": 1},
    }
)
TYPES_FOUND = closed({"result": {"type": "array", "items": TYPE}})
SUGGESTIONS = closed(
    {
        "result": {
            "type": "array",
            "items": closed({"id": STRING, "name": STRING, "description": STRING}),
        }
    }
)


def reconcile_paths() -> dict[str, Any]:
    from mhkg.server.reconcile import MAX_QUERIES  # loaded: its init_app calls this

    batch = {"type": "object", "additionalProperties": ANSWER, "maxProperties": MAX_QUERIES}
    queries = parameter(
        "queries",
        description='A batch: {"q0": {"query": "...", "type": "Organisation", "limit": 5, '
        '"properties": [{"pid": "country", "v": "GIN"}]}}',
        examples=['{"q0": {"query": "Guinea", "type": "Country"}, "q1": {"query": "Health"}}'],
    )
    form = {
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {"type": "object", "properties": {"queries": {"type": "string"}}}
            }
        }
    }
    answers = ok(
        "The service manifest (no query), the answer to one query, or the answers to a "
        "batch (by the batch's keys)",
        {"application/json": {"anyOf": [SERVICE, ANSWER, batch]}},
    )
    errors = (400, 413, *QUERYING)
    return {
        "/reconcile": {
            "get": operation(
                "Reconciliation Service API 0.2: the manifest, or the candidates for a batch "
                "of queries (names of organisations, countries, projects → mhkg IRIs)",
                answers,
                queries,
                parameter("query", description="One query (version 0.1): a name or an object"),
                errors=errors,
            ),
            "post": operation(
                "A batch of reconciliation queries", answers, requestBody=form, errors=errors
            ),
        },
        "/reconcile/suggest/entity": {
            "get": operation(
                "Entity suggestions",
                ok("Up to 10 entities", {"application/json": SUGGESTIONS}),
                parameter("prefix", description="The start of a name"),
                parameter("type", description="A type or a kind"),
                errors=(400, *QUERYING),
            )
        },
        "/reconcile/suggest/type": {
            "get": operation(
                "Type suggestions",
                ok("The types whose name holds the prefix", {"application/json": TYPES_FOUND}),
                parameter("prefix"),
            )
        },
        "/reconcile/view": {
            "get": operation(
                "303 See Other to an entity's page",
                see_other("The entity's page"),
                parameter("id", description="The entity's IRI"),
                errors=(404, *QUERYING),
            )
        },
    }
