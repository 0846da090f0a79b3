"""Selections of /projects (query strings as Selection.parse takes them) that the tests of the
facet queries (tests/test_facet_queries.py) and of the facet index
(tests/server/test_facet_index.py) share: each facet, two values of one, facets together,
participations by organisation, role and kind, and words."""

IOM = "https://w3id.org/mhkg/id/organisation/international-organization-for-migration"
SELECTIONS = [
    {}, {"country": ["KEN"]}, {"country": ["GIN", "BLR"]}, {"sdg": ["3"]},
    {"sdg": ["8", "10"], "region": ["africa"]}, {"status": ["active"]}, {"year": ["2015"]},
    {"organisation": [IOM], "role": ["implementer"]}, {"role": ["funder"], "kind": ["Fund"]},
    {"q": ["health"]}, {"q": ["diaspora"], "country": ["KEN"]}, {"type": ["labour-migration"]},
]  # fmt: skip
