"""Where the parts of a named query's SELECT are in its text, read from its tokens
(`mhkg.sparql_lexer`): the WHERE group, its UNION branches and OPTIONAL groups, the GROUP
BY, the ORDER BY and the projected variables. `mhkg.queries` writes values, windows and
orders at these places.
"""

from __future__ import annotations

from dataclasses import dataclass

from mhkg.sparql_lexer import Token, tokens


@dataclass(frozen=True)
class Layout:
    """Where the parts of a SELECT query are in its text (offsets), read from its tokens."""

    select: int  # the SELECT keyword
    where_open: int  # just after the `{` that opens the WHERE clause
    modifiers: int  # just after the `}` that closes it (GROUP BY, ORDER BY... follow)
    order_by: int | None  # the ORDER keyword of a top-level ORDER BY
    group_by: int | None  # just after the BY of a top-level GROUP BY
    projected: tuple[str, ...]  # the variables the SELECT clause names, without `?`
    branches: tuple[int, ...] = ()  # just after the `{` of each group of a top-level UNION
    # just after the `{` of each top-level OPTIONAL group, with the variables it names
    optionals: tuple[tuple[int, frozenset[str]], ...] = ()


def layout_of(name: str, text: str) -> Layout:
    """The layout of a named query's text. Raises ValueError when the text is not a SELECT
    with a WHERE group, or when it pages itself (LIMIT, OFFSET or a trailing VALUES)."""
    found = list(tokens(text))
    words = [t.text.upper() if t.kind == "WORD" else "" for t in found]
    if "SELECT" not in words:
        raise ValueError(f"query {name!r} is no SELECT")
    select = words.index("SELECT")
    opening = next(i for i in range(select, len(found)) if found[i].text == "{")
    closing = _matching_close(found, opening)
    after = words[closing + 1 :]
    if {"LIMIT", "OFFSET", "VALUES"} & set(after):
        raise ValueError(f"query {name!r} ends with LIMIT, OFFSET or VALUES: mhkg pages it")
    order = closing + 1 + after.index("ORDER") if "ORDER" in after else None
    group = closing + 1 + after.index("GROUP") if "GROUP" in after else None
    return Layout(
        select=found[select].offset,
        where_open=found[opening].offset + 1,
        modifiers=found[closing].offset + 1,
        order_by=None if order is None else found[order].offset,
        group_by=None if group is None else found[group + 1].offset + len(found[group + 1].text),
        projected=_projected(found[select + 1 : opening]),
        branches=_union_branches(found, opening, closing),
        optionals=_optional_groups(found, opening, closing),
    )


def _inner_groups(found: list[Token], opening: int, closing: int) -> list[tuple[int, int]]:
    """The `{ }` groups directly inside found[opening:closing], as token indexes of their
    `{` and `}`."""
    groups = []
    index = opening + 1
    while index < closing:
        if found[index].kind == "OPEN":
            end = _matching_close(found, index)
            if found[index].text == "{":
                groups.append((index, end))
            index = end
        index += 1
    return groups


def _optional_groups(
    found: list[Token], opening: int, closing: int
) -> tuple[tuple[int, frozenset[str]], ...]:
    """Where each OPTIONAL group directly inside found[opening:closing] starts (just after
    its `{`), and the variables it names."""
    return tuple(
        (found[start].offset + 1, _variables(found[start:end]))
        for start, end in _inner_groups(found, opening, closing)
        if found[start - 1].text.upper() == "OPTIONAL"
    )


def _variables(group: list[Token]) -> frozenset[str]:
    return frozenset(token.text[1:] for token in group if token.kind == "VAR")


def _union_branches(found: list[Token], opening: int, closing: int) -> tuple[int, ...]:
    """Where each group that a UNION joins directly inside the group found[opening:closing]
    starts (just after its `{`)."""
    groups = _inner_groups(found, opening, closing)
    branches: set[int] = set()
    for k in range(len(groups) - 1):
        between = found[groups[k][1] + 1 : groups[k + 1][0]]
        if [token.text.upper() for token in between] == ["UNION"]:
            branches.update((k, k + 1))
    return tuple(found[groups[k][0]].offset + 1 for k in sorted(branches))


def _matching_close(found: list[Token], opening: int) -> int:
    depth = 0
    for index in range(opening, len(found)):
        if found[index].kind == "OPEN":
            depth += 1
        elif found[index].kind == "CLOSE":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError("the WHERE group is not closed")


def _projected(clause: list[Token]) -> tuple[str, ...]:
    """The variables a SELECT clause projects: those outside brackets, and each `AS ?v`."""
    names, depth, previous = [], 0, ""
    for token in clause:
        if token.kind == "OPEN":
            depth += 1
        elif token.kind == "CLOSE":
            depth -= 1
        elif token.kind == "VAR" and (depth == 0 or previous.upper() == "AS"):
            names.append(token.text[1:])
        previous = token.text
    return tuple(names)
