"""Absolute URLs name the server's configured public address, never the request's Host.

Why: /dataset, the service description of /sparql, / and /openapi.json write absolute URLs
(``dcat:endpointURL``, ``void:dataDump``, "servers"). Built from the Host header, a client
sending ``Host: evil.example`` got ``<http://evil.example/sparql>`` back, and a shared cache
in front would keep that answer for everyone. So every request is rewritten, before Flask
sees it, to the scheme, host and path prefix of PUBLIC_URL (default: the address `mhkg
serve` listens on; ``http://localhost/`` for an app made without it); Flask's url_for,
request.host_url and the rest then agree.

Behind TRUSTED_PROXIES reverse proxies, their X-Forwarded-For gives the client's address
(for the access log). Their X-Forwarded-Proto, -Host, -Port and -Prefix are believed only
when no PUBLIC_URL is set, since a proxy usually forwards the client's own Host.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from mhkg.errors import ConfigurationError

LOCAL = "http://localhost/"


def listen_url(host: str, port: int, *, literal: bool = False) -> str:
    """The URL of the address a server listens on (a wildcard address names localhost,
    unless `literal`).

    >>> listen_url("::1", 8080)
    'http://[::1]:8080/'
    """
    if not literal and host in ("", "0.0.0.0", "::"):
        host = "localhost"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


class PublicOrigin:
    """WSGI middleware: each request as if it had been sent to `url`."""

    def __init__(self, app: Callable[..., Iterable[bytes]], url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigurationError(f"PUBLIC_URL={url!r} is not an http(s) URL with a host")
        if parts.query or parts.fragment or parts.username or parts.password:
            raise ConfigurationError(f"PUBLIC_URL={url!r} has a query, fragment or user")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise ConfigurationError(f"PUBLIC_URL={url!r} has an invalid port") from None
        self.app = app
        self.values = {
            "wsgi.url_scheme": parts.scheme,
            "HTTP_HOST": parts.netloc,
            "SERVER_NAME": parts.hostname,
            "SERVER_PORT": str(port),
            "SCRIPT_NAME": parts.path.rstrip("/"),
        }

    def __call__(self, environ: dict, start_response: Callable[..., Any]) -> Iterable[bytes]:
        environ.update(self.values)
        return self.app(environ, start_response)


def init_app(app: Flask) -> None:
    """Wrap the app so that its absolute URLs name PUBLIC_URL (or the trusted proxy's)."""
    explicit, proxies = app.config["PUBLIC_URL"], app.config["TRUSTED_PROXIES"]
    url = explicit or app.config.get("LISTEN_URL") or LOCAL
    wsgi = app.wsgi_app
    if proxies and not explicit:  # the proxy's headers, when it sends them, override `url`
        n = proxies
        wsgi = PublicOrigin(ProxyFix(wsgi, x_for=n, x_proto=n, x_host=n, x_port=n, x_prefix=n), url)
    else:
        wsgi = PublicOrigin(wsgi, url)
        if proxies:
            wsgi = ProxyFix(wsgi, x_for=proxies, x_proto=0, x_host=0)
    app.wsgi_app = wsgi  # type: ignore[method-assign]
