"""Safe by default: read-only, no fetching, bounded requests, CORS on what can be read.

Nothing a request sends can make the server fetch a URL or read a file: writes need a token
(see auth), LOAD in an update and federated queries (SERVICE) are refused unless the operator
enables them (ALLOW_LOAD, ALLOW_SERVICE); FROM and default-graph-uri only ever name graphs
already in the store. Queries longer than MAX_QUERY_LENGTH characters and bodies larger than
MAX_CONTENT_LENGTH bytes are refused with 413.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, request
from werkzeug.exceptions import BadRequest, Forbidden, HTTPException, RequestEntityTooLarge

from mhkg.server import auth
from mhkg.sparql_lexer import check_shape, shape_of

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Content-Location, ETag, Last-Modified, Link, "
    "MHKG-Truncated, MHKG-Row-Limit",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, Accept-Encoding, If-None-Match",
    "Access-Control-Max-Age": "86400",
}


def uses_service(text: str) -> bool:
    """Whether a query or update asks for federation (SERVICE), which makes the server fetch
    a URL: a SERVICE keyword token (raises QueryError when the text is not SPARQL tokens)."""
    return shape_of(text).uses("SERVICE")


def uses_load(text: str) -> bool:
    """Whether an update LOADs a document, which makes the server fetch a URL."""
    return shape_of(text).uses("LOAD")


def is_update(text: str) -> bool:
    """Whether the text is a SPARQL Update rather than a query (its first keyword after the
    prologue)."""
    return shape_of(text).is_update


def check_length(text: str) -> None:
    limit = current_app.config["MAX_QUERY_LENGTH"]
    if limit and len(text) > limit:
        raise RequestEntityTooLarge(
            f"the query is {len(text):,} characters long; this server accepts at most {limit:,}"
        )


def check_query(text: str) -> None:
    """Refuse what a query operation may not do here: 400 for text that is not SPARQL
    tokens, for an update or for a query too deep to parse safely, 403 for SERVICE."""
    check_length(text)
    shape = check_shape(text)
    if shape.is_update:
        raise BadRequest(
            "this is a SPARQL Update, not a query: send it by POST as 'update' (form) or "
            "application/sparql-update, with a write token"
        )
    if shape.uses("SERVICE") and not current_app.config["ALLOW_SERVICE"]:
        raise Forbidden(
            "federated queries (SERVICE) are disabled on this server: they would make it "
            "fetch URLs (the operator can enable them with --allow-service)"
        )


def check_update(text: str) -> None:
    """Refuse an update unless it comes with a write token (see auth), and LOAD or SERVICE
    in it unless the operator enabled them."""
    auth.require_writer()
    check_length(text)
    config = current_app.config
    shape = check_shape(text)
    if shape.uses("LOAD") and not config["ALLOW_LOAD"]:
        raise Forbidden("LOAD is disabled on this server: it would make it fetch a URL")
    if shape.uses("SERVICE") and not config["ALLOW_SERVICE"]:
        raise Forbidden("federated queries (SERVICE) are disabled on this server")


def add_cors_headers(response: Response) -> Response:
    """Every answer to a read (GET, HEAD, OPTIONS, a query by POST) may be read by any page."""
    if request.method in ("GET", "HEAD", "OPTIONS") or (
        request.method == "POST" and not _is_update_request()
    ):
        response.headers.update(CORS_HEADERS)
    if request.method == "OPTIONS":
        response.headers.update(PREFLIGHT_HEADERS)
    return response


def _is_update_request() -> bool:
    if request.mimetype == "application/sparql-update":
        return True
    try:
        return "update" in request.form
    except HTTPException:  # a body too large to read: no update was run
        return False


def init_app(app: Flask) -> None:
    app.after_request(add_cors_headers)
