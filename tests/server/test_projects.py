"""/projects, the faceted project browser, on the seeds: each facet narrows to the projects an
independent query finds, repeated facets are either value, different facets all; words, sort,
paging; CSV and JSON are the rows shown; the SPARQL shown gives them; bad parameters are 400."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mhkg.queries import facets
from mhkg.queries.facets import FACETS

from .fixtures_app import app_over, bindings, error_of, well_formed_html

HTML = {"Accept": "text/html"}
PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# Each facet's projects, written apart from mhkg.queries.facets: ?value is the URL's value.
INDEPENDENT = {
    "country": "?p mhkg:benefitingCountry|mhkg:projectCountry ?c . ?c mhkg:iso3166Alpha3 ?v "
    "FILTER (?v = ?value)",
    "region": '?p mhkg:idfRegion ?r FILTER (STRENDS(STR(?r), CONCAT("/", ?value)))',
    "sdg": "{ ?p mhkg:addressesGoal ?g } UNION { ?p mhkg:addressesGoal/mhkg:targetOf ?g } "
    "?g mhkg:goalNumber ?n FILTER (STR(?n) = ?value)",
    "organisation": "?x mhkg:inProject ?p ; mhkg:participant ?o FILTER (STR(?o) = ?value)",
    "role": "?x mhkg:inProject ?p ; mhkg:role/skos:notation ?value",
    "kind": "?x mhkg:inProject ?p ; mhkg:participant/a ?k "
    "FILTER (?k = IRI(CONCAT(STR(mhkg:), ?value)))",
    "status": '?p mhkg:status ?s FILTER (STRENDS(STR(?s), CONCAT("/", ?value)))',
    "type": '?p mhkg:projectType ?t FILTER (STRENDS(STR(?t), CONCAT("/", ?value)))',
    "year": "?p mhkg:startDate ?d FILTER (SUBSTR(STR(?d), 1, 4) = ?value)",
}
FACET_LINK = re.compile(
    r'<a href="(?P<href>[^"]*)" data-facet="(?P<facet>[a-z]+)" data-value="(?P<value>[^"]*)">'
    r'.*?</a> <span class="count">(?P<count>[0-9,]+)</span>'
)
ROW_IRI = re.compile(r'<tr>\s*<td><a href="[^"]*" title="(?P<iri>[^"]+)"')


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("projects")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def independent(app: Flask, facet: str, value: str) -> set[str]:
    """The projects of one facet value, by a query of the test's own."""
    literal = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    query = (
        f"{PREFIXES}SELECT DISTINCT ?p WHERE {{ BIND ({literal} AS ?value) "
        f"?p a mhkg:Project . {INDEPENDENT[facet]} }}"
    )
    return {str(row["p"]) for row in app.extensions["mhkg.store"].query(query).rows}


def listed(client: FlaskClient, **args) -> list[str]:
    """The projects /projects lists (as JSON), in order, all on one page."""
    pairs = [
        (k, v)
        for k, values in args.items()
        for v in ([values] if isinstance(values, str) else values)
    ]
    response = client.get("/projects?" + urlencode([*pairs, ("limit", "200"), ("format", "json")]))
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return [b["project"]["value"] for b in bindings(response)]


def facet_counts(page: str) -> dict[tuple[str, str], tuple[int, str]]:
    """(facet, value) → (count, link) as the page lists them."""
    return {
        (m["facet"], html.unescape(m["value"])): (int(m["count"].replace(",", "")), m["href"])
        for m in FACET_LINK.finditer(page)
    }


def page_of(client: FlaskClient, query: str = "") -> str:
    response = client.get(f"/projects{query}", headers=HTML)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    well_formed_html(response)
    return response.get_data(as_text=True)


def test_every_facet_value_narrows_to_its_projects(app: Flask, client: FlaskClient) -> None:
    counts = facet_counts(page_of(client))
    assert {facet for facet, _ in counts} == set(FACETS)  # every facet has values on the seeds
    for (facet, value), (count, href) in counts.items():
        expected = independent(app, facet, value)
        assert count == len(expected), (facet, value)
        response = client.get(html.unescape(href) + "&format=json&limit=200")
        shown = {b["project"]["value"] for b in bindings(response)}
        if facet != "organisation":  # its link also names the role: checked below
            assert shown == expected, (facet, value)
        else:
            assert shown <= expected and shown, (facet, value)


def test_organisation_by_role(app: Flask, client: FlaskClient) -> None:
    counts = facet_counts(page_of(client))
    for (facet, value), (count, href) in counts.items():
        if facet != "organisation":
            continue
        role = re.search(r"role=([a-z]+)", href)[1]
        expected = independent(app, "organisation", value) & independent(app, "role", role)
        assert count == len(expected)
        assert set(listed(client, organisation=value, role=role)) == expected


def test_counts_follow_the_selection(app: Flask, client: FlaskClient) -> None:
    """Under a chosen country, another facet's counts are of that country's projects; the
    country facet itself keeps its counts (choosing a second country adds to the first)."""
    whole = facet_counts(page_of(client))
    narrowed = facet_counts(page_of(client, "?country=GIN"))
    guinea = independent(app, "country", "GIN")
    assert guinea
    for (facet, value), (count, _) in narrowed.items():
        if facet == "country":
            assert count == whole[(facet, value)][0]
        elif facet != "organisation":
            assert count == len(independent(app, facet, value) & guinea), (facet, value)
    assert ("sdg", "10") in whole and ("sdg", "10") not in narrowed  # Guinea's goal is 3 only


def test_repeated_facet_is_either_value(app: Flask, client: FlaskClient) -> None:
    either = set(listed(client, country=["GIN", "BLR"]))
    assert either == independent(app, "country", "GIN") | independent(app, "country", "BLR")
    assert len(either) == 2


def test_different_facets_are_all(app: Flask, client: FlaskClient) -> None:
    both = set(listed(client, sdg="3", country="BLR"))
    expected = independent(app, "sdg", "3") & independent(app, "country", "BLR")
    assert both == expected and len(both) == 1
    assert both != independent(app, "sdg", "3")  # the second facet did narrow
    three = set(listed(client, sdg="3", role="funder", kind="Fund"))
    assert three == independent(app, "sdg", "3") & independent(app, "kind", "Fund")
    assert listed(client, country="GIN", year="2013") == []  # Guinea's project starts in 2019


def test_words_in_titles_and_descriptions(app: Flask, client: FlaskClient) -> None:
    store = app.extensions["mhkg.store"]
    texts: dict[str, str] = {}
    query = (
        PREFIXES + "SELECT ?p ?t WHERE { ?p a mhkg:Project ; dcterms:title|dcterms:description ?t }"
    )
    for row in store.query(query).rows:
        texts[str(row["p"])] = texts.get(str(row["p"]), "") + " " + str(row["t"]).lower()
    for words in ("diaspora", "Health Sector", "communicable"):
        expected = {p for p, text in texts.items() if words.lower() in text}
        assert expected, words
        assert set(listed(client, q=words)) == expected
    assert listed(client, q="no project says this") == []


@pytest.mark.parametrize("column", ["title", "code", "budget", "years", "countries"])
def test_sort(client: FlaskClient, column: str) -> None:
    up = client.get(f"/projects?format=json&sort={column}")
    down = client.get(f"/projects?format=json&sort=-{column}")
    variable = {"years": "startYear"}.get(column, column)

    def keys(response) -> list:
        values = [b.get(variable, {}).get("value") for b in bindings(response)]
        known = [v for v in values if v is not None]
        if column == "budget":
            return [float(v) for v in known]
        if column == "countries":
            return [min(v.split()) for v in known]
        return known

    ascending, descending = keys(up), keys(down)
    assert ascending == sorted(ascending) and len(ascending) >= 2
    assert descending == sorted(descending, reverse=True)
    assert ascending != descending


def test_pages_make_the_whole(client: FlaskClient) -> None:
    for sort in ("title", "-budget", "funders"):
        whole = [
            b["project"]["value"]
            for b in bindings(client.get(f"/projects?format=json&sort={sort}"))
        ]
        assert len(whole) == 6
        pieces = []
        for offset in range(0, 8, 2):
            page = client.get(f"/projects?format=json&sort={sort}&limit=2&offset={offset}")
            pieces += [b["project"]["value"] for b in bindings(page)]
        assert pieces == whole, sort


def test_page_links(client: FlaskClient) -> None:
    page = page_of(client, "?limit=2&offset=2")
    assert "1–2 of 6" not in page and "3–4 of 6 projects" in page
    assert 'rel="prev" href="/projects?limit=2"' in page
    assert 'rel="next" href="/projects?limit=2&amp;offset=4"' in page
    assert 'rel="next"' not in page_of(client, "?limit=2&offset=4")


def test_csv_and_json_are_the_rows_shown(client: FlaskClient) -> None:
    query = "?sort=-budget&limit=4&offset=1"
    shown = [html.unescape(m["iri"]) for m in ROW_IRI.finditer(page_of(client, query))]
    assert len(shown) == 4
    as_json = [b["project"]["value"] for b in bindings(client.get(f"/projects{query}&format=json"))]
    response = client.get(f"/projects{query}", headers={"Accept": "text/csv"})
    assert response.mimetype == "text/csv"
    as_csv = [
        row["project"] for row in csv.DictReader(io.StringIO(response.get_data(as_text=True)))
    ]
    assert shown == as_json == as_csv
    negotiated = client.get(
        f"/projects{query}", headers={"Accept": "application/sparql-results+json"}
    )
    assert [b["project"]["value"] for b in bindings(negotiated)] == as_json


def test_the_sparql_shown_gives_the_rows(client: FlaskClient) -> None:
    query = "?sdg=3&sort=code"
    page = page_of(client, query)
    shown = html.unescape(re.search(r'<code id="rows-sparql">(.*?)</code>', page, re.S)[1])
    answer = client.post(
        "/sparql", data={"query": shown}, headers={"Accept": "application/sparql-results+json"}
    )
    assert answer.status_code == 200
    assert bindings(answer) == bindings(client.get(f"/projects{query}&format=json"))
    assert len(bindings(answer)) == 2
    selection = html.unescape(re.search(r'<code id="page-sparql">(.*?)</code>', page, re.S)[1])
    order = client.post(
        "/sparql", data={"query": selection}, headers={"Accept": "application/sparql-results+json"}
    )
    assert [b["project"] for b in bindings(order)] == [b["project"] for b in bindings(answer)]
    assert 'href="/sparql?query=' in page  # opens in the editor


@pytest.mark.parametrize(
    "query",
    [
        "country=GN", "country=G1N", "sdg=18", "sdg=three", "organisation=not%20an%20iri",
        "role=boss", "kind=ministry", "status=Not%20A%20Slug", "type=%3Cx%3E", "year=20x5",
        "year=13", "sort=colour", "sort=-", "limit=-1", "limit=0", "offset=x", "colour=red",
        "sort=title&sort=code", "q=" + "x" * 201, "region=africa%22%20%7D",
    ],
)  # fmt: skip
def test_bad_parameters(client: FlaskClient, query: str) -> None:
    error_of(client.get(f"/projects?{query}"), 400)


def test_values_reach_the_query_as_terms(client: FlaskClient) -> None:
    """Quotes and braces in the words are a literal's characters, not SPARQL."""
    page = page_of(client, "?" + urlencode({"q": 'he"alth } UNION { ?x ?y ?z'}))
    sparql = html.unescape(re.search(r'<code id="page-sparql">(.*?)</code>', page, re.S)[1])
    assert '"he\\"alth } union { ?x ?y ?z"' in sparql
    assert "no project" in page


def test_row_limit_is_capped(client: FlaskClient) -> None:
    response = client.get("/projects?limit=100000&format=json")
    assert response.status_code == 200 and len(bindings(response)) == 6
    sparql = re.search(r"LIMIT ([0-9]+)", html.unescape(page_of(client, "?limit=100000")))
    assert sparql and int(sparql[1]) == 200


def test_linked_from_home_and_described(client: FlaskClient) -> None:
    assert 'href="/projects"' in page_of(client, "") and 'href="/projects"' in client.get(
        "/", headers=HTML
    ).get_data(as_text=True)
    described = client.get("/openapi.json").get_json()["paths"]["/projects"]["get"]
    assert {p["name"] for p in described["parameters"]} >= {*FACETS, "q", "sort", "limit"}


def test_explore_opens_with_the_selection(client: FlaskClient) -> None:
    page = page_of(client, "?country=GIN&sdg=3")
    link = html.unescape(
        re.search(r'<a href="([^"]*)">the network of these organisations', page)[1]
    )
    assert link.startswith("/explore?") and "country=GIN" in link and "sdg=3" in link
    explorer = client.get(link, headers=HTML).get_data(as_text=True)
    assert '<option value="GIN" selected>' in explorer
    assert re.search(r'<option value="3" selected>3\.', explorer)


@pytest.mark.parametrize(
    "query", ["", "?country=GIN&country=BLR", "?sdg=3", "?role=funder&q=health"]
)
def test_broad_selections_count_alike(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """A selection taken for a broad one (its facets counted by a join of two groups) has the
    counts that looking up each project's values gives."""
    narrow = facet_counts(page_of(client, query))
    monkeypatch.setattr(facets, "BROAD", -1)
    assert facet_counts(page_of(client, query)) == narrow
    assert narrow
