"""The project's vocabulary as rdflib namespaces.

`MHKG` lists every term of the ontology in ``ontology/mhkg.ttl``; a misspelt
term raises instead of silently minting a new IRI (``_fail = True``). A test
checks that this list and the ontology file declare the same terms.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/mhkg/ontology"
ONTOLOGY_VERSION = "0.1.0"
SHAPES_IRI = "https://w3id.org/mhkg/shapes"


class MHKG(DefinedNamespace):
    """The migration-health knowledge graph ontology."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # Classes: projects and their descriptions
    Project: URIRef
    Participation: URIRef
    CoParticipation: URIRef  # derived: a pair of organisations and the projects they share
    Tally: URIRef  # derived: the projects and budget of a country, region, goal, year, role
    Role: URIRef
    ProjectStatus: URIRef
    ProjectType: URIRef
    Coverage: URIRef
    # Organisations and groups
    Organisation: URIRef
    Government: URIRef
    Ministry: URIRef
    GovernmentAgency: URIRef
    IntergovernmentalOrganisation: URIRef
    Fund: URIRef
    CoordinationBody: URIRef
    CivilSocietyOrganisation: URIRef
    Group: URIRef
    # People and events
    Person: URIRef
    Post: URIRef
    Event: URIRef
    Meeting: URIRef
    Workshop: URIRef
    Consultation: URIRef
    # Places and goals
    Place: URIRef
    Country: URIRef
    Region: URIRef
    City: URIRef
    SustainableDevelopmentGoal: URIRef
    SustainableDevelopmentTarget: URIRef
    # Source documents
    SourceDocument: URIRef
    ProjectPage: URIRef
    NewsArticle: URIRef
    RecordFile: URIRef

    # Project properties
    projectCode: URIRef
    primaId: URIRef
    status: URIRef
    projectType: URIRef
    coverage: URIRef
    startDate: URIRef
    endDate: URIRef
    fundingYear: URIRef
    budget: URIRef
    idfRegion: URIRef
    projectCountry: URIRef
    benefitingCountry: URIRef
    addressesGoal: URIRef
    relatedProject: URIRef
    predecessor: URIRef
    iatiIdentifier: URIRef
    iatiActivityStatus: URIRef
    sector: URIRef
    # Participation (n-ary relation organisation–project–role)
    participant: URIRef
    inProject: URIRef
    role: URIRef
    participatesIn: URIRef
    hasParticipation: URIRef
    worksWith: URIRef
    coParticipant: URIRef
    sharedProjects: URIRef
    tallyOf: URIRef
    tallyYear: URIRef
    tallyRole: URIRef
    titleRank: URIRef  # derived: a project's place in the list by title
    fileRank: URIRef  # derived: a source document's place in the list by file name
    entityRank: URIRef  # derived: an entity's place in the list by IRI
    eventRank: URIRef  # derived: an event's place in the list by date, label and IRI
    projectCount: URIRef
    budgetTotal: URIRef
    # Organisations
    country: URIRef
    acronym: URIRef
    organisationIdentifier: URIRef
    # Events
    eventDate: URIRef
    place: URIRef
    participantCount: URIRef
    eventParticipant: URIRef
    partOfProject: URIRef
    # Places and goals
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    iso3166Numeric: URIRef
    inRegion: URIRef
    inCountry: URIRef
    goalNumber: URIRef
    targetOf: URIRef
    # Source documents
    reportsOn: URIRef
    sourceFile: URIRef
    sha256: URIRef
    extractionRule: URIRef

    # Named individuals: the participation roles and the concept schemes
    funderRole: URIRef
    implementerRole: URIRef
    partnerRole: URIRef
    coordinationRole: URIRef
    beneficiaryRole: URIRef
    roles: URIRef
    projectStatuses: URIRef
    projectTypes: URIRef
    coverages: URIRef
    sdgScheme: URIRef
    # IATI: concept schemes of the sectors and activity statuses IATI activities give
    dacSectors: URIRef
    dacSectorCategories: URIRef
    iatiActivityStatuses: URIRef


SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")

PREFIXES = {
    "mhkg": str(MHKG),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": str(SCHEMA),
    "oa": str(OA),
    "sh": "http://www.w3.org/ns/shacl#",
}
