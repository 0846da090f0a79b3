"""Fixtures for the shape tests: the stand-in for the ontology and reference data."""

from pathlib import Path

import pytest
from rdflib import Graph

BASE = "https://w3id.org/mhkg/"
HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def extra() -> Graph:
    """What the pipeline passes as ``extra``: subClassOf triples and reference individuals."""
    return Graph().parse(HERE / "ontology-stub.ttl", format="turtle", publicID=BASE)
