"""Shared fixtures: the seed documents, the gold file, and stores loaded with the seeds.

An on-disk Oxigraph store can be held open by one `Store` object at a time in a process, so
the seeds are loaded once into a *pristine* folder that is then closed and never opened again;
each consumer that needs the seeded data gets its own copy of that folder:

- ``seeded_store``: an open store, shared by the whole session, for read-only tests;
- ``seeded_path``: a folder that nothing holds open (for the CLI, which opens it per command);
- ``writable_seeded_path``: a fresh copy per test, for tests that write;
- ``empty_store``: a fresh empty store per test;
- ``bench_records``: bench/records.py, the loading benchmark's generator of records;
- ``cofunded_copy``: like ``seeded_copy``, a store with the seeds and COFUNDED generated IATI
  activities funded by the IOM Development Fund and by up to three other funders each;
- ``virtuoso``: a throw-away Virtuoso for the session (tools/virtuoso_server.py); a machine
  where it cannot start fails the tests that use it, never skips them;
- ``store``: a fresh empty store of each kind, embedded and remote (that Virtuoso, wiped).
"""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import Dataset, Graph
from rdflib.term import Node
from virtuoso_server import Tuning, Virtuoso, start

from mhkg import pipeline
from mhkg.iri import Minter
from mhkg.store import Store, open_store

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS.parent / "data" / "seeds"
GOLD_FILE = TESTS / "fixtures" / "gold-seeds.json"
IDF_PAGES = ("000_c1443bd85e840731.txt", "001_9dadf857c818826a.txt")


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test depends on the caller's MHKG_* settings or writes to the user's data folder."""
    monkeypatch.delenv("MHKG_BASE_IRI", raising=False)
    monkeypatch.setenv("MHKG_STORE", str(tmp_path_factory.getbasetemp() / "default-store"))


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads(GOLD_FILE.read_text("utf-8"))["documents"]


@pytest.fixture(scope="session")
def gold_idf_projects(gold: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The gold projects of the two IOM Development Fund pages, by project code."""
    projects = [p for name in IDF_PAGES for p in gold[name]["projects"]]
    return {p["code"]: p for p in projects}


@pytest.fixture(scope="session")
def minter() -> Minter:
    return Minter()


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    files = sorted(SEEDS.iterdir())
    assert [f.name for f in files] == sorted(json.loads(GOLD_FILE.read_text("utf-8"))["documents"])
    return files


@pytest.fixture(scope="session")
def pristine_seeded(tmp_path_factory: pytest.TempPathFactory, minter: Minter) -> Path:
    """A store folder holding the five seeds, closed: copy it, never open it."""
    folder = tmp_path_factory.mktemp("pristine") / "store"
    with open_store(folder) as kg:
        report = pipeline.load_paths(kg, [SEEDS], minter)
    assert report.ok, [str(e) for e in report.rejected]
    assert len(report.loaded) == 5
    return folder


def _copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    (target / "LOCK").unlink(missing_ok=True)
    return target


@pytest.fixture(scope="session")
def seeded_copy(
    pristine_seeded: Path, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], Path]:
    """``seeded_copy(name)``: a new closed store folder with the seeds, for one consumer."""
    return lambda name: _copy_store(pristine_seeded, tmp_path_factory.mktemp(name) / "store")


@pytest.fixture(scope="session")
def seeded_store(seeded_copy: Callable[[str], Path]) -> Iterator[Store]:
    """One open store with the seeds, shared by read-only tests. Do not write to it."""
    with open_store(seeded_copy("shared")) as kg:
        yield kg


@pytest.fixture(scope="session")
def seeded_path(seeded_copy: Callable[[str], Path]) -> Path:
    """A seeded store folder nobody holds open, for read-only CLI runs."""
    return seeded_copy("cli")


@pytest.fixture
def writable_seeded_path(pristine_seeded: Path, tmp_path: Path) -> Path:
    """A seeded store folder of this test's own, closed."""
    return _copy_store(pristine_seeded, tmp_path / "seeded-store")


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "empty-store") as kg:
        yield kg


def _parse_rdf(data: str | bytes, fmt: str) -> Graph:
    with warnings.catch_warnings():
        # rdflib 7.x's JSON-LD and TriG parsers warn about rdflib's own deprecated internals
        # (ConjunctiveGraph); that is not what these tests are about.
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(data=data, format=fmt)


def _parse_quads(data: str | bytes, fmt: str) -> dict[Node, Graph]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # as above; Dataset too
        dataset = Dataset()
        dataset.parse(data=data, format=fmt)
        graphs = {g.identifier: Graph() + g for g in dataset.graphs()}
    return {name: g for name, g in graphs.items() if len(g)}


@pytest.fixture(scope="session")
def parse_rdf() -> Callable[[str | bytes, str], Graph]:
    """``parse_rdf(data, rdflib_format)``: an rdflib Graph of a triple serialisation."""
    return _parse_rdf


@pytest.fixture(scope="session")
def parse_quads() -> Callable[[str | bytes, str], dict[Node, Graph]]:
    """``parse_quads(data, rdflib_format)``: the non-empty graphs of a quad serialisation,
    by name, as plain rdflib Graphs."""
    return _parse_quads


@pytest.fixture(scope="session")
def bench_records() -> ModuleType:
    """bench/records.py, the generator of the loading benchmark (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "bench_records", TESTS.parent / "bench" / "records.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


COFUNDED = 40
FUNDERS = ("Government of Norway", "European Union", "World Bank", "Global Fund",
           "Government of Japan", "Swiss Agency for Development and Cooperation")  # fmt: skip
IDF_FUNDER = '<participating-org role="1" type="40"><narrative>IOM Development Fund</narrative>'


def write_cofunded(records: ModuleType, folder: Path, n: int = COFUNDED, seed: int = 7) -> Path:
    """An IATI file of `n` generated activities (bench/records.py), each funded by the IOM
    Development Fund and by zero to three of FUNDERS, drawn with `seed`."""
    rng = random.Random(seed)
    activities = []
    for i in range(n):
        text = records.activity_xml(records.project(seed, i))
        assert IDF_FUNDER in text
        donors = rng.sample(FUNDERS, rng.choice((0, 1, 1, 2, 3)))
        extra = "".join(
            f'\n    <participating-org role="1" type="10"><narrative>{name}</narrative>'
            "</participating-org>"
            for name in donors
        )
        activities.append(text.replace(IDF_FUNDER, extra.lstrip() + "\n    " + IDF_FUNDER))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cofunded.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<iati-activities version="2.03" generated-datetime="2024-05-02T08:30:00Z">\n'
        + "".join(activities)
        + "</iati-activities>\n",
        "utf-8",
    )
    return path


@pytest.fixture(scope="session")
def cofunded_copy(
    tmp_path_factory: pytest.TempPathFactory, bench_records: ModuleType, minter: Minter
) -> Callable[[str], Path]:
    """``cofunded_copy(name)``: a new closed store folder with the seeds and COFUNDED
    co-funded activities (`write_cofunded`), for one consumer."""
    folder = tmp_path_factory.mktemp("cofunded")
    records = write_cofunded(bench_records, folder / "records")
    with open_store(folder / "store") as kg:
        report = pipeline.load_paths(kg, [SEEDS, records], minter)
        assert report.ok, [str(e) for e in report.rejected]
    return lambda name: _copy_store(folder / "store", tmp_path_factory.mktemp(name) / "store")


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """Virtuoso on free ports of 127.0.0.1 with a new database; raises (the tests using it
    error) when it cannot start."""
    folder = tmp_path_factory.mktemp("virtuoso")
    (folder / "load").mkdir()  # for its bulk loader (tests/test_remote_bulk_load.py)
    server = start(folder / "server", Tuning(load_folders=(folder / "load",)))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["embedded", "virtuoso"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh empty store of each kind: embedded in a folder, and the session's Virtuoso."""
    if request.param == "embedded":
        location = str(tmp_path / "store")
    else:
        server = request.getfixturevalue("virtuoso")
        server.wipe()
        location = server.url
    with open_store(location) as kg:
        yield kg
