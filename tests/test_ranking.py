"""Ranks of projects by title and of documents by file (mhkg.ranking), which paged lists read."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from mhkg import queries as named_queries
from mhkg.ranking import ranks
from mhkg.store.embedded import EmbeddedStore
from mhkg.vocab import MHKG

EX = "https://example.org/project/"


def store_of(titles: dict[str, list[str]]) -> EmbeddedStore:
    store = EmbeddedStore(None)
    for name, labels in titles.items():
        graph = Graph()
        graph.add((URIRef(EX + name), RDF.type, MHKG.Project))
        for label in labels:
            graph.add((URIRef(EX + name), RDFS.label, Literal(label)))
        store.replace_graph(URIRef(f"https://example.org/graph/{name}"), graph)
    return store


def test_a_project_ranks_by_its_smallest_title_and_equal_titles_share_a_rank() -> None:
    store = store_of(
        {"c": ["Zebra", "Apple"], "a": ["Mango"], "b": ["Mango"], "d": ["banana"], "e": ["Kiwi"]}
    )
    found = {
        str(s)[len(EX) :]: o.toPython()
        for s, _, o in ranks(store).triples((None, MHKG.titleRank, None))
    }
    # code point order: upper case before lower case, as SPARQL orders strings
    assert found == {"c": 0, "e": 1, "a": 2, "b": 2, "d": 3}


def test_a_ranked_page_holds_the_rows_an_unranked_sort_gives() -> None:
    store = store_of({f"p{k:02}": [f"Title {(k * 7) % 10}"] for k in range(20)})
    store.replace_graph(URIRef("https://example.org/graph/derived"), ranks(store))
    projects = named_queries.load("projects")
    whole = [
        tuple(row.get(v) for v in ("title", "project"))
        for row in store.query(projects.sparql({}, named_queries.Page(10**6))).rows
    ]
    expected = sorted(whole)  # by title, then by project IRI
    for size in (1, 3, 7):
        pages = []
        for offset in range(0, 21, size):
            page = named_queries.Page(size, offset)
            text = projects.sparql({}, page)
            assert "VALUES ?mhkgPageRank" in text
            pages += [(row["title"], row["project"]) for row in store.query(text).rows]
        assert pages == expected


def run_on(store: EmbeddedStore, texts: list[str]):
    def run(text: str):
        texts.append(text)
        result = store.query(text)
        return result, result.truncated

    return run


def test_a_short_ranked_page_is_read_again_over_a_wider_window() -> None:
    """Projects without a country have no row in project-countries: the first window of
    ranks holds too few rows, and the page is read again until it is full."""
    store = store_of({f"p{k:02}": [f"Title {k:02}"] for k in range(30)})
    for k in range(20, 30):  # the last ten by title have a country each
        graph = Graph()
        graph.add((URIRef(EX + f"p{k:02}"), MHKG.benefitingCountry, URIRef(EX + "gin")))
        graph.add((URIRef(EX + "gin"), MHKG.iso3166Alpha3, Literal("GIN")))
        store.add_to_graph(URIRef(f"https://example.org/graph/p{k:02}"), graph)
    store.replace_graph(URIRef("https://example.org/graph/derived"), ranks(store))
    countries = named_queries.load("project-countries")
    texts: list[str] = []
    _, first, _ = named_queries.run_page(countries, {}, named_queries.Page(3), run_on(store, texts))
    assert [str(row["project"])[len(EX) :] for row in first.rows] == ["p20", "p21", "p22"]
    assert len(texts) == 3  # ranks below 3 (no row), the highest rank, below 24: full
    texts.clear()
    _, last, _ = named_queries.run_page(
        countries, {}, named_queries.Page(4, 8), run_on(store, texts)
    )
    assert [str(row["project"])[len(EX) :] for row in last.rows] == ["p28", "p29"]
    assert len(texts) == 3  # below 12 (no row), the highest (29), below 96: every rank, short
    assert " 95 }" in texts[-1]


def test_a_ranked_page_of_documents_holds_the_rows_an_unranked_sort_gives() -> None:
    store = EmbeddedStore(None)
    for k in range(12):
        document, graph = URIRef(f"https://example.org/document/{k}"), Graph()
        graph.add((MHKG.NewsArticle, RDFS.subClassOf, MHKG.SourceDocument))
        graph.add((document, RDF.type, MHKG.NewsArticle))
        graph.add((document, MHKG.sourceFile, Literal(f"{(k * 5) % 12:03}.txt")))
        store.replace_graph(URIRef(f"https://example.org/graph/{k}"), graph)
    found = ranks(store)
    assert sorted(o.toPython() for o in found.objects(None, MHKG.fileRank)) == list(range(12))
    store.replace_graph(URIRef("https://example.org/graph/derived"), found)
    documents = named_queries.load("documents")
    whole = [row["file"] for row in store.query(documents.sparql()).rows]
    assert whole == sorted(whole) and len(whole) == 12
    pages = []
    for offset in range(0, 12, 5):
        text = documents.sparql({}, named_queries.Page(5, offset))
        assert "mhkg:fileRank ?mhkgPageRank" in text
        pages += [row["file"] for row in store.query(text).rows]
    assert pages == whole


def test_a_ranked_page_of_events_holds_the_rows_an_unranked_sort_gives() -> None:
    # dates as precise as a source gives them: a year before its months, no date first,
    # equal dates ordered by label
    dates = [None, "2024", "2024-04", "2024-04-02", "2023-12-31", None, "2024", "--07-15"]
    store = EmbeddedStore(None)
    for k in range(24):
        event, graph = URIRef(f"https://example.org/event/{k}"), Graph()
        graph.add((MHKG.Workshop, RDFS.subClassOf, MHKG.Event))
        graph.add((event, RDF.type, MHKG.Workshop if k % 2 else MHKG.Event))
        graph.add((event, RDFS.label, Literal(f"event {(k * 7) % 5}")))
        if dates[k % len(dates)] is not None:
            graph.add((event, MHKG.eventDate, Literal(dates[k % len(dates)])))
        store.replace_graph(URIRef(f"https://example.org/graph/{k}"), graph)
    found = ranks(store)
    assert len(set(found.subjects(MHKG.eventRank, None))) == 24
    store.replace_graph(URIRef("https://example.org/graph/derived"), found)
    events = named_queries.load("events")
    rows = store.query(events.sparql()).rows
    whole = [(row.get("date"), row["label"], row["event"]) for row in rows]
    assert len(whole) == 24 and whole[0][0] is None and str(whole[-1][0]) == "2024-04-02"
    pages = []
    for offset in range(0, 24, 5):
        text = events.sparql({}, named_queries.Page(5, offset))
        assert "mhkg:eventRank ?mhkgPageRank" in text
        pages += [(row.get("date"), row["label"], row["event"]) for row in store.query(text).rows]
    # in the order of the whole list (events of the same date and label in any order), each once
    assert [row[:2] for row in pages] == [row[:2] for row in whole]
    assert sorted(pages, key=str) == sorted(whole, key=str)
