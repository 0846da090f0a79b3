"""Exploration and reconciliation over real HTTP, against `mhkg serve` on 127.0.0.1, as a
script or OpenRefine would call them (form-encoded POST for reconciliation batches)."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import networkx as nx

TIMEOUT = 30


def fetch(url: str, data: dict | None = None, accept: str = "application/json") -> tuple:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.headers.get_content_type(), response.read()


def test_openrefine_style_reconciliation(live_server: str) -> None:
    _, manifest = fetch(f"{live_server}/reconcile")
    assert json.loads(manifest)["versions"] == ["0.2"]
    queries = {
        "q0": {"query": "Ministry of Health", "type": "Organisation", "limit": 3,
               "properties": [{"pid": "country", "v": "HND"}]},
        "q1": {"query": "Guinea", "type": "Country"},
    }  # fmt: skip
    media_type, body = fetch(f"{live_server}/reconcile", {"queries": json.dumps(queries)})
    answers = json.loads(body)
    assert media_type == "application/json"
    assert answers["q0"]["result"][0]["id"].endswith("/organisation/ministry-of-health-hnd")
    assert answers["q1"]["result"][0]["match"] is True


def test_a_path_and_the_network_over_http(live_server: str, tmp_path) -> None:
    query = urllib.parse.urlencode({"from": "Ministry of Healthcare", "to": "IDF", "k": 1})
    _, body = fetch(f"{live_server}/explore/paths?{query}")
    (path,) = json.loads(body)["paths"]
    assert path["sentence"].endswith("— funded by — IOM Development Fund")
    media_type, graphml = fetch(f"{live_server}/explore/network", accept="application/graphml+xml")
    assert media_type == "application/graphml+xml"
    (tmp_path / "network.graphml").write_bytes(graphml)
    network = nx.read_graphml(tmp_path / "network.graphml")
    assert network.number_of_nodes() > 10
