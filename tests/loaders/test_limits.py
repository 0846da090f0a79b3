"""Big files and big records are refused before they are parsed, with the message every other
refusal gives (file, record, reason); the prose reader reads a bounded part of a long text.

Before these limits a 50 MB page ran past 200 s (715 MB) and a 50 MB JSON file past 60 s,
while CSV and XML were refused fast only by accident: the csv module refuses any cell over
128 KiB (so a whole file was refused for one long description), libxml2 any text over 10 MB.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib.namespace import DCTERMS, RDF, RDFS

from mhkg import pipeline
from mhkg.errors import ConfigurationError, RecordError
from mhkg.loaders import LoadContext, Source, limits, loader_for
from mhkg.loaders.limits import Limits
from mhkg.store import open_store
from mhkg.vocab import MHKG

from .conftest import SEEDS

PAGE = (SEEDS / "000_c1443bd85e840731.txt").read_text("utf-8")
DESCRIPTION = PAGE[PAGE.index("For more than a decade") :]
CSV_HEADER = "Title,Projects ID,Description\n"


def load(source: Source, context: LoadContext):
    return list(loader_for(source)(source, context))


def small(context: LoadContext, **sizes: int) -> LoadContext:
    return dataclasses.replace(context, limits=Limits(**sizes))


def long_text(size: int) -> str:
    return ((DESCRIPTION + "\n") * (size // len(DESCRIPTION) + 1))[:size]


# --- files: their size on disk, before they are read ---------------------------------------


def test_a_page_larger_than_a_record_may_be_is_not_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MHKG_MAX_RECORD_SIZE", "1kB")
    path = tmp_path / "page.txt"
    path.write_text(PAGE, "utf-8")
    with pytest.raises(RecordError) as caught:
        Source.from_path(path)
    assert caught.value.source == "page.txt"
    assert str(caught.value) == (
        "page.txt: is 2.4 kB, more than a page may be (1 kB; set MHKG_MAX_RECORD_SIZE to allow "
        "more): not read"
    )


def test_a_file_of_records_has_the_larger_file_limit(tmp_path: Path) -> None:
    rows = tmp_path / "projects.csv"
    rows.write_text(CSV_HEADER + "A project,AB.0001,Text.\n" * 30, "utf-8")
    assert Source.from_path(rows, Limits(max_file_size=10_000, max_record_size=100)).data
    with pytest.raises(
        RecordError, match=r"is 750 bytes, more than a file of records may be \(500 bytes"
    ):
        Source.from_path(rows, Limits(max_file_size=500))


def test_the_size_on_disk_is_checked_before_anything_is_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: 50 MB that cost nothing to write
    opened = []
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self))
    started = time.perf_counter()
    with pytest.raises(RecordError, match="is 50 MB, more than a page may be"):
        Source.from_path(path)
    assert opened == [] and time.perf_counter() - started < 1


def test_a_source_from_bytes_is_checked_before_its_format_is_judged(context) -> None:
    big = Source.from_bytes("big.txt", ("Start Date\n2019\n" + "x " * 3_000_000).encode())
    started = time.perf_counter()
    with pytest.raises(RecordError, match=r"big\.txt: is 6 MB, more than a page may be"):
        loader_for(big)
    assert time.perf_counter() - started < 1


def test_fifty_megabyte_files_are_refused_in_seconds_by_mhkg_load(tmp_path: Path) -> None:
    """The files of the report, through the command: each refused with its reason, fast,
    and nothing of them written."""
    folder = tmp_path / "big"
    folder.mkdir()
    page = PAGE.encode()
    (folder / "page.txt").write_bytes(page + b"word " * ((50_000_000 - len(page)) // 5))
    (folder / "projects.json").write_text(
        json.dumps([{"Title": "A project", "Description": "word " * 10_000_000}]), "utf-8"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from mhkg.cli import main; main()", "load", "--quiet",
         str(folder), "--store", str(tmp_path / "store")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert time.perf_counter() - started < 60  # minutes before
    assert done.returncode == 1, done.stderr
    rejected = sorted(line for line in done.stderr.splitlines() if line.startswith("rejected"))
    assert rejected == [
        "rejected: page.txt: is 50 MB, more than a page may be (5 MB; set MHKG_MAX_RECORD_SIZE "
        "to allow more): not read",
        "rejected: projects.json, record projects.json#A project: holds 50 MB, more than a "
        "record may be (5 MB; set MHKG_MAX_RECORD_SIZE to allow more): not read (record 1)",
    ]


# --- records in a file of many: each refused alone ---------------------------------------


def test_a_csv_row_larger_than_a_record_may_be_is_refused_alone(context) -> None:
    text = CSV_HEADER + "Small,AB.0001,Short.\n" + f'Large,AB.0002,"{long_text(3_000)}"\n'
    small_one, large = load(
        Source.from_bytes("p.csv", text.encode()), small(context, max_record_size=2_000)
    )
    assert small_one.error is None
    assert str(large.error) == (
        "p.csv, record p.csv#AB.0002: holds 3 kB, more than a record may be (2 kB; set "
        "MHKG_MAX_RECORD_SIZE to allow more): not read (row 3)"
    )


def test_a_csv_cell_longer_than_the_csv_modules_own_limit_is_read(context) -> None:
    """The csv module refuses cells over 128 KiB: a whole file was refused for one."""
    text = CSV_HEADER + f'Long,AB.0001,"{long_text(200_000)}"\n'
    (record,) = load(Source.from_bytes("long.csv", text.encode()), context)
    assert record.error is None
    import csv

    assert csv.field_size_limit() == 131_072  # the process-wide limit is put back


def test_a_json_object_larger_than_a_record_may_be_is_refused_alone(context) -> None:
    objects = [
        {"Title": "Small", "Projects ID": "AB.0001"},
        {"Title": "L", "Description": "x" * 3000},
    ]
    source = Source.from_bytes("p.json", json.dumps(objects).encode())
    small_one, large = load(source, small(context, max_record_size=2_000))
    assert small_one.error is None
    assert large.error.record == "p.json#L" and "holds 3 kB, more than a record" in str(large.error)


def test_an_iati_activity_larger_than_a_record_may_be_is_refused_alone(context) -> None:
    activity = (
        "<iati-activity><iati-identifier>XM-{n}</iati-identifier>"
        "<title><narrative>Title {n}</narrative></title>"
        "<description><narrative>{text}</narrative></description></iati-activity>"
    )
    xml = (
        "<iati-activities>"
        + activity.format(n=1, text="Short.")
        + activity.format(n=2, text=long_text(3_000))
        + "</iati-activities>"
    )
    source = Source.from_bytes("a.xml", xml.encode())
    small_one, large = load(source, small(context, max_record_size=2_000))
    assert small_one.error is None
    assert str(large.error).startswith("a.xml, record XM-2: holds 3 kB, more than a record may be")


def test_an_xml_text_beyond_the_parsers_bound_is_refused_with_a_clear_reason(context) -> None:
    xml = f"<iati-activities><iati-activity>{'x' * 10_000_001}</iati-activity></iati-activities>"
    with pytest.raises(RecordError) as caught:
        load(Source.from_bytes("huge.xml", xml.encode()), context)
    assert caught.value.reason.startswith("holds a text longer than the XML parser reads (10 MB)")
    assert "XML_PARSE_HUGE" not in str(caught.value)


# --- the prose reader: a bounded part of a long text ---------------------------------------


def test_a_two_megabyte_description_is_read_in_seconds_and_says_what_was_left(context) -> None:
    """A 2 MB description took 39 s (and 480 MB) before the prose reader was bounded."""
    text = PAGE + long_text(2_000_000)
    started = time.perf_counter()
    (record,) = load(Source.from_bytes("long.txt", text.encode()), context)
    assert time.perf_counter() - started < 15
    g = record.graph
    (project,) = g.subjects(RDF.type, MHKG.Project)
    assert len(str(g.value(project, DCTERMS.description))) > 2_000_000  # all of it is kept
    (note,) = g.objects(project, RDFS.comment)
    found = re.search(r"in the first ([\d,]+) of the ([\d,]+) characters", str(note))
    read, length = (int(n.replace(",", "")) for n in found.groups())
    assert 50_000 < read <= Limits().max_prose_chars and length > 2_000_000
    assert "MHKG_MAX_PROSE_CHARS" in str(note)


def test_a_text_within_the_limit_is_read_whole_and_says_nothing(seed, context) -> None:
    (record,) = load(seed("000"), context)
    assert not list(record.graph.objects(None, RDFS.comment))


def test_the_prose_limit_cuts_at_a_line_break(context) -> None:
    text = (
        "Title\nThe Ministry of Health of Kenya met IOM.\nThe Ministry of Health of Ghana met WHO."
    )
    (record,) = load(Source.from_bytes("n.txt", text.encode()), small(context, max_prose_chars=60))
    labels = {str(o) for o in record.graph.objects(None, RDFS.label)}
    assert "Ministry of Health of Kenya" in labels
    assert "Ministry of Health of Ghana" not in labels
    (note,) = record.graph.objects(None, RDFS.comment)
    read = text.index("\nThe Ministry of Health of Ghana")  # the article's text is all of it
    assert f"first {read} of the {len(text)} characters" in str(note)


# --- the settings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5000000", 5_000_000), ("5MB", 5_000_000), ("5 mb", 5_000_000), ("2 MiB", 2 * 1024**2),
     ("1.5M", 1_500_000), ("100k", 100_000), ("0", 0)],
)  # fmt: skip
def test_sizes_are_read_from_the_environment(monkeypatch, value: str, expected: int) -> None:
    monkeypatch.setenv("MHKG_MAX_FILE_SIZE", value)
    assert Limits.from_environment().max_file_size == expected


@pytest.mark.parametrize("value", ["five", "-1", "5 TB", "1e9"])
def test_a_size_that_is_not_one_is_a_configuration_error(monkeypatch, value: str) -> None:
    monkeypatch.setenv("MHKG_MAX_RECORD_SIZE", value)
    with pytest.raises(ConfigurationError, match=f"MHKG_MAX_RECORD_SIZE={value!r} is not"):
        limits.current()


def test_characters_take_no_unit(monkeypatch) -> None:
    monkeypatch.setenv("MHKG_MAX_PROSE_CHARS", "10k")
    with pytest.raises(ConfigurationError, match="not a number of characters"):
        Limits.from_environment()


def test_options_override_the_environment_which_overrides_the_defaults(monkeypatch) -> None:
    assert Limits.from_environment() == Limits(100_000_000, 5_000_000, 100_000)
    monkeypatch.setenv("MHKG_MAX_FILE_SIZE", "1MB")
    monkeypatch.setenv("MHKG_MAX_RECORD_SIZE", "1kB")
    given = Limits.from_environment({"max_record_size": "2kB", "max_prose_chars": None})
    assert given == Limits(1_000_000, 2_000, 100_000)
    with limits.applied(given):
        assert limits.current() is given
    assert limits.current() == Limits(1_000_000, 1_000, 100_000)


def test_zero_is_no_limit(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, "utf-8")
    assert Source.from_path(path, Limits(max_record_size=0)).data == path.read_bytes()


def test_a_refused_file_writes_nothing_and_keeps_what_it_wrote_before(tmp_path, minter) -> None:
    path = tmp_path / "000_page.txt"
    path.write_text(PAGE, "utf-8")
    with open_store(tmp_path / "store") as kg:
        assert pipeline.load_paths(kg, [path], minter).ok
        before = sorted(kg.graph_names())
        path.write_text(PAGE + long_text(6_000_000), "utf-8")
        report = pipeline.load_paths(kg, [path], minter)
        assert [e.source for e in report.rejected] == ["000_page.txt"] and not report.loaded
        assert sorted(kg.graph_names()) == before


def test_a_malformed_setting_stops_mhkg_load_with_its_name(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    from mhkg.cli import main

    monkeypatch.setenv("MHKG_MAX_RECORD_SIZE", "lots")
    path = tmp_path / "page.txt"
    path.write_text(PAGE, "utf-8")
    result = CliRunner().invoke(
        main, ["load", "--quiet", str(path), "--store", str(tmp_path / "s")]
    )
    assert result.exit_code == 1
    assert "MHKG_MAX_RECORD_SIZE='lots' is not a number of bytes" in result.output


@pytest.mark.parametrize("module", ["limits", "values", "prose.reading"])
def test_the_examples_in_the_docstrings_hold(module: str) -> None:
    import doctest
    import importlib

    tested = doctest.testmod(importlib.import_module(f"mhkg.loaders.{module}"))
    assert tested.attempted and not tested.failed
