"""/data: the SPARQL 1.1 Graph Store HTTP Protocol.

``/data?graph=IRI`` names a named graph, ``/data/…`` the graph whose IRI is that URL (direct
identification), ``/data?default`` the graph that holds what is written to the default graph
(mhkg's query default graph is the union of every graph, this one included; see
mhkg.writes). GET and HEAD are public; PUT (replace), POST (merge; to
``/data`` alone: a new graph, whose IRI the Location header gives) and DELETE need a write
token (see auth). A body is RDF in any syntax mhkg reads (mhkg.rdf_input), by its
Content-Type, or a multipart/form-data of such parts; relative IRIs in it are resolved
against the graph's IRI. What is written must conform to the shapes: else 422 with the
report, and nothing is written.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urljoin

from flask import Blueprint, Flask, Response, current_app, request, url_for
from rdflib import Graph, URIRef
from werkzeug.exceptions import BadRequest, NotFound, UnsupportedMediaType

from mhkg import writes
from mhkg.iri import Minter, is_absolute_iri
from mhkg.rdf_input import RdfSyntaxError, format_of_media_type, read_graph
from mhkg.server import auth
from mhkg.server.negotiation import RDF_TYPES, negotiate
from mhkg.server.openapi import add_paths
from mhkg.server.openapi_objects import (
    NEGOTIATED,
    answer,
    format_parameter,
    ok,
    operation,
    parameter,
)
from mhkg.server.openapi_schemas import TEXT
from mhkg.server.responses import graph_response
from mhkg.server.store import get_store, writing

blueprint = Blueprint("graph_store", __name__)

GRAPH_TYPES = [t for t in RDF_TYPES if t not in ("application/trig", "application/n-quads")]


METHODS = ["GET", "HEAD", "PUT", "POST", "DELETE"]


@blueprint.route("/data", methods=METHODS)
def graph_store() -> Response:
    minter = Minter(current_app.config["BASE_IRI"])
    return _answer(_named_graph(minter), minter)


@blueprint.route("/data/<path:rest>", methods=METHODS)
def graph(rest: str) -> Response:
    """Direct identification: the graph whose IRI is this URL (below /data/)."""
    if request.args:
        raise BadRequest("a graph named by its URL takes no ?graph or ?default")
    name = URIRef(url_for("graph_store.graph", rest=rest, _external=True))
    return _answer(name, Minter(current_app.config["BASE_IRI"]))


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    add_paths(app, openapi_paths(Minter(app.config["BASE_IRI"])))


def openapi_paths(minter: Minter) -> dict[str, Any]:
    ontology = str(minter.system_graph("ontology"))
    graph = parameter(
        "graph", description="The graph's IRI (indirect identification)", examples=[ontology]
    )
    default = parameter("default", description="The default graph's own part (no value)")
    body = {"content": {t: {"schema": TEXT} for t in [*GRAPH_TYPES, "text/n3"]}}
    reading = (*NEGOTIATED, 404)
    writing = (400, 401, 403, 404, 413, 415, 422)

    def operations(*where: dict) -> dict[str, Any]:
        written = {"201": answer("A new graph was made"), "204": answer("The graph was written")}
        return {
            "get": operation(
                "A graph's triples",
                ok("The graph", GRAPH_TYPES),
                *where,
                format_parameter(GRAPH_TYPES),
                errors=reading,
            ),
            "put": operation(
                "Replace a graph (a write token)", written, *where, requestBody=body, errors=writing
            ),
            "post": operation(
                "Add to a graph; to /data alone: a new graph, at Location",
                {**written, "201": answer("A new graph", (), ["Location"])},
                *where,
                requestBody=body,
                errors=writing,
            ),
            "delete": operation(
                "Remove a graph (a write token)", {"204": answer("Removed")}, *where, errors=writing
            ),
        }

    rest = parameter("rest", "path", "The rest of the graph's IRI, which is this URL")
    return {"/data": operations(graph, default), "/data/{rest}": operations(rest)}


def _answer(name: URIRef | None, minter: Minter) -> Response:
    if request.method in ("GET", "HEAD"):
        if name is None:
            raise BadRequest("name a graph: /data?graph=IRI, or /data?default")
        return _get(name)
    auth.require_writer()
    if request.method == "DELETE":
        if name is None:
            raise BadRequest("name the graph to delete: /data?graph=IRI, or /data?default")
        with writing() as store:
            if not writes.delete(store, minter, name):
                raise NotFound(f"there is no graph <{name}>")
        return Response(status=204)
    created_here = name is None
    if created_here:
        name = URIRef(f"{minter.system_graph('uploaded')}/{uuid.uuid4()}")
    graph = _body(base=str(name))
    with writing() as store:
        if request.method == "PUT":
            created = writes.put(store, minter, name, graph)
        else:
            created = writes.post(store, minter, name, graph)
    if created_here:
        return Response(status=201, headers={"Location": str(name)})
    return Response(status=201 if created else 204)


def _named_graph(minter: Minter) -> URIRef | None:
    """The graph the request names: ?graph=IRI (resolved against the request's URL when
    relative), ?default; None when it names none."""
    graphs = request.args.getlist("graph")
    if "default" in request.args:
        if graphs:
            raise BadRequest("name one graph: either ?graph=IRI or ?default")
        return writes.default_graph(minter)
    if not graphs:
        return None
    if len(graphs) > 1:
        raise BadRequest(f"name one graph, not {len(graphs)}")
    iri = urljoin(request.base_url, graphs[0])
    if not is_absolute_iri(iri):
        raise BadRequest(f"{graphs[0]!r} is not an IRI")
    return URIRef(iri)


def _get(name: URIRef) -> Response:
    graph = writes.graph_of(get_store(), name)
    if graph is None:
        raise NotFound(f"there is no graph <{name}>")
    return graph_response(graph, negotiate(GRAPH_TYPES))


def _body(base: str) -> Graph:
    """The RDF the request carries, one graph (a multipart form: its parts merged)."""
    if request.mimetype == "multipart/form-data":
        graph = Graph()
        for part in request.files.values():
            graph += _parsed(part.read(), part.mimetype or "", f"the part {part.name!r}", base)
        return graph
    return _parsed(request.get_data(), request.mimetype, "the request body", base)


def _parsed(data: bytes, media_type: str, what: str, base: str) -> Graph:
    fmt = format_of_media_type(media_type)
    if fmt is None:
        readable = ", ".join([*GRAPH_TYPES, "text/n3"])
        raise UnsupportedMediaType(f"{what} is {media_type or 'untyped'}; send one of {readable}")
    try:
        return read_graph(data, fmt, base)
    except RdfSyntaxError as error:
        raise BadRequest(f"{what}: {error}") from None
