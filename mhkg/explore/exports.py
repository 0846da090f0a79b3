"""The co-participation network as files for other tools: GraphML (yEd, Gephi, Cytoscape
desktop, igraph), GEXF (Gephi) and a CSV edge list, plus JSON. Written by networkx."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

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


def to_graphml(network: Network) -> str:
    return "\n".join(nx.generate_graphml(attributed_graph(network))) + "\n"


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


def write(network: Network, fmt: str, href: Callable[[str], str] | None = None) -> str:
    """The network in `fmt` (one of FORMATS)."""
    if fmt == "json":
        return json.dumps(network.to_json(href), indent=2, ensure_ascii=False) + "\n"
    writers = {"graphml": to_graphml, "gexf": to_gexf, "csv": to_csv}
    if fmt not in writers:
        raise ExploreError(f"network formats are {', '.join(FORMATS)}, not {fmt!r}")
    return writers[fmt](network)
