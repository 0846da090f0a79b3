"""Security headers on every answer, a CSP on every page that the pages can live with, Allow
on 405 (server/headers.py, server/errors.py).

Before: none of X-Content-Type-Options, Content-Security-Policy, X-Frame-Options or
Referrer-Policy on any answer, and a 405 without Allow. Whether YASGUI and Cytoscape run
under the policy in a real browser: test_browser.py and test_explore_browser.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mhkg.server.headers import CONTENT_SECURITY_POLICY

from .fixtures_app import app_over

HTML = "text/html,application/xhtml+xml,*/*;q=0.8"
PAGES = ["/", "/sparql", "/queries", "/queries/projects", "/explore", "/ontology", "/shapes",
         "/dataset", "/doc/country/GIN", "/graph/nope"]  # fmt: skip
DATA = [("/sparql?query=ASK%20%7B%7D", "*/*"), ("/dataset", "text/turtle"),
        ("/openapi.json", "*/*"), ("/static/style.css", "*/*"), ("/nope", "*/*"),
        ("/queries/nope", "application/json"), ("/dataset/dump.ttl", "*/*")]  # fmt: skip


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("headers")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def assert_common_headers(response) -> None:
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize(("path", "accept"), DATA)
def test_every_answer_carries_the_security_headers(client, path: str, accept: str) -> None:
    with client.get(path, headers={"Accept": accept}) as response:  # closes a static file
        assert_common_headers(response)
        assert response.mimetype != "text/html"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_carries_a_policy_that_runs_scripts_from_here_only(client, path) -> None:
    response = client.get(path, headers={"Accept": HTML})
    assert response.mimetype == "text/html"
    assert_common_headers(response)
    policy = dict(
        part.strip().split(" ", 1)
        for part in response.headers["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


class _Scripts(HTMLParser):
    """The page's inline code: <script> elements that run without src, on* attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        runs = attributes.get("type") != "application/json"  # a JSON data island never runs
        if tag == "script" and "src" not in attributes and runs:
            self.inline.append(f"<script {attrs}>")
        self.inline += [f"<{tag} {name}=...>" for name in attributes if name.startswith("on")]
        if any(str(value).lower().startswith("javascript:") for value in attributes.values()):
            self.inline.append(f"<{tag}> with a javascript: URL")


@pytest.mark.parametrize("path", PAGES)
def test_no_page_holds_code_the_policy_would_block(client, path: str) -> None:
    parser = _Scripts()
    parser.feed(client.get(path, headers={"Accept": HTML}).get_data(as_text=True))
    assert parser.inline == []


def test_the_policy_fetches_nothing_from_elsewhere() -> None:
    sources = re.findall(r"(?:https?:|\*)", CONTENT_SECURITY_POLICY)
    assert sources == []


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("DELETE", "/sparql", {"GET", "POST"}), ("PUT", "/dataset", {"GET"}),
     ("POST", "/queries", {"GET"}), ("PATCH", "/doc/country/GIN", {"GET"})],
)  # fmt: skip
def test_a_405_says_what_is_allowed(client, method: str, path: str, allowed: set[str]) -> None:
    for accept in ("application/json", HTML):
        response = client.open(path, method=method, headers={"Accept": accept})
        assert response.status_code == 405
        assert allowed <= {m.strip() for m in response.headers["Allow"].split(",")}
        assert method not in response.headers["Allow"]
        assert_common_headers(response)
