"""IATI activity XML (the International Aid Transparency Initiative standard, 2.0x) → projects.

One record per ``<iati-activity>``, named ``{file}#{iati-identifier}``. This module reads the
XML into plain `Activity` values (pure, lenient: strings as written); `mhkg.loaders.iati_graph`
turns each into triples, refusing values it cannot read. docs/record-formats.md has the whole
mapping; in short:

- iati-identifier → mhkg:iatiIdentifier, and mhkg:projectCode when it is IOM's (or the
  reporting organisation's) identifier, a hyphen and an IDF code ("XM-DAC-47066-CD.0015");
  title → the project (its IRI from the title, as an IDF page's); description →
  dcterms:description, and what the prose extractor reads in it;
- activity-status → mhkg:iatiActivityStatus, IATI's own ActivityStatus concept (code and name:
  2 "Implementation"), and, as an addition, the common mhkg:status (1 Pipeline, 2 Active,
  3 and 4 Completed, 5 Cancelled, 6 Suspended); activity-date → mhkg:startDate /
  mhkg:endDate (actual before planned); activity-scope → mhkg:coverage (1 Global,
  2 Regional, 3 Multi-national, 4 National, 5–8 Sub-national);
- participating-org → a participation: role 1 Funding → funder, 4 Implementing → implementer,
  2 Accountable and 3 Extending → partner; @ref → mhkg:organisationIdentifier. A body's
  country comes from its name or @ref, never from the recipient country. transaction:
  the provider-org of incoming funds → a funder, the receiver-org of outgoing commitments and
  disbursements → a partner. reporting-org → its participating-org role, else implementer,
  funder or partner as its transactions say (`iati_organisations`);
- recipient-country → mhkg:benefitingCountry; recipient-region of vocabulary 99 whose
  vocabulary-uri is mhkg:idfRegion → mhkg:idfRegion (other region vocabularies are not read);
- sector vocabulary 7 / tag vocabulary 2 → mhkg:addressesGoal a goal, sector 8 / tag 3 → a
  target, sector 9 → the indicator's goal; sector vocabulary 1 and 2 (OECD DAC) → mhkg:sector;
  tag vocabulary 99 with vocabulary-uri mhkg:projectTypes / mhkg:fundingYear → the IDF
  project type / funding year;
- budget → mhkg:budget, the sum of the revised budgets, else of the original ones, per
  currency; other-identifier type A1 written like an IDF code → mhkg:projectCode, and one whose
  owner-org is named PRIMA → mhkg:primaId. Transactions' amounts are not read.

A file is IATI by its content: XML whose root is <iati-activities> or <iati-activity> (other
namespaces declared on it are no matter), whatever its name (`.xml`, `.txt`, none:
`mhkg.loaders.source.sniffed`).

The XML parser reads no DTD, resolves no entity and fetches nothing from the network: a file
that declares entities, or refers to one it does not define (one an external DTD would), is
refused. A file that is not well-formed, or whose root is not <iati-activities> or
<iati-activity>, is refused whole; an activity that cannot be read, or holds more than a record
may (`limits.Limits.max_record_size`), is refused alone and the others go on.

The activities stream: no reading of a file keeps more than one activity. When the loader is
called, the file is parsed through without building a tree (what libxml2 accepts, and how it
words a refusal, is then what parsing the file whole gives; a file it refuses is parsed whole
once more, for that wording), then element by element, each child of the root dropped once
read, for what refuses a well-formed file whole (entities, its root, no activity): a file
refused whole raises RecordError before any record is given. The records come from one more
reading, an activity at a time, each dropped once read; each record is deferred
(`Record.deferred`): its size, identifier and whether it repeats an earlier one are judged as
it is read, its triples made when first asked for.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from rdflib import Graph

from mhkg.errors import RecordError
from mhkg.iri import slugify
from mhkg.loaders.limits import format_size, utf8_size
from mhkg.loaders.source import LoadContext, Record, Source

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ROOTS = ("iati-activities", "iati-activity")


@dataclass(frozen=True)
class Narrative:
    text: str
    lang: str | None  # the narrative's xml:lang, else the activity's default language


@dataclass(frozen=True)
class Org:
    """A reporting-org or participating-org, as written."""

    name: str | None
    ref: str | None = None
    type: str | None = None
    role: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class Coded:
    """A coded element (sector, tag, recipient-country, recipient-region, other-identifier)."""

    code: str
    type: str | None = None  # other-identifier's @type (A1, A9, …)
    vocabulary: str | None = None
    vocabulary_uri: str | None = None
    name: str | None = None
    owner: str | None = None  # other-identifier: the owner-org's name
    line: int | None = None


@dataclass(frozen=True)
class Transaction:
    """A transaction's type and the organisations it names (its amounts are not read)."""

    type: str | None  # TransactionType code (1.0x: IF, C, D, E, …)
    provider: Org | None = None
    receiver: Org | None = None
    line: int | None = None


@dataclass(frozen=True)
class Budget:
    value: str | None
    type: str | None = None  # 1 original (the default), 2 revised
    currency: str | None = None
    period_start: str | None = None
    line: int | None = None


@dataclass
class Activity:
    """One <iati-activity>, its values as written (stripped)."""

    position: int  # 1 for the file's first activity
    line: int | None = None
    identifier: str | None = None
    lang: str | None = None
    default_currency: str | None = None
    title: str | None = None
    description: str | None = None
    reporting_org: Org | None = None
    participating_orgs: list[Org] = field(default_factory=list)
    other_identifiers: list[Coded] = field(default_factory=list)
    status: str | None = None
    dates: dict[str, str] = field(default_factory=dict)  # ActivityDateType code → date
    scope: str | None = None
    countries: list[Coded] = field(default_factory=list)
    regions: list[Coded] = field(default_factory=list)
    sectors: list[Coded] = field(default_factory=list)
    tags: list[Coded] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    transactions: list[Transaction] = field(default_factory=list)
    size: int = 0  # UTF-8 bytes of its text and attribute values

    @property
    def label(self) -> str:
        """How messages name the activity: its identifier, else its place in the file."""
        return self.identifier or f"activity {self.position}"


def load(source: Source, context: LoadContext) -> Iterator[Record]:
    """One record per activity, read as they are asked for: its triples, or the error that
    says why it was refused; RecordError, at once, for a file refused whole."""
    return _records(source, context, parse(source, context.limits.max_record_size))


def _records(
    source: Source, context: LoadContext, activities: Iterable[Activity]
) -> Iterator[Record]:
    seen: dict[bytes, tuple[str, int | None]] = {}  # digest of a name's slug → label, line
    for activity in activities:
        name = f"{source.name}#{activity.identifier or f'activity-{activity.position}'}"
        try:
            context.limits.check_record(source.name, activity.label, activity.size)
            if not activity.identifier:
                raise RecordError(source.name, "has no iati-identifier", field="iati-identifier")
            if earlier := seen.get(key := _digest(slugify(name))):
                raise RecordError(
                    source.name,
                    f"has the same iati-identifier as {earlier[0]} (line {earlier[1]})",
                    field="iati-identifier",
                )
            seen[key] = (activity.label, activity.line)
        except RecordError as error:
            yield Record(name, error=_refusal(source, activity, error))
            continue
        yield Record.deferred(name, _builder(source, context, activity))


def _digest(text: str) -> bytes:
    """What is kept of a name to tell an activity that repeats an earlier one: 16 bytes,
    however long the identifier."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _builder(source: Source, context: LoadContext, activity: Activity) -> Callable[[], Graph]:
    """What makes one activity's triples, from values of its own (none of the loop's)."""

    def build() -> Graph:
        from mhkg.loaders import iati_graph

        try:
            return iati_graph.to_graph(activity, source, context)
        except RecordError as error:
            raise _refusal(source, activity, error) from None

    return build


def _refusal(source: Source, activity: Activity, error: RecordError) -> RecordError:
    return RecordError(source.name, error.reason, record=activity.label, field=error.field)


def parse(source: Source, max_size: int = 0) -> Iterator[Activity]:
    """The activities of an IATI file, read one at a time as they are asked for; RecordError,
    at once, when the file is not one. An activity larger than `max_size` bytes (0: no limit)
    is not read: it has its identifier and size."""
    elements = _checked(source)
    return _activities(_streamed(source) if elements is None else elements, max_size)


def _activities(elements: Iterable[etree._Element], max_size: int) -> Iterator[Activity]:
    for position, element in enumerate(elements, 1):
        size = utf8_size([*_texts(element)])
        if max_size and size > max_size:
            identifier = _text(element.find("iati-identifier")) or None
            activity = Activity(position, element.sourceline, identifier=identifier)
        else:
            activity = read_activity(element, position)
        activity.size = size
        yield activity


def _checked(source: Source) -> list[etree._Element] | None:
    """The checks of the whole file: RecordError for a file that is not an IATI activity
    file. None: its activities are to be streamed. A list of them when the parse that
    builds no tree and the one element by element disagree (never seen: then the file is
    read whole, into one tree, as it was before activities streamed)."""
    try:
        etree.fromstring(source.data, xml_parser(target=_NoTree()))
    except etree.XMLSyntaxError:
        return _whole(source)  # raises RecordError, worded as the parse of the whole file
    try:
        root, activities, entity = _survey(source)
    except etree.XMLSyntaxError:
        return _whole(source)
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise RecordError(source.name, DECLARED_ENTITIES)
    if entity is not None:
        raise RecordError(source.name, _undefined_entity(root, *entity))
    _check_root(source, root)
    if not activities:
        raise RecordError(source.name, "holds no <iati-activity>")
    return None


class _NoTree:
    """A parser target that keeps nothing: libxml2 parses, and no tree is built."""

    def close(self) -> None:
        return None


def _survey(source: Source) -> tuple[etree._Element, int, tuple[str, int | None] | None]:
    """The file read element by element, each child of the root dropped once read: its
    root, how many activities it holds, and the first entity reference in it (its text and
    line), if any. etree.XMLSyntaxError when the file is not well-formed."""
    root, count, entity = None, 0, None
    for element in _elements(source):
        parent = element.getparent()
        if parent is None:  # the root, whole: what is left of it is read
            root, entity = element, _forget_children(element, None, entity)
        elif parent.getparent() is None:  # a child of the root
            count += element.tag == "iati-activity" and parent.tag == "iati-activities"
            entity = _forget_children(parent, element, entity)
    assert root is not None  # a well-formed file has a root
    return root, count + (root.tag == "iati-activity"), entity


def _forget_children(
    root: etree._Element, last: etree._Element | None, entity: tuple[str, int | None] | None
) -> tuple[str, int | None] | None:
    """Drop the root's children up to `last` (all of them: None), in document order; the
    first entity reference in them, unless `entity` was found before."""
    while len(root):
        child = root[0]
        if entity is None and (found := next(child.iter(etree.Entity), None)) is not None:
            entity = (found.text, found.sourceline)
        del root[0]
        if child is last:
            break
    return entity


def _streamed(source: Source) -> Iterator[etree._Element]:
    """The activities of a checked file, one at a time, each dropped once read with what
    precedes it: the root's <iati-activity> children, or the root itself."""
    for element in _elements(source, tag="iati-activity"):
        parent = element.getparent()
        if parent is None:
            yield element
        elif parent.tag == "iati-activities" and parent.getparent() is None:
            yield element
            element.clear()
            while element.getprevious() is not None:
                del parent[0]


def _whole(source: Source) -> list[etree._Element]:
    """The activities of the file parsed whole, into one tree; RecordError when it is not
    an IATI activity file."""
    root = _root(source)
    elements = [root] if root.tag == "iati-activity" else root.findall("iati-activity")
    if not elements:
        raise RecordError(source.name, "holds no <iati-activity>")
    return elements


def _texts(element: etree._Element) -> Iterator[str]:
    """The text, tails and attribute values in an element (itself included)."""
    for node in element.iter():
        yield from (node.text or "", node.tail or "") if node is not element else (node.text or "",)
        yield from node.attrib.values()


# The parser loads no DTD (so neither its entities nor its default attributes), expands no
# entity, fetches nothing from the network and keeps libxml2's bounds (text nodes up to
# 10 MB, 256 levels of nesting); every reading of a file uses these options.
PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
FEED = 64 * 1024  # bytes the pull parser is given at a time
DECLARED_ENTITIES = "declares entities in a DTD: IATI files have none, and mhkg expands none"


def xml_parser(**options: Any) -> etree.XMLParser:
    """A parser with `PARSER_OPTIONS`, and `options`: with `events` (and `tag`), an
    XMLPullParser, fed the file a piece at a time (`_elements`); with `target`, one that
    gives the parser target what it reads and builds no tree."""
    if "events" in options:
        return etree.XMLPullParser(**options, **PARSER_OPTIONS)
    return etree.XMLParser(**options, **PARSER_OPTIONS)


def _elements(source: Source, **options: Any) -> Iterator[etree._Element]:
    """The elements of the file as the pull parser ends them (`options`: which ones), fed
    `FEED` bytes at a time; etree.XMLSyntaxError when the file is not well-formed."""
    parser = xml_parser(events=("end",), **options)
    data = source.data
    for start in range(0, len(data), FEED):
        parser.feed(data[start : start + FEED])
        for _, element in parser.read_events():
            yield element
    parser.close()
    for _, element in parser.read_events():
        yield element


def _root(source: Source) -> etree._Element:
    try:
        root = etree.fromstring(source.data, xml_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (exc.lineno, None)
        where = f"line {line}" + (f", column {column}" if column else "")
        message = " ".join(re.sub(r",? line \d+, column \d+$", "", exc.msg or "").split())
        if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:  # not a flaw: a parser's bound
            raise RecordError(
                source.name, f"{_beyond_parser(message)} ({where}): not read"
            ) from None
        raise RecordError(source.name, f"is not well-formed XML ({where}: {message})") from None
    dtd = root.getroottree().docinfo.internalDTD if root is not None else None
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise RecordError(source.name, DECLARED_ENTITIES)
    if root is not None and (entity := next(root.iter(etree.Entity), None)) is not None:
        raise RecordError(source.name, _undefined_entity(root, entity.text, entity.sourceline))
    _check_root(source, root)
    return root


def _check_root(source: Source, root: etree._Element | None) -> None:
    if root is None or root.tag not in ROOTS:
        tag = root.tag if root is not None else "nothing"
        raise RecordError(
            source.name,
            f"is not an IATI activity file: its root element is <{tag}>, "
            "not <iati-activities> or <iati-activity>",
        )


def _beyond_parser(message: str) -> str:
    """What a bound of libxml2 (huge_tree=False) that the file passes means to a user."""
    if "text node" in message.lower():
        return f"holds a text longer than the XML parser reads ({format_size(10_000_000)})"
    if "depth" in message.lower():
        return "nests elements deeper than the XML parser reads (256 levels)"
    return f"goes beyond a bound of the XML parser ({message.split(', try')[0]})"


def _undefined_entity(root: etree._Element, entity: str, line: int | None) -> str:
    """An entity the file refers to without declaring it: one its external DTD would define
    (never read: no file, no network), which would otherwise vanish from the text."""
    system = root.getroottree().docinfo.system_url
    dtd = f" (its DTD, {system}, is not read)" if system else ""
    return (
        f"refers to the entity {entity} (line {line}), which it does not "
        f"define{dtd}: mhkg reads no DTD and expands no entity; write the character itself"
    )


def read_activity(element: etree._Element, position: int) -> Activity:
    """An activity's values as written; nothing is judged here."""
    lang = element.get(XML_LANG) or None
    activity = Activity(
        position=position,
        line=element.sourceline,
        identifier=_text(element.find("iati-identifier")) or None,
        lang=lang,
        default_currency=(element.get("default-currency") or "").strip() or None,
        title=_one_line(_narrative(element.findall("title"), lang)),
        description=_description(element.findall("description"), lang),
        status=_code(element.find("activity-status")),
        scope=_code(element.find("activity-scope")),
    )
    reporting = element.find("reporting-org")
    activity.reporting_org = _org(reporting, lang) if reporting is not None else None
    activity.participating_orgs = [_org(e, lang) for e in element.findall("participating-org")]
    for date in element.findall("activity-date"):
        value = (date.get("iso-date") or _text(date)).strip()
        activity.dates.setdefault((date.get("type") or "").strip(), value)
    for tag, target in (
        ("recipient-country", activity.countries),
        ("recipient-region", activity.regions),
        ("sector", activity.sectors),
        ("tag", activity.tags),
        ("other-identifier", activity.other_identifiers),
    ):
        target += [_coded(e, lang) for e in element.findall(tag)]
    activity.budgets = [_budget(e) for e in element.findall("budget")]
    activity.transactions = [_transaction(e, lang) for e in element.findall("transaction")]
    return activity


def _org(element: etree._Element, lang: str | None) -> Org:
    return Org(
        name=_one_line(_narrative([element], lang)),
        ref=_attribute(element, "ref"),
        type=_attribute(element, "type"),
        role=_attribute(element, "role"),
        line=element.sourceline,
    )


def _coded(element: etree._Element, lang: str | None) -> Coded:
    owner = element.find("owner-org")
    return Coded(
        # 1.0x wrote codes in @ref (sector) and other-identifier's value as its text
        code=_attribute(element, "code") or _attribute(element, "ref") or _text(element),
        type=_attribute(element, "type"),
        vocabulary=_attribute(element, "vocabulary"),
        vocabulary_uri=_attribute(element, "vocabulary-uri"),
        name=_one_line(_narrative([element], lang)),
        owner=_one_line(_narrative([owner], lang)) if owner is not None else None,
        line=element.sourceline,
    )


def _transaction(element: etree._Element, lang: str | None) -> Transaction:
    provider, receiver = element.find("provider-org"), element.find("receiver-org")
    return Transaction(
        type=_code(element.find("transaction-type")),
        provider=_org(provider, lang) if provider is not None else None,
        receiver=_org(receiver, lang) if receiver is not None else None,
        line=element.sourceline,
    )


def _budget(element: etree._Element) -> Budget:
    value = element.find("value")
    start = element.find("period-start")
    return Budget(
        value=_text(value) if value is not None else None,
        type=_attribute(element, "type"),
        currency=_attribute(value, "currency") if value is not None else None,
        period_start=_attribute(start, "iso-date") if start is not None else None,
        line=element.sourceline,
    )


def _narrative(elements: list[etree._Element], lang: str | None) -> str | None:
    """The text in English if there is one, else the first; 1.0x files hold text, not
    narratives, in several elements with an xml:lang each."""
    found: list[Narrative] = []
    for element in elements:
        own = element.get(XML_LANG) or lang
        narratives = element.findall("narrative")
        if narratives:
            found += [Narrative(_text(n), n.get(XML_LANG) or own) for n in narratives]
        elif text := _text(element):
            found.append(Narrative(text, own))
    found = [n for n in found if n.text]
    english = [n for n in found if (n.lang or "").lower().startswith("en")]
    chosen = english or found
    return chosen[0].text if chosen else None


def _description(elements: list[etree._Element], lang: str | None) -> str | None:
    """All descriptions (general, objectives, …) in order, each as paragraphs: blank lines
    separate paragraphs, other line breaks inside one are spaces."""
    texts = [_narrative([e], lang) for e in elements]
    paragraphs = [
        " ".join(paragraph.split())
        for text in texts
        if text
        for paragraph in re.split(r"\n\s*\n", text.strip())
    ]
    return "\n".join(p for p in paragraphs if p) or None


def _text(element: etree._Element | None) -> str:
    """The element's own text (not its children's elements), stripped."""
    if element is None:
        return ""
    parts = [element.text or ""] + [child.tail or "" for child in element]
    return "".join(parts).strip()


def _one_line(text: str | None) -> str | None:
    return (" ".join(text.split()) or None) if text else None


def _attribute(element: etree._Element | None, name: str) -> str | None:
    value = element.get(name) if element is not None else None
    return (value.strip() or None) if value else None


def _code(element: etree._Element | None) -> str | None:
    """A coded element's @code (1.0x: @ref or its text)."""
    if element is None:
        return None
    return _attribute(element, "code") or _attribute(element, "ref") or _text(element) or None
