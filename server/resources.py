"""The ontology and the shapes, as published files."""

from __future__ import annotations

from flask import Blueprint, Response

from mhkg import ontology, shapes

blueprint = Blueprint("resources", __name__)


@blueprint.route("/ontology")
def ontology_document() -> Response:
    return Response(ontology.text(), mimetype="text/turtle")


@blueprint.route("/shapes")
def shapes_document() -> Response:
    return Response(shapes.text(), mimetype="text/turtle")
