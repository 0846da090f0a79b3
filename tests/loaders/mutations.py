"""Hypothesis strategies for the loaders' property tests: real files, mutated; and random pages.

Every document starts as one mhkg reads for real (the seeds, the loader fixtures) and goes
through one to four mutations: byte flips, cuts, inserted control characters and syntax
tokens of its format, lines duplicated, removed or swapped, an IDF header label where none
belongs, a long field (within the limits), a re-encoding (UTF-16, Latin-1, cp1252, a BOM),
and, for JSON and XML, changes to their structure (a value replaced by any JSON value, deep
nesting, a DTD, an entity). Random pages assemble header labels, separators and any text.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

HERE = Path(__file__).parent
SEEDS = HERE.parents[1] / "data" / "seeds"
FIXTURES = HERE / "fixtures"

ORIGINALS: dict[str, list[Path]] = {
    "text": sorted(SEEDS.glob("*.txt")),  # two IDF project pages, three news articles
    "html": sorted(FIXTURES.glob("*.html")),
    "csv": sorted((FIXTURES / "tabular").glob("*.csv")),
    "json": sorted((FIXTURES / "tabular").glob("*.json")),
    "xml": [
        *sorted((FIXTURES / "iati").glob("*.xml")),
        *sorted((FIXTURES / "iati" / "malformed").glob("*.xml")),
    ],
}
FORMATS = tuple(ORIGINALS)
_CONTENT: dict[Path, bytes] = {}

LABELS = [
    "Start Date", "End Date", "Project Status", "Project Type", "Budget Amount (USD)",
    "Budget Amount (EUR)", "Budget", "Coverage", "Year", "IDF Region", "Region", "Prima ID",
    "Projects ID", "Project ID", "Benefiting Member States", "Thematic Area",
]  # fmt: skip
VALUES = [
    "2019", "March 2019", "31/12/2019", "2019-02-30", "Completed", "Comp\x00leted", "ONGOING",
    "100000.00", "-5", "EUR 1,000", "1e400", "9" * 40, "Guinea", "Narnia", "GIN; SLV", "CD.0015",
    "", " ", "-", "- Mali", "Africa", "National", "\u202e", "\ufeff", "\ud7ff",
]  # fmt: skip
# Characters no text should hold, and characters that text may hold but code often trips on.
ODD_CHARACTERS = [
    *(chr(c) for c in range(0x20) if c not in (9, 10, 13)), "\x7f", "\x85", "\x9f",
    "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe", "\U0001f600", "\u0301",
]  # fmt: skip
SYNTAX = {
    "text": ["\n", "\n-\n", "\n\n", ": ", "• ", ". ", "\r", "\t"],
    "html": ["<p>", "</p>", "<div>", "</div>", "<li>", "<h1>", "</h1>", "<br>", "<!--", "-->",
             "<script>", "&amp;", "&nbsp;", "&#0;", "&bogus;", "<?xml version='1.0'?>",
             "<nav>", "</body>", "<![CDATA[", "<dl><dt>Start Date</dt><dd>2019</dd></dl>"],
    "csv": [",", ";", "\t", '"', '""', "\n", "\r\n", "\r", ",,,,", '"a\nb"', "Title,Title\n"],
    "json": ["{", "}", "[", "]", ",", ":", '"', "\\", "\\u0000", "\\ud800", "null", "true",
             "1e999", "-0", "NaN", "Infinity", '"projects":', "[" * 50, "{}" * 10],
    "xml": ["<", ">", "&", "&amp;", "&foo;", "&#0;", "&#x1F600;", "<![CDATA[x]]>", "<!-- -->",
            '<?pi x?>', "</iati-activity>", "<iati-activity>", "<narrative>", "</narrative>",
            '<!DOCTYPE iati-activities SYSTEM "http://127.0.0.1:9/iati.dtd">',
            '<!DOCTYPE iati-activities [<!ENTITY e "x">]>',
            '<!ENTITY e SYSTEM "/etc/hostname">', "<iati-identifier>X</iati-identifier>",
            '<activity-date type="2" iso-date="2019-13-01"/>',
            '<budget><value currency="USD">1</value></budget>', ' xml:lang="fr"', "<a>" * 300],
}  # fmt: skip
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IATI_ELEMENTS = [
    "iati-identifier", "title", "description", "activity-status", "activity-date",
    "activity-scope", "participating-org", "reporting-org", "recipient-country",
    "recipient-region", "sector", "tag", "other-identifier", "budget", "value", "narrative",
    "owner-org", "period-start",
]  # fmt: skip
ENCODINGS = ["utf-16", "utf-16-be", "latin-1", "cp1252", "utf-8-sig", "ascii"]
EXTENSIONS = [".txt", ".html", ".csv", ".json", ".xml", ".htm", "", ".bin"]
# The longer run (bench/fuzz_loaders.py) multiplies the examples and the longest field.
SCALE = max(1, int(os.environ.get("MHKG_FUZZ_SCALE", "1") or 1))
LONG_FIELD = min(30_000 * SCALE, 4_000_000)  # characters of the longest field inserted

Mutation = Callable[[bytes], bytes]


def content(path: Path) -> bytes:
    if path not in _CONTENT:
        _CONTENT[path] = path.read_bytes()
    return _CONTENT[path]


def _at(data: bytes, where: float) -> int:
    return min(len(data), int(where * (len(data) + 1)))


fraction = st.floats(0, 1, allow_nan=False)


@st.composite
def byte_mutation(draw: st.DrawFn, fmt: str) -> Mutation:
    kind = draw(st.sampled_from(["flip", "cut", "delete", "insert", "token", "odd"]))
    where, other = draw(fraction), draw(fraction)
    if kind == "flip":
        mask = draw(st.integers(1, 255))

        def flip(d: bytes) -> bytes:
            if not d:
                return d
            i = min(_at(d, where), len(d) - 1)
            return d[:i] + bytes([d[i] ^ mask]) + d[i + 1 :]

        return flip
    if kind == "cut":
        return lambda d: d[: _at(d, where)]
    if kind == "delete":
        return lambda d: d[: _at(d, min(where, other))] + d[_at(d, max(where, other)) :]
    inserted = {
        "insert": st.binary(min_size=1, max_size=16),
        "token": st.sampled_from(SYNTAX[fmt]).map(str.encode),
        "odd": st.sampled_from(ODD_CHARACTERS).map(lambda c: c.encode("utf-8", "surrogatepass")),
    }[kind]
    piece = draw(inserted)
    return lambda d: d[: _at(d, where)] + piece + d[_at(d, where) :]


@st.composite
def line_mutation(draw: st.DrawFn, fmt: str) -> Mutation:
    kind = draw(st.sampled_from(["duplicate", "remove", "swap", "label", "long", "text"]))
    first, second = draw(fraction), draw(fraction)
    if kind == "label":
        new = draw(st.sampled_from(LABELS)) + draw(st.sampled_from(["", ":", ": 2019"]))
        new += "\n" + draw(st.sampled_from(VALUES))
    elif kind == "long":  # a huge field, within the limits
        unit = draw(st.sampled_from(["word ", "x", "Ministry of Health of Kenya. ", "Ab "]))
        new = unit * draw(st.integers(1, LONG_FIELD // len(unit)))
    else:
        new = draw(st.text(max_size=40))

    def mutate(data: bytes) -> bytes:
        lines = data.decode("utf-8", "surrogateescape").splitlines(keepends=True) or [""]
        i, j = (min(int(f * len(lines)), len(lines) - 1) for f in (first, second))
        if kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "remove":
            del lines[i]
        elif kind == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines.insert(i, new + "\n")
        return "".join(lines).encode("utf-8", "surrogateescape")

    return mutate


@st.composite
def encoding_mutation(draw: st.DrawFn, fmt: str) -> Mutation:
    encoding = draw(st.sampled_from(ENCODINGS))

    def mutate(data: bytes) -> bytes:
        text = data.decode("utf-8", "replace")
        return text.encode(encoding, "replace")

    return mutate


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=4),
        st.dictionaries(st.text(max_size=12), children, min_size=1, max_size=4),
    ),
    max_leaves=12,
)


JSON_KEYS = [
    "Title", "Description", "Benefiting Member States", "Year", "Budget Amount (USD)",
    "projects", "Start Date", "Other",
]  # fmt: skip
DEEP = "\uf8ffdeep\uf8ff"  # stands for a value nested in lists, deeper than json.dumps goes


@st.composite
def json_mutation(draw: st.DrawFn, fmt: str) -> Mutation:
    """A value of a project replaced (by any JSON value, or one nested up to 1,200 lists
    deep), a key added, or the whole nested in lists."""
    kind = draw(st.sampled_from(["value", "key", "nest", "deep"]))
    where = draw(fraction)
    key = draw(st.sampled_from(JSON_KEYS))
    value = draw(json_values)
    depth = draw(st.integers(1, 1200))

    def mutate(data: bytes) -> bytes:
        try:
            document = json.loads(data)
        except ValueError:
            return data
        projects = document.get("projects") if isinstance(document, dict) else document
        if kind == "nest":
            nested = json.dumps(value)
            return ("[" * depth + nested + "]" * depth).encode()
        objects = [p for p in projects if isinstance(p, dict)] if isinstance(projects, list) else []
        if objects:
            project = objects[min(int(where * len(objects)), len(objects) - 1)]
            project[key if kind != "key" else f"{key} {len(project)}"] = (
                DEEP if kind == "deep" else value
            )
        text = json.dumps(document, ensure_ascii=False)
        text = text.replace(json.dumps(DEEP), "[" * depth + json.dumps(value) + "]" * depth)
        return text.encode("utf-8", "surrogatepass")

    return mutate


# Any text XML can carry (no C0 control but tab, line feed and carriage return; no surrogate).
xml_text = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters=[
        *(chr(c) for c in range(0x20) if c not in (9, 10, 13)), "\ufffe", "\uffff",
    ]),
    max_size=30,
)  # fmt: skip
value_text = st.one_of(st.sampled_from(VALUES), st.text(max_size=30), xml_text)


@st.composite
def xml_mutation(draw: st.DrawFn, fmt: str) -> Mutation:
    """An element's text or an attribute given another value, an element copied or removed,
    or an IATI element added with any attributes."""
    kind = draw(st.sampled_from(["text", "attribute", "copy", "remove", "add"]))
    where = draw(fraction)
    text = draw(xml_text | st.sampled_from([v for v in VALUES if v.isprintable()]))
    attribute = draw(st.sampled_from(["code", "type", "role", "ref", "vocabulary",
                                      "vocabulary-uri", "iso-date", "currency", XML_LANG,
                                      "default-currency", "version"]))  # fmt: skip
    tag = draw(st.sampled_from(IATI_ELEMENTS))

    def mutate(data: bytes) -> bytes:
        try:
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, load_dtd=False))
        except etree.XMLSyntaxError:
            return data
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        element = elements[min(int(where * len(elements)), len(elements) - 1)]
        if kind == "text":
            element.text = text
        elif kind == "attribute":
            element.set(attribute, text)
        elif kind == "copy" and element.getparent() is not None:
            element.addnext(copy.deepcopy(element))
        elif kind == "remove" and element.getparent() is not None:
            element.getparent().remove(element)
        else:
            added = etree.SubElement(element, tag, {attribute: text})
            etree.SubElement(added, "narrative").text = text
        return etree.tostring(root.getroottree(), encoding="utf-8")

    return mutate


@st.composite
def csv_mutation(draw: st.DrawFn, fmt: str) -> Mutation:
    """A cell given another value, or a column or row added, as the csv module writes them."""
    kind = draw(st.sampled_from(["cell", "column", "row"]))
    row, column = draw(fraction), draw(fraction)
    value = draw(value_text)
    header = draw(st.sampled_from([*LABELS, "Title", "Description", "title", "", "Unknown"]))

    def mutate(data: bytes) -> bytes:
        try:
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        except (UnicodeDecodeError, csv.Error):
            return data
        if not rows:
            return data
        if kind == "row":
            rows.append([value] * len(rows[0]))
        elif kind == "column":
            for number, cells in enumerate(rows):
                cells.append(header if number == 0 else value)
        else:
            cells = rows[min(int(row * len(rows)), len(rows) - 1)]
            if cells:
                cells[min(int(column * len(cells)), len(cells) - 1)] = value
        out = io.StringIO(newline="")
        csv.writer(out).writerows(rows)
        return out.getvalue().encode("utf-8", "surrogatepass")

    return mutate


@st.composite
def value_mutation(draw: st.DrawFn, fmt: str) -> Mutation:
    """A page's line (a title, a value after a label) replaced by another value."""
    where, value = draw(fraction), draw(value_text)

    def mutate(data: bytes) -> bytes:
        lines = data.decode("utf-8", "surrogateescape").splitlines(keepends=True)
        if lines:
            lines[min(int(where * len(lines)), len(lines) - 1)] = value + "\n"
        return "".join(lines).encode("utf-8", "surrogateescape")

    return mutate


STRUCTURE = {"text": value_mutation, "html": value_mutation, "csv": csv_mutation,
             "json": json_mutation, "xml": xml_mutation}  # fmt: skip


def mutation(fmt: str) -> st.SearchStrategy[Mutation]:
    """One change: to the bytes, the lines, the encoding, or the format's structure (twice as
    likely: a structure kept whole reaches further into a loader)."""
    structure = STRUCTURE[fmt](fmt)
    kinds = [byte_mutation(fmt), line_mutation(fmt), encoding_mutation(fmt), structure, structure]
    return st.one_of(kinds)


@st.composite
def mutated(draw: st.DrawFn, fmt: str, paths: list[Path] | None = None) -> tuple[str, bytes]:
    """A file name and content: a real file of that format (one of `paths`, if given),
    mutated one to four times, now and then under another extension (so read by another
    loader)."""
    path = draw(st.sampled_from(paths or ORIGINALS[fmt]))
    data = content(path)
    for change in draw(st.lists(mutation(fmt), min_size=1, max_size=4)):
        data = change(data)
    name = path.name
    if draw(st.integers(0, 9)) == 0:
        name = path.stem + draw(st.sampled_from(EXTENSIONS))
    return name, data


@st.composite
def random_page(draw: st.DrawFn) -> tuple[str, bytes]:
    """A page made of a title, label and value lines, separators and text, as text or HTML."""
    parts = draw(
        st.lists(
            st.one_of(
                st.sampled_from(LABELS),
                st.sampled_from(VALUES),
                st.just("-"),
                st.text(max_size=60),
                st.sampled_from(ODD_CHARACTERS),
            ),
            max_size=30,
        )
    )
    title = draw(st.text(min_size=1, max_size=40))
    if draw(st.booleans()):
        tags = draw(st.lists(st.sampled_from(["p", "div", "li", "h1", "dt", "dd", "span"]),
                             min_size=len(parts), max_size=len(parts)))  # fmt: skip
        body = "".join(f"<{t}>{p}</{t}>" for t, p in zip(tags, parts, strict=True))
        text = f"<html><body><h1>{title}</h1>{body}</body></html>"
        return "random.html", text.encode("utf-8", "surrogatepass")
    return "random.txt", "\n".join([title, *parts]).encode("utf-8", "surrogatepass")
