"""Record readers: one module per source format, each pure (a source in, records out).

`loader_for(source)` picks the reader from the file's extension and content (XML whose root
is an IATI one is read as IATI under any name that does not say otherwise: `.txt`, none). A reader
checks the whole source when it is called, and raises RecordError then for a source it
refuses whole; it returns an iterator that gives the records one at a time, so that a file
of many records is never held as its records (see `tabular` and `iati`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from mhkg.errors import RecordError
from mhkg.loaders.limits import Limits
from mhkg.loaders.limits import current as current_limits
from mhkg.loaders.source import LoadContext, Record, Source, sniffed

# A loader checks the whole source when called (RecordError: the source is refused whole,
# nothing of it is written) and returns an iterator that reads its records one at a time.
Loader = Callable[[Source, LoadContext], Iterator[Record]]


def loader_for(source: Source, limits: Limits | None = None) -> Loader:
    """The loader that reads `source`, judged from its media type and content.

    Raises RecordError for a source larger than `limits` (else the limits in force) let a
    file of its kind be, before anything of it is parsed, and for a format mhkg does not read.
    """
    from mhkg.loaders import iati, idf_page, news, page_text, rdf, tabular

    media_type = sniffed(source.data, source.media_type)  # an IATI file, whatever its name
    (limits or current_limits()).check_file(source.name, len(source.data), media_type)
    if source.media_type == "text/csv":
        return tabular.load_csv
    if source.media_type == "application/json":
        return tabular.load_json
    if media_type == "application/xml":
        return iati.load
    if source.media_type in rdf.MEDIA_TYPES:
        return rdf.load
    if source.media_type not in ("text/plain", "text/html"):
        raise RecordError(source.name, f"has an unsupported format ({source.media_type})")
    lines = page_text.read(source).lines
    if idf_page.is_project_page(lines) or idf_page.has_header_labels(lines):
        return idf_page.load  # a page whose header is broken off is refused there, not news
    return news.load


__all__ = ["LoadContext", "Loader", "Record", "Source", "loader_for"]
