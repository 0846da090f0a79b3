"""Query results independent of the store, and their standard serialisations.

SELECT/ASK results are written in the W3C SPARQL 1.1 Query Results formats
(JSON, XML, CSV, TSV) or as a text table; CONSTRUCT/DESCRIBE results are an
rdflib graph written by rdflib's serialisers.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Literal as TypingLiteral
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from mhkg.vocab import PREFIXES

QueryForm = TypingLiteral["SELECT", "ASK", "CONSTRUCT"]
SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = {  # a CONSTRUCT or DESCRIBE result is one graph: no dataset formats
    "turtle": "turtle",
    "nt": "nt",
    "jsonld": "json-ld",
    "xml": "xml",
}


@dataclass
class QueryResult:
    """What a query gave: solutions, a boolean, or a graph."""

    form: QueryForm
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False  # cut short by a limit on its size (rows or bytes)

    def values(self, variable: str) -> list[Node | None]:
        return [row.get(variable) for row in self.rows]


def serialize(result: QueryResult, fmt: str) -> str:
    """The result in the named format (see SOLUTION_FORMATS and GRAPH_FORMATS)."""
    if result.form == "CONSTRUCT":
        if fmt not in GRAPH_FORMATS:
            raise ValueError(
                f"a graph cannot be written as {fmt!r}; use one of {list(GRAPH_FORMATS)}"
            )
        graph = result.graph if result.graph is not None else Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns, override=True)
        return graph.serialize(format=GRAPH_FORMATS[fmt])
    writers = {"table": to_table, "csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}
    if fmt not in writers:
        raise ValueError(f"solutions cannot be written as {fmt!r}; use one of {list(writers)}")
    return writers[fmt](result)


def term_to_json(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: QueryResult) -> str:
    if result.form == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = [
        {var: term_to_json(term) for var, term in row.items() if term is not None}
        for row in result.rows
    ]
    return json.dumps(
        {"head": {"vars": result.variables}, "results": {"bindings": bindings}},
        ensure_ascii=False,
    )


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{escape(str(term))}</bnode>"
    assert isinstance(term, Literal)
    attrs = ""
    if term.language:
        attrs = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype:
        attrs = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attrs}>{escape(str(term))}</literal>"


def to_xml(result: QueryResult) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
    ]
    if result.form == "ASK":
        lines += ["  <head/>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        lines.append("  <head>")
        lines += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
        lines += ["  </head>", "  <results>"]
        for row in result.rows:
            lines.append("    <result>")
            for var, term in row.items():
                if term is not None:
                    lines.append(
                        f"      <binding name={quoteattr(var)}>{_xml_term(term)}</binding>"
                    )
            lines.append("    </result>")
        lines.append("  </results>")
    lines.append("</sparql>")
    return "\n".join(lines) + "\n"


def to_csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV: plain values, no types (a lossy, spreadsheet-friendly form)."""
    if result.form == "ASK":
        return f"boolean\r\n{'true' if result.boolean else 'false'}\r\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([csv_value(row.get(v)) for v in result.variables])
    return buffer.getvalue()


def csv_value(term: Node | None) -> str:
    if term is None:
        return ""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def tsv_term(term: Node | None) -> str:
    """A term in Turtle syntax on one line: literals quoted, with tabs and breaks escaped."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, URIRef):
        return f"<{term}>"
    assert isinstance(term, Literal)
    quoted = '"' + str(term).translate(_TSV_ESCAPES) + '"'
    if term.language:
        return f"{quoted}@{term.language}"
    return f"{quoted}^^<{term.datatype}>" if term.datatype else quoted


def to_tsv(result: QueryResult) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax, variables with their '?'."""
    if result.form == "ASK":
        return f"?boolean\n{'true' if result.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(tsv_term(row.get(v)) for v in result.variables) for row in result.rows]
    return "\n".join(lines) + "\n"


def to_table(result: QueryResult) -> str:
    """A text table for people at a terminal."""
    if result.form == "ASK":
        return ("true" if result.boolean else "false") + "\n"
    header = result.variables
    body = [["" if row.get(v) is None else str(row[v]) for v in header] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    rule = "  ".join("-" * w for w in widths)
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)), rule]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines) + "\n"
