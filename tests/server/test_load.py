"""Ten seconds of bench/http_load.py against a real `mhkg serve`, with the pathological client.

Four well-behaved clients go through every kind of request (named queries, SPARQL SELECT and
CONSTRUCT by GET and POST, resource pages in each format, exploration) while one client sends
queries that only the timeout stops and 120 sockets from 12 other loopback addresses dribble
their headers (more than waitress's default limit of 100 connections). None of the
well-behaved requests may fail: no refused or dropped connection, no client timeout, no status
or content type other than the one asked for. `python bench/http_load.py` is the longer run
(bench/README.md).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .load_script import http_load

SECONDS = 10.0
CLIENTS = 4
SLOWLORIS = 120
SERVER_TIMEOUT = 3.0  # so that heavy queries end in 503 within the run


@pytest.fixture(scope="module")
def server(seeded_copy: Callable[[str], Path]) -> Iterator[str]:
    with http_load.serving(seeded_copy("load"), timeout=SERVER_TIMEOUT, workers=2) as served:
        yield served.url


def test_ten_seconds_of_load_with_a_pathological_client(server: str) -> None:
    run = http_load.run_load(
        server, clients=CLIENTS, duration=SECONDS, heavy=1, slowloris=SLOWLORIS, client_timeout=10
    )
    report = http_load.report(run, "the suite's run")
    print(report)  # pytest shows it when the test fails
    assert run.errors == 0, report
    assert set(run.calm.served) == set(http_load.KINDS), report  # each kind answered, correctly
    assert run.heavy.statuses[503] >= 1, report  # the pathological client was cut by the timeout
    assert not run.heavy.errors, report  # and got nothing other than 503
    assert run.slowloris is not None and run.slowloris.opened >= SLOWLORIS, report


@pytest.mark.parametrize(
    "url", ["http://192.0.2.1:8080", "http://0.0.0.0:8080", "https://127.0.0.1:8080", "file:///x"]
)
def test_the_script_loads_only_loopback_servers(url: str) -> None:
    with pytest.raises(ValueError, match="only loads servers on a loopback address"):
        http_load.loopback_address(url)
    with pytest.raises(SystemExit) as exit_:
        http_load.arguments(["--url", url])
    assert exit_.value.code == 2


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8080", ("127.0.0.1", 8080)),
        ("http://127.0.0.2", ("127.0.0.2", 80)),
        ("http://[::1]:8080/", ("::1", 8080)),
        ("http://localhost:9", ("localhost", 9)),
    ],
)
def test_loopback_addresses(url: str, address: tuple[str, int]) -> None:
    assert http_load.loopback_address(url) == address


def test_the_generated_projects_load(tmp_path: Path) -> None:
    """--projects N: the seeds and N generated CSV rows, every row accepted by `mhkg load`."""
    store = tmp_path / "store"
    try:
        http_load.prepare_store(store, 5)
    except subprocess.CalledProcessError as error:
        pytest.fail(f"`mhkg load` rejected generated rows (exit {error.returncode})")
    assert store.is_dir()
