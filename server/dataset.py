"""/dataset (and /.well-known/void): the dataset's VoID and DCAT description, negotiated;
/dataset/dump.{ttl,trig,nq,jsonld}: the whole dataset, with ETag and Last-Modified (from a
digest of the store's state), answering 304 to a client that has it, gzipped when the client
accepts it. Both are cached per process for as long as the store's state is unchanged."""

from __future__ import annotations

import gzip
import io
import threading
from datetime import datetime

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from werkzeug.exceptions import NotFound

from mhkg.server.negotiation import HTML, negotiate
from mhkg.server.responses import graph_response
from mhkg.server.store import get_store
from mhkg.server.void import DUMP_FORMATS, DUMP_TYPES, State, describe, state

blueprint = Blueprint("dataset", __name__)

DESCRIPTION_TYPES = [
    "text/turtle",
    HTML,
    "application/ld+json",
    "application/rdf+xml",
    "application/n-triples",
]
_lock = threading.Lock()


def _cache() -> dict:
    return current_app.extensions.setdefault("mhkg.dataset-cache", {})


def _cached(key: str, current: State, make):
    """The value made for `key` in this state of the store (made again when it changed)."""
    with _lock:
        hit = _cache().get(key)
        if hit is None or hit[0] != current.digest:
            hit = (current.digest, make())
            _cache()[key] = hit
        return hit[1]


def _urls() -> dict[str, str]:
    urls = {
        "dataset": url_for("dataset.description", _external=True),
        "sparql": url_for("sparql.endpoint", _external=True),
    }
    for ext in DUMP_TYPES:
        urls[f"dump.{ext}"] = url_for("dataset.dump", ext=ext, _external=True)
    return urls


@blueprint.route("/dataset")
def description() -> Response | str:
    store, current = get_store(), state(get_store())
    config = current_app.config
    graph = _cached(
        "void " + request.host_url,
        current,
        lambda: describe(
            store,
            _urls(),
            config["BASE_IRI"],
            config["DATASET_LICENSE"],
            contact=config["DATASET_CONTACT"],
            publisher=config["DATASET_PUBLISHER"],
        ),
    )
    media_type = negotiate(DESCRIPTION_TYPES)
    if media_type == HTML:
        return render_template(
            "dataset.html", graph=graph, urls=_urls(), state=current, page_title="The mhkg dataset"
        )
    return _conditional(graph_response(graph, media_type), current, "void")


@blueprint.route("/.well-known/void")
def well_known_void() -> Response:
    return redirect(url_for("dataset.description"), code=303)


@blueprint.route("/dataset/dump.<ext>")
def dump(ext: str) -> Response:
    if ext not in DUMP_FORMATS:
        raise NotFound(f"no dump as .{ext}; there are: {', '.join(DUMP_FORMATS)}")
    current = state(get_store())
    body = _cached(f"dump.{ext}", current, lambda: _export(DUMP_FORMATS[ext]))
    zipped = request.accept_encodings["gzip"] > 0
    if zipped:
        body = _cached(f"dump.{ext}.gz", current, lambda: gzip.compress(body, mtime=0))
    response = Response(body, mimetype=DUMP_TYPES[ext])
    response.headers["Content-Disposition"] = f'attachment; filename="mhkg.{ext}"'
    response.vary.add("Accept-Encoding")
    if zipped:
        response.headers["Content-Encoding"] = "gzip"
    return _conditional(response, current, f"{ext}{'-gz' if zipped else ''}")


def _export(fmt: str) -> bytes:
    out = io.BytesIO()
    get_store().export(out, fmt)
    return out.getvalue()


def _conditional(response: Response, current: State, variant: str) -> Response:
    response.set_etag(f"{current.digest[:32]}-{variant}")
    if current.modified:
        response.last_modified = datetime.fromisoformat(current.modified.replace("Z", "+00:00"))
    return response.make_conditional(request)
