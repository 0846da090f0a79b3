"""The data set that ships with mhkg: the IOM seed documents."""

from __future__ import annotations

from importlib import resources

from mhkg.loaders.source import Source


def seed_sources() -> list[Source]:
    """The bundled seed documents, in file-name order (read from the package, not the disk)."""
    folder = resources.files(__package__).joinpath("seeds")
    files = sorted((f for f in folder.iterdir() if f.is_file()), key=lambda f: f.name)
    return [Source.from_bytes(f.name, f.read_bytes()) for f in files]
