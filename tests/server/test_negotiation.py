"""Accept parsing and matching (RFC 9110 §12.5.1): q-values, wildcards, specificity."""

from __future__ import annotations

import pytest

from mhkg.server.negotiation import HTML, RDF_TYPES, SOLUTION_TYPES, best_match, parse_accept

RESULTS = list(SOLUTION_TYPES)  # server preference: JSON, XML, CSV, TSV
DOCUMENT = ["text/turtle", HTML, "application/ld+json", "application/rdf+xml",
            "application/n-triples"]  # fmt: skip


@pytest.mark.parametrize(
    ("accept", "offers", "expected"),
    [
        (None, RESULTS, "application/sparql-results+json"),  # no preference: the server's
        ("", RESULTS, "application/sparql-results+json"),
        ("*/*", DOCUMENT, "text/turtle"),
        ("text/csv", RESULTS, "text/csv"),
        ("text/csv;q=0.5, application/sparql-results+xml", RESULTS,
         "application/sparql-results+xml"),
        ("text/*", RESULTS, "text/csv"),  # the first text/* the server offers
        ("text/*, text/tab-separated-values", RESULTS, "text/tab-separated-values"),  # specific
        ("text/csv;q=0, text/*", RESULTS, "text/tab-separated-values"),  # q=0: not acceptable
        ("*/*;q=0.1, text/csv;q=0", RESULTS, "application/sparql-results+json"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", DOCUMENT, HTML),
        ("text/html;q=0.2, text/turtle;q=0.9", DOCUMENT, "text/turtle"),
        ("application/rdf+xml;q=0.9, */*;q=0.95", DOCUMENT, "text/turtle"),
        ("application/ld+json", DOCUMENT, "application/ld+json"),
        ("application/json", DOCUMENT, "application/ld+json"),  # JSON: JSON-LD for graphs
        ("application/json", RESULTS, "application/sparql-results+json"),
        ("TEXT/Turtle", DOCUMENT, "text/turtle"),  # case-insensitive
        ("text/turtle; charset=utf-8", DOCUMENT, "text/turtle"),
        ('text/turtle;q="0.4", application/n-triples;q=0.5', DOCUMENT, "application/n-triples"),
        ("text/turtle;q=abc, application/n-triples;q=0.1", DOCUMENT, "application/n-triples"),
        ("text/turtle;q=0.5;ext=1, application/rdf+xml;q=0.4", DOCUMENT, "text/turtle"),
        ("garbage, text/csv", RESULTS, "text/csv"),  # malformed ranges are left out
        ("*/csv", RESULTS, "application/sparql-results+json"),  # invalid range ignored
        ("image/png", RESULTS, None),
        ("text/csv;q=0", RESULTS, None),
        ("*/*;q=0", DOCUMENT, None),
    ],
)  # fmt: skip
def test_best_match(accept: str | None, offers: list[str], expected: str | None) -> None:
    assert best_match(accept, offers) == expected


def test_the_most_specific_range_decides_the_quality() -> None:
    # text/turtle;q=0.1 is more specific than text/* (q=1): Turtle gets 0.1, CSV 1.
    assert best_match("text/*, text/turtle;q=0.1", ["text/turtle", "text/csv"]) == "text/csv"
    # and a parameterised range is more specific than the bare type
    ranges = parse_accept("text/html;level=1;q=0.3, text/html;q=0.7")
    assert [r.specificity for r in ranges] == [3, 2]


def test_parse_accept_reads_q_and_parameters() -> None:
    (turtle, anything) = parse_accept("text/turtle;q=0.7;foo=bar, */*;q=2")
    assert (turtle.type, turtle.subtype, turtle.q, turtle.params) == ("text", "turtle", 0.7, {})
    assert anything.q == 1.0  # clamped to [0, 1]
    assert [r.subtype for r in parse_accept("a/b;x=1, c/d")] == ["b", "d"]


def test_every_rdf_type_is_reachable_by_its_name() -> None:
    for media_type in RDF_TYPES:
        assert best_match(media_type, list(RDF_TYPES)) == media_type
