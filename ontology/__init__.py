"""The mhkg ontology and the reference data loaded with it (countries, regions, SDGs)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from rdflib import Graph

from mhkg.iri import base_iri

ONTOLOGY_FILE = "mhkg.ttl"
REFERENCE_FILES = ("countries.ttl", "regions.ttl", "sdgs.ttl", "concepts.ttl")


def text() -> str:
    """The ontology as Turtle, exactly as shipped."""
    return resources.files(__package__).joinpath(ONTOLOGY_FILE).read_text("utf-8")


@cache
def graph() -> Graph:
    """The ontology (TBox) as an rdflib graph."""
    return Graph().parse(data=text(), format="turtle")


@cache
def reference_graph(base: str | None = None) -> Graph:
    """Countries, IDF regions, SDGs and the starter concept schemes.

    The files use IRIs relative to the base IRI (``<id/country/GIN>``), so the
    reference entities follow the deployment's configured base.
    """
    base = base or base_iri()
    g = Graph()
    folder = resources.files(__package__).joinpath("reference")
    for name in REFERENCE_FILES:
        g.parse(data=folder.joinpath(name).read_text("utf-8"), format="turtle", publicID=base)
    return g
