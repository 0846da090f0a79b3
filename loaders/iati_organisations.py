"""IATI participating-orgs → mhkg organisations and participations; recipient countries.

Roles (OrganisationRole): 1 Funding → funder, 4 Implementing → implementer, 2 Accountable and
3 Extending → partner (mhkg has no role for the body that answers for the activity or passes
the money on; both work alongside the implementer). An organisation is the directory's when
the directory knows its IATI identifier (@ref) or its name; otherwise its kind comes from its
type (OrganisationType), refined by its name within the government kinds ("Ministry of …"),
and a government body is a national body of the country its name or @ref gives, else of the
activity's only recipient country, so that "Ministry of Health, Ghana" here and "the Ministry
of Health" on a Ghana page are one ministry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rdflib import Graph, Literal, URIRef

from mhkg.errors import RecordError
from mhkg.iri import normalise_name
from mhkg.loaders import iati_codes
from mhkg.loaders.iati import Coded, Org
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
KINDS = {"10": MHKG.Government, "11": MHKG.GovernmentAgency, "15": MHKG.GovernmentAgency}
KINDS |= dict.fromkeys(("21", "22", "23", "24", "60", "80"), MHKG.CivilSocietyOrganisation)
KINDS |= {"40": MHKG.IntergovernmentalOrganisation}
KINDS |= dict.fromkeys(("30", "70", "71", "72", "73", "90"), MHKG.Organisation)
GOVERNMENT_KINDS = (MHKG.Government, MHKG.Ministry, MHKG.GovernmentAgency)
# Used when the directory does not know them (IOM's IATI organisation identifier).
BUILT_IN_REFS = {"XM-DAC-47066": IOM}
BUILT_IN_NAMES = {normalise_name(n): o for o in (IOM, IDF) for n in (o.name, o.acronym) if n}


def add_participations(
    g: Graph,
    context: LoadContext,
    project: URIRef,
    orgs: Sequence[Org],
    countries: Sequence[str],
    source: Source,
) -> None:
    """A participation for each participating-org that has a name or an identifier."""
    for org in orgs:
        if not (org.name or org.ref):
            continue  # nothing to identify it by
        role = role_of(org, source)
        organisation = organisation_of(org, context, countries)
        add_participation(g, context.minter, project, organisation, role)
        if org.ref:
            node = organisation.iri(context.minter)
            g.add((node, MHKG.organisationIdentifier, Literal(org.ref)))


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


def organisation_of(org: Org, context: LoadContext, countries: Sequence[str]) -> Organisation:
    """The directory's organisation by @ref or name, else one described from type and name."""
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
        iso3 = country_in_name(name, context) or country_in_ref(org.ref, context)
        iso3 = iso3 or (countries[0] if len(set(countries)) == 1 else None)
        if iso3:
            candidate = national_body(name, kind, iso3, context.country_name(iso3))
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
