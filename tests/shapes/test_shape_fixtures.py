"""Valid/invalid fixture pairs per shape.

Naming: ``valid/valid-<stem>[-<case>].ttl`` and ``invalid/invalid-<stem>-<case>.ttl``, where
``<stem>`` is the shape's local name without ``Shape``, in kebab case (``ProjectStatusShape`` →
``project-status``). Each invalid file lists every result it must produce, one per line::

    # expect: <focus node> <path, or -> <constraint component local name>

IRIs in ``<...>`` are relative to the fixtures' ``@base``; ``prefix:name`` uses mhkg's prefixes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from mhkg import shapes
from mhkg.vocab import PREFIXES

BASE = "https://w3id.org/mhkg/"
HERE = Path(__file__).parent
VALID = sorted((HERE / "valid").glob("*.ttl"))
INVALID = sorted((HERE / "invalid").glob("*.ttl"))
EXPECT = re.compile(r"^#\s*expect:\s*(\S+)\s+(\S+)\s+(\S+)\s*$")

Triple = tuple[URIRef, URIRef | None, str]


def term(token: str) -> URIRef | None:
    if token == "-":
        return None
    if token.startswith("<") and token.endswith(">"):
        return URIRef(urljoin(BASE, token[1:-1]))
    prefix, _, local = token.partition(":")
    if prefix not in PREFIXES:
        raise ValueError(f"unknown prefix in {token!r}")
    return URIRef(PREFIXES[prefix] + local)


def expectations(path: Path) -> set[Triple]:
    expected = set()
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#") and "expect:" in line:
            match = EXPECT.match(line)
            assert match, f"{path.name}: malformed expectation {line!r}"
            focus, result_path, component = match.groups()
            expected.add((term(focus), term(result_path), component))
    return expected


def observed(report: shapes.ValidationReport) -> set[Triple]:
    return {
        (r.focus_node, r.result_path, str(r.source_constraint_component).removeprefix(str(SH)))
        for r in report.results
    }


def load(path: Path) -> Graph:
    return Graph().parse(path, format="turtle", publicID=BASE)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_fixture_conforms(path: Path, extra: Graph) -> None:
    report = shapes.validate(load(path), extra)
    assert report.results == [], report.text
    assert report.conforms


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_fixture_reports_exactly_the_expected_results(path: Path, extra: Graph) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' lines"
    report = shapes.validate(load(path), extra)
    assert not report.conforms
    assert observed(report) == expected, report.text


def stem(shape: URIRef) -> str:
    name = str(shape).rsplit("#", 1)[-1].removesuffix("Shape")
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def targeted_shapes() -> list[URIRef]:
    g = shapes.graph()
    return sorted(s for s in g.subjects(RDF.type, SH.NodeShape) if (s, SH.targetClass, None) in g)


def shape_of(path: Path, kind: str, stems: list[str]) -> str | None:
    """The longest stem the fixture's name starts with (``project-status`` before ``project``)."""
    name = path.stem.removeprefix(f"{kind}-")
    matching = [s for s in stems if name == s or name.startswith(s + "-")]
    return max(matching, key=len, default=None)


def test_every_shape_has_a_valid_and_an_invalid_fixture() -> None:
    stems = [stem(s) for s in targeted_shapes()]
    assert len(stems) == 16
    valid = {shape_of(p, "valid", stems) for p in VALID}
    invalid = {shape_of(p, "invalid", stems) for p in INVALID}
    assert None not in valid | invalid, "a fixture name matches no shape"
    assert [s for s in stems if s not in valid] == []
    assert [s for s in stems if s not in invalid] == []
    assert all(p.name.startswith("valid-") for p in VALID)
    assert all(p.name.startswith("invalid-") for p in INVALID)
