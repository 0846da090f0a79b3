"""A client that disconnects while its query runs frees its worker (a real `mhkg serve`).

With one query worker and a 20 s timeout, a client sends a query that only the timeout would
stop, and closes its socket after half a second. Nobody is left to read the answer, so the
server must stop the query then, not at the timeout: a light query sent next is answered
within a few seconds, and the worker process that ran the heavy query is gone.
"""

from __future__ import annotations

import socket
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .load_script import http_load

TIMEOUT = 20.0  # the server's query timeout: the heavy query would run this long
LEFT_AFTER = 0.5  # seconds before the client disconnects
PROMPT = 8.0  # seconds within which the next query must be answered (well under TIMEOUT)
HEAVY = http_load.HEAVY


@pytest.fixture(scope="module")
def one_worker(seeded_copy: Callable[[str], Path]) -> Iterator[tuple[str, int]]:
    """(base URL, pid) of `mhkg serve --workers 1 --timeout 20` over the seeds."""
    with http_load.serving(seeded_copy("disconnect"), timeout=TIMEOUT, workers=1) as server:
        yield server


def children_cpu(pid: int) -> dict[int, float]:
    """CPU seconds used so far by each live process whose parent is `pid` (Linux /proc)."""
    used = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[1]) == pid and fields[0] != "Z":  # state, ppid, …, utime, stime (11, 12)
            used[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / 100  # USER_HZ
    return used


def busiest_child(pid: int, seconds: float) -> tuple[int, float]:
    """(pid, CPU seconds) of the child of `pid` that worked most over the next `seconds`."""
    before = children_cpu(pid)
    time.sleep(seconds)
    after = children_cpu(pid)
    return max(((child, used - before.get(child, 0.0)) for child, used in after.items()),
               key=lambda pair: pair[1], default=(0, 0.0))  # fmt: skip


def light_query(base_url: str) -> tuple[int, float]:
    """(status, seconds) of an ASK that the store answers at once when a worker is free."""
    url = f"{base_url}/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    request = urllib.request.Request(url, headers={"Accept": http_load.SPARQL_JSON})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=TIMEOUT + 15) as response:
        response.read()
        return response.status, time.monotonic() - started


def heavy_request(method: str, host: str) -> bytes:
    if method == "GET":
        target = "/sparql?" + urllib.parse.urlencode({"query": HEAVY})
        return f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n\r\n".encode()
    body = HEAVY.encode()
    head = (f"POST /sparql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/sparql-query"
            f"\r\nContent-Length: {len(body)}\r\n\r\n")  # fmt: skip
    return head.encode() + body


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads CPU times from /proc")
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_client_that_disconnects_frees_its_worker(
    one_worker: tuple[str, int], method: str
) -> None:
    base_url, pid = one_worker
    assert light_query(base_url)[0] == 200  # the one worker is up, and idle
    host, port = http_load.loopback_address(base_url)
    with socket.create_connection((host, port), timeout=5) as client:
        client.sendall(heavy_request(method, host))
        worker, used = busiest_child(pid, LEFT_AFTER)
        assert used > 0.02, "no query worker is busy: the heavy query is not running"
    started = time.monotonic()  # the client has gone
    status, seconds = light_query(base_url)
    assert status == 200
    assert seconds < PROMPT, (
        f"the next query waited {seconds:.1f} s (timeout {TIMEOUT:g} s): the worker stayed "
        "busy with the query of a client that had left"
    )
    assert worker not in children_cpu(pid), "the query of the client that left still runs"
    assert time.monotonic() - started < TIMEOUT
