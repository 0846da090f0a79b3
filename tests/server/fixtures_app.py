"""Helpers shared by the server tests.

Each app gets a store folder of its own (a folder opens once per process) and is closed
afterwards (`app_over`): its query worker processes stopped, its store flushed. Test modules
define their `app` / `client` fixtures with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from flask import Flask

from mhkg import tokens
from mhkg.server import create_app
from mhkg.server.store import close

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr", "path"}  # fmt: skip


@contextmanager
def app_over(folder: Path, **config: Any) -> Iterator[Flask]:
    """An app over the store folder `folder` (which nothing else holds open), closed after."""
    app = create_app({"STORE": str(folder), "TESTING": True, **config})
    try:
        yield app
    finally:
        close(app)


def writer(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A tokens file in `folder` with one write token: (the app's setting that names the
    file, the request headers that carry the token)."""
    path = folder / "tokens.json"
    token = tokens.new(path, f"writer-{len(tokens.read(path).hashes)}")
    return {"TOKENS": str(path)}, {"Authorization": f"Bearer {token}"}


def error_of(response, status: int) -> dict:
    """The one JSON error shape: {"error": {"status", "title", "detail"}}."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert error["status"] == status
    assert error["title"] and error["detail"]
    assert "Traceback" not in error["detail"]
    return error


def html_error_of(response, status: int) -> str:
    """An error as a page, for a client that prefers HTML: status, title and detail, escaped."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert f"<h1>{status} " in page and 'class="error-detail"' in page
    assert "Traceback" not in page
    return page


def bindings(response) -> list[dict[str, dict[str, str]]]:
    return json.loads(response.get_data(as_text=True))["results"]["bindings"]


class _Balance(HTMLParser):
    """Checks that every element is closed, in order (void elements excepted)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def well_formed_html(response) -> str:
    """The page's text, after checking it is a complete, balanced HTML document."""
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert page.lstrip().lower().startswith("<!doctype html>")
    checker = _Balance()
    checker.feed(page)
    checker.close()
    assert not checker.problems, checker.problems[:5]
    assert not checker.stack, f"unclosed: {checker.stack}"
    return " ".join(" ".join(checker.text).split())
