"""Who may write: a write (SPARQL Update, the Graph Store Protocol's PUT, POST and DELETE, a
record upload) needs ``Authorization: Bearer TOKEN`` for a token of the file that ``mhkg serve
--tokens FILE`` names (see mhkg.tokens). Reads stay public.

Without a tokens file every write is refused (403: the server does not take writes); with one,
a write without a token, or with a token the file does not hold, is 401 with a
``WWW-Authenticate: Bearer`` challenge (RFC 6750). The file is read again when it changes, so
``mhkg token revoke`` takes effect at the next request.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flask import current_app, request
from werkzeug.exceptions import Forbidden, Unauthorized

from mhkg import tokens
from mhkg.server import logs

REALM = "mhkg"

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[int, int], tokens.Tokens]] = {}  # path: ((mtime, size), tokens)


def writes_enabled() -> bool:
    return bool(current_app.config["TOKENS"])


def require_writer() -> str:
    """The name of the token the request writes with.

    Raises Forbidden when this server takes no writes, Unauthorized when the request has no
    valid token.
    """
    if not writes_enabled():
        raise Forbidden(
            "this server is read-only: it takes writes only when its operator gives it a "
            "tokens file (mhkg token new NAME; mhkg serve --tokens FILE)"
        )
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _challenge("a write needs a token: send 'Authorization: Bearer TOKEN'", None)
    holder = _tokens().holder(token.strip())
    if holder is None:
        raise _challenge("the token is not valid here (unknown or revoked)", "invalid_token")
    logs.SERVER.info("%s %s by token %r", request.method, logs.printable(request.path), holder)
    return holder


def _challenge(detail: str, error: str | None) -> Unauthorized:
    challenge = f'Bearer realm="{REALM}"' + (f', error="{error}"' if error else "")
    unauthorized = Unauthorized(detail)
    unauthorized.challenge = challenge  # type: ignore[attr-defined]
    return unauthorized


def challenge_of(error: Unauthorized) -> str:
    return getattr(error, "challenge", f'Bearer realm="{REALM}"')


def _tokens() -> tokens.Tokens:
    path = Path(current_app.config["TOKENS"])
    try:
        status = os.stat(path)
        version = (status.st_mtime_ns, status.st_size)
    except FileNotFoundError:
        version = (0, -1)  # no file: no tokens (every write is 401 until one is made)
    with _lock:
        cached = _cache.get(str(path))
        if cached is None or cached[0] != version:
            cached = (version, tokens.read(path))
            _cache[str(path)] = cached
        return cached[1]
