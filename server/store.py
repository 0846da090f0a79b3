"""The application's store: opened once per app, closed with it."""

from __future__ import annotations

from flask import Flask, current_app

from mhkg import pipeline
from mhkg.iri import Minter
from mhkg.store import Store, open_store


def init_app(app: Flask) -> None:
    app.extensions["mhkg.store"] = open_store(app.config["STORE"])


def get_store() -> Store:
    return current_app.extensions["mhkg.store"]


def load_bundled_data_if_empty(location: str, minter: Minter) -> None:
    """A new user sees a populated graph: the seed documents that ship with mhkg."""
    with open_store(location) as kg:
        pipeline.install_vocabulary(kg, minter)
        if pipeline.is_empty(kg, minter):
            report = pipeline.load_bundled(kg, minter)
            print(f"mhkg: loaded {len(report.loaded)} bundled record(s)", flush=True)
