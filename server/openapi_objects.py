"""Builders of the OpenAPI objects that /openapi.json is made of (operations, responses,
parameters) and the error responses every operation shares, in components."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from werkzeug.http import HTTP_STATUS_CODES

from mhkg.server.negotiation import FORMAT_NAMES, HTML, RDF_TYPES
from mhkg.server.openapi_schemas import (
    ERROR,
    HEADERS,
    JSON_LD,
    SPARQL_RESULTS,
    STRING,
    TEXT,
    Schema,
    error_with_status,
    headers,
)

# What each error status means here; every error is the one JSON error shape (or an HTML
# page, for a client that prefers HTML).
ERRORS = {
    400: "The request is malformed: a query that does not parse, a parameter that is "
    "missing, unknown or out of range, a format that is not offered here",
    401: "A write without a valid write token (WWW-Authenticate: Bearer)",
    403: "Refused by this server's policy: a write while writes are off, a graph mhkg keeps "
    "itself, LOAD or SERVICE while disabled",
    404: "There is no such resource",
    405: "The resource does not allow this method (Allow lists those it does)",
    406: "None of the media types that Accept allows is offered here",
    413: "The body, the query or the batch is larger than this server accepts",
    414: "The URL is longer than this server accepts",
    415: "The body's media type is not one that this operation reads",
    422: "The write would leave a graph that does not conform to the shapes: nothing was "
    "written; the body holds the SHACL report (JSON, or RDF by Accept)",
    500: "A bug in mhkg (said without a traceback; the server's log has it)",
    503: "The query ran out of time, or no query worker became free in time",
}
ALWAYS = (414, 500)  # any request may be too long, any code may have a bug
NEGOTIATED = (400, 406)  # `format` not offered here, or Accept allows nothing offered
QUERYING = (503,)  # runs in a query worker, within the timeout

RDF = [*RDF_TYPES]
DOCUMENT = [
    "text/turtle",
    HTML,
    "application/ld+json",
    "application/rdf+xml",
    "application/n-triples",
]
DUMP = ["text/turtle", "application/trig", "application/n-quads", "application/ld+json"]
JSON_SCHEMAS: dict[str, Schema] = {
    "application/json": {"type": ["object", "array"]},
    "application/sparql-results+json": SPARQL_RESULTS,
    "application/ld+json": JSON_LD,
}


def error_name(status: int) -> str:
    """The name of an error response in components, e.g. NotFound."""
    return HTTP_STATUS_CODES[status].replace(" ", "").replace("-", "")


def content(types: Sequence[str] | Mapping[str, Schema]) -> dict[str, Any]:
    """Media types → their schema: the one given, the JSON Schema of a JSON format, or text."""
    given = types if isinstance(types, Mapping) else {}
    return {t: {"schema": given.get(t) or JSON_SCHEMAS.get(t, TEXT)} for t in types}


def answer(
    description: str,
    types: Sequence[str] | Mapping[str, Schema] = (),
    header_names: Iterable[str] = (),
) -> dict[str, Any]:
    """A response object: its media types (none for an empty body) and headers."""
    response: dict[str, Any] = {"description": description}
    if types:
        response["content"] = content(types)
    if names := tuple(header_names):
        response["headers"] = headers(*names)
    return response


def operation(
    summary: str,
    answers: Mapping[str, dict[str, Any]],
    *params: dict,
    errors: Iterable[int] = (),
    **extra: Any,
) -> dict[str, Any]:
    """An operation whose successful answers are `answers` (status → `answer(...)`) and whose
    errors are `errors` and those any request may get (ALWAYS)."""
    responses: dict[str, Any] = dict(answers)
    for status in sorted({*errors, *ALWAYS}):
        responses[str(status)] = {"$ref": f"#/components/responses/{error_name(status)}"}
    return {"summary": summary, "parameters": list(params), "responses": responses, **extra}


def ok(summary: str, types: Sequence[str] | Mapping[str, Schema], *names: str) -> dict:
    """{"200": ...}: the usual success."""
    return {"200": answer(summary, types, names)}


def merged_slashes() -> dict:
    """{"308": ...}: a path parameter that begins with '/' makes '//', which the router
    merges, redirecting to the URL with one '/'."""
    return {"308": answer("The same URL with the repeated '/' merged", [HTML], ["Location"])}


def see_other(summary: str) -> dict:
    return {"303": answer(summary, (), ["Location"])}


def parameter(
    name: str, where: str = "query", description: str = "", *, required: bool | None = None,
    examples: Sequence[Any] = (), **schema: Any,
) -> dict:  # fmt: skip
    """A parameter; a string unless `schema` says otherwise (type=..., enum=...). Its
    `examples` are values that work on any mhkg store (schemathesis sends them too)."""
    described = {
        "name": name,
        "in": where,
        "required": where == "path" if required is None else required,
        "description": description,
        "schema": {"type": "string", **schema},
    }
    if examples:
        described["examples"] = {f"example-{i}": {"value": v} for i, v in enumerate(examples)}
    return described


def repeatable(name: str, description: str, items: Schema | None = None) -> dict:
    """A query parameter given once per value (country=GIN&country=BLR)."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "array", "items": items or STRING},
        "style": "form",
        "explode": True,
    }


def format_parameter(offers: Iterable[str]) -> dict:
    """`format`, naming the media types this operation offers (it overrides Accept)."""
    offered = set(offers)
    names = sorted(n for n, types in FORMAT_NAMES.items() if offered & set(types))
    return parameter("format", description="Overrides Accept", enum=names)


def components() -> dict[str, Any]:
    """The error shape, one error response per status (JSON or HTML, saying that status)
    and the headers that responses name."""
    responses = {}
    for status, meaning in ERRORS.items():
        response = answer(
            meaning,
            {"application/json": error_with_status(status), HTML: TEXT},
            {405: ["Allow"], 503: ["Retry-After"]}.get(status, ()),
        )
        responses[error_name(status)] = response
    return {"schemas": {"Error": ERROR}, "responses": responses, "headers": HEADERS}
