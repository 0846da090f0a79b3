"""What the server tells its operator, through `logging`.

- ``mhkg.access``: one line per request once its answer is sent (or the client has gone):
  client address, method, path (with the query string, cut at 200 characters), status,
  bytes sent, seconds. Off with ACCESS_LOG = false.
- ``mhkg.server``: a server error with its traceback (Flask logs an unexpected exception
  itself; the handlers of errors.py log those they answer: a failed query worker, with
  the message it sent); a query stopped by the timeout, with the first 12 hex digits of the
  SHA-256 of its text (which identifies it without writing it out) and its duration.

A client's bytes reach a log line only with control characters, spaces and non-ASCII
percent-encoded, so that no request can forge or colour a line.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from flask import Flask, g, request

ACCESS = logging.getLogger("mhkg.access")
SERVER = logging.getLogger("mhkg.server")
PATH_CHARACTERS = 200
DIGEST_DIGITS = 12


def init_app(app: Flask) -> None:
    """Time every request (the access log and the timeout's log line need its start)."""
    if app.config["ACCESS_LOG"]:
        app.wsgi_app = AccessLog(app.wsgi_app)  # type: ignore[method-assign]

    @app.before_request
    def started() -> None:
        request.environ.setdefault("mhkg.started", time.monotonic())


def configure() -> None:
    """For `mhkg serve`: mhkg's INFO lines and everyone's warnings on standard error."""
    logging.basicConfig(
        stream=sys.stderr,
        level=logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("mhkg").setLevel(logging.INFO)


def printable(text: str) -> str:
    """`text` (a WSGI string: one character per byte) safe for a log line: control
    characters, spaces, quotes, backslashes and non-ASCII percent-encoded.

    >>> printable('/a b\\r\\n"FORGED\\x1b[31m')
    '/a%20b%0D%0A%22FORGED%1B[31m'
    """
    return "".join(c if 32 < ord(c) < 127 and c not in '"\\' else f"%{ord(c):02X}" for c in text)


def note_query(text: str) -> None:
    """Remember the client's query of this request, for the log line if it times out."""
    g.mhkg_query = text


def query_digest(text: str | None) -> str:
    """The first hex digits of the query's SHA-256 ('-' for none).

    >>> query_digest("ASK {}")
    '819ea91ed5f1'
    """
    if text is None:
        return "-"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_DIGITS]


def elapsed() -> float:
    """Seconds since this request began."""
    return time.monotonic() - request.environ.get("mhkg.started", time.monotonic())


def log_timeout(error: BaseException) -> None:
    SERVER.warning(
        "query stopped after %.1f s: %s %s, query sha256 %s: %s",
        elapsed(), request.method, printable(request.path), query_digest(g.get("mhkg_query")),
        error,
    )  # fmt: skip


def log_failure(error: BaseException, what: str) -> None:
    """A server error the handlers answer themselves (Flask logs only unhandled ones)."""
    SERVER.error(
        "%s on %s %s after %.1f s: %s",
        what, request.method, printable(request.path), elapsed(), error, exc_info=error,
    )  # fmt: skip


class AccessLog:
    """WSGI middleware writing the access log, once the answer has been sent."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
        environ.setdefault("mhkg.started", time.monotonic())
        status = ["-"]

        def recording(code: str, headers: list, exc_info: Any = None) -> Any:
            status[0] = code.split(" ", 1)[0]
            return start_response(code, headers, exc_info)

        try:
            body = self.app(environ, recording)
        except BaseException:
            _access_line(environ, "500", 0)
            raise
        return _Counted(body, lambda sent: _access_line(environ, status[0], sent))


class _Counted:
    """The answer's body, counting its bytes; calls `done(bytes)` once, at its end or close."""

    def __init__(self, body: Iterable[bytes], done: Callable[[int], None]) -> None:
        self.body, self.done, self.sent, self.told = body, done, 0, False

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            self.sent += len(chunk)
            yield chunk
        self._tell()

    def close(self) -> None:
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            self._tell()

    def _tell(self) -> None:
        if not self.told:
            self.told = True
            self.done(self.sent)


def _access_line(environ: dict, status: str, sent: int) -> None:
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    if environ.get("QUERY_STRING"):
        path += "?" + environ["QUERY_STRING"]
    path = printable(path)
    if len(path) > PATH_CHARACTERS:
        path = path[:PATH_CHARACTERS] + "..."
    seconds = time.monotonic() - environ["mhkg.started"]
    ACCESS.info(
        '%s "%s %s" %s %d %.3f',
        environ.get("REMOTE_ADDR", "-"), printable(environ.get("REQUEST_METHOD", "-")), path,
        status, sent, seconds,
    )  # fmt: skip
