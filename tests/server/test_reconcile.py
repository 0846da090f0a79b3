"""/reconcile: the Reconciliation Service API as OpenRefine speaks it (version 0.2)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .fixtures_app import app_over, error_of

MHKG = "https://w3id.org/mhkg/ontology#"
GUINEA_MINISTRY = "https://w3id.org/mhkg/id/organisation/ministry-of-health-gin"


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("reconcile")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def batch(client: FlaskClient, queries: dict, method: str = "get") -> dict:
    if method == "post":
        response = client.post("/reconcile", data={"queries": json.dumps(queries)})
    else:
        response = client.get("/reconcile?queries=" + quote(json.dumps(queries)))
    assert response.status_code == 200, response.text
    return response.get_json()


def test_manifest(client) -> None:
    manifest = client.get("/reconcile").get_json()
    assert "0.2" in manifest["versions"]
    assert manifest["identifierSpace"] == "https://w3id.org/mhkg/id/"
    assert manifest["schemaSpace"] == MHKG
    assert {t["id"] for t in manifest["defaultTypes"]} == {
        MHKG + "Organisation",
        MHKG + "Country",
        MHKG + "Project",
    }
    assert manifest["view"]["url"].endswith("/reconcile/view?id={{id}}")
    assert manifest["suggest"]["entity"]["service_path"] == "/suggest/entity"


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_batch_of_organisation_country_and_project_names(client, method) -> None:
    answers = batch(
        client,
        {
            "q0": {"query": "IOM Development Fund", "type": MHKG + "Organisation"},
            "q1": {"query": "Belarus", "type": "Country", "limit": 2},
            "q2": {"query": "Diaspora Engagement in Support of the Health Sector in Guinea"},
        },
        method,
    )
    fund = answers["q0"]["result"][0]
    assert fund["id"] == "https://w3id.org/mhkg/id/organisation/iom-development-fund"
    assert fund["match"] is True and fund["score"] == 100
    assert fund["type"] == [{"id": MHKG + "Organisation", "name": "Organisation"}]
    assert answers["q1"]["result"][0]["id"] == "https://w3id.org/mhkg/id/country/BLR"
    assert len(answers["q1"]["result"]) <= 2
    assert answers["q2"]["result"][0]["name"].startswith("Diaspora Engagement")


def test_a_country_property_picks_the_ministry_of_that_country(client) -> None:
    query = {"query": "Ministry of Health", "type": "Organisation"}
    for country, expected in (("GIN", GUINEA_MINISTRY), ("Honduras", "ministry-of-health-hnd")):
        given = {**query, "properties": [{"pid": "country", "v": country}]}
        top = batch(client, {"q": given})["q"]["result"][0]
        assert top["id"].endswith(expected)


def test_a_partial_name_is_a_candidate_not_a_match(client) -> None:
    results = batch(client, {"q": {"query": "Ministry of Health of"}})["q"]["result"]
    assert results and not any(r["match"] for r in results)
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_suggest_and_view(client) -> None:
    suggestions = client.get("/reconcile/suggest/entity?prefix=coord").get_json()["result"]
    assert any(s["name"] == "Coordination Council" for s in suggestions)
    types = client.get("/reconcile/suggest/type?prefix=coun").get_json()["result"]
    assert [t["name"] for t in types] == ["Country"]
    view = client.get(f"/reconcile/view?id={GUINEA_MINISTRY}")
    assert view.status_code == 303
    assert view.headers["Location"].endswith("/id/organisation/ministry-of-health-gin")


def test_an_iri_of_ours_matches_its_entity(client) -> None:
    (top,) = batch(client, {"q": {"query": GUINEA_MINISTRY}})["q"]["result"]
    assert (top["id"], top["score"], top["match"]) == (GUINEA_MINISTRY, 100, True)


def test_a_kind_may_be_the_type_and_a_large_limit_is_cut(client) -> None:
    results = batch(client, {"q": {"query": "Ministry", "type": "Ministry", "limit": 500}})
    names = [r["name"] for r in results["q"]["result"]]
    assert names and all(n.startswith("Ministry of") for n in names)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"limit": 3}, "'query' wants a name"),
        ({"query": "x", "type": "Planet"}, "no type 'Planet'"),
        ({"query": "x", "limit": 0}, "'limit'"),
        ({"query": "x", "properties": {"pid": "country"}}, "properties wants a list"),
        ("Guinea", "a query is an object"),
    ],
)
def test_a_query_that_cannot_be_read_gets_no_candidates_and_the_batch_goes_on(
    client, query, words
) -> None:
    answers = batch(client, {"bad": query, "good": {"query": "Guinea", "type": "Country"}})
    assert answers["bad"]["result"] == [] and words in answers["bad"]["error"]
    assert answers["good"]["result"][0]["id"] == "https://w3id.org/mhkg/id/country/GIN"


def test_properties_alone_name_nothing(client) -> None:
    answers = batch(client, {"q": {"properties": [{"pid": "country", "v": "GIN"}]}})
    assert answers["q"] == {"result": []}


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/reconcile?queries=not-json", 400, "not JSON"),
        ("/reconcile?queries=[1,2]", 400, "an object of queries"),
        (
            "/reconcile?queries="
            + quote(json.dumps({f"q{i}": {"query": "x"} for i in range(101)})),
            413,
            "at most 100",
        ),
        ("/reconcile/suggest/entity?prefix=x&type=Planet", 400, "no type"),
        ("/reconcile/view?id=https://example.org/nothing", 404, "no entity"),
    ],
)
def test_bad_batches(client, url, status, words) -> None:
    assert words in error_of(client.get(url), status)["detail"]
