"""Shared helpers for the prose rule tests: every text here is written for the tests."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from mhkg.loaders.prose import Reading, describe_text, read
from mhkg.loaders.prose.organisations import OrgMention
from mhkg.loaders.source import LoadContext

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
