"""What a load tells as it goes: the interface `mhkg.pipeline` reports to, apart from the
pipeline so that the command line can show progress without importing it first."""

from __future__ import annotations


class Progress:
    """What a load tells as it goes (this one tells nothing): the bytes it will read, each
    record written or refused, each source done."""

    def start(self, total_bytes: int) -> None:
        """Before anything is read: the size of the sources (0 when unknown)."""

    def record(self, written: bool, triples: int = 0) -> None:
        """A record written (with its triples) or refused."""

    def source_done(self, size: int) -> None:
        """A source read to its end (or refused), `size` bytes."""
