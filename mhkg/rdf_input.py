"""RDF as clients and files give it: Turtle, N-Triples, N-Quads, TriG, N3, JSON-LD, RDF/XML.

Parsed by Oxigraph's parsers, which never fetch anything: a JSON-LD document whose
``@context`` is a URL is refused (nothing reachable from a request or a file is fetched), and
RDF/XML that declares entities in its DTD is refused before it is parsed (read by expat:
a kilobyte of nested entity declarations expands to gigabytes). A syntax error is reported
with its line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

import pyoxigraph as ox
from rdflib import Graph, URIRef

from mhkg.errors import MhkgError
from mhkg.store.embedded import to_rdflib

MEDIA_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "text/n3": ox.RdfFormat.N3,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
EXTENSIONS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".n3": ox.RdfFormat.N3,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


class RdfSyntaxError(MhkgError):
    """RDF that does not parse (or asks for something fetched)."""


def format_of_media_type(media_type: str) -> ox.RdfFormat | None:
    return MEDIA_TYPES.get(media_type.lower())


def format_of_path(path: Path) -> ox.RdfFormat | None:
    return EXTENSIONS.get(path.suffix.lower())


def quads(
    data: bytes | Path, fmt: ox.RdfFormat, base: str | None = None
) -> Iterator[tuple[URIRef | None, tuple]]:
    """(graph name, or None for the default graph; rdflib triple) for each statement.

    Raises RdfSyntaxError with the parser's message (line and column).
    """
    if fmt == ox.RdfFormat.RDF_XML:
        _refuse_entities(data)
    where = {"path": str(data)} if isinstance(data, Path) else {"input": data}
    try:
        for quad in ox.parse(format=fmt, base_iri=base, rename_blank_nodes=True, **where):
            graph = quad.graph_name
            name = None if isinstance(graph, ox.DefaultGraph) else to_rdflib(graph)
            triple = (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
            yield name, triple
    except (SyntaxError, ValueError, OSError) as error:
        raise RdfSyntaxError(f"not valid {fmt.name}: {error}") from None


def read_graph(data: bytes, fmt: ox.RdfFormat, base: str | None = None) -> Graph:
    """The triples of `data`, in a format of triples (a dataset format's named graphs are
    refused: a graph is written here, not a dataset).

    Raises RdfSyntaxError.
    """
    graph = Graph()
    for name, triple in quads(data, fmt, base):
        if name is not None:
            raise RdfSyntaxError(f"{fmt.name} with a named graph <{name}>: send one graph")
        graph.add(triple)
    return graph


class _EntityDeclared(Exception):
    pass


def _refuse_entities(data: bytes | Path) -> None:
    """Raises RdfSyntaxError when the XML declares an entity (its DTD is all that is read)."""

    def declared(name: str, *_: object) -> None:
        raise _EntityDeclared(name)

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = declared
    try:
        if isinstance(data, Path):
            with data.open("rb") as stream:
                parser.ParseFile(stream)
        else:
            parser.Parse(data, True)
    except _EntityDeclared as declaration:
        raise RdfSyntaxError(
            f"RDF/XML that declares entities (here {declaration}) is refused: they can "
            "expand without bound"
        ) from None
    except expat.ExpatError as error:
        raise RdfSyntaxError(f"not valid RDF/XML: {error}") from None
