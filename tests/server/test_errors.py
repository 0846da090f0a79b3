"""Errors in one shape, as the client prefers it: JSON for API clients, a small HTML page
for browsers (server/errors.py, templates/error.html).

Before: ``/doc/project/nope`` with ``Accept: text/html`` answered a JSON 404.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .fixtures_app import app_over, error_of, html_error_of

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ERRORS = [  # (path, status): 404s of a resource, the router, a view; a 400
    ("/doc/project/nope", 404),
    ("/no/such/page", 404),
    ("/dataset/dump.xlsx", 404),
    ("/queries/projects?iso3=not-a-code", 400),
]


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("errors")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.mark.parametrize(("path", "status"), ERRORS)
@pytest.mark.parametrize("accept", [BROWSER, "text/html", "application/json;q=0.5, text/html"])
def test_a_browser_gets_an_error_page(client, path: str, status: int, accept: str) -> None:
    response = client.get(path, headers={"Accept": accept})
    html_error_of(response, status)
    assert "Accept" in response.vary


@pytest.mark.parametrize(("path", "status"), ERRORS)
@pytest.mark.parametrize(
    "accept", [None, "*/*", "application/json", "text/html;q=0.5, application/json"]
)
def test_an_api_client_gets_the_json_shape(client, path: str, status: int, accept) -> None:
    headers = {"Accept": accept} if accept else {}
    error_of(client.get(path, headers=headers), status)


def test_the_page_says_what_the_json_says_escaped(client) -> None:
    path = "/queries/%3Cscript%3Ealert(1)"
    detail = error_of(client.get(path), 404)["detail"]
    assert "<script>" in detail
    page = html_error_of(client.get(path, headers={"Accept": BROWSER}), 404)
    assert "<script>alert" not in page
    assert detail.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;") in page


def test_a_405_page_keeps_its_allow_header(client) -> None:
    response = client.delete("/sparql", headers={"Accept": BROWSER})
    html_error_of(response, 405)
    assert "GET" in response.headers["Allow"]
