"""What every loader reads (a source document) and writes (records as graphs)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from mhkg.errors import RecordError
from mhkg.iri import Minter
from mhkg.loaders.gazetteer import Gazetteer
from mhkg.loaders.limits import Limits
from mhkg.loaders.limits import current as current_limits
from mhkg.loaders.organisations import Directory
from mhkg.loaders.registry import Registry

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".csv": "text/csv",
    ".json": "application/json",
    ".xml": "application/xml",
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".n3": "text/n3",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
    ".owl": "application/rdf+xml",
}


@dataclass(frozen=True)
class Source:
    """One source document: its name identifies it (and its named graph)."""

    name: str
    data: bytes
    media_type: str = "text/plain"
    origin: str = ""  # where it was read from (a path), for messages; the name if not given

    @classmethod
    def from_path(cls, path: Path, limits: Limits | None = None) -> Source:
        """The file at `path`; RecordError when it cannot be read, or is larger than
        `limits` (else the limits in force) let a file of its kind be: then it is not read
        beyond that size (its size on disk is checked first; a file that grows as it is read,
        or a device, is cut off one byte past the limit)."""
        limits = limits or current_limits()
        media_type = MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")
        try:
            if media_type in SNIFFED:  # its content decides: an IATI file may be named .txt
                with path.open("rb") as file:
                    media_type = sniffed(file.read(SNIFF_SIZE), media_type)
            limit, _ = limits.for_file(media_type)
            limits.check_file(path.name, path.stat().st_size, media_type)
            with path.open("rb") as file:
                data = file.read(limit + 1) if limit else file.read()
        except OSError as exc:
            raise RecordError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
        limits.check_file(path.name, len(data), media_type)
        return cls.from_bytes(path.name, data, origin=str(path))

    @classmethod
    def from_bytes(cls, name: str, data: bytes, origin: str = "") -> Source:
        """A source named `name`; its media type from the name's extension, else its content."""
        if not data.strip():
            raise RecordError(name, "is empty")
        media_type = MEDIA_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
        media_type = sniffed(data, media_type)
        if media_type == "application/octet-stream" and looks_like_html(data):
            media_type = "text/html"
        return cls(name=name, data=data, media_type=media_type, origin=origin or name)

    @property
    def text(self) -> str:
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RecordError(
                self.name, f"is not UTF-8 text (byte {exc.start}: {exc.reason})"
            ) from exc

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


# Media types that an extension does not settle: a plain-text name (or none) may hold an IATI
# activity file, as d-portal and others export them (".txt", no extension).
SNIFFED = ("text/plain", "application/octet-stream")
SNIFF_SIZE = 64 * 1024  # bytes read to find a file's root element
XML_ROOTS = {"iati-activities": "application/xml", "iati-activity": "application/xml"}


def sniffed(data: bytes, media_type: str) -> str:
    """`media_type`, unless it is one an extension does not settle (`SNIFFED`) and the
    data is XML whose root element is an IATI one: then "application/xml".

    >>> sniffed(b'<iati-activity xmlns:x="urn:x" x:v="2"><title/></iati-activity>', "text/plain")
    'application/xml'
    >>> sniffed(b"<p>a page</p>", "text/plain"), sniffed(b"Title: <b>", "text/plain")
    ('text/plain', 'text/plain')
    """
    if media_type not in SNIFFED:
        return media_type
    return XML_ROOTS.get(root_element(data[:SNIFF_SIZE]) or "", media_type)


def root_element(data: bytes) -> str | None:
    """The tag of the root element of XML `data` (its first bytes suffice), read by an XML
    parser that loads no DTD, expands no entity and fetches nothing; None when the data does
    not begin as XML (nothing but white space, a byte-order mark, an XML declaration,
    comments, processing instructions or a DOCTYPE before the root's start tag)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None  # not XML: a page is not parsed
    parser = etree.XMLPullParser(
        events=("start",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    try:
        parser.feed(data)
        for _, element in parser.read_events():
            return element.tag if isinstance(element.tag, str) else None
    except etree.XMLSyntaxError:
        return None
    return None


def looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


class Record:
    """The triples one record yields, destined for one named graph; or, for a record of a
    many-record source that could not be read, the error that says why (the source's
    other records go on).

    A loader may defer the work: `Record.deferred(name, build)` makes the graph (or raises
    the RecordError that refuses the record) only when `graph` or `error` is first asked for.
    A loader reads a whole file's records cheaply (names, checks against each other) and the
    costly part — triples, extraction from prose — is done for the records wanted, once.
    """

    __slots__ = ("_build", "_error", "_graph", "graph_name", "name")

    def __init__(
        self,
        name: str,
        graph: Graph | None = None,
        error: RecordError | None = None,
        graph_name: URIRef | None = None,
    ) -> None:
        self.name = name
        self.graph_name = graph_name  # its named graph, when the source names it (TriG)
        self._build: Callable[[], Graph] | None = None
        self._graph = graph if graph is not None or error is not None else Graph()
        self._error = error

    @classmethod
    def deferred(cls, name: str, build: Callable[[], Graph]) -> Record:
        record = cls.__new__(cls)
        record.name, record._build, record._graph, record._error = name, build, None, None
        record.graph_name = None
        return record

    def _made(self) -> None:
        if self._build is not None:
            build, self._build = self._build, None
            try:
                self._graph = build()
            except RecordError as error:
                self._error = error

    @property
    def graph(self) -> Graph:
        """The record's triples (empty for a refused record)."""
        self._made()
        return self._graph if self._graph is not None else Graph()

    @property
    def error(self) -> RecordError | None:
        """Why the record is refused, or None."""
        self._made()
        return self._error

    def __repr__(self) -> str:
        state = "deferred" if self._build else "refused" if self._error else "read"
        return f"Record({self.name!r}, {state})"


@dataclass(frozen=True)
class LoadContext:
    """What loaders need besides the source: where IRIs come from, what names mean, and
    which entities the reference data already describes."""

    minter: Minter
    gazetteer: Gazetteer = field(repr=False)
    reference: Graph = field(repr=False, default_factory=Graph)
    directory: Directory = field(repr=False, default_factory=Directory.bundled)
    registry: Registry = field(repr=False, default_factory=Registry)  # what is loaded so far
    limits: Limits = field(default_factory=current_limits)  # record size, prose read

    def knows(self, entity: URIRef) -> bool:
        """Whether the reference data describes `entity` (its label and type come from there)."""
        return (entity, None, None) in self.reference

    def country_name(self, iso3: str) -> str:
        """The English short name of a country, as the reference data labels it."""
        label = self.reference.value(self.minter.country(iso3), RDFS.label)
        return str(label) if label is not None else iso3
