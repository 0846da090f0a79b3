"""Finding entities by name: autocomplete, reconciliation, and names given on the command line.

A name matches an entity's label or one of its other names (acronym, alternative labels, a
country's ISO code), compared without case, accents or punctuation. Scores run from 0 to 1:
1 for the whole name, less for a prefix, for every word starting a word of the name, for a
piece of it, and least for names that merely look alike.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from mhkg.explore.graph import Entity, StakeholderGraph

MIN_SCORE = 0.35
MAX_QUERY = 200  # characters compared: longer text costs time and names nothing better
SURE = 0.9  # a name given for one entity must match it at least this well
CLOSE = 0.05  # ... and, unless exact, better than any other by this much


class ResolveError(LookupError):
    """A name that names no entity, or (`ambiguous`) more than one equally well."""

    def __init__(self, message: str, *, ambiguous: bool = False) -> None:
        super().__init__(message)
        self.ambiguous = ambiguous


@dataclass(frozen=True)
class Match:
    entity: Entity
    score: float
    name: str  # the label or other name that matched

    def to_json(self, href: Callable[[str], str] | None = None) -> dict:
        return {**self.entity.to_json(href), "score": round(self.score, 3)}


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def similarity(query: str, name: str) -> float:
    """How well `query` (normalised) names `name` (normalised), from 0 to 1."""
    if not query or not name:
        return 0.0
    if query == name:
        return 1.0
    if name.startswith(query):
        return 0.85 + 0.1 * len(query) / len(name)
    words, name_words = query.split(), name.split()
    if _prefixes_in_order(words, name_words):
        return 0.75 + 0.1 * len(query) / len(name)
    if f" {query}" in f" {name}":
        return 0.6 + 0.1 * len(query) / len(name)
    if query in name:  # inside a word
        return 0.4 + 0.1 * len(query) / len(name)
    shared = set(words) & set(name_words)
    overlap = len(shared) / len(set(words) | set(name_words))
    return 0.6 * max(overlap, difflib.SequenceMatcher(None, query, name).ratio())


def _prefixes_in_order(words: list[str], name_words: list[str]) -> bool:
    position = 0
    for word in words:
        while position < len(name_words) and not name_words[position].startswith(word):
            position += 1
        if position == len(name_words):
            return False
        position += 1
    return True


def names_of(entity: Entity) -> Iterable[str]:
    yield entity.label
    yield from entity.aliases
    if entity.type == "Country":
        yield from entity.countries


def search(
    kg: StakeholderGraph,
    text: str,
    *,
    types: Iterable[str] = (),
    limit: int = 10,
    min_score: float = MIN_SCORE,
) -> list[Match]:
    """The entities best named by `text`, best first (of the given types, if any)."""
    query = normalise(text[:MAX_QUERY])
    wanted = set(types)
    matches = []
    for entity in kg.entities.values():
        if wanted and entity.type not in wanted and not wanted & set(entity.kinds):
            continue
        score, name = max((similarity(query, normalise(n)), n) for n in names_of(entity))
        if score >= min_score:
            matches.append(Match(entity, score, name))
    matches.sort(key=lambda m: (-m.score, *kg.sort_key(m.entity.iri)))
    return matches[:limit]


def resolve(kg: StakeholderGraph, name_or_iri: str, *, types: Iterable[str] = ()) -> Entity:
    """The one entity an IRI or a name stands for; ResolveError says why there is none."""
    text = name_or_iri.strip().removeprefix("<").removesuffix(">")
    if text in kg.entities:
        return kg.entities[text]
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        raise ResolveError(f"no entity <{text}> in the graph (not a project, organisation, …)")
    matches = search(kg, text, types=types, limit=6)
    if not matches or matches[0].score < SURE:
        hint = _candidates(matches) if matches else ""
        raise ResolveError(f"no entity is named {text!r}{hint}")
    top = matches[0].score
    # an exact name decides unless another is exact too; a partial one must stand out
    best = [m for m in matches if m.score == top or (top < 1 and m.score >= top - CLOSE)]
    if len(best) > 1:
        raise ResolveError(
            f"{text!r} names several entities; give one's IRI{_candidates(best)}", ambiguous=True
        )
    return best[0].entity


def _candidates(matches: list[Match]) -> str:
    lines = "".join(f"\n  {m.entity.label} ({m.entity.type}) <{m.entity.iri}>" for m in matches)
    return f"; did you mean:{lines}"
