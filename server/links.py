"""Where an IRI is served here, and how to show it: the Jinja filters of every page.

IRIs that mhkg mints lie under the configured base IRI; the server answers for them under the
same paths, so on a deployment at the base they resolve as they are, and on 127.0.0.1 the
path /id/project/x serves {base}id/project/x. Ontology and shapes terms are hash IRIs under
https://w3id.org/mhkg/ontology# and .../shapes#, served at /ontology#Term and /shapes#Shape.
"""

from __future__ import annotations

from flask import Flask, current_app
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from mhkg.iri import base_iri
from mhkg.vocab import ONTOLOGY_IRI, PREFIXES, SHAPES_IRI

SERVED_PREFIXES = ("id/", "graph/")


def base() -> str:
    return current_app.config["BASE_IRI"]


def iri_for_path(path: str) -> URIRef:
    """The IRI a local path (without its leading '/') names."""
    return URIRef(base() + path)


def local_href(iri: str) -> str:
    """A link to where this server shows `iri`; other IRIs link to themselves."""
    text = str(iri)
    for published, path in ((ONTOLOGY_IRI, "/ontology"), (SHAPES_IRI, "/shapes")):
        if text == published or text.startswith(published + "#"):
            return path + text[len(published) :]
    if text.startswith(base()) and text[len(base()) :].startswith(SERVED_PREFIXES):
        return "/" + text[len(base()) :]
    return text


def curie(iri: str) -> str:
    """prefix:local for IRIs in the usual namespaces, else the IRI."""
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        local = text[len(namespace) :]
        if text.startswith(namespace) and local and "/" not in local and "#" not in local:
            return f"{prefix}:{local}"
    return text


def term_text(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def is_iri(term: object) -> bool:
    return isinstance(term, URIRef)


def is_literal(term: object) -> bool:
    return isinstance(term, Literal)


def init_app(app: Flask) -> None:
    if not app.config.get("BASE_IRI"):
        app.config["BASE_IRI"] = base_iri()
    elif not app.config["BASE_IRI"].endswith("/"):
        app.config["BASE_IRI"] += "/"
    app.jinja_env.filters.update(href=local_href, curie=curie, term_text=term_text)
    app.jinja_env.tests.update(iri=is_iri, literal=is_literal)
