"""IATI files through the whole pipeline: what is written, what is refused, and the same
named-query rows as the equivalent IOM Development Fund page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mhkg import pipeline
from mhkg import queries as named_queries
from mhkg.errors import RecordError
from mhkg.iri import Minter
from mhkg.loaders import Source, iati, iati_graph
from mhkg.store import Store, open_store

from .conftest import HERE

FIXTURES = HERE / "fixtures" / "iati"
STANDARD = FIXTURES / "standard"  # the IATI standard's samples and schema tests, unchanged
SEEDS = HERE.parents[1] / "data" / "seeds"
BUG = "this is a bug in mhkg"
EQUIVALENT = [
    ("000_c1443bd85e840731.txt", "idf-guinea-diaspora.xml"),
    ("001_9dadf857c818826a.txt", "idf-central-america-health.xml"),
]
QUERIES = ("projects", "project-countries", "project-sdgs", "project-stakeholders")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "store") as kg:
        yield kg


def document_graphs(kg: Store, minter: Minter, name: str) -> set:
    return pipeline.graphs_from(kg, minter.document(name))


@pytest.mark.parametrize(
    "name", ["not-xml.xml", "not-well-formed.xml", "wrong-root.xml", "entity-expansion.xml"]
)
def test_a_malformed_file_is_reported_and_writes_nothing(store, minter, name) -> None:
    report = pipeline.load_paths(store, [FIXTURES / "malformed" / name], minter)
    (error,) = report.rejected
    assert report.loaded == []
    assert error.source == name and BUG not in error.reason
    assert pipeline.is_empty(store, minter)


def test_a_file_with_bad_activities_writes_only_the_good_ones(store, minter) -> None:
    report = pipeline.load_paths(store, [FIXTURES / "malformed" / "bad-activities.xml"], minter)
    assert [r.graph.rsplit("/", 1)[1] for r in report.loaded] == [
        "bad-activities-xml-xm-dac-47066-xx-0010"
    ]
    assert len(report.rejected) == 6
    assert all(e.source == "bad-activities.xml" and e.record for e in report.rejected)
    assert len(document_graphs(store, minter, "bad-activities.xml")) == 1


def test_loading_a_file_again_replaces_its_activities(store, minter) -> None:
    path = FIXTURES / "iom-migration-health-activities.xml"
    first = pipeline.load_paths(store, [path], minter)
    again = pipeline.load_paths(store, [path], minter)
    assert first.ok and again.ok and len(again.loaded) == 3
    assert len(document_graphs(store, minter, path.name)) == 3


def standard_files() -> list[Path]:
    return sorted(p for p in STANDARD.rglob("*") if p.is_file())


def test_the_standard_files_are_all_there() -> None:
    files = standard_files()
    assert len([f for f in files if "should-pass" in f.parts]) == 58
    assert len([f for f in files if "should-fail" in f.parts]) == 226
    assert len([f for f in files if "samples" in f.parts]) == 4


@pytest.mark.parametrize(
    "path", standard_files(), ids=lambda p: str(p.relative_to(STANDARD)).replace("/", ":")
)
def test_every_standard_file_is_read_without_a_crash(context, path: Path) -> None:
    """Each file loads, or is refused whole or activity by activity with a reason; never a
    traceback (the pipeline turns an unexpected exception into a "bug" error)."""
    source = Source(path.name, path.read_bytes(), "application/xml", str(path))
    try:
        prepared = pipeline.prepare_source(source, context)
    except RecordError as error:
        assert BUG not in str(error)
        assert error.source == path.name and error.reason
        return
    for error in prepared.rejected:
        assert BUG not in str(error)
        assert error.reason and error.record
    for activity in iati.parse(source):  # most lack an identifier: map them nonetheless
        activity.identifier = activity.identifier or f"TEST-{activity.position}"
        try:
            iati_graph.to_graph(activity, source, context)
        except RecordError as error:
            assert error.reason


def query_rows(kg: Store, name: str) -> set[tuple[str | None, ...]]:
    named = named_queries.load(name)
    result = kg.query(named.text, named.bindings({}))
    return {
        tuple(None if row.get(v) is None else str(row.get(v)) for v in result.variables)
        for row in result.rows
    }


@pytest.mark.parametrize(("page", "activity"), EQUIVALENT)
def test_an_iati_activity_gives_the_rows_of_the_equivalent_idf_page(
    tmp_path: Path, minter: Minter, page: str, activity: str
) -> None:
    rows = {}
    for label, path in (("page", SEEDS / page), ("iati", FIXTURES / activity)):
        with open_store(tmp_path / label) as kg:
            report = pipeline.load_paths(kg, [path], minter)
            assert report.ok, [str(e) for e in report.rejected]
            rows[label] = {name: query_rows(kg, name) for name in QUERIES}
    for name in QUERIES:
        assert rows["iati"][name] == rows["page"][name], name
    (project,) = rows["page"]["projects"]
    assert sum(value is None for value in project) <= 1  # at most the Prima ID is missing
    assert len(rows["page"]["project-stakeholders"]) >= 2
