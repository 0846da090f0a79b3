"""Organisations the knowledge graph already holds, so that records loaded at different times
meet on one IRI.

IRIs are minted from what identifies an organisation (its acronym or name, its country),
which joins most mentions by itself. What minting cannot join is a record that names an
organisation only by its expansion and another that names it only by its acronym, or two
records that spell one committee's name differently: the registry remembers every name,
alternative name and acronym of the organisations loaded so far (from the store when a load
starts, then from each record committed) and answers with the IRI and label already used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from mhkg.iri import Minter, normalise_name
from mhkg.loaders.organisations import KINDS, Organisation
from mhkg.vocab import MHKG

ORGANISATIONS_QUERY = """
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?organisation ?kind ?label ?name ?country WHERE {
  ?organisation a ?kind ; rdfs:label ?label .
  VALUES ?kind { %s }
  OPTIONAL { ?organisation rdfs:label|skos:altLabel|mhkg:acronym ?name }
  OPTIONAL { ?organisation mhkg:country/mhkg:iso3166Alpha3 ?country }
}""" % " ".join(f"<{kind}>" for kind in KINDS.values())  # noqa: UP031


NATIONAL_KINDS = (MHKG.Ministry, MHKG.Government, MHKG.GovernmentAgency)


@dataclass
class Known:
    iri: URIRef
    label: str
    kind: URIRef
    country: str | None


class Registry:
    """Known organisations by IRI, and by every name (case-, accent- and space-insensitive)."""

    def __init__(self) -> None:
        self._by_iri: dict[URIRef, Known] = {}
        self._by_name: dict[str, set[URIRef]] = {}

    def add(
        self, iri: URIRef, label: str, kind: URIRef, country: str | None, names: Iterable[str]
    ) -> None:
        known = self._by_iri.setdefault(iri, Known(iri, label, kind, country))
        if kind != MHKG.Organisation:
            known.kind = kind
        if kind == MHKG.CoordinationBody:  # scoped to its project: found by IRI only
            return
        if known.kind in NATIONAL_KINDS and known.country is None:
            return  # "Ministry of Health" of no known country: its name does not identify it
            # (an IATI body scoped to its project; a text's ministry of no country)
        for name in (label, *names):
            self._by_name.setdefault(normalise_name(name), set()).add(iri)

    def add_rows(self, rows: Iterable[dict]) -> None:
        """Rows of ORGANISATIONS_QUERY."""
        for row in rows:
            country = row.get("country")
            names = [str(row["name"])] if row.get("name") is not None else []
            self.add(
                row["organisation"], str(row["label"]), row["kind"], country and str(country), names
            )

    def add_graph(self, g: Graph, minter: Minter) -> None:
        """What a committed record says of its organisations."""
        for kind in KINDS.values():
            for iri in g.subjects(RDF.type, kind):
                label = g.value(iri, RDFS.label)
                if label is None:
                    continue
                country = g.value(iri, MHKG.country)
                code = str(country).rsplit("/", 1)[-1] if country else None
                names = [*g.objects(iri, SKOS.altLabel), *g.objects(iri, MHKG.acronym)]
                self.add(iri, str(label), kind, code, map(str, names))

    def find(self, name: str, country: str | None = None) -> Organisation | None:
        """The one known organisation of that name (and country, where given), if exactly one."""
        candidates = [
            self._by_iri[iri]
            for iri in self._by_name.get(normalise_name(name), ())
            if country is None or self._by_iri[iri].country in (None, country)
        ]
        if len(candidates) != 1:
            return None
        known = candidates[0]
        return Organisation(known.label, known.kind, country=known.country, known_iri=known.iri)

    def canonical(self, organisation: Organisation, minter: Minter) -> Organisation:
        """The organisation under the label the graph already gives its IRI (its own name
        then becomes an alternative label), so that every record states one label."""
        known = self._by_iri.get(organisation.iri(minter))
        if known is None or known.label == organisation.name:
            return organisation
        aliases = tuple(dict.fromkeys((*organisation.aliases, organisation.name)))
        return replace(organisation, name=known.label, aliases=aliases)
