"""The co-participation network as files for other tools: GraphML (yEd, Gephi, Cytoscape
desktop, igraph), GEXF (Gephi) and a CSV edge list, plus JSON. GraphML is written here, a node
or an edge at a time (`graphml_chunks`), so that a large network is never held as one XML
tree; GEXF is written by networkx."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from mhkg.explore.graph import ExploreError
from mhkg.explore.network import Network

FORMATS = {
    "json": "application/json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "csv": "text/csv",
}


def attributed_graph(network: Network) -> nx.Graph:
    """The network with plain attributes only (what GraphML and GEXF can hold): nodes keyed
    by IRI with label, type, kind, iso3, countries and regions ("; "-separated) and the
    measures; edges with weight and projects (their IRIs, space-separated)."""
    graph = nx.Graph()
    for node in network.nodes():
        attributes = {k: v for k, v in node.items() if k != "iri" and v is not None}
        for listed in ("regions", "countries"):
            attributes[listed] = "; ".join(node[listed])
        graph.add_node(node["iri"], **attributes)
    for edge in network.edges():
        graph.add_edge(
            edge["from"], edge["to"], weight=edge["weight"], projects=" ".join(edge["projects"])
        )
    return graph


GRAPHML_HEADER = """<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""

# GraphML's keys: (for, name, attr.type). A node's lists are "; "-separated, an edge's
# projects space-separated, as in `attributed_graph`.
NODE_KEYS = (
    ("label", "string"), ("type", "string"), ("kind", "string"), ("iso3", "string"),
    ("countries", "string"), ("regions", "string"), ("projects", "int"), ("degree", "int"),
    ("strength", "int"), ("betweenness", "double"),
)  # fmt: skip
EDGE_KEYS = (("weight", "int"), ("projects", "string"))


def graphml_chunks(network: Network) -> Iterator[str]:
    """The network as GraphML, in pieces of a node or an edge each: what `attributed_graph`
    holds, readable by networkx's `read_graphml` (and yEd, Gephi, igraph)."""
    yield GRAPHML_HEADER
    for prefix, keys, scope in (("n", NODE_KEYS, "node"), ("e", EDGE_KEYS, "edge")):
        for index, (name, kind) in enumerate(keys):
            yield (
                f'<key id="{prefix}{index}" for="{scope}" attr.name="{name}" attr.type="{kind}"/>\n'
            )
    yield '<graph edgedefault="undirected">\n'
    for node in network.nodes():
        node = {**node, **{k: "; ".join(node[k]) for k in ("regions", "countries")}}
        yield f"<node id={quoteattr(node['iri'])}>{_data('n', NODE_KEYS, node)}</node>\n"
    for edge in network.edges():
        edge = {**edge, "projects": " ".join(edge["projects"])}
        ends = f"source={quoteattr(edge['from'])} target={quoteattr(edge['to'])}"
        yield f"<edge {ends}>{_data('e', EDGE_KEYS, edge)}</edge>\n"
    yield "</graph>\n</graphml>\n"


def _data(prefix: str, keys: tuple[tuple[str, str], ...], values: dict) -> str:
    return "".join(
        f'<data key="{prefix}{index}">{escape(str(values[name]))}</data>'
        for index, (name, _) in enumerate(keys)
        if values.get(name) is not None
    )


def to_graphml(network: Network) -> str:
    return "".join(graphml_chunks(network))


def to_gexf(network: Network) -> str:
    return "\n".join(nx.generate_gexf(attributed_graph(network))) + "\n"


def to_csv(network: Network) -> str:
    """One row per pair: source, sourceName, target, targetName, weight, projects."""
    labels = {iri: e.label for iri, e in network.kg.entities.items()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["source", "sourceName", "target", "targetName", "weight", "projects"])
    for edge in network.edges():
        source, target = edge["from"], edge["to"]
        writer.writerow(
            [
                source,
                labels[source],
                target,
                labels[target],
                edge["weight"],
                " ".join(edge["projects"]),
            ]
        )
    return out.getvalue()


def chunks(network: Network, fmt: str, href: Callable[[str], str] | None = None) -> Iterator[str]:
    """The network in `fmt` (one of FORMATS), in pieces: GraphML a node or an edge at a
    time, the others whole."""
    if fmt == "json":
        yield json.dumps(network.to_json(href), indent=2, ensure_ascii=False) + "\n"
    elif fmt == "graphml":
        yield from graphml_chunks(network)
    elif fmt == "gexf":
        yield to_gexf(network)
    elif fmt == "csv":
        yield to_csv(network)
    else:
        raise ExploreError(f"network formats are {', '.join(FORMATS)}, not {fmt!r}")


def write(network: Network, fmt: str, href: Callable[[str], str] | None = None) -> str:
    """The network in `fmt` (one of FORMATS)."""
    return "".join(chunks(network, fmt, href))
