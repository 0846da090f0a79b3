"""The HTTP face of mhkg: a Flask application factory and a production server.

One blueprint per concern: the SPARQL 1.1 Protocol and query editor (sparql), linked data
(linked_data), the ontology and shapes (vocabulary), the named queries (named_queries), the
dataset description and dumps (dataset), the landing page (home), /openapi.json (openapi), and
stakeholder exploration (explore: the /explore page and its JSON API; reconcile: /reconcile).
Safe by default (safety): read-only, no fetching, bounded queries (workers: the timeout).
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from mhkg.iri import Minter

DEFAULTS = {
    "STORE": None,  # folder of the embedded store (MHKG_STORE)
    "BASE_IRI": None,  # the IRIs this server answers for (MHKG_BASE_IRI)
    "QUERY_TIMEOUT": 30.0,  # seconds a client's query may run; 0: no limit
    "QUERY_WORKERS": 2,  # worker processes running clients' queries
    "MAX_ROWS": 10_000,  # results beyond this are cut, with MHKG-Truncated: true; 0: no cap
    "MAX_QUERY_LENGTH": 100_000,  # characters
    "MAX_CONTENT_LENGTH": 1_000_000,  # bytes of a request body (Flask's own setting)
    "ALLOW_UPDATE": False,
    "ALLOW_LOAD": False,
    "ALLOW_SERVICE": False,
    "DATASET_LICENSE": "https://creativecommons.org/licenses/by/4.0/",
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application; `config` overrides defaults and MHKG_* environment variables."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("MHKG")
    if config:
        app.config.from_mapping(config)
    from mhkg.server import (
        dataset,
        errors,
        explore,
        home,
        linked_data,
        links,
        named_queries,
        openapi,
        reconcile,
        safety,
        sparql,
        store,
        vocabulary,
    )

    store.init_app(app)
    errors.init_app(app)
    links.init_app(app)
    safety.init_app(app)
    for module in (home, sparql, named_queries, linked_data, vocabulary, dataset, openapi):
        app.register_blueprint(module.blueprint)
    explore.init_app(app)
    reconcile.init_app(app)
    return app


def serve(location: str, minter: Minter, *, host: str, port: int, **settings: Any) -> None:
    """Run the app under waitress, loading the bundled data first into an empty store.

    `settings` are configuration keys in lower case (timeout → QUERY_TIMEOUT, max_rows, ...).
    """
    import waitress

    from mhkg.server.store import close, load_bundled_data_if_empty

    load_bundled_data_if_empty(location, minter)
    config = {"STORE": location, "BASE_IRI": minter.base}
    config.update({_SETTINGS.get(k, k.upper()): v for k, v in settings.items() if v is not None})
    app = create_app(config)
    app.extensions["mhkg.workers"].start()
    print(f"mhkg: serving {location} on http://{host}:{port}/ (SPARQL at /sparql)", flush=True)
    try:
        waitress.serve(app, host=host, port=port, threads=max(4, 2 * app.config["QUERY_WORKERS"]))
    finally:
        close(app)


_SETTINGS = {"timeout": "QUERY_TIMEOUT", "workers": "QUERY_WORKERS", "max_rows": "MAX_ROWS"}
