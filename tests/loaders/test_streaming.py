"""Loaders stream (issue 11): a file refused whole is refused when its loader is called;
the records then come one at a time, each made when first asked for, and the memory a load
takes does not grow with the records a file holds (beyond the few bytes per record that
tell a repeated record)."""

from __future__ import annotations

import csv
import gc
import json
import tracemalloc
from collections.abc import Callable, Iterator

import pytest

from mhkg.errors import RecordError
from mhkg.loaders import (
    LoadContext,
    Record,
    Source,
    iati,
    iati_graph,
    idf_page,
    loader_for,
    tabular,
)

# --- generated files ---------------------------------------------------------------------


def csv_text(n: int, last: str = "") -> str:
    rows = ["Title,Projects ID,Year,Benefiting Member States,Description"]
    rows += [f"Project number {i},XX.{i:04d},2019,Kenya,Training for nurses {i}." for i in range(n)]
    return "\n".join([*rows, last]) + "\n"


def json_objects(n: int) -> list[dict]:
    return [
        {
            "Title": f"Project number {i}",
            "Projects ID": f"XX.{i:04d}",
            "Year": 2019,
            "Benefiting Member States": ["Kenya"],
            "Description": f"Training for nurses {i}.",
        }
        for i in range(n)
    ]


def json_text(n: int) -> str:
    return json.dumps({"projects": json_objects(n)}, indent=1)


ACTIVITY = (
    '<iati-activity default-currency="USD"><iati-identifier>XM-{i}</iati-identifier>'
    "<title><narrative>Project number {i}</narrative></title>"
    "<description><narrative>Training for nurses {i}.</narrative></description>"
    '<recipient-country code="KE"/></iati-activity>\n'
)


def xml_text(n: int, end: str = "</iati-activities>\n") -> str:
    activities = "".join(ACTIVITY.format(i=i) for i in range(n))
    return f'<iati-activities version="2.03">\n{activities}{end}'


MAKE: dict[str, tuple[Callable[[int], str], str]] = {
    "csv": (csv_text, "p.csv"),
    "json": (json_text, "p.json"),
    "xml": (xml_text, "p.xml"),
}


def source(text: str, name: str) -> Source:
    return Source.from_bytes(name, text.encode("utf-8"))


class Calls:
    """How often a function of a loader's module was called (the function still runs)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
        self.count = 0
        real = getattr(module, name)

        def counted(*args, **kwargs):
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """The graphs made: by idf_page.to_graph (CSV, JSON) or iati_graph.to_graph (IATI)."""
    calls = Calls(monkeypatch, idf_page, "to_graph")
    iati_calls = Calls(monkeypatch, iati_graph, "to_graph")

    class Both:
        @property
        def count(self) -> int:
            return calls.count + iati_calls.count

    return Both()  # type: ignore[return-value]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """The records read in the second pass: rows and objects taken for a project page,
    activities read from their element."""
    calls = Calls(monkeypatch, tabular, "_page")
    iati_calls = Calls(monkeypatch, iati, "read_activity")

    class Both:
        @property
        def count(self) -> int:
            return calls.count + iati_calls.count

    return Both()  # type: ignore[return-value]


# --- (a) lazy: nothing is read or made before it is asked for ------------------------------


@pytest.mark.parametrize("kind", MAKE)
def test_records_are_read_and_made_one_at_a_time(
    kind: str, context: LoadContext, builds: Calls, reads: Calls
) -> None:
    make, name = MAKE[kind]
    records = loader_for(src := source(make(50), name))(src, context)
    assert iter(records) is records  # an iterator, not a list
    assert (reads.count, builds.count) == (0, 0)
    first = next(records)
    assert (reads.count, builds.count) == (1, 0)
    assert repr(first) == f"Record({first.name!r}, deferred)"
    assert first.error is None and len(first.graph) > 0
    assert builds.count == 1
    second = next(records)
    assert (reads.count, builds.count) == (2, 1)
    assert len(second.graph) > 0 and len(first.graph) > 0
    assert builds.count == 2  # each record made once
    rest = list(records)
    assert len(rest) == 48 and reads.count == 50 and builds.count == 2


@pytest.mark.parametrize("kind", MAKE)
def test_a_record_s_triples_do_not_depend_on_which_records_are_made_or_when(
    kind: str, context: LoadContext
) -> None:
    """A deferred record is made from values of its own: made in another order, or with
    the others never made (a worker makes its share), it gives the same triples."""
    make, name = MAKE[kind]
    text = make(6)
    src = source(text, name)
    forward = [len(r.graph) for r in loader_for(src)(src, context)]
    records = list(loader_for(src)(src, context))
    backward = [len(r.graph) for r in reversed(records)][::-1]
    (only,) = [r for i, r in enumerate(loader_for(src)(src, context)) if i == 4]
    assert backward == forward and len(only.graph) == forward[4]


def test_a_repeated_project_is_refused_whether_or_not_the_earlier_record_is_made(
    context: LoadContext,
) -> None:
    """A record is counted when it is read, before its values give triples: a later record
    of the same project is refused even though the earlier is refused for a value."""
    text = "Title,Budget Amount (USD)\nA project,lots\nA project,5000\nAnother,5\n"
    src = source(text, "p.csv")
    unmade = [(r.name, r.error) for r in list(loader_for(src)(src, context))[1:]]
    assert unmade[0][1] is not None and unmade[1][1] is None
    first, second, third = loader_for(src)(src, context)
    assert "'lots' is not an amount of money" in str(first.error)
    assert str(second.error) == (
        "p.csv, record p.csv#A project: describes the same project as row 2 (the same "
        "Projects ID or Title): give each project once (row 3)"
    )
    assert str(unmade[0][1]) == str(second.error) and third.error is None


def test_the_csv_modules_limit_is_put_back_between_rows(context: LoadContext) -> None:
    """The limit on a cell's length is the csv module's, for the whole process: raised for
    each row the loader reads, put back before the record is given."""
    long = "word " * 40_000  # 200,000 characters: more than the module's 131,072
    text = f'Title,Description\nShort,One.\nLong,"{long}"\nLast,Two.\n'
    records = loader_for(src := source(text, "p.csv"))(src, context)
    assert csv.field_size_limit() == 131_072
    assert next(records).name == "p.csv#Short"
    assert csv.field_size_limit() == 131_072
    assert [r.name for r in records] == ["p.csv#Long", "p.csv#Last"]
    assert csv.field_size_limit() == 131_072


def test_a_json_object_too_deep_for_the_second_pass_is_refused_alone(
    context: LoadContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python's recursion limit counts the frames below the loader's: an object the first
    pass decoded may be too deep when the records are read from a deeper stack. It is
    refused alone, and the next object is read where it starts."""
    deep = {"Title": "deep", "Benefiting Member States": ["]}[{", ['"\\]"', [{"a": "}"}]]]}
    text = json.dumps([{"Title": "A"}, deep, {"Title": "B"}])
    records = loader_for(src := source(text, "p.json"))(src, context)
    real = tabular._DECODER

    class TooDeep(json.JSONDecoder):
        def raw_decode(self, s: str, idx: int = 0):
            if s.startswith('{"Title": "deep"', idx):
                raise RecursionError("maximum recursion depth exceeded")
            return real.raw_decode(s, idx)

    monkeypatch.setattr(tabular, "_DECODER", TooDeep())
    first, deep, last = records
    assert first.error is None and last.error is None and last.name == "p.json#B"
    assert (deep.name, str(deep.error)) == (
        "p.json#record 2",
        "p.json, record p.json#record 2: is nested too deeply to be read",
    )


# --- (b) a file refused whole is refused when the loader is called -------------------------


def refused_at_the_call(src: Source, context: LoadContext, reads: Calls, builds: Calls) -> str:
    with pytest.raises(RecordError) as caught:
        loader_for(src)(src, context)
    assert (reads.count, builds.count) == (0, 0)  # not a record read, not a triple made
    assert caught.value.source == src.name
    return caught.value.reason


def test_a_csv_file_broken_in_its_last_row_is_refused_at_the_call(
    context: LoadContext, reads: Calls, builds: Calls
) -> None:
    src = source(csv_text(500, last='Last project,XX.9999,2019,Kenya,"not closed'), "p.csv")
    reason = refused_at_the_call(src, context, reads, builds)
    assert reason == (
        "is not readable CSV: unexpected end of data (in the row starting on line 502)"
    )
    text = csv_text(500).replace("Description\n", "Description,Notes\n") + "L,,,,,x\n"
    src = source(text, "q.csv")
    reason = refused_at_the_call(src, context, reads, builds)
    assert reason.startswith("has columns that name no field of a project record: 'Notes'")


@pytest.mark.parametrize("wrapped", [False, True], ids=["list", "projects"])
def test_a_json_file_broken_after_500_objects_is_refused_at_the_call(
    wrapped: bool, context: LoadContext, reads: Calls, builds: Calls
) -> None:
    objects = json.dumps(json_objects(500), indent=1)
    text = ('{"projects": ' + objects + "}") if wrapped else objects
    broken = text[: text.rindex("}") - 1] + ", ]" + ("}" if wrapped else "")
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(broken)
    reason = refused_at_the_call(source(broken, "p.json"), context, reads, builds)
    error = expected.value
    assert reason == (f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})")
    assert error.lineno > 3500  # the end of the file
    not_an_object = text.replace("}\n]", "}, 5\n]")
    reason = refused_at_the_call(source(not_an_object, "q.json"), context, reads, builds)
    assert reason.startswith("item 501 of its list of projects is a string or number")


def test_an_iati_file_not_closed_after_500_activities_is_refused_at_the_call(
    context: LoadContext, reads: Calls, builds: Calls
) -> None:
    src = source(xml_text(500, end=""), "p.xml")
    reason = refused_at_the_call(src, context, reads, builds)
    assert reason.startswith("is not well-formed XML (line 502")
    assert "Premature end of data in tag iati-activities line 1" in reason
    entity = ACTIVITY.format(i=500).replace("Training", "Training&ndash;")
    text = xml_text(500, entity + "</iati-activities>")
    text = '<!DOCTYPE iati-activities SYSTEM "iati.dtd">\n' + text
    reason = refused_at_the_call(source(text, "q.xml"), context, reads, builds)
    assert reason.startswith("refers to the entity &ndash; (line 503), which it does not define")


# --- (c) memory stays flat --------------------------------------------------------------------

# What a load may keep per record: the duplicate check keeps two 16-byte digests and a
# place (an activity: one digest, its identifier and line), ~250 bytes. Keeping the records
# themselves, unmade, costs ~1.8 kB each; keeping their graphs 20-40 kB each.
BYTES_PER_RECORD = 600
SMALL, LARGE = 300, 1200
DECODED = {"csv", "json"}  # the loader keeps the file's text (the source's bytes, decoded)


def peak_of_a_load(kind: str, n: int, context: LoadContext) -> tuple[int, int]:
    """The peak of memory allocated while a generated file of `n` records is loaded, each
    record's graph made and dropped; and the size of the text the loader decodes (IATI: none,
    the parser reads the source's bytes, which are allocated before)."""
    make, name = MAKE[kind]
    src = source(make(n), name)
    gc.collect()
    tracemalloc.start()
    try:
        for i, record in enumerate(loader_for(src)(src, context)):
            assert record.error is None and len(record.graph) > 0, str(record.error)
            if i % 100 == 0:  # an rdflib graph is a reference cycle: freed by the collector
                gc.collect()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, len(src.data) if kind in DECODED else 0


@pytest.mark.parametrize("kind", MAKE)
def test_the_memory_a_load_takes_does_not_grow_with_its_records(
    kind: str, context: LoadContext
) -> None:
    peak_of_a_load(kind, 20, context)  # caches filled (reference data, compiled patterns)
    small, small_text = peak_of_a_load(kind, SMALL, context)
    large, large_text = peak_of_a_load(kind, LARGE, context)
    more_text, more_records = large_text - small_text, LARGE - SMALL
    allowed = small + more_text + more_records * BYTES_PER_RECORD
    print(
        f"{kind}: peak {small / 1e6:.3f} MB for {SMALL} records, {large / 1e6:.3f} MB for "
        f"{LARGE} ({more_text / 1e6:.3f} MB more text): "
        f"{(large - small - more_text) / more_records:.0f} bytes more a record; "
        f"allowed {allowed / 1e6:.3f} MB"
    )
    assert large <= allowed


# --- (d) JSON syntax errors are told where json.loads tells them ----------------------------

MALFORMED_JSON = [
    "[",
    "[\n\n",
    '[{"Title": "A"}',
    '[{"Title": "A"} {"Title": "B"}]',
    '[{"Title": "A"},\n {"Title": "B"},\n]',
    '[{"Title": "A"},,{"Title": "B"}]',
    '[{"Title": "A"}]\n\nx',
    '[{"Title": "A"}] ]',
    '[{"Title": "A",}]',
    '[{"Title": "A" "Year": 1}]',
    '[{"Title": "A", "Year"}]',
    '[{"Title": "A\n"}]',
    '[{"Title": "A\\q"}]',
    '[{"Title": "A\\u12"}]',
    '[{"Title": "unterminated}]',
    '[\n  {"Title": "A"},\n  {"Title": "B", "Year": [1, 2,]}\n]',
    "[1, 2\n 3]",
    "[nul]",
    "[-]",
    " \t\r\n[ \n {} , \r\n {",
    '{"projects": [{"Title": "A"}',
    '{"projects": [{"Title": "A"}],}',
    '{"projects": [{"Title": "A"}] "x": 1}',
    '{"projects" [{"Title": "A"}]}',
    '{"projects": [{"Title": "A"}], "x": [1,]}',
    '{"projects": [{"Title": "A"},]}',
    "{projects: []}",
    '{"projects": []}\n}',
    '{"projects": [], "projects": [{"Title": "A"} {}]}',
    '{"x": {"y": [1 2]}, "projects": []}',
    "{",
    '{"projects": [{"Title": "A"}]',
    "\ufeff\ufeff[]",  # the source's text drops one byte-order mark, json.loads none
    "  \ufeff[]",
    "x",
    "[1e]",
]


@pytest.mark.parametrize("text", MALFORMED_JSON)
def test_a_json_syntax_error_is_told_where_json_loads_tells_it(
    text: str, context: LoadContext
) -> None:
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    error = expected.value
    with pytest.raises(RecordError) as caught:
        tabular.load_json(Source("p.json", text.encode("utf-8"), "application/json"), context)
    assert caught.value.reason == (
        f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
    )


def test_the_last_projects_key_of_an_object_gives_the_list(context: LoadContext) -> None:
    text = '{"projects": [{"Title": "A"}], "x": 1, "projects": [{"Title": "B"}, {"Title": "C"}]}'
    assert json.loads(text)["projects"] == [{"Title": "B"}, {"Title": "C"}]
    records: Iterator[Record] = loader_for(src := source(text, "p.json"))(src, context)
    assert [r.name for r in records] == ["p.json#B", "p.json#C"]
    with pytest.raises(RecordError, match='without a "projects" list'):
        loader_for(src := source('{"projects": [{"Title": "A"}], "projects": 1}', "q.json"))(
            src, context
        )
