"""Query results as HTTP responses, in the negotiated type, saying when they were cut."""

from __future__ import annotations

import json

from flask import Response, current_app
from rdflib import Graph

from mhkg.results import QueryResult, serialize
from mhkg.server.negotiation import RDF_TYPES, SOLUTION_TYPES

# A graph with no named graphs is valid TriG as Turtle, and valid N-Quads as N-Triples.
_SAME_AS = {"trig": "turtle", "nquads": "nt"}


def serialize_as(result: QueryResult, media_type: str) -> str:
    fmt = SOLUTION_TYPES.get(media_type) or RDF_TYPES[media_type]
    return serialize(result, _SAME_AS.get(fmt, fmt))


def truncation_note(by_size: bool = False) -> str:
    if by_size:
        cap = current_app.config["MAX_ANSWER_BYTES"]
        return (
            f"truncated: the results stop before their values pass {cap:,} characters (this "
            "server's size limit); select fewer or shorter values, or page with LIMIT/OFFSET"
        )
    cap = current_app.config["MAX_ROWS"]
    return (
        f"truncated: only the first {cap:,} results are given (this server's row limit); "
        "add LIMIT/OFFSET to page through the rest"
    )


def with_note(body: str, media_type: str, note: str) -> str:
    """The body with a note where its format has room for one (CSV, TSV, JSON-LD and
    RDF/XML have none: the MHKG-Truncated header says it)."""
    if media_type == "application/sparql-results+json" and body.startswith("{"):
        return "{" + f'"truncated": true, "note": {json.dumps(note)}, ' + body[1:]
    if media_type == "application/sparql-results+xml":
        declaration, root, rest = body.split("\n", 2)  # as mhkg.results.to_xml writes it
        return f"{declaration}\n{root}\n  <!-- {note.replace('--', '- -')} -->\n{rest}"
    if media_type in (
        "text/turtle",
        "application/trig",
        "application/n-triples",
        "application/n-quads",
    ):
        return f"# {note}\n{body}"
    return body


def results_response(result: QueryResult, truncated: bool, media_type: str) -> Response:
    """The result serialised as `media_type`; MHKG-Truncated: true when the row cap or the
    size cap cut it."""
    body = serialize_as(result, media_type)
    headers = {"Vary": "Accept"}
    if truncated:
        headers["MHKG-Truncated"] = "true"
        headers["MHKG-Row-Limit"] = str(current_app.config["MAX_ROWS"])
        body = with_note(body, media_type, truncation_note(by_size=result.truncated))
    return Response(body, mimetype=media_type, headers=headers)


def graph_response(
    graph: Graph, media_type: str, headers: dict[str, str] | None = None
) -> Response:
    """An rdflib graph serialised as the negotiated RDF type."""
    body = serialize_as(QueryResult(form="CONSTRUCT", graph=graph), media_type)
    return Response(body, mimetype=media_type, headers={"Vary": "Accept", **(headers or {})})
