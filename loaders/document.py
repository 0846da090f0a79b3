"""The source document itself, as a resource of the graph made from it."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF

from mhkg.iri import Minter
from mhkg.loaders.source import Source
from mhkg.vocab import MHKG


def describe_document(
    g: Graph, minter: Minter, source: Source, kind: URIRef, title: str | None
) -> URIRef:
    """Add the document's type, title, file name, media type and digest to `g`."""
    document = minter.document(source.name)
    g.add((document, RDF.type, kind))
    if title:
        g.add((document, DCTERMS.title, Literal(title)))
    g.add((document, DCTERMS.format, Literal(source.media_type)))
    g.add((document, MHKG.sourceFile, Literal(source.name)))
    g.add((document, MHKG.sha256, Literal(source.sha256)))
    return document
