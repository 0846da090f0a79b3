"""Absolute URLs name the configured public address, never the request's Host header
(server/public_url.py).

Before: ``Host: evil.example`` gave ``dcat:endpointURL <http://evil.example/sparql>`` in
/dataset, and the same in /sparql's service description, / and /openapi.json.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mhkg.errors import ConfigurationError
from mhkg.server import create_app

from .fixtures_app import app_over

FORGED = {
    "Host": "evil.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Proto": "gopher",
    "X-Forwarded-Prefix": "/evil",
    "X-Forwarded-For": "203.0.113.66",
    "Forwarded": "for=203.0.113.66;host=evil.example;proto=gopher",
}
BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8"
ANSWERS = [  # (path, Accept): every answer that writes an absolute URL, and the editor
    ("/", "application/json"),
    ("/", BROWSER),
    ("/dataset", "text/turtle"),
    ("/dataset", "application/ld+json"),
    ("/dataset", BROWSER),
    ("/.well-known/void", "text/turtle"),
    ("/sparql", "text/turtle"),  # the service description
    ("/sparql", "application/rdf+xml"),
    ("/sparql", BROWSER),  # the editor, which names the endpoint
    ("/openapi.json", "application/json"),
    ("/reconcile", "application/json"),
    ("/queries", "application/json"),
    ("/queries", BROWSER),
    ("/doc/project/nope", BROWSER),  # an error page
]


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("public-url")) as app:
        yield app


def every_answer(client: FlaskClient, headers: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(what, text) of each answer in ANSWERS: its status line, headers and body."""
    for path, accept in ANSWERS:
        response = client.get(path, headers={**headers, "Accept": accept})
        assert response.status_code < 500, (path, response.get_data(as_text=True)[:300])
        text = f"{response.status}\n{response.headers}\n{response.get_data(as_text=True)}"
        yield f"{path} ({accept})", text


def test_a_forged_host_never_appears_in_an_answer(app: Flask) -> None:
    for what, text in every_answer(app.test_client(), FORGED):
        assert "evil" not in text and "gopher" not in text, what
        assert "http://localhost/" in text or "/dataset" in text, what


def test_the_configured_public_url_names_every_absolute_url(tmp_path: Path) -> None:
    with app_over(tmp_path / "kg", PUBLIC_URL="https://kg.example.org/data/") as app:
        client = app.test_client()
        for what, text in every_answer(client, FORGED):
            assert "evil" not in text and "localhost" not in text, what
        description = client.get("/dataset", headers={"Accept": "text/turtle"})
        assert "<https://kg.example.org/data/sparql>" in description.get_data(as_text=True)
        editor = client.get("/sparql", headers={"Accept": BROWSER}).get_data(as_text=True)
        assert "https://kg.example.org/data/sparql" in editor
        assert 'href="/data/dataset"' in editor  # links keep the path prefix


def test_trusted_proxies_headers_count_only_when_configured(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """One trusted proxy and no public URL: its X-Forwarded-* name the address; with a
    public URL they do not, but X-Forwarded-For still names the client in the log."""
    caplog.set_level(logging.INFO, logger="mhkg.access")
    proxied = {"X-Forwarded-Host": "kg.example.org", "X-Forwarded-Proto": "https",
               "X-Forwarded-For": "198.51.100.7", "Accept": "text/turtle"}  # fmt: skip
    with app_over(tmp_path / "a", TRUSTED_PROXIES=1) as app:
        text = app.test_client().get("/sparql", headers=proxied).get_data(as_text=True)
        assert "<https://kg.example.org/sparql>" in text
    with app_over(tmp_path / "b", TRUSTED_PROXIES=1, PUBLIC_URL="http://kg.test:8080") as app:
        text = app.test_client().get("/sparql", headers=proxied).get_data(as_text=True)
        assert "<http://kg.test:8080/sparql>" in text and "https://kg.example.org" not in text
    access = [r for r in caplog.records if r.name == "mhkg.access"]
    clients = [record.getMessage().split(" ", 1)[0] for record in access]
    assert clients == ["198.51.100.7", "198.51.100.7"]


def test_without_trusted_proxies_their_headers_count_for_nothing(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mhkg.access")
    app.test_client().get("/queries", headers=FORGED).get_data()
    assert "203.0.113.66" not in caplog.text


@pytest.mark.parametrize(
    "url", ["ftp://kg.example.org/", "http://", "https://kg.example.org/?a=b", "kg.example.org"]
)
def test_a_public_url_that_cannot_work_is_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(ConfigurationError, match="PUBLIC_URL"):
        create_app({"STORE": str(tmp_path / "kg"), "PUBLIC_URL": url})
