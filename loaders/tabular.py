"""CSV and JSON files of project records with the IDF field names → one project per record.

Each record is read into the `idf_page.ProjectPage` that a project page is parsed into, and
stated by `idf_page.to_graph`: a record gives the triples the equivalent page gives (its
document is a `mhkg:RecordFile`, not a `mhkg:ProjectPage`). The columns are documented in
docs/record-formats.md; data/templates/ holds a template of each format.

What is wrong with the file's structure rejects the whole file, and nothing of it is
written: CSV or JSON that does not parse, a top level that is not a list of projects, a
column or key that names no field (a typo would otherwise drop its data), two columns for
one field, no Title column. What is wrong with one record's values rejects that record
alone, and the others load: a budget that is not an amount, an unknown country, a bad date,
no title, the same name or project as an earlier record, more than a record may hold
(`limits.Limits.max_record_size`: the values' UTF-8 bytes).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from rdflib import URIRef

from mhkg.errors import RecordError
from mhkg.loaders import idf_page, page_text
from mhkg.loaders.limits import utf8_size
from mhkg.loaders.source import LoadContext, Record, Source
from mhkg.vocab import MHKG

# The columns, as the IDF pages label their fields (the template's header, in this order).
COLUMNS = (
    "Title", "Start Date", "End Date", "Project Status", "Project Type", "Budget Amount (USD)",
    "Coverage", "Year", "IDF Region", "Prima ID", "Projects ID", "Benefiting Member States",
    "Description",
)  # fmt: skip
TEXT_FIELDS = {"title": "title", "description": "description"}  # not header fields on a page
DELIMITERS = (",", ";", "\t")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
_BUDGET_WITH_CURRENCY = re.compile(r"^(budget(?: amount)?) ([a-z]{3})$")


class Column(NamedTuple):
    name: str  # as the file writes it
    field: str  # idf_page's field name ("start", "budget", …), or "title" / "description"
    currency: str | None = None  # "Budget Amount (USD)"


@dataclass
class RawRecord:
    """One row or object: its values by column name as written, and where it is."""

    position: str  # "row 3", "record 2"
    values: dict[str, Any]
    line: int | None = None  # the CSV line it starts on, when that is not its row number
    problem: str | None = None  # why it cannot be read as a whole (more cells than columns)
    size: int = 0  # UTF-8 bytes of its values (and, in JSON, keys)


def column_field(name: str) -> Column | None:
    """The field a column name or key gives, or None: case, spaces, punctuation and
    camelCase do not matter ("Start Date", "start_date", "startDate"; "Budget Amount (USD)",
    "budget_amount_usd")."""
    key = _NOT_ALPHANUMERIC.sub(" ", _CAMEL_HUMP.sub(" ", name).lower()).strip()
    if key in TEXT_FIELDS:
        return Column(name, TEXT_FIELDS[key])
    if match := _BUDGET_WITH_CURRENCY.match(key):
        key = f"{match[1]} ({match[2]})"
    label = idf_page.label_of(key)
    return Column(name, label.field, label.currency) if label else None


def load_csv(source: Source, context: LoadContext) -> list[Record]:
    """One record per row of a CSV file whose header names the IDF fields."""
    header, rows = _csv_rows(source)
    columns = _columns(source, header, rows, "column")
    if "title" not in {c.field for c in columns.values()}:
        raise RecordError(source.name, f"has no Title column; {_known_columns()}")
    return _records(source, context, columns, rows)


def load_json(source: Source, context: LoadContext) -> list[Record]:
    """One record per object of a JSON list of projects, or of {"projects": [...]}."""
    try:
        # Numbers as written: a budget of 100000.00 stays 100000.00.
        data = json.loads(source.text, parse_float=str, parse_int=str, parse_constant=str)
    except json.JSONDecodeError as exc:
        raise RecordError(
            source.name, f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise RecordError(source.name, "is JSON nested too deeply to be project records") from None
    objects = _project_list(source, data)
    rows = [
        RawRecord(f"record {i}", values, size=utf8_size(values))
        for i, values in enumerate(objects, start=1)
    ]
    for row in rows:  # one object may not give a field twice; two may spell its key apart
        _columns(source, list(row.values), [row], "key")
    names = list(dict.fromkeys(key for row in rows for key in row.values))
    return _records(source, context, _columns(source, names, rows, "key", once=False), rows)


def _project_list(source: Source, data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and isinstance(data.get("projects"), list):
        data = data["projects"]
    elif isinstance(data, dict):
        raise RecordError(
            source.name,
            'is a JSON object without a "projects" list: give a list of projects, '
            'or {"projects": [...]}',
        )
    if not isinstance(data, list):
        raise RecordError(source.name, f"holds {_json_kind(data)}, not a list of projects")
    for index, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise RecordError(
                source.name, f"item {index} of its list of projects is {_json_kind(item)}, "
                "not an object with the fields of a project"
            )  # fmt: skip
    return data


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string or number", bool: "true/false"}
    return kinds.get(type(value), "null")


def _csv_rows(source: Source) -> tuple[list[str], list[RawRecord]]:
    """The header's cells and the non-empty rows after it, numbered as a spreadsheet
    numbers them (the header is row 1)."""
    text = source.text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    header: list[str] | None = None
    rows: list[RawRecord] = []
    line = 0
    try:
        with _cells_as_long_as(len(text)):  # a row too large is refused alone, by its size
            for number, cells in enumerate(reader, start=1):
                start, line = line + 1, reader.line_num
                if not any(cell.strip() for cell in cells):
                    continue
                if header is None:
                    header = [cell.strip() or f"(column {i})" for i, cell in enumerate(cells, 1)]
                    continue
                rows.append(_row(header, cells, number, start))
    except csv.Error as exc:
        raise RecordError(
            source.name, f"is not readable CSV: {exc} (in the row starting on line {line + 1})"
        ) from None
    if header is None:
        raise RecordError(source.name, "has no header row")
    return header, rows


@contextmanager
def _cells_as_long_as(length: int) -> Iterator[None]:
    """Let the csv module read cells up to `length` characters (its own limit, 128 KiB,
    refused a whole file for one long description). The file's size is already bounded
    (`limits.Limits.max_file_size`), and so are its cells; the limit is the module's, for the
    whole process: it is put back after."""
    previous = csv.field_size_limit(max(min(length + 1, 2**31 - 1), csv.field_size_limit()))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _row(header: list[str], cells: list[str], number: int, line: int) -> RawRecord:
    row = RawRecord(f"row {number}", dict(zip(header, cells, strict=False)), size=utf8_size(cells))
    row.line = line if line != number else None
    if any(cell.strip() for cell in cells[len(header) :]):
        row.problem = f"has {len(cells)} values but the header names {len(header)} columns"
    return row


def _delimiter(text: str) -> str:
    """The delimiter used most on the header line: comma, semicolon or tab (comma if none)."""
    header = next((line for line in io.StringIO(text, newline=None) if line.strip()), "")
    return max(DELIMITERS, key=header.count)


def _columns(
    source: Source, names: list[str], rows: list[RawRecord], what: str, once: bool = True
) -> dict[str, Column]:
    """The field of each column name (`once`: each field from one name only); a name that
    gives no field is refused unless no record has a value for it (a spreadsheet's empty
    trailing columns)."""
    columns: dict[str, Column] = {}
    by_field: dict[str, str] = {}
    unknown = []
    for name in names:
        column = column_field(name)
        if column is None:
            if any(_has_value(row.values.get(name)) for row in rows):
                unknown.append(name)
            continue
        if once and column.field in by_field:
            raise RecordError(
                source.name,
                f"has two {what}s for one field: {by_field[column.field]!r} and {name!r}",
            )
        by_field[column.field] = name
        columns[name] = column
    if unknown:
        names_ = ", ".join(repr(n) for n in dict.fromkeys(unknown))
        raise RecordError(
            source.name, f"has {what}s that name no field of a project record: {names_}; "
            f"{_known_columns()}"
        )  # fmt: skip
    return columns


def _known_columns() -> str:
    return (
        "the fields are (case, spaces and underscores do not matter): "
        + ", ".join(COLUMNS)
        + " (see docs/record-formats.md)"
    )


def _has_value(value: Any) -> bool:
    """Whether a cell or JSON value holds anything: lists are looked into, however deeply
    nested (without recursion: JSON nests a thousand levels within Python's limits)."""
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            stack += value
        elif value is not None and (not isinstance(value, str) or value.strip()):
            return True
    return False


def _records(
    source: Source, context: LoadContext, columns: dict[str, Column], rows: Iterable[RawRecord]
) -> list[Record]:
    records: list[Record] = []
    seen_graphs: dict[URIRef, str] = {}  # two names that give one graph would overwrite
    seen_projects: dict[URIRef, str] = {}
    for row in rows:
        name = _name(source, columns, row, context.limits.max_record_size)
        try:
            context.limits.check_record(source.name, name, row.size)
            page = _page(source, columns, row)
            graph_name, project = context.minter.graph(name), context.minter.project(page.title)
            if earlier := seen_graphs.get(graph_name) or seen_projects.get(project):
                raise RecordError(
                    source.name,
                    f"describes the same project as {earlier} (the same Projects ID or Title): "
                    "give each project once",
                )
            graph = idf_page.to_graph(page, source, context, document_kind=MHKG.RecordFile)
        except RecordError as error:
            records.append(_rejected(source, row, name, _named_field(error, columns)))
            continue
        seen_graphs[graph_name] = seen_projects[project] = row.position
        records.append(Record(name, graph))
    return records


def _name(source: Source, columns: dict[str, Column], row: RawRecord, longest: int) -> str:
    """`file#code`, else `file#title`, else `file#row N` (`file#record N` in JSON); a code or
    title longer than `longest` characters (0: no limit) is not read for it."""
    given = {
        column.field: " ".join(value.split())
        for name, column in columns.items()
        if column.field in ("code", "title")
        and isinstance(value := row.values.get(name), str)
        and (not longest or len(value) <= longest)
    }
    return f"{source.name}#{given.get('code') or given.get('title') or row.position}"


def _rejected(source: Source, row: RawRecord, name: str, error: RecordError) -> Record:
    where = row.position + (f", line {row.line}" if row.line else "")
    reason = error.reason if where == name.rpartition("#")[2] else f"{error.reason} ({where})"
    return Record(name, error=RecordError(source.name, reason, record=name, field=error.field))


def _named_field(error: RecordError, columns: dict[str, Column]) -> RecordError:
    """The error with its field named as the file names the column."""
    fields = {idf_page.FIELD_LABELS.get(c.field, c.field): c.name for c in columns.values()}
    field = fields.get(error.field or "", error.field)
    return RecordError(error.source, error.reason, record=error.record, field=field)


def _page(source: Source, columns: dict[str, Column], row: RawRecord) -> idf_page.ProjectPage:
    """The record as the fields of a project page; RecordError for a value that is not text."""
    if row.problem:
        raise RecordError(source.name, row.problem)
    page = idf_page.ProjectPage(title="")
    for name, value in row.values.items():
        if name not in columns:
            continue  # a name that gives no field, without a value
        column = columns[name]
        text = _text(source, column, value)
        if column.field == "title":
            page.title = text
        elif column.field == "description":
            page.description = "\n".join(page_text.clean_lines(text))
        elif text:
            page.fields[column.field] = text
            page.currency = column.currency or page.currency
    if not page.title:
        field = next((c.name for c in columns.values() if c.field == "title"), "Title")
        raise RecordError(source.name, "has no title", field=field)
    return page


def _text(source: Source, column: Column, value: Any) -> str:
    """A cell or JSON value as text (white space collapsed, but a description's lines kept);
    a list only of countries."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value if column.field == "description" else " ".join(value.split())
    if isinstance(value, list) and column.field == "countries":
        items = list(_country_items(source, column, value))
        return "; ".join(items)
    raise RecordError(
        source.name,
        f"is {_json_kind(value)}, not text or a number"
        + (" (only Benefiting Member States may be a list)" if isinstance(value, list) else ""),
        field=column.name,
    )


def _country_items(source: Source, column: Column, items: list[Any]) -> Iterator[str]:
    for item in items:
        if not isinstance(item, str):
            raise RecordError(
                source.name,
                f"holds {_json_kind(item)}: give country names or ISO 3166-1 alpha-3 codes",
                field=column.name,
            )
        if item.strip():
            yield " ".join(item.split())
