"""Linked data: every IRI mhkg mints dereferences.

Entity IRIs are slash IRIs ({base}id/{kind}/{slug}) naming things, not documents; following
the W3C note "Cool URIs for the Semantic Web" (303 URIs forwarding to one generic document),
GET /id/... answers 303 See Other with the document /doc/..., which negotiates HTML, Turtle,
JSON-LD, RDF/XML or N-Triples and has a fixed URL per format (/doc/....ttl, .jsonld, .rdf, .nt,
.html), announced in Link: rel="alternate" headers. Named graphs ({base}graph/{slug}) are
documents themselves: /graph/... answers 200 with the graph's triples.

A path is decoded before it is read as an IRI, so it may name no IRI at all (`/doc/%00`,
`/doc/%C2%87`: control characters; `/doc/a%25zz`: a broken percent-encoding): such a path is
404 before the store is asked, decided by the parser the store itself uses (RFC 3987).
"""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for
from rdflib import Graph, URIRef
from werkzeug.exceptions import NotFound

from mhkg.iri import is_absolute_iri
from mhkg.server.description import data_graph, exists, labels, view
from mhkg.server.explore import explorable
from mhkg.server.links import base, iri_for_path
from mhkg.server.negotiation import HTML, SUFFIX_OF, SUFFIXES, negotiate
from mhkg.server.responses import graph_response
from mhkg.server.store import get_store

blueprint = Blueprint("linked_data", __name__)

DOCUMENT_TYPES = [
    "text/turtle",
    HTML,
    "application/ld+json",
    "application/rdf+xml",
    "application/n-triples",
]
GRAPH_PAGE_LIMIT = 2000
_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def split_suffix(path: str) -> tuple[str, str | None]:
    for suffix in SUFFIXES:
        if path.endswith(suffix):
            return path[: -len(suffix)], suffix
    return path, None


def iri_named_by(path: str) -> URIRef:
    """The IRI a local path (without its leading '/') names, or 404 (NotFound) when the
    path names no IRI: no resource can have it, and the store would refuse to look."""
    if not is_absolute_iri(base() + path):
        raise NotFound(f"there is no resource at {request.path!r}: no IRI has that path (RFC 3987)")
    return iri_for_path(path)


def alternates(endpoint: str, stem: str) -> dict[str, str]:
    """Link: rel="alternate" to the document in each format."""
    links = [
        f'<{url_for(endpoint, rest=stem + SUFFIX_OF[t])}>; rel="alternate"; type="{t}"'
        for t in DOCUMENT_TYPES
    ]
    return {"Link": ", ".join(links)}


def _chosen_type(suffix: str | None) -> str:
    return SUFFIXES[suffix] if suffix else negotiate(DOCUMENT_TYPES)


def _located(endpoint: str, stem: str, suffix: str | None, media_type: str) -> dict[str, str]:
    headers = alternates(endpoint, stem)
    if suffix is None:
        headers["Content-Location"] = url_for(endpoint, rest=stem + SUFFIX_OF[media_type])
    return headers


def _html(response_body: str, headers: dict[str, str]) -> Response:
    return Response(response_body, mimetype=HTML, headers={"Vary": "Accept", **headers})


@blueprint.route("/id/<path:rest>")
def entity(rest: str) -> Response:
    stem, _ = split_suffix(rest)
    iri = iri_named_by("id/" + stem)
    if not exists(get_store(), iri):
        raise NotFound(f"there is no resource <{iri}> in this knowledge graph")
    return redirect(url_for("linked_data.document", rest=rest), code=303)


@blueprint.route("/doc/<path:rest>")
def document(rest: str) -> Response:
    stem, suffix = split_suffix(rest)
    iri = iri_named_by("id/" + stem)
    store = get_store()
    if not exists(store, iri):
        raise NotFound(f"there is no resource <{iri}> in this knowledge graph")
    media_type = _chosen_type(suffix)
    headers = _located("linked_data.document", stem, suffix, media_type)
    if media_type != HTML:
        return graph_response(data_graph(store, iri), media_type, headers)
    formats = {t: url_for("linked_data.document", rest=stem + SUFFIX_OF[t]) for t in DOCUMENT_TYPES}
    page = render_template(
        "resource.html",
        view=view(store, iri),
        formats=formats,
        explore=url_for("explore.page", entity=str(iri)) if explorable(iri) else None,
        page_title=None,
    )
    return _html(page, headers)


@blueprint.route("/graph/<path:rest>")
def named_graph(rest: str) -> Response:
    stem, suffix = split_suffix(rest)
    name = iri_named_by("graph/" + stem)
    store = get_store()
    if name not in store.graph_names():
        raise NotFound(f"there is no named graph <{name}> in this knowledge graph")
    media_type = _chosen_type(suffix)
    headers = _located("linked_data.named_graph", stem, suffix, media_type)
    graph = store.query(_GRAPH, {"g": name}).graph or Graph()
    if media_type != HTML:
        return graph_response(graph, media_type, headers)
    return _html(_graph_page(name, graph, stem), headers)


def _graph_page(name: URIRef, graph: Graph, stem: str) -> str:
    triples = sorted(graph, key=lambda t: tuple(map(str, t)))[:GRAPH_PAGE_LIMIT]
    nodes = {n for triple in triples for n in triple}
    formats = {
        t: url_for("linked_data.named_graph", rest=stem + SUFFIX_OF[t]) for t in DOCUMENT_TYPES
    }
    return render_template(
        "graph.html",
        name=name,
        triples=triples,
        total=len(graph),
        labels=labels(get_store(), nodes),
        formats=formats,
        cut=len(graph) > GRAPH_PAGE_LIMIT,
        limit=GRAPH_PAGE_LIMIT,
        page_title=f"Named graph {name}",
    )
