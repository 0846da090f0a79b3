"""Where the knowledge graph lives: an embedded store on disk by default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from mhkg.errors import StoreError
from mhkg.store.base import EXPORT_FORMATS, Store
from mhkg.store.embedded import EmbeddedStore

__all__ = ["EXPORT_FORMATS", "Store", "default_location", "open_store"]


def default_location() -> str:
    """`MHKG_STORE` if set, else a folder in the user's data directory."""
    return os.environ.get("MHKG_STORE") or str(Path(user_data_dir("mhkg")) / "store")


def open_store(location: str | Path | None = None, *, create: bool = True) -> Store:
    """Open the store at a folder; a missing folder is created, unless `create` is False."""
    location = str(location or default_location())
    if location.startswith(("http://", "https://")):
        raise StoreError(
            f"{location}: remote SPARQL stores are not supported by this version; "
            "give a folder for the embedded store"
        )
    if not create and not Path(location).is_dir():
        raise StoreError(f"there is no store at {location}: load data first, or check --store")
    return EmbeddedStore(location)
