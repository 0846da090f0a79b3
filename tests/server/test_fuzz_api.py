"""The HTTP API does what /openapi.json says, under fuzzing.

schemathesis runs over the description as its CLI does (`st run`: the examples the document
gives, the coverage of every parameter's edges and of methods no path lists, then random
requests, valid and invalid) against a real `mhkg serve` over the bundled seeds (the
`live_server` fixture), and checks every answer: no 5xx, a documented status, a documented
media type and headers, a JSON body valid against its schema.

Bounded and deterministic: a fixed seed, derandomised generation, FUZZ_EXAMPLES random
cases per operation (an environment variable; bench/fuzz.md gives a longer run).
The engine is driven from Python (schemathesis.engine) rather than through
`schema.parametrize()`, whose lazy fixture loading fails under pytest 9.2.
"""

from __future__ import annotations

import copy
import json
import os
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field

import jsonschema_rs
import pytest
import schemathesis
from schemathesis import engine
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

BASE = "https://w3id.org/mhkg/"  # the live server's base IRI (the default)
SEED = 20_260_101
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# Operations whose success generated requests may miss: the description gives no example of
# an entity IRI (it depends on the configured base IRI); one is found only in earlier answers.
# The live server takes no writes (it has no tokens file: every write is 403), so a graph
# named by its URL under /data/ never exists there either.
DATA_PATHS = ("/data", "/data/{rest}")
WRITES = {f"{verb} {path}" for verb in ("PUT", "POST", "DELETE") for path in DATA_PATHS}
MAY_MISS = {"GET /reconcile/view", "GET /data/{rest}", "POST /records", *WRITES}


def openapi_document(base_url: str) -> dict:
    with urllib.request.urlopen(f"{base_url}/openapi.json", timeout=30) as response:
        return json.load(response)


def schema_problems(document: dict) -> list[str]:
    """Where the document breaks the OpenAPI 3.1 schema, or holds a schema that is no JSON
    Schema (2020-12) — which the OpenAPI schema itself does not look into."""
    problems = [
        f"{e.instance_path}: {e.message}" for e in OPENAPI_31_VALIDATOR.iter_errors(document)
    ]

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "schema" or where == "/components/schemas":
                    try:
                        jsonschema_rs.meta.validate(value)
                    except jsonschema_rs.ValidationError as error:
                        problems.append(f"{where}/{key}: {error.message}")
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(document, "")
    return problems


def test_the_description_is_valid_openapi_3_1(live_server: str) -> None:
    document = openapi_document(live_server)
    assert schema_problems(document) == []
    broken = copy.deepcopy(document)  # the validation can fail, on either kind of problem
    del broken["paths"]["/sparql"]["get"]["responses"]["200"]["description"]
    broken["components"]["schemas"]["Error"]["type"] = "objekt"
    assert len(schema_problems(broken)) == 2


def test_every_json_body_and_every_status_is_described(live_server: str) -> None:
    document = openapi_document(live_server)
    assert document["servers"] == [{"url": live_server}]  # the public URL, here the listener's
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"414", "500"} <= set(responses), (method, path)
            for status, response in responses.items():
                for media_type, body in response.get("content", {}).items():
                    if "json" in media_type:  # a JSON body has a schema, not "a string"
                        assert body["schema"].get("type") != "string", (method, path, status)
    post = document["paths"]["/sparql"]["post"]["responses"]
    assert {"200", "204", "400", "403", "406", "413", "415", "503"} <= set(post)
    components = document["components"]["responses"]
    assert "Retry-After" in components["ServiceUnavailable"]["headers"]
    assert set(components["NotFound"]["content"]) == {"application/json", "text/html"}


# What fuzzing found (500s: the store refused an IRI that a regular expression had let
# through), kept as plain requests: each must be a client error, in the one error shape.
FOUND = [
    ("/doc/%C2%87", 404),
    ("/id/a%00b", 404),
    ("/graph/%FF%FE", 404),
    ("/queries/provenance?resource=a:%00", 400),
    ("/queries/works-with?organisation=https://example.org/%C2%87", 400),
    ("/sparql?query=ASK%7B%7D&default-graph-uri=a:%00", 400),
    ("/sparql?query=ASK%7B%7D&named-graph-uri=urn:x%7F", 400),
]


@pytest.mark.parametrize(("path", "status"), FOUND)
def test_what_fuzzing_found_is_a_client_error(live_server: str, path: str, status: int) -> None:
    request = urllib.request.Request(live_server + path, headers={"Accept": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=30)
    assert answer.value.code == status
    assert json.load(answer.value)["error"]["status"] == status


# Answers that a longer run found the description wrong about, each sent as one case and
# checked as fuzzing checks it: (operation, what the case sets, the status expected).
UNDESCRIBED = [
    ("/explore/paths", {"query": {"from": "GIN", "to": f"{BASE}id/country/GIN"}}, 200),  # length 0
    # a value that begins with %2F ('/' once decoded): '//', merged by a redirect
    ("/id/{rest}", {"path_parameters": {"rest": "%2Fcountry/GIN"}}, 308),
    ("/doc/{rest}", {"path_parameters": {"rest": "%2Fcountry/GIN"}}, 308),
    ("/graph/{rest}", {"path_parameters": {"rest": "%2Fontology"}}, 308),
    ("/queries/{name}", {"path_parameters": {"name": "%2Fdocuments"}}, 308),
]


@pytest.mark.parametrize(("path", "sets", "status"), UNDESCRIBED)
def test_what_fuzzing_found_undescribed_is_described(
    live_server: str, path: str, sets: dict, status: int
) -> None:
    api = schemathesis.openapi.from_url(f"{live_server}/openapi.json")
    case = api[path]["GET"].Case(**sets)
    response = case.call_and_validate(checks=CHECKS, allow_redirects=False)
    assert response.status_code == status


@dataclass
class Outcome:
    cases: Counter[str] = field(default_factory=Counter)  # by phase
    answers: Counter[tuple[str, int]] = field(default_factory=Counter)  # (operation, status)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def record(self, scenario: events.ScenarioFinished) -> None:
        recorder = scenario.recorder
        self.cases[scenario.phase.value] += len(recorder.cases)
        for case_id, interaction in recorder.interactions.items():
            sent = f"{interaction.request.method} "  # not a method no path lists
            if interaction.response is not None and recorder.label.startswith(sent):
                self.answers[(recorder.label, interaction.response.status_code)] += 1
            for check in recorder.checks.get(case_id, []):
                if check.status == Status.ERROR:  # the check itself could not run
                    self.errors.append(f"{recorder.label} [{check.name}] errored")
                elif check.status == Status.FAILURE and check.failure_info is not None:
                    failure = check.failure_info.failure
                    self.failures.append(
                        f"{recorder.label} [{check.name}] {failure.title}: "
                        f"{check.failure_info.code_sample}"
                    )


def fuzz(base_url: str, examples: int) -> Outcome:
    """Run schemathesis over the API at `base_url`: what it sent, got and found wrong."""
    # SPARQL sent as a body is text; schemathesis needs telling.
    sparql_bodies = ["application/sparql-query", "application/sparql-update"]
    schemathesis.serializer.alias(sparql_bodies, "text/plain")
    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {"max-examples": examples, "deterministic": True, "database": "none"},
            "phases": {"stateful": {"enabled": False}},
            "checks": {"enabled": False, **{c.__name__: {"enabled": True} for c in CHECKS}},
            "cache": {"enabled": False},
        }
    )
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json", config=config)
    outcome = Outcome()
    for event in engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            outcome.record(event)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            outcome.errors.append(repr(event))
    return outcome


def test_the_api_answers_as_described(live_server: str, capsys: pytest.CaptureFixture) -> None:
    outcome = fuzz(live_server, FUZZ_EXAMPLES)
    phases = ", ".join(f"{phase} {n}" for phase, n in sorted(outcome.cases.items()))
    with capsys.disabled():  # the count, for the record (bench/fuzz.md)
        print(f"\nschemathesis: {sum(outcome.cases.values())} cases ({phases}), "
              f"{len(outcome.failures)} failures")  # fmt: skip
    assert outcome.errors == []
    assert outcome.failures == [], "\n".join(outcome.failures[:20])
    assert all(outcome.cases[p] for p in ("examples", "coverage", "fuzzing")), outcome.cases
    operations = {operation for operation, _ in outcome.answers}
    succeeded = {operation for operation, status in outcome.answers if status < 400}
    assert operations - succeeded <= MAY_MISS, "no success, only errors"
