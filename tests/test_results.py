"""The result serialisers against the W3C SPARQL 1.1 Query Results formats:
JSON (https://www.w3.org/TR/sparql11-results-json/), XML (…/rdf-sparql-XMLres/) and
CSV/TSV (…/sparql11-results-csv-tsv/)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from lxml import etree
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, XSD
from rdflib.util import from_n3

from mhkg.results import QueryResult, serialize

SR = "http://www.w3.org/2005/sparql-results#"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

IRI = URIRef("http://example.org/a?x=1&y=2")
LANG = Literal("chat", lang="fr")
TYPED = Literal("42", datatype=XSD.integer)
PLAIN = Literal("Guinée, “Conakry”")
BLANK = BNode("b0")
TRICKY = Literal('say "hi", then <go> & leave')


@pytest.fixture
def select() -> QueryResult:
    """Every kind of term, and an unbound value (row 2 has no ?b)."""
    return QueryResult(
        form="SELECT",
        variables=["a", "b", "c"],
        rows=[
            {"a": IRI, "b": LANG, "c": TYPED},
            {"a": BLANK, "c": PLAIN},
            {"a": TRICKY, "b": IRI, "c": BLANK},
        ],
    )


ASK_TRUE = QueryResult(form="ASK", boolean=True)
ASK_FALSE = QueryResult(form="ASK", boolean=False)


# --- JSON --------------------------------------------------------------------------------


def test_json_select_head_and_bindings(select: QueryResult) -> None:
    doc = json.loads(serialize(select, "json"))
    assert doc["head"]["vars"] == ["a", "b", "c"]
    first, second, third = doc["results"]["bindings"]
    assert first == {
        "a": {"type": "uri", "value": str(IRI)},
        "b": {"type": "literal", "value": "chat", "xml:lang": "fr"},
        "c": {"type": "literal", "value": "42", "datatype": str(XSD.integer)},
    }
    assert second == {
        "a": {"type": "bnode", "value": "b0"},
        "c": {"type": "literal", "value": str(PLAIN)},  # a simple literal has no datatype key
    }
    assert "b" not in second  # unbound: the variable is absent from the binding
    assert third["a"] == {"type": "literal", "value": str(TRICKY)}


@pytest.mark.parametrize(("result", "expected"), [(ASK_TRUE, True), (ASK_FALSE, False)])
def test_json_ask(result: QueryResult, expected: bool) -> None:
    doc = json.loads(serialize(result, "json"))
    assert "head" in doc
    assert doc["boolean"] is expected
    assert "results" not in doc


def test_json_empty_select_keeps_its_variables() -> None:
    doc = json.loads(serialize(QueryResult(form="SELECT", variables=["x"]), "json"))
    assert doc == {"head": {"vars": ["x"]}, "results": {"bindings": []}}


# --- XML ---------------------------------------------------------------------------------


def _bindings(result: ET.Element) -> dict[str, ET.Element]:
    return {b.get("name"): b[0] for b in result.findall(f"{{{SR}}}binding")}


def test_xml_select_parses_in_the_results_namespace(select: QueryResult) -> None:
    root = ET.fromstring(serialize(select, "xml").encode("utf-8"))
    assert root.tag == f"{{{SR}}}sparql"
    head = root.find(f"{{{SR}}}head")
    assert [v.get("name") for v in head.findall(f"{{{SR}}}variable")] == ["a", "b", "c"]
    results = root.find(f"{{{SR}}}results").findall(f"{{{SR}}}result")
    assert len(results) == 3
    first, second, third = (_bindings(r) for r in results)

    assert (first["a"].tag, first["a"].text) == (f"{{{SR}}}uri", str(IRI))
    assert (first["b"].tag, first["b"].text, first["b"].get(XML_LANG)) == (
        f"{{{SR}}}literal",
        "chat",
        "fr",
    )
    assert first["c"].get("datatype") == str(XSD.integer)
    assert first["c"].text == "42"

    assert set(second) == {"a", "c"}  # unbound ?b has no binding element
    assert (second["a"].tag, second["a"].text) == (f"{{{SR}}}bnode", "b0")
    assert second["c"].text == str(PLAIN)
    assert second["c"].get("datatype") is None
    assert second["c"].get(XML_LANG) is None

    assert third["a"].text == str(TRICKY)  # <, & and " survive the escaping


def test_xml_is_well_formed_for_lxml(select: QueryResult) -> None:
    root = etree.fromstring(serialize(select, "xml").encode("utf-8"))
    assert etree.QName(root).namespace == SR
    literals = root.findall(f".//{{{SR}}}literal")
    assert {lit.text for lit in literals} >= {"chat", "42", str(PLAIN), str(TRICKY)}


@pytest.mark.parametrize(("result", "expected"), [(ASK_TRUE, "true"), (ASK_FALSE, "false")])
def test_xml_ask(result: QueryResult, expected: str) -> None:
    root = ET.fromstring(serialize(result, "xml").encode("utf-8"))
    assert root.find(f"{{{SR}}}head") is not None
    assert root.find(f"{{{SR}}}boolean").text == expected
    assert root.find(f"{{{SR}}}results") is None


# --- CSV ---------------------------------------------------------------------------------


def test_csv_header_values_and_line_ends(select: QueryResult) -> None:
    text = serialize(select, "csv")
    assert text.startswith("a,b,c\r\n")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["a", "b", "c"]
    # Literals as their lexical form only (no language tag, no datatype); IRIs bare.
    assert rows[1] == [str(IRI), "chat", "42"]
    assert rows[2][1] == ""  # unbound
    assert rows[2][2] == str(PLAIN)


def test_csv_quotes_commas_and_quotes(select: QueryResult) -> None:
    text = serialize(select, "csv")
    assert '"say ""hi"", then <go> & leave"' in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[3][0] == str(TRICKY)
    assert rows[2][2] == "Guinée, “Conakry”"


def test_csv_keeps_line_breaks_inside_a_quoted_field() -> None:
    result = QueryResult(form="SELECT", variables=["x"], rows=[{"x": Literal("one\ntwo")}])
    rows = list(csv.reader(io.StringIO(serialize(result, "csv"), newline="")))
    assert rows == [["x"], ["one\ntwo"]]


def test_csv_writes_blank_nodes_as_turtle_labels(select: QueryResult) -> None:
    """SPARQL 1.1 CSV §3.2: 'Blank nodes use the _:label form from Turtle.'"""
    rows = list(csv.reader(io.StringIO(serialize(select, "csv"), newline="")))
    assert rows[2][0] == "_:b0"
    assert rows[3][2] == "_:b0"


# --- TSV ---------------------------------------------------------------------------------


def _tsv(result: QueryResult) -> list[list[str]]:
    text = serialize(result, "tsv")
    assert text.endswith("\n")
    return [line.split("\t") for line in text[:-1].split("\n")]


def test_tsv_header_has_question_marks(select: QueryResult) -> None:
    assert _tsv(select)[0] == ["?a", "?b", "?c"]


def test_tsv_terms_are_in_turtle_syntax(select: QueryResult) -> None:
    lines = _tsv(select)
    assert len(lines) == 4
    first, second, third = lines[1:]
    assert first[0] == f"<{IRI}>"
    assert first[1] == '"chat"@fr'
    assert from_n3(first[2]) == TYPED
    assert second[0] == "_:b0"
    assert second[1] == ""  # unbound
    assert from_n3(second[2]) == PLAIN
    assert from_n3(third[0]) == TRICKY


@pytest.mark.parametrize("value", ["tab\there", "two\nlines", "carriage\rreturn"])
def test_tsv_escapes_tabs_and_line_breaks_in_literals(value: str) -> None:
    """SPARQL 1.1 TSV: one line per solution, fields separated by tabs, so a literal's tab or
    line break must be written as a Turtle escape (\\t, \\n, \\r)."""
    result = QueryResult(
        form="SELECT", variables=["x", "y"], rows=[{"x": Literal(value), "y": TYPED}]
    )
    lines = _tsv(result)
    assert len(lines) == 2, lines
    assert len(lines[1]) == 2, lines
    assert from_n3(lines[1][0]) == Literal(value)


def test_tsv_round_trips_language_and_datatype() -> None:
    terms = [Literal("x", lang="en-GB"), Literal("2019", datatype=XSD.gYear), URIRef("urn:x:y")]
    result = QueryResult(form="SELECT", variables=["t"], rows=[{"t": t} for t in terms])
    assert [from_n3(line[0]) for line in _tsv(result)[1:]] == terms


# --- table and errors --------------------------------------------------------------------


def test_table_counts_rows_and_leaves_unbound_cells_blank(select: QueryResult) -> None:
    lines = serialize(select, "table").splitlines()
    assert lines[0].split() == ["a", "b", "c"]
    assert lines[-1] == "(3 rows)"
    assert lines[3].split() == ["b0", str(PLAIN).split()[0], str(PLAIN).split()[1]]


def test_table_ask() -> None:
    assert serialize(ASK_FALSE, "table").strip() == "false"


def test_unknown_solution_format_is_refused(select: QueryResult) -> None:
    with pytest.raises(ValueError, match="yaml"):
        serialize(select, "yaml")


# --- graphs ------------------------------------------------------------------------------


@pytest.fixture
def construct() -> QueryResult:
    g = Graph()
    g.add((IRI, RDF.type, URIRef("http://example.org/Thing")))
    g.add((IRI, URIRef("http://example.org/name"), LANG))
    g.add((IRI, URIRef("http://example.org/n"), TYPED))
    return QueryResult(form="CONSTRUCT", graph=g)


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml")],
)
def test_graphs_parse_back(construct: QueryResult, fmt: str, rdflib_format: str, parse_rdf) -> None:
    text = serialize(construct, fmt)
    assert isomorphic(parse_rdf(text, rdflib_format), construct.graph)


def test_a_graph_is_not_written_as_solutions(construct: QueryResult) -> None:
    with pytest.raises(ValueError, match="csv"):
        serialize(construct, "csv")


def test_values_lists_a_column_with_none_for_unbound(select: QueryResult) -> None:
    assert select.values("b") == [LANG, None, IRI]
