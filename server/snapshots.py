"""The copies of the store that the query workers open.

The serving process holds the store read-write; the workers read it from a snapshot (a
RocksDB checkpoint: hard links to the store's immutable files, see EmbeddedStore.snapshot)
taken when the server starts and again after each write, rather than from the folder the
server writes to, which pyoxigraph does not support (a reader's query can spin while a
compaction removes its files). A snapshot is removed once no worker has it open.

The snapshots live next to the store, in a folder of their own (hard links need the same
file system), named after the store and removed when the server stops. The server holds the
store's lock, so a folder of that name left by an earlier server that did not stop cleanly
is nobody's any more: it is removed when the next server starts. Where no snapshot can be
made (a folder whose parent cannot be written), the workers read the store itself, as before,
and the log says so.
"""

from __future__ import annotations

import glob
import logging
import shutil
import tempfile
import threading
from pathlib import Path

from mhkg.errors import StoreError
from mhkg.store.embedded import EmbeddedStore

logger = logging.getLogger("mhkg.server")


class Snapshots:
    def __init__(self, store: EmbeddedStore) -> None:
        self._store = store
        folder = Path(store.location)
        prefix = f".{folder.name}.snapshots-"
        for stale in folder.parent.glob(f"{glob.escape(prefix)}*"):
            shutil.rmtree(stale, ignore_errors=True)
        self._lock = threading.Lock()
        self._taken = 0
        try:
            self._root: Path | None = Path(tempfile.mkdtemp(prefix=prefix, dir=folder.parent))
        except OSError as error:
            self._root = None
            _fall_back(store, error)

    def take(self) -> str:
        """A new snapshot of the store as it is now: the location for the workers to open."""
        if self._root is None:
            return self._store.location
        with self._lock:
            self._taken += 1
            target = self._root / str(self._taken)
        try:
            self._store.snapshot(target)
        except StoreError as error:
            _fall_back(self._store, error)
            return self._store.location
        return str(target)

    def remove(self, location: str) -> None:
        """The workers have left the snapshot at `location` (never the store itself)."""
        if self._root is not None and Path(location).parent == self._root:
            shutil.rmtree(location, ignore_errors=True)

    def close(self) -> None:
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)


def _fall_back(store: EmbeddedStore, error: Exception) -> None:
    logger.warning(
        "mhkg: cannot keep snapshots of the store at %s (%s): the query workers read the "
        "store itself, which a write can leave them unable to read until they are replaced",
        store.location,
        error,
    )
