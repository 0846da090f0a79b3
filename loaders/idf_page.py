"""IOM Development Fund project pages (text or HTML) → a project and its document.

A page holds a title, a block of label/value lines (Start Date, End Date,
Project Status, …, Benefiting Member States) and then the description.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple, TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from mhkg.errors import RecordError
from mhkg.loaders import page_text, prose, values
from mhkg.loaders.document import describe_document
from mhkg.loaders.gazetteer import UnknownCountryError
from mhkg.loaders.organisations import IDF, IOM, add_participation
from mhkg.loaders.project import describe_project
from mhkg.loaders.source import LoadContext, Record, Source
from mhkg.vocab import MHKG, SCHEMA

# Field labels as they appear on the pages (normalised to lower case) → field names.
LABELS = {
    "start date": "start",
    "end date": "end",
    "project status": "status",
    "project type": "type",
    "coverage": "coverage",
    "year": "year",
    "idf region": "region",
    "region": "region",
    "prima id": "prima_id",
    "projects id": "code",
    "project id": "code",
    "benefiting member states": "countries",
    "benefiting member state": "countries",
}
BUDGET_LABEL = re.compile(r"^budget(?: amount)?(?: \((?P<currency>[a-z]{3})\))?$")
SEPARATOR = "-"
LIST_FIELDS = ("countries",)  # values that may run over several lines (one item a line)


@dataclass
class ProjectPage:
    """The fields of one page, as written."""

    title: str
    fields: dict[str, str] = field(default_factory=dict)
    other_fields: dict[str, str] = field(default_factory=dict)  # labels the loader doesn't know
    currency: str | None = None  # from the budget's label, "Budget Amount (USD)"
    description: str = ""
    description_offset: int | None = None  # where the description starts in the page's text


class Label(NamedTuple):
    field: str
    inline_value: str | None  # "Start Date: 2019" carries its value on the label's line
    currency: str | None = None  # "Budget Amount (USD)"


def label_of(line: str) -> Label | None:
    """The field a line labels, or None when the line is not a field label."""
    label, _, inline = line.partition(":")
    key = " ".join(label.lower().split())
    if key in LABELS:
        return Label(LABELS[key], inline.strip() or None)
    if match := BUDGET_LABEL.match(key):
        currency = match["currency"].upper() if match["currency"] else None
        return Label("budget", inline.strip() or None, currency)
    return None


# Labels that only a project page's header writes: one of them makes a page a project page,
# whole or broken off ("Year", "Coverage", "Region" and "Budget" alone also head news).
COMMON_WORDS = frozenset({"coverage", "year", "region", "budget"})
# A header says which project it is: it has these fields (one of the sets) when it is whole.
WHOLE_HEADER = ({"start", "code"}, {"countries", "budget"})
LAST_FIELD = "countries"  # a header ends with the countries; the description follows


def is_project_page(lines: list[str]) -> bool:
    """A page whose header has the fields of a whole project page's."""
    found = {label.field for line in lines if (label := label_of(line))}
    return any(fields <= found for fields in WHOLE_HEADER)


def has_header_labels(lines: list[str]) -> bool:
    """A page that writes a label only a project page's header writes (Start Date, Projects
    ID, Benefiting Member States …), whether or not its header is whole."""
    return any(_is_header_label(line) for line in lines)


def _is_header_label(line: str) -> bool:
    if label_of(line) is None:
        return False
    return " ".join(line.partition(":")[0].lower().split()) not in COMMON_WORDS


def parse(
    page: page_text.PageText, source: str, is_list_item: Callable[[str], bool] = lambda _: False
) -> ProjectPage:
    """The title, header fields and description of a project page.

    The header runs from the first field label to the last field's value; the
    description follows. A label the loader does not know (a field the site
    added) is kept aside when its value is followed by more of the header.

    Raises RecordError for a page with no header or no title, and for a header broken off
    (a page cut short): one without the fields that say which project it is, or one that
    runs to the end of the page with its last label unfinished or without its value.
    """
    lines = page_text.strip_site_menu(page.lines, content_starts=lambda line: bool(label_of(line)))
    first = next((i for i, line in enumerate(lines) if label_of(line)), None)
    if first is None:
        raise RecordError(source, "has no project header (Start Date, Projects ID, …)")
    if not is_project_page(lines):
        raise RecordError(source, _broken_header(lines))
    title = page.heading or _title_before(lines, first)
    if not title:
        raise RecordError(source, "has no title before its header", field="title")
    result = ProjectPage(title=title)
    index = first
    last = ("", "", [])  # the last label read: as written, its field, its values
    while index < len(lines):
        line = lines[index]
        if line == SEPARATOR:
            index += 1
        elif label := label_of(line):
            values, index = _values_after(lines, index + 1, label, is_list_item)
            result.fields[label.field] = ", ".join(values)
            result.currency = label.currency or result.currency
            last = (line, label.field, values)
        elif _is_unknown_field(lines, index):
            result.other_fields[line] = lines[index + 1]
            index += 2
        else:
            break
    if cut := _header_cut_at(lines, index, last):
        raise RecordError(source, f"ends inside its project header ({cut}): is the page cut short?")
    result.description = "\n".join(lines[index:])
    before = page.lines[: len(page.lines) - len(lines) + index]  # the lines the menu took, too
    result.description_offset = len("\n".join(before)) + (1 if before else 0)
    return result


def _broken_header(lines: list[str]) -> str:
    """Why a page with header labels but not a whole header is refused (not read as news)."""
    found = [label.field for line in lines if (label := label_of(line))]
    labels = ", ".join(FIELD_LABELS[field] for field in dict.fromkeys(found))
    return (
        f"is an IDF project page whose header is broken off: it has {labels} but neither "
        "Start Date and Projects ID nor Benefiting Member States and Budget Amount, "
        "which say which project it is: is the page cut short?"
    )


def _header_cut_at(lines: list[str], index: int, last: tuple[str, str, list[str]]) -> str | None:
    """Where a header that runs to the end of the page breaks off, if it does. A whole
    header ends with Benefiting Member States and its countries, and the description
    follows; a page that ends with a separator, a label without its value, the value of
    another field, or a separator and one more line (a label cut: "Benefiting Mem") is cut."""
    label, field, values = last
    if index == len(lines) - 1 and lines[index - 1] == SEPARATOR:
        return f"it ends with {lines[-1]!r} after a separator"
    if index < len(lines):
        return None  # the description follows
    if lines[-1] == SEPARATOR:
        return "it ends with a separator"
    if not values:
        return f"{label!r} has no value"
    if field != LAST_FIELD:
        return f"it ends with the value of {label!r}, before {FIELD_LABELS[LAST_FIELD]}"
    return None


def _values_after(
    lines: list[str], index: int, label: Label, is_list_item: Callable[[str], bool]
) -> tuple[list[str], int]:
    """The values of the field labelled just before `index`, and the index after them.

    Value lines run to the next separator or label. After the last field the
    description follows with neither between: the field then has one line, or
    for a list field its items, one a line.
    """
    if label.inline_value is not None:
        return [label.inline_value], index
    end = index
    while end < len(lines) and _is_value(lines[end]):
        end += 1
    is_list = label.field in LIST_FIELDS
    items = [line.removeprefix("- ") if is_list else line for line in lines[index:end]]
    if end < len(lines) or not items:  # the header goes on after these values
        return items, end
    count = 1
    while is_list and count < len(items) and is_list_item(items[count]):
        count += 1
    return items[:count], index + count


def _is_unknown_field(lines: list[str], index: int) -> bool:
    """An unknown label: a short line, then one value, then more of the header."""
    line = lines[index]
    if not page_text.is_heading(line, max_words=5) or index + 2 >= len(lines):
        return False
    after = lines[index + 2]
    return _is_value(lines[index + 1]) and (after == SEPARATOR or label_of(after) is not None)


def _is_value(line: str) -> bool:
    """A line after a label is a value unless it is a separator or the next label."""
    return line != SEPARATOR and label_of(line) is None


def _title_before(lines: list[str], header_start: int) -> str | None:
    for line in reversed(lines[:header_start]):
        if line != SEPARATOR:
            return line
    return None


def load(source: Source, context: LoadContext) -> Iterator[Record]:
    """The page's one record (an iterator, as every loader gives): read, and its triples made,
    when the loader is called; RecordError then for a page that cannot be read."""
    page = parse(page_text.read(source), source.name, context.gazetteer.is_country_list)
    return iter([Record(source.name, to_graph(page, source, context))])


def to_graph(
    page: ProjectPage,
    source: Source,
    context: LoadContext,
    document_kind: URIRef = MHKG.ProjectPage,
) -> Graph:
    """The project, its typed header fields, its funder and implementer, what its description
    says, and the document it comes from (a page, or a file of records)."""
    minter, g = context.minter, Graph()
    for name, value in (("title", page.title), *page.fields.items()):
        _field(values.text, value, source, name)  # no control characters in any field
    _field(values.text, page.description, source, "description")
    fields = {k: v for k, v in page.fields.items() if v}
    project = describe_project(g, minter, page.title)
    if page.description:
        g.add((project, DCTERMS.description, Literal(page.description)))
    for name, prop in (("code", MHKG.projectCode), ("prima_id", MHKG.primaId)):
        if name in fields:
            g.add((project, prop, Literal(fields[name])))
    for name, prop, read in (
        ("start", MHKG.startDate, values.partial_date),
        ("end", MHKG.endDate, values.partial_date),
        ("year", MHKG.fundingYear, values.year),
    ):
        if name in fields:
            g.add((project, prop, _field(read, fields[name], source, name)))
    _add_concepts(g, project, fields, context)
    if "budget" in fields:
        number, currency = _budget(page, fields["budget"], source)
        budget = minter.budget(project)
        g.add((project, MHKG.budget, budget))
        g.add((budget, RDF.type, SCHEMA.MonetaryAmount))
        g.add((budget, SCHEMA.value, values.decimal_literal(number)))
        g.add((budget, SCHEMA.currency, Literal(currency)))
    countries = _field(
        context.gazetteer.country_list, fields.get("countries", ""), source, "countries"
    )
    for iso3 in countries:
        g.add((project, MHKG.benefitingCountry, minter.country(iso3)))
    add_participation(g, minter, project, IDF, MHKG.funderRole)
    add_participation(g, minter, project, IOM, MHKG.implementerRole)
    title = page.title if document_kind == MHKG.ProjectPage else None  # a file has many
    document = describe_document(g, minter, source, document_kind, title)
    g.add((document, MHKG.reportsOn, project))
    if page.description:
        _describe_prose(g, page, project, document, countries, context)
    return g


def _describe_prose(
    g: Graph,
    page: ProjectPage,
    project: URIRef,
    document: URIRef,
    countries: list[str],
    context: LoadContext,
) -> None:
    """What the description says; a national body it names without a country ("the
    Ministry of Health") belongs to the page's country when the page has only one."""
    reading = prose.read(
        page.description,
        context,
        page.description_offset or 0,
        default_country=countries[0] if len(countries) == 1 else None,
    )
    prose.describe_text(
        g, context, reading, document=document, project=project,
        positions=page.description_offset is not None, text_of=project,
    )  # fmt: skip


DEFAULT_CURRENCY = "USD"  # the IOM Development Fund budgets in US dollars


def _budget(page: ProjectPage, value: str, source: Source) -> tuple[Decimal, str]:
    """The amount, and its currency from the value, else the label, else US dollars."""
    number, written = _field(values.amount, value, source, "budget")
    if written and page.currency and written != page.currency:
        raise RecordError(
            source.name,
            f"{value!r} is in {written} but the label says {page.currency}",
            field=FIELD_LABELS["budget"],
        )
    return number, written or page.currency or DEFAULT_CURRENCY


CONCEPT_FIELDS = (
    # field, property, class, scheme, IRI kind
    ("status", MHKG.status, MHKG.ProjectStatus, MHKG.projectStatuses, "project-status"),
    ("type", MHKG.projectType, MHKG.ProjectType, MHKG.projectTypes, "project-type"),
    ("coverage", MHKG.coverage, MHKG.Coverage, MHKG.coverages, "coverage"),
)


def _add_concepts(g: Graph, project: URIRef, fields: dict[str, str], context: LoadContext) -> None:
    """Link the project to its status, type, coverage and region.

    A value the reference data knows is only linked (its label is the reference
    one); a new value is described too, in headline case, so that "ONGOING" and
    "Ongoing" on two pages are one concept with one label.
    """
    for name, prop, cls, scheme, kind in CONCEPT_FIELDS:
        if name in fields:
            concept = context.minter.entity(kind, fields[name])
            g.add((project, prop, concept))
            if not context.knows(concept):
                g.add((concept, RDF.type, cls))
                g.add((concept, SKOS.prefLabel, Literal(headline_case(fields[name]))))
                g.add((concept, SKOS.inScheme, scheme))
    if "region" in fields:
        region = context.minter.entity("region", fields["region"])
        g.add((project, MHKG.idfRegion, region))
        if not context.knows(region):
            g.add((region, RDF.type, MHKG.Region))
            g.add((region, RDFS.label, Literal(headline_case(fields["region"]))))


SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}
)


def headline_case(label: str) -> str:
    """A label written all in capitals or all in lower case, in headline case; others as
    written ("migration health" → "Migration Health", "ONGOING" → "Ongoing")."""
    if not (label.isupper() or label.islower()):
        return label
    words = label.lower().split()
    return " ".join(
        w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


# Field names as the pages label them, for error messages.
FIELD_LABELS = {
    "title": "Title",
    "start": "Start Date",
    "end": "End Date",
    "status": "Project Status",
    "type": "Project Type",
    "budget": "Budget Amount",
    "coverage": "Coverage",
    "year": "Year",
    "region": "IDF Region",
    "prima_id": "Prima ID",
    "code": "Projects ID",
    "countries": "Benefiting Member States",
    "description": "Description",
}


T = TypeVar("T")


def _field(read: Callable[[str], T], value: str, source: Source, name: str) -> T:
    """`read(value)`, or a RecordError naming the file, the field and the value."""
    try:
        return read(value)
    except (ValueError, UnknownCountryError) as exc:
        raise RecordError(source.name, str(exc), field=FIELD_LABELS.get(name, name)) from None
