"""Content negotiation: the HTTP Accept header (RFC 9110 §12.5.1) and a `format` override.

An offer's quality is the q of the most specific media range that matches it
(``text/turtle`` before ``text/*`` before ``*/*``; parameters other than q count as more
specific); q=0 means "not acceptable". The best offer has the highest quality; ties go to
the offer matched by the more specific range, then to the server's order of preference.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from flask import request
from werkzeug.exceptions import BadRequest, NotAcceptable

SOLUTION_TYPES = {  # SELECT and ASK results
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
RDF_TYPES = {  # graphs; the value is the mhkg.results name of the serialisation
    "text/turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
HTML = "text/html"
JSON_FAMILY = ("application/sparql-results+json", "application/ld+json")  # application/json
FORMAT_NAMES = {  # the `format` parameter → the media types it names, the first offered wins
    "json": JSON_FAMILY,
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
    "html": (HTML,),
    "turtle": ("text/turtle",),
    "ttl": ("text/turtle",),
    "jsonld": ("application/ld+json",),
    "rdf": ("application/rdf+xml",),
    "nt": ("application/n-triples",),
    "trig": ("application/trig",),
    "nquads": ("application/n-quads",),
    "nq": ("application/n-quads",),
    # the names clients such as SPARQLWrapper send along with Accept
    "json-ld": ("application/ld+json",),
    "n3": ("text/turtle",),  # Turtle is N3
    "rdf+xml": ("application/rdf+xml",),
    "ntriples": ("application/n-triples",),
    "n-triples": ("application/n-triples",),
    "n-quads": ("application/n-quads",),
}
SUFFIXES = {
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
    ".nt": "application/n-triples",
    ".html": HTML,
}
SUFFIX_OF = {media_type: suffix for suffix, media_type in SUFFIXES.items()}


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float = 1.0
    params: dict[str, str] = field(default_factory=dict)

    @property
    def specificity(self) -> int:
        if self.type == "*":
            return 0
        if self.subtype == "*":
            return 1
        return 3 if self.params else 2

    def matches(self, media_type: str) -> bool:
        if (self.type, self.subtype) == ("application", "json"):
            return media_type in JSON_FAMILY or media_type == "application/json"
        kind, _, sub = media_type.partition("/")
        return self.type in ("*", kind) and self.subtype in ("*", sub)


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed ones are left out."""
    ranges = []
    for item in (header or "").split(","):
        media, *raw_params = (part.strip() for part in item.split(";"))
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub or (kind == "*" and sub != "*"):
            continue
        params, q = {}, 1.0
        for raw in raw_params:
            name, _, value = raw.partition("=")
            name, value = name.strip().lower(), value.strip().strip('"')
            if name == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
                break  # what follows q are accept-extensions
            if name and name != "charset":
                params[name] = value
        ranges.append(MediaRange(kind, sub, q, params))
    return ranges


def quality(ranges: Sequence[MediaRange], media_type: str) -> tuple[float, int]:
    """(q, specificity) of the most specific range that matches `media_type`; (0, -1) if none."""
    matching = [r for r in ranges if r.matches(media_type)]
    if not matching:
        return (0.0, -1)
    best = max(matching, key=lambda r: r.specificity)
    return (best.q, best.specificity)


def best_match(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers (the first offer when it states no preference), or None
    when it accepts none of them."""
    ranges = parse_accept(header)
    if not ranges:
        return offers[0] if offers else None
    scored = []
    for position, offer in enumerate(offers):
        q, specificity = quality(ranges, offer)
        if q > 0:
            scored.append((-q, -specificity, position, offer))
    return min(scored)[3] if scored else None


def negotiate(offers: Sequence[str], *, allow_format: bool = True) -> str:
    """The media type to answer with: the one the `format` parameter names, else the best
    match for Accept. 400 for a format not offered, 406 when Accept allows none."""
    name = request.args.get("format") if allow_format else None
    if name is None and allow_format and request.method == "POST":
        name = request.form.get("format")
    if name:
        candidates = FORMAT_NAMES.get(name.lower(), (name.lower(),))  # or a media type
        for media_type in candidates:
            if media_type in offers:
                return media_type
        names = sorted(n for n, types in FORMAT_NAMES.items() if set(types) & set(offers))
        raise BadRequest(f"format {name!r} is not offered here; use one of {', '.join(names)}")
    chosen = best_match(request.headers.get("Accept"), offers)
    if chosen is None:
        raise NotAcceptable(f"this resource is available as {', '.join(offers)}")
    return chosen


def offers_for(*kinds: Mapping[str, str]) -> list[str]:
    return [media_type for kind in kinds for media_type in kind]
