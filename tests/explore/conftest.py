"""A small stakeholder graph written for the exploration tests (no store needed).

Project P1 (GIN, SDG 3): IOM implements, IDF funds, MoH-GIN partner; event E1 in Conakry
Project P2 (SLV, HND, SDG 10): IOM implements, IDF funds, MoH-SLV, MoH-HND partners,
                               Red Cross Honduras beneficiary
Project P3 (no country, SDG 3): IOM implements, EC partner
Jane Doe holds the post "Minister of Health" in MoH-GIN; each ministry is based in its
country; IDF is part of IOM.
"""

from __future__ import annotations

import pytest

from mhkg.explore.graph import ORG, Entity, Relation, StakeholderGraph
from mhkg.vocab import MHKG

ID = "https://example.org/id/"
IRI = {
    "P1": ID + "project/p1",
    "P2": ID + "project/p2",
    "P3": ID + "project/p3",
    "IOM": ID + "organisation/iom",
    "IDF": ID + "organisation/idf",
    "MOH-GIN": ID + "organisation/moh-gin",
    "MOH-SLV": ID + "organisation/moh-slv",
    "MOH-HND": ID + "organisation/moh-hnd",
    "RC-HND": ID + "organisation/red-cross-hnd",
    "EC": ID + "organisation/ec",
    "JANE": ID + "person/jane-doe",
    "E1": ID + "event/e1",
    "CONAKRY": ID + "place/conakry",
    "GIN": ID + "country/GIN",
    "SLV": ID + "country/SLV",
    "HND": ID + "country/HND",
    "SDG3": ID + "sdg/3",
    "SDG10": ID + "sdg/10",
    "AFRICA": ID + "region/africa",
}


def entities() -> list[Entity]:
    def e(key, label, type_, kind=None, iso3=None, **extra):
        countries = (iso3,) if iso3 else ()
        return Entity(IRI[key], label, type_, (kind or type_,), countries=countries, **extra)

    return [
        e("P1", "Health of the Guinean diaspora", "Project"),
        e("P2", "Migrant health in Central America", "Project"),
        e("P3", "Re-Health", "Project"),
        e(
            "IOM",
            "International Organization for Migration",
            "Organisation",
            "IntergovernmentalOrganisation",
            aliases=("IOM",),
        ),
        e("IDF", "IOM Development Fund", "Organisation", "Fund", aliases=("IDF",)),
        e("MOH-GIN", "Ministry of Health of Guinea", "Organisation", "Ministry", iso3="GIN"),
        e("MOH-SLV", "Ministerio de Salud de El Salvador", "Organisation", "Ministry", iso3="SLV"),
        e("MOH-HND", "Ministry of Health of Honduras", "Organisation", "Ministry", iso3="HND"),
        e("RC-HND", "Honduran Red Cross", "Organisation", "CivilSocietyOrganisation", iso3="HND"),
        e("EC", "European Commission", "Organisation", "IntergovernmentalOrganisation"),
        e("JANE", "Jane Doe", "Person"),
        e("E1", "Diaspora forum", "Event", "Meeting"),
        e("CONAKRY", "Conakry", "City", iso3="GIN"),
        e("GIN", "Guinea", "Country", iso3="GIN"),
        e("SLV", "El Salvador", "Country", iso3="SLV"),
        e("HND", "Honduras", "Country", iso3="HND"),
        e("SDG3", "Good health and well-being", "SustainableDevelopmentGoal", goal=3),
        e("SDG10", "Reduced inequalities", "SustainableDevelopmentGoal", goal=10),
        e("AFRICA", "Africa", "Region"),
    ]


def relations() -> list[Relation]:
    def takes_part(org, project, role):
        return Relation(IRI[org], str(MHKG.participant), IRI[project], role=role)

    def link(source, prop, target, **extra):
        return Relation(IRI[source], str(prop), IRI[target], **extra)

    return [
        takes_part("IOM", "P1", "implementer"),
        takes_part("IDF", "P1", "funder"),
        takes_part("MOH-GIN", "P1", "partner"),
        takes_part("IOM", "P2", "implementer"),
        takes_part("IDF", "P2", "funder"),
        takes_part("MOH-SLV", "P2", "partner"),
        takes_part("MOH-HND", "P2", "partner"),
        takes_part("RC-HND", "P2", "beneficiary"),
        takes_part("IOM", "P3", "implementer"),
        takes_part("EC", "P3", "partner"),
        link("P1", MHKG.benefitingCountry, "GIN"),
        link("P2", MHKG.benefitingCountry, "SLV"),
        link("P2", MHKG.benefitingCountry, "HND"),
        link("P1", MHKG.addressesGoal, "SDG3"),
        link("P1", MHKG.idfRegion, "AFRICA"),
        link("P3", MHKG.addressesGoal, "SDG3"),
        link("P2", MHKG.addressesGoal, "SDG10"),
        link("MOH-GIN", MHKG.country, "GIN"),
        link("MOH-SLV", MHKG.country, "SLV"),
        link("MOH-HND", MHKG.country, "HND"),
        link("RC-HND", MHKG.country, "HND"),
        link("IDF", ORG + "subOrganizationOf", "IOM"),
        link("JANE", ORG + "holds", "MOH-GIN", post="Minister of Health"),
        link("E1", MHKG.partOfProject, "P1"),
        link("E1", MHKG.place, "CONAKRY"),
        link("CONAKRY", MHKG.inCountry, "GIN"),
    ]


@pytest.fixture(scope="session")
def kg() -> StakeholderGraph:
    return StakeholderGraph.build(entities(), relations())
