"""The table of the faceted project browser (/projects): which projects of a selection a page
shows, in which order (`page_sparql`), then their rows (`rows_sparql`).

Two queries, because a row gathers lists (countries, goals, funders...): each list is read by a
sub-select held to the page's projects by a VALUES block of its own, so that Oxigraph never
evaluates a group over every project of the store to join it with the page's few. The rows
query names its projects, so run again (in the SPARQL editor) it gives the rows shown.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import URIRef

from mhkg.errors import NamedQueryError
from mhkg.queries import Page, sparql_term
from mhkg.queries.facets import COLUMNS, PREFIXES, Selection

PAGE_CAP = 200
"""The most rows a page of the table shows."""
DEFAULT_LIMIT = 50
SORT_KEYS = {  # a column's sort key (?s_key) for ?project
    "code": "?project mhkg:projectCode ?s_key .",
    "countries": "?project mhkg:benefitingCountry|mhkg:projectCountry ?s_country .\n"
    "      ?s_country mhkg:iso3166Alpha3 ?s_key .",
    "region": "?project mhkg:idfRegion/rdfs:label ?s_key .",
    "goals": "?project mhkg:addressesGoal/mhkg:targetOf? ?s_goal .\n"
    "      ?s_goal mhkg:goalNumber ?s_key .",
    "funders": "?s_part mhkg:inProject ?project ; mhkg:role mhkg:funderRole ;\n"
    "      mhkg:participant/rdfs:label ?s_key .",
    "implementers": "?s_part mhkg:inProject ?project ; mhkg:role mhkg:implementerRole ;\n"
    "      mhkg:participant/rdfs:label ?s_key .",
    "years": "?project mhkg:startDate ?s_start . BIND (STR(?s_start) AS ?s_key)",
    "budget": "?project mhkg:budget/schema:value ?s_key .",
    "status": "?project mhkg:status/skos:prefLabel ?s_key .",
}


def parse_sort(text: str | None) -> tuple[str, bool]:
    """(column, descending) of a `sort` parameter: a column, ``-`` first for descending.
    Raises NamedQueryError for a column the table does not have.

    >>> parse_sort("-budget"), parse_sort(None)
    (('budget', True), ('title', False))
    """
    text = (text or "title").strip()
    column, descending = text.removeprefix("-"), text.startswith("-")
    if column not in COLUMNS:
        raise NamedQueryError(
            f"sort wants a column ({', '.join(COLUMNS)}), '-' first for descending, not {text!r}"
        )
    return column, descending


def page_sparql(selection: Selection, sort: tuple[str, bool], page: Page) -> str:
    """The query for the page's projects (?project) in the table's order: by the sort key
    (a list's least value, a budget's largest), then by title. The title order is the rank
    the pipeline keeps of each project's title (mhkg:titleRank, see mhkg.ranking): an
    integer to sort, not a string."""
    column, descending = sort
    where = selection.where()
    slice_ = f"LIMIT {page.limit}" + (f" OFFSET {page.offset}" if page.offset else "")
    if column == "title":
        order = "DESC(?rank)" if descending else "?rank"
        return (
            f"{PREFIXES}SELECT DISTINCT ?project ?rank WHERE {{\n  {where}\n"
            f"  ?project mhkg:titleRank ?rank .\n}}\nORDER BY {order} ?project\n{slice_}\n"
        )
    pattern = SORT_KEYS[column]
    # the selection again in the OPTIONAL: so that its group reads only the selected projects
    again = f"{where}\n      ".replace("\n  ", "\n      ") if selection else ""
    aggregate = "MAX" if column == "budget" else "MIN"
    order = "DESC(?key)" if descending else "?key"
    return (
        f"{PREFIXES}SELECT ?project ?key ?rank WHERE {{\n"
        f"  {{ SELECT ?project ({aggregate}(?s_key) AS ?key) (MIN(?s_rank) AS ?rank) WHERE {{\n"
        f"    {where.replace(chr(10) + '  ', chr(10) + '    ')}\n"
        f"    ?project mhkg:titleRank ?s_rank .\n"
        f"    OPTIONAL {{\n      {again}{pattern}\n    }}\n"
        f"  }} GROUP BY ?project }}\n}}\nORDER BY {order} ?rank ?project\n{slice_}\n"
    )


def count_sparql(selection: Selection) -> str:
    """The query for how many projects the selection holds (?total)."""
    return (
        f"{PREFIXES}SELECT (COUNT(DISTINCT ?project) AS ?total) WHERE {{\n"
        f"  {selection.where()}\n}}\n"
    )


_LISTS = {  # a column of the table: (aggregate, pattern), read for the page's projects
    "title": ("(SAMPLE(?v) AS ?title)", "?project rdfs:label ?v ."),
    "code": ('(GROUP_CONCAT(DISTINCT ?v; separator="; ") AS ?code)',
             "?project mhkg:projectCode ?v ."),
    "countries": ('(GROUP_CONCAT(DISTINCT ?v; separator=" ") AS ?countries)',
                  "?project mhkg:benefitingCountry|mhkg:projectCountry ?c .\n"
                  "      ?c mhkg:iso3166Alpha3 ?v ."),
    "region": ('(GROUP_CONCAT(DISTINCT ?v; separator="; ") AS ?region)',
               "?project mhkg:idfRegion/rdfs:label ?v ."),
    "goals": ('(GROUP_CONCAT(DISTINCT STR(?v); separator=" ") AS ?goals)',
              "?project mhkg:addressesGoal/mhkg:targetOf? ?g . ?g mhkg:goalNumber ?v ."),
    "funders": ('(GROUP_CONCAT(DISTINCT ?v; separator="; ") AS ?funders)',
                "?p mhkg:inProject ?project ; mhkg:role mhkg:funderRole ;\n"
                "         mhkg:participant/rdfs:label ?v ."),
    "implementers": ('(GROUP_CONCAT(DISTINCT ?v; separator="; ") AS ?implementers)',
                     "?p mhkg:inProject ?project ; mhkg:role mhkg:implementerRole ;\n"
                     "         mhkg:participant/rdfs:label ?v ."),
    "years": ("(MIN(SUBSTR(STR(?v), 1, 4)) AS ?startYear)", "?project mhkg:startDate ?v ."),
    "endYear": ("(MAX(SUBSTR(STR(?v), 1, 4)) AS ?endYear)", "?project mhkg:endDate ?v ."),
    "status": ('(GROUP_CONCAT(DISTINCT ?v; separator="; ") AS ?status)',
               "?project mhkg:status/skos:prefLabel ?v ."),
}  # fmt: skip
_BUDGET = """{{ SELECT ?project
        (IF(COUNT(?v) = 1, SAMPLE(?v), GROUP_CONCAT(STR(?v); separator="; ")) AS ?budget)
        (GROUP_CONCAT(?c; separator="; ") AS ?currency)
      WHERE {{ {{ SELECT ?project ?c (MAX(?amount) AS ?v) WHERE {{
        {values}
        ?project mhkg:budget [ schema:value ?amount ; schema:currency ?c ] .
      }} GROUP BY ?project ?c }} }} GROUP BY ?project }}"""
VARIABLES = ("project", "title", "code", "countries", "region", "goals", "funders",
             "implementers", "startYear", "endYear", "budget", "currency", "status")  # fmt: skip
"""The columns of the rows query, in order (the JSON and CSV of a page)."""


def rows_sparql(projects: Sequence[URIRef]) -> str:
    """The query for the rows of these projects, in this order: one row each."""
    values = f"VALUES ?project {{ {' '.join(sparql_term(p) for p in projects)} }}"
    positions = " ".join(f"({sparql_term(p)} {n})" for n, p in enumerate(projects))
    groups = []
    for column, (aggregate, pattern) in _LISTS.items():
        group = (
            f"{{ SELECT ?project {aggregate} WHERE {{\n      {values}\n      {pattern}\n"
            "    } GROUP BY ?project }"
        )
        groups.append(group if column == "title" else f"OPTIONAL {group}")
    groups.append(f"OPTIONAL {_BUDGET.format(values=values)}")
    body = "\n  ".join(groups)
    return (
        f"{PREFIXES}SELECT {' '.join(f'?{v}' for v in VARIABLES)}\nWHERE {{\n"
        f"  VALUES (?project ?position) {{ {positions} }}\n  {body}\n}}\nORDER BY ?position\n"
    )
