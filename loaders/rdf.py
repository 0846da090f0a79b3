"""Raw RDF files: Turtle, N-Triples, N3, JSON-LD and RDF/XML files are one record each (the
file's triples in the file's named graph); N-Quads and TriG keep their graphs, one record
per graph (what they hold in the default graph is a record of the file's name). Parsed by
mhkg.rdf_input: nothing is fetched, and entity declarations are refused.

Each record is validated against the shapes as any other before it is written; a graph
that mhkg keeps itself (ontology, reference data, derived links) cannot be loaded into.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph, URIRef

from mhkg.errors import RecordError
from mhkg.loaders.source import LoadContext, Record, Source
from mhkg.rdf_input import MEDIA_TYPES, RdfSyntaxError, quads


def load(source: Source, context: LoadContext) -> Iterator[Record]:
    """The records of an RDF file. Raises RecordError for a file that does not parse."""
    fmt = MEDIA_TYPES[source.media_type]
    graphs: dict[URIRef | None, Graph] = {}
    try:
        for name, triple in quads(source.data, fmt, base=str(context.minter.document(source.name))):
            graphs.setdefault(name, Graph()).add(triple)
    except RdfSyntaxError as error:
        raise RecordError(source.name, str(error)) from None
    if not graphs:
        raise RecordError(source.name, "holds no triples")
    protected = context.minter.system_graphs()
    for name, graph in graphs.items():
        if name is None:
            yield Record(source.name, graph)
        elif name in protected:
            reason = f"names the graph <{name}>, which mhkg keeps itself"
            yield Record(str(name), error=RecordError(source.name, reason, record=str(name)))
        else:
            yield Record(str(name), graph, graph_name=name)
