"""SPARQL read as tokens: keywords only where the engine sees keywords, and queries too deep
or too long a chain for the engine's parser refused before it reads them.

Oxigraph's parser overflows its stack and kills the process on a group nested ~2,200 deep, a
collection nested ~290 deep or a path of ~1,060 steps; each shape below is refused one step
past mhkg's bounds, and runs (in a child process, so that a crash fails the test rather than
the suite) at the bounds.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mhkg.errors import QueryError
from mhkg.sparql_lexer import MAX_DEPTH, MAX_OPERATORS, check_shape, shape_of, tokens
from mhkg.store.embedded import EmbeddedStore

# Each shape as a function of n: how deep it nests, or how many operators it chains.
DEEP = {
    "groups": lambda n: "SELECT * WHERE " + "{" * n + " ?s ?p ?o " + "}" * n,
    "brackets": lambda n: "SELECT * WHERE { FILTER(" + "(" * (n - 2) + "1" + ")" * (n - 2) + ") }",
    "collections": lambda n: "SELECT * WHERE { ?s ?p " + "(" * (n - 1) + "1" + ")" * (n - 1) + " }",
    "blank nodes": lambda n: "SELECT * WHERE { ?s ?p " + "[ ?p " * (n - 1) + "1" + " ]" * (n - 1)
    + " }",
    "sub-queries": lambda n: "SELECT * WHERE " + "{ SELECT * WHERE " * (n - 1) + "{}"
    + " }" * (n - 1),
}  # fmt: skip
LONG = {  # n operators in all: FILTER and BIND count as one each
    "path steps": lambda n: "SELECT ?s WHERE { ?s " + "/".join(["<http://e/p>"] * (n + 1))
    + " ?o }",
    "triple patterns": lambda n: "SELECT ?s WHERE { " + " . ".join(["?s ?p ?o"] * (n + 1)) + " }",
    "objects": lambda n: "SELECT ?s WHERE { ?s ?p " + ", ".join(["1"] * (n + 1)) + " }",
    "sums": lambda n: "SELECT ?x WHERE { BIND(" + " + ".join(["1"] * n) + " AS ?x) }",
    "negations": lambda n: "SELECT ?x WHERE { FILTER(" + "!" * (n - 1) + "true) }",
    "optionals": lambda n: "SELECT ?s WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * n + "}",
    "unions": lambda n: "SELECT ?s WHERE { " + " UNION ".join(["{}"] * (n + 1)) + " }",
}  # fmt: skip


@pytest.mark.parametrize("shape", sorted(DEEP))
def test_a_query_one_bracket_too_deep_is_refused(shape: str) -> None:
    text = DEEP[shape](MAX_DEPTH + 1)
    assert shape_of(text).depth == MAX_DEPTH + 1
    with pytest.raises(QueryError, match=f"nests {MAX_DEPTH + 1} brackets deep; at most"):
        EmbeddedStore(None).query(text)


@pytest.mark.parametrize("shape", sorted(LONG))
def test_a_query_one_operator_too_long_is_refused(shape: str) -> None:
    text = LONG[shape](MAX_OPERATORS + 1)
    assert shape_of(text).operators == MAX_OPERATORS + 1
    with pytest.raises(QueryError, match="operators and separators; at most"):
        EmbeddedStore(None).query(text)


def test_no_shape_at_the_bounds_crashes_the_engine() -> None:
    """Each shape at the bounds, in a child process: it must finish, or still be planning or
    running after a few seconds (some chains cost the planner minutes, which the server's
    timeout bounds), but never die of a signal. A stack overflow kills at once."""
    program = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[1])
        from test_sparql_lexer import DEEP, LONG
        from mhkg.sparql_lexer import MAX_DEPTH, MAX_OPERATORS
        from mhkg.store.embedded import EmbeddedStore
        name = sys.argv[2]
        build, n = (DEEP[name], MAX_DEPTH) if name in DEEP else (LONG[name], MAX_OPERATORS)
        store, text = EmbeddedStore(None), build(n)
        print("ready", flush=True)
        store.query(text)
        """
    )
    here = str(Path(__file__).parent)
    children = {
        name: subprocess.Popen(
            [sys.executable, "-c", program, here, name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for name in sorted({**DEEP, **LONG})
    }
    for child in children.values():  # imports done: the few seconds count from the query
        assert child.stdout is not None
        child.stdout.readline()
        child.stdout.close()
    deadline = time.monotonic() + 10
    outcomes = {}
    for name, child in children.items():
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            outcomes[name] = "still running"
        else:
            outcomes[name] = (
                child.returncode
                if child.returncode == 0
                else (child.returncode, child.stderr.read()[-300:])
            )
        child.stderr.close()
    assert all(outcome in (0, "still running") for outcome in outcomes.values()), outcomes
    assert list(outcomes.values()).count(0) >= len(DEEP)  # the nested ones all finish


def test_the_issues_query_3000_groups_deep_is_a_clear_error_not_a_crash() -> None:
    text = DEEP["groups"](3000)
    with pytest.raises(QueryError, match="nests 3000 brackets deep"):
        check_shape(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT ?s { ?s <http://e/p> 'x' }",
         ["SELECT", "?s", "{", "?s", "<http://e/p>", "'x'", "}"]),
        ("ASK { ?s e:p\\# ?o } # comment", ["ASK", "{", "?s", "e:p\\#", "?o", "}"]),
        ("ASK { # comment\r?s ?p ?o }", ["ASK", "{", "?s", "?p", "?o", "}"]),
        ('ASK { ?s ?p """a "quoted" \\u0022 text""" }',
         ["ASK", "{", "?s", "?p", '"""a "quoted" \\u0022 text"""', "}"]),
        ("ASK { FILTER(?a<?b) }", ["ASK", "{", "FILTER", "(", "?a", "<", "?b", ")", "}"]),
        ("ASK { ?s ?p 1.5e3, -2 ; ?q _:b }",
         ["ASK", "{", "?s", "?p", "1.5e3", ",", "-", "2", ";", "?q", "_:b", "}"]),
        ("SELECT * { ?s ?p 'x'@en-GB, 'y'^^xsd:string }",
         ["SELECT", "*", "{", "?s", "?p", "'x'", "@en-GB", ",", "'y'", "^^", "xsd:string", "}"]),
    ],
)  # fmt: skip
def test_tokens_are_the_grammars_terminals(text: str, expected: list[str]) -> None:
    assert [token.text for token in tokens(text)] == expected


@pytest.mark.parametrize(
    ("text", "first", "update"),
    [
        ("PREFIX e: <http://e/> BASE <http://b/> SELECT * {}", "SELECT", False),
        ("prefix e: <http://e/> insert data { e:a e:b e:c }", "INSERT", True),
        ("# LOAD <http://x/>\nASK {}", "ASK", False),
        ("WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH", True),
    ],
)
def test_the_first_keyword_after_the_prologue_says_query_or_update(
    text: str, first: str, update: bool
) -> None:
    shape = shape_of(text)
    assert shape.first_keyword == first
    assert shape.is_update is update
