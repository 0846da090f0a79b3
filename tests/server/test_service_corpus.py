"""Nothing a client sends makes the server fetch a URL: every SERVICE and LOAD spelling in
the corpus below is refused, and a listener on loopback receives no connection.

Each spelling is first shown to be real: the same text, run by a bare pyoxigraph store in this
process, does connect to the listener. Then it is sent to the server (GET, POST form and POST
body; updates with updates enabled but LOAD and SERVICE not), and the listener must receive
nothing. The query workers are also tested alone, without the server's token reading in front:
their network sandbox must keep every query spelling from connecting.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import suppress

import pyoxigraph
import pytest
from flask import Flask

from mhkg.errors import MhkgError
from mhkg.server.workers import QueryWorkers

from .fixtures_app import app_over, writer

# {url} is the listener's URL, {base} its root.
QUERIES = {
    "plain": "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "lower case": "select * where { service <{url}> { ?s ?p ?o } }",
    "mixed case, no spaces": "SELECT*WHERE{SeRvIcE<{url}>{?s ?p ?o}}",
    "silent": "SELECT * WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "escaped # in a name": "PREFIX e: <http://example.org/> SELECT ?x WHERE "
    "{ VALUES ?v { e:a\\# } SERVICE <{url}> { ?x ?y ?z } }",
    "escaped ' in a name": "PREFIX e: <http://example.org/> SELECT ?x WHERE "
    "{ VALUES ?v { e:a\\' } SERVICE <{url}> { ?x ?y ?z } }",
    "escaped ? and / in a name": "PREFIX e: <http://example.org/> SELECT * WHERE "
    "{ VALUES ?v { e:a\\?\\/ } SERVICE <{url}> { ?s ?p ?o } }",
    # \u escapes count only within strings and IRIs: a string ends at its next real quote
    "backslash in a \\u escape": 'SELECT * WHERE { BIND("\\u005C" AS ?b) '
    "SERVICE <{url}> { ?s ?p ?o } }",
    "backslash in a \\U escape, long string": "SELECT * WHERE { BIND('''\\U0000005C''' AS ?b) "
    "SERVICE <{url}> { ?s ?p ?o } }",
    "# in a \\u escape within an IRI": "SELECT * WHERE { BIND(<http://example.org/\\u0023> "
    "AS ?i) SERVICE <{url}> { ?s ?p ?o } }",
    "IRI in \\u escapes": "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/\\u0073parql> "
    "{ ?s ?p ?o } }",
    "comment ended by a bare CR": "SELECT * WHERE { # a comment\rSERVICE <{url}> { ?s ?p ?o } }",
    "comment ended by CR LF": "SELECT * WHERE { # a comment\r\nSERVICE <{url}> { ?s ?p ?o } }",
    "after strings that hold quotes": "SELECT * WHERE { BIND('''it's \"\"''' AS ?a) "
    'BIND("\\"" AS ?b) SERVICE <{url}> { ?s ?p ?o } }',
    "relative IRI against BASE": "BASE <{base}> SELECT * WHERE { SERVICE <x> { ?s ?p ?o } }",
    "prefixed name": "PREFIX l: <{base}> SELECT * WHERE { SERVICE l:x { ?s ?p ?o } }",
    "in a sub-query": "SELECT * WHERE { { SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } } } }",
    "in a union": "SELECT * WHERE { { BIND(1 AS ?one) } UNION { SERVICE <{url}> { ?s ?p ?o } } }",
    "in OPTIONAL": "SELECT * WHERE { BIND(1 AS ?one) OPTIONAL { SERVICE <{url}> { ?s ?p ?o } } }",
    "in FILTER EXISTS": "SELECT * WHERE { BIND(1 AS ?one) FILTER EXISTS { SERVICE <{url}> "
    "{ ?s ?p ?o } } }",
    "ASK": "ASK { SERVICE <{url}> { ?s ?p ?o } }",
    "CONSTRUCT": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "DESCRIBE": "DESCRIBE ?s WHERE { SERVICE <{url}> { ?s ?p ?o } }",
}
UPDATES = {
    "LOAD": "LOAD <{url}>",
    "load silent into a graph": "load silent <{url}> into graph <http://example.org/g>",
    "LOAD after a backslash in a \\u escape": "INSERT DATA { <http://example.org/s> "
    '<http://example.org/p> "\\u005C" } ; LOAD <{url}>',
    "LOAD after an escaped # in a name": "PREFIX e: <http://example.org/> "
    "INSERT DATA { e:a\\# e:b e:c } ; LOAD <{url}>",
    "LOAD after a comment ended by CR": "# a comment\rLOAD <{url}>",
    "SERVICE in INSERT WHERE": "INSERT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "SERVICE after an escaped ' in a name": "PREFIX e: <http://example.org/> "
    "INSERT { ?s ?p ?o } WHERE { VALUES ?v { e:a\\' } SERVICE <{url}> { ?s ?p ?o } }",
}


class Listener:
    """A TCP listener on loopback that counts connections and answers each with an empty
    SPARQL result set (so that a fetch, had one happened, would have succeeded)."""

    BODY = b'{"head":{"vars":[]},"results":{"bindings":[]}}'

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            with connection:
                connection.settimeout(1)
                try:
                    connection.recv(65536)
                    connection.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                        + f"Content-Length: {len(self.BODY)}\r\nConnection: close\r\n\r\n".encode()
                        + self.BODY
                    )
                except OSError:
                    pass

    def fill(self, template: str) -> str:
        base = f"http://127.0.0.1:{self.port}/"
        return (
            template.replace("{url}", base + "sparql")
            .replace("{base}", base)
            .replace("{port}", str(self.port))
        )

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    listening = Listener()
    yield listening
    listening.close()


@pytest.fixture(scope="module")
def app(seeded_copy, tmp_path_factory) -> Iterator[Flask]:
    config, token = writer(tmp_path_factory.mktemp("tokens"))
    with app_over(seeded_copy("ssrf"), QUERY_TIMEOUT=20.0, **config) as app:
        app.extensions["mhkg.workers"].start()
        app.config["TEST_WRITE_HEADERS"] = token  # what a writer sends
        yield app


def connections_after(listener: Listener, action) -> int:
    before = listener.connections
    with suppress(Exception):  # whether it failed is not the point: what it fetched is
        action()
    time.sleep(0.05)
    return listener.connections - before


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_each_query_spelling_really_fetches_when_nothing_stops_it(name, listener) -> None:
    text = listener.fill(QUERIES[name])
    assert connections_after(listener, lambda: list(pyoxigraph.Store().query(text))) >= 1


@pytest.mark.parametrize("name", sorted(UPDATES))
def test_each_update_spelling_really_fetches_when_nothing_stops_it(name, listener) -> None:
    text = listener.fill(UPDATES[name])
    assert connections_after(listener, lambda: pyoxigraph.Store().update(text)) >= 1


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_the_server_refuses_every_query_spelling_and_fetches_nothing(name, app, listener) -> None:
    text = listener.fill(QUERIES[name])
    client = app.test_client()
    responses = [
        client.get("/sparql", query_string={"query": text}),
        client.post("/sparql", data={"query": text}),
        client.post("/sparql", data=text.encode(), content_type="application/sparql-query"),
    ]
    time.sleep(0.05)
    assert listener.connections == 0
    for response in responses:
        assert response.status_code == 403, response.get_data(as_text=True)
        assert "SERVICE" in response.get_json(force=True)["error"]["detail"]


@pytest.mark.parametrize("name", sorted(UPDATES))
def test_the_server_refuses_every_update_spelling_and_fetches_nothing(name, app, listener) -> None:
    text = listener.fill(UPDATES[name])
    client = app.test_client()
    responses = [
        client.post("/sparql", data={"update": text}, headers=app.config["TEST_WRITE_HEADERS"]),
        client.post(
            "/sparql",
            data=text.encode(),
            content_type="application/sparql-update",
            headers=app.config["TEST_WRITE_HEADERS"],
        ),
    ]
    time.sleep(0.05)
    assert listener.connections == 0
    for response in responses:
        assert response.status_code == 403, response.get_data(as_text=True)


def test_the_workers_sandbox_alone_keeps_every_query_spelling_from_connecting(
    seeded_copy, listener
) -> None:
    """Past the token reading (as if it had missed a spelling): the workers cannot connect."""
    workers = QueryWorkers(str(seeded_copy("sandbox")), size=1, timeout=20.0)
    try:
        for name, template in sorted(QUERIES.items()):
            with suppress(MhkgError):  # refused (SILENT gives no error: just no solutions)
                workers.query(listener.fill(template))
            assert listener.connections == 0, name
    finally:
        workers.close()


def test_workers_allowed_to_federate_do_connect(seeded_copy, listener) -> None:
    """The sandbox test above could fail: with SERVICE allowed, the same workers connect."""
    workers = QueryWorkers(str(seeded_copy("federating")), size=1, allow_network=True)
    try:
        workers.query(listener.fill(QUERIES["plain"]))
    finally:
        workers.close()
    assert listener.connections >= 1
