"""Ranks that paged lists read instead of sorting every row for each page.

A page of the list of projects (ordered by title) took the engine a sort of every project:
5 s at 10,000 projects for the first 100 rows. The derived graph holds instead each
project's place in the list by title (`mhkg:titleRank`), each source document's place
in the list by file name (`mhkg:fileRank`), each event's by date, label and IRI
(`mhkg:eventRank`) and each entity's by IRI (`mhkg:entityRank`), computed here as every
load ends (`mhkg.derivation.derive`): a page of a list that says ``# rank:`` is then read
from the items whose rank is below its end (see `mhkg.queries`), which the engine finds by
the rank's value in its index.

An item's rank is the number of distinct keys before its smallest one, compared as text
by code point (SPARQL's order of strings): items with the same key share a rank, so a
page that ends inside a run of equal keys still has every item of the run.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from mhkg.store import Store
from mhkg.vocab import MHKG

ENTITY_CLASSES = (  # the broad classes of the entities that exploration lists (queries/entities.rq)
    MHKG.Project, MHKG.Organisation, MHKG.Person, MHKG.Event, MHKG.City, MHKG.Country,
    MHKG.Region, MHKG.SustainableDevelopmentGoal,
)  # fmt: skip
KEYS = {  # each rank property: the query for the items it ranks (?item) and their keys (?key)
    MHKG.titleRank: f"SELECT ?item ?key WHERE {{ ?item a <{MHKG.Project}> ; <{RDFS.label}> ?key }}",
    MHKG.fileRank: f"SELECT ?item ?key WHERE {{ ?item <{MHKG.sourceFile}> ?key }}",
    # by date, label and IRI, as queries/events.rq orders its rows: an unbound date sorts
    # first, and a tab (below every character of a date or label) ends the date and the label,
    # so that "2024" comes before "2024-04"; the IRI gives each event a rank of its own (events
    # of one date and label are common: a meeting held in several places)
    MHKG.eventRank: f"""SELECT ?item ?key WHERE {{
  ?item a ?class ; <{RDFS.label}> ?label . ?class <{RDFS.subClassOf}>* <{MHKG.Event}> .
  OPTIONAL {{ ?item <{MHKG.eventDate}> ?date }}
  BIND (CONCAT(IF(BOUND(?date), CONCAT("1", STR(?date)), "0"), "\t", STR(?label), "\t",
               STR(?item)) AS ?key)
}}""",
    MHKG.entityRank: f"""SELECT DISTINCT ?item (STR(?item) AS ?key) WHERE {{
  VALUES ?broad {{ {" ".join(f"<{c}>" for c in ENTITY_CLASSES)} }}
  ?item a ?class . ?class <{RDFS.subClassOf}>* ?broad . FILTER (isIRI(?item))
}}""",
}


def ranks(store: Store) -> Graph:
    """Every item's rank by each property of KEYS, as triples."""
    found = Graph()
    for rank, sparql in KEYS.items():
        for item, place in _places(store, sparql):
            found.add((item, rank, Literal(place, datatype=XSD.integer)))
    return found


def _places(store: Store, sparql: str) -> list[tuple[URIRef, int]]:
    smallest: dict[URIRef, str] = {}
    for row in store.query(sparql).rows:
        item, key = row["item"], str(row["key"])
        if item not in smallest or key < smallest[item]:
            smallest[item] = key
    places, place, previous = [], -1, None
    for item, key in sorted(smallest.items(), key=lambda entry: (entry[1], str(entry[0]))):
        if key != previous:
            place, previous = place + 1, key
        places.append((item, place))
    return places
