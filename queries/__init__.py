"""Named SPARQL queries: `queries/NAME.rq`, each with a comment header.

Header lines (before the query)::

    # title: Projects
    # description: One row per project … (may continue on lines indented by 2+ spaces)
    # param: iso3 string ISO 3166-1 alpha-3 code of a benefiting country

A parameter is a variable of the query; a value given for it pins that
variable (it is bound, never pasted into the query text). Declare only
variables that every row binds outside OPTIONAL: a pinned variable inside an
OPTIONAL block does not filter, it is reported on every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from mhkg.errors import NamedQueryError
from mhkg.iri import is_absolute_iri

TYPE_NAMES = {
    "iri": "an absolute IRI",
    "string": "a string",
    "integer": "an integer",
    "decimal": "a decimal number",
    "year": "a year",
}
PARAM_TYPES = tuple(TYPE_NAMES)
_HEADER = re.compile(r"^#\s*(?P<key>title|description|param):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(?P<value>\S.*)$")


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
class NamedQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str

    def bindings(self, given: dict[str, str]) -> dict[str, Node]:
        declared = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise NamedQueryError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"it takes: {', '.join(declared) or 'none'}"
            )
        return {name: declared[name].bind(value) for name, value in given.items()}


def parse(name: str, text: str) -> NamedQuery:
    """A named query from its file's text."""
    fields: dict[str, list[str]] = {"title": [], "description": [], "param": []}
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
    return NamedQuery(name, title, " ".join(fields["description"]), parameters, text)


def _parameter(query: str, spec: str) -> Parameter:
    parts = spec.split(maxsplit=2)
    if len(parts) < 2 or parts[1] not in PARAM_TYPES:
        raise ValueError(f"query {query!r}: bad '# param:' line {spec!r} (NAME TYPE description)")
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
