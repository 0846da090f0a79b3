"""Ranks that paged lists read instead of sorting every row for each page.

A page of the list of projects (ordered by title) took the engine a sort of every project:
5 s at 10,000 projects for the first 100 rows. The derived graph holds instead each
project's place in the list by title (`mhkg:titleRank`), computed here as every load ends
(`mhkg.derivation.derive`): a page of a list that says ``# rank:`` is then read from the
projects whose rank is below its end (see `mhkg.queries`), which the engine finds by the
rank's value in its index.

A project's rank is the number of distinct titles before its smallest one, compared as text
by code point (SPARQL's order of strings): projects with the same title share a rank, so a
page that ends inside a run of equal titles still has every project of the run.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from mhkg.store import Store
from mhkg.vocab import MHKG

RANK = MHKG.titleRank

_TITLES = f"SELECT ?project ?title WHERE {{ ?project a <{MHKG.Project}> ; <{RDFS.label}> ?title }}"


def title_ranks(store: Store) -> Graph:
    """Each project's `mhkg:titleRank`, as triples."""
    smallest: dict[URIRef, str] = {}
    for row in store.query(_TITLES).rows:
        project, title = row["project"], str(row["title"])
        if project not in smallest or title < smallest[project]:
            smallest[project] = title
    ranks, rank, previous = Graph(), -1, None
    for project, title in sorted(smallest.items(), key=lambda item: (item[1], str(item[0]))):
        if title != previous:
            rank, previous = rank + 1, title
        ranks.add((project, RANK, Literal(rank, datatype=XSD.integer)))
    return ranks
