"""Finding entities by name: autocomplete, reconciliation, and names given on the command line.

A name matches an entity's label or one of its other names (acronym, alternative labels, a
country's ISO code), compared without case, accents or punctuation. Scores run from 0 to 1:
1 for the whole name, less for a prefix, for every word starting a word of the name, for a
piece of it, and least for names that merely look alike (rapidfuzz's similarity of the two
names with their words sorted, so that word order and small misspellings cost little).

Why an index: normalising every name of every entity at each query, then comparing it with
difflib, cost a whole pass over the graph per query (a batch of 100 reconciliation queries
read every name 100 times). The names are now normalised once per stakeholder graph (the
server reads one per store generation) into a `NameIndex`, and a query scores only the names
that can score: those that contain it (one scan, in C, of all the names joined: the whole
name, a prefix, a piece), those with a word that starts with the query's rarest word (found
in the sorted list of the names' words: in the tier of word starts, each word of the query
starts a word of the name), and those that rapidfuzz finds alike, looked for only while they
could still be among the best. Scores are those of `similarity`, whose tiers keep their order.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from heapq import heapify, heappush, heapreplace, nlargest, nsmallest
from itertools import accumulate
from typing import NamedTuple

from rapidfuzz import fuzz, process

from mhkg.explore.graph import TYPES, Entity, StakeholderGraph

MIN_SCORE = 0.35
MAX_QUERY = 200  # characters compared: longer text costs time and names nothing better
SURE = 0.9  # a name given for one entity must match it at least this well
CLOSE = 0.05  # ... and, unless exact, better than any other by this much
ALIKE = 0.6  # the most that names which merely look alike score
_SEPARATOR = "\n"  # between the names in the index's text; never in a normalised name
_LAST = chr(0x10FFFF)  # sorts after every character: the end of the words with a prefix


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
    """The name as names are compared: without case, accents or punctuation.

    >>> normalise("Ministère de la Santé, Guinée")
    'ministere de la sante guinee'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", plain.casefold()))


def sorted_words(name: str) -> str:
    """A normalised name with its words in order, as names that look alike are compared.

    >>> sorted_words("ministry of health")
    'health ministry of'
    """
    return " ".join(sorted(name.split()))


def similarity(query: str, name: str) -> float:
    """How well `query` (normalised) names `name` (normalised), from 0 to 1."""
    if not query or not name:
        return 0.0
    return _similarity(query, name, sorted_words(query), sorted_words(name))


def _similarity(query: str, name: str, query_sorted: str, name_sorted: str) -> float:
    if query == name:
        return 1.0
    if name.startswith(query):
        return 0.85 + 0.1 * len(query) / len(name)
    if _prefixes_in_order(query.split(), name.split()):
        return 0.75 + 0.1 * len(query) / len(name)
    if f" {query}" in f" {name}":
        return 0.6 + 0.1 * len(query) / len(name)
    if query in name:  # inside a word
        return 0.4 + 0.1 * len(query) / len(name)
    return ALIKE * fuzz.ratio(query_sorted, name_sorted) / 100


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


class NameIndex:
    """Every name of a stakeholder graph's entities, normalised once.

    `names` holds each distinct normalised name once, `holders` the (IRI, name as given)
    pairs it stands for; `text` is the names joined, so that one scan (in C) finds those
    that contain a piece of text; `words` the names' distinct words in order, each with the
    positions of the names it is in (`postings`).
    """

    def __init__(self, entities: Iterable[Entity]) -> None:
        holders: dict[str, list[tuple[str, str]]] = {}
        self.kinds: set[str] = set(TYPES)  # what a query's type may name: types and kinds
        for entity in entities:
            self.kinds.update(entity.kinds)
            for given in dict.fromkeys(names_of(entity)):
                if name := normalise(given):
                    holders.setdefault(name, []).append((entity.iri, given))
        self.names = list(holders)
        self.holders = [tuple(holders[name]) for name in self.names]
        self.sorted = [sorted_words(name) for name in self.names]
        self.text = _SEPARATOR.join(self.names)
        self.starts = [0]
        for name in self.names[:-1]:
            self.starts.append(self.starts[-1] + len(name) + len(_SEPARATOR))
        postings: dict[str, set[int]] = {}
        for position, name in enumerate(self.names):
            for word in name.split():
                postings.setdefault(word, set()).add(position)
        self.words = sorted(postings)
        self.postings = [tuple(postings[word]) for word in self.words]
        self._counted = [0, *accumulate(len(p) for p in self.postings)]

    def _words_starting(self, prefix: str) -> tuple[int, int]:
        """The range of `words` that start with `prefix`."""
        return bisect_left(self.words, prefix), bisect_left(self.words, prefix + _LAST)

    def _postings_count(self, prefix: str) -> int:
        low, high = self._words_starting(prefix)
        return self._counted[high] - self._counted[low]

    def with_a_word_starting(self, prefix: str) -> set[int]:
        """The positions of the names with a word that starts with `prefix`."""
        low, high = self._words_starting(prefix)
        return set().union(*self.postings[low:high])

    def containing(self, piece: str) -> set[int]:
        """The positions (in `names`) of the names that contain `piece`."""
        found: set[int] = set()
        at = self.text.find(piece)
        while at >= 0:
            position = bisect_right(self.starts, at) - 1
            found.add(position)
            following = position + 1
            if following == len(self.starts):
                break
            at = self.text.find(piece, self.starts[following])
        return found

    def near(self, query: str) -> set[int]:
        """The positions of the names that may score more than names that merely look alike:
        those that contain the query and, for a query of several words, those with a word
        starting with its rarest word (each of its words must start a word of the name)."""
        found = self.containing(query)
        if len(words := query.split()) > 1:
            found |= self.with_a_word_starting(min(words, key=self._postings_count))
        return found

    def scored(self, query: str, positions: Iterable[int], min_score: float) -> Iterator[Named]:
        """The names at `positions` that score at least `min_score`, with their holders."""
        query_sorted = sorted_words(query)
        for position in positions:
            name = self.names[position]
            score = _similarity(query, name, query_sorted, self.sorted[position])
            if score >= min_score:
                yield from (Named(iri, score, given) for iri, given in self.holders[position])

    def alike(self, query: str, min_score: float, *, besides: set[int]) -> Iterator[Named]:
        """The names (not at the positions `besides`) whose sorted words look like the
        query's enough to score `min_score`, best first: rapidfuzz's ratio is their score."""
        if min_score > ALIKE:
            return
        cutoff = max(min_score / ALIKE * 100 - 1e-6, 0)
        hits = process.extract(
            sorted_words(query), self.sorted, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
        for _, ratio, position in hits:
            if position not in besides and (score := ALIKE * ratio / 100) >= min_score:
                yield from (Named(iri, score, given) for iri, given in self.holders[position])


class Named(NamedTuple):
    """An entity named by one of its names (as given) with that name's score."""

    iri: str
    score: float
    name: str


_indexes: dict[int, tuple[weakref.ref[StakeholderGraph], int, NameIndex]] = {}
_indexing = threading.Lock()


def name_index(kg: StakeholderGraph) -> NameIndex:
    """The names of `kg`, normalised at the first search of it and kept while it lives (the
    server keeps one stakeholder graph per store generation)."""
    key = id(kg)
    with _indexing:
        kept = _indexes.get(key)
        if kept is not None and kept[0]() is kg and kept[1] == len(kg.entities):
            return kept[2]
        index = NameIndex(kg.entities.values())
        _indexes[key] = (weakref.ref(kg), len(kg.entities), index)
        weakref.finalize(kg, _indexes.pop, key, None)
        return index


def search(
    kg: StakeholderGraph,
    text: str,
    *,
    types: Iterable[str] = (),
    limit: int = 10,
    min_score: float = MIN_SCORE,
) -> list[Match]:
    """The entities best named by `text`, best first (of the given types, if any).

    Names that merely look alike (scoring ALIKE or less) are sought only when they could be
    among the best: scoring at least what the `limit`-th entity found scores, and only until
    enough entities are found that score more."""
    query = normalise(text[:MAX_QUERY])
    if not query:
        return []
    index, wanted = name_index(kg), set(types)

    def fits(iri: str) -> bool:
        entity = kg.entities[iri]
        return not wanted or entity.type in wanted or bool(wanted & set(entity.kinds))

    best: dict[str, Named] = {}
    near = index.near(query)
    _keep_best(best, (n for n in index.scored(query, near, min_score) if fits(n.iri)))
    scores = nlargest(limit, (named.score for named in best.values()))
    floor = scores[-1] if len(scores) == limit else min_score  # what the best must reach
    if floor <= ALIKE:
        alike = (n for n in index.alike(query, floor, besides=near) if fits(n.iri))
        _keep_best(best, _within_reach(alike, best, limit))
    top = nsmallest(limit, best.values(), key=lambda named: _rank(kg, named.iri, named.score))
    return [Match(kg.entities[named.iri], named.score, named.name) for named in top]


def _keep_best(best: dict[str, Named], found: Iterable[Named]) -> None:
    """Keep in `best` each entity's best name (the greater name on a tie, as `max` would)."""
    for named in found:
        kept = best.get(named.iri)
        if kept is None or (named.score, named.name) > (kept.score, kept.name):
            best[named.iri] = named


def _within_reach(found: Iterable[Named], best: dict[str, Named], limit: int) -> Iterator[Named]:
    """`found` (best first) until its scores fall below those of `limit` entities (of `best`
    or found before): no entity named after that can be among the `limit` best."""
    top = nlargest(limit, (named.score for named in best.values()))
    heapify(top)  # the best `limit` scores so far (or fewer), the lowest first
    seen = set(best)
    for named in found:
        if len(top) == limit and named.score < top[0]:
            return
        if named.iri not in seen:  # an entity's first look-alike is its best
            seen.add(named.iri)
            if len(top) < limit:
                heappush(top, named.score)
            elif named.score > top[0]:
                heapreplace(top, named.score)
        yield named


def _rank(kg: StakeholderGraph, iri: str, score: float) -> tuple:
    """Answers' order: by score, then type and label (StakeholderGraph.sort_key), then IRI."""
    return (-score, *kg.sort_key(iri), iri)


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
