"""The co-participation network: organisations joined when they take part in the same project.

An edge's weight is the number of projects the two share. Each organisation gets its number
of projects, its degree (partners: "most connected"), its strength (the sum of its edges'
weights) and its betweenness centrality (normalised, unweighted: how often it lies on the
shortest paths between two others — "brokers"; estimated from 200 sources beyond 1,000
organisations) and the IDF regions of its projects (brokers between regions show). Filters
choose projects and organisations (country, SDG, kind) and the parts they play (role), as
elsewhere in exploration.

`sparql()` writes the one SELECT that gives the same edges and weights from the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations

import networkx as nx

from mhkg.explore.filters import NO_FILTERS, Filters
from mhkg.explore.graph import PARTICIPANT, ExploreError, StakeholderGraph
from mhkg.vocab import MHKG

RANKS = ("degree", "strength", "betweenness", "projects")
EXACT_BETWEENNESS_UP_TO = 1000
SAMPLED_SOURCES = 200


@dataclass
class Network:
    graph: nx.Graph  # organisations; edge attribute "projects" (a sorted list of IRIs)
    kg: StakeholderGraph
    filters: Filters

    def weight(self, a: str, b: str) -> int:
        return len(self.graph.edges[a, b]["projects"])

    def ranked(self, by: str = "degree") -> list[dict]:
        """The organisations, highest `by` first (then by strength, then by label)."""
        if by not in RANKS:
            raise ExploreError(f"rank by one of {', '.join(RANKS)}, not {by!r}")
        return sorted(self.nodes(), key=lambda n: (-n[by], -n["strength"], n["label"].casefold()))

    @cached_property
    def sampled_sources(self) -> int | None:
        """None when betweenness is exact, else the number of sources it is estimated from."""
        if len(self.graph) <= EXACT_BETWEENNESS_UP_TO:
            return None
        return min(SAMPLED_SOURCES, len(self.graph))

    @cached_property
    def betweenness(self) -> dict[str, float]:
        """Exact up to EXACT_BETWEENNESS_UP_TO organisations (it costs organisations × ties);
        beyond, estimated from a fixed sample of sources (the same answer every time)."""
        return nx.betweenness_centrality(
            self.graph, k=self.sampled_sources, normalized=True, seed=0
        )

    def nodes(self, href: Callable[[str], str] | None = None) -> list[dict]:
        betweenness = self.betweenness
        rows = []
        for iri in sorted(self.graph, key=self.kg.sort_key):
            entity = self.kg.entities[iri]
            rows.append(
                {
                    **entity.to_json(href),
                    "iso3": entity.iso3,
                    "countries": list(entity.countries),
                    "projects": self.graph.nodes[iri]["projects"],
                    "regions": sorted(self.graph.nodes[iri]["regions"]),
                    "degree": self.graph.degree(iri),
                    "strength": sum(self.weight(iri, other) for other in self.graph.adj[iri]),
                    "betweenness": round(betweenness[iri], 6),
                }
            )
        return rows

    def edges(self) -> list[dict]:
        rows = []
        for a, b in self.graph.edges:
            first, second = sorted((a, b))
            projects = self.graph.edges[a, b]["projects"]
            rows.append(
                {"from": first, "to": second, "weight": len(projects), "projects": projects}
            )
        return sorted(rows, key=lambda e: (-e["weight"], e["from"], e["to"]))

    def to_json(self, href: Callable[[str], str] | None = None) -> dict:
        return {
            "nodes": self.nodes(href),
            "edges": self.edges(),
            "betweennessSampledSources": self.sampled_sources,
            "filters": self.filters.to_json(),
            "sparql": sparql(self.filters),
        }


def network(whole: StakeholderGraph, filters: Filters = NO_FILTERS) -> Network:
    filters = filters.for_graph(whole)
    kg = filters.apply(whole)
    members: dict[str, set[str]] = defaultdict(set)  # project → its organisations
    for relation in kg.all_relations():
        if relation.property == PARTICIPANT:
            members[relation.target].add(relation.source)
    graph = nx.Graph()
    for project, organisations in members.items():
        for organisation in organisations:
            if organisation not in graph:
                graph.add_node(organisation, projects=0, regions=set())
            graph.nodes[organisation]["projects"] += 1
            graph.nodes[organisation]["regions"].update(
                kg.entities[r].label for r in kg.neighbours(project, str(MHKG.idfRegion))
            )
        for a, b in combinations(sorted(organisations), 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, projects=[])
            graph.edges[a, b]["projects"].append(project)
    for _, _, shared in graph.edges(data="projects"):
        shared.sort()
    return Network(graph, kg, filters)


def sparql(filters: Filters) -> str:
    """A SELECT giving each pair of organisations (once, ?organisation < ?partner by IRI) and
    the number of projects they share, under the same filters as `network(kg, filters)`."""
    lines = [
        "  ?p1 mhkg:participant ?organisation ; mhkg:inProject ?project ;",
        "      mhkg:role/skos:notation ?role1 .",
        "  ?p2 mhkg:participant ?partner ; mhkg:inProject ?project ;",
        "      mhkg:role/skos:notation ?role2 .",
        "  FILTER (STR(?organisation) < STR(?partner))",
        "  ?organisation rdfs:label ?organisationLabel .",
        "  ?partner rdfs:label ?partnerLabel .",
    ]
    if filters.roles:
        roles = " ".join(f'"{r}"' for r in sorted(filters.roles))
        lines += [f"  VALUES ?role1 {{ {roles} }}", f"  VALUES ?role2 {{ {roles} }}"]
    if filters.kinds:
        kinds = " ".join(f"mhkg:{k}" for k in sorted(filters.kinds))
        lines += [
            f"  ?organisation a ?kind1 . VALUES ?kind1 {{ {kinds} }}",
            f"  ?partner a ?kind2 . VALUES ?kind2 {{ {kinds} }}",
        ]
    if filters.countries:
        codes = ", ".join(f'"{c}"' for c in sorted(filters.countries))
        lines += [
            "  FILTER EXISTS {",
            "    ?project mhkg:benefitingCountry|mhkg:projectCountry ?where .",
            f"    ?where mhkg:iso3166Alpha3 ?projectCountry FILTER (?projectCountry IN ({codes}))",
            "  }",
        ]
        for who in ("organisation", "partner"):  # in one of the countries, or in none
            lines += [
                f"  FILTER (NOT EXISTS {{ ?{who} mhkg:country ?{who}Country }} || EXISTS {{",
                f"    ?{who} mhkg:country/mhkg:iso3166Alpha3 ?{who}Code",
                f"    FILTER (?{who}Code IN ({codes}))",
                "  })",
            ]
    if filters.goals:
        goals = ", ".join(str(g) for g in sorted(filters.goals))
        lines += [
            "  FILTER EXISTS {",
            "    ?project mhkg:addressesGoal ?aim .",
            "    { ?aim mhkg:goalNumber ?goal } UNION { ?aim mhkg:targetOf/mhkg:goalNumber ?goal }",
            f"    FILTER (?goal IN ({goals}))",
            "  }",
        ]
    body = "\n".join(lines)
    return (
        f"PREFIX mhkg: <{MHKG}>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\n"
        "SELECT ?organisation (SAMPLE(?organisationLabel) AS ?name)\n"
        "       ?partner (SAMPLE(?partnerLabel) AS ?partnerName)\n"
        "       (COUNT(DISTINCT ?project) AS ?sharedProjects)\n"
        f"WHERE {{\n{body}\n}}\n"
        "GROUP BY ?organisation ?partner\n"
        "ORDER BY DESC(?sharedProjects) ?organisation ?partner\n"
    )
