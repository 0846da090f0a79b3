"""Slow and greedy clients against real waitress (server/connections.py).

Before: 120 sockets dribbling one header line each filled waitress's 100 connections and
every other request timed out; a 1 MB URL got a 431 in the middle of sending it, which the
client saw as a reset. The servers here listen on 127.0.0.1; the attackers connect from
other loopback addresses (127.0.0.2, ...), as other hosts would. Every loop is bounded.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from flask import Flask
from waitress import wasyncore

from mhkg.server import connections

from .fixtures_app import app_over

ASK = "/queries"  # answered by the serving process itself


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_over(tmp_path_factory.mktemp("connections") / "kg", ACCESS_LOG=False) as app:
        yield app


@contextmanager
def serving(app: Flask, **settings: Any) -> Iterator[int]:
    """Real waitress (make_server, as `mhkg serve` uses it) in a thread: yields its port."""
    config = {**app.config, "HOST": "127.0.0.1", "PORT": 0, **settings}
    server = connections.make_server(app, config)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            wasyncore.loop(timeout=0.1, map=server._map, use_poll=True, count=1)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield int(server.effective_port)
    finally:
        stop.set()
        thread.join(timeout=5)
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)


def dribbler(port: int, source: str) -> socket.socket:
    """A connection from `source` that has sent a request line and one header, no more."""
    sock = socket.socket()
    sock.settimeout(2)
    sock.bind((source, 0))
    sock.connect(("127.0.0.1", port))
    sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    return sock


def dribble(sockets: list[socket.socket]) -> int:
    """One more header line on each socket; how many the server still holds open (those
    it has neither answered nor closed: nothing to read, no reset)."""
    alive = 0
    for sock in sockets:
        try:
            sock.sendall(b"X-Slow: 1\r\n")
            sock.settimeout(0.01)
            sock.recv(1)  # an answer, b"" (closed) or a reset: not held
        except TimeoutError:
            alive += 1
        except OSError:
            pass
    return alive


def answer_time(base: str) -> float:
    """Seconds a normal client waits for /sparql to answer (at most 5)."""
    started = time.monotonic()
    with urllib.request.urlopen(base + ASK, timeout=5) as response:
        assert response.status == 200
        response.read()
    return time.monotonic() - started


def test_slow_clients_from_one_address_leave_mhkg_serve_answering(live_server: str) -> None:
    """The issue's attack on a default `mhkg serve`: 120 slow sockets from one host."""
    sockets = []
    try:
        for _ in range(120):
            try:
                sockets.append(dribbler(int(live_server.rsplit(":", 1)[1]), "127.0.0.2"))
            except OSError:
                break  # refused: as good
        waits, end = [], time.monotonic() + 13  # past the 10 s header deadline
        while time.monotonic() < end:
            waits.append(answer_time(live_server))
            alive = dribble(sockets)
            time.sleep(0.5)
        assert max(waits) < 2, waits
        assert alive == 0  # the 20 it admitted could not make their headers last
    finally:
        for sock in sockets:
            sock.close()


def test_slow_clients_from_many_addresses_are_cut_at_the_header_deadline(app: Flask) -> None:
    """As many slow clients as the connection limit, each from its own address: they are
    closed after HEADER_TIMEOUT although each sends a byte every 0.3 s (waitress's idle
    timeout alone never closes them), and then a normal client is answered."""
    with serving(app, CONNECTION_LIMIT=8, HEADER_TIMEOUT=1.5, IDLE_TIMEOUT=60) as port:
        sockets = [dribbler(port, f"127.0.0.{10 + i}") for i in range(8)]
        try:
            started, alive = time.monotonic(), len(sockets)
            while alive and time.monotonic() - started < 6:
                time.sleep(0.3)
                alive = dribble(sockets)
            assert alive == 0, "slow clients kept their connections"
            assert 1.5 <= time.monotonic() - started < 6
            assert answer_time(f"http://127.0.0.1:{port}") < 3
        finally:
            for sock in sockets:
                sock.close()


def test_a_body_that_never_ends_is_cut_at_the_body_deadline(app: Flask) -> None:
    with serving(app, BODY_TIMEOUT=1, IDLE_TIMEOUT=60) as port:
        sock = socket.create_connection(("127.0.0.1", port), timeout=2)
        with sock:
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 1000\r\n\r\nASK"
            )
            started, alive = time.monotonic(), 1
            while alive and time.monotonic() - started < 5:
                time.sleep(0.3)
                alive = dribble([sock])
            assert not alive
            assert 1 <= time.monotonic() - started < 5


def test_one_address_may_hold_only_so_many_connections(app: Flask) -> None:
    with serving(app, MAX_CONNECTIONS_PER_CLIENT=3) as port:
        held = [dribbler(port, "127.0.0.3") for _ in range(3)]
        extra = dribbler(port, "127.0.0.3")
        try:
            extra.settimeout(3)
            refusal = extra.recv(500)
            assert refusal.startswith(b"HTTP/1.1 503 ") and b"\r\nRetry-After: " in refusal
            assert dribble(held) == 3  # those it admitted are untouched
            assert answer_time(f"http://127.0.0.1:{port}") < 2  # another address is served
        finally:
            for sock in [*held, extra]:
                sock.close()


def request_line_answer(port: int, length: int) -> tuple[int, dict]:
    """Status and JSON body of a GET whose URL is `length` bytes, sent whole before reading."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/queries/" + "x" * (length - 9))
        response = connection.getresponse()
        body = response.read()
        return response.status, json.loads(body) if body.startswith(b"{") else {}
    finally:
        connection.close()


def test_a_one_megabyte_url_is_answered_414_not_reset(app: Flask) -> None:
    with serving(app) as port:
        status, body = request_line_answer(port, 1_000_000)
        assert status == 414
        assert body["error"]["status"] == 414
        assert "POST" in body["error"]["detail"] and "65,536" in body["error"]["detail"]
        # under the limit, a URL is the application's to judge (here: no such named
        # query), and the server still answers on new connections
        status, body = request_line_answer(port, 60_000)
        assert status == 404 and body["error"]["status"] == 404


def test_the_request_line_limit_is_a_setting(app: Flask) -> None:
    with serving(app, MAX_URL_LENGTH=1000) as port:
        assert request_line_answer(port, 1200)[0] == 414
        assert request_line_answer(port, 900)[0] == 404


def test_the_open_file_limit_leaves_room_for_the_connections() -> None:
    resource = pytest.importorskip("resource")
    allowed = connections.room_for(500)
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert allowed <= 500
    assert soft == resource.RLIM_INFINITY or allowed + connections.RESERVED_DESCRIPTORS <= soft


def test_a_waiting_connection_does_not_take_a_thread(app: Flask) -> None:
    """More slow clients than threads (4): a normal request is still served at once, since
    only complete requests reach the threads."""
    with serving(app, MAX_CONNECTIONS_PER_CLIENT=0) as port:
        sockets = [dribbler(port, "127.0.0.4") for _ in range(12)]
        try:
            assert answer_time(f"http://127.0.0.1:{port}") < 2
        finally:
            for sock in sockets:
                sock.close()
