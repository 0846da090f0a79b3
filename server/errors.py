"""One error shape for every non-2xx answer: {"error": {"status", "title", "detail"}} in JSON,
or, for a client that prefers HTML (a browser), the same three on a small page.

A query the client got wrong is a 400 with the parser's message and position; a query that
ran out of time a 503 with Retry-After, as is one refused at once because too many wait for
a worker (Retry-After then says when the queue should have cleared); a bug in the server a
500 that says so, never a traceback (the log has it: see logs.py).
"""

from __future__ import annotations

import math

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError, Unauthorized

from mhkg.errors import MhkgError, NamedQueryError, QueryError
from mhkg.server import auth, logs
from mhkg.server.negotiation import HTML, RDF_TYPES, best_match
from mhkg.server.responses import graph_response
from mhkg.server.workers import ClientDisconnected, QueryStopped, QueueFull, WorkerFailure
from mhkg.writes import ProtectedGraph, WriteRefused

JSON = "application/json"


def error_response(status: int, title: str, detail: str) -> Response:
    """The error as JSON, or as an HTML page when the client prefers text/html to JSON."""
    if best_match(request.headers.get("Accept"), [JSON, HTML]) == HTML:
        page = render_template("error.html", status=status, title=title, detail=detail,
                               page_title=f"{status} {title}")  # fmt: skip
        response = Response(page, status=status, mimetype=HTML)
    else:
        response = jsonify({"error": {"status": status, "title": title, "detail": detail}})
        response.status_code = status
    response.vary.add("Accept")
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        if isinstance(error, InternalServerError):
            return server_error(error.original_exception or error)
        response = error_response(error.code or 500, error.name, error.description or "")
        headers = dict(error.get_headers())
        for name in ("Allow", "Retry-After"):  # what a 405 or 503 must say
            if name in headers:
                response.headers[name] = headers[name]
        if isinstance(error, Unauthorized):  # what a 401 must say
            response.headers["WWW-Authenticate"] = auth.challenge_of(error)
        return response

    @app.errorhandler(QueryError)
    def query_error(error: QueryError) -> Response:
        return error_response(400, "Bad Request", str(error))

    @app.errorhandler(NamedQueryError)
    def named_query_error(error: NamedQueryError) -> Response:
        if error.not_found:
            return error_response(404, "Not Found", str(error))
        return error_response(400, "Bad Request", str(error))

    @app.errorhandler(QueryStopped)
    def stopped(error: QueryStopped) -> Response:  # out of time, or of memory
        logs.log_timeout(error)
        response = error_response(503, "Service Unavailable", str(error))
        response.headers["Retry-After"] = str(math.ceil(current_app.config["QUERY_TIMEOUT"] or 5))
        return response

    @app.errorhandler(QueueFull)
    def queue_full(error: QueueFull) -> Response:  # refused before it waited: nothing ran
        logs.SERVER.info("%s %s: %s", request.method, logs.printable(request.path), error)
        response = error_response(503, "Service Unavailable", str(error))
        response.headers["Retry-After"] = str(error.retry_after)
        return response

    @app.errorhandler(MhkgError)
    def mhkg_error(error: MhkgError) -> Response:
        logs.log_failure(error, "server error")
        return error_response(500, "Internal Server Error", str(error))

    @app.errorhandler(WriteRefused)
    def write_refused(error: WriteRefused) -> Response:  # nothing was written
        offers = [JSON, *RDF_TYPES]
        media_type = best_match(request.headers.get("Accept"), offers) or JSON
        if media_type != JSON:
            response = graph_response(error.report_graph(), media_type)
            response.status_code = 422
            return response
        title = "Unprocessable Content"
        response = jsonify({"error": {"status": 422, "title": title, "detail": str(error)},
                            "report": error.as_json()})  # fmt: skip
        response.status_code = 422
        response.vary.add("Accept")
        return response

    @app.errorhandler(ProtectedGraph)
    def protected(error: ProtectedGraph) -> Response:
        return error_response(403, "Forbidden", str(error))

    @app.errorhandler(ClientDisconnected)
    def client_gone(error: ClientDisconnected) -> Response:  # nobody reads this answer
        logs.SERVER.info("%s %s: %s", request.method, logs.printable(request.path), error)
        return error_response(503, "Service Unavailable", str(error))

    @app.errorhandler(WorkerFailure)
    def worker_failure(error: WorkerFailure) -> Response:
        logs.log_failure(error, "query worker failed")
        return server_error(error)


def server_error(error: BaseException) -> Response:
    """A bug: say so, without the traceback (the log has it)."""
    return error_response(
        500,
        "Internal Server Error",
        f"the server failed ({type(error).__name__}); this is a bug in mhkg, please report it",
    )
