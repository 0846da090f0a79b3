"""The SPARQL of /projects' broad facet counts and of /overview's charts as it was before the
queries were rewritten to start from the selection (main at cf34ca6), kept to check that the
rewritten queries give the same rows (tests/test_facet_queries.py)."""

from __future__ import annotations

from mhkg import queries as named_queries
from mhkg.queries.charts import DIMENSIONS, Chart
from mhkg.queries.facets import FACET_VALUES, PREFIXES, Selection, _participation

OLD_YEAR_PATTERN = (
    "?project mhkg:startDate ?f_start .\n"
    "  BIND (SUBSTR(STR(?f_start), 1, 4) AS ?key) BIND (?key AS ?f_label)"
    "\n  ?project mhkg:status ?d_status . ?d_status skos:prefLabel ?status ."
)


def hashed(name: str, others: Selection) -> str:
    """The counts of facet `name` under a broad selection (see BROAD): the selection's
    projects joined with the facet's values of every project, grouped, then labelled."""
    participating = name in ("organisation", "role", "kind")
    rest = others.without("organisation", "role", "kind") if participating else others
    values, labels, extra = HASHED_PARTS[name]
    if participating:
        role = "?f_value" if name == "role" else "?f_role"
        org = "?f_value" if name == "organisation" else "?f_org"
        values = _participation(others, "?f_part", org, role, name != "role") + "\n      " + values
    grouped = f"?f_value{extra}"
    return (
        f"{PREFIXES}SELECT ?key{' ?role' if extra else ''} (SAMPLE(?f_label) AS ?label)"
        " (MAX(?f_count) AS ?count)\nWHERE {\n"
        f"  {{ SELECT {grouped} (COUNT(DISTINCT ?project) AS ?f_count) WHERE {{\n"
        f"    {{ SELECT DISTINCT ?project WHERE {{\n      {rest.where()}\n    }} }}\n"
        f"    {{ SELECT ?project {grouped} WHERE {{\n      {values}\n    }} }}\n"
        f"  }} GROUP BY {grouped} }}\n  {labels}\n}}\n"
        f"GROUP BY ?key{' ?role' if extra else ''}\n"
        f"ORDER BY DESC(?count) ?key{' ?role' if extra else ''}\nLIMIT {FACET_VALUES}\n"
    )


HASHED_PARTS = {  # a facet's values of ?project (?f_value), and their ?key and ?f_label
    "country": ("?project mhkg:benefitingCountry|mhkg:projectCountry ?f_value .",
                "?f_value mhkg:iso3166Alpha3 ?key ; rdfs:label ?f_label .", ""),
    "region": ("?project mhkg:idfRegion ?f_value .",
               "?f_value rdfs:label ?f_label . BIND (?f_value AS ?key)", ""),
    "sdg": ("{ ?project mhkg:addressesGoal ?f_value }\n"
            "      UNION { ?project mhkg:addressesGoal/mhkg:targetOf ?f_value }",
            "?f_value mhkg:goalNumber ?key ; rdfs:label ?f_label .", ""),
    "organisation": ("", "?f_value rdfs:label ?f_label . ?f_role skos:notation ?role .\n"
                     "  BIND (?f_value AS ?key)", " ?f_role"),
    "role": ("", "?f_value skos:notation ?key . BIND (?key AS ?f_label)", ""),
    "kind": ("?f_org a ?f_value . FILTER (STRSTARTS(STR(?f_value), STR(mhkg:)))",
             "BIND (STRAFTER(STR(?f_value), STR(mhkg:)) AS ?key) BIND (?key AS ?f_label)", ""),
    "status": ("?project mhkg:status ?f_value .",
               "?f_value skos:prefLabel ?f_label . BIND (?f_value AS ?key)", ""),
    "type": ("?project mhkg:projectType ?f_value .",
             "?f_value skos:prefLabel ?f_label . BIND (?f_value AS ?key)", ""),
    "year": ("?project mhkg:startDate ?f_start . BIND (SUBSTR(STR(?f_start), 1, 4) AS ?f_value)",
             "BIND (?f_value AS ?key) BIND (?key AS ?f_label)", ""),
}  # fmt: skip


def chart_sparql(chart: Chart, selection: Selection, *, tallied: bool = True) -> str:
    """The query for the chart's data: the named summary with nothing selected (`tallied`),
    else the selection's projects counted per key (and per currency, with their budgets)."""
    dimension = DIMENSIONS[chart.dimension]
    pattern = OLD_YEAR_PATTERN if chart.dimension == "year" else dimension.pattern
    if tallied and not selection and dimension.summary:
        named = named_queries.load(dimension.summary)
        return named.sparql({"role": dimension.role} if dimension.role else None)
    projects = f"{{ SELECT DISTINCT ?project WHERE {{\n    {selection.where()}\n  }} }}"
    if chart.dimension == "year":
        return (
            f"{PREFIXES}PREFIX schema: <https://schema.org/>\n"
            "SELECT ?key ?status (COUNT(DISTINCT ?project) AS ?projects)\nWHERE {\n"
            f"  {projects}\n  {pattern}\n}}\nGROUP BY ?key ?status\n"
            "ORDER BY ?key ?status\n"
        )
    return (
        f"{PREFIXES}PREFIX schema: <https://schema.org/>\n"
        "SELECT ?key ?label ?projects ?budget ?currency\nWHERE {\n"
        "  { SELECT ?key (SAMPLE(?f_label) AS ?label) (COUNT(DISTINCT ?project) AS ?projects)\n"
        f"    WHERE {{\n  {projects}\n  {pattern}\n    }} GROUP BY ?key }}\n"
        "  OPTIONAL {\n"
        "    { SELECT ?key ?currency (SUM(?value) AS ?budget) WHERE {\n"
        "      { SELECT ?project ?currency (MAX(?amount) AS ?value) WHERE {\n"
        f"        {projects}\n"
        "        ?project mhkg:budget [ schema:value ?amount ; schema:currency ?currency ] .\n"
        "      } GROUP BY ?project ?currency }\n"
        "      { SELECT DISTINCT ?project ?key WHERE {\n"
        f"        {projects}\n  {pattern}\n"
        "      } }\n"
        "    } GROUP BY ?key ?currency }\n"
        "  }\n}\nORDER BY DESC(?projects) ?key ?currency\n"
    )
