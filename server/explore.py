"""Exploring stakeholder relationships over HTTP: /explore (the page) and its JSON API.

    /explore/search       entities by name (autocomplete)
    /explore/neighbours   what lies within N relations of an entity
    /explore/paths        the k shortest paths between two entities, told in sentences
    /explore/network      the co-participation network of organisations, with centrality;
                          JSON, GraphML, GEXF or CSV

Entities are named by IRI or by name; filters (country, sdg, kind, role: repeatable or
comma-separated) work alike on every answer. Each answer carries the SPARQL behind it.
Neighbourhoods, paths and networks read only the part of the stakeholder graph they need
(mhkg.explore.local, in the query workers, so the timeout holds); the networks asked for are
kept until the server writes to the store. The whole stakeholder graph is read (once, and
kept likewise) only for what needs every entity: search, names, the page's filters.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Blueprint, Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import BadRequest, NotFound

from mhkg import explore
from mhkg.explore import exports, local
from mhkg.explore.graph import ROLES, StakeholderGraph
from mhkg.explore.neighbourhood import DEFAULT_LIMIT, MAX_DEPTH
from mhkg.explore.network import Network
from mhkg.explore.paths import MAX_K, MAX_LENGTH, THROUGH
from mhkg.server import openapi_explore
from mhkg.server.errors import error_response
from mhkg.server.links import local_href
from mhkg.server.negotiation import negotiate
from mhkg.server.openapi import add_paths
from mhkg.server.store import generation, request_deadline, run_server_query
from mhkg.server.workers import QueryTimeout

blueprint = Blueprint("explore", __name__)
_lock = threading.Lock()
MAX_SEARCH = 50
NETWORKS_KEPT = 32  # networks under different filters kept at once
FILTERED = ("country", "sdg", "kind", "role")  # the filters the page may open with


@contextmanager
def _cache_lock() -> Iterator[None]:
    """The lock over the graph and network caches, waited for no longer than the request's
    time (another request may be reading the graph): QueryTimeout when it is up."""
    deadline = request_deadline()
    wait = -1 if deadline is None else max(0.0, deadline - time.monotonic())
    if not _lock.acquire(timeout=wait):
        raise QueryTimeout(
            "the stakeholder graph is being read for another request and was not ready within "
            "the query timeout; try again shortly"
        )
    try:
        yield
    finally:
        _lock.release()


def stakeholder_graph() -> StakeholderGraph:
    """The stakeholder graph of the store as it is now (read again after it changed)."""
    now = generation()
    with _cache_lock():
        cached = current_app.extensions.get("mhkg.stakeholder-graph")
        if cached is None or cached[0] != now:
            cached = (now, explore.read(run_server_query))
            current_app.extensions["mhkg.stakeholder-graph"] = cached
        return cached[1]


def explorable(iri: str) -> bool:
    """Whether the entity is in the stakeholder graph with at least one relation (False when
    the graph cannot be read in time: a resource page does not depend on it)."""
    try:
        graph = stakeholder_graph().graph
    except QueryTimeout:
        return False
    return str(iri) in graph and graph.degree(str(iri)) > 0


def _filters() -> explore.Filters:
    try:
        return explore.Filters.parse(
            countries=request.args.getlist("country"),
            goals=request.args.getlist("sdg"),
            kinds=request.args.getlist("kind"),
            roles=request.args.getlist("role"),
        )
    except explore.FilterError as error:
        raise BadRequest(str(error)) from None


def _number(name: str, default: int, low: int, high: int) -> int:
    text = request.args.get(name, "").strip()
    if not text:
        return default
    if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
        raise BadRequest(f"{name} wants a whole number from {low} to {high}, not {text!r}")
    return int(text)


def _entity(reader: local.Reader, parameter: str) -> str:
    """The IRI of the entity the query parameter names (an IRI, read alone, or a name,
    looked up in the stakeholder graph kept)."""
    given = request.args.get(parameter, "").strip()
    if not given:
        raise BadRequest(f"give the parameter {parameter!r}: an entity's IRI or name")
    try:
        return local.resolve(reader, given, named=stakeholder_graph).iri
    except explore.ResolveError as error:
        if error.ambiguous:
            raise BadRequest(str(error)) from None
        raise NotFound(str(error)) from None


def _types(parameter: str) -> list[str]:
    return [t.strip() for v in request.args.getlist(parameter) for t in v.split(",") if t.strip()]


@blueprint.route("/explore")
def page() -> str:
    kg = stakeholder_graph()
    return render_template(
        "explore.html",
        page_title="Explore",
        options=options(kg),
        api={name: f"/explore/{name}" for name in ("search", "neighbours", "paths", "network")},
        focus=request.args.get("entity"),
        chosen={name: request.args.get(name, "").strip() for name in FILTERED},
    )


def options(kg: StakeholderGraph) -> dict:
    """What the page's filters offer: the countries, SDGs and kinds that have relations."""
    related = [e for iri, e in kg.entities.items() if kg.graph.degree(iri)]
    return {
        "countries": sorted(
            ({"iso3": e.iso3, "label": e.label} for e in related if e.type == "Country"),
            key=lambda c: c["label"],
        ),
        "goals": sorted(
            (
                {"number": e.goal, "label": e.label}
                for e in related
                if e.type == "SustainableDevelopmentGoal"
            ),
            key=lambda g: g["number"],
        ),
        "kinds": sorted({k for e in related if e.type == "Organisation" for k in e.kinds}),
        "roles": sorted(ROLES),
    }


@blueprint.route("/explore/search")
def search() -> Response:
    text = request.args.get("q", "").strip()
    if not text:
        raise BadRequest("give the parameter 'q': the start of a name")
    limit = _number("limit", 10, 1, MAX_SEARCH)
    matches = explore.search(stakeholder_graph(), text, types=_types("type"), limit=limit)
    return jsonify({"query": text, "results": [m.to_json(local_href) for m in matches]})


@blueprint.route("/explore/neighbours")
def neighbours() -> Response:
    reader = local.Reader(run_server_query)
    focus = _entity(reader, "entity")
    depth = _number("depth", 1, 0, MAX_DEPTH)
    filters, limit = _filters(), _number("limit", DEFAULT_LIMIT, 1, 5000)
    around = local.around(reader, focus, depth, limit=None if filters else limit)
    answer = explore.neighbourhood(around, focus, depth=depth, filters=filters, limit=limit)
    return jsonify(answer.to_json(local_href))


@blueprint.route("/explore/paths")
def paths() -> Response:
    reader = local.Reader(run_server_query)
    through = _types("through") or list(THROUGH)
    answer = local.between(
        reader,
        _entity(reader, "from"),
        _entity(reader, "to"),
        k=_number("k", 3, 1, MAX_K),
        through=through,
        filters=_filters(),
        max_length=_number("max_length", MAX_LENGTH, 1, MAX_LENGTH),
    )
    return jsonify(answer.to_json(local_href))


@blueprint.route("/explore/network")
def network() -> Response:
    fmt = request.args.get("format")
    if fmt is None:
        by_type = {media_type: name for name, media_type in exports.FORMATS.items()}
        fmt = by_type[negotiate(list(by_type))]
    elif fmt not in exports.FORMATS:
        raise BadRequest(f"format wants one of {', '.join(exports.FORMATS)}, not {fmt!r}")
    body = exports.write(co_participation(_filters()), fmt, local_href)
    response = Response(body, mimetype=exports.FORMATS[fmt])
    response.vary.add("Accept")
    if fmt != "json":
        response.headers["Content-Disposition"] = f'attachment; filename="mhkg-network.{fmt}"'
    return response


def co_participation(filters: explore.Filters) -> Network:
    """The network under these filters, kept (with its centrality) until the store changes:
    betweenness costs organisations × ties, too much to compute again at each request."""
    key = (generation(), filters)
    with _cache_lock():
        cache = current_app.extensions.setdefault("mhkg.networks", {})
        if key not in cache:
            if len(cache) >= NETWORKS_KEPT:
                cache.clear()
            part = local.co_participation(local.Reader(run_server_query), filters)
            cache[key] = explore.network(part, filters)
        return cache[key]


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    app.register_error_handler(explore.ExploreError, _bad_question)
    add_paths(app, openapi_explore.paths())


def _bad_question(error: explore.ExploreError) -> Response:
    return error_response(400, "Bad Request", str(error))
