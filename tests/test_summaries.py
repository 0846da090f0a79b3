"""The co-participation summaries in the derived graph (queries/derive/co-participation.rq)
and the `works-with` named query that reads them: the same rows as the query they replace,
which joined every participation of both organisations, on the seeds and on generated
projects where IOM and the IOM Development Fund take part in every project."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from types import ModuleType

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

from mhkg import derivation, pipeline
from mhkg import queries as named_queries
from mhkg.iri import Minter
from mhkg.store import Store, open_store
from mhkg.vocab import MHKG, SCHEMA

BENCH = Path(__file__).resolve().parent.parent / "bench"
GENERATED_PROJECTS = 40
IOM = "international-organization-for-migration"
IDF = "iom-development-fund"

# The text of `works-with` before the summaries: the oracle its rows are compared with.
WORKS_WITH_BY_PARTICIPATIONS = """
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?organisation ?name ?partner ?partnerName (COUNT(DISTINCT ?project) AS ?sharedProjects)
WHERE {
  ?organisation mhkg:worksWith ?partner .
  ?organisation rdfs:label ?name .
  ?partner rdfs:label ?partnerName .
  ?p1 mhkg:participant ?organisation ; mhkg:inProject ?project .
  ?p2 mhkg:participant ?partner ; mhkg:inProject ?project .
}
GROUP BY ?organisation ?name ?partner ?partnerName
ORDER BY DESC(?sharedProjects) ?name ?partnerName
"""

PARTICIPANTS = """
SELECT DISTINCT ?project ?organisation
WHERE { ?part mhkg:inProject ?project ; mhkg:participant ?organisation }
"""

SUMMARIES = """
SELECT ?pair ?organisation ?sharedProjects
WHERE { ?pair a mhkg:CoParticipation ; mhkg:coParticipant ?organisation ;
              mhkg:sharedProjects ?sharedProjects }
"""


@pytest.fixture(scope="module")
def generated_store(
    tmp_path_factory: pytest.TempPathFactory, minter: Minter, bench_records: ModuleType
) -> Iterator[Store]:
    """A store of GENERATED_PROJECTS generated projects (IOM and its fund in each)."""
    folder = tmp_path_factory.mktemp("generated")
    records = bench_records.write("csv", folder / "records", GENERATED_PROJECTS)
    with open_store(folder / "store") as kg:
        assert pipeline.load_paths(kg, [records], minter).ok
        yield kg


@pytest.fixture(params=["seeds", "generated"])
def store(request: pytest.FixtureRequest) -> Store:
    name = "seeded_store" if request.param == "seeds" else "generated_store"
    return request.getfixturevalue(name)


def rows(store: Store, text: str, **given: URIRef) -> Counter[tuple[str, ...]]:
    """The rows of a query as a multiset of tuples of values (the order of ties aside)."""
    columns = ("organisation", "name", "partner", "partnerName", "sharedProjects")
    found = store.query(text, given).rows
    return Counter(tuple(str(row.get(c)) for c in columns) for row in found)


def organisation(store: Store, slug: str) -> URIRef:
    found = [
        o
        for o in store.query("SELECT DISTINCT ?o WHERE { ?p mhkg:participant ?o }").values("o")
        if str(o).endswith(f"/{slug}")
    ]
    assert len(found) == 1, found
    return found[0]


def members_by_project(store: Store) -> dict[URIRef, set[URIRef]]:
    members: dict[URIRef, set[URIRef]] = defaultdict(set)
    for row in store.query(PARTICIPANTS).rows:
        members[row["project"]].add(row["organisation"])
    return members


def test_iom_and_its_fund_take_part_in_every_generated_project(generated_store: Store) -> None:
    members = members_by_project(generated_store)
    assert len(members) == GENERATED_PROJECTS
    hubs = {organisation(generated_store, IOM), organisation(generated_store, IDF)}
    assert all(hubs <= organisations for organisations in members.values())


def test_works_with_gives_the_rows_of_the_query_it_replaces(store: Store) -> None:
    summarised = rows(store, named_queries.load("works-with").text)
    assert summarised == rows(store, WORKS_WITH_BY_PARTICIPATIONS)
    assert len(summarised) > 2


@pytest.mark.parametrize("slug", [IOM, IDF])
def test_works_with_one_hub_gives_the_rows_of_the_query_it_replaces(
    store: Store, slug: str
) -> None:
    hub = organisation(store, slug)
    named = named_queries.load("works-with")
    anchored = rows(store, named.sparql({"organisation": str(hub)}))
    assert anchored == rows(store, WORKS_WITH_BY_PARTICIPATIONS, organisation=hub)
    assert anchored and {row[0] for row in anchored} == {str(hub)}


def test_works_with_one_ministry_gives_the_rows_of_the_query_it_replaces(
    generated_store: Store,
) -> None:
    partners = named_queries.load("works-with")
    for ministry in sorted(
        {o for members in members_by_project(generated_store).values() for o in members}
        - {organisation(generated_store, IOM), organisation(generated_store, IDF)}
    )[:5]:
        anchored = rows(generated_store, partners.sparql({"organisation": str(ministry)}))
        oracle = rows(generated_store, WORKS_WITH_BY_PARTICIPATIONS, organisation=ministry)
        assert anchored == oracle and anchored


def test_each_pair_counts_the_projects_its_organisations_share(
    store: Store, minter: Minter
) -> None:
    expected: Counter[frozenset[URIRef]] = Counter()
    for members in members_by_project(store).values():
        expected.update(frozenset(pair) for pair in combinations(members, 2))
    pairs: dict[URIRef, set[URIRef]] = defaultdict(set)
    counts: dict[URIRef, int] = {}
    for row in store.query(SUMMARIES).rows:
        pairs[row["pair"]].add(row["organisation"])
        counts[row["pair"]] = row["sharedProjects"].toPython()
    assert {frozenset(m): counts[pair] for pair, m in pairs.items()} == dict(expected)
    derived = minter.system_graph(derivation.DERIVED_GRAPH)
    for pair, members in pairs.items():
        key = " ".join(sorted(map(str, members)))
        assert pair == URIRef(f"{derived}/pair/{hashlib.md5(key.encode()).hexdigest()}")


def test_the_summaries_are_in_the_derived_graph_and_typed_with_declared_terms(
    seeded_store: Store, minter: Minter
) -> None:
    derived = minter.system_graph(derivation.DERIVED_GRAPH)
    found = seeded_store.query(
        f"SELECT DISTINCT ?p WHERE {{ GRAPH <{derived}> {{ ?s ?p ?o }} }}"
    ).values("p")
    co_participation = {MHKG.worksWith, RDF.type, MHKG.coParticipant, MHKG.sharedProjects}
    tallies = {MHKG.tallyOf, MHKG.tallyYear, MHKG.tallyRole, MHKG.projectCount, MHKG.budgetTotal}
    amounts = {SCHEMA.value, SCHEMA.currency}
    ranks = {MHKG.titleRank, MHKG.fileRank, MHKG.entityRank, MHKG.eventRank}
    assert set(found) == co_participation | tallies | amounts | ranks


def test_a_store_with_summaries_conforms_and_its_derived_graph_holds(
    generated_store: Store, minter: Minter
) -> None:
    report = pipeline.validate_store(generated_store, minter)
    assert report.conforms, report.text


def test_a_later_load_brings_the_counts_up_to_date(
    tmp_path: Path, minter: Minter, bench_records: ModuleType
) -> None:
    generate = bench_records.write
    first = generate("csv", tmp_path / "first", 6)
    second = generate("csv", tmp_path / "second", 9, seed=2)
    for table in second.iterdir():  # another source: the first's graph stays
        table.rename(table.with_name(f"more-{table.name}"))
    partners = named_queries.load("works-with")
    with open_store(tmp_path / "store") as kg:
        shared = []
        for records in (first, second):
            assert pipeline.load_paths(kg, [records], minter).ok
            iom, idf = organisation(kg, IOM), organisation(kg, IDF)
            counts = {
                row["partner"]: row["sharedProjects"].toPython()
                for row in kg.query(partners.sparql({"organisation": str(iom)})).rows
            }
            shared.append(counts[idf])
        assert shared == [6, 15]
        assert derivation.check(kg, minter).holds
