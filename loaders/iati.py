"""IATI activity XML (the International Aid Transparency Initiative standard, 2.0x) → projects.

One record per ``<iati-activity>``, named ``{file}#{iati-identifier}``. This module reads the
XML into plain `Activity` values (pure, lenient: strings as written); `mhkg.loaders.iati_graph`
turns each into triples, refusing values it cannot read. docs/record-formats.md has the whole
mapping; in short:

- iati-identifier → mhkg:iatiIdentifier; title → the project (its IRI from the title, as an IDF
  page's); description → dcterms:description, and what the prose extractor reads in it;
- activity-status → mhkg:status (1 Pipeline, 2 Active, 3 and 4 Completed, 5 Cancelled,
  6 Suspended); activity-date → mhkg:startDate / mhkg:endDate (actual before planned);
  activity-scope → mhkg:coverage (1 Global, 2 Regional, 3 Multi-national, 4 National,
  5–8 Sub-national);
- participating-org → a participation: role 1 Funding → funder, 4 Implementing → implementer,
  2 Accountable and 3 Extending → partner; @ref → mhkg:organisationIdentifier. The
  reporting-org is not a participant (IATI does not make it one);
- recipient-country → mhkg:benefitingCountry; recipient-region of vocabulary 99 whose
  vocabulary-uri is mhkg:idfRegion → mhkg:idfRegion (other region vocabularies are not read);
- sector vocabulary 7 / tag vocabulary 2 → mhkg:addressesGoal a goal, sector 8 / tag 3 → a
  target, sector 9 → the indicator's goal; sector vocabulary 1 and 2 (OECD DAC) → mhkg:sector;
  tag vocabulary 99 with vocabulary-uri mhkg:projectTypes / mhkg:fundingYear → the IDF
  project type / funding year;
- budget → mhkg:budget, the sum of the revised budgets, else of the original ones, per
  currency; other-identifier type A1 written like an IDF code → mhkg:projectCode, and one whose
  owner-org is named PRIMA → mhkg:primaId. Transactions are not read.

The XML parser reads no DTD, resolves no entity and fetches nothing from the network: a file
that declares entities, or refers to one it does not define (one an external DTD would), is
refused. A file that is not well-formed, or whose root is not <iati-activities> or
<iati-activity>, is refused whole; an activity that cannot be read, or holds more than a record
may (`limits.Limits.max_record_size`), is refused alone and the others go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

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
    size: int = 0  # UTF-8 bytes of its text and attribute values

    @property
    def label(self) -> str:
        """How messages name the activity: its identifier, else its place in the file."""
        return self.identifier or f"activity {self.position}"


def load(source: Source, context: LoadContext) -> list[Record]:
    """One record per activity: its triples, or the error that says why it was refused."""
    from mhkg.loaders import iati_graph

    records: list[Record] = []
    seen: dict[str, Activity] = {}
    for activity in parse(source, context.limits.max_record_size):
        name = f"{source.name}#{activity.identifier or f'activity-{activity.position}'}"
        try:
            context.limits.check_record(source.name, activity.label, activity.size)
            if not activity.identifier:
                raise RecordError(source.name, "has no iati-identifier", field="iati-identifier")
            if (earlier := seen.setdefault(slugify(name), activity)) is not activity:
                raise RecordError(
                    source.name,
                    f"has the same iati-identifier as {earlier.label} (line {earlier.line})",
                    field="iati-identifier",
                )
            graph = iati_graph.to_graph(activity, source, context)
        except RecordError as error:
            error = RecordError(source.name, error.reason, record=activity.label, field=error.field)
            records.append(Record(name, error=error))
            continue
        records.append(Record(name, graph))
    return records


def parse(source: Source, max_size: int = 0) -> list[Activity]:
    """The activities of an IATI file, or a RecordError when the file is not one. An activity
    larger than `max_size` bytes (0: no limit) is not read: it has its identifier and size."""
    root = _root(source)
    elements = [root] if root.tag == "iati-activity" else root.findall("iati-activity")
    if not elements:
        raise RecordError(source.name, "holds no <iati-activity>")
    activities = []
    for position, element in enumerate(elements, 1):
        size = utf8_size([*_texts(element)])
        if max_size and size > max_size:
            identifier = _text(element.find("iati-identifier")) or None
            activity = Activity(position, element.sourceline, identifier=identifier)
        else:
            activity = read_activity(element, position)
        activity.size = size
        activities.append(activity)
    return activities


def _texts(element: etree._Element) -> Iterator[str]:
    """The text, tails and attribute values in an element (itself included)."""
    for node in element.iter():
        yield from (node.text or "", node.tail or "") if node is not element else (node.text or "",)
        yield from node.attrib.values()


def xml_parser() -> etree.XMLParser:
    """A parser that loads no DTD (so neither its entities nor its default attributes),
    expands no entity, fetches nothing from the network and keeps libxml2's bounds (text
    nodes up to 10 MB, 256 levels of nesting)."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


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
        raise RecordError(
            source.name, "declares entities in a DTD: IATI files have none, and mhkg expands none"
        )
    if root is not None and (entity := next(root.iter(etree.Entity), None)) is not None:
        raise RecordError(source.name, _undefined_entity(root, entity))
    if root is None or root.tag not in ROOTS:
        tag = root.tag if root is not None else "nothing"
        raise RecordError(
            source.name,
            f"is not an IATI activity file: its root element is <{tag}>, "
            "not <iati-activities> or <iati-activity>",
        )
    return root


def _beyond_parser(message: str) -> str:
    """What a bound of libxml2 (huge_tree=False) that the file passes means to a user."""
    if "text node" in message.lower():
        return f"holds a text longer than the XML parser reads ({format_size(10_000_000)})"
    if "depth" in message.lower():
        return "nests elements deeper than the XML parser reads (256 levels)"
    return f"goes beyond a bound of the XML parser ({message.split(', try')[0]})"


def _undefined_entity(root: etree._Element, entity: etree._Entity) -> str:
    """An entity the file refers to without declaring it: one its external DTD would define
    (never read: no file, no network), which would otherwise vanish from the text."""
    system = root.getroottree().docinfo.system_url
    dtd = f" (its DTD, {system}, is not read)" if system else ""
    return (
        f"refers to the entity {entity.text} (line {entity.sourceline}), which it does not "
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
