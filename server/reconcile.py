"""/reconcile: the Reconciliation Service API (version 0.2, as OpenRefine speaks it), matching
names of organisations, countries, projects (and people, events, places, SDGs) to mhkg IRIs.

    GET  /reconcile                          the service manifest
    GET  /reconcile?queries={...}            a batch of queries (also POST, form-encoded)
    GET  /reconcile/suggest/entity?prefix=   entity suggestions (OpenRefine's search box)
    GET  /reconcile/suggest/type?prefix=     type suggestions
    GET  /reconcile/view?id=IRI              303 to the entity's page

A query is {"query": "Ministry of Health", "type": "Organisation", "limit": 3,
"properties": [{"pid": "country", "v": "GIN"}]}; `type` may also be a kind (Ministry). All
entities are scored 0-100 by the same name matching as /explore/search (names normalised once
per store generation, rapidfuzz for names that merely look alike: see mhkg.explore.search),
a `country` property (ISO code or name) halving the score of a candidate in other countries,
before the best are kept. A candidate is a `match` when its name is exact and no other scores
as well; an mhkg IRI given as the name matches its entity. A query that cannot be read gets no
candidates and an "error" saying why, and the rest of its batch is answered.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, redirect, request, url_for
from werkzeug.exceptions import BadRequest, NotFound, RequestEntityTooLarge

from mhkg import explore
from mhkg.explore.graph import TYPES, Entity, StakeholderGraph
from mhkg.explore.search import Match, name_index
from mhkg.server import openapi_explore
from mhkg.server.explore import stakeholder_graph
from mhkg.server.links import local_href
from mhkg.server.openapi import add_paths
from mhkg.vocab import MHKG

blueprint = Blueprint("reconcile", __name__)

DEFAULT_TYPES = ("Organisation", "Country", "Project")
MAX_QUERIES = 100
DEFAULT_LIMIT = 5
MAX_LIMIT = 50
TYPE_NAMES = {"SustainableDevelopmentGoal": "Sustainable Development Goal"}


def _type(name: str) -> dict[str, str]:
    return {"id": str(MHKG[name]), "name": TYPE_NAMES.get(name, name)}


def manifest() -> dict[str, Any]:
    service = url_for("reconcile.service", _external=True)
    return {
        "versions": ["0.2"],
        "name": "mhkg: the migration-health knowledge graph",
        "identifierSpace": current_app.config["BASE_IRI"] + "id/",
        "schemaSpace": str(MHKG),
        "defaultTypes": [_type(t) for t in DEFAULT_TYPES],
        "view": {"url": url_for("reconcile.view", _external=True) + "?id={{id}}"},
        "suggest": {
            "entity": {"service_url": service, "service_path": "/suggest/entity"},
            "type": {"service_url": service, "service_path": "/suggest/type"},
        },
        "batchSize": MAX_QUERIES,
    }


class QueryProblem(ValueError):
    """One query of a batch that cannot be read: it gets no candidates, the others go on."""


@blueprint.route("/reconcile", methods=["GET", "POST"])
def service() -> Response:
    values = request.values
    if "queries" in values:
        queries = _json(values["queries"], "queries")
        if not isinstance(queries, dict):
            raise BadRequest('queries wants an object of queries: {"q0": {"query": "..."}}')
        if len(queries) > MAX_QUERIES:
            raise RequestEntityTooLarge(
                f"{len(queries)} queries: at most {MAX_QUERIES} a batch (the manifest's batchSize)"
            )
        kg = stakeholder_graph()
        return jsonify({key: answer(kg, query) for key, query in queries.items()})
    if "query" in values:  # a single query (version 0.1): a name, or a query object
        text = values["query"]
        query = _json(text, "query") if text.lstrip().startswith("{") else {"query": text}
        return jsonify(answer(stakeholder_graph(), query))
    return jsonify(manifest())


def _json(text: str, parameter: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadRequest(f"{parameter} is not JSON: {error}") from None


def answer(kg: StakeholderGraph, query: Any) -> dict[str, Any]:
    """{"result": [candidates]} for one query; one that cannot be read also says why."""
    try:
        return {"result": reconcile(kg, query)}
    except QueryProblem as problem:
        return {"result": [], "error": str(problem)}


def reconcile(kg: StakeholderGraph, query: Any) -> list[dict]:
    """The candidates for one query object, best first."""
    if not isinstance(query, dict):
        raise QueryProblem('a query is an object such as {"query": "Ministry of Health"}')
    text = query.get("query")
    if text is None and query.get("properties"):
        return []  # mhkg matches names: properties alone name nothing
    if not isinstance(text, str) or not text.strip():
        raise QueryProblem("'query' wants a name")
    limit = query.get("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise QueryProblem(f"'limit' wants a whole number from 1 (at most {MAX_LIMIT} are given)")
    types = _types(kg, query.get("type"))
    if (given := text.strip()) in kg.entities:  # an IRI of ours names itself
        return [_candidate(kg.entities[given], 1.0, match=True)]
    country = _country(kg, query.get("properties") or [])
    kept = min(limit, MAX_LIMIT)
    scored = ranked(kg, text, types, country, kept + 1)  # the next tells whether one stands out
    alone_at_the_top = len(scored) == 1 or (len(scored) > 1 and scored[1][0] < scored[0][0])
    return [
        # a match: the exact name (score 1, not lowered by the country), and no other as good
        _candidate(found.entity, score, match=position == 0 and score == 1 and alone_at_the_top)
        for position, (score, found) in enumerate(scored[:kept])
    ]


def ranked(
    kg: StakeholderGraph, text: str, types: list[str], country: str | None, wanted: int
) -> list[tuple[float, Match]]:
    """The `wanted` best candidates with their scores, best first, a `country` halving the
    scores of candidates in other countries.

    Halving only lowers: once the `wanted`-th lowered score is above the lowest score that
    search gave, none it left out could take its place; else search is asked for more."""
    asked = wanted if country is None else 2 * wanted
    while True:
        found = explore.search(kg, text, types=types, limit=asked)
        scored = sorted(
            ((_lowered(match, country), match) for match in found),
            key=lambda c: (-c[0], *kg.sort_key(c[1].entity.iri), c[1].entity.iri),
        )
        if len(found) < asked or country is None or scored[wanted - 1][0] > found[-1].score:
            return scored[:wanted]
        asked *= 4


def _lowered(match: Match, country: str | None) -> float:
    """The match's score, halved when it is of other countries than the one given."""
    countries = match.entity.countries
    return match.score / 2 if country and countries and country not in countries else match.score


def _candidate(entity: Entity, score: float, *, match: bool) -> dict[str, Any]:
    return {
        "id": entity.iri,
        "name": entity.label,
        "type": [_type(entity.type)],
        "score": round(score * 100, 1),
        "match": match,
        "description": _description(entity),
    }


def _types(kg: StakeholderGraph, given: Any) -> list[str]:
    """Type names (or IRIs) given as one or a list: broad types (Organisation) or kinds
    (Ministry)."""
    names = given if isinstance(given, list) else [given] if given else []
    known = name_index(kg).kinds  # kept with the names, not gathered again per query
    types = []
    for name in names:
        short = str(name).removeprefix(str(MHKG))
        if short not in known:
            raise QueryProblem(f"no type {name!r}; types are {', '.join(TYPES)} (or kinds)")
        types.append(short)
    return types


def _country(kg: StakeholderGraph, properties: Any) -> str | None:
    """The ISO code a `country` property names (by code, name or IRI), if one is given."""
    if not isinstance(properties, list):
        raise QueryProblem('properties wants a list such as [{"pid": "country", "v": "GIN"}]')
    for prop in properties:
        pid = str(prop.get("pid", "")) if isinstance(prop, dict) else ""
        if pid.removeprefix(str(MHKG)) != "country":
            continue
        value = prop.get("v")
        value = value.get("id") if isinstance(value, dict) else value
        try:
            return explore.resolve(kg, str(value), types=["Country"]).iso3
        except explore.ResolveError:
            return None
    return None


def _description(entity: Entity) -> str:
    if entity.type == "Country" or not entity.countries:
        return entity.kind
    return f"{entity.kind}, {', '.join(entity.countries)}"


@blueprint.route("/reconcile/suggest/entity")
def suggest_entity() -> Response:
    prefix = request.args.get("prefix", "").strip()
    try:
        types = _types(stakeholder_graph(), request.args.get("type"))
    except QueryProblem as problem:
        raise BadRequest(str(problem)) from None
    matches = explore.search(stakeholder_graph(), prefix, types=types, limit=10) if prefix else []
    return jsonify(
        {
            "result": [
                {"id": m.entity.iri, "name": m.entity.label, "description": _description(m.entity)}
                for m in matches
            ]
        }
    )


@blueprint.route("/reconcile/suggest/type")
def suggest_type() -> Response:
    prefix = request.args.get("prefix", "").strip().casefold()
    return jsonify({"result": [_type(t) for t in TYPES if prefix in t.casefold()]})


@blueprint.route("/reconcile/view")
def view() -> Response:
    iri = request.args.get("id", "")
    if iri not in stakeholder_graph().entities:
        raise NotFound(f"no entity <{iri}> in the graph")
    return redirect(local_href(iri), code=303)


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    add_paths(app, openapi_explore.reconcile_paths())
