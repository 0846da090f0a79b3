"""Shared helpers for the prose rule tests: every text here is written for the tests."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import ORG, RDF, RDFS

from mhkg.loaders.prose import Reading, describe_text, read
from mhkg.loaders.prose.organisations import OrgMention
from mhkg.loaders.source import LoadContext
from mhkg.vocab import MHKG

TEST_PROJECT = "Safe Corridors for Health"


@pytest.fixture(scope="session")
def reading(context: LoadContext):
    """Read a text the way the loaders do (a document's default country optional)."""

    def run(text: str, default_country: str | None = None) -> Reading:
        return read(text, context, default_country=default_country)

    return run


@pytest.fixture(scope="session")
def organisations(reading):
    """Every organisation mention of a text, sentence by sentence, flattened."""

    def run(text: str, default_country: str | None = None) -> list[OrgMention]:
        doc = reading(text, default_country)
        return [m for s in doc.sentences for m in s.organisations]

    return run


@pytest.fixture(scope="session")
def described(context: LoadContext, reading):
    """The graph `describe_text` states for a text about a test project, with that project."""

    def run(text: str, project: bool = True) -> tuple[Graph, URIRef | None]:
        g = Graph()
        node = context.minter.project(TEST_PROJECT) if project else None
        describe_text(
            g,
            context,
            reading(text),
            document=context.minter.document("written-for-tests.txt"),
            project=node,
        )
        return g, node

    return run


def events_by_label(g: Graph) -> dict[str, tuple[str, str]]:
    """Each event's label, with its date and the label of its place (or its IRI's tail)."""
    found = {}
    for kind in (MHKG.Workshop, MHKG.Meeting, MHKG.Consultation):
        for event in g.subjects(RDF.type, kind):
            where = g.value(event, MHKG.place)
            place = g.value(where, RDFS.label) if where is not None else None
            date = str(g.value(event, MHKG.eventDate) or "")
            found[str(g.value(event, RDFS.label))] = (date, str(place or where).rsplit("/", 1)[-1])
    return found


def members(described, text: str) -> dict[str, str | None]:
    """Each person a text names, with the label of the body they are a member of."""
    g, _ = described(text)
    return {
        str(g.value(p, RDFS.label)): (
            str(g.value(g.value(p, ORG.memberOf), RDFS.label)) if g.value(p, ORG.memberOf) else None
        )
        for p in g.subjects(RDF.type, MHKG.Person)
    }
