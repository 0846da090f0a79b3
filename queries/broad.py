"""Patterns for a broad selection of projects (mhkg.queries.facets.BROAD): each triple pattern
read on its own, as a sub-select, which Oxigraph evaluates once and hash-joins with the others.

Oxigraph looks a pattern up for each solution of the patterns before it (about 25 µs a
look-up) or reads it whole and joins by hash (about a microsecond a triple). A pattern that
shares only a participation or a budget node with the next (``?part mhkg:inProject ?project ;
mhkg:role ?role``) is looked up per solution, whatever the selection's size; written as
separate sub-selects, each is one scan. At 10,000 projects, the funders of the 3,560 active
projects: 44 ms read as three scans, 500 ms looked up.

A scan reads the whole store's triples of its predicate: for a narrow selection, looking up
the selected projects' values costs less, and the queries do that (mhkg.queries.facets).
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib.term import Node

from mhkg.queries import sparql_term


def scan(variables: str, pattern: str) -> str:
    """`pattern` read on its own (a sub-select of `variables`): hash-joined with the rest."""
    return f"{{ SELECT {variables} WHERE {{ {pattern} }} }}"


def values(variable: str, terms: Sequence[Node]) -> str:
    return f"VALUES {variable} {{ {' '.join(sparql_term(t) for t in terms)} }}"


def participations(
    part: str,
    org: str | None,
    role: str | None,
    *,
    organisations: Sequence[Node] = (),
    roles: Sequence[Node] = (),
    kinds: Sequence[Node] = (),
) -> str:
    """?project's participations `part`, with their organisation `org` and role `role` (when
    named), each read on its own; the organisations, roles and kinds given hold of them."""
    groups = [scan(f"{part} ?project", f"{part} mhkg:inProject ?project .")]
    if role or roles:
        role = role or f"{part}Role"
        chosen = f"{values(role, roles)} " if roles else ""
        groups.append(scan(f"{part} {role}", f"{chosen}{part} mhkg:role {role} ."))
    if org or organisations or kinds:
        org = org or f"{part}Org"
        chosen = f"{values(org, organisations)} " if organisations else ""
        groups.append(scan(f"{part} {org}", f"{chosen}{part} mhkg:participant {org} ."))
        if kinds:
            kind = f"{org}Kind"
            groups.append(scan(f"DISTINCT {org}", f"{values(kind, kinds)} {org} a {kind} ."))
    return "\n      ".join(groups)


BUDGETS = (
    scan("?project ?d_budget", "?project mhkg:budget ?d_budget .")
    + "\n      "
    + scan("?d_budget ?amount", "?d_budget schema:value ?amount .")
    + "\n      "
    + scan("?d_budget ?currency", "?d_budget schema:currency ?currency .")
)
"""Each ?project's budget statements: ?amount in ?currency."""

GOALS = (
    scan("?project ?f_goal", "?project mhkg:addressesGoal ?f_goal .")
    + "\n      { "
    + scan("?f_goal ?f_value", "?f_goal mhkg:goalNumber ?f_number . BIND (?f_goal AS ?f_value)")
    + "\n      UNION "
    + scan("?f_goal ?f_value", "?f_goal mhkg:targetOf ?f_value .")
    + " }"
)
"""?project's goals (?f_value): those it addresses, and those of the targets it addresses."""

KINDS = scan(
    "?f_org ?f_value",
    "{ SELECT DISTINCT ?f_org WHERE { ?f_any mhkg:participant ?f_org . } }\n"
    "        ?f_org a ?f_value . FILTER (STRSTARTS(STR(?f_value), STR(mhkg:)))",
)
"""The classes of the project's ontology (?f_value) of each organisation that takes part in a
project (?f_org): its types looked up, not every type of the store read (1.4 s at 10,000
projects, against 20 ms)."""

VALUE_SCANS = {  # a facet's values of ?project (?f_value), and their ?key and ?f_label
    "country": (scan("?project ?f_value", "?project mhkg:benefitingCountry|mhkg:projectCountry"
                     " ?f_value ."),
                "?f_value mhkg:iso3166Alpha3 ?key ; rdfs:label ?f_label ."),
    "region": (scan("?project ?f_value", "?project mhkg:idfRegion ?f_value ."),
               "?f_value rdfs:label ?f_label . BIND (?f_value AS ?key)"),
    "sdg": (GOALS, "?f_value mhkg:goalNumber ?key ; rdfs:label ?f_label ."),
    "status": (scan("?project ?f_value", "?project mhkg:status ?f_value ."),
               "?f_value skos:prefLabel ?f_label . BIND (?f_value AS ?key)"),
    "type": (scan("?project ?f_value", "?project mhkg:projectType ?f_value ."),
             "?f_value skos:prefLabel ?f_label . BIND (?f_value AS ?key)"),
    "year": (scan("?project ?f_value", "?project mhkg:startDate ?f_start ."
                  " BIND (SUBSTR(STR(?f_start), 1, 4) AS ?f_value)"),
             "BIND (?f_value AS ?key) BIND (?key AS ?f_label)"),
}  # fmt: skip


def chart_counts(where: str, value_scan: str, labels: str) -> str:
    """The body of a chart's query under a broad selection (`where` binds ?project): ?key,
    ?label, ?projects, and the sum of the projects' budgets per ?currency (each project's
    largest statement in a currency), from the scans of `value_scan` (binding ?project and
    ?f_value) labelled by `labels` (binding ?key and ?f_label from ?f_value)."""
    projects = f"{{ SELECT DISTINCT ?project WHERE {{\n          {where}\n        }} }}"
    return (
        "SELECT ?key ?label ?projects ?budget ?currency\nWHERE {\n"
        "  { SELECT ?key (SAMPLE(?f_label) AS ?label) (MAX(?f_count) AS ?projects) WHERE {\n"
        "    { SELECT ?f_value (COUNT(DISTINCT ?project) AS ?f_count) WHERE {\n"
        f"        {projects}\n      {value_scan}\n"
        f"    }} GROUP BY ?f_value }}\n    {labels}\n  }} GROUP BY ?key }}\n"
        "  OPTIONAL { { SELECT DISTINCT ?key ?currency ?budget WHERE {\n"
        "    { SELECT ?f_value ?currency (SUM(?value) AS ?budget) WHERE {\n"
        "      { SELECT ?project ?currency (MAX(?amount) AS ?value) WHERE {\n"
        f"        {projects}\n      {BUDGETS}\n"
        "      } GROUP BY ?project ?currency }\n"
        f"      {{ SELECT DISTINCT ?project ?f_value WHERE {{\n        {projects}\n"
        f"      {value_scan}\n      }} }}\n"
        f"    }} GROUP BY ?f_value ?currency }}\n    {labels}\n  }} }} }}\n"
        "}\nORDER BY DESC(?projects) ?key ?currency\n"
    )


def chart_years(where: str) -> str:
    """The body of the years chart's query under a broad selection: ?key (the start year),
    ?status (its label) and ?projects."""
    projects = f"{{ SELECT DISTINCT ?project WHERE {{\n          {where}\n        }} }}"
    started, _ = VALUE_SCANS["year"]
    return (
        "SELECT ?key ?status ?projects\nWHERE {\n"
        "  { SELECT ?key ?d_status (COUNT(DISTINCT ?project) AS ?projects) WHERE {\n"
        f"      {projects}\n      {started}\n"
        f"      {scan('?project ?d_status', '?project mhkg:status ?d_status .')}\n"
        "      BIND (?f_value AS ?key)\n"
        "  } GROUP BY ?key ?d_status }\n"
        "  ?d_status skos:prefLabel ?status .\n"
        "}\nORDER BY ?key ?status\n"
    )
