"""The HTTP side of the query benchmark: `mhkg serve` as a child process, first pages of the
named lists, and a mix of parameterised named queries from 1, 4, 16 … clients."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import threading
import time
from collections import Counter
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from query_runner import Limits, Timing
from query_store import mhkg_command

SPARQL_JSON = "application/sparql-results+json"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(store: Path, timeout: float, workers: int = 2, start_within: float = 300):
    """`mhkg serve` on a free port of 127.0.0.1 while the block runs; yields the port.

    Raises RuntimeError when it does not answer within `start_within` seconds."""
    port = free_port()
    argv = [
        *mhkg_command(), "serve", "--store", str(store), "--host", "127.0.0.1",
        "--port", str(port), "--timeout", f"{timeout:g}", "--workers", str(workers),
        "--no-access-log",
    ]  # fmt: skip
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_until_up(server, port, start_within)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen, port: int, within: float) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"mhkg serve exited: {server.stderr.read().decode()[-2000:]}")
        with suppress(OSError):
            status, _, _ = get(port, "/queries", "application/json", 5)
            if status == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"mhkg serve did not answer within {within:g} s")


def get(
    port: int,
    path: str,
    accept: str,
    timeout: float,
    conn: http.client.HTTPConnection | None = None,
) -> tuple[int, bytes, float]:
    """GET `path`: (status, body, seconds)."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    start = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Accept": accept})
        response = conn.getresponse()
        body = response.read()
        return response.status, body, time.perf_counter() - start
    finally:
        if own:
            conn.close()


def query_path(name: str, params: dict[str, str]) -> str:
    return f"/queries/{name}" + (f"?{urlencode(params)}" if params else "")


def rows_in(body: bytes) -> int | None:
    with suppress(ValueError, KeyError):
        return len(json.loads(body)["results"]["bindings"])
    return None


@dataclass
class FirstPage:
    """`/queries/NAME?limit=100&offset=0`: supported (200) or not (the status)."""

    name: str
    status: int | str
    timing: Timing


def first_page(
    port: int, name: str, limits: Limits, client_timeout: float, page: int = 100
) -> FirstPage:
    """The first page, `limits.repeat` times at most (fewer past `limits.budget`)."""
    path = query_path(name, {"limit": str(page), "offset": "0"})
    timing = Timing()
    status: int | str = "?"
    for _ in range(limits.repeat):
        if sum(timing.seconds) >= limits.budget:
            break
        try:
            status, body, seconds = get(port, path, SPARQL_JSON, client_timeout)
        except (OSError, http.client.HTTPException) as error:
            status = type(error).__name__
            break
        if status != 200:
            break
        timing.seconds.append(seconds)
        timing.rows = rows_in(body)
    timing.status = "ok" if status == 200 else f"HTTP {status}"
    return FirstPage(name, status, timing)


@dataclass
class MixRun:
    clients: int
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def errors(self) -> dict[str, int]:
        return {str(k): v for k, v in sorted(self.statuses.items(), key=str) if k != 200}

    def figures(self) -> dict:
        timing = Timing(seconds=self.latencies)
        return {
            "clients": self.clients,
            "seconds": self.seconds,
            "requests": self.requests,
            "requests_per_second": self.requests / self.seconds if self.seconds else 0,
            "p50": timing.p50,
            "p95": timing.p95,
            "errors": self.errors,
        }


def mix(port: int, paths: list[str], clients: int, duration: float, timeout: float) -> MixRun:
    """`clients` threads, each taking `paths` in turn (from its own starting point) over
    one keep-alive connection, until `duration` seconds have passed; a request in flight
    then finishes (or reaches `timeout`)."""
    run = MixRun(clients, 0.0)
    lock = threading.Lock()
    deadline = time.monotonic() + duration

    def client(number: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        turn = number * 7
        while time.monotonic() < deadline:
            path = paths[turn % len(paths)]
            turn += 1
            start = time.perf_counter()
            try:
                status, _, seconds = get(port, path, SPARQL_JSON, timeout, conn)
            except (OSError, http.client.HTTPException) as error:
                status, seconds = type(error).__name__, time.perf_counter() - start
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
            with lock:
                run.statuses[status] += 1
                run.latencies.append(seconds)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - start
    return run
