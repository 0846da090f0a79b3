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

The records stream: a file is read twice and no pass keeps its records. The first pass,
when the loader is called, checks the whole file's structure and keeps only what those
checks need (the header, the column or key names, which of the names that give no field
hold a value): a file refused whole raises RecordError before any record is given. The
loader then returns an iterator that reads the file a second time and gives one record at
a time, each deferred (`Record.deferred`): its name, size and whether it repeats an earlier
record are judged as it is read, its triples made when first asked for. A JSON list — the
top level, or the value of "projects" — is decoded one object at a time, in both passes.

A record repeats an earlier one when their names or projects are the same and the earlier
one was read: a record refused as it is read (its size, no title, a value that is not text,
more values than columns, itself a repeat) is not counted, but whether a record's values
give triples is not waited for, so that no record's fate depends on which records are made,
or in what order. What is kept of each record for this is 16-byte digests of its named
graph and project IRIs, and where it is.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import re
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from rdflib import Graph

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


@lru_cache(maxsize=4096)
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


def load_csv(source: Source, context: LoadContext) -> Iterator[Record]:
    """One record per row of a CSV file whose header names the IDF fields, read as they are
    asked for; RecordError, at once, for a file refused whole."""
    text = source.text
    header: list[str] | None = None
    valued: set[str] = set()  # the names that give no field and hold a value in some row
    for number, line, cells in _csv_cells(source, text):  # the first pass: checks only
        if header is None:
            header = _header(cells)
            unknown = {name for name in header if column_field(name) is None}
            continue
        values = _row(header, cells, number, line).values
        valued |= {name for name in unknown - valued if _has_value(values.get(name))}
    if header is None:
        raise RecordError(source.name, "has no header row")
    columns = _columns(source, header, valued.__contains__, "column")
    if "title" not in {c.field for c in columns.values()}:
        raise RecordError(source.name, f"has no Title column; {_known_columns()}")
    return _records(source, context, columns, _csv_rows(source, text, header))


def load_json(source: Source, context: LoadContext) -> Iterator[Record]:
    """One record per object of a JSON list of projects, or of {"projects": [...]}, read as
    they are asked for; RecordError, at once, for a file refused whole."""
    text = source.text
    try:
        start, survey = _json_projects(source, text)
    except json.JSONDecodeError as exc:
        raise RecordError(
            source.name, f"is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise RecordError(source.name, "is JSON nested too deeply to be project records") from None
    if start is None:
        raise RecordError(
            source.name,
            'is a JSON object without a "projects" list: give a list of projects, '
            'or {"projects": [...]}',
        )
    if survey.error is not None:
        raise survey.error
    columns = _columns(source, list(survey.names), survey.valued.__contains__, "key", once=False)
    return _records(source, context, columns, _json_rows(source, text, start))


# --- JSON, one object at a time -----------------------------------------------------------

# Numbers as written: a budget of 100000.00 stays 100000.00.
_DECODER = json.JSONDecoder(parse_float=str, parse_int=str, parse_constant=str)
_SPACE = json.decoder.WHITESPACE  # what json skips between tokens: space, tab, CR, LF
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]+|\\.)*"|[\[\]{}]', re.DOTALL)


def _trailing_comma(probe: str, comma: int) -> str | None:
    """How json.loads names a comma before a closing bracket (Python 3.13 does, at the
    comma), or None when it expects a value there instead (3.12 and before)."""
    try:
        json.loads(probe)
    except json.JSONDecodeError as error:
        return error.msg if error.pos == comma and "trailing comma" in error.msg else None
    return None


_ARRAY_TRAILING_COMMA = _trailing_comma("[0,]", 2)
_OBJECT_TRAILING_COMMA = _trailing_comma('{"a": 0,}', 7)


@dataclass
class _Survey:
    """What the first pass learns of a list of projects without keeping an object: the
    error that refuses it whole (the first item that is not an object, else the first
    object whose keys are wrong), and every key, in order, with those that give no field
    but hold a value in some object."""

    source: Source
    count: int = 0
    not_object: RecordError | None = None
    wrong_keys: RecordError | None = None
    names: dict[str, None] = field(default_factory=dict)  # an ordered set
    valued: set[str] = field(default_factory=set)

    @property
    def error(self) -> RecordError | None:
        return self.not_object or self.wrong_keys

    def add(self, item: Any) -> None:
        self.count += 1
        if not isinstance(item, dict):
            self.not_object = self.not_object or RecordError(
                self.source.name, f"item {self.count} of its list of projects is "
                f"{_json_kind(item)}, not an object with the fields of a project"
            )  # fmt: skip
            return
        if self.wrong_keys is None:  # one object may not give a field twice
            try:
                _columns(self.source, list(item), lambda name: _has_value(item[name]), "key")
            except RecordError as error:
                self.wrong_keys = error
        for name, value in item.items():
            self.names.setdefault(name, None)
            if name not in self.valued and column_field(name) is None and _has_value(value):
                self.valued.add(name)


def _json_projects(source: Source, text: str) -> tuple[int | None, _Survey]:
    """The first pass: where the list of projects starts in `text` (None for an object
    without one), and its survey. json.JSONDecodeError as json.loads(text) raises it, and
    RecordError for a top level that is neither a list nor an object."""
    at = _SPACE.match(text).end()
    survey = _Survey(source)
    start: int | None = at
    if text.startswith("[", at):
        at = _each(_items(text, at), survey.add)
    elif text.startswith("{", at):
        start, survey, at = _projects_member(source, text, at)
    else:  # not a list of projects: decoded whole, for json.loads' error or the value's kind
        data = json.loads(text, parse_float=str, parse_int=str, parse_constant=str)
        raise RecordError(source.name, f"holds {_json_kind(data)}, not a list of projects")
    at = _SPACE.match(text, at).end()
    if at != len(text):
        raise json.JSONDecodeError("Extra data", text, at)
    return start, survey


def _projects_member(source: Source, text: str, at: int) -> tuple[int | None, _Survey, int]:
    """The top-level object at `at`: where its (last) "projects" list starts, or None when
    its value is not a list; that list's survey; where the object ends. Its other values are
    decoded and dropped."""
    start, survey = None, _Survey(source)
    at = _SPACE.match(text, at + 1).end()
    if text.startswith("}", at):
        return start, survey, at + 1
    while True:
        if not text.startswith('"', at):
            raise json.JSONDecodeError(
                "Expecting property name enclosed in double quotes", text, at
            )
        key, at = json.decoder.scanstring(text, at + 1, True)
        at = _SPACE.match(text, at).end()
        if not text.startswith(":", at):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
        at = _SPACE.match(text, at + 1).end()
        if key == "projects" and text.startswith("[", at):
            start, survey = at, _Survey(source)  # a key given twice: its last value counts
            at = _each(_items(text, at), survey.add)
        else:
            start = None if key == "projects" else start
            _, at = _DECODER.raw_decode(text, at)
        at = _SPACE.match(text, at).end()
        if text.startswith("}", at):
            return start, survey, at + 1
        if not text.startswith(",", at):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        comma, at = at, _SPACE.match(text, at + 1).end()
        if _OBJECT_TRAILING_COMMA and text.startswith("}", at):
            raise json.JSONDecodeError(_OBJECT_TRAILING_COMMA, text, comma)


class _TooDeep:
    """An item of a list that the second pass could not decode for Python's recursion
    limit (the first pass could, from a shallower stack)."""

    def __init__(self, at: int) -> None:
        self.at = at


def _items(text: str, start: int, skip_too_deep: bool = False) -> Generator[Any, None, int]:
    """The values of the JSON array whose "[" is at `start`, decoded one at a time; returns
    where the array ends. json.JSONDecodeError as json.loads(text) would raise it, at the
    same position; RecursionError for a value nested too deeply, unless `skip_too_deep`
    (then a `_TooDeep` stands for it)."""
    at = _SPACE.match(text, start + 1).end()
    if text.startswith("]", at):
        return at + 1
    while True:
        try:
            value, end = _DECODER.raw_decode(text, at)
        except RecursionError:
            if not skip_too_deep:
                raise
            value, end = _TooDeep(at), _skip_nested(text, at)
        yield value
        del value
        at = _SPACE.match(text, end).end()
        if text.startswith("]", at):
            return at + 1
        if not text.startswith(",", at):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        comma, at = at, _SPACE.match(text, at + 1).end()
        if _ARRAY_TRAILING_COMMA and text.startswith("]", at):
            raise json.JSONDecodeError(_ARRAY_TRAILING_COMMA, text, comma)


def _skip_nested(text: str, at: int) -> int:
    """Where the well-formed JSON object or list at `at` ends, found without recursion."""
    depth = 0
    for token in _STRING_OR_BRACKET.finditer(text, at):
        if token[0] in "[{":
            depth += 1
        elif token[0] in "]}":
            depth -= 1
            if depth == 0:
                return token.end()
    return len(text)


def _each(values: Generator[Any, None, int], each: Callable[[Any], None]) -> int:
    """Call `each` with every value of `values`; what the generator returns."""
    while True:
        try:
            each(next(values))
        except StopIteration as stop:
            return stop.value


def _json_rows(source: Source, text: str, start: int) -> Iterator[RawRecord]:
    """The second pass: the objects of the list at `start`, decoded one at a time."""
    for index, values in enumerate(_items(text, start, skip_too_deep=True), start=1):
        if isinstance(values, _TooDeep):
            yield RawRecord(f"record {index}", {}, problem="is nested too deeply to be read")
        else:
            yield RawRecord(f"record {index}", values, size=utf8_size(values))


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string or number", bool: "true/false"}
    return kinds.get(type(value), "null")


# --- CSV, one row at a time ---------------------------------------------------------------


def _csv_cells(source: Source, text: str) -> Iterator[tuple[int, int, list[str]]]:
    """Each row that holds anything, as (its number as a spreadsheet numbers rows, the line
    it starts on, its cells), read as asked for; RecordError for text that is not CSV, when
    the reading reaches it."""
    reader = csv.reader(_lines(text), delimiter=_delimiter(text), strict=True)
    line = 0
    for number in itertools.count(1):
        try:
            with _cells_as_long_as(len(text)):  # for one row: put back between rows
                cells = next(reader, None)
        except csv.Error as exc:
            raise RecordError(
                source.name, f"is not readable CSV: {exc} (in the row starting on line {line + 1})"
            ) from None
        if cells is None:
            return
        start, line = line + 1, reader.line_num
        if any(cell.strip() for cell in cells):
            yield number, start, cells


_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` with their ends, as a file opened with newline="" gives them (a
    line ends at CR LF, CR or LF), one at a time: io.StringIO would hold a copy of the whole
    text, at four bytes a character."""
    return (match[0] for match in _LINE.finditer(text))


def _header(cells: list[str]) -> list[str]:
    return [cell.strip() or f"(column {i})" for i, cell in enumerate(cells, 1)]


def _csv_rows(source: Source, text: str, header: list[str]) -> Iterator[RawRecord]:
    """The second pass: the non-empty rows after the header, numbered as a spreadsheet
    numbers them (the header is row 1)."""
    rows = _csv_cells(source, text)
    next(rows)  # the header, read in the first pass
    for number, line, cells in rows:
        yield _row(header, cells, number, line)


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
    header = next((line for line in _lines(text) if line.strip()), "")
    return max(DELIMITERS, key=header.count)


def _columns(
    source: Source,
    names: list[str],
    has_value: Callable[[str], bool],
    what: str,
    once: bool = True,
) -> dict[str, Column]:
    """The field of each column name (`once`: each field from one name only); a name that
    gives no field is refused if some record has a value for it (`has_value`), not otherwise
    (a spreadsheet's empty trailing columns)."""
    columns: dict[str, Column] = {}
    by_field: dict[str, str] = {}
    unknown = []
    for name in names:
        column = column_field(name)
        if column is None:
            if has_value(name):
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
) -> Iterator[Record]:
    """Each row as a record: refused at once for its size, a value that is not text, no
    title or a name or project given before; else deferred, its triples made (or its values
    refused) when first asked for."""
    seen: dict[bytes, str] = {}  # named graph or project (two names may give one) → where
    for row in rows:
        name = _name(source, columns, row, context.limits.max_record_size)
        try:
            context.limits.check_record(source.name, name, row.size)
            page = _page(source, columns, row)
            graph_name, project = context.minter.graph(name), context.minter.project(page.title)
            graph_key, project_key = _digest(graph_name), _digest(project)
            if earlier := seen.get(graph_key) or seen.get(project_key):
                raise RecordError(
                    source.name,
                    f"describes the same project as {earlier} (the same Projects ID or Title): "
                    "give each project once",
                )
        except RecordError as error:
            yield Record(name, error=_refusal(source, _where(row), name, error, columns))
            continue
        seen[graph_key] = seen[project_key] = row.position
        yield Record.deferred(name, _builder(source, context, columns, page, _where(row), name))


def _digest(iri: str) -> bytes:
    """What the loader keeps of an IRI to tell a record that repeats an earlier one: 16
    bytes, however long the title it is made from (a collision is as likely as guessing a
    128-bit key)."""
    return hashlib.blake2b(iri.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _builder(
    source: Source,
    context: LoadContext,
    columns: dict[str, Column],
    page: idf_page.ProjectPage,
    where: str,
    name: str,
) -> Callable[[], Graph]:
    """What makes one record's triples, from values of its own (none of the loop's)."""

    def build() -> Graph:
        try:
            return idf_page.to_graph(page, source, context, document_kind=MHKG.RecordFile)
        except RecordError as error:
            raise _refusal(source, where, name, error, columns) from None

    return build


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


def _where(row: RawRecord) -> str:
    """Where a row or object is: "row 3", "row 3, line 4", "record 2"."""
    return row.position + (f", line {row.line}" if row.line else "")


def _refusal(
    source: Source, where: str, name: str, error: RecordError, columns: dict[str, Column]
) -> RecordError:
    """The error that refuses a record: named, its field as the file names the column, and
    where the record is unless its name says it."""
    error = _named_field(error, columns)
    reason = error.reason if where == name.rpartition("#")[2] else f"{error.reason} ({where})"
    return RecordError(source.name, reason, record=name, field=error.field)


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
