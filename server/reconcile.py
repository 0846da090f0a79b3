"""/reconcile: the Reconciliation Service API (version 0.2, as OpenRefine speaks it), matching
names of organisations, countries, projects (and people, events, places, SDGs) to mhkg IRIs.

    GET  /reconcile                          the service manifest
    GET  /reconcile?queries={...}            a batch of queries (also POST, form-encoded)
    GET  /reconcile/suggest/entity?prefix=   entity suggestions (OpenRefine's search box)
    GET  /reconcile/suggest/type?prefix=     type suggestions
    GET  /reconcile/view?id=IRI              303 to the entity's page

A query is {"query": "Ministry of Health", "type": "Organisation", "limit": 3,
"properties": [{"pid": "country", "v": "GIN"}]}. Candidates are scored 0-100 by the same
name matching as /explore/search; a `country` property (ISO code or name) halves the score of
a candidate in another country. A candidate is a `match` when its name is exact and no other
candidate scores as well.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, redirect, request, url_for
from werkzeug.exceptions import BadRequest, NotFound

from mhkg import explore
from mhkg.explore.graph import TYPES, Entity, StakeholderGraph
from mhkg.explore.search import normalise
from mhkg.server import openapi_explore
from mhkg.server.explore import stakeholder_graph
from mhkg.server.links import local_href
from mhkg.server.openapi import add_paths
from mhkg.vocab import MHKG

blueprint = Blueprint("reconcile", __name__)

DEFAULT_TYPES = ("Organisation", "Country", "Project")
MAX_QUERIES = 100
MAX_LIMIT = 50
TYPE_NAMES = {
    "SustainableDevelopmentGoal": "Sustainable Development Goal",
    "City": "City",
}


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


@blueprint.route("/reconcile", methods=["GET", "POST"])
def service() -> Response:
    values = request.values
    if "queries" in values:
        queries = _json(values["queries"], "queries")
        if not isinstance(queries, dict) or len(queries) > MAX_QUERIES:
            raise BadRequest(f"queries wants an object of at most {MAX_QUERIES} queries")
        kg = stakeholder_graph()
        return jsonify({key: {"result": reconcile(kg, q, key)} for key, q in queries.items()})
    if "query" in values:  # a single query (version 0.1): a name, or a query object
        text = values["query"]
        query = _json(text, "query") if text.lstrip().startswith("{") else {"query": text}
        return jsonify({"result": reconcile(stakeholder_graph(), query, "query")})
    return jsonify(manifest())


def _json(text: str, parameter: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BadRequest(f"{parameter} is not JSON: {error}") from None


def reconcile(kg: StakeholderGraph, query: Any, key: str) -> list[dict]:
    """The candidates for one query object, best first."""
    if not isinstance(query, dict) or not isinstance(query.get("query"), str):
        raise BadRequest(f"query {key!r} wants an object with a string 'query'")
    limit = query.get("limit", 5)
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise BadRequest(f"query {key!r}: limit wants a whole number from 1 to {MAX_LIMIT}")
    types = _types(query.get("type"), key)
    country = _country(kg, query.get("properties") or [], key)
    matches = explore.search(kg, query["query"], types=types, limit=max(limit * 4, 20))
    candidates = []
    for found in matches:
        score = found.score
        if country and found.entity.iso3 and found.entity.iso3 != country:
            score /= 2
        candidates.append((score, found))
    candidates.sort(key=lambda c: (-c[0], *kg.sort_key(c[1].entity.iri)))
    candidates = candidates[:limit]
    results = []
    for position, (score, found) in enumerate(candidates):
        exact = normalise(found.name) == normalise(query["query"])
        tied = any(s == score for i, (s, _) in enumerate(candidates) if i != position)
        results.append(
            {
                "id": found.entity.iri,
                "name": found.entity.label,
                "type": [_type(found.entity.type)],
                "score": round(score * 100, 1),
                "match": exact and position == 0 and not tied and score == found.score,
                "description": _description(found.entity),
            }
        )
    return results


def _types(given: Any, key: str) -> list[str]:
    names = given if isinstance(given, list) else [given] if given else []
    types = []
    for name in names:
        short = str(name).removeprefix(str(MHKG))
        if short not in TYPES:
            raise BadRequest(f"query {key!r}: no type {name!r}; types are {', '.join(TYPES)}")
        types.append(short)
    return types


def _country(kg: StakeholderGraph, properties: Any, key: str) -> str | None:
    """The ISO code a `country` property names (by code, name or IRI), if one is given."""
    if not isinstance(properties, list):
        raise BadRequest(f"query {key!r}: properties wants a list of {{pid, v}}")
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
    kind = entity.kind if entity.kind != entity.type else entity.type
    return f"{kind}, {entity.iso3}" if entity.iso3 and entity.type != "Country" else kind


@blueprint.route("/reconcile/suggest/entity")
def suggest_entity() -> Response:
    prefix = request.args.get("prefix", "").strip()
    types = _types(request.args.get("type"), "suggest") if request.args.get("type") else []
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
