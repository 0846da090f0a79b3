"""The security headers of every answer.

- ``X-Content-Type-Options: nosniff``: a browser takes an answer for its declared type
  (a query result that happens to look like HTML is never run as a page);
- ``Referrer-Policy: strict-origin-when-cross-origin``: a link followed from the editor
  (whose URL holds the query) tells another site this server's origin, not the query;
- ``X-Frame-Options: DENY`` and CSP ``frame-ancestors 'none'``: no page can be framed
  (clickjacking);
- HTML pages: a ``Content-Security-Policy`` that runs scripts from this server only. The
  pages keep no inline script (the editor's is static/sparql-editor.js; JSON data islands,
  ``<script type="application/json">``, are not run). Styles may be inline because the
  vendored YASGUI and Cytoscape write style attributes and elements; nothing is fetched
  from elsewhere (images may be data: URLs, which YASGUI's icons and Cytoscape's PNG
  export use).
"""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
EVERY_ANSWER = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def init_app(app: Flask) -> None:
    app.after_request(secure)


def secure(response: Response) -> Response:
    """Add the headers that the answer does not set itself."""
    for name, value in EVERY_ANSWER.items():
        response.headers.setdefault(name, value)
    if response.mimetype == "text/html":
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    return response
