"""A real `mhkg serve` for the client and browser tests.

``live_server`` starts ``mhkg serve`` once per session as a subprocess on 127.0.0.1 and a free
port, over an empty store folder of its own (so the server first loads the bundled seed
documents, as a new user's does), waits until ``/sparql`` answers, yields the base URL
(``http://127.0.0.1:PORT``) and stops the server. Its output is kept in ``serve.log`` beside
the store and shown when it fails to start.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

START_TIMEOUT = 120.0  # seconds: loading the seeds into an empty store takes a few
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"  # screenshots (gitignored)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mhkg_command() -> list[str]:
    """The `mhkg` console script of the interpreter running the tests."""
    script = Path(sys.executable).with_name("mhkg")
    assert script.exists(), f"no `mhkg` script beside {sys.executable}: pip install -e '.[test]'"
    return [str(script)]


def answers(base_url: str) -> bool:
    """Whether the server answers a SPARQL query (any HTTP status means it is up)."""
    query = urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(
        f"{base_url}/sparql?{query}", headers={"Accept": "application/sparql-results+json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


@contextmanager
def serving(folder: Path, *options: str) -> Iterator[str]:
    """`mhkg serve` over the store in `folder`/store with `options`, on 127.0.0.1 and a free
    port, until the block ends: yields its base URL once /sparql answers."""
    store, log_path = folder / "store", folder / "serve.log"
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MHKG_")}
    command = [*mhkg_command(), "serve", "--store", str(store), "--host", "127.0.0.1"]
    command += ["--port", str(port), "--timeout", "30", *options]
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not answers(base_url):
                if server.poll() is not None or time.monotonic() > deadline:
                    reason = (
                        f"exited with status {server.returncode}"
                        if server.returncode is not None
                        else f"did not answer within {START_TIMEOUT:.0f} s"
                    )
                    pytest.fail(
                        f"`{' '.join(command)}` {reason}; its output:\n"
                        + log_path.read_text("utf-8"),
                        pytrace=False,
                    )
                time.sleep(0.25)
            yield base_url
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=15)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(tmp_path_factory.mktemp("live-server")) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def sparql_endpoint(live_server: str) -> str:
    return f"{live_server}/sparql"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """The folder for test artefacts a person may want to look at (screenshots)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
