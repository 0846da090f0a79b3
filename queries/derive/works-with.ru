# title: Organisations that work with each other
# description: Two organisations work with each other when both take part (in any role)
#   in the same project. Materialised as mhkg:worksWith in the derived graph after each load.
PREFIX mhkg: <https://w3id.org/mhkg/ontology#>

INSERT { GRAPH <graph/derived> { ?a mhkg:worksWith ?b } }
WHERE {
  SELECT DISTINCT ?a ?b WHERE {
    GRAPH ?g1 { ?p1 mhkg:inProject ?project ; mhkg:participant ?a }
    GRAPH ?g2 { ?p2 mhkg:inProject ?project ; mhkg:participant ?b }
    FILTER (?a != ?b)
  }
}
