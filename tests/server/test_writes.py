"""Writes over HTTP: tokens (401/403), the Graph Store Protocol at /data, SPARQL Update, and
the rule that a write which breaks a shape is refused with its report and leaves the store
as it was."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from rdflib import BNode, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SH

from mhkg import tokens
from mhkg.cli import main
from mhkg.iri import Minter
from mhkg.store import Store

from .fixtures_app import app_over, error_of, writer

PERSON = b"""@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<http://www.example/person/1> a foaf:Person ; foaf:name "Jane Doe" ; foaf:knows [ foaf:name "B" ] .
"""
BAD_PROJECT = b"""@prefix mhkg: <https://w3id.org/mhkg/ontology#> .
<http://www.example/project/x> a mhkg:Project .
"""  # a project without its one label
PROJECT = (
    "https://w3id.org/mhkg/id/project/supporting-national-capacities-in-migration-health-c94d28e8"
)
TURTLE = "text/turtle"


@pytest.fixture(scope="module")
def setup(seeded_copy, tmp_path_factory) -> Iterator[tuple[Flask, dict[str, str], str]]:
    folder = tmp_path_factory.mktemp("writes")
    config, token = writer(folder)
    with app_over(seeded_copy("writes"), **config) as app:
        yield app, token, config["TOKENS"]


@pytest.fixture
def client(setup) -> FlaskClient:
    return setup[0].test_client()


@pytest.fixture
def token(setup) -> dict[str, str]:
    return setup[1]


def store_of(client: FlaskClient) -> Store:
    return client.application.extensions["mhkg.store"]


def data_url(graph: str) -> str:
    return f"/data?graph={quote(graph, safe='')}"


def quads(store: Store) -> set[tuple]:
    """Every statement of every named graph, blank nodes aside (their labels change when a
    graph is written again)."""
    rows = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    return {
        (r["g"], r["s"], r["p"], r["o"])
        for r in rows
        if not any(isinstance(r[v], BNode) for v in "spo")
    }


def union(store: Store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"])


# --- tokens ------------------------------------------------------------------------------


def test_a_tokens_file_holds_only_hashes(tmp_path) -> None:
    path = tmp_path / "config" / "tokens.json"
    token = tokens.new(path, "curator")
    assert token.startswith(tokens.PREFIX) and len(token) > 40
    text = path.read_text()
    assert token not in text and tokens.digest(token) in text
    assert path.stat().st_mode & 0o777 == 0o600
    assert tokens.read(path).holder(token) == "curator"
    assert tokens.read(path).holder(token + "x") is None
    with pytest.raises(tokens.ConfigurationError, match="exists"):
        tokens.new(path, "curator")
    second = tokens.new(path, "robot")
    tokens.revoke(path, "curator")
    assert tokens.read(path).holder(token) is None
    assert tokens.read(path).holder(second) == "robot"
    with pytest.raises(tokens.ConfigurationError, match="no token named 'curator'"):
        tokens.revoke(path, "curator")
    path.write_text("{not json")
    with pytest.raises(tokens.ConfigurationError, match="not an mhkg tokens file"):
        tokens.read(path)


def test_the_token_command_prints_the_token_once(tmp_path, monkeypatch) -> None:
    path = tmp_path / "tokens.json"
    monkeypatch.setenv("MHKG_TOKENS", str(path))  # the default file
    made = CliRunner().invoke(main, ["token", "new", "curator"])
    assert made.exit_code == 0, made.stderr
    lines = made.stdout.splitlines()
    assert len(lines) == 1 and tokens.read(path).holder(lines[0]) == "curator"
    again = CliRunner().invoke(main, ["token", "new", "curator", "--tokens", str(path)])
    assert again.exit_code == 1 and "exists" in again.stderr and not again.stdout
    revoked = CliRunner().invoke(main, ["token", "revoke", "curator", "--tokens", str(path)])
    assert revoked.exit_code == 0
    assert tokens.read(path).hashes == {}


# --- who may write -----------------------------------------------------------------------


def test_without_a_tokens_file_every_write_is_refused(seeded_path) -> None:
    with app_over(seeded_path, QUERY_WORKERS=1) as app:
        client = app.test_client()
        bearer = {"Authorization": "Bearer mhkg_anything"}
        for response in (
            client.put(data_url("urn:x:g"), data=PERSON, content_type=TURTLE, headers=bearer),
            client.delete(data_url("urn:x:g"), headers=bearer),
            client.post("/sparql", data={"update": "CLEAR ALL"}, headers=bearer),
        ):
            assert "read-only" in error_of(response, 403)["detail"]
        assert client.get(data_url(str(Minter().system_graph("ontology")))).status_code == 200


def test_a_write_needs_a_valid_token(client, token, setup) -> None:
    url = data_url("urn:x:token-test")
    response = client.put(url, data=PERSON, content_type=TURTLE)
    error_of(response, 401)
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="mhkg"'
    response = client.put(url, data=PERSON, content_type=TURTLE,
                          headers={"Authorization": "Bearer mhkg_wrong"})  # fmt: skip
    error_of(response, 401)
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    basic = {"Authorization": "Basic dXNlcjpwYXNz"}
    error_of(client.put(url, data=PERSON, content_type=TURTLE, headers=basic), 401)
    assert client.get(url).status_code == 404  # nothing was written
    assert client.put(url, data=PERSON, content_type=TURTLE, headers=token).status_code == 201


def test_a_revoked_token_stops_working_at_once(client, setup) -> None:
    path = setup[2]
    secret = tokens.new(Path(path), "short-lived")
    bearer = {"Authorization": f"Bearer {secret}"}
    url = data_url("urn:x:revoked")
    assert client.put(url, data=PERSON, content_type=TURTLE, headers=bearer).status_code == 201
    tokens.revoke(Path(path), "short-lived")
    error_of(client.delete(url, headers=bearer), 401)
    assert client.get(url).status_code == 200


# --- the Graph Store Protocol ------------------------------------------------------------


def test_put_get_head_post_delete(client, token, parse_rdf) -> None:
    url = data_url("http://www.example/gsp/person/1")
    assert client.get(url).status_code == 404
    assert client.head(url).status_code == 404
    assert client.put(url, data=PERSON, content_type=TURTLE, headers=token).status_code == 201
    assert client.put(url, data=PERSON, content_type=TURTLE, headers=token).status_code == 204
    response = client.get(url, headers={"Accept": TURTLE})
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert isomorphic(Graph().parse(data=response.text, format="turtle"),
                      Graph().parse(data=PERSON, format="turtle"))  # fmt: skip
    head = client.head(url, headers={"Accept": TURTLE})
    assert head.status_code == 200 and not head.data
    more = b'<http://www.example/person/1> <http://xmlns.com/foaf/0.1/familyName> "Doe" .'
    response = client.post(url, data=more, content_type="application/n-triples", headers=token)
    assert response.status_code == 204
    merged = Graph().parse(data=client.get(url, headers={"Accept": TURTLE}).text, format="turtle")
    assert len(merged) == 5
    as_json_ld = client.get(url, headers={"Accept": "application/ld+json"})
    assert len(parse_rdf(as_json_ld.text, "json-ld")) == 5
    assert client.delete(url, headers=token).status_code == 204
    assert client.get(url).status_code == 404
    assert client.delete(url, headers=token).status_code == 404


def test_a_post_to_the_store_makes_a_new_graph(client, token) -> None:
    response = client.post("/data", data=PERSON, content_type=TURTLE, headers=token)
    assert response.status_code == 201
    created = response.headers["Location"]
    assert created.startswith(str(Minter().system_graph("uploaded")))
    assert len(Graph().parse(data=client.get(data_url(created)).text, format="turtle")) == 4


def test_the_default_graph_is_a_graph_of_its_own_inside_the_union(client, token) -> None:
    triple = b"<http://www.example/d> <http://www.example/p> <http://www.example/o> ."
    assert client.put("/data?default", data=triple, content_type="application/n-triples",
                      headers=token).status_code in (201, 204)  # fmt: skip
    got = Graph().parse(data=client.get("/data?default").text, format="turtle")
    assert len(got) == 1
    ask = "ASK { <http://www.example/d> <http://www.example/p> <http://www.example/o> }"
    assert store_of(client).query(ask).boolean is True  # queries see it in the union
    error_of(client.get("/data?default&graph=urn:x:g"), 400)
    error_of(client.get("/data"), 400)


def test_multipart_bodies_merge_their_parts(client, token) -> None:
    url = data_url("http://www.example/gsp/multipart")
    parts = {
        "a.ttl": (PERSON, "a.ttl", TURTLE),
        "b.nt": (b'<http://www.example/person/1> <http://xmlns.com/foaf/0.1/age> "40" .',
                 "b.nt", "application/n-triples"),
    }  # fmt: skip
    data = {name: (BytesIO(body), filename, kind) for name, (body, filename, kind) in parts.items()}
    response = client.put(url, data=data, content_type="multipart/form-data", headers=token)
    assert response.status_code == 201, response.text
    assert len(Graph().parse(data=client.get(url).text, format="turtle")) == 5


@pytest.mark.parametrize(
    ("body", "content_type", "status", "words"),
    [
        (PERSON, "text/plain", 415, "text/turtle"),
        (b"<a> <b> .", TURTLE, 400, "not valid"),
        (b"<http://a> <http://b> <http://c> <http://g> .", "application/n-quads", 400,
         "named graph"),
    ],
)  # fmt: skip
def test_bodies_that_are_not_one_graph_are_refused(client, token, body, content_type, status,
                                                   words) -> None:  # fmt: skip
    url = data_url("urn:x:refused-body")
    response = client.put(url, data=body, content_type=content_type, headers=token)
    assert words in error_of(response, status)["detail"]
    assert client.get(url).status_code == 404


def test_nothing_a_body_says_is_fetched(client, token) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    accepted = []

    def accept() -> None:
        with contextlib.suppress(OSError):  # the timeout: nobody came
            accepted.append(listener.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    json_ld = json.dumps({"@context": f"http://127.0.0.1:{port}/context.jsonld",
                          "@id": "http://www.example/a", "name": "A"}).encode()  # fmt: skip
    xml_entity = f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/entity">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>""".encode()
    url = data_url("urn:x:fetching-body")
    for body, kind in ((json_ld, "application/ld+json"), (xml_entity, "application/rdf+xml")):
        error_of(client.put(url, data=body, content_type=kind, headers=token), 400)
    thread.join()
    listener.close()
    assert accepted == []


def test_entities_that_expand_without_bound_are_refused(client, token) -> None:
    entities = "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10 if i else "x" * 10}">' for i in range(9)
    )
    body = f"""<?xml version="1.0"?><!DOCTYPE rdf:RDF [{entities}]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">
<rdf:Description rdf:about="http://e/a"><e:p>&e8;</e:p></rdf:Description></rdf:RDF>"""
    response = client.put(data_url("urn:x:laughs"), data=body.encode(),
                          content_type="application/rdf+xml", headers=token)  # fmt: skip
    assert "declares entities" in error_of(response, 400)["detail"]


def test_mhkgs_own_graphs_are_not_written(client, token) -> None:
    minter = Minter()
    for name in ("ontology", "reference", "derived"):
        url = data_url(str(minter.system_graph(name)))
        error_of(client.put(url, data=PERSON, content_type=TURTLE, headers=token), 403)
        error_of(client.delete(url, headers=token), 403)
        assert client.get(url).status_code == 200
    update = f"INSERT DATA {{ GRAPH <{minter.system_graph('ontology')}> {{ <urn:a> <urn:b> 1 }} }}"
    error_of(client.post("/sparql", data={"update": update}, headers=token), 403)


# --- a write that breaks a shape ---------------------------------------------------------


def test_a_graph_that_breaks_a_shape_is_refused_with_its_report(client, token) -> None:
    url = data_url("http://www.example/gsp/valid-then-not")
    assert client.put(url, data=PERSON, content_type=TURTLE, headers=token).status_code == 201
    store = store_of(client)
    before, before_union = quads(store), union(store)
    response = client.put(url, data=BAD_PROJECT, content_type=TURTLE, headers=token)
    assert response.status_code == 422
    report = response.get_json()["report"]
    assert report["conforms"] is False
    assert {r["focusNode"] for r in report["results"]} == {"http://www.example/project/x"}
    assert report["results"][0]["graph"] == "http://www.example/gsp/valid-then-not"
    as_turtle = client.put(url, data=BAD_PROJECT, content_type=TURTLE,
                           headers={**token, "Accept": TURTLE})  # fmt: skip
    assert as_turtle.status_code == 422 and as_turtle.mimetype == TURTLE
    shacl = Graph().parse(data=as_turtle.text, format="turtle")
    assert (None, SH.focusNode, URIRef("http://www.example/project/x")) in shacl
    merged = client.post(url, data=BAD_PROJECT, content_type=TURTLE, headers=token)
    assert merged.status_code == 422
    assert quads(store) == before and union(store) == before_union
    assert len(Graph().parse(data=client.get(url).text, format="turtle")) == 4


def test_a_graph_is_read_with_what_the_store_says_about_what_it_mentions(client, token) -> None:
    """A participation written alone names a project another graph describes."""
    participation = f"""@prefix mhkg: <https://w3id.org/mhkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:ngo> a mhkg:CivilSocietyOrganisation ; rdfs:label "Harbour Health Watch" .
<urn:x:part> a mhkg:Participation ; mhkg:participant <urn:x:ngo> ;
    mhkg:inProject <{PROJECT}> ; mhkg:role mhkg:partnerRole .
""".encode()
    url = data_url("urn:x:participation")
    response = client.put(url, data=participation, content_type=TURTLE, headers=token)
    assert response.status_code == 201, response.text
    ask = f"ASK {{ <urn:x:ngo> mhkg:worksWith ?other . ?p mhkg:inProject <{PROJECT}> }}"
    assert store_of(client).query(ask).boolean is True  # the derived links follow
    wrong = participation.replace(PROJECT.encode(), b"urn:x:no-such-project")
    response = client.put(url, data=wrong, content_type=TURTLE, headers=token)
    assert response.status_code == 422
    results = response.get_json()["report"]["results"]
    assert [(r["focusNode"], r["resultPath"]) for r in results] == [
        ("urn:x:part", "https://w3id.org/mhkg/ontology#inProject")
    ]


def test_an_update_that_breaks_a_shape_leaves_the_store_as_it_was(client, token) -> None:
    store = store_of(client)
    named = data_url("urn:x:kept")
    assert client.put(named, data=PERSON, content_type=TURTLE, headers=token).status_code == 201
    before, before_union, graphs = quads(store), union(store), store.graph_names()
    update = """
        DELETE DATA { GRAPH <urn:x:kept> { <http://www.example/person/1> foaf:name "Jane Doe" } } ;
        INSERT DATA { GRAPH <urn:x:new> { <http://www.example/project/y> a mhkg:Project } }"""
    response = client.post("/sparql", data={"update": update}, headers=token)
    assert response.status_code == 422
    assert response.get_json()["report"]["results"][0]["graph"] == "urn:x:new"
    assert quads(store) == before and union(store) == before_union
    assert store.graph_names() == graphs  # <urn:x:new> is gone again


def test_clear_all_then_an_invalid_insert_puts_everything_back(client, token) -> None:
    store = store_of(client)
    before, before_union = quads(store), union(store)
    update = "CLEAR ALL ; INSERT DATA { GRAPH <urn:x:after> { <urn:x:p> a mhkg:Project } }"
    error_of(client.post("/sparql", data={"update": update}, headers=token), 422)
    assert quads(store) == before and union(store) == before_union


@pytest.mark.parametrize(
    ("update", "words"),
    [
        ("INSERT DATA { <urn:x:s> <urn:x:p> 1 }", "default graph"),
        ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "default graph"),
        ("INSERT { GRAPH ?g { <urn:x:s> <urn:x:p> 1 } } WHERE { GRAPH ?g { ?s ?p ?o } }", "?g"),
        ("ADD <urn:x:kept> TO DEFAULT", "default graph"),
        ("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 1 }", "does not parse"),
    ],
)
def test_updates_whose_graphs_cannot_be_known_beforehand_are_refused(client, token, update,
                                                                     words) -> None:  # fmt: skip
    store = store_of(client)
    before = quads(store)
    assert words in error_of(client.post("/sparql", data={"update": update}, headers=token),
                             400)["detail"]  # fmt: skip
    assert quads(store) == before


def test_the_protocols_dataset_and_base_apply_to_an_update(client, token) -> None:
    source, target = "urn:x:using-source", "urn:x:using-target"
    document = (b"<http://www.example/u> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                b"<http://xmlns.com/foaf/0.1/Document> .")  # fmt: skip
    assert client.put(data_url(source), data=document, content_type="application/n-triples",
                      headers=token).status_code == 201  # fmt: skip
    update = (f"INSERT {{ GRAPH <{target}> {{ ?s a <http://purl.org/dc/terms/Text> }} }} "
              "WHERE { ?s a foaf:Document }")  # fmt: skip
    url = f"/sparql?using-graph-uri={quote(source, safe='')}"
    response = client.post(url, data=update, content_type="application/sparql-update",
                           headers=token)  # fmt: skip
    assert response.status_code == 204, response.text
    assert len(Graph().parse(data=client.get(data_url(target)).text, format="turtle")) == 1
    conflict = f"INSERT {{ GRAPH <{target}> {{ ?s ?p ?o }} }} USING <{source}> WHERE {{ ?s ?p ?o }}"
    response = client.post(url, data=conflict, content_type="application/sparql-update",
                           headers=token)  # fmt: skip
    assert "one way" in error_of(response, 400)["detail"]
    relative = "INSERT DATA { GRAPH <urn:x:base> { <urn:x:s> <urn:x:p> <relative> } }"
    assert client.post("/sparql", data={"update": relative}, headers=token).status_code == 204
    got = store_of(client).query("SELECT ?o WHERE { GRAPH <urn:x:base> { ?s ?p ?o } }").rows
    assert str(got[0]["o"]) == "http://localhost/relative"


# --- records uploaded --------------------------------------------------------------------

CSV = (
    "Title,Projects ID,Year,Benefiting Member States,Description\n"
    "Nurses for the Harbour Clinics,XX.0001,2019,Kenya,Training for nurses in Mombasa.\n"
    ",XX.0002,2019,Kenya,A row without its title.\n"
)


def test_records_uploaded_are_loaded_as_mhkg_load_loads_them(client, token) -> None:
    error_of(client.post("/records?name=upload.csv", data=CSV, content_type="text/csv"), 401)
    response = client.post("/records?name=harbour.csv", data=CSV, content_type="text/csv",
                           headers=token)  # fmt: skip
    assert response.status_code == 200, response.text
    answer = response.get_json()
    assert answer["records"] == 1 and len(answer["loaded"]) == 1
    assert answer["loaded"][0]["source"] == "harbour.csv"
    [refusal] = answer["rejected"]
    assert refusal["source"] == "harbour.csv" and refusal["record"] and refusal["reason"]
    ask = 'ASK { ?p a mhkg:Project ; rdfs:label "Nurses for the Harbour Clinics" }'
    assert store_of(client).query(ask).boolean is True


def test_an_upload_of_only_refused_records_is_422(client, token) -> None:
    only_bad = "Title,Projects ID,Year\n,XX.0003,2019\n"
    response = client.post("/records?name=bad.csv", data=only_bad, content_type="text/csv",
                           headers=token)  # fmt: skip
    assert response.status_code == 422
    assert response.get_json()["records"] == 0 and response.get_json()["rejected"]


def test_records_in_a_form_and_in_rdf(client, token) -> None:
    files = {
        "first": (BytesIO(CSV.encode()), "clinics/form.csv", "text/csv"),
        "second": (BytesIO(PERSON), "person.ttl", "text/turtle"),
    }
    response = client.post("/records", data=files, content_type="multipart/form-data",
                           headers=token)  # fmt: skip
    assert response.status_code == 200, response.text
    sources = {item["source"] for item in response.get_json()["loaded"]}
    assert sources == {"form.csv", "person.ttl"}  # the client's folders are dropped
    error_of(client.post("/records", data=b"\x00\x01", content_type="application/octet-stream",
                         headers=token), 415)  # fmt: skip
