"""/sparql: the SPARQL 1.1 Protocol (query, and update when enabled), the query editor for
browsers, and the SPARQL Service Description for RDF clients that send no query."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import Blueprint, Response, current_app, render_template, request, url_for
from rdflib import URIRef
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from mhkg import queries as named_queries
from mhkg import writes
from mhkg.iri import Minter, is_absolute_iri
from mhkg.server import logs, safety
from mhkg.server.negotiation import HTML, RDF_TYPES, SOLUTION_TYPES, best_match, negotiate
from mhkg.server.responses import graph_response, results_response
from mhkg.server.service_description import service_description
from mhkg.server.store import run_client_query, writing
from mhkg.store.base import QueryDataset
from mhkg.vocab import PREFIXES

blueprint = Blueprint("sparql", __name__)

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
READING = ("GET", "HEAD")  # a HEAD is answered as its GET (without the body)


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response | str:
    operation, text = _operation()
    if operation is None:
        return _without_query()
    if not text or not text.strip():
        raise BadRequest(f"the '{operation}' parameter is empty")
    if operation == "update":
        return _update(text)
    if request.method in READING and _prefers_html():
        return editor_page()  # a shared link to the editor: the page reads the query itself
    safety.check_query(text)
    logs.note_query(text)
    result, truncated = run_client_query(text, dataset=requested_dataset(), base=service_base())
    offers = list(RDF_TYPES if result.form == "CONSTRUCT" else SOLUTION_TYPES)
    return results_response(result, truncated, negotiate(offers))


def _operation() -> tuple[str | None, str | None]:
    """('query' or 'update', its text), or (None, None) when the request carries neither.

    Raises BadRequest for text that is not UTF-8 (saying where), for 'query' or 'update'
    given twice or together, and UnsupportedMediaType for a body of another type or charset.
    """
    if request.method in READING:
        params = _url_encoded(request.query_string, "the URL's query string")
        if "update" in params:
            raise BadRequest("SPARQL Update is sent by POST, never by GET")
        return ("query", params["query"]) if "query" in params else (None, None)
    raw = request.get_data()  # kept: werkzeug parses a multipart form from it
    if request.mimetype in ("application/sparql-query", "application/sparql-update"):
        charset = request.mimetype_params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise UnsupportedMediaType(f"charset={charset}: SPARQL is sent in UTF-8")
        return request.mimetype.rpartition("-")[2], _utf8(raw, "the request body")
    if request.mimetype not in FORM_TYPES:
        raise UnsupportedMediaType(
            "POST a query as application/x-www-form-urlencoded (query=...) or as "
            "application/sparql-query; an update as update=... or application/sparql-update"
        )
    if request.mimetype == "application/x-www-form-urlencoded":
        params = _url_encoded(raw, "the form body")
    else:
        params = _multipart(raw)
    if "query" in params and "update" in params:
        raise BadRequest("send either 'query' or 'update', not both")
    for operation in ("update", "query"):
        if operation in params:
            return operation, params[operation]
    return None, None


def _url_encoded(raw: bytes, where: str) -> dict[str, str]:
    """The parameters of a query string or form body, decoded strictly as UTF-8 (werkzeug
    would replace a bad byte with U+FFFD, and the parser then report a misleading error).

    Raises BadRequest naming the parameter whose bytes are not UTF-8.
    """
    found: dict[str, list[str]] = {}
    for pair in raw.split(b"&"):
        if not pair:
            continue
        name, _, value = pair.partition(b"=")
        key = _utf8(_unquoted(name), f"a parameter name in {where}")
        found.setdefault(key, []).append(
            _utf8(_unquoted(value), f"the {key!r} parameter in {where}")
        )
    return _single(found)


def _unquoted(part: bytes) -> bytes:
    return unquote_to_bytes(part.replace(b"+", b" "))


def _multipart(raw: bytes) -> dict[str, str]:
    """The fields of a multipart form; werkzeug decodes them, replacing bytes that are not
    UTF-8 by U+FFFD: a U+FFFD that the body does not hold as UTF-8 was such a byte."""
    found = {name: request.form.getlist(name) for name in request.form}
    for name, values in found.items():
        if any("\ufffd" in v for v in values) and "\ufffd".encode() not in raw:
            raise BadRequest(f"the {name!r} field of the form body is not UTF-8")
    return _single(found)


def _single(found: dict[str, list[str]]) -> dict[str, str]:
    """One value per parameter; 'query' and 'update' must not be repeated (which one would
    the client mean?)."""
    for name in ("query", "update"):
        if len(found.get(name, ())) > 1:
            raise BadRequest(f"send one {name!r} parameter, not {len(found[name])}")
    return {name: values[0] for name, values in found.items()}


def _utf8(raw: bytes, where: str) -> str:
    """`raw` decoded as UTF-8. Raises BadRequest naming `where` and the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(
            f"{where} is not UTF-8 (byte 0x{raw[error.start]:02X} at offset {error.start}); "
            "SPARQL is sent in UTF-8, percent-encoded in a URL or form"
        ) from None


def _prefers_html() -> bool:
    if "format" in request.args:
        return request.args["format"] == "html"
    offers = [*SOLUTION_TYPES, *RDF_TYPES, HTML]
    return best_match(request.headers.get("Accept"), offers) == HTML


def _without_query() -> Response | str:
    """GET without a query: the editor for browsers, else the service description."""
    offers = [*RDF_TYPES, HTML]
    if request.method in READING and best_match(request.headers.get("Accept"), offers):
        media_type = negotiate(offers)
        if media_type == HTML:
            return editor_page()
        return graph_response(service_description(), media_type)
    raise BadRequest("give a SPARQL query in the 'query' parameter (or POST it)")


def editor_page() -> str:
    examples = [
        {"name": q.name, "title": q.title, "description": q.description, "query": q.text}
        for q in named_queries.all_queries()
    ]
    return render_template(
        "sparql.html",
        endpoint=url_for("sparql.endpoint", _external=True),
        prefixes=dict(PREFIXES),
        examples=examples,
        page_title="SPARQL query editor",
    )


def requested_dataset() -> QueryDataset | None:
    """The dataset that default-graph-uri / named-graph-uri name, if they name one."""
    defaults = request.values.getlist("default-graph-uri")
    named = request.values.getlist("named-graph-uri")
    if not defaults and not named:
        return None
    for iri in defaults + named:
        if not is_absolute_iri(iri):
            raise BadRequest(f"{iri!r} is not an absolute IRI (default-graph-uri/named-graph-uri)")
    return QueryDataset(tuple(URIRef(g) for g in defaults), tuple(URIRef(g) for g in named))


def _update(text: str) -> Response:
    """Run an update whose graphs still conform after it (see mhkg.writes): 204, else 422
    with the report and nothing written."""
    safety.check_update(text)
    using = _graph_iris("using-graph-uri")
    using_named = _graph_iris("using-named-graph-uri")
    minter = Minter(current_app.config["BASE_IRI"])
    with writing() as store:
        writes.update(
            store, minter, text, base=service_base(), using=using, using_named=using_named
        )
    return Response(status=204)


def service_base() -> str:
    """What relative IRIs in a query or update are resolved against: the endpoint's URL."""
    return url_for("sparql.endpoint", _external=True)


def _graph_iris(parameter: str) -> list[URIRef]:
    iris = request.values.getlist(parameter)
    for iri in iris:
        if not is_absolute_iri(iri):
            raise BadRequest(f"{iri!r} is not an absolute IRI ({parameter})")
    return [URIRef(iri) for iri in iris]
