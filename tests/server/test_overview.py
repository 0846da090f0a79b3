"""/overview on the seeds: a chart per spec, each with its CSV, SPARQL and table; the specs are
those `mhkg chart` writes; the facets of /projects narrow them; bad parameters are 400, an
unknown chart 404; linked from the nav, /projects and the OpenAPI description."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from mhkg.iri import base_iri
from mhkg.queries.charts import CHARTS, chart_data, chart_spec
from mhkg.queries.facets import Selection

from .fixtures_app import app_over, error_of, well_formed_html


@pytest.fixture(scope="module")
def app(seeded_copy) -> Iterator[Flask]:
    with app_over(seeded_copy("overview")) as app:
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_the_page_has_every_chart(client: FlaskClient) -> None:
    response = client.get("/overview")
    assert response.status_code == 200
    well_formed_html(response)
    page = response.get_data(as_text=True)
    for name in CHARTS:
        assert f'id="chart-{name}"' in page
        assert f'href="/overview/{name}.csv"' in page
        if name != "co-funding-pairs":  # no project of the seeds has two funders
            assert f'data-spec="/overview/{name}.vl.json"' in page
    assert page.count('<details class="chart-table">') == len(CHARTS) - 1
    pairs = page[page.index('id="chart-co-funding-pairs"') :]
    assert "No data for this selection" in pairs[: pairs.index("</figure>")]
    assert page.count("/sparql?query=") >= len(CHARTS)
    assert "counts whole in each" in page and "never added" in page
    assert 'href="/overview"' in page  # the nav
    assert "vendor/vega/vega-lite.min.js" in page


def test_the_spec_is_the_command_lines(app: Flask, client: FlaskClient) -> None:
    query = "?country=GIN"
    for name, chart in CHARTS.items():
        served = client.get(f"/overview/{name}.vl.json{query}")
        assert served.status_code == 200
        assert served.mimetype == "application/json"
        selection = Selection.parse({"country": ["GIN"]}, base_iri())
        _, rows = chart_data(chart, selection, app.extensions["mhkg.store"].query)
        world = "/static/vendor/vega/countries-110m.json"
        assert json.loads(served.data) == chart_spec(chart, rows, "country=GIN", world)


def test_the_map_shades_the_countries(client: FlaskClient) -> None:
    spec = client.get("/overview/projects-map.vl.json").get_json()
    shapes, shaded = spec["layer"]
    assert shapes["data"]["url"] == "/static/vendor/vega/countries-110m.json"
    with client.get(shapes["data"]["url"]) as atlas:  # a file response: closed after use
        assert atlas.status_code == 200
    rows = shaded["transform"][0]["from"]["data"]["values"]
    guinea = next(row for row in rows if row["key"] == "GIN")
    assert guinea["id"] == "324"  # ISO 3166-1 numeric, the atlas's ids
    assert guinea["projects"] == 1 and guinea["budgets"] == "100,000 USD"


def test_a_facet_narrows_the_data(client: FlaskClient) -> None:
    def projects(query: str) -> int:
        text = client.get(f"/overview/projects-per-sdg.csv{query}").get_data(as_text=True)
        return sum(int(row["projects"]) for row in csv.DictReader(io.StringIO(text)))

    assert 0 < projects("?country=GIN") < projects("")
    page = client.get("/overview?country=GIN").get_data(as_text=True)
    assert 'id="project-count">1 project<' in page
    assert 'href="/projects?country=GIN"' in page


def test_csv_is_the_table(client: FlaskClient) -> None:
    response = client.get("/overview/budget-per-country.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == ["country", "key", "budget", "currency"]
    assert ["Guinea", "GIN", "100000.0", "USD"] in rows


def test_co_funding_pairs(cofunded_copy) -> None:
    """On projects with several funders: the pairs drawn, their table, CSV and SPARQL."""
    with app_over(cofunded_copy("overview-pairs")) as app:
        client = app.test_client()
        page = client.get("/overview?region=africa").get_data(as_text=True)
        well_formed_html(client.get("/overview?region=africa"))
        assert 'data-spec="/overview/co-funding-pairs.vl.json?region=africa"' in page
        figure = page[page.index('id="chart-co-funding-pairs"') :]
        figure = figure[: figure.index("</figure>")]
        assert "IOM Development Fund" in figure and '<th scope="col">with funder</th>' in figure
        assert "/sparql?query=" in figure
        text = client.get("/overview/co-funding-pairs.csv?region=africa").get_data(as_text=True)
        rows = list(csv.DictReader(io.StringIO(text)))
        selection = Selection.parse({"region": ["africa"]}, base_iri())
        _, expected = chart_data(
            CHARTS["co-funding-pairs"], selection, app.extensions["mhkg.store"].query
        )
        assert [(r["funder key"], r["with funder key"], int(r["projects"])) for r in rows] == [
            (e["first"], e["second"], e["projects"]) for e in expected
        ]
        assert rows and all(r["funder"] and r["with funder"] for r in rows)
        spec = client.get("/overview/co-funding-pairs.vl.json?region=africa").get_json()
        assert spec == chart_spec(CHARTS["co-funding-pairs"], expected, "region=africa")


def test_projects_links_here(client: FlaskClient) -> None:
    page = client.get("/projects?sdg=3", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert 'href="/overview?sdg=3"' in page


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/overview?sdg=18", 400, "sdg wants a goal number"),
        ("/overview?sort=title", 400, "takes no parameter sort"),
        ("/overview/projects-per-sdg.csv?country=Guinea", 400, "country wants"),
        ("/overview/no-such-chart.vl.json", 404, "no chart 'no-such-chart'"),
    ],
)
def test_bad_requests(client: FlaskClient, url: str, status: int, message: str) -> None:
    response = client.get(url, headers={"Accept": "application/json"})
    assert message in json.dumps(error_of(response, status))


def test_openapi_describes_it(client: FlaskClient) -> None:
    paths = client.get("/openapi.json").get_json()["paths"]
    assert {"/overview", "/overview/{name}.vl.json", "/overview/{name}.csv"} <= set(paths)
    names = [p["name"] for p in paths["/overview"]["get"]["parameters"]]
    assert {"country", "sdg", "region", "year", "q"} <= set(names)
