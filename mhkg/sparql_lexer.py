"""SPARQL text read as tokens, as the engine's grammar reads it, to decide on its keywords.

What a query may do here (fetch a URL with SERVICE or LOAD, be an update) and how much it can
make the parser recurse are decided on tokens, never by searching the text: a keyword is a
keyword token, and a ``SERVICE`` inside a string, an IRI, a comment, a variable or a prefixed
name is none. The tokens are the terminals of SPARQL 1.1 (§19.8) read the way Oxigraph reads
them: ``\\u``/``\\U`` escapes stand for a character only inside strings and IRIs (as in
SPARQL 1.2; Oxigraph does not replace them anywhere else first, so ``"\\u005C"`` is a string
holding a backslash, which ends at the next quote), prefixed names keep their escaped
characters (``e:a\\#`` is one name, not a name and a comment), and a comment ends at a line
feed or a carriage return. Text that is not made of SPARQL tokens is refused,
so that nothing the engine might read differently goes unread here.

How deep and how long: Oxigraph's parser and planner recurse once per nested group,
collection or bracket, and once per element of a chain (``a/b/c``, ``1+2+3``, ``?s ?p ?o .
?s ?p ?o``), and a deep enough recursion overflows the stack and kills the process (group depth
≈ 2,200, nested collections ≈ 290, path steps ≈ 1,060, measured on 0.5.13). `QueryShape`
counts both, and `check_shape` refuses a query beyond `MAX_DEPTH` or `MAX_OPERATORS` before the
engine sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from mhkg.errors import QueryError

MAX_DEPTH = 64
"""Brackets ({, (, [) open at once: real queries stay under 15; the parser fails near 290."""
MAX_OPERATORS = 512
"""Operators and separators in one query (see `_CHAIN`): the parser fails near 1,060."""

_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (
    f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)
_ECHAR = r"\\[tbnrf\"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"  # and UCHAR

# One alternative per terminal, in the order that settles overlaps (longest forms first).
_TOKEN = re.compile(
    "|".join(
        f"(?P<{name}>{pattern})"
        for name, pattern in (
            ("SPACE", r"[ \t\r\n]+"),
            ("COMMENT", r"#[^\r\n]*"),
            ("STRING", f"'''(?:(?:'|'')?(?:[^'\\\\]|{_ECHAR}))*'''"),
            ("STRING", f'"""(?:(?:"|"")?(?:[^"\\\\]|{_ECHAR}))*"""'),
            ("STRING", f"'(?:[^'\\\\\\n\\r]|{_ECHAR})*'"),
            ("STRING", f'"(?:[^"\\\\\\n\\r]|{_ECHAR})*"'),
            ("IRI", r'<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>'),
            ("VAR", f"[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"),
            ("BLANK", f"_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"),
            ("PNAME", f"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"),
            ("LANGTAG", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?"),
            (
                "NUMBER",
                r"[0-9]*\.?[0-9]+[eE][+-]?[0-9]+|[0-9]+\.[0-9]*[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+",
            ),
            ("WORD", r"[A-Za-z][A-Za-z0-9_]*"),
            ("OPEN", r"<<\(|<<|\{\||[{(\[]"),
            ("CLOSE", r"\)>>|>>|\|\}|[})\]]"),
            ("OPERATOR", r"\^\^|&&|\|\||!=|<=|>=|[.,;*/|^!=<>+\-?~]"),
        )
    ).replace("(?P<STRING>", "(?:")  # the four string forms share one name below
)
_STRING_START = re.compile(r"['\"]")

_CHAIN = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "SERVICE", "GRAPH", "IN"})
"""Keywords that join what stands before and after them, counted with the operators."""
_UPDATE_VERBS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


@dataclass(frozen=True)
class Token:
    kind: str  # SPACE and COMMENT are never yielded; see _TOKEN for the others
    text: str
    offset: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a query or update.

    Raises QueryError naming the line and column of the first character that starts no token.

    >>> [t.text for t in tokens("SELECT ?s { ?s e:a\\\\# 'x' } # SERVICE")]
    ['SELECT', '?s', '{', '?s', 'e:a\\\\#', "'x'", '}']
    """
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise QueryError(f"{_where(text, position)}: {_unreadable(text, position)}")
        kind = match.lastgroup or "STRING"
        if kind not in ("SPACE", "COMMENT"):
            yield Token(kind, match.group(), position)
        position = match.end()


@dataclass(frozen=True)
class QueryShape:
    """What a query says, as far as safety is concerned: its keywords, its first keyword
    after the prologue, how deep its brackets go and how many operators it chains."""

    keywords: frozenset[str]
    first_keyword: str | None
    depth: int
    operators: int

    @property
    def is_update(self) -> bool:
        return self.first_keyword in _UPDATE_VERBS

    def uses(self, keyword: str) -> bool:
        return keyword.upper() in self.keywords


def shape_of(text: str) -> QueryShape:
    """Read the query's shape (raises QueryError when the text is not made of SPARQL tokens).

    >>> shape = shape_of("PREFIX e: <http://e/> SELECT * { ?s e:p\\\\# ?o } # SERVICE")
    >>> shape.uses("SERVICE"), shape.first_keyword, shape.depth
    (False, 'SELECT', 1)
    """
    keywords: set[str] = set()
    first = None
    depth = deepest = operators = 0
    in_prologue = True
    for token in tokens(text):
        if token.kind == "WORD":
            word = token.text.upper()
            keywords.add(word)
            operators += word in _CHAIN
            if in_prologue and word not in ("BASE", "PREFIX", "VERSION"):
                first, in_prologue = word, False
        elif token.kind == "OPEN":
            depth += 1
            deepest = max(deepest, depth)
        elif token.kind == "CLOSE":
            depth -= 1
        elif token.kind == "OPERATOR":
            operators += 1
        elif in_prologue and token.kind not in ("IRI", "PNAME", "STRING"):
            in_prologue = False
    return QueryShape(frozenset(keywords), first, deepest, operators)


def check_shape(text: str) -> QueryShape:
    """The query's shape, if the engine can parse a query of that shape without overflowing
    its stack; else QueryError saying which bound it passes."""
    shape = shape_of(text)
    if shape.depth > MAX_DEPTH:
        raise QueryError(
            f"the query nests {shape.depth} brackets deep; at most {MAX_DEPTH} are allowed"
        )
    if shape.operators > MAX_OPERATORS:
        raise QueryError(
            f"the query chains {shape.operators:,} operators and separators; at most "
            f"{MAX_OPERATORS:,} are allowed (a long list of values reads better as VALUES)"
        )
    return shape


def _where(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return f"line {line}, column {column}"


def _unreadable(text: str, position: int) -> str:
    if _STRING_START.match(text, position):
        return "a string that is not closed on its line (or holds an invalid escape)"
    return f"{text[position]!r} starts no SPARQL token"


def with_using(text: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """The update `text` with ``USING <g>`` and ``USING NAMED <g>`` clauses for the given
    graph IRIs (absolute, checked by the caller) before the WHERE of each of its
    DELETE/INSERT operations, as the protocol's using-graph-uri and using-named-graph-uri
    ask. A ``DELETE WHERE`` takes no USING and is left as it is.

    >>> with_using("INSERT { GRAPH <g:x> { ?s a 1 } } WHERE { ?s a 2 }", ["g:d"], [])
    'INSERT { GRAPH <g:x> { ?s a 1 } } USING <g:d> WHERE { ?s a 2 }'
    """
    clauses = "".join(f"USING <{g}> " for g in default_graphs)
    clauses += "".join(f"USING NAMED <{g}> " for g in named_graphs)
    if not clauses:
        return text
    places = []
    depth, previous = 0, None
    for token in tokens(text):
        if token.kind == "OPEN":
            depth += 1
        elif token.kind == "CLOSE":
            depth -= 1
        elif (
            token.kind == "WORD"
            and depth == 0
            and token.text.upper() == "WHERE"
            and (previous or "").upper() != "DELETE"  # DELETE WHERE takes no USING
        ):
            places.append(token.offset)
        previous = token.text
    for offset in reversed(places):
        text = text[:offset] + clauses + text[offset:]
    return text
