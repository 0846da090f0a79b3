"""Where the knowledge graph lives: an embedded store on disk by default."""

from __future__ import annotations

import logging
import os
from contextlib import suppress
from pathlib import Path

from platformdirs import user_data_dir

from mhkg.errors import MhkgError, StoreError
from mhkg.store.base import EXPORT_FORMATS, Store
from mhkg.store.embedded import EmbeddedStore
from mhkg.store.remote import RemoteStore

__all__ = [
    "EXPORT_FORMATS",
    "Store",
    "default_location",
    "is_remote",
    "open_reader",
    "open_store",
]

logger = logging.getLogger(__name__)


def default_location() -> str:
    """`MHKG_STORE` if set, else a folder in the user's data directory."""
    return os.environ.get("MHKG_STORE") or str(Path(user_data_dir("mhkg")) / "store")


def open_store(location: str | Path | None = None, *, create: bool = True) -> Store:
    """Open the store at a folder (a missing folder is created, unless `create` is False),
    or at a SPARQL 1.1 endpoint named by its URL (see mhkg.store.remote).

    A load that was cut short (a crash, a full disk) leaves the derived graph marked out of
    date; opening the store finishes that load's work (see mhkg.derivation), so that every
    reader sees derived links in step with the records.

    Raises StoreError when the folder cannot be opened or written (with the folder's name).
    """
    location = str(location or default_location())
    store: Store
    if is_remote(location):
        store = RemoteStore(location)
    else:
        if not create and not Path(location).is_dir():
            raise StoreError(f"there is no store at {location}: load data first, or check --store")
        store = EmbeddedStore(location)
    try:
        _finish_interrupted_load(store)
    except BaseException:
        with suppress(MhkgError):  # the first error is the one to tell
            store.close()
        raise
    return store


def is_remote(location: str | Path) -> bool:
    """Whether `location` names a SPARQL endpoint (a URL) rather than a folder."""
    return str(location).startswith(("http://", "https://"))


def open_reader(location: str) -> Store:
    """The store at `location` for reading only, as the server's query workers open it: the
    embedded store read-only (without its lock), or the remote endpoint."""
    if is_remote(location):
        return RemoteStore(location)
    return EmbeddedStore(location, read_only=True)


def _finish_interrupted_load(store: Store) -> None:
    from mhkg import derivation  # which writes through this package: imported late

    if derivation.finish_interrupted_load(store):
        logger.warning(
            "mhkg: the last load into %s was cut short: its derived links are recomputed",
            store.location,
        )
