"""IATI organisations → mhkg organisations and participations; recipient countries.

Participating organisations (OrganisationRole): 1 Funding → funder, 4 Implementing →
implementer, 2 Accountable and 3 Extending → partner (mhkg has no role for the body that
answers for the activity or passes the money on; both work alongside the implementer).
Transactions name more: the provider of incoming funds (1 Incoming Funds, 11 Incoming
Commitment, 13 Incoming Pledge) is a funder, the receiver of outgoing funds (2 Outgoing
Commitment, 3 Disbursement) a partner; the reporting organisation keeps the role it has as a
participating organisation, else is the implementer when it receives the incoming funds, the
funder when it only gives funds out, else a partner.

An organisation is the directory's when the directory knows its IATI identifier (@ref) or its
name; otherwise its kind comes from its type (OrganisationType), refined by its name within
the government kinds ("Ministry of …"). A government body is a national body of the country
its name gives ("Netherlands - Ministry of Foreign Affairs", "Ministry of Health, Ghana") or
its @ref's registration agency does ("GB-GOV-1"); never of the activity's recipient country
(a donor's ministry is not the recipient's). One whose country nothing gives is scoped to the
project: two activities' "Ministry of Health" are not taken for one ministry.
"""

from __future__ import annotations

import re
from functools import cache

from rdflib import Graph, Literal, URIRef

from mhkg.errors import RecordError
from mhkg.iri import normalise_name
from mhkg.loaders import iati_codes
from mhkg.loaders.iati import Activity, Coded, Org
from mhkg.loaders.organisations import (
    IDF,
    IOM,
    Organisation,
    add_participation,
    kind_from_name,
    national_body,
    resolve,
)
from mhkg.loaders.source import LoadContext, Source
from mhkg.vocab import MHKG

ROLES = {"1": MHKG.funderRole, "2": MHKG.partnerRole, "3": MHKG.partnerRole}
ROLES |= {"4": MHKG.implementerRole}
ROLE_WORDS = {"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}  # 1.0x
# TransactionType codes whose provider funds the activity, and whose receiver takes part in it
# (1.0x wrote IF, C and D); other transactions (expenditure, loans, equity …) name no one read.
INCOMING = {"1", "11", "13", "IF"}
OUTGOING = {"2", "3", "C", "D"}
KINDS = {"10": MHKG.Government, "11": MHKG.GovernmentAgency, "15": MHKG.GovernmentAgency}
KINDS |= dict.fromkeys(("21", "22", "23", "24", "60", "80"), MHKG.CivilSocietyOrganisation)
KINDS |= {"40": MHKG.IntergovernmentalOrganisation}
KINDS |= dict.fromkeys(("30", "70", "71", "72", "73", "90"), MHKG.Organisation)
GOVERNMENT_KINDS = (MHKG.Government, MHKG.Ministry, MHKG.GovernmentAgency)
# Used when the directory does not know them (IOM's IATI organisation identifier).
BUILT_IN_REFS = {"XM-DAC-47066": IOM}
BUILT_IN_NAMES = {normalise_name(n): o for o in (IOM, IDF) for n in (o.name, o.acronym) if n}


def add_participations(
    g: Graph, context: LoadContext, project: URIRef, activity: Activity, source: Source
) -> None:
    """A participation for each participating-org that has a name or an identifier, for the
    organisations its transactions name, and for the reporting organisation."""
    for org in activity.participating_orgs:
        if org.name or org.ref:  # else nothing to identify it by
            _participate(g, context, project, org, role_of(org, source))
    reporting = activity.reporting_org
    if reporting is not None and not (reporting.name or reporting.ref):
        reporting = None
    for org, role in _transaction_orgs(activity, reporting):
        _participate(g, context, project, org, role)
    if reporting is not None and not any(_same(reporting, o) for o in activity.participating_orgs):
        _participate(g, context, project, reporting, _reporting_role(activity, reporting))


def _participate(g: Graph, context: LoadContext, project: URIRef, org: Org, role: URIRef) -> None:
    organisation = organisation_of(org, context, project)
    add_participation(g, context.minter, project, organisation, role)
    if org.ref:
        g.add((organisation.iri(context.minter), MHKG.organisationIdentifier, Literal(org.ref)))


def _transaction_orgs(activity: Activity, reporting: Org | None) -> list[tuple[Org, URIRef]]:
    """The provider of incoming funds (a funder) and the receiver of outgoing ones (a partner),
    each once, the reporting organisation left out (it has a role of its own)."""
    found: list[tuple[Org, URIRef]] = []
    for transaction in activity.transactions:
        kind = (transaction.type or "").upper()
        org, role = (
            (transaction.provider, MHKG.funderRole)
            if kind in INCOMING
            else (transaction.receiver, MHKG.partnerRole)
            if kind in OUTGOING
            else (None, None)
        )
        if org is None or role is None or not (org.name or org.ref):
            continue
        if reporting is not None and _same(org, reporting):
            continue
        if not any(_same(org, other) and role == r for other, r in found):
            found.append((org, role))
    return found


def _reporting_role(activity: Activity, reporting: Org) -> URIRef:
    """The reporting organisation's role when it is not a participating-org: the implementer
    when it receives incoming funds (IATI's default receiver of them), the funder when it only
    gives funds out (their default provider), else a partner."""
    incoming = outgoing = False
    for transaction in activity.transactions:
        kind = (transaction.type or "").upper()
        if kind in INCOMING:
            incoming |= transaction.receiver is None or _same(transaction.receiver, reporting)
        elif kind in OUTGOING:
            outgoing |= transaction.provider is None or _same(transaction.provider, reporting)
    if incoming:
        return MHKG.implementerRole
    return MHKG.funderRole if outgoing else MHKG.partnerRole


def _same(one: Org, other: Org) -> bool:
    """Whether two mentions name one organisation: the same @ref, else the same name."""
    if one.ref and other.ref:
        return one.ref.strip().upper() == other.ref.strip().upper()
    return bool(one.name and other.name) and normalise_name(one.name) == normalise_name(
        other.name or ""
    )


def role_of(org: Org, source: Source) -> URIRef:
    code = ROLE_WORDS.get((org.role or "").lower(), org.role or "")
    if code not in ROLES:
        where = f"participating-org {org.name or org.ref!r} (line {org.line})"
        raise RecordError(
            source.name,
            f"{where}: {org.role or ''!r} is not an IATI OrganisationRole code "
            f"({iati_codes.describe('OrganisationRole')})",
            field="participating-org/@role",
        )
    return ROLES[code]


def organisation_of(org: Org, context: LoadContext, project: URIRef) -> Organisation:
    """The directory's organisation by @ref or name, else one described from type and name:
    a government body of the country its name or @ref gives, else scoped to `project`."""
    if org.ref:
        known = context.directory.by_iati_ref(org.ref) or BUILT_IN_REFS.get(org.ref.upper())
        if known:
            return known
    name = org.name or org.ref or ""
    if known := BUILT_IN_NAMES.get(normalise_name(name)):
        return resolve(context.directory, known)
    kind = kind_of(org.type, name)
    candidate = Organisation(name, kind)
    if kind in GOVERNMENT_KINDS:
        country, base = country_before_name(name, context)
        iso3 = country or country_in_name(name, context) or country_in_ref(org.ref, context)
        if not iso3:
            return Organisation(name, kind, scope=project, key=name)
        candidate = national_body(base, kind, iso3, context.country_name(iso3))
    return resolve(context.directory, candidate)


def kind_of(type_code: str | None, name: str) -> URIRef:
    """The kind an OrganisationType gives; the name decides among the government kinds, and
    for a type that says nothing more than "organisation" (or none)."""
    by_type = KINDS.get(type_code or "")
    by_name = kind_from_name(name)
    if by_type in (MHKG.Government, MHKG.GovernmentAgency) and by_name in GOVERNMENT_KINDS:
        return by_name
    if by_type in (None, MHKG.Organisation):
        return by_name or MHKG.Organisation
    return by_type


_TRAILING_COUNTRY = re.compile(r"(?:,|\bof(?: the)?|\bin(?: the)?|-)\s*(?P<country>[^,()]+?)\s*$")
_BRACKETED_COUNTRY = re.compile(r"\((?P<country>[^()]+)\)\s*$")


_LEADING_COUNTRY = re.compile(r"^(?P<country>[^-–—,()]+?)\s+[-–—]\s+(?P<name>\S.*)$")


def country_before_name(name: str, context: LoadContext) -> tuple[str | None, str]:
    """The country a name starts with, as IATI names donors' bodies ("Netherlands - Ministry
    of Foreign Affairs"), and the name without it; (None, the name) when it starts with none."""
    match = _LEADING_COUNTRY.match(name.strip())
    if match and (iso3 := context.gazetteer.country(match["country"])):
        return iso3, match["name"].strip()
    return None, name


def country_in_name(name: str, context: LoadContext) -> str | None:
    """The country a name ends with: "…, Ghana", "… (Ghana)", "… of Ghana"."""
    for pattern in (_BRACKETED_COUNTRY, _TRAILING_COUNTRY):
        if (match := pattern.search(name)) and (
            iso3 := context.gazetteer.country(match["country"])
        ):
            return iso3
    return None


def country_in_ref(ref: str | None, context: LoadContext) -> str | None:
    """The country of the registration agency an IATI organisation identifier starts with
    ("GN-…"); the X… prefixes are international, not countries."""
    prefix = (ref or "").split("-", 1)[0].upper()
    if len(prefix) != 2 or prefix.startswith("X"):
        return None
    return alpha2_codes(context.reference).get(prefix)


def country_code(country: Coded, context: LoadContext, source: Source) -> str:
    """A recipient-country's ISO 3166-1 alpha-3 code (IATI writes alpha-2)."""
    code = country.code.strip().upper()
    iso3 = alpha2_codes(context.reference).get(code)
    if iso3 is None and code in context.gazetteer.codes:
        iso3 = code  # an alpha-3 code, as some 1.0x files wrote
    if iso3 is None:
        raise RecordError(
            source.name,
            f"{country.code!r} is not an ISO 3166-1 country code (line {country.line})",
            field="recipient-country/@code",
        )
    return iso3


@cache
def alpha2_codes(reference: Graph) -> dict[str, str]:
    """ISO 3166-1 alpha-2 → alpha-3, from the reference data."""
    return {
        str(alpha2): str(reference.value(country, MHKG.iso3166Alpha3))
        for country, alpha2 in reference.subject_objects(MHKG.iso3166Alpha2)
        if reference.value(country, MHKG.iso3166Alpha3) is not None
    }
