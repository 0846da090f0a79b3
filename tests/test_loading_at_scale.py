"""Loading at scale: worker processes give what one process gives, records are committed in
batches (a refused record alone is left out of its batch; a crash loses at most the batch in
flight), and memory does not grow with the records of a file. Real files, stores and
processes; each test bounded in time."""

from __future__ import annotations

import gc
import importlib.util
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from mhkg import derivation, pipeline, reading
from mhkg.errors import ValidationError
from mhkg.iri import Minter
from mhkg.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
FIXTURES = ROOT / "tests" / "loaders" / "fixtures"
MHKG_SCRIPT = Path(sys.executable).with_name("mhkg")


def _bench_records():
    spec = importlib.util.spec_from_file_location("bench_records", ROOT / "bench" / "records.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


records = _bench_records()


def record_graphs(store: Store) -> dict[URIRef, Graph]:
    """Each record's graph as stored, without its load time (which differs between loads)."""
    system = {Minter().system_graph(name) for name in pipeline.SYSTEM_GRAPHS}
    graphs = {}
    for name in store.graph_names():
        if name not in system:
            stored = store.query(
                f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
            ).graph
            graph = Graph()
            graph += (t for t in stored if t[1] != PROV.generatedAtTime)
            graphs[name] = graph
    return graphs


def union_is_in_step(store: Store) -> bool:
    """The default graph holds exactly the triples of the named graphs."""
    ask = "ASK { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
    missing = store.query(ask).boolean
    extra = store.query("ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }").boolean
    return not missing and not extra


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Pages, news, CSV, JSON and IATI files, one row refused by a loader and one by the shapes."""
    folder = tmp_path_factory.mktemp("mixed")
    for seed in sorted(SEEDS.iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for name in ("idf-pages.csv", "idf-pages.json"):
        (folder / name).write_bytes((FIXTURES / "tabular" / name).read_bytes())
    iati = FIXTURES / "iati" / "iom-migration-health-activities.xml"
    (folder / iati.name).write_bytes(iati.read_bytes())
    records.write("csv", folder / "generated", 40, seed=3, per_file=15)
    rows = (folder / "generated" / "projects-0001.csv").read_text("utf-8").splitlines()
    header, row = rows[0].split(","), rows[3].split(",")  # a 2nd file's 3rd row: the shapes refuse
    start, end = header.index("Start Date"), header.index("End Date")
    row[start], row[end] = "2020-05-01", "2019-01-01"
    rows[3] = ",".join(row)
    rows[5] = rows[5].replace(rows[5].split(",")[header.index("Budget Amount (USD)")], "lots", 1)
    (folder / "generated" / "projects-0001.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return folder


@pytest.mark.parametrize("jobs", [2, 3])
def test_worker_processes_load_what_one_process_loads(
    mixed_folder: Path, tmp_path: Path, minter: Minter, jobs: int
) -> None:
    with open_store(tmp_path / "one") as one, open_store(tmp_path / "many") as many:
        alone = pipeline.load_paths(one, [mixed_folder], minter)
        spread = pipeline.load_paths(many, [mixed_folder], minter, jobs=jobs)
        assert [str(e) for e in spread.rejected] == [str(e) for e in alone.rejected]
        assert len(alone.rejected) == 2  # the bad budget, the dates the shapes refuse
        assert [r.graph for r in spread.loaded] == [r.graph for r in alone.loaded]
        assert spread.records == alone.records == len(alone.loaded) > 45
        assert spread.triples == alone.triples
        expected, got = record_graphs(one), record_graphs(many)
        assert sorted(got) == sorted(expected)
        unequal = [name for name in expected if not isomorphic(expected[name], got[name])]
        assert unequal == []
        assert union_is_in_step(many) and not derivation.pending(many)
        assert isomorphic(derivation.derive(many), derivation.derive(one))


def test_a_record_the_shapes_refuse_is_left_out_of_its_batch_alone(
    mixed_folder: Path, empty_store: Store, minter: Minter, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches: list[list[URIRef]] = []
    write = empty_store.replace_graphs

    def replace_graphs(graphs):
        if records := [name for name, _ in graphs if "/graph/projects-" in name]:
            batches.append(records)
        write(graphs)

    monkeypatch.setattr(empty_store, "replace_graphs", replace_graphs)
    monkeypatch.setattr(pipeline, "BATCH_RECORDS", 4)
    report = pipeline.load_paths(empty_store, [mixed_folder / "generated"], minter)
    (refused,) = [e for e in report.rejected if isinstance(e, ValidationError)]
    assert refused.source == "projects-0001.csv"
    assert "is before the start date" in refused.reason
    refused_graph = minter.graph(refused.record)
    written = [name for batch in batches for name in batch]
    assert refused_graph not in written and refused_graph not in empty_store.graph_names()
    assert len(written) == len(set(written)) == report.records == 38
    assert max(len(batch) for batch in batches) == 4  # batches, not one transaction per record
    assert union_is_in_step(empty_store)


# Loads a folder with batches of 5 records and dies by SIGKILL as it commits the third batch.
CRASH_IN_A_BATCH = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from mhkg import pipeline
    from mhkg.iri import Minter
    from mhkg.store import open_store

    pipeline.BATCH_RECORDS = 5
    kg = open_store(sys.argv[1])
    write, batches = kg.replace_graphs, []

    def replace_graphs(graphs):
        if any("/graph/projects-" in name for name, _ in graphs):
            batches.append(len(graphs))
            if len(batches) == 3:
                os.kill(os.getpid(), signal.SIGKILL)
        write(graphs)

    kg.replace_graphs = replace_graphs
    pipeline.load_paths(kg, [Path(sys.argv[2])], Minter(), jobs=int(sys.argv[3]))
    """
)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_crash_in_the_middle_of_a_batch_loses_that_batch_only(
    tmp_path: Path, minter: Minter, jobs: int
) -> None:
    folder = records.write("csv", tmp_path / "records", 14, seed=5, per_file=100)
    store = tmp_path / "kg"
    done = subprocess.run(
        [sys.executable, "-c", CRASH_IN_A_BATCH, str(store), str(folder), str(jobs)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -9, done.stderr
    with open_store(store) as kg:
        graphs = [g for g in kg.graph_names() if "/graph/projects-" in g]
        assert len(graphs) == 10  # two batches of five; the third was in flight
        assert union_is_in_step(kg)
        assert derivation.check(kg, minter).holds  # recomputed as the store was opened
        report = pipeline.load_paths(kg, [folder], minter)
        assert report.ok and report.records == 14 and not derivation.pending(kg)
        assert len([g for g in kg.graph_names() if "/graph/projects-" in g]) == 14


class CountingObjects(pipeline.Progress):
    """Counts the objects Python's collector tracks (graphs, their triples' containers)
    every `every` records written."""

    def __init__(self, every: int) -> None:
        self.every, self.written, self.counts = every, 0, []

    def record(self, written: bool, triples: int = 0) -> None:
        self.written += written
        if written and self.written % self.every == 0:
            gc.collect()
            self.counts.append(len(gc.get_objects()))


def test_memory_does_not_grow_with_the_records_of_a_file(
    tmp_path: Path, empty_store: Store, minter: Minter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Objects alive after 40 records of a file and after 200: a record's graph is thousands
    of objects, so holding the records read (as the pipeline once did) shows at once."""
    monkeypatch.setattr(pipeline, "BATCH_RECORDS", 40)  # counted after each batch's commit
    folder = records.write("csv", tmp_path / "records", 200, seed=7, per_file=1000)
    counting = CountingObjects(every=40)
    assert pipeline.load_paths(empty_store, [folder], minter, counting, list_loaded=False).ok
    first, *_, last = counting.counts
    assert len(counting.counts) == 5 and last - first < 5_000, counting.counts


def test_records_are_read_and_checked_as_they_are_asked_for(mixed_folder: Path) -> None:
    """The event stream is lazy: the first record of a 25-row file comes before the others
    are made (no list of a file's records is built first)."""
    made: list[str] = []
    real = reading.check

    def counting(record, *args):
        made.append(record.name)
        return real(record, *args)

    path = mixed_folder / "generated" / "projects-0000.csv"
    opener = reading.path_opener(path)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reading, "check", counting)
        events = reading.read([opener], Minter(), pipeline.Registry(), jobs=1)
        assert isinstance(next(events), reading.SourceOpened)
        assert isinstance(next(events), reading.Checked)
        assert len(made) == 1
        assert sum(isinstance(e, reading.Checked) for e in events) == 14


def test_a_worker_that_dies_stops_the_load_with_a_clear_error(
    tmp_path: Path, minter: Minter
) -> None:
    folder = records.write("csv", tmp_path / "records", 6, seed=2, per_file=100)
    dying = tmp_path / "die.csv"
    dying.write_text("Title\nA project\n", "utf-8")
    openers = [reading.path_opener(p) for p in sorted(folder.iterdir())] + [_Dying(dying)]
    with open_store(tmp_path / "kg") as kg:
        with pytest.raises(reading.WorkerError, match=r"stopped|failed"):
            pipeline.load_sources(kg, openers, minter, jobs=2)
        assert union_is_in_step(kg)


class _Dying:
    """An opener that kills the worker process that calls it (a crash in a worker)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self):
        if os.environ.get("MHKG_TEST_PARENT") != str(os.getpid()):
            os.kill(os.getpid(), 9)
        return reading.path_opener(self.path)()


@pytest.fixture(autouse=True)
def _parent_pid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MHKG_TEST_PARENT", str(os.getpid()))


def test_the_command_counts_records_and_ends_with_a_rate(tmp_path: Path) -> None:
    folder = records.write("json", tmp_path / "records", 12, seed=4, per_file=100)
    done = subprocess.run(
        [MHKG_SCRIPT, "load", "--jobs", "2", "--store", str(tmp_path / "kg"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert re.fullmatch(
        r"loaded 12 record\(s\), [\d,]+ triples, into .*kg; rejected 0; "
        r"[\d.]+ s, [\d.,]+ records/s",
        last,
    ), last
    quiet = subprocess.run(
        [MHKG_SCRIPT, "load", "--quiet", "--store", str(tmp_path / "kg"), str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert quiet.returncode == 0 and quiet.stderr == ""
