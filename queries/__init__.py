"""Named SPARQL queries: `queries/NAME.rq`, each with a comment header.

Header lines (before the query)::

    # title: Projects
    # description: One row per project … (may continue on lines indented by 2+ spaces)
    # param: iso3 string ISO 3166-1 alpha-3 code of a benefiting country
    # anchor: end (optional, then why; see below)

A parameter is a variable of the query; a value given for it pins that
variable. Declare only variables that every row binds outside OPTIONAL.

`NamedQuery.sparql` gives the text to run. The values given come first in its
WHERE, as a one-row ``VALUES`` block: Oxigraph plans its joins from what a
pattern binds, and starts from a VALUES block, so a query pinned to one country
or organisation reads that anchor's rows, not the whole store (the engine's
own substitutions bind the variable without telling the planner, which then
scans, and filters at the end). The block holds typed terms, checked by
`Parameter.bind` and written by `sparql_term`, never text a client typed; it is
put at the place found by reading the query's tokens, in the files mhkg ships.
A query whose plan gets worse that way says ``# anchor: end``, and its values go
last in the WHERE, where they cost what the engine's substitutions cost. A query
whose WHERE is a UNION of groups says ``# anchor: branches``: its values go first in
each group of that UNION (Oxigraph joins a VALUES block outside a UNION with the
UNION evaluated whole).

A `Page` (LIMIT/OFFSET) orders the rows totally first: by the file's ORDER BY,
then by every projected variable. That order is total when no two rows are the
same (a query is DISTINCT, grouped by variables it projects, or one row per
thing it lists: tests/test_named_queries_at_scale.py checks each), so pages
never overlap or skip.

A list that says ``# rank: ?project mhkg:titleRank`` is ordered by a project's
title first, and `mhkg.ranking` keeps each project's rank in that order in the
derived graph (documents by file name and entities by IRI likewise). A page of such
a list that no values anchor is ordered by the rank first and reads only the items
ranked below a window's end (found by the rank's value in the store's index), first
in the WHERE and again in each OPTIONAL group about them, instead of sorting every
item; a grouped list is grouped by the rank too. Its rows are then the first rows of
the whole list in that order, as long as the window holds enough of them: a page
that comes back full is exact; a short one is run again over a window eight times
wider (`run_page`) until it is full or the window holds every rank. A project that
the last load left without a rank (a load cut short) is in no page until the next
load.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from mhkg.errors import NamedQueryError
from mhkg.iri import is_absolute_iri
from mhkg.queries.layout import Layout, layout_of
from mhkg.results import QueryResult
from mhkg.sparql_lexer import tokens

if TYPE_CHECKING:
    from mhkg.store import Store

TYPE_NAMES = {
    "iri": "an absolute IRI",
    "string": "a string",
    "integer": "an integer",
    "decimal": "a decimal number",
    "year": "a year",
}
PARAM_TYPES = tuple(TYPE_NAMES)
_HEADER = re.compile(r"^#\s*(?P<key>title|description|param|anchor|rank):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(?P<value>\S.*)$")
_ESCAPED = re.compile(r'[\x00-\x1f\x7f"\\]')
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
"""A quote, a backslash and line ends escaped as SPARQL's ECHAR: the \\u form of a quote
would end the string in an engine that reads codepoint escapes before the grammar, as the
SPARQL 1.1 specification describes."""
RESERVED = ("limit", "offset", "format")
"""Names of the query string and command line that are no parameter of a query."""
TOTAL_CAP = 10_000
"""A total is counted up to this many rows; past it, it is not told (None)."""
RANKS_LISTED = 1_000
"""A ranked page whose end is at most this far in lists the ranks it reads as VALUES (an
index lookup each); past it, it reads every rank and keeps those before its end."""
RANK_VARIABLE = "mhkgPageRank"


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str

    def bind(self, value: str) -> Node:
        """The RDF term for a value given on the command line or in a URL."""
        try:
            if self.type == "iri":
                if not is_absolute_iri(value):
                    raise ValueError("RFC 3987")
                return URIRef(value)
            if self.type == "integer":
                return Literal(int(value), datatype=XSD.integer)
            if self.type == "decimal":
                return Literal(Decimal(value), datatype=XSD.decimal)
            if self.type == "year":
                return Literal(f"{int(value):04d}", datatype=XSD.gYear)
        except (ValueError, InvalidOperation) as exc:
            raise NamedQueryError(
                f"parameter {self.name!r} wants {TYPE_NAMES[self.type]}, not {value!r} ({exc})"
            ) from None
        return Literal(value)


@dataclass(frozen=True)
class Page:
    """A slice of a query's rows in their total order: `limit` rows (all when None) after
    the first `offset`."""

    limit: int | None = None
    offset: int = 0

    @classmethod
    def parse(cls, limit: str | None, offset: str | None, cap: int | None = None) -> Page:
        """The page from `limit` and `offset` as given in a URL or on the command line,
        `limit` no higher than `cap`. Raises NamedQueryError unless each is a
        non-negative integer.

        >>> Page.parse("20", None), Page.parse(None, "40", cap=10)
        (Page(limit=20, offset=0), Page(limit=10, offset=40))
        """
        size = None if limit is None else _count(limit, "limit")
        if cap and (size is None or size > cap):
            size = cap if size is not None or offset is not None else None
        return cls(size, 0 if offset is None else _count(offset, "offset"))

    @property
    def is_whole(self) -> bool:
        return self.limit is None and self.offset == 0

    def total(self, rows: int) -> int | None:
        """The number of rows in the whole list, when this page's `rows` tell it: a page
        shorter than its limit (with at least one row, or at the start) ends the list.

        >>> Page(10, 20).total(3), Page(10, 20).total(10), Page(10, 20).total(0)
        (23, None, None)
        """
        if self.limit is not None and rows >= self.limit:
            return None
        if rows == 0 and self.offset > 0:
            return None
        return self.offset + rows


MAX_COUNT = 2**63 - 1
"""The largest limit or offset: the engine reads them as 64-bit integers."""


def _count(text: str, name: str) -> int:
    if not re.fullmatch(r"[0-9]+", text.strip()) or int(text) > MAX_COUNT:
        raise NamedQueryError(
            f"{name} wants a non-negative integer (at most {MAX_COUNT}), not {text!r}"
        )
    return int(text)


def sparql_term(term: Node) -> str:
    """A parameter's term as SPARQL text.

    >>> sparql_term(URIRef("https://w3id.org/mhkg/id/country/GIN"))
    '<https://w3id.org/mhkg/id/country/GIN>'
    >>> print(sparql_term(Literal('say "hi"\\n')), sparql_term(Literal(3)))
    "say \\"hi\\"\\n" "3"^^<http://www.w3.org/2001/XMLSchema#integer>
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if not isinstance(term, Literal):
        raise TypeError(f"a parameter is an IRI or a literal, not {term!r}")
    text = _ESCAPED.sub(lambda m: _ECHAR.get(m.group(), f"\\u{ord(m.group()):04X}"), str(term))
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    anchor: str = "start"  # where the values given go: "start", "end" or "branches"
    rank: tuple[str, str] | None = None  # (variable, property) of `# rank:`

    @cached_property
    def layout(self) -> Layout:
        return layout_of(self.name, self.text)

    def sparql(
        self,
        given: Mapping[str, str] | None = None,
        page: Page | None = None,
        *,
        ordered: bool = True,
        window: int | None = None,
    ) -> str:
        """The query to run: the values `given` for its parameters first (see the module's
        docstring), then, for a `page`, a total order and LIMIT/OFFSET. `ordered=False`
        drops the ORDER BY of a whole list, so that the engine gives the first rows without
        computing the others. A ranked page reads the projects ranked below `window`
        (by default the page's end). Raises NamedQueryError for a parameter it does not
        declare or a value of the wrong type."""
        text = self._anchored(given or {})
        if page is None or page.is_whole:
            return text if ordered else self._unordered(text)
        order = self._total_order()
        if self.is_ranked(given, page):
            assert page.limit is not None
            text = self._ranked(window or page.offset + page.limit)
            order = f"ORDER BY ?{RANK_VARIABLE} {order.removeprefix('ORDER BY ')}"
        return f"{self._unordered(text).rstrip()}\n{order}{_slice(page)}"

    def is_ranked(self, given: Mapping[str, str] | None, page: Page | None) -> bool:
        """Whether `page` of the list is read through the projects' ranks."""
        return self.rank is not None and page is not None and page.limit is not None and not given

    def last_rank_sparql(self) -> str:
        """A query for the highest rank (`?last`) that a ranked page may read."""
        assert self.rank is not None
        variable, rank = self.rank
        prologue = self.text[: self.layout.select]
        return f"{prologue}SELECT (MAX(?rank) AS ?last) WHERE {{ ?{variable} {rank} ?rank }}\n"

    def _ranked(self, end: int) -> str:
        """The text with the projects ranked before `end` first in its WHERE, and again in
        each OPTIONAL group about them (see the module's docstring): Oxigraph evaluates an
        OPTIONAL over more than one row as a hash join with the whole group, every project's
        values, unless the group itself is held to the page's projects (54 ms against 371 ms
        for the first page of `projects` at 10,000 projects)."""
        assert self.rank is not None
        variable, rank = self.rank
        if end <= RANKS_LISTED:
            values = " ".join(str(k) for k in range(end))
            window = f"VALUES ?{RANK_VARIABLE} {{ {values} }} ?{variable} {rank} ?{RANK_VARIABLE} ."
        else:
            window = f"?{variable} {rank} ?{RANK_VARIABLE} FILTER (?{RANK_VARIABLE} < {end})"
        layout = self.layout
        places = [(layout.where_open, f"\n  {window}")]
        places += [(at, f" {window}") for at, names in layout.optionals if variable in names]
        if layout.group_by is not None:
            places.append((layout.group_by, f" ?{RANK_VARIABLE}"))
        text = self.text
        for at, inserted in sorted(places, reverse=True):
            text = f"{text[:at]}{inserted}{text[at:]}"
        return text

    def count_sparql(self, given: Mapping[str, str] | None = None, cap: int = TOTAL_CAP) -> str:
        """A query for how many rows the query gives (`?total`), counting no more than
        `cap`: the query, anchored on the values `given`, as a sub-select without its order."""
        body = self._unordered(self._anchored(given or {}))[self.layout.select :].rstrip()
        return (
            f"{self.text[: self.layout.select]}SELECT (COUNT(*) AS ?total) WHERE {{\n"
            f"  {{ {body}\n  LIMIT {cap} }}\n}}\n"
        )

    def total(
        self,
        given: Mapping[str, str],
        page: Page,
        rows: int,
        run: Callable[[str], QueryResult],
    ) -> int | None:
        """How many rows the whole list has, where that is cheap: told by a page that ends
        the list (`Page.total`), else counted by `run` (up to TOTAL_CAP rows) when given
        parameters anchor the query; None for a full list (counting it reads it whole)."""
        if (known := page.total(rows)) is not None:
            return known
        if not given:
            return None
        answer = run(self.count_sparql(given)).rows
        counted = int(answer[0]["total"]) if answer and "total" in answer[0] else None
        return counted if counted is not None and counted < TOTAL_CAP else None

    def _unordered(self, anchored: str) -> str:
        """The anchored text (see `_anchored`) without its ORDER BY."""
        if self.layout.order_by is None:
            return anchored
        return anchored[: self.layout.order_by + len(anchored) - len(self.text)]

    def _anchored(self, given: Mapping[str, str]) -> str:
        values = self.bindings(dict(given))
        if not values:
            return self.text
        names = " ".join(f"?{name}" for name in values)
        terms = " ".join(sparql_term(term) for term in values.values())
        block = f"\n  VALUES ({names}) {{ ({terms}) }}"
        if self.anchor == "branches":
            places = self.layout.branches
        elif self.anchor == "start":
            places = (self.layout.where_open,)
        else:  # before the `}` that closes the WHERE
            places, block = (self.layout.modifiers - 1,), block + "\n"
        text = self.text
        for at in sorted(places, reverse=True):
            text = f"{text[:at]}{block}{text[at:]}"
        return text

    def _total_order(self) -> str:
        """ORDER BY: the file's keys, then every projected variable not among them."""
        layout = self.layout
        keys = "" if layout.order_by is None else self.text[layout.order_by :].strip()
        named = {t.text[1:] for t in tokens(keys) if t.kind == "VAR"}
        tail = " ".join(f"?{name}" for name in layout.projected if name not in named)
        return f"{keys} {tail}".rstrip() if keys else f"ORDER BY {tail}"

    def bindings(self, given: dict[str, str]) -> dict[str, Node]:
        """The typed term of each value given, by parameter name. Raises NamedQueryError
        for a parameter the query does not declare or a value of the wrong type."""
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise NamedQueryError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"it takes: {', '.join(declared) or 'none'}"
            )
        return {name: declared[name].bind(value) for name, value in given.items()}


def on_store(store: Store) -> Callable[[str], tuple[QueryResult, bool]]:
    """`run_page`'s runner for a store: a query's text to its result, and whether it was cut."""

    def run(text: str) -> tuple[QueryResult, bool]:
        result = store.query(text)
        return result, result.truncated

    return run


def run_page(
    named: NamedQuery,
    given: Mapping[str, str],
    page: Page,
    run: Callable[[str], tuple[QueryResult, bool]],
) -> tuple[str, QueryResult, bool]:
    """Run `page` of the named query with `run` (a query's text to its result and whether
    the result was cut): the text run last, its result, and whether that was cut. A ranked
    page that comes back short is run again over wider windows of ranks until it is full or
    its window holds every rank (see the module's docstring)."""
    text = named.sparql(given, page)
    result, truncated = run(text)
    if truncated or not named.is_ranked(given, page):
        return text, result, truncated
    assert page.limit is not None
    window = page.offset + page.limit
    last: int | None = None
    while len(result.rows) < page.limit:
        if last is None:
            found = run(named.last_rank_sparql())[0].rows
            last = int(found[0]["last"]) if found and "last" in found[0] else -1
        if window > last:
            break
        window *= 8
        text = named.sparql(given, page, window=window)
        result, truncated = run(text)
        if truncated:
            break
    return text, result, truncated


def _slice(page: Page) -> str:
    limit = "" if page.limit is None else f"\nLIMIT {page.limit}"
    return f"{limit}\nOFFSET {page.offset}\n" if page.offset else f"{limit}\n"


def parse(name: str, text: str) -> NamedQuery:
    """A named query from its file's text."""
    fields: dict[str, list[str]] = {
        "title": [],
        "description": [],
        "param": [],
        "anchor": [],
        "rank": [],
    }
    last = None
    for line in text.splitlines():
        if match := _HEADER.match(line):
            last = match["key"]
            fields[last].append(match["value"].strip())
        elif (match := _CONTINUATION.match(line)) and last:
            fields[last][-1] += " " + match["value"].strip()
        elif line.strip() and not line.startswith("#"):
            break
    parameters = tuple(_parameter(name, spec) for spec in fields["param"])
    title = fields["title"][0] if fields["title"] else name
    anchor = fields["anchor"][0].split(maxsplit=1)[0] if fields["anchor"] else "start"
    if anchor not in ("start", "end", "branches"):
        raise ValueError(f"query {name!r}: '# anchor:' is start, end or branches, not {anchor!r}")
    rank = _rank(name, fields["rank"][0]) if fields["rank"] else None
    description = " ".join(fields["description"])
    query = NamedQuery(name, title, description, parameters, text, anchor, rank)
    if anchor == "branches" and not query.layout.branches:
        raise ValueError(f"query {name!r}: '# anchor: branches' but its WHERE is no UNION")
    return query


def _rank(query: str, spec: str) -> tuple[str, str]:
    """`# rank: ?variable prefix:property` (then, optionally, why) as (variable, property)."""
    found = [token for word in spec.split()[:2] for token in tokens(word)]
    if len(found) != 2 or found[0].kind != "VAR" or found[1].kind not in ("PNAME", "IRI"):
        raise ValueError(f"query {query!r}: bad '# rank:' line {spec!r} (?VARIABLE PROPERTY)")
    return found[0].text[1:], found[1].text


def _parameter(query: str, spec: str) -> Parameter:
    parts = spec.split(maxsplit=2)
    if len(parts) < 2 or parts[1] not in PARAM_TYPES:
        raise ValueError(f"query {query!r}: bad '# param:' line {spec!r} (NAME TYPE description)")
    if parts[0] in RESERVED:
        raise ValueError(f"query {query!r}: {parts[0]!r} names a page or a format, no parameter")
    return Parameter(parts[0], parts[1], parts[2] if len(parts) > 2 else "")


def names() -> list[str]:
    folder = resources.files(__package__)
    return sorted(f.name[:-3] for f in folder.iterdir() if f.name.endswith(".rq"))


@cache
def load(name: str) -> NamedQuery:
    """The named query NAME (queries/NAME.rq)."""
    if name not in names():
        raise NamedQueryError(
            f"no named query {name!r}; there are: {', '.join(names())}", not_found=True
        )
    return parse(name, resources.files(__package__).joinpath(f"{name}.rq").read_text("utf-8"))


def all_queries() -> list[NamedQuery]:
    return [load(name) for name in names()]
