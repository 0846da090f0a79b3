"""Minting of every IRI the project creates.

All entity IRIs live under one base IRI (``MHKG_BASE_IRI``, default
``https://w3id.org/mhkg/``) and are derived from what identifies the entity
— a project title, an acronym or normalised name plus country — never from load order, so
the same record loaded twice gets the same IRIs.

Layout under the base::

    id/{kind}/{slug}        entities (project, organisation, person, ...)
    id/annotation/{slug}    where an extracted statement was read (W3C Web Annotation)
    id/country/{ISO3}       countries, by ISO 3166-1 alpha-3 code
    id/sdg/{N}              Sustainable Development Goals
    id/sdg-target/{N.M}     their targets
    id/sector/{vocabulary}-{code}   sectors of published vocabularies (DAC purpose codes)
    id/iati-activity-status/{code}  IATI ActivityStatus codes (2: Implementation)
    graph/{slug}            named graphs, one per source document
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph
from rdflib import URIRef

from mhkg.errors import ConfigurationError

DEFAULT_BASE_IRI = "https://w3id.org/mhkg/"
MAX_SLUG_LENGTH = 60

ENTITY_KINDS = (
    "project",
    "organisation",
    "person",
    "post",
    "event",
    "place",
    "region",
    "participation",
    "budget",
    "document",
    "agent",
    "annotation",
    "sector",
    "project-status",
    "project-type",
    "coverage",
    "iati-activity-status",
)


@lru_cache(maxsize=1024)  # names that recur in every record (countries, IOM); a fixed bound
def normalise_name(name: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive form of a name (any script)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"[\W_]+", " ", text)  # letters of any script and digits are kept
    return " ".join(text.split())


def slugify(*parts: str) -> str:
    """A readable, stable path segment for the given parts.

    Long names are cut at a word boundary and get a short hash of the whole
    key, so two long names that share a prefix still get distinct slugs. A
    name of symbols only ("€€") gets a slug made of its hash.
    """
    key = " ".join(normalise_name(p) for p in parts if p)
    if not key:
        raw = " ".join(p.strip() for p in parts if p and p.strip())
        if not raw:
            raise ValueError("cannot mint a slug from an empty name")
        return "x-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:8]
    slug = key.replace(" ", "-")
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    cut = slug[: MAX_SLUG_LENGTH - 9].rsplit("-", 1)[0]
    return f"{cut}-{digest}"


BASE_IRI_PATTERN = re.compile(r"^https?://[^\s<>\"{}|\\^`#?]+$")


def base_iri() -> str:
    """The configured base IRI, always ending in '/' (entity IRIs are slash IRIs)."""
    base = os.environ.get("MHKG_BASE_IRI") or DEFAULT_BASE_IRI
    if not BASE_IRI_PATTERN.match(base):
        raise ConfigurationError(
            f"MHKG_BASE_IRI={base!r} is not an http(s) IRI without spaces, query or fragment"
        )
    return base if base.endswith("/") else base + "/"


SYSTEM_GRAPHS = ("ontology", "reference", "derived")
"""The graphs mhkg keeps itself: the ontology, the reference data, the derived links."""


@dataclass(frozen=True)
class Minter:
    """Mints IRIs under one base. Every loader goes through one of these."""

    base: str = DEFAULT_BASE_IRI

    @classmethod
    def from_environment(cls) -> Minter:
        return cls(base_iri())

    def entity(self, kind: str, *name_parts: str) -> URIRef:
        if kind not in ENTITY_KINDS:
            raise ValueError(f"unknown entity kind {kind!r}")
        return URIRef(f"{self.base}id/{kind}/{slugify(*name_parts)}")

    def project(self, title: str) -> URIRef:
        """A project by its title: the one thing every source that names a project gives
        (a page, a record, a news article quoting it), so they all meet on one IRI."""
        return self.entity("project", title)

    def organisation(self, key: str, country_iso3: str | None = None, scope: str = "") -> URIRef:
        """An organisation by what identifies it: its acronym or name, its country for a
        national body, and for a body that exists within one project (a steering
        committee) that project's slug."""
        return self.entity("organisation", scope, key, country_iso3 or "")

    def participation(self, project: URIRef, organisation: URIRef, role: str) -> URIRef:
        return self.entity("participation", tail(project), tail(organisation), role)

    def budget(self, project: URIRef, period: str = "") -> URIRef:
        return self.entity("budget", tail(project), period)

    def country(self, iso3: str) -> URIRef:
        return URIRef(f"{self.base}id/country/{iso3.upper()}")

    def sdg(self, goal: int) -> URIRef:
        return URIRef(f"{self.base}id/sdg/{int(goal)}")

    def sdg_target(self, target: str) -> URIRef:
        """A target of an SDG by its number, "10.7" or "3.b"."""
        if not re.fullmatch(r"(?:1[0-7]|[1-9])\.(?:\d{1,2}|[a-z])", target):
            raise ValueError(f"{target!r} is not an SDG target number such as 10.7 or 3.b")
        return URIRef(f"{self.base}id/sdg-target/{target}")

    def sector(self, vocabulary: str, code: str) -> URIRef:
        """A sector of a published vocabulary, e.g. ("dac", "12220")."""
        return self.entity("sector", vocabulary, code)

    def document(self, source_name: str) -> URIRef:
        return self.entity("document", source_name)

    def graph(self, source_name: str) -> URIRef:
        """The named graph that holds what one source document says."""
        return URIRef(f"{self.base}graph/{slugify(source_name)}")

    def system_graph(self, name: str) -> URIRef:
        """Named graphs of the project itself: ontology, reference, derived."""
        return URIRef(f"{self.base}graph/{name}")

    def system_graphs(self) -> set[URIRef]:
        """The graphs mhkg keeps itself (`SYSTEM_GRAPHS`): no client or file writes them."""
        return {self.system_graph(name) for name in SYSTEM_GRAPHS}


def tail(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def is_absolute_iri(text: str) -> bool:
    r"""Whether `text` is an absolute IRI (RFC 3987), decided by the parser of the store that
    will be asked about it (a regular expression lets through what it then refuses).

    >>> is_absolute_iri("https://w3id.org/mhkg/id/country/GIN"), is_absolute_iri("urn:x:y")
    (True, True)
    >>> is_absolute_iri("GIN"), is_absolute_iri("a:b c"), is_absolute_iri("a:b\x00")
    (False, False, False)
    """
    try:
        pyoxigraph.NamedNode(text)
    except ValueError:
        return False
    return True
