"""The settings table (server/settings.py): one source for defaults, MHKG_* variables and
`mhkg serve` options, with the precedence option > environment > default.

Before: `mhkg serve`'s option defaults overwrote the environment, so that
``MHKG_QUERY_TIMEOUT=5 mhkg serve`` ran with 30 s.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from email.message import Message
from pathlib import Path

import pytest
from click.testing import CliRunner

from mhkg.cli import main
from mhkg.errors import ConfigurationError
from mhkg.server import DEFAULTS, create_app, settings
from mhkg.server.store import close

from .conftest import free_port, mhkg_command

PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^10


def test_the_defaults_are_the_tables() -> None:
    assert {s.name: s.default for s in settings.SETTINGS} == DEFAULTS
    assert len(settings.BY_NAME) == len(settings.SETTINGS)  # no name twice


def test_every_option_names_its_environment_variable_and_default() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"], terminal_width=200)
    assert result.exit_code == 0
    for setting in settings.SETTINGS:
        if setting.option:
            assert setting.option in result.output
            assert setting.env in result.output


def test_the_documentation_table_has_a_row_per_setting() -> None:
    rows = settings.markdown_table().splitlines()[2:]
    assert [row.split(" | ")[0].lstrip("| ") for row in rows] == list(settings.BY_NAME)
    assert "`--allow-load` / `--no-allow-load`" in settings.markdown_table()


def test_environment_over_defaults_and_config_over_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MHKG_QUERY_TIMEOUT", "5")
    monkeypatch.setenv("MHKG_ALLOW_LOAD", "yes")
    monkeypatch.setenv("MHKG_MAX_ROWS", "")  # empty: not set
    app = create_app({"STORE": str(tmp_path / "kg"), "MAX_URL_LENGTH": 1000})
    try:
        assert app.config["QUERY_TIMEOUT"] == 5.0  # a number, not the string "5"
        assert app.config["ALLOW_LOAD"] is True
        assert app.config["MAX_ROWS"] == DEFAULTS["MAX_ROWS"]
        assert app.config["MAX_URL_LENGTH"] == 1000
    finally:
        close(app)


@pytest.mark.parametrize(
    ("variable", "value"),
    [("MHKG_QUERY_TIMEOUT", "soon"), ("MHKG_MAX_ROWS", "-1"), ("MHKG_ACCESS_LOG", "maybe")],
)
def test_a_wrong_environment_value_is_named(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError, match=variable):
        settings.from_environment(os.environ)


def wait_for(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            assert server.poll() is None, log.read_text("utf-8")
            assert time.monotonic() < deadline, "mhkg serve did not answer in 60 s"
            time.sleep(0.3)


def get(url: str, **headers: str) -> tuple[int, Message, bytes]:
    """Status, headers (names in any case) and body of a GET."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_mhkg_serve_honours_the_environment_and_an_option_over_it(
    seeded_copy: Callable[[str], Path], tmp_path: Path
) -> None:
    """A real `mhkg serve`: MHKG_QUERY_TIMEOUT=1 holds (no option given), --max-rows 2 beats
    MHKG_MAX_ROWS=5, and the absolute URLs name the address it listens on."""
    port, log = free_port(), tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MHKG_")}
    env |= {"MHKG_QUERY_TIMEOUT": "1", "MHKG_MAX_ROWS": "5", "MHKG_QUERY_WORKERS": "1"}
    command = [*mhkg_command(), "serve", "--store", str(seeded_copy("settings")),
               "--port", str(port), "--max-rows", "2"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_for(f"{base}/queries", server, log)
            rows = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
            for _ in range(40):  # a worker's start counts against its first query's second
                status, headers, body = get(f"{base}/sparql?{rows}")
                if status != 503:
                    break
                time.sleep(0.5)
            assert (status, headers.get("MHKG-Row-Limit")) == (200, "2"), body[:300]
            query = urllib.parse.urlencode({"query": PATHOLOGICAL})
            status, headers, body = get(f"{base}/sparql?{query}")
            assert status == 503, body[:300]
            assert "limit of 1 s" in json.loads(body)["error"]["detail"]
            assert headers["Retry-After"] == "1"
            _, _, home = get(base + "/", Accept="application/json", Host="evil.example")
            assert json.loads(home)["sparql"] == f"{base}/sparql"
        finally:
            server.terminate()
            server.wait(timeout=20)
    output = log.read_text("utf-8")
    digest = hashlib.sha256(PATHOLOGICAL.encode()).hexdigest()[:12]
    assert f"query sha256 {digest}" in output  # the timeout, logged (mhkg.server)
    assert '"GET /queries" 200' in output  # the access log (mhkg.access), on by default
