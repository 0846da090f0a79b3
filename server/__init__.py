"""The HTTP face of mhkg: a Flask application factory and a production server.

This first version serves the SPARQL 1.1 Protocol (query by GET and POST),
the named queries, and the ontology and shapes as Turtle.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from mhkg.iri import Minter

DEFAULTS = {"STORE": None, "BASE_IRI": None, "QUERY_TIMEOUT": 30.0, "ALLOW_SERVICE": False}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application; `config` overrides defaults and MHKG_* environment variables."""
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("MHKG")
    if config:
        app.config.from_mapping(config)
    from mhkg.server import errors, resources, sparql, store

    store.init_app(app)
    errors.init_app(app)
    app.register_blueprint(sparql.blueprint)
    app.register_blueprint(resources.blueprint)
    return app


def serve(location: str, minter: Minter, *, host: str, port: int, timeout: float) -> None:
    """Run the app under waitress, loading the bundled data first into an empty store."""
    import waitress

    from mhkg.server.store import load_bundled_data_if_empty

    load_bundled_data_if_empty(location, minter)
    app = create_app({"STORE": location, "BASE_IRI": minter.base, "QUERY_TIMEOUT": timeout})
    print(f"mhkg: serving {location} on http://{host}:{port}/sparql", flush=True)
    waitress.serve(app, host=host, port=port, threads=4)
