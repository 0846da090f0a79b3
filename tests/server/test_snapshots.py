"""The query workers read snapshots of the store (mhkg.server.snapshots): one taken at the
start and one after each write, each removed once no worker reads it, all removed when the
server stops; the store itself is never removed, and a server that cannot keep snapshots
reads the store itself and says so."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import Graph, URIRef

from mhkg.server import snapshots as snapshots_module
from mhkg.server.snapshots import Snapshots
from mhkg.server.workers import QueryWorkers, _Worker
from mhkg.store.embedded import EmbeddedStore

from .fixtures_app import app_over, bindings, writer

PERSON = URIRef("http://www.example/person/1")
COUNT_PEOPLE = "SELECT (COUNT(*) AS ?n) WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }"


def person(name: str) -> Graph:
    graph = Graph()
    graph.parse(
        data=f"<{PERSON}> a <http://xmlns.com/foaf/0.1/Person> ; "
        f'<http://xmlns.com/foaf/0.1/name> "{name}" .',
        format="turtle",
    )
    return graph


def snapshot_folders(store_folder: Path) -> list[Path]:
    prefix = f".{store_folder.name}.snapshots-"
    roots = [path for path in store_folder.parent.iterdir() if path.name.startswith(prefix)]
    return sorted(folder for root in roots for folder in root.iterdir())


def wait_until(condition, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_snapshot_is_the_store_as_it_was_and_lives_next_to_it(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.replace_graph(URIRef("http://www.example/g"), person("Before"))
        snapshots = Snapshots(store)
        taken = Path(snapshots.take())
        store.replace_graph(URIRef("http://www.example/g"), person("After"))
        assert taken.parent.parent == tmp_path and taken.parent.name.startswith(".store.")
        with EmbeddedStore(taken, read_only=True) as copy:
            names = copy.query("SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }")
            assert [str(row["n"]) for row in names.rows] == ["Before"]
        snapshots.remove(str(taken))
        assert not taken.exists()
        snapshots.remove(str(folder))  # never the store itself
        assert folder.is_dir() and store.has_graph(URIRef("http://www.example/g"))
        snapshots.close()
        assert snapshot_folders(folder) == []


@pytest.mark.parametrize("name", ["store", "store [2024]"])
def test_snapshots_left_by_a_server_that_did_not_stop_are_removed_by_the_next(
    tmp_path: Path, name: str
) -> None:
    folder = tmp_path / name  # a name with brackets is no glob pattern
    with EmbeddedStore(folder) as store:
        Snapshots(store).take()  # never closed, as by a server that was killed
        assert len(snapshot_folders(folder)) == 1
        fresh = Snapshots(store)
        assert snapshot_folders(folder) == []
        fresh.close()


def test_a_server_that_cannot_keep_snapshots_reads_the_store_itself_and_says_so(
    tmp_path: Path, monkeypatch, caplog
) -> None:
    """As when the store's parent folder cannot be written (which root, running the tests,
    could still write: so the folder's creation is made to fail)."""

    def refused(**_):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(snapshots_module.tempfile, "mkdtemp", refused)
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store, caplog.at_level(logging.WARNING, "mhkg.server"):
        snapshots = Snapshots(store)
        assert snapshots.take() == store.location
        snapshots.remove(store.location)
        assert folder.is_dir()
    assert "cannot keep snapshots of the store" in caplog.text
    assert "Permission denied" in caplog.text


def test_workers_move_to_the_new_snapshot_and_the_old_one_is_retired(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    retired: list[str] = []
    with EmbeddedStore(folder) as store:
        snapshots = Snapshots(store)
        first = snapshots.take()
        workers = QueryWorkers(first, size=2, timeout=30.0, retired=retired.append)
        try:
            assert workers.query(COUNT_PEOPLE).rows[0]["n"].toPython() == 0
            store.replace_graph(URIRef("http://www.example/g"), person("Jane"))
            second = snapshots.take()
            workers.refresh(second)
            assert wait_until(lambda: retired == [first]), retired
            assert workers.query(COUNT_PEOPLE).rows[0]["n"].toPython() == 1
        finally:
            workers.close()
            snapshots.close()


def test_a_snapshot_a_worker_is_opening_is_not_retired_under_it(
    tmp_path: Path, monkeypatch
) -> None:
    """A write lands while a worker is still opening the snapshot of the write before: that
    snapshot is not removed under it; both older ones go once it has moved on to the newest."""
    retired: list[str] = []
    opening, go_on = threading.Event(), threading.Event()
    real_reopen = _Worker.reopen

    def slow_reopen(worker, location, generation, limit):
        opening.set()
        go_on.wait(30)
        return real_reopen(worker, location, generation, limit)

    with EmbeddedStore(tmp_path / "store") as store:
        snapshots = Snapshots(store)
        first = snapshots.take()

        def retire(location: str) -> None:
            retired.append(location)
            snapshots.remove(location)

        workers = QueryWorkers(first, size=1, timeout=30.0, retired=retire)
        try:
            workers.start()
            monkeypatch.setattr(_Worker, "reopen", slow_reopen)
            second = snapshots.take()
            workers.refresh(second)
            assert opening.wait(30)  # the worker is opening `second`
            store.replace_graph(URIRef("http://www.example/g"), person("Jane"))
            third = snapshots.take()
            workers.refresh(third)
            assert second not in retired and Path(second).is_dir()
            go_on.set()
            assert wait_until(lambda: sorted(retired) == sorted([first, second])), retired
            assert workers.query(COUNT_PEOPLE).rows[0]["n"].toPython() == 1
        finally:
            go_on.set()
            workers.close()
            snapshots.close()


@pytest.fixture
def served(seeded_copy, tmp_path: Path):
    folder = seeded_copy("snapshots")
    config, token = writer(tmp_path)
    with app_over(folder, **config) as app:
        app.extensions["mhkg.workers"].start()
        yield app, folder, token
    assert snapshot_folders(folder) == []  # all removed when the server stopped


def test_after_each_write_the_workers_answer_from_a_new_snapshot_and_one_is_kept(
    served,
) -> None:
    app, folder, token = served
    client = app.test_client()
    graph = "http://www.example/people"
    (first,) = snapshot_folders(folder)
    for number, name in enumerate(["Jane", "John", "Ada"], start=1):
        body = person(name).serialize(format="turtle")
        response = client.put(
            f"/data?graph={quote(graph, safe='')}",
            data=body,
            headers={**token, "Content-Type": "text/turtle"},
        )
        assert response.status_code in (201, 204), response.get_data(as_text=True)
        answer = client.get(
            "/sparql",
            query_string={"query": "SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert [row["n"]["value"] for row in bindings(answer)] == [name]
        assert wait_until(lambda: len(snapshot_folders(folder)) == 1)
        (current,) = snapshot_folders(folder)
        assert int(current.name) == int(first.name) + number
