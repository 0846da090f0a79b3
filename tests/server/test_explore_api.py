"""The exploration API on the seeds: /explore/search, /neighbours, /paths, /network."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator

import networkx as nx
import pytest
from flask import Flask
from flask.testing import FlaskClient

from .fixtures_app import app_over, error_of, writer

BELARUS_MINISTRY = "https://w3id.org/mhkg/id/organisation/ministry-of-healthcare-blr"
FUND = "https://w3id.org/mhkg/id/organisation/iom-development-fund"
IOM = "https://w3id.org/mhkg/id/organisation/international-organization-for-migration"


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("explore-api")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_search_for_autocomplete(client) -> None:
    response = client.get("/explore/search?q=ministry+of+healthc&type=Organisation")
    assert response.status_code == 200
    first = response.get_json()["results"][0]
    assert first["iri"] == BELARUS_MINISTRY
    assert first["type"] == "Organisation" and first["kind"] == "Ministry"
    assert first["href"] == "/id/organisation/ministry-of-healthcare-blr"
    assert 0 < first["score"] <= 1


def test_neighbours_of_a_named_entity(client) -> None:
    data = client.get("/explore/neighbours?entity=Ministry+of+Healthcare+of+Belarus").get_json()
    assert data["focus"]["iri"] == BELARUS_MINISTRY
    labels = {n["label"]: n for n in data["nodes"]}
    project = labels[
        "Supporting National Capacities in Migration Health Focusing on Communicable Diseases"
    ]
    assert project["type"] == "Project" and project["depth"] == 1
    assert {"from": BELARUS_MINISTRY, "to": project["iri"], "label": "partner in"}.items() <= next(
        e for e in data["edges"] if e["to"] == project["iri"]
    ).items()
    assert data["truncated"] is False
    assert data["sparql"].rstrip().endswith("}")


def test_neighbours_with_filters(client) -> None:
    query = "entity=IOM&depth=2&kind=Ministry&country=SLV,HND&country=GTM&country=NIC"
    data = client.get(f"/explore/neighbours?{query}").get_json()
    ministries = {n["label"] for n in data["nodes"] if n["kind"] == "Ministry"}
    assert ministries == {
        "Ministry of Health of El Salvador",
        "Ministry of Health of Honduras",
        "Ministry of Health of Nicaragua",
    }
    assert data["filters"]["country"] == ["GTM", "HND", "NIC", "SLV"]


def test_paths_between_two_entities(client) -> None:
    response = client.get(f"/explore/paths?from={BELARUS_MINISTRY}&to=IOM+Development+Fund&k=2")
    data = response.get_json()
    assert data["from"]["iri"] == BELARUS_MINISTRY and data["to"]["iri"] == FUND
    first = data["paths"][0]
    assert first["sentence"].startswith("Ministry of Healthcare of Belarus — partner in — ")
    assert first["sentence"].endswith(" — funded by — IOM Development Fund")
    assert [n["type"] for n in first["nodes"]] == ["Organisation", "Project", "Organisation"]
    assert set(first["edges"][0]) == {"from", "to", "property", "label", "role"}
    assert len(data["paths"]) == 2 and "VALUES (?source ?property ?target ?role)" in data["sparql"]


def test_network_json_ranks_brokers(client) -> None:
    data = client.get("/explore/network").get_json()
    by_iri = {n["iri"]: n for n in data["nodes"]}
    assert max(data["nodes"], key=lambda n: n["betweenness"])["iri"] == IOM
    assert by_iri[IOM]["degree"] == max(n["degree"] for n in data["nodes"])
    assert all(e["weight"] == len(e["projects"]) for e in data["edges"])
    assert "sharedProjects" in data["sparql"]


def test_network_downloads(client, tmp_path) -> None:
    graphml = client.get("/explore/network?format=graphml&country=GIN")
    assert graphml.mimetype == "application/graphml+xml"
    assert "attachment" in graphml.headers["Content-Disposition"]
    (tmp_path / "n.graphml").write_bytes(graphml.data)
    assert FUND in nx.read_graphml(tmp_path / "n.graphml")
    by_accept = client.get("/explore/network", headers={"Accept": "application/gexf+xml"})
    assert by_accept.mimetype == "application/gexf+xml"
    rows = list(csv.DictReader(io.StringIO(client.get("/explore/network?format=csv").text)))
    assert rows and set(rows[0]) == {
        "source",
        "sourceName",
        "target",
        "targetName",
        "weight",
        "projects",
    }


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/explore/neighbours", 400, "'entity'"),
        ("/explore/neighbours?entity=Atlantis+Ministry+of+Magic", 404, "no entity is named"),
        ("/explore/neighbours?entity=https://example.org/x", 404, "no entity <"),
        ("/explore/neighbours?entity=Ministry+of+Health+of", 400, "several entities"),
        ("/explore/neighbours?entity=IOM&depth=7", 400, "depth wants"),
        ("/explore/neighbours?entity=IOM&country=Guinea", 400, "alpha-3"),
        ("/explore/paths?from=IOM", 400, "'to'"),
        ("/explore/paths?from=IOM&to=IDF&k=0", 400, "k wants"),
        ("/explore/paths?from=IOM&to=IDF&through=Planet", 400, "through wants"),
        ("/explore/network?format=dot", 400, "format wants"),
        ("/explore/network?role=donor", 400, "role wants"),
        ("/explore/search", 400, "'q'"),
    ],
)
def test_bad_requests_say_what_is_wrong(client, url, status, words) -> None:
    assert words in error_of(client.get(url), status)["detail"]


def test_the_page_offers_the_filters(client) -> None:
    page = client.get("/explore")
    assert page.status_code == 200 and page.mimetype == "text/html"
    text = page.text
    for offered in ("Guinea", "Belarus", "Ministry", "funder"):
        assert offered in text


def test_answers_follow_the_store_when_it_changes(writable_seeded_path, tmp_path) -> None:
    update = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX project: <https://w3id.org/mhkg/id/project/>
    INSERT DATA { GRAPH <urn:test> {
      <urn:test:ngo> a mhkg:CivilSocietyOrganisation ; rdfs:label "Belarus Health Watch" .
      <urn:test:p> a mhkg:Participation ; mhkg:participant <urn:test:ngo> ;
        mhkg:inProject project:supporting-national-capacities-in-migration-health-c94d28e8 ;
        mhkg:role mhkg:partnerRole .
    } }"""
    config, token = writer(tmp_path)
    with app_over(writable_seeded_path, **config) as app:
        client = app.test_client()
        before = client.get("/explore/paths?from=Belarus+Health+Watch&to=IDF")
        assert before.status_code == 404
        response = client.post("/sparql", data={"update": update}, headers=token)
        assert response.status_code == 204, response.get_data(as_text=True)
        after = client.get("/explore/paths?from=Belarus+Health+Watch&to=IDF").get_json()
        assert after["paths"][0]["sentence"].startswith("Belarus Health Watch — partner in — ")


def test_resource_pages_link_to_exploration_when_there_is_something_to_explore(client) -> None:
    page = client.get("/doc/organisation/ministry-of-healthcare-blr.html").text
    assert f'href="/explore?entity={BELARUS_MINISTRY}"' in page
    unrelated = client.get("/doc/sdg/17.html").text  # no project addresses SDG 17
    assert "/explore?entity=" not in unrelated


@pytest.mark.parametrize("value", ["²", "٣", "1e3", "-1"])
def test_numbers_are_ascii_digits(client, value) -> None:
    for url in (f"/explore/neighbours?entity=IOM&depth={value}", f"/explore/network?sdg={value}"):
        assert error_of(client.get(url), 400)["detail"]


def test_a_very_long_name_is_answered_quickly(client) -> None:
    started = time.monotonic()
    response = client.get("/explore/search", query_string={"q": "ministry " * 6000})
    assert response.status_code == 200
    assert time.monotonic() - started < 5  # only the first 200 characters are compared


def test_an_unknown_kind_is_a_bad_request(client) -> None:
    detail = error_of(client.get("/explore/network?kind=Wizard"), 400)["detail"]
    assert "no organisation is of kind Wizard" in detail and "Ministry" in detail


def test_waiting_for_the_graph_is_bounded_by_the_query_timeout(seeded_copy) -> None:
    from mhkg.server import explore as explore_routes

    with app_over(seeded_copy("explore-lock"), QUERY_TIMEOUT=0.5) as app:
        client = app.test_client()
        # another request holds the graph's lock (reading the graph, say) past our time
        assert explore_routes._lock.acquire(timeout=5)
        try:
            started = time.monotonic()
            response = client.get("/explore/search?q=ministry")
            waited = time.monotonic() - started
        finally:
            explore_routes._lock.release()
        assert response.status_code == 503
        assert "stakeholder graph" in response.get_data(as_text=True)
        assert 0.4 <= waited < 5
        # once it is free, the same question is answered
        assert client.get("/explore/search?q=ministry").status_code == 200
