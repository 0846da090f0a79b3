"""Record readers: one module per source format, each pure (a source in, records out).

`loader_for(source)` picks the reader from the file's extension and content.
"""

from __future__ import annotations

from collections.abc import Callable

from mhkg.errors import RecordError
from mhkg.loaders.source import LoadContext, Record, Source

Loader = Callable[[Source, LoadContext], list[Record]]


def loader_for(source: Source) -> Loader:
    """The loader that reads `source`, judged from its media type and content."""
    from mhkg.loaders import iati, idf_page, news, page_text, tabular

    if source.media_type == "text/csv":
        return tabular.load_csv
    if source.media_type == "application/json":
        return tabular.load_json
    if source.media_type == "application/xml":
        return iati.load
    if source.media_type not in ("text/plain", "text/html"):
        raise RecordError(source.name, f"has an unsupported format ({source.media_type})")
    if idf_page.is_project_page(page_text.read(source).lines):
        return idf_page.load
    return news.load


__all__ = ["LoadContext", "Loader", "Record", "Source", "loader_for"]
