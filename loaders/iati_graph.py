"""An IATI activity (as `mhkg.loaders.iati` reads it) → the triples of its project.

A value that cannot be read (an unknown code, a date that is not one, a budget that is not an
amount, a country code ISO does not have) refuses the activity with a RecordError naming the
element; an element mhkg has no term for (transactions, DAC regions, sectors of other
vocabularies) is passed over. The IDF fields that IATI has no element for travel the way IATI
lets a reporting organisation add its own: a tag of vocabulary 99 whose vocabulary-uri is the
mhkg term (mhkg:projectTypes, mhkg:fundingYear), a recipient-region of vocabulary 99 whose
vocabulary-uri is mhkg:idfRegion, and other-identifiers for the project code and Prima ID.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from mhkg.errors import RecordError
from mhkg.loaders import iati_codes, values
from mhkg.loaders.document import describe_document
from mhkg.loaders.iati import Activity, Coded
from mhkg.loaders.iati_organisations import add_participations, country_code
from mhkg.loaders.idf_page import CONCEPT_FIELDS, headline_case
from mhkg.loaders.project import describe_project
from mhkg.loaders.source import LoadContext, Source
from mhkg.vocab import MHKG, SCHEMA

STATUSES = {"1": "Pipeline", "2": "Active", "3": "Completed", "4": "Completed"}
STATUSES |= {"5": "Cancelled", "6": "Suspended"}
COVERAGES = {"1": "Global", "2": "Regional", "3": "Multi-national", "4": "National"}
COVERAGES |= dict.fromkeys(("5", "6", "7", "8"), "Sub-national")
# IATI 1.0x wrote date types as words; "start" and "end" were planned dates there.
DATE_TYPES = {"start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4"}
DATE_TYPES |= {"start": "1", "end": "3", "completion": "3"}
START_TYPES, END_TYPES = ("2", "1"), ("4", "3")  # actual before planned

# The vocabulary-uri by which an IDF field travels in a tag or recipient-region of vocabulary 99.
IDF_PROJECT_TYPE = str(MHKG.projectTypes)
IDF_FUNDING_YEAR = str(MHKG.fundingYear)
IDF_REGION = str(MHKG.idfRegion)
IDF_CODE = re.compile(r"^[A-Z]{2}\.[0-9]{4}$")
IOM_REF = "XM-DAC-47066"  # IOM's IATI organisation identifier
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
GOAL = re.compile(r"^(?P<goal>\d{1,2})$")
TARGET = re.compile(r"^(?P<goal>\d{1,2})\.(?:\d{1,2}|[a-z])$")
INDICATOR = re.compile(r"^(?P<goal>\d{1,2})\.(?:\d{1,2}|[a-z])\.\d{1,2}$")


def to_graph(activity: Activity, source: Source, context: LoadContext) -> Graph:
    """The project of one activity, its fields, participants and the file it comes from."""
    minter, g = context.minter, Graph()
    if not activity.title:
        raise RecordError(source.name, "has no title", field="title")
    project = describe_project(g, minter, activity.title)
    g.add((project, MHKG.iatiIdentifier, Literal(activity.identifier)))
    if activity.description:
        g.add((project, DCTERMS.description, Literal(activity.description)))
    _add_identifiers(g, project, activity)
    _add_dates(g, project, activity.dates, source)
    for name, codes, table, codelist in (
        ("status", activity.status, STATUSES, "ActivityStatus"),
        ("coverage", activity.scope, COVERAGES, "ActivityScope"),
    ):
        if codes:
            label = table.get(codes) or _refuse(source, codes, codelist, name)
            common = _add_concept(g, project, name, label, context)
            if name == "status":
                _add_activity_status(g, project, codes, common, context)
    _add_budgets(g, project, activity, source, context)
    countries = [country_code(c, context, source) for c in activity.countries]
    for iso3 in dict.fromkeys(countries):
        g.add((project, MHKG.benefitingCountry, minter.country(iso3)))
    for region in activity.regions:
        if region.vocabulary == "99" and region.vocabulary_uri == IDF_REGION:
            _add_region(g, project, region.name or region.code, context)
    _add_classifications(g, project, activity, source, context)
    add_participations(g, context, project, activity, source)
    document = describe_document(g, minter, source, MHKG.RecordFile, None)
    g.add((document, MHKG.reportsOn, project))
    if activity.description:
        _describe_text(g, context, activity.description, document, project, countries)
    return g


def _refuse(source: Source, code: str, codelist: str, field: str) -> str:
    raise RecordError(
        source.name,
        f"{code!r} is not an IATI {codelist} code ({iati_codes.describe(codelist)})",
        field=field,
    )


def _add_identifiers(g: Graph, project: URIRef, activity: Activity) -> None:
    """other-identifier type A1 written like an IDF code ("CD.0015") is the project code, else
    the iati-identifier's own code when IOM (or the reporting organisation) writes it as its
    identifier, a hyphen and an IDF code ("XM-DAC-47066-CD.0015"); an other-identifier whose
    owner-org is PRIMA (IOM's project management system) is the Prima ID."""
    codes = [
        c.code for c in activity.other_identifiers if c.type == "A1" and IDF_CODE.match(c.code)
    ]
    codes.append(own_code(activity) or "")
    if codes[0]:
        g.add((project, MHKG.projectCode, Literal(codes[0])))
    for identifier in activity.other_identifiers:
        if not (identifier.type == "A1" and IDF_CODE.match(identifier.code)) and (
            "prima" in (identifier.owner or "").lower().split()
        ):
            g.add((project, MHKG.primaId, Literal(identifier.code)))


def own_code(activity: Activity) -> str | None:
    """The IDF project code an iati-identifier ends with, after IOM's identifier or the
    reporting organisation's: "XM-DAC-47066-CD.0015" → "CD.0015"; None for any other.

    >>> own_code(Activity(1, identifier="XM-DAC-47066-MH.0302"))
    'MH.0302'
    >>> own_code(Activity(1, identifier="GB-GOV-1-300123")) is None
    True
    """
    identifier = activity.identifier or ""
    reporting = activity.reporting_org.ref if activity.reporting_org else None
    for prefix in filter(None, (IOM_REF, reporting)):
        head, _, code = identifier.rpartition("-")
        if head.upper() == prefix.upper() and IDF_CODE.match(code):
            return code
    return None


def _add_dates(g: Graph, project: URIRef, dates: dict[str, str], source: Source) -> None:
    read: dict[str, Literal] = {}
    for written, value in dates.items():
        code = DATE_TYPES.get(written.lower(), written)
        if iati_codes.name("ActivityDateType", code) is None:
            _refuse(source, written, "ActivityDateType", "activity-date/@type")
        if not ISO_DATE.match(value):
            raise RecordError(
                source.name, f"{value!r} is not a date (YYYY-MM-DD)", field="activity-date"
            )
        try:
            read.setdefault(code, values.partial_date(value))
        except ValueError as exc:
            raise RecordError(source.name, str(exc), field="activity-date") from None
    for prop, codes in ((MHKG.startDate, START_TYPES), (MHKG.endDate, END_TYPES)):
        if date := next((read[c] for c in codes if c in read), None):
            g.add((project, prop, date))


def _add_concept(g: Graph, project: URIRef, name: str, label: str, context: LoadContext) -> URIRef:
    """Link to a status, type or coverage as an IDF page does: the reference data's concept,
    else one described here."""
    (_, prop, cls, scheme, kind) = next(f for f in CONCEPT_FIELDS if f[0] == name)
    concept = context.minter.entity(kind, label)
    g.add((project, prop, concept))
    if not context.knows(concept):
        g.add((concept, RDF.type, cls))
        g.add((concept, SKOS.prefLabel, Literal(headline_case(label))))
        g.add((concept, SKOS.inScheme, scheme))
    return concept


def _add_activity_status(
    g: Graph, project: URIRef, code: str, common: URIRef, context: LoadContext
) -> None:
    """IATI's own ActivityStatus concept (code and name: 2 "Implementation"), close to the
    common status (`common`, "Active") that mhkg:status gives every source's projects."""
    concept = context.minter.entity("iati-activity-status", code)
    g.add((project, MHKG.iatiActivityStatus, concept))
    g.add((concept, RDF.type, SKOS.Concept))
    g.add((concept, SKOS.notation, Literal(code)))
    g.add((concept, SKOS.prefLabel, Literal(iati_codes.name("ActivityStatus", code))))
    g.add((concept, SKOS.inScheme, MHKG.iatiActivityStatuses))
    g.add((concept, SKOS.closeMatch, common))


def _add_region(g: Graph, project: URIRef, name: str, context: LoadContext) -> None:
    region = context.minter.entity("region", name)
    g.add((project, MHKG.idfRegion, region))
    if not context.knows(region):
        g.add((region, RDF.type, MHKG.Region))
        g.add((region, RDFS.label, Literal(headline_case(name))))


def _add_budgets(
    g: Graph, project: URIRef, activity: Activity, source: Source, context: LoadContext
) -> None:
    """The project's budget: the revised budgets added up if there are any, else the original
    ones (IATI's default type), one amount per currency."""
    read: list[tuple[str, Decimal, str]] = []  # (type, value, currency)
    for budget in activity.budgets:
        kind = budget.type or "1"
        if iati_codes.name("BudgetType", kind) is None:
            _refuse(source, kind, "BudgetType", "budget/@type")
        currency = budget.currency or activity.default_currency
        if not currency:
            raise RecordError(
                source.name,
                f"the budget on line {budget.line} has no currency "
                "(neither value/@currency nor the activity's default-currency)",
                field="budget/value/@currency",
            )
        if not CURRENCY.match(currency):
            raise RecordError(
                source.name, f"{currency!r} is not an ISO 4217 currency code", field="budget"
            )
        read.append((kind, _amount(budget.value, source), currency))
    chosen = [r for r in read if r[0] == "2"] or read
    totals: dict[str, Decimal] = {}
    for _, value, currency in chosen:
        totals[currency] = totals.get(currency, Decimal(0)) + value
    for currency, total in totals.items():
        amount = context.minter.budget(project, "" if len(totals) == 1 else currency)
        g.add((project, MHKG.budget, amount))
        g.add((amount, RDF.type, SCHEMA.MonetaryAmount))
        g.add((amount, SCHEMA.value, values.decimal_literal(total)))
        g.add((amount, SCHEMA.currency, Literal(currency)))


def _amount(text: str | None, source: Source) -> Decimal:
    if not text or not DECIMAL.match(text):
        raise RecordError(source.name, f"{text or ''!r} is not an amount", field="budget/value")
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise RecordError(source.name, f"{text!r} is not an amount", field="budget/value") from None
    if number < 0:
        raise RecordError(source.name, f"{text!r} is negative", field="budget/value")
    if number >= values.MAX_AMOUNT:
        raise RecordError(source.name, f"{text!r} is not a plausible amount", field="budget/value")
    return number


def _add_classifications(
    g: Graph, project: URIRef, activity: Activity, source: Source, context: LoadContext
) -> None:
    """Sectors and tags: SDG goals, targets and indicators, DAC sectors, and the IDF project
    type and funding year."""
    sectors = [(s, _sector_vocabulary(s.vocabulary), "sector") for s in activity.sectors]
    tags = [
        (t, {"2": "7", "3": "8"}.get(t.vocabulary or "", t.vocabulary), "tag")
        for t in activity.tags
    ]
    for item, vocabulary, element in sectors + tags:
        if vocabulary in ("7", "8", "9"):
            _add_goal(g, project, item.code, vocabulary, source, context, f"{element}/@code")
        elif vocabulary in ("1", "2") and element == "sector":
            _add_sector(g, project, item, vocabulary, source, context)
        elif vocabulary in ("98", "99") and item.vocabulary_uri == IDF_PROJECT_TYPE:
            _add_concept(g, project, "type", item.name or item.code, context)
        elif vocabulary == "99" and item.vocabulary_uri == IDF_FUNDING_YEAR:
            try:
                g.add((project, MHKG.fundingYear, values.year(item.code)))
            except ValueError as exc:
                raise RecordError(source.name, str(exc), field=f"{element}/@code") from None


def _sector_vocabulary(vocabulary: str | None) -> str:
    """IATI's default sector vocabulary is 1 (DAC 5-digit); 1.0x files wrote DAC and DAC-3."""
    return {None: "1", "DAC": "1", "DAC-3": "2"}.get(vocabulary, vocabulary or "1")


def _add_goal(
    g: Graph,
    project: URIRef,
    code: str,
    vocabulary: str,
    source: Source,
    context: LoadContext,
    field: str,
) -> None:
    pattern, what = {"7": (GOAL, "goal"), "8": (TARGET, "target"), "9": (INDICATOR, "indicator")}[
        vocabulary
    ]
    match = pattern.match(code.lower())
    if not match or not 1 <= int(match["goal"]) <= 17:
        raise RecordError(source.name, f"{code!r} is not an SDG {what}", field=field)
    goal = context.minter.sdg(int(match["goal"]))
    if what != "target":
        g.add((project, MHKG.addressesGoal, goal))
        return
    target = context.minter.sdg_target(code.lower())
    g.add((project, MHKG.addressesGoal, target))
    g.add((target, RDF.type, MHKG.SustainableDevelopmentTarget))
    g.add((target, MHKG.targetOf, goal))
    g.add((target, SKOS.notation, Literal(code.lower())))
    g.add((target, SKOS.inScheme, MHKG.sdgScheme))


def dac_sector(context: LoadContext, code: str) -> URIRef:
    """<id/sector/dac-NNNNN> for a DAC purpose code, <id/sector/dac-NNN> for a category."""
    return context.minter.sector("dac", code)


def _add_sector(
    g: Graph, project: URIRef, item: Coded, vocabulary: str, source: Source, context: LoadContext
) -> None:
    digits = 5 if vocabulary == "1" else 3
    if not re.fullmatch(rf"\d{{{digits}}}", item.code):
        raise RecordError(
            source.name,
            f"{item.code!r} is not an OECD DAC {digits}-digit sector code",
            field="sector/@code",
        )
    concept = _describe_sector(g, context, item.code, item.name)
    g.add((project, MHKG.sector, concept))


def _describe_sector(g: Graph, context: LoadContext, code: str, name: str | None) -> URIRef:
    """A DAC sector as a SKOS concept with its notation and label, a purpose code under its
    3-digit category."""
    concept = dac_sector(context, code)
    if len(code) == 5:
        label = iati_codes.name("Sector", code) or name or f"DAC sector {code}"
        scheme = MHKG.dacSectors
        g.add((concept, SKOS.broader, _describe_sector(g, context, code[:3], None)))
    else:
        label = iati_codes.name("SectorCategory", code) or name or f"DAC sector category {code}"
        scheme = MHKG.dacSectorCategories
    g.add((concept, RDF.type, SKOS.Concept))
    g.add((concept, SKOS.notation, Literal(code)))
    g.add((concept, SKOS.prefLabel, Literal(label)))
    g.add((concept, SKOS.inScheme, scheme))
    return concept


def _describe_text(
    g: Graph,
    context: LoadContext,
    text: str,
    document: URIRef,
    project: URIRef,
    countries: Sequence[str],
) -> None:
    """What the prose extractor reads in the description, as for an IDF page's: a national
    body named without its country belongs to the activity's country when it has only one.
    Positions are not stated: the description's offset in the XML file is not the text's."""
    from mhkg.loaders import prose

    if not (hasattr(prose, "read") and hasattr(prose, "describe_text")):
        return  # pragma: no cover - an mhkg without the prose extractor
    unique = list(dict.fromkeys(countries))
    reading = prose.read(text, context, 0, default_country=unique[0] if len(unique) == 1 else None)
    prose.describe_text(
        g, context, reading, document=document, project=project, positions=False, text_of=project
    )
