"""The JSON that the server answers, as JSON Schemas (draft 2020-12, the dialect of OpenAPI
3.1), and the response headers it sets: the parts of /openapi.json that say what comes back.

The schemas are closed (``additionalProperties: false``) where mhkg writes the object itself,
so that a field added without being described fails the fuzzing test (tests/server/
test_fuzz_api.py, which validates every answer against them).
"""

from __future__ import annotations

from typing import Any

from mhkg.queries import PARAM_TYPES

Schema = dict[str, Any]

STRING: Schema = {"type": "string"}
TEXT: Schema = {"type": "string", "description": "Text in the media type named"}
STRINGS: Schema = {"type": "array", "items": STRING}


def closed(required: dict[str, Schema], **optional: Schema) -> Schema:
    """An object with these properties (all of `required` present) and no others."""
    return {
        "type": "object",
        "required": list(required),
        "properties": {**required, **optional},
        "additionalProperties": False,
    }


ERROR: Schema = closed(
    {
        "error": closed(
            {
                "status": {"type": "integer", "minimum": 400, "maximum": 599},
                "title": {"type": "string", "minLength": 1},
                "detail": STRING,
            }
        )
    }
)


def error_with_status(status: int) -> Schema:
    """The one error shape, saying the answer's own status."""
    return {
        "allOf": [
            {"$ref": "#/components/schemas/Error"},
            {"properties": {"error": {"properties": {"status": {"const": status}}}}},
        ]
    }


RDF_TERM: Schema = closed(
    {"type": {"enum": ["uri", "literal", "bnode"]}, "value": STRING},
    **{"xml:lang": STRING, "datatype": STRING},
)
SPARQL_RESULTS: Schema = {  # SPARQL 1.1 Query Results JSON Format, with mhkg's truncation note
    "type": "object",
    "required": ["head"],
    "properties": {
        "head": closed({}, vars=STRINGS, link=STRINGS),
        "results": closed(
            {"bindings": {"type": "array", "items": {"additionalProperties": RDF_TERM}}}
        ),
        "boolean": {"type": "boolean"},
        "truncated": {"const": True, "description": "The row limit cut the results"},
        "note": {"type": "string", "description": "Why, and how to page through the rest"},
    },
    "additionalProperties": False,
    "oneOf": [{"required": ["results"]}, {"required": ["boolean"]}],
}
JSON_LD: Schema = {
    "type": ["object", "array"],
    "description": "A JSON-LD 1.1 document (rdflib's serialisation: @context and @graph, or "
    "a list of nodes)",
}
NAMED_QUERIES: Schema = {
    "type": "array",
    "items": closed(
        {
            "name": STRING,
            "title": STRING,
            "description": STRING,
            "parameters": {
                "type": "array",
                "items": closed(
                    {"name": STRING, "type": {"enum": list(PARAM_TYPES)}}, **{"description": STRING}
                ),
            },
            "url": {"type": "string", "format": "uri"},
        }
    ),
}
PLACES = ("dataset", "explore", "ontology", "openapi", "queries", "reconcile", "shapes", "sparql")
LANDING: Schema = closed({place: {"type": "string", "format": "uri"} for place in PLACES})
OPENAPI: Schema = {
    "type": "object",
    "required": ["openapi", "info", "paths"],
    "properties": {"openapi": {"type": "string", "pattern": "^3\\.1\\."}},
}

HEADERS: dict[str, Schema] = {
    "MHKG-Truncated": {
        "description": "true when the row limit cut the results (the body says so too, "
        "where its format has room for a note)",
        "schema": {"type": "string", "enum": ["true"]},
    },
    "MHKG-Row-Limit": {
        "description": "The row limit that cut the results",
        "schema": {"type": "integer", "minimum": 1},
    },
    "Retry-After": {
        "description": "Seconds after which the client may try again",
        "schema": {"type": "integer", "minimum": 0},
    },
    "Allow": {"description": "The methods the resource allows", "schema": STRING},
    "Location": {"description": "Where to go", "required": True, "schema": STRING},
    "Link": {
        "description": 'The same document in each format: <url>; rel="alternate"; type="..."',
        "schema": STRING,
    },
    "Content-Location": {"description": "The URL of the format chosen", "schema": STRING},
    "ETag": {"description": "Changes when the data changes", "schema": STRING},
    "Last-Modified": {"description": "When the data last changed", "schema": STRING},
    "Content-Disposition": {"description": "A file name to save the answer as", "schema": STRING},
}


def headers(*names: str) -> dict[str, Schema]:
    return {name: {"$ref": f"#/components/headers/{name}"} for name in names}
