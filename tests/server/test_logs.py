"""What the operator's log holds (server/logs.py): an access line per request, a server
error with its traceback or the failed worker's message, a timeout with the query's digest.

Before: no access log, and a failed worker or a handled 500 left nothing in any log.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from mhkg.server import logs

from .fixtures_app import app_over, error_of

PATHOLOGICAL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^10
ACCESS_LINE = re.compile(r'^(\S+) "(\S+) (\S+)" (\d{3}|-) (\d+) (\d+\.\d{3})$')


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("logs"), QUERY_TIMEOUT=1.5, QUERY_WORKERS=1) as app:
        app.extensions["mhkg.workers"].start()
        yield app


def records(caplog: pytest.LogCaptureFixture, name: str) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == name]


def test_one_access_line_per_request(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="mhkg.access")
    body = app.test_client().get("/queries?a=b").get_data()
    app.test_client().get("/doc/x%0D%0A127.0.0.1%20%22GET%20/forged").get_data()
    first, second = (r.getMessage() for r in records(caplog, "mhkg.access"))
    client, method, path, status, sent, seconds = ACCESS_LINE.match(first).groups()
    assert (client, method, path, status) == ("127.0.0.1", "GET", "/queries?a=b", "200")
    assert int(sent) == len(body) and float(seconds) < 5
    assert ACCESS_LINE.match(second), second  # a CR LF in the path cannot forge a line
    assert "/doc/x%0D%0A127.0.0.1%20%22GET%20/forged" in second


def test_the_access_log_can_be_switched_off(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mhkg.access")
    with app_over(tmp_path / "kg", ACCESS_LOG=False) as quiet:
        quiet.test_client().get("/queries").get_data()
    assert records(caplog, "mhkg.access") == []


def test_a_timeout_is_logged_with_the_querys_digest_and_duration(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    response = app.test_client().get("/sparql", query_string={"query": PATHOLOGICAL})
    error_of(response, 503)
    assert response.headers["Retry-After"] == "2"  # the timeout, in whole seconds
    (record,) = records(caplog, "mhkg.server")
    assert record.levelno == logging.WARNING
    digest = hashlib.sha256(PATHOLOGICAL.encode()).hexdigest()[:12]
    assert f"query sha256 {digest}" in record.getMessage()
    assert PATHOLOGICAL not in record.getMessage()  # identified, not written out
    seconds = float(re.search(r"after (\d+\.\d) s", record.getMessage()).group(1))
    assert 1.5 <= seconds < 10


def test_a_failed_worker_is_logged_with_what_it_said(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    workers = app.extensions["mhkg.workers"]
    workers.start()
    deadline = time.monotonic() + 60
    while workers._idle.qsize() < workers.size and time.monotonic() < deadline:
        time.sleep(0.1)  # replacements for the workers that earlier tests' timeouts killed
    for worker in list(workers._all):  # the machine's OOM killer, say
        worker.process.kill()
        worker.process.join(timeout=10)
    detail = error_of(app.test_client().get("/sparql?query=ASK%20%7B%7D"), 500)["detail"]
    assert "Traceback" not in detail
    (record,) = records(caplog, "mhkg.server")
    assert record.levelno == logging.ERROR
    assert "query worker failed" in record.getMessage()
    assert "stopped unexpectedly" in record.getMessage()  # what WorkerFailure carries
    assert record.exc_info is not None  # the traceback, in the log only


def test_an_unexpected_exception_is_logged_with_its_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with app_over(tmp_path / "kg", PROPAGATE_EXCEPTIONS=False) as app:
        app.add_url_rule("/boom", "boom", lambda: str(1 / 0))
        detail = error_of(app.test_client().get("/boom"), 500)["detail"]
    assert "ZeroDivisionError" in detail and "Traceback" not in detail
    (record,) = records(caplog, "mhkg.server")
    assert record.levelno == logging.ERROR and record.exc_info[0] is ZeroDivisionError


def test_printable_keeps_a_log_line_one_line() -> None:
    assert logs.printable("/a\r\nb\x1b[0m\x00é") == "/a%0D%0Ab%1B[0m%00%E9"
    assert logs.query_digest(None) == "-"
    assert logs.query_digest("ASK {}") == hashlib.sha256(b"ASK {}").hexdigest()[:12]


def test_elapsed_is_measured_from_the_start_of_the_request(app: Flask) -> None:
    with app.test_request_context("/", environ_base={"mhkg.started": time.monotonic() - 2}):
        assert 2 <= logs.elapsed() < 3
