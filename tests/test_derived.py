"""Derived links (mhkg:worksWith) stay in step with the records they derive from: a load cut
short leaves them marked out of date, the next open recomputes them, and `validate` checks
them against the derivation rules."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from mhkg import derivation, pipeline
from mhkg.cli import main
from mhkg.iri import Minter
from mhkg.store import Store, open_store
from mhkg.store.embedded import EmbeddedStore

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
MHKG_SCRIPT = Path(sys.executable).with_name("mhkg")

# Dies by SIGKILL at one point of a load of a folder: as it reaches file N ("file-N"), or as
# it is about to write the derived graph after the records ("derived").
KILLED_LOAD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from mhkg import derivation, pipeline
    from mhkg.iri import Minter
    from mhkg.store import open_store

    folder, documents, point = sys.argv[1:]
    kg = open_store(folder)

    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    class Progress(pipeline.Progress):
        done = 0

        def source_done(self, size):  # file N is reached when N - 1 are done
            self.done += 1
            if point == f"file-{self.done + 1}":
                die()

    write, write_records = kg.replace_graph, kg.replace_graphs
    derived, records = Minter().system_graph("derived"), []

    def replace_graph(name, graph):
        if point == "derived" and name == derived and records:
            die()
        write(name, graph)

    def replace_graphs(graphs):
        records.extend(name for name, _ in graphs if "/graph/0" in name)  # seeds' graphs
        write_records(graphs)

    kg.replace_graph, kg.replace_graphs = replace_graph, replace_graphs
    pipeline.load_paths(kg, [Path(documents)], Minter(), Progress())
    """
)


def derived_graph(store: Store, minter: Minter) -> Graph:
    name = minter.system_graph("derived")
    return store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}").graph


def records(store: Store) -> set[URIRef]:
    system = pipeline.SYSTEM_GRAPHS
    return {g for g in store.graph_names() if str(g).rsplit("/", 1)[-1] not in system}


def kill_a_load(folder: Path, point: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_LOAD, str(folder), str(SEEDS), point],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr


@pytest.mark.parametrize(("point", "loaded"), [("file-2", 1), ("file-4", 3), ("derived", 5)])
def test_a_load_killed_at_any_point_leaves_derived_links_that_the_next_open_recomputes(
    tmp_path: Path, minter: Minter, point: str, loaded: int
) -> None:
    folder = tmp_path / "kg"
    kill_a_load(folder, point)
    with EmbeddedStore(folder, read_only=True) as as_left:  # what the killed load left
        assert len(records(as_left)) == loaded
        assert derivation.pending(as_left)
        assert not isomorphic(derived_graph(as_left, minter), derivation.derive(as_left))
        check = derivation.check(as_left, minter)
        assert check.marked and not check.holds and "cut short" in check.text()
    validate = subprocess.run(
        [MHKG_SCRIPT, "validate", "--store", folder], capture_output=True, text=True, timeout=120
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "cut short" in validate.stderr and "Derived links: up to date" in validate.stdout
    with open_store(folder) as kg:
        assert not derivation.pending(kg)
        links = derived_graph(kg, minter)
        assert len(links) > 10 and isomorphic(links, derivation.derive(kg))
        assert pipeline.validate_store(kg, minter).conforms


def test_the_mark_is_written_before_the_first_record_and_gone_after_the_load(
    empty_store: Store, minter: Minter
) -> None:
    seen: list[tuple[int, bool]] = []
    write = empty_store.replace_graphs

    def replace_graphs(graphs: list[tuple[URIRef, str]]) -> None:
        records = [name for name, _ in graphs if "/graph/0" in name]  # seeds' graphs
        if records:
            seen.append((len(records), derivation.pending(empty_store)))
        write(graphs)

    empty_store.replace_graphs = replace_graphs  # type: ignore[method-assign]
    assert pipeline.load_paths(empty_store, [SEEDS], minter).ok
    assert sum(count for count, _ in seen) == 5 and all(pending for _, pending in seen)
    assert not derivation.pending(empty_store)


def tamper(folder: Path, minter: Minter) -> tuple[URIRef, URIRef]:
    """Remove one derived link and add one that no rule gives: (removed's subject, added's)."""
    derived = minter.system_graph("derived")
    with open_store(folder) as kg:
        row = kg.query(f"SELECT ?a ?b WHERE {{ GRAPH <{derived}> {{ ?a mhkg:worksWith ?b }} }}")
        a, b = row.rows[0]["a"], row.rows[0]["b"]
        kg.update(
            f"DELETE DATA {{ GRAPH <{derived}> {{ <{a}> mhkg:worksWith <{b}> }} }} ;\n"
            f"INSERT DATA {{ GRAPH <{derived}> {{ <urn:x:nobody> mhkg:worksWith <{b}> }} }}"
        )
    return a, URIRef("urn:x:nobody")


def test_validate_store_reports_the_difference_with_the_rules(
    writable_seeded_path: Path, minter: Minter
) -> None:
    removed, added = tamper(writable_seeded_path, minter)
    with open_store(writable_seeded_path) as kg:
        report = pipeline.validate_store(kg, minter)
    assert report.shapes.conforms and not report.conforms
    assert {s for s, _, _ in report.derived.missing} == {removed}
    assert {s for s, _, _ in report.derived.extra} == {added}
    assert not report.derived.marked


def test_validate_exits_1_when_the_derived_links_were_tampered_with(
    writable_seeded_path: Path, minter: Minter
) -> None:
    removed, added = tamper(writable_seeded_path, minter)
    result = CliRunner().invoke(main, ["validate", "--store", str(writable_seeded_path)])
    assert result.exit_code == 1, result.output
    assert "Derived links: out of date" in result.stdout
    assert "lacks 1 and has 1 extra" in result.stdout
    assert f"missing: <{removed}>" in result.stdout and f"extra: <{added}>" in result.stdout


def test_a_load_that_writes_nothing_does_not_recompute(
    writable_seeded_path: Path, minter: Minter, tmp_path: Path
) -> None:
    """Tampered links stay tampered after a load that rejects everything: it wrote nothing."""
    tamper(writable_seeded_path, minter)
    rejected = tmp_path / "table.xlsx"
    rejected.write_bytes(b"PK\x03\x04")
    with open_store(writable_seeded_path) as kg:
        assert not pipeline.load_paths(kg, [rejected], minter).ok
        assert not pipeline.validate_store(kg, minter).conforms
        assert pipeline.load_paths(kg, [SEEDS / "000_c1443bd85e840731.txt"], minter).ok
        assert pipeline.validate_store(kg, minter).conforms
