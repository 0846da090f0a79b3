"""A project as every loader states it: its type, label and title."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from mhkg.iri import Minter
from mhkg.vocab import MHKG


def describe_project(g: Graph, minter: Minter, title: str) -> URIRef:
    """Add the project's type, label and title to `g`; its IRI comes from its title."""
    project = minter.project(title)
    g.add((project, RDF.type, MHKG.Project))
    g.add((project, RDFS.label, Literal(title)))
    g.add((project, DCTERMS.title, Literal(title)))
    return project
