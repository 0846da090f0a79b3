"""Organisations every IOM record involves, and participations in projects."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

from mhkg.iri import Minter
from mhkg.vocab import MHKG

ROLE_NAMES = {
    MHKG.funderRole: "funder",
    MHKG.implementerRole: "implementer",
    MHKG.partnerRole: "partner",
    MHKG.coordinationRole: "coordination",
    MHKG.beneficiaryRole: "beneficiary",
}


@dataclass(frozen=True)
class KnownOrganisation:
    name: str
    kind: URIRef
    acronym: str | None = None
    parent: KnownOrganisation | None = None

    def iri(self, minter: Minter) -> URIRef:
        return minter.organisation(self.name)

    def describe(self, g: Graph, minter: Minter) -> URIRef:
        node = self.iri(minter)
        g.add((node, RDF.type, self.kind))
        g.add((node, RDFS.label, Literal(self.name)))
        if self.acronym:
            g.add((node, MHKG.acronym, Literal(self.acronym)))
        if self.parent:
            g.add((node, ORG.subOrganizationOf, self.parent.describe(g, minter)))
        return node


IOM = KnownOrganisation(
    "International Organization for Migration", MHKG.IntergovernmentalOrganisation, "IOM"
)
IDF = KnownOrganisation("IOM Development Fund", MHKG.Fund, "IDF", parent=IOM)


def add_participation(
    g: Graph, minter: Minter, project: URIRef, organisation: KnownOrganisation, role: URIRef
) -> URIRef:
    """State that `organisation` takes part in `project` in `role`."""
    member = organisation.describe(g, minter)
    participation = minter.participation(project, member, ROLE_NAMES[role])
    g.add((participation, RDF.type, MHKG.Participation))
    g.add((participation, MHKG.inProject, project))
    g.add((participation, MHKG.participant, member))
    g.add((participation, MHKG.role, role))
    return participation
