"""The store under faults: readers while another process writes, a read-only folder, a
full disk. Real folders, real processes; each test bounded in time."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
import time
from itertools import pairwise
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from mhkg import derivation, pipeline
from mhkg.iri import Minter
from mhkg.store import Store, open_store
from mhkg.store.embedded import EmbeddedStore

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
GUINEA = SEEDS / "000_c1443bd85e840731.txt"
MHKG_SCRIPT = Path(sys.executable).with_name("mhkg")

# Runs a command as a process whose file permissions hold even for root (it loses the
# capabilities that override them: DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER; a user without them
# is unchanged), and whose files can grow to at most LIMIT bytes (a full disk: writing past
# it fails with EFBIG, as SIGXFSZ is ignored). Usage: LIMIT|- COMMAND ARGS...
CONFINED = textwrap.dedent(
    """
    import ctypes, os, resource, signal, sys
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):
        libc.prctl(24, capability, 0, 0, 0)  # PR_CAPBSET_DROP: gone after exec
    if sys.argv[1] != "-":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
    os.execv(sys.argv[2], sys.argv[2:])
    """
)


def confined(limit: int | None, *command: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CONFINED, str(limit or "-"), *map(str, command)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def nquads(store: Store) -> list[str]:
    out = io.BytesIO()
    store.export(out, "nquads")
    return out.getvalue().decode("utf-8").splitlines()


def graph(store: Store, name: URIRef) -> Graph:
    """The named graph, without its generation time (which each load changes)."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
    g = store.query(query).graph
    g.remove((None, PROV.generatedAtTime, None))
    return g


def assert_told_in_one_line(done: subprocess.CompletedProcess, folder: Path, what: str) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"error: {what} {folder}: "), done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


# --- a reader while another process writes -----------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from mhkg import pipeline
    from mhkg.iri import Minter
    from mhkg.store import open_store

    folder, old, new, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
    snapshots, latest = Path(sys.argv[5]), Path(sys.argv[5]) / "latest"
    with open_store(folder) as kg:
        for number in range(1000):  # until the reader has seen enough
            if stop.exists():
                break
            assert pipeline.load_paths(kg, [new if number % 2 == 0 else old], Minter()).ok
            kg.snapshot(snapshots / str(number))  # as the server does after each write
            (snapshots / "next").write_text(str(number))
            (snapshots / "next").replace(latest)
    """
)

UNION_DIFFERS = """ASK {
  { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
  UNION { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } } }"""


def test_readers_of_snapshots_during_loads_see_each_graph_old_or_new_and_the_union_in_step(
    writable_seeded_path: Path, tmp_path: Path, minter: Minter
) -> None:
    """A process loads page after page and takes a snapshot after each load, as the server
    does for its query workers; a reader opens the latest snapshot read-only, again and
    again, while the loads go on. Each snapshot is the store between two transactions: the
    page's graph is its old or its new version, the default graph is the union of the named
    graphs, and the derived links are up to date. (Read-only opens of the folder being
    written, which the workers made before, are undefined behaviour in pyoxigraph: in a
    stress run, such a reader's query of a few milliseconds was still running after 120 s.)"""
    old, new = tmp_path / "old" / "page.txt", tmp_path / "new" / "page.txt"
    for path, status in ((old, "Completed"), (new, "Ongoing")):
        path.parent.mkdir()
        path.write_text(GUINEA.read_text("utf-8").replace("Completed", status), "utf-8")
    page = minter.graph("page.txt")
    versions = {}
    with open_store(writable_seeded_path) as kg:
        for name, path in (("new", new), ("old", old)):
            assert pipeline.load_paths(kg, [path], minter).ok
            versions[name] = graph(kg, page)
        graph_names = kg.graph_names()
    assert not isomorphic(versions["old"], versions["new"])
    stop, snapshots = tmp_path / "stop", tmp_path / "snapshots"
    snapshots.mkdir()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, writable_seeded_path, old, new, stop, snapshots],
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[str] = []
    deadline = time.monotonic() + 150  # each snapshot also recomputes the derived graph
    try:
        while writer.poll() is None and time.monotonic() < deadline and not enough(seen):
            if not (snapshots / "latest").exists():
                time.sleep(0.05)
                continue
            latest = snapshots / (snapshots / "latest").read_text()
            with EmbeddedStore(latest, read_only=True) as snapshot:
                assert snapshot.graph_names() == graph_names
                content = graph(snapshot, page)
                (version,) = [n for n, g in versions.items() if isomorphic(content, g)]
                seen.append(version)
                assert not snapshot.query(UNION_DIFFERS).boolean
                check = derivation.check(snapshot, minter)
                assert check.holds, check.text()
    finally:
        stop.touch()
        try:
            _, errors = writer.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            writer.kill()
            raise
    assert writer.returncode == 0, errors
    assert enough(seen), seen


def enough(seen: list[str]) -> bool:
    """Snapshots enough to have seen the page change several times."""
    changes = sum(a != b for a, b in pairwise(seen))
    return len(seen) >= 20 and changes >= 4


# --- a read-only folder, a full disk -----------------------------------------------------


def test_a_read_only_store_folder_is_told_in_one_line_and_left_as_it_was(
    writable_seeded_path: Path, minter: Minter
) -> None:
    folder = writable_seeded_path
    with open_store(folder) as kg:
        before = nquads(kg)
    paths = [folder, *folder.iterdir()]
    modes = {path: path.stat().st_mode for path in paths}
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        for command in (["load", "--quiet", GUINEA], ["query", "--named", "projects"]):
            done = confined(None, MHKG_SCRIPT, *command, "--store", folder)
            assert_told_in_one_line(done, folder, "cannot open the store at")
            assert "Permission denied" in done.stderr
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    with open_store(folder) as kg:
        assert nquads(kg) == before


def test_a_full_disk_during_a_load_is_told_in_one_line_and_keeps_what_was_committed(
    writable_seeded_path: Path, tmp_path: Path, minter: Minter
) -> None:
    """Files may grow to 600 kB: the store opens, and the write-ahead log fills up after a
    few of the five new records. (Closing once failed too, with a traceback.)"""
    folder, documents = writable_seeded_path, tmp_path / "documents"
    documents.mkdir()
    for seed in SEEDS.iterdir():
        (documents / f"copy-{seed.name}").write_bytes(seed.read_bytes())
    with open_store(folder) as kg:
        before = nquads(kg)
        seeded = set(kg.graph_names())
    done = confined(600_000, MHKG_SCRIPT, "load", "--quiet", documents, "--store", folder)
    assert_told_in_one_line(done, folder, "cannot write to the store at")
    assert "File too large" in done.stderr
    with open_store(folder) as kg:  # finishes the load's derived links
        added = set(kg.graph_names()) - seeded
        assert len(added) < 5
        derived = minter.system_graph("derived")
        kept = [q for q in before if not q.endswith(f"<{derived}> .")]
        assert set(kept) <= set(nquads(kg))
        assert not derivation.pending(kg)
        assert pipeline.validate_store(kg, minter).conforms
    assert os.access(folder, os.W_OK)


def test_a_read_only_open_that_meets_a_compaction_is_tried_again_and_persistent_corruption_is_told(
    writable_seeded_path: Path, monkeypatch
) -> None:
    """RocksDB reports a file removed by a concurrent compaction as corruption (seen in CI
    while the test above ran): the open is tried again; corruption that stays is a StoreError."""
    from mhkg.errors import StoreError
    from mhkg.store import embedded

    real_open, failures = embedded.ox.Store.read_only, []

    def compacted_once(path: str):
        if not failures:
            failures.append(path)
            raise RuntimeError(f"Corruption: IO error: No such file or directory: {path}/1.sst")
        return real_open(path)

    monkeypatch.setattr(embedded.ox.Store, "read_only", compacted_once)
    with EmbeddedStore(writable_seeded_path, read_only=True) as snapshot:
        assert snapshot.graph_names()
    assert failures == [str(writable_seeded_path)]

    def corrupt(path: str):
        raise RuntimeError("Corruption: bad block")

    monkeypatch.setattr(embedded.ox.Store, "read_only", corrupt)
    with pytest.raises(StoreError, match=r"cannot open the store.*bad block"):
        EmbeddedStore(writable_seeded_path, read_only=True)
