"""The landing page: what this is, where to go, some resources to start from."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from mhkg import queries as named_queries
from mhkg.server.description import labels
from mhkg.server.links import local_href
from mhkg.server.negotiation import HTML, negotiate
from mhkg.server.store import get_store
from mhkg.vocab import MHKG

blueprint = Blueprint("home", __name__)

EXAMPLE_CLASSES = (
    MHKG.Project,
    MHKG.Organisation,
    MHKG.Event,
    MHKG.Person,
    MHKG.Country,
    MHKG.SourceDocument,
)


_EXAMPLES = (
    "SELECT DISTINCT ?r ?c WHERE { ?r a/rdfs:subClassOf* ?c FILTER(isIRI(?r)) } ORDER BY ?r LIMIT 2"
)


def _examples() -> list[dict[str, str]]:
    """A few resources of each main class (subclasses included), to start browsing from."""
    store = get_store()
    query = _EXAMPLES
    found = [row["r"] for c in EXAMPLE_CLASSES for row in store.query(query, {"c": c}).rows]
    names = labels(store, set(found))
    return [{"iri": str(r), "href": local_href(r), "label": names.get(r, str(r))} for r in found]


@blueprint.route("/")
def index() -> Response | str:
    places = {
        "sparql": url_for("sparql.endpoint"),
        "queries": url_for("named_queries.index"),
        "projects": url_for("projects.browse"),
        "explore": url_for("explore.page"),
        "reconcile": url_for("reconcile.service"),
        "ontology": url_for("vocabulary.ontology_document"),
        "shapes": url_for("vocabulary.shapes_document"),
        "dataset": url_for("dataset.description"),
        "openapi": url_for("openapi.description"),
    }
    if negotiate([HTML, "application/json"]) == "application/json":
        return jsonify({name: request.host_url.rstrip("/") + path for name, path in places.items()})
    return render_template(
        "index.html",
        places=places,
        queries=named_queries.all_queries(),
        examples=_examples(),
        page_title=None,
    )
