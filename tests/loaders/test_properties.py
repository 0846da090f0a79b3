"""Property tests of every loader: whatever the file, a load or a clear refusal, never a
traceback; and through the pipeline into a real store, a refused record writes nothing.

The documents are real files mutated (see `mutations`) and random pages. The suite's run is
bounded (derandomized, about 30 s on two cores); `bench/fuzz_loaders.py` runs the same
properties longer, with random seeds (MHKG_FUZZ_SCALE multiplies the examples).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from mhkg import pipeline, reading
from mhkg.errors import RecordError
from mhkg.iri import Minter
from mhkg.loaders import LoadContext, Record, Source, loader_for, values
from mhkg.store import Store, open_store

from . import mutations
from .mutations import FORMATS, ORIGINALS, SCALE

BUG = "this is a bug in mhkg"


def fuzz(examples: int) -> settings:
    """The suite's run: deterministic (derandomize), no example database, no deadline (one
    slow example — a long field, SHACL on a large graph — is not a failure; the count of
    examples bounds the time). The longer run multiplies the examples and explores at random.
    The fixtures are module-scoped: each example starts from the same loaded store."""
    return settings(
        max_examples=examples * SCALE,
        derandomize=SCALE == 1,
        database=None,
        deadline=None,
        print_blob=True,
        # A mutated file of several KB is large for Hypothesis' taste, by design.
        suppress_health_check=[HealthCheck.data_too_large, HealthCheck.too_slow],
    )


def read(name: str, data: bytes, context: LoadContext) -> list[Record] | RecordError:
    """What the loaders make of a file: its records, or the error that refuses it whole."""
    try:
        source = Source.from_bytes(name, data)
        records = loader_for(source)(source, context)
    except RecordError as error:
        return error
    return list(records)  # a file refused whole is refused at the call, not as it is read


def assert_clear(error: RecordError, name: str) -> None:
    """A refusal as mhkg tells them: the file named, a reason, one line, not a bug."""
    assert isinstance(error, RecordError), repr(error)
    assert error.source == name, str(error)
    message = str(error)
    assert error.reason.strip() and BUG not in message, message
    assert "\n" not in message and "\r" not in message, message


def kind_of(error: RecordError) -> str:
    """The reason without its values, for Hypothesis' statistics."""
    return " ".join(error.reason.split()[:3])


def assert_loads_or_refuses(name: str, data: bytes, context: LoadContext) -> None:
    result = read(name, data, context)
    if isinstance(result, RecordError):
        assert_clear(result, name)
        event(f"file refused: {kind_of(result)}")
        return
    event(f"file read: {sum(r.error is None for r in result)} of {len(result)} records")
    for record in result:
        if record.error is not None:
            event(f"record refused: {kind_of(record.error)}")
            assert_clear(record.error, name)
            assert record.error.record, str(record.error)
            continue
        assert len(record.graph) > 0 and record.name.startswith(name)
        for _, _, term in record.graph:
            if isinstance(term, Literal):
                values.text(str(term))  # nothing stored holds a control character


@pytest.mark.parametrize("fmt", FORMATS)
@fuzz(examples=80)
@given(data=st.data())
def test_a_mutated_file_loads_or_is_refused_clearly(context, fmt: str, data) -> None:
    name, content = data.draw(mutations.mutated(fmt), label="file")
    assert_loads_or_refuses(name, content, context)


@fuzz(examples=100)
@given(page=mutations.random_page())
def test_a_random_page_loads_or_is_refused_clearly(context, page: tuple[str, bytes]) -> None:
    assert_loads_or_refuses(*page, context)


@fuzz(examples=60)
@given(name=st.sampled_from(["r.txt", "r.html", "r.csv", "r.json", "r.xml", "r"]),
       content=st.binary(max_size=300))  # fmt: skip
def test_random_bytes_load_or_are_refused_clearly(context, name: str, content: bytes) -> None:
    assert_loads_or_refuses(name, content, context)


# --- through the pipeline, into a store that holds the original file -----------------------


class Loaded:
    """A store holding one real file per format; each example's changes are undone."""

    def __init__(self, store: Store, minter: Minter) -> None:
        self.store, self.minter = store, minter
        self.system = {minter.system_graph(name) for name in pipeline.SYSTEM_GRAPHS}

    def record_graphs(self) -> dict[URIRef, Graph]:
        names = [g for g in self.store.graph_names() if g not in self.system]
        return {name: self.graph(name) for name in names}

    def graph(self, name: URIRef) -> Graph:
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        return self.store.query(query).graph or Graph()

    def restore(self, before: dict[URIRef, Graph]) -> None:
        after = set(self.store.graph_names()) - self.system
        for name in after - set(before):
            self.store.remove_graph(name)
        for name, graph in before.items():
            self.store.replace_graph(name, graph)


# A file of each format that loads whole: its mutations are loaded in its place.
LOADED = {
    "text": mutations.SEEDS / "000_c1443bd85e840731.txt",
    "html": mutations.FIXTURES / "idf-project-page.html",
    "csv": mutations.FIXTURES / "tabular" / "idf-pages.csv",
    "json": mutations.FIXTURES / "tabular" / "idf-pages-snake-case.json",
    "xml": mutations.FIXTURES / "iati" / "iom-migration-health-activities.xml",
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    minter = Minter()
    with open_store(tmp_path_factory.mktemp("fuzz") / "store") as store:
        report = pipeline.load_paths(store, list(LOADED.values()), minter)
        assert report.ok and len(report.loaded) == 9, [str(e) for e in report.rejected]
        yield Loaded(store, minter)


def load_through_the_pipeline(
    loaded: Loaded, name: str, content: bytes
) -> tuple[pipeline.LoadReport, pipeline.PreparedSource | None]:
    """`pipeline.load_sources` on the file; with the records it refused (from the events of
    `reading.read`), unless the file was refused whole (None)."""
    events: list[reading.Event] = []
    real = reading.read

    def spy(*args, **kwargs) -> Iterator[reading.Event]:
        for read_event in real(*args, **kwargs):
            events.append(read_event)
            yield read_event

    with mock.patch.object(reading, "read", spy):
        report = pipeline.load_sources(
            loaded.store, [lambda: Source.from_bytes(name, content)], loaded.minter
        )
    failures = [e.failure for e in events if isinstance(e, reading.SourceDone) and e.failure]
    assert failures == [], "a file refused whole is refused when its loader is called"
    if any(isinstance(e, reading.SourceRefused) for e in events):
        return report, None
    prepared = pipeline.PreparedSource()
    for read_event in events:
        if isinstance(read_event, reading.Refused):
            prepared.rejected.append(read_event.error)
            prepared.rejected_graphs.add(read_event.graph)
    return report, prepared


@pytest.mark.parametrize("fmt", FORMATS)
@fuzz(examples=8)
@given(data=st.data())
def test_a_refused_record_writes_nothing(loaded: Loaded, fmt: str, data) -> None:
    name, content = data.draw(mutations.mutated(fmt, [LOADED[fmt]]), label="file")
    before = loaded.record_graphs()
    try:
        report, prepared = load_through_the_pipeline(loaded, name, content)
        for error in report.rejected:
            assert_clear(error, name)
        after = loaded.record_graphs()
        written = {record.graph for record in report.loaded}
        if prepared is None:  # the file is refused whole: nothing changes
            assert set(after) == set(before), "a refused file added or removed graphs"
            unchanged = set(before)
            event("file refused")
        else:  # a refused record keeps its graph, unless an accepted one has the same name
            unchanged = prepared.rejected_graphs - written
            event(f"records: {len(written)} written, {len(prepared.rejected)} refused")
        for graph in unchanged:
            assert (graph in after) == (graph in before), graph
            if graph in before:
                assert isomorphic(after[graph], before[graph]), f"{graph} was written"
        for record in report.loaded:
            assert len(after[record.graph]) == record.triples
    finally:
        loaded.restore(before)


def test_the_fuzzed_files_include_every_kind_of_original() -> None:
    assert all(ORIGINALS[fmt] for fmt in FORMATS)
    assert {p.suffix for fmt in FORMATS for p in ORIGINALS[fmt]} == {
        ".txt", ".html", ".csv", ".json", ".xml",
    }  # fmt: skip
    assert Path(mutations.SEEDS).is_dir()
