"""The ontology and the shapes: HTML documentation for browsers, RDF by negotiation.

Their terms are hash IRIs (https://w3id.org/mhkg/ontology#Project), so dereferencing a term
fetches /ontology, and the browser goes to the term's anchor (/ontology#Project).
/ontology.ttl, .rdf, .jsonld, .nt and .html name each format.
"""

from __future__ import annotations

from functools import cache

from flask import Blueprint, Response, render_template, url_for
from rdflib import URIRef

from mhkg import ontology, shapes
from mhkg.results import QueryResult
from mhkg.server.negotiation import HTML, SUFFIX_OF, negotiate
from mhkg.server.ontology_docs import class_diagram, metadata, node_shapes, ontology_sections
from mhkg.server.responses import serialize_as
from mhkg.vocab import ONTOLOGY_IRI, SHAPES_IRI

blueprint = Blueprint("vocabulary", __name__)

VOCABULARY_TYPES = [
    "text/turtle",
    HTML,
    "application/rdf+xml",
    "application/ld+json",
    "application/n-triples",
]
SUFFIX_PATTERN = "<any(ttl, rdf, jsonld, nt, html):suffix>"
SOURCES = {"ontology": (ontology.text, ontology.graph), "shapes": (shapes.text, shapes.graph)}


@cache
def serialised(kind: str, media_type: str) -> str:
    text, graph = SOURCES[kind]
    if media_type == "text/turtle":
        return text()  # as shipped, with its comments
    return serialize_as(QueryResult(form="CONSTRUCT", graph=graph()), media_type)


def _respond(kind: str, suffix: str | None) -> Response:
    media_type = {s[1:]: t for t, s in SUFFIX_OF.items()}[suffix] if suffix else None
    media_type = media_type or negotiate(VOCABULARY_TYPES)
    endpoint = f"vocabulary.{kind}_suffixed"
    links = [
        f'<{url_for(endpoint, suffix=SUFFIX_OF[t][1:])}>; rel="alternate"; type="{t}"'
        for t in VOCABULARY_TYPES
    ]
    headers = {"Vary": "Accept", "Link": ", ".join(links)}
    if suffix is None:
        headers["Content-Location"] = url_for(endpoint, suffix=SUFFIX_OF[media_type][1:])
    formats = {t: url_for(endpoint, suffix=SUFFIX_OF[t][1:]) for t in VOCABULARY_TYPES}
    if media_type == HTML:
        page = _ontology_page(formats) if kind == "ontology" else _shapes_page(formats)
        return Response(page, mimetype=HTML, headers=headers)
    return Response(serialised(kind, media_type), mimetype=media_type, headers=headers)


def _ontology_page(formats: dict[str, str]) -> str:
    graph = ontology.graph()
    sections = ontology_sections(graph)
    return render_template(
        "ontology.html",
        meta=metadata(graph, URIRef(ONTOLOGY_IRI)),
        iri=ONTOLOGY_IRI,
        sections=sections,
        diagram=class_diagram(sections["Classes"]),
        formats=formats,
        page_title="mhkg ontology",
    )


def _shapes_page(formats: dict[str, str]) -> str:
    graph = shapes.graph()
    return render_template(
        "shapes.html",
        meta=metadata(graph, URIRef(SHAPES_IRI)),
        iri=SHAPES_IRI,
        shapes=node_shapes(graph),
        formats=formats,
        page_title="mhkg shapes",
    )


@blueprint.route("/ontology")
def ontology_document() -> Response:
    return _respond("ontology", None)


@blueprint.route(f"/ontology.{SUFFIX_PATTERN}")
def ontology_suffixed(suffix: str) -> Response:
    return _respond("ontology", suffix)


@blueprint.route("/shapes")
def shapes_document() -> Response:
    return _respond("shapes", None)


@blueprint.route(f"/shapes.{SUFFIX_PATTERN}")
def shapes_suffixed(suffix: str) -> Response:
    return _respond("shapes", suffix)
