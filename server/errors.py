"""One JSON error shape for every non-2xx answer: {"error": {"status", "title", "detail"}}.

A query the client got wrong is a 400 with the parser's message and position; a query that
ran out of time a 503; a bug in the server a 500 that says so, never a traceback.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException, InternalServerError

from mhkg.errors import MhkgError, NamedQueryError, QueryError
from mhkg.server.workers import QueryTimeout, WorkerFailure


def error_response(status: int, title: str, detail: str) -> Response:
    response = jsonify({"error": {"status": status, "title": title, "detail": detail}})
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        if isinstance(error, InternalServerError):
            return server_error(error.original_exception or error)
        response = error_response(error.code or 500, error.name, error.description or "")
        for name in ("Allow", "Retry-After"):  # what a 405 or 503 must say
            if name in error.get_headers():
                response.headers[name] = dict(error.get_headers())[name]
        return response

    @app.errorhandler(QueryError)
    def query_error(error: QueryError) -> Response:
        return error_response(400, "Bad Request", str(error))

    @app.errorhandler(NamedQueryError)
    def named_query_error(error: NamedQueryError) -> Response:
        if error.not_found:
            return error_response(404, "Not Found", str(error))
        return error_response(400, "Bad Request", str(error))

    @app.errorhandler(QueryTimeout)
    def timeout(error: QueryTimeout) -> Response:
        return error_response(503, "Service Unavailable", str(error))

    @app.errorhandler(MhkgError)
    def mhkg_error(error: MhkgError) -> Response:
        return error_response(500, "Internal Server Error", str(error))

    @app.errorhandler(WorkerFailure)
    def worker_failure(error: WorkerFailure) -> Response:
        return server_error(error)


def server_error(error: BaseException) -> Response:
    """A bug: say so, without the traceback (the log has it)."""
    return error_response(
        500,
        "Internal Server Error",
        f"the server failed ({type(error).__name__}); this is a bug in mhkg, please report it",
    )
