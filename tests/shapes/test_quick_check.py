"""The quick check is sound: when it says a record conforms, pySHACL says so too.

It is checked against pySHACL on every shape fixture, on every record the loaders make from the
seeds, the held-out documents and the format fixtures, and on records mutated at random
(Hypothesis): dropped triples, extra values, other datatypes, language tags, types and nodes of
other kinds. It must also be useful: the records that conform pass it without pySHACL.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from mhkg import pipeline, shapes
from mhkg.iri import DEFAULT_BASE_IRI, Minter
from mhkg.loaders import loader_for
from mhkg.loaders.source import Source
from mhkg.reading import provenance
from mhkg.shapes.quick import ContextView, QuickCheck

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
BASE = "https://w3id.org/mhkg/"
MHKG = "https://w3id.org/mhkg/ontology#"


def quick(data: Graph, extra: Graph) -> bool:
    return shapes._quick_check().conforms(ContextView(data, extra))


def fixture(path: Path) -> Graph:
    return Graph().parse(path, format="turtle", publicID=BASE)


@pytest.mark.parametrize("path", sorted((HERE / "valid").glob("*.ttl")), ids=lambda p: p.name)
def test_a_valid_fixture_passes_the_quick_check(path: Path, extra: Graph) -> None:
    assert quick(fixture(path), extra)
    assert shapes.validate(fixture(path), extra).conforms


@pytest.mark.parametrize("path", sorted((HERE / "invalid").glob("*.ttl")), ids=lambda p: p.name)
def test_an_invalid_fixture_fails_the_quick_check_and_gets_pyshacls_report(
    path: Path, extra: Graph
) -> None:
    assert not quick(fixture(path), extra)
    assert shapes.validate_quickly(fixture(path), extra) == shapes.validate(fixture(path), extra)


def _loaded_records() -> list[tuple[str, Graph]]:
    """Each record the loaders make of the bundled and test documents, with its provenance."""
    minter = Minter(DEFAULT_BASE_IRI)
    context = pipeline.context_for(minter)
    folders = [
        ROOT / "data" / "seeds",
        ROOT / "bench" / "heldout" / "docs",
        ROOT / "tests" / "loaders" / "fixtures" / "tabular",
        ROOT / "tests" / "loaders" / "fixtures" / "iati",
    ]
    records = []
    for folder in folders:
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            source = Source.from_path(path)
            try:
                made = list(loader_for(source)(source, context))
            except Exception:  # a fixture made to be refused whole: nothing to check here
                continue
            document = minter.document(source.name)
            for record in made:
                if record.error is None:
                    name = minter.graph(record.name)
                    records.append((record.name, record.graph + provenance(name, document, minter)))
    return records


LOADED = _loaded_records()


def test_the_loaded_records_are_many_and_varied() -> None:
    assert len(LOADED) >= 20
    kinds = {o for _, g in LOADED for o in g.objects(None, RDF.type)}
    assert {URIRef(MHKG + n) for n in ("Project", "Meeting", "Person", "Ministry")} <= kinds


@pytest.mark.parametrize("record", LOADED, ids=[name for name, _ in LOADED])
def test_the_quick_check_agrees_with_pyshacl_on_every_loaded_record(record) -> None:
    _, graph = record
    extra = pipeline.validation_context(DEFAULT_BASE_IRI)
    full = shapes.validate(graph, extra).conforms
    assert quick(graph, extra) == full


# --- mutations ------------------------------------------------------------------------------

EXTRA = None


def _context() -> Graph:
    global EXTRA
    if EXTRA is None:
        EXTRA = pipeline.validation_context(DEFAULT_BASE_IRI)
    return EXTRA


def _values(graph: Graph) -> list:
    """Objects to put where others were: the graph's own, and odd ones."""
    own = sorted({o for o in graph.objects()}, key=str)[:40]
    odd = [
        Literal("2019"),
        Literal("2019", datatype=XSD.gYear),
        Literal("2018", datatype=XSD.gYear),
        Literal("2019-13", datatype=XSD.gYearMonth),
        Literal("2019-02-30", datatype=XSD.date),
        Literal("1999-01-01", datatype=XSD.date),
        Literal("x", lang="en"),
        Literal("-5", datatype=XSD.decimal),
        Literal("12", datatype=XSD.integer),
        Literal("twelve", datatype=XSD.integer),
        Literal("CD.0015"),
        Literal("usd"),
        Literal(""),
        URIRef(DEFAULT_BASE_IRI + "id/country/GIN"),
        URIRef(DEFAULT_BASE_IRI + "id/nothing"),
        URIRef(MHKG + "partnerRole"),
        BNode(),
    ]
    return own + odd


@st.composite
def mutated(draw):
    name, original = draw(st.sampled_from(LOADED))
    graph = Graph()
    graph += original
    triples = sorted(graph, key=lambda t: tuple(map(str, t)))
    classes = sorted({o for o in graph.objects(None, RDF.type)}, key=str)
    for _ in range(draw(st.integers(1, 3))):
        s, p, o = draw(st.sampled_from(triples))
        action = draw(st.sampled_from(["drop", "add", "replace", "retype"]))
        if action == "drop":
            graph.remove((s, p, o))
        elif action == "add":
            graph.add((s, p, draw(st.sampled_from(_values(original)))))
        elif action == "replace":
            graph.remove((s, p, o))
            graph.add((s, p, draw(st.sampled_from(_values(original)))))
        else:
            graph.add((s, RDF.type, draw(st.sampled_from(classes))))
    return name, graph


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_a_mutated_record_passes_the_quick_check_only_if_pyshacl_agrees(case) -> None:
    name, graph = case
    if quick(graph, _context()):
        report = shapes.validate(graph, _context())
        assert report.conforms, f"{name}: passed the quick check, not pySHACL\n{report.text}"


# --- what it does not know --------------------------------------------------------------------


@pytest.mark.parametrize(
    "addition",
    [
        (URIRef(BASE + "s"), SH.targetNode, URIRef(BASE + "x")),
        (URIRef(BASE + "s"), SH.languageIn, RDF.nil),
        (URIRef(BASE + "s"), SH.deactivated, Literal(True)),
        (URIRef(BASE + "s"), SH.sparql, URIRef(BASE + "reads-the-shape")),
    ],
    ids=["targetNode", "languageIn", "deactivated", "SPARQL with $currentShape"],
)
def test_shapes_it_does_not_know_make_it_step_aside(addition, extra: Graph) -> None:
    graph = Graph()
    graph += shapes.graph()
    graph.add((addition[0], RDF.type, SH.NodeShape))
    graph.add(addition)
    select = "SELECT $this WHERE { $this a ?c . FILTER (?c != $currentShape) }"
    graph.add((URIRef(BASE + "reads-the-shape"), SH.select, Literal(select)))
    check = QuickCheck(graph)
    assert not check.applies
    assert not check.conforms(ContextView(fixture(HERE / "valid" / "valid-project.ttl"), extra))
    assert QuickCheck(shapes.graph()).applies
