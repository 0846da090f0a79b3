"""One JSON error shape for every non-2xx answer: {"error": {"status", "title", "detail"}}."""

from __future__ import annotations

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from mhkg.errors import MhkgError, NamedQueryError, QueryError


def error_response(status: int, title: str, detail: str):
    response = jsonify({"error": {"status": status, "title": title, "detail": detail}})
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return error_response(error.code or 500, error.name, error.description or "")

    @app.errorhandler(QueryError)
    def query_error(error: QueryError):
        return error_response(400, "Bad Request", str(error))

    @app.errorhandler(NamedQueryError)
    def unknown_query(error: NamedQueryError):
        if error.not_found:
            return error_response(404, "Not Found", str(error))
        return error_response(400, "Bad Request", str(error))

    @app.errorhandler(MhkgError)
    def mhkg_error(error: MhkgError):
        return error_response(500, "Internal Server Error", str(error))
