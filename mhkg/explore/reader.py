"""Reading parts of the stakeholder graph from the store, by what they are anchored on.

`Reader` reads entities by IRI (the named query `entities`, started from the IRIs given) and
relations by their ends (the branches of the named query `relations`, each anchored on its
source or its target), in batches of BATCH anchors written as VALUES blocks of checked IRIs.
Whatever it read is kept, and `Reader.graph` gives it as a `StakeholderGraph`: what the
answers of mhkg.explore.local are computed on.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from mhkg import queries as named_queries
from mhkg.explore.graph import (
    PARTICIPANT,
    Entity,
    Relation,
    RunQuery,
    StakeholderGraph,
    entity_from_row,
    in_order,
    read_entities,
    relation_from_row,
    strongest,
)
from mhkg.iri import is_absolute_iri
from mhkg.vocab import MHKG

IDF_REGION = str(MHKG.idfRegion)
BATCH = 500  # anchors per query: the VALUES blocks stay short enough to parse quickly

PREFIXES = """PREFIX mhkg: <https://w3id.org/mhkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

# The properties the named query `relations` lists in a VALUES block, here in a FILTER: the
# engine starts a join from its smallest VALUES block, which must be the anchors.
PLAIN = """mhkg:benefitingCountry, mhkg:idfRegion, mhkg:relatedProject, mhkg:predecessor,
      mhkg:country, org:subOrganizationOf, org:memberOf, mhkg:partOfProject, mhkg:place,
      mhkg:eventParticipant, mhkg:inCountry, mhkg:inRegion"""

# The branches of the named query `relations`, each anchored on its source (FORWARD) or on its
# target (BACKWARD): `{anchors}` is a VALUES block on ?source or ?target.
FORWARD = {
    "participant": """{anchors}
    ?participation mhkg:participant ?source ; mhkg:inProject ?target ;
                   mhkg:role/skos:notation ?role .
    BIND (mhkg:participant AS ?property)""",
    "plain": f"""{{anchors}}
    ?source ?property ?target .
    FILTER (?property IN ({PLAIN}))""",
    "projectCountry": """{anchors}
    ?source mhkg:projectCountry ?target .
    FILTER NOT EXISTS { ?source mhkg:benefitingCountry ?target }
    BIND (mhkg:projectCountry AS ?property)""",
    "addressesGoal": """{anchors}
    ?source mhkg:addressesGoal ?aim .
    OPTIONAL { ?aim mhkg:targetOf ?goal }
    BIND (COALESCE(?goal, ?aim) AS ?target)
    BIND (mhkg:addressesGoal AS ?property)""",
    "holds": """{anchors}
    ?source org:holds ?heldPost .
    ?heldPost org:postIn ?target .
    OPTIONAL { ?heldPost rdfs:label ?post }
    BIND (org:holds AS ?property)""",
}
BACKWARD = {
    "participant": """{anchors}
    ?participation mhkg:inProject ?target ; mhkg:participant ?source ;
                   mhkg:role/skos:notation ?role .
    BIND (mhkg:participant AS ?property)""",
    "plain": f"""{{anchors}}
    ?source ?property ?target .
    FILTER (?property IN ({PLAIN}))""",
    "projectCountry": """{anchors}
    ?source mhkg:projectCountry ?target .
    FILTER NOT EXISTS { ?source mhkg:benefitingCountry ?target }
    BIND (mhkg:projectCountry AS ?property)""",
    "addressesGoal": """{
      {anchors}
      ?source mhkg:addressesGoal ?target .
      FILTER NOT EXISTS { ?target mhkg:targetOf ?any }
    } UNION {
      {anchors}
      ?aim mhkg:targetOf ?target .
      ?source mhkg:addressesGoal ?aim .
    }
    BIND (mhkg:addressesGoal AS ?property)""",
    "holds": """{anchors}
    ?heldPost org:postIn ?target .
    ?source org:holds ?heldPost .
    OPTIONAL { ?heldPost rdfs:label ?post }
    BIND (org:holds AS ?property)""",
}

KINDS = (
    PREFIXES
    + """
SELECT DISTINCT ?class
WHERE {
  ?class rdfs:subClassOf* mhkg:Organisation .
  FILTER (STRSTARTS(STR(?class), STR(mhkg:)))
  FILTER EXISTS {
    ?entity a ?class ; rdfs:label ?name .
    FILTER NOT EXISTS {
      ?entity a ?narrower .
      ?narrower rdfs:subClassOf+ ?class .
      FILTER (?narrower != ?class)
    }
  }
}
"""
)

PROJECTS_IN = (
    PREFIXES
    + """
SELECT DISTINCT ?project
WHERE {
  {anchors}
  ?where mhkg:iso3166Alpha3 ?code .
  ?project mhkg:benefitingCountry|mhkg:projectCountry ?where .
}
"""
)

PROJECTS_TOWARDS = (
    PREFIXES
    + """
SELECT DISTINCT ?project
WHERE {
  {anchors}
  ?goal mhkg:goalNumber ?number .
  { ?project mhkg:addressesGoal ?goal } UNION { ?aim mhkg:targetOf ?goal .
                                               ?project mhkg:addressesGoal ?aim }
}
"""
)

# The network reads the participations in its projects: lean patterns, the role by IRI (its
# notation looked up once).
PARTICIPATIONS = (
    PREFIXES
    + """
SELECT ?source ?target ?role
WHERE {
  {anchors}
  ?participation mhkg:inProject ?target ; mhkg:participant ?source ; mhkg:role ?role
}
"""
)

ROLE_NOTATIONS = (
    PREFIXES
    + """
SELECT ?role ?notation WHERE { ?role a mhkg:Role ; skos:notation ?notation }
"""
)

PROJECTS = (
    PREFIXES
    + """
SELECT DISTINCT ?project WHERE { ?project a mhkg:Project ; rdfs:label ?title }
"""
)

REGIONS = (
    PREFIXES
    + """
SELECT DISTINCT ?source ?target WHERE { ?source mhkg:idfRegion ?target }
"""
)


def values(variable: str, terms: Iterable[str]) -> str:
    """A VALUES block of IRIs (checked: each is an absolute IRI) or of plain literals.

    >>> values("code", ['"GIN"']), values("node", ["urn:x:a"])
    ('VALUES ?code { "GIN" }', 'VALUES ?node { <urn:x:a> }')
    """
    written = []
    for term in terms:
        if term.startswith('"'):
            written.append(term)
        elif is_absolute_iri(term) and ">" not in term:
            written.append(f"<{term}>")
        else:
            raise ValueError(f"not an IRI: {term!r}")
    return f"VALUES ?{variable} {{ {' '.join(written)} }}"


def batches(items: Collection[str]) -> Iterator[list[str]]:
    """The items in IRI order, BATCH at a time."""
    ordered = sorted(items)
    for start in range(0, len(ordered), BATCH):
        yield ordered[start : start + BATCH]


class Reader:
    """Reads entities and relations from the store by what they are anchored on."""

    def __init__(self, run: RunQuery) -> None:
        self.run = run
        self.entities: dict[str, Entity] = {}
        self.missing: set[str] = set()  # IRIs asked for that are no entity
        self.relations: set[Relation] = set()
        self.expanded: set[str] = set()  # entities whose relations were all read
        self._kinds: frozenset[str] | None = None
        self._named: StakeholderGraph | None = None

    def entity(self, iri: str) -> Entity | None:
        """The entity with this IRI, None when there is none."""
        self.read_entities([iri])
        return self.entities.get(iri)

    def read_entities(self, iris: Iterable[str]) -> None:
        """Read these entities (those not read yet), as the named query `entities` gives them."""
        wanted = {i for i in iris if i not in self.entities and i not in self.missing}
        text = named_queries.load("entities").text
        at = text.index("WHERE {") + len("WHERE {")
        for batch in batches({i for i in wanted if is_absolute_iri(i) and ">" not in i}):
            query = f"{text[:at]}\n  {values('entity', batch)}{text[at:]}"
            for row in self.run(query).rows:
                found = entity_from_row(row)
                self.entities[found.iri] = strongest(self.entities.get(found.iri), found)
        self.missing |= wanted - set(self.entities)

    def read_relations(
        self, iris: Iterable[str], *, on_the_radius: bool = False, forward_only: bool = False
    ) -> set[Relation]:
        """The relations of these entities: all of them (read forward and backward), or, for
        entities `on_the_radius` of an answer, those that do not expand through hubs: read
        forward, but for participations, read from the project's side; `forward_only`, those
        read forward, participations excepted. Returns the relations read (and keeps them, for
        `graph`)."""
        partial = on_the_radius or forward_only
        iris = set(iris) - (set() if partial else self.expanded)
        read: set[Relation] = set()
        forward, backward = dict(FORWARD), dict(BACKWARD)
        if partial:
            del forward["participant"]
            backward = {} if forward_only else {"participant": backward["participant"]}
        for batch in batches(iris):
            branches = [(b, "source") for b in forward.values()]
            branches += [(b, "target") for b in backward.values()]
            union = "\n  } UNION {\n    ".join(
                branch.replace("{anchors}", values(anchored, batch))
                for branch, anchored in branches
            )
            query = (
                f"{PREFIXES}\nSELECT DISTINCT ?source ?property ?target ?role ?post\n"
                f"WHERE {{\n  {{\n    {union}\n  }}\n}}\n"
            )
            read |= {relation_from_row(row) for row in self.run(query).rows}
        if not partial:
            self.expanded |= iris
        self.relations |= read
        return read

    def named(self) -> StakeholderGraph:
        """Every entity of the store (without relations): what names are looked up in."""
        if self._named is None:
            self._named = StakeholderGraph.build(read_entities(self.run).values(), [])
        return self._named

    def degree(self, iris: Collection[str]) -> int:
        """How many statements have one of these entities as object: what reading their
        relations backward costs (forward, each has few)."""
        total = 0
        for batch in batches(iris):
            query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {values('node', batch)} ?s ?p ?node }}"
            total += int(self.run(query).rows[0]["n"])
        return total

    def organisation_kinds(self) -> frozenset[str]:
        """The most specific classes that organisations have in the store."""
        if self._kinds is None:
            rows = self.run(KINDS).rows
            self._kinds = frozenset(str(r["class"]).rsplit("#", 1)[-1] for r in rows)
        return self._kinds

    def projects(self, countries: Iterable[str] = (), goals: Iterable[int] = ()) -> set[str]:
        """Projects in one of these countries (ISO3) or, without countries, towards one of
        these goals (one of the two must be given)."""
        if countries:
            anchors = values("code", (f'"{c}"' for c in sorted(countries) if c.isalpha()))
            query = PROJECTS_IN.replace("{anchors}", anchors)
        else:
            anchors = f"VALUES ?number {{ {' '.join(str(int(g)) for g in sorted(goals))} }}"
            query = PROJECTS_TOWARDS.replace("{anchors}", anchors)
        return {str(row["project"]) for row in self.run(query).rows}

    def participations(self, projects: Collection[str] | None = None) -> None:
        """Every part of an organisation in these projects (None: in every project), and what
        the filters look at about the projects: their IDF regions, and, for projects given,
        their countries and goals. Read BATCH projects at a time, so that what is held at
        once stays small. The projects are known by their IRI only: the network never shows
        their labels, and reading each project as an entity would cost more than the rest."""
        notations = {str(row["role"]): row["notation"] for row in self.run(ROLE_NOTATIONS).rows}
        if projects is None:
            projects = {str(row["project"]) for row in self.run(PROJECTS).rows}
            for row in self.run(REGIONS).rows:
                if str(row["source"]) in projects:
                    self.relations.add(relation_from_row({**row, "property": IDF_REGION}))
        else:
            projects = set(projects)
            self.read_relations(projects, forward_only=True)
        for batch in batches(projects):
            query = PARTICIPATIONS.replace("{anchors}", values("target", batch))
            for row in self.run(query).rows:
                if (role := notations.get(str(row["role"]))) is not None:
                    row = {**row, "role": role, "property": PARTICIPANT}
                    self.relations.add(relation_from_row(row))
        for project in projects:
            self.entities.setdefault(project, Entity(project, "", "Project", ()))

    def graph(self) -> StakeholderGraph:
        """What has been read, as a stakeholder graph (the ends' entities read first)."""
        self.read_entities({end for r in self.relations for end in (r.source, r.target)})
        entities = [self.entities[iri] for iri in sorted(self.entities)]
        built = StakeholderGraph.build(entities, in_order(self.relations))
        built.known_kinds = self.organisation_kinds()
        return built
