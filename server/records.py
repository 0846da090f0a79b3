"""POST /records: records uploaded over HTTP, loaded as `mhkg load` loads files.

The body is a multipart/form-data of files (each named by its file name), or one file as
the body itself, named by ``?name=FILE`` (else by its Content-Type: ``upload.csv``…). A
file's name identifies its source document, as on the command line: uploading a file of the
same name again replaces what it said. Every record goes through the same loaders,
extraction and validation; a rejected record writes nothing, the others are stored. Needs a
write token (see auth).

The answer (JSON) lists the records stored (source, named graph, triples) and those
rejected (source, record, reason, and the shapes' violations): 200 when every record was
stored, 422 when none was, and 200 with both lists when some were.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import BadRequest, UnsupportedMediaType

from mhkg import pipeline
from mhkg.errors import RecordError, ValidationError
from mhkg.iri import Minter
from mhkg.loaders.source import MEDIA_TYPES, Source
from mhkg.server import auth
from mhkg.server.openapi import add_paths
from mhkg.server.openapi_objects import answer, operation, parameter
from mhkg.server.openapi_schemas import TEXT
from mhkg.server.store import writing

blueprint = Blueprint("records", __name__)

EXTENSION_OF_TYPE = {media_type: extension for extension, media_type in MEDIA_TYPES.items()}


@blueprint.route("/records", methods=["POST"])
def upload() -> Response:
    auth.require_writer()
    sources = _sources()
    minter = Minter(current_app.config["BASE_IRI"])
    with writing() as store:
        report = pipeline.load_sources(store, [pipeline.opened(s) for s in sources], minter)
    body = {
        "loaded": [
            {"source": r.source, "graph": str(r.graph), "triples": r.triples} for r in report.loaded
        ],
        "rejected": [_refusal(error) for error in report.rejected],
        "records": report.records,
        "triples": report.triples,
    }
    response = jsonify(body)
    response.status_code = 422 if report.rejected and not report.records else 200
    return response


def _sources() -> list[Source]:
    """The uploaded files as sources. Raises BadRequest or UnsupportedMediaType."""
    try:
        if request.mimetype == "multipart/form-data":
            files = [f for f in request.files.values() if f.filename]
            if not files:
                raise BadRequest("the form holds no file: send each record file as a file part")
            return [Source.from_bytes(_base_name(f.filename), f.read()) for f in files]
        name = request.args.get("name")
        if not name:
            extension = EXTENSION_OF_TYPE.get(request.mimetype)
            if extension is None:
                readable = ", ".join(sorted(EXTENSION_OF_TYPE))
                raise UnsupportedMediaType(
                    f"a body of {request.mimetype or 'no type'} is not records mhkg reads; send "
                    f"one of {readable}, or name the file (?name=FILE)"
                )
            name = f"upload{extension}"
        return [Source.from_bytes(_base_name(name), request.get_data())]
    except RecordError as error:  # an empty file
        raise BadRequest(str(error)) from None


def _base_name(name: str) -> str:
    """A file name without its folders (a client's path says nothing about the source)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not base or base in (".", ".."):
        raise BadRequest(f"{name!r} is not a file name")
    return base


def _refusal(error: RecordError) -> dict[str, Any]:
    refusal: dict[str, Any] = {"source": error.source, "record": error.record,
                               "reason": error.reason}  # fmt: skip
    if isinstance(error, ValidationError):
        refusal["violations"] = error.violations
    return refusal


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
    kinds = sorted(EXTENSION_OF_TYPE)
    body = {"content": {t: {"schema": TEXT} for t in [*kinds, "multipart/form-data"]}}
    done = {"application/json": {"type": "object"}}
    add_paths(app, {
        "/records": {
            "post": operation(
                "Upload records in any format mhkg load reads (a write token)",
                {"200": answer("What was stored and what was rejected", done)},
                parameter("name", description="The file's name (its format and source)"),
                requestBody=body,
                errors=(400, 401, 403, 413, 415, 422),
            )
        }
    })  # fmt: skip
