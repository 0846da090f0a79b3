"""The OWL ontology (ontology/mhkg.ttl): its terms, annotations, OWL 2 DL hygiene and consistency.

The reasoning tests run HermiT (Java needed) three times in all: through owlready2's world
on the ontology with the bundled reference data and an example record (to see an inference),
and through mhkg.reasoning (what `mhkg validate --reason` runs) on the loaded seeds and on a
deliberately inconsistent individual.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import owlready2
import pytest
from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from mhkg import reasoning
from mhkg.iri import DEFAULT_BASE_IRI
from mhkg.ontology import graph, reference_graph
from mhkg.vocab import MHKG, ONTOLOGY_IRI, ONTOLOGY_VERSION

ROOT = Path(__file__).resolve().parents[2]
NS = str(MHKG)
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SCHEMA = Namespace("https://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")

# The kinds of OWL entity an IRI can be declared as (individuals apart).
ENTITY_KINDS = frozenset(
    {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDFS.Datatype}
)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
# Vocabulary that OWL 2 itself defines: never declared.
BUILTIN_NAMESPACES = (str(RDF), str(RDFS), str(OWL))
BUILTIN_ANNOTATION_PROPERTIES = {
    RDFS.label,
    RDFS.comment,
    RDFS.seeAlso,
    RDFS.isDefinedBy,
    OWL.versionInfo,
    OWL.deprecated,
}
# The rdf:/rdfs:/owl: predicates of OWL 2's RDF mapping that the ontology uses for axioms.
OWL_AXIOM_PREDICATES = {
    RDF.type,
    RDF.first,
    RDF.rest,
    RDFS.subClassOf,
    RDFS.subPropertyOf,
    RDFS.domain,
    RDFS.range,
    OWL.inverseOf,
    OWL.unionOf,
    OWL.members,
    OWL.distinctMembers,
    OWL.versionIRI,
}
# The xsd datatypes in the OWL 2 datatype map that the ontology uses (others must be declared).
OWL2_DATATYPES = {
    XSD.string,
    XSD.decimal,
    XSD.integer,
    XSD.positiveInteger,
    XSD.nonNegativeInteger,
    XSD.dateTime,
}

# The example record of docs/record-shape.md (plus a person, post, event and SDG target), so that
# the reasoning test also shows that data in the documented shape fits the ontology.
SAMPLE_RECORD = """
@prefix mhkg: <https://w3id.org/mhkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <https://schema.org/> .

<id/project/cd-0015> a mhkg:Project ;
    rdfs:label "Diaspora Engagement in Support of the Health Sector in Guinea" ;
    dcterms:title "Diaspora Engagement in Support of the Health Sector in Guinea" ;
    dcterms:description "For more than a decade, ..." ;
    mhkg:projectCode "CD.0015" ; mhkg:primaId "GN10P0002" ;
    mhkg:startDate "2019"^^xsd:gYear ; mhkg:endDate "2021-06"^^xsd:gYearMonth ;
    mhkg:fundingYear "2018"^^xsd:gYear ;
    mhkg:status <id/project-status/completed> ;
    mhkg:projectType <id/project-type/community-and-economic-development> ;
    mhkg:coverage <id/coverage/national> ;
    mhkg:idfRegion <id/region/africa> ;
    mhkg:benefitingCountry <id/country/GIN> ;
    mhkg:addressesGoal <id/sdg/3>, <id/sdg-target/3.c> ;
    mhkg:budget <id/budget/cd-0015> .
<id/budget/cd-0015> a schema:MonetaryAmount ; schema:value 100000.00 ; schema:currency "USD" .
<id/project-type/community-and-economic-development> a mhkg:ProjectType ;
    skos:prefLabel "Community and Economic Development" ; skos:inScheme mhkg:projectTypes .

<id/organisation/international-organization-for-migration> a mhkg:IntergovernmentalOrganisation ;
    rdfs:label "International Organization for Migration" ; mhkg:acronym "IOM" .
<id/organisation/iom-development-fund> a mhkg:Fund ;
    rdfs:label "IOM Development Fund" ; mhkg:acronym "IDF" ;
    org:subOrganizationOf <id/organisation/international-organization-for-migration> .
<id/organisation/ministry-of-health-gin> a mhkg:Ministry ;
    rdfs:label "Ministry of Health" ; mhkg:country <id/country/GIN> .
<id/organisation/guinean-diaspora-gin> a mhkg:Group ;
    rdfs:label "Guinean diaspora" ; mhkg:country <id/country/GIN> .

<id/participation/cd-0015-iom-development-fund-funder> a mhkg:Participation ;
    mhkg:inProject <id/project/cd-0015> ;
    mhkg:participant <id/organisation/iom-development-fund> ;
    mhkg:role mhkg:funderRole .
<id/participation/cd-0015-international-organization-for-migration-implementer>
    a mhkg:Participation ;
    mhkg:inProject <id/project/cd-0015> ;
    mhkg:participant <id/organisation/international-organization-for-migration> ;
    mhkg:role mhkg:implementerRole .
<id/participation/cd-0015-guinean-diaspora-gin-beneficiary> a mhkg:Participation ;
    mhkg:inProject <id/project/cd-0015> ;
    mhkg:participant <id/organisation/guinean-diaspora-gin> ;
    mhkg:role mhkg:beneficiaryRole .
<id/organisation/iom-development-fund>
    mhkg:worksWith <id/organisation/international-organization-for-migration> .

<id/person/jane-doe> a mhkg:Person ; rdfs:label "Jane Doe" ; foaf:name "Jane Doe" ;
    org:holds <id/post/deputy-minister-of-healthcare> ;
    org:memberOf <id/organisation/ministry-of-health-gin> .
<id/post/deputy-minister-of-healthcare> a mhkg:Post ;
    rdfs:label "Deputy Minister of Healthcare" ;
    org:postIn <id/organisation/ministry-of-health-gin> .
<id/event/validation-workshop> a mhkg:Workshop ;
    rdfs:label "Validation workshop" ; mhkg:eventDate "--03"^^xsd:gMonth ;
    mhkg:place <id/place/conakry> ; mhkg:participantCount "25"^^xsd:nonNegativeInteger ;
    mhkg:partOfProject <id/project/cd-0015> ;
    mhkg:eventParticipant <id/organisation/ministry-of-health-gin>, <id/person/jane-doe> .
<id/place/conakry> a mhkg:City ; rdfs:label "Conakry" ; mhkg:inRegion <id/region/africa> .
<id/sdg-target/3.c> a mhkg:SustainableDevelopmentTarget ;
    skos:notation "3.c" ; mhkg:targetOf <id/sdg/3> ; skos:inScheme mhkg:sdgScheme .

<id/document/000-c1443bd85e840731-txt> a mhkg:ProjectPage ;
    dcterms:title "Diaspora Engagement in Support of the Health Sector in Guinea" ;
    dcterms:format "text/plain" ;
    mhkg:sourceFile "000_c1443bd85e840731.txt" ;
    mhkg:sha256 "0000000000000000000000000000000000000000000000000000000000000000" ;
    mhkg:reportsOn <id/project/cd-0015> .
<graph/000-c1443bd85e840731-txt> a prov:Entity ;
    prov:wasDerivedFrom <id/document/000-c1443bd85e840731-txt> ;
    prov:generatedAtTime "2026-11-26T22:00:00Z"^^xsd:dateTime ;
    prov:wasAttributedTo <id/agent/mhkg> .
"""

# One individual of two disjoint organisation kinds: the reasoner must reject it.
INCONSISTENT_RECORD = """
@prefix mhkg: <https://w3id.org/mhkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<id/organisation/not-both> a mhkg:Ministry, mhkg:Fund ; rdfs:label "Ministry and fund" .
"""


# ---------------------------------------------------------------------------------------------
# Helpers


@pytest.fixture(scope="module")
def onto() -> Graph:
    return graph()


def mhkg_terms(g: Graph) -> set[URIRef]:
    """Every mhkg: IRI that occurs anywhere in the graph."""
    return {
        term
        for triple in g
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(NS)
    }


def declared(g: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def kinds_of(g: Graph, term: URIRef) -> set[URIRef]:
    return {k for k in g.objects(term, RDF.type) if k in ENTITY_KINDS}


def is_builtin(term: URIRef) -> bool:
    return str(term).startswith(BUILTIN_NAMESPACES)


def members(g: Graph, node: BNode) -> list:
    return list(Collection(g, node))


def named(g: Graph, expression) -> set[URIRef]:
    """The named classes or datatypes an expression (an IRI or an owl:unionOf node) mentions."""
    if isinstance(expression, URIRef):
        return {expression}
    out: set[URIRef] = set()
    for union in g.objects(expression, OWL.unionOf):
        for member in members(g, union):
            out |= named(g, member)
    return out


def local(term: URIRef) -> str:
    return str(term).removeprefix(NS)


# ---------------------------------------------------------------------------------------------
# The ontology header and version


def test_header(onto: Graph) -> None:
    ontology = URIRef(ONTOLOGY_IRI)
    assert set(onto.subjects(RDF.type, OWL.Ontology)) == {ontology}
    assert onto.value(ontology, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    for annotation in (DCTERMS.title, DCTERMS.description, DCTERMS.created):
        assert onto.value(ontology, annotation) is not None, annotation
    assert onto.value(ontology, VANN.preferredNamespacePrefix) == Literal("mhkg")
    assert onto.value(ontology, VANN.preferredNamespaceUri) == Literal(NS)


def test_version_matches_vocab_and_pyproject(onto: Graph) -> None:
    ontology = URIRef(ONTOLOGY_IRI)
    version_iri = onto.value(ontology, OWL.versionIRI)
    assert str(version_iri).endswith("/" + ONTOLOGY_VERSION)
    assert version_iri == URIRef(f"{ONTOLOGY_IRI}/{ONTOLOGY_VERSION}")
    assert onto.value(ontology, OWL.versionInfo) == Literal(ONTOLOGY_VERSION)
    with (ROOT / "pyproject.toml").open("rb") as f:
        assert tomllib.load(f)["project"]["version"] == ONTOLOGY_VERSION


# ---------------------------------------------------------------------------------------------
# The mhkg terms: exactly those of mhkg.vocab.MHKG, each labelled and defined


def test_declared_terms_are_exactly_the_vocab(onto: Graph) -> None:
    vocab = {MHKG[name] for name in MHKG.__annotations__}
    declared_terms = {
        s
        for kind in (*ENTITY_KINDS, OWL.NamedIndividual)
        for s in declared(onto, kind)
        if str(s).startswith(NS)
    }
    assert sorted(map(local, declared_terms - vocab)) == [], "declared but not in vocab.MHKG"
    assert sorted(map(local, vocab - declared_terms)) == [], "in vocab.MHKG but not declared"
    # and no mhkg: IRI is used anywhere without being one of them (e.g. a misspelt range)
    assert sorted(map(local, mhkg_terms(onto) - vocab)) == []


@pytest.mark.parametrize("name", sorted(MHKG.__annotations__))
def test_term_has_one_english_label_and_definition(onto: Graph, name: str) -> None:
    term = MHKG[name]
    for annotation in (RDFS.label, SKOS.definition):
        values = list(onto.objects(term, annotation))
        english = [v for v in values if isinstance(v, Literal) and v.language == "en"]
        assert len(english) == 1, f"{name}: {len(english)} {annotation} @en"
        assert len(values) == 1, f"{name}: {annotation} in other forms than @en"
    assert len(str(onto.value(term, SKOS.definition)).split()) >= 5, f"{name}: definition too short"


def test_every_mhkg_class_and_property_is_one_kind_with_domain_and_range(onto: Graph) -> None:
    for term in mhkg_terms(onto):
        kinds = kinds_of(onto, term)
        if OWL.NamedIndividual in set(onto.objects(term, RDF.type)):
            assert kinds == set(), f"{local(term)} is punned"
            continue
        assert len(kinds) == 1, f"{local(term)}: {kinds}"
        if kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            assert onto.value(term, RDFS.domain) is not None, f"{local(term)} has no domain"
            assert onto.value(term, RDFS.range) is not None, f"{local(term)} has no range"


# ---------------------------------------------------------------------------------------------
# OWL 2 DL hygiene: every named term used is declared, as one kind only


def test_no_term_has_two_kinds(onto: Graph) -> None:
    subjects = {s for s in onto.subjects(RDF.type) if isinstance(s, URIRef)}
    punned = {s: kinds_of(onto, s) for s in subjects if len(kinds_of(onto, s)) > 1}
    assert punned == {}
    both = declared(onto, OWL.NamedIndividual) & (
        declared(onto, OWL.Class) | {p for k in PROPERTY_KINDS for p in declared(onto, k)}
    )
    assert both == set()


def test_every_predicate_is_a_declared_property(onto: Graph) -> None:
    properties = {p for k in PROPERTY_KINDS for p in declared(onto, k)}
    undeclared = {p for p in set(onto.predicates()) if not is_builtin(p) and p not in properties}
    assert undeclared == set()
    builtin = {p for p in set(onto.predicates()) if is_builtin(p)}
    annotations = {p for p in builtin if p not in OWL_AXIOM_PREDICATES}
    assert annotations <= BUILTIN_ANNOTATION_PROPERTIES


def test_every_class_used_is_a_declared_class(onto: Graph) -> None:
    classes = declared(onto, OWL.Class)
    used: set[URIRef] = set()
    for s, o in onto.subject_objects(RDFS.subClassOf):
        used |= named(onto, s) | named(onto, o)
    for disjoint in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        used |= set(members(onto, onto.value(disjoint, OWL.members)))
    for p in declared(onto, OWL.ObjectProperty):
        for axiom in (RDFS.domain, RDFS.range):
            for o in onto.objects(p, axiom):
                used |= named(onto, o)
    for p in declared(onto, OWL.DatatypeProperty):
        for o in onto.objects(p, RDFS.domain):
            used |= named(onto, o)
    for individual in declared(onto, OWL.NamedIndividual):
        used |= {t for t in onto.objects(individual, RDF.type) if not is_builtin(t)}
    assert {c for c in used if not is_builtin(c)} - classes == set()


def test_datatype_property_ranges_are_datatypes(onto: Graph) -> None:
    datatypes = declared(onto, RDFS.Datatype) | OWL2_DATATYPES
    for p in declared(onto, OWL.DatatypeProperty):
        for data_range in onto.objects(p, RDFS.range):
            assert named(onto, data_range) <= datatypes, p
            if isinstance(data_range, BNode):
                assert (data_range, RDF.type, RDFS.Datatype) in onto, p


def test_sub_and_inverse_properties_are_of_the_same_kind(onto: Graph) -> None:
    for axiom in (RDFS.subPropertyOf, OWL.inverseOf):
        for sub, sup in onto.subject_objects(axiom):
            assert kinds_of(onto, sub) == kinds_of(onto, sup), (sub, axiom, sup)
    for inverse in onto.objects(None, OWL.inverseOf):
        assert kinds_of(onto, inverse) == {OWL.ObjectProperty}
    for characteristic in (
        OWL.SymmetricProperty,
        OWL.InverseFunctionalProperty,
        OWL.TransitiveProperty,
    ):
        for p in onto.subjects(RDF.type, characteristic):
            assert kinds_of(onto, p) == {OWL.ObjectProperty}, p


def test_object_property_assertions_point_at_individuals(onto: Graph) -> None:
    """E.g. ``mhkg:funderRole skos:inScheme mhkg:roles``: both ends are named individuals."""
    individuals = declared(onto, OWL.NamedIndividual)
    for p in declared(onto, OWL.ObjectProperty):
        for s, o in onto.subject_objects(p):
            assert {s, o} <= individuals, (s, p, o)


def test_the_record_vocabulary_is_declared(onto: Graph) -> None:
    """Data in the documented shape, with the reference data, uses only declared terms."""
    data = Graph()
    data.parse(data=SAMPLE_RECORD, format="turtle", publicID=DEFAULT_BASE_IRI)
    data += reference_graph(DEFAULT_BASE_IRI)
    classes = declared(onto, OWL.Class)
    for s, p, o in data:
        if p == RDF.type:
            assert o in classes, o
        elif not is_builtin(p):
            kinds = kinds_of(onto, p)
            assert len(kinds) == 1, p
            if kinds == {OWL.ObjectProperty}:
                assert isinstance(o, URIRef), (s, p, o)
            elif kinds == {OWL.DatatypeProperty}:
                assert isinstance(o, Literal) and o.language is None, (s, p, o)


@pytest.mark.parametrize(
    ("term", "kind"),
    [
        # SKOS relations between concepts and schemes are object properties in SKOS itself,
        # its labels and notes annotation properties.
        (SKOS.inScheme, OWL.ObjectProperty),
        (SKOS.hasTopConcept, OWL.ObjectProperty),
        (SKOS.broader, OWL.ObjectProperty),
        (SKOS.prefLabel, OWL.AnnotationProperty),
        (SKOS.altLabel, OWL.AnnotationProperty),
        (SKOS.definition, OWL.AnnotationProperty),
        (SKOS.notation, OWL.AnnotationProperty),
        (DCTERMS.title, OWL.AnnotationProperty),
        (DCTERMS.description, OWL.AnnotationProperty),
        (DCTERMS.identifier, OWL.DatatypeProperty),
        (ORG.subOrganizationOf, OWL.ObjectProperty),
        (ORG.holds, OWL.ObjectProperty),
        (ORG.postIn, OWL.ObjectProperty),
        (ORG.memberOf, OWL.ObjectProperty),
        (PROV.wasDerivedFrom, OWL.ObjectProperty),
        (PROV.wasAttributedTo, OWL.ObjectProperty),
        (PROV.generatedAtTime, OWL.DatatypeProperty),
        (SCHEMA.value, OWL.DatatypeProperty),
        (SCHEMA.currency, OWL.DatatypeProperty),
    ],
)
def test_external_term_kind(onto: Graph, term: URIRef, kind: URIRef) -> None:
    """External terms are declared the way their own vocabularies and our data use them."""
    assert kinds_of(onto, term) == {kind}


# ---------------------------------------------------------------------------------------------
# What the modelling promises (the reuse of W3C ORG, PROV-O, DCTERMS, SKOS, schema.org, FOAF)


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (MHKG.Organisation, ORG.Organization),
        (MHKG.Person, FOAF.Person),
        (MHKG.Post, ORG.Post),
        (MHKG.Project, SCHEMA.Project),
        (MHKG.Event, SCHEMA.Event),
        (MHKG.Place, SCHEMA.Place),
        (MHKG.SourceDocument, PROV.Entity),
        (MHKG.SourceDocument, FOAF.Document),
        (MHKG.Role, SKOS.Concept),
        (MHKG.ProjectStatus, SKOS.Concept),
        (MHKG.ProjectType, SKOS.Concept),
        (MHKG.Coverage, SKOS.Concept),
        (MHKG.SustainableDevelopmentGoal, SKOS.Concept),
        (MHKG.SustainableDevelopmentTarget, SKOS.Concept),
        (MHKG.Country, MHKG.Place),
        (MHKG.Region, MHKG.Place),
        (MHKG.City, MHKG.Place),
        (MHKG.Meeting, MHKG.Event),
        (MHKG.Workshop, MHKG.Event),
        (MHKG.Consultation, MHKG.Event),
        (MHKG.ProjectPage, MHKG.SourceDocument),
        (MHKG.NewsArticle, MHKG.SourceDocument),
        (MHKG.Group, MHKG.Organisation),
    ],
)
def test_subclass(onto: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (MHKG.projectCode, DCTERMS.identifier),
        (MHKG.primaId, DCTERMS.identifier),
        (MHKG.startDate, SCHEMA.startDate),
        (MHKG.endDate, SCHEMA.endDate),
        (MHKG.benefitingCountry, MHKG.projectCountry),
        (MHKG.projectCountry, SCHEMA.areaServed),
        (MHKG.predecessor, MHKG.relatedProject),
        (MHKG.inCountry, SCHEMA.containedInPlace),
        (MHKG.place, SCHEMA.location),
        (MHKG.eventParticipant, SCHEMA.attendee),
        (MHKG.partOfProject, DCTERMS.isPartOf),
        (MHKG.inRegion, SCHEMA.containedInPlace),
        (MHKG.targetOf, SKOS.broader),
        (MHKG.reportsOn, SCHEMA.about),
        (MHKG.acronym, SCHEMA.alternateName),
    ],
)
def test_subproperty(onto: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, sup) in onto


def disjoint_sets(onto: Graph) -> list[set]:
    return [
        set(members(onto, onto.value(axiom, OWL.members)))
        for axiom in onto.subjects(RDF.type, OWL.AllDisjointClasses)
    ]


def test_organisation_kinds_are_pairwise_disjoint(onto: Graph) -> None:
    kinds = {
        MHKG.Government,
        MHKG.Ministry,
        MHKG.GovernmentAgency,
        MHKG.IntergovernmentalOrganisation,
        MHKG.Fund,
        MHKG.CoordinationBody,
        MHKG.CivilSocietyOrganisation,
        MHKG.Group,
    }
    assert kinds in disjoint_sets(onto)
    for kind in kinds:
        assert (kind, RDFS.subClassOf, MHKG.Organisation) in onto


def test_top_level_kinds_are_disjoint(onto: Graph) -> None:
    top = {
        MHKG.Project,
        MHKG.Organisation,
        MHKG.Person,
        MHKG.Post,
        MHKG.Event,
        MHKG.Place,
        MHKG.SourceDocument,
        MHKG.Participation,
    }
    assert any(top <= members for members in disjoint_sets(onto))


def test_participation_is_a_functional_n_ary_relation(onto: Graph) -> None:
    for p in (MHKG.participant, MHKG.inProject, MHKG.role):
        assert (p, RDF.type, OWL.FunctionalProperty) in onto
        assert onto.value(p, RDFS.domain) == MHKG.Participation
    assert (MHKG.participant, OWL.inverseOf, MHKG.participatesIn) in onto
    assert (MHKG.inProject, OWL.inverseOf, MHKG.hasParticipation) in onto
    assert (MHKG.worksWith, RDF.type, OWL.SymmetricProperty) in onto
    assert onto.value(MHKG.worksWith, RDFS.domain) == MHKG.Organisation
    assert onto.value(MHKG.worksWith, RDFS.range) == MHKG.Organisation
    assert not list(onto.subjects(OWL.propertyChainAxiom)), "worksWith is materialised, not a chain"


@pytest.mark.parametrize(
    ("prop", "datatypes"),
    [
        (MHKG.startDate, {XSD.gYear, XSD.gYearMonth, XSD.date}),
        (MHKG.endDate, {XSD.gYear, XSD.gYearMonth, XSD.date}),
        (MHKG.fundingYear, {XSD.gYear, XSD.gYearMonth, XSD.date}),
        (MHKG.eventDate, {XSD.gYear, XSD.gYearMonth, XSD.date, XSD.gMonthDay, XSD.gMonth}),
        (MHKG.goalNumber, {XSD.positiveInteger}),
        (MHKG.participantCount, {XSD.nonNegativeInteger}),
        (MHKG.iso3166Numeric, {XSD.string}),
    ],
)
def test_datatype_range(onto: Graph, prop: URIRef, datatypes: set[URIRef]) -> None:
    assert named(onto, onto.value(prop, RDFS.range)) == datatypes


def test_roles_are_the_concepts_of_the_roles_scheme(onto: Graph) -> None:
    roles = {
        MHKG.funderRole: "funder",
        MHKG.implementerRole: "implementer",
        MHKG.partnerRole: "partner",
        MHKG.coordinationRole: "coordination",
        MHKG.beneficiaryRole: "beneficiary",
    }
    assert set(onto.subjects(RDF.type, MHKG.Role)) == set(roles)
    assert set(onto.objects(MHKG.roles, SKOS.hasTopConcept)) == set(roles)
    for role, notation in roles.items():
        assert (role, RDF.type, OWL.NamedIndividual) in onto
        assert onto.value(role, SKOS.inScheme) == MHKG.roles
        # a plain literal, so that it equals the loaders' and the shapes' "funder" etc.
        assert list(onto.objects(role, SKOS.notation)) == [Literal(notation)]
        assert onto.value(role, SKOS.prefLabel) is not None


def test_concept_schemes(onto: Graph) -> None:
    schemes = {
        MHKG.roles, MHKG.projectStatuses, MHKG.projectTypes, MHKG.coverages, MHKG.sdgScheme,
        MHKG.dacSectors, MHKG.dacSectorCategories, MHKG.iatiActivityStatuses,
    }  # fmt: skip
    assert set(onto.subjects(RDF.type, SKOS.ConceptScheme)) == schemes
    for scheme in schemes:
        assert onto.value(scheme, SKOS.prefLabel) is not None


# ---------------------------------------------------------------------------------------------
# Reasoning with HermiT (owlready2)


def _reason(g: Graph, path: Path):
    """Load ``g`` into a fresh owlready2 World and run HermiT on it; return the world.

    Raises OwlReadyInconsistentOntologyError if HermiT finds the ontology inconsistent.
    HermiT knows only the OWL 2 datatype map, and the date properties range over xsd:gYear,
    xsd:gYearMonth, xsd:date, xsd:gMonthDay and xsd:gMonth, so it is told to ignore those
    (it then skips the range axioms that use them; the SHACL shapes check these values).
    """
    assert shutil.which(owlready2.JAVA_EXE), "HermiT needs Java: `make test` installs it"
    g.serialize(destination=path, format="nt", encoding="utf-8")  # owlready2 reads no Turtle
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    try:
        owlready2.sync_reasoner_hermit(
            world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
        )
    except BaseException:
        world.close()
        raise
    return world


def _with(data: str, *, reference: bool = True) -> Graph:
    """The ontology (a copy: graph() is cached and shared), the reference data and ``data``."""
    g = Graph()
    g += graph()
    if reference:
        g += reference_graph(DEFAULT_BASE_IRI)
    g.parse(data=data, format="turtle", publicID=DEFAULT_BASE_IRI)
    return g


@pytest.fixture(scope="module")
def reasoned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """HermiT's run on the ontology + reference data + the example record (one run)."""
    path = tmp_path_factory.mktemp("hermit") / "mhkg-with-record.nt"
    try:
        world = _reason(_with(SAMPLE_RECORD + UNTYPED_PARTICIPATION), path)
    except owlready2.OwlReadyInconsistentOntologyError:
        pytest.fail("HermiT: the ontology + reference data + example record is inconsistent")
    yield world
    world.close()


UNTYPED_PARTICIPATION = """
@prefix mhkg: <https://w3id.org/mhkg/ontology#> .
<id/participation/untyped> mhkg:participant <id/organisation/iom-development-fund> .
"""


def test_ontology_with_reference_data_and_record_is_consistent(reasoned) -> None:
    """The fixture's run was consistent (it fails otherwise), and HermiT did reason: a node
    stated only as the subject of mhkg:participant is inferred to be a Participation."""
    untyped = reasoned[DEFAULT_BASE_IRI + "id/participation/untyped"]
    participation = reasoned[ONTOLOGY_IRI + "#Participation"]
    assert participation in untyped.is_a


def test_the_seed_documents_as_loaded_are_consistent() -> None:
    """HermiT on what the loaders really make of the five seed documents."""
    from mhkg import data, pipeline
    from mhkg.iri import Minter
    from mhkg.loaders import loader_for

    context = pipeline.context_for(Minter(DEFAULT_BASE_IRI))
    g = _with("")
    for source in data.seed_sources():
        for record in loader_for(source)(source, context):
            g += record.graph
    unsatisfiable = reasoning.check_graph(g)
    assert unsatisfiable is not None, "HermiT: the ontology + reference + seeds are inconsistent"
    assert unsatisfiable == []


def test_no_unsatisfiable_class(reasoned) -> None:
    assert list(reasoned.inconsistent_classes()) == []


def test_reasoner_detects_an_inconsistent_individual() -> None:
    """The check above can fail: an organisation both a Ministry and a Fund is rejected."""
    assert reasoning.check_graph(_with(INCONSISTENT_RECORD, reference=False)) is None
