"""The HTTP face of mhkg: a Flask application factory and a production server.

One blueprint per concern: the SPARQL 1.1 Protocol and query editor (sparql), the Graph Store
Protocol (graph_store; writes need a token, see auth, and keep the graph valid, see
mhkg.writes), linked data
(linked_data), the ontology and shapes (vocabulary), the named queries (named_queries), the
dataset description and dumps (dataset), the landing page (home), /openapi.json (openapi), and
stakeholder exploration (explore: the /explore page and its JSON API; reconcile: /reconcile),
the faceted project browser (projects: /projects) and the charts of its selection
(overview: /overview).
Safe by default (safety): read-only, no fetching, bounded queries (workers: the timeout),
bounded connections (connections), absolute URLs from the configured public address
(public_url), security headers (headers), errors in one shape (errors), logs (logs).

The settings, their defaults, environment variables and `mhkg serve` options are one table:
server/settings.py. A new setting is a row there.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import TYPE_CHECKING, Any

from mhkg.iri import Minter
from mhkg.server import settings

if TYPE_CHECKING:
    from flask import Flask

DEFAULTS = settings.defaults()


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the application: the defaults, then the MHKG_* environment variables, then
    `config` (what `mhkg serve` was given, or a test's settings), each over the one before.

    Raises ConfigurationError for an environment variable or public URL that cannot work.
    """
    from flask import Flask

    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(settings.from_environment(os.environ))
    if config:
        app.config.from_mapping(config)
    from mhkg.server import (
        dataset,
        errors,
        explore,
        facet_index,
        graph_store,
        headers,
        home,
        linked_data,
        links,
        logs,
        named_queries,
        openapi,
        overview,
        projects,
        public_url,
        reconcile,
        records,
        safety,
        sparql,
        store,
        vocabulary,
        words,
    )

    errors.init_app(app)
    headers.init_app(app)
    logs.init_app(app)
    public_url.init_app(app)  # after logs: the access log sees the client behind a proxy
    store.init_app(app)
    words.init_app(app)
    facet_index.init_app(app)
    links.init_app(app)
    safety.init_app(app)
    for module in (home, sparql, named_queries, linked_data, vocabulary, dataset, openapi):
        app.register_blueprint(module.blueprint)
    graph_store.init_app(app)
    records.init_app(app)
    explore.init_app(app)
    projects.init_app(app)
    overview.init_app(app)
    reconcile.init_app(app)
    return app


def serve(location: str, minter: Minter, **given: Any) -> None:
    """Run the app under waitress, loading the bundled data first into an empty store.

    `given` holds the settings given on the command line, by name in lower case
    (query_timeout, max_rows, host, ...; see server.settings); None means not given.
    """
    from mhkg.server import connections, logs
    from mhkg.server.public_url import listen_url
    from mhkg.server.store import close, load_bundled_data_if_empty

    logs.configure()
    load_bundled_data_if_empty(location, minter)
    config = {"STORE": location, "BASE_IRI": minter.base, **settings.given(given)}
    effective = {**DEFAULTS, **settings.from_environment(os.environ), **config}
    host, port = effective["HOST"], effective["PORT"]
    app = create_app({**config, "LISTEN_URL": listen_url(host, port)})
    server = connections.make_server(app, app.config)
    app.extensions["mhkg.workers"].start()
    for index in ("mhkg.words", "mhkg.facet_index"):  # the first visits need not wait
        app.extensions[index].prepare(generation=0)
    public = app.config["PUBLIC_URL"] or app.config["LISTEN_URL"]
    print(
        f"mhkg: serving {location} on {listen_url(host, port, literal=True)} "
        f"(SPARQL at /sparql; links name {public})",
        flush=True,
    )
    # SIGTERM (a service manager's stop) ends the server as Ctrl-C does: through `finally`,
    # which stops the query workers, busy ones included.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.run()
    finally:
        close(app)
