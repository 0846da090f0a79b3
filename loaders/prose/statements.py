"""What a reading says, as triples — each with the W3C Web Annotation that says where it
was read: the source document, the sentence quoted, its character offsets, and the rule.

Statements that are resources of their own (a participation, a person, a post, an event)
are the annotation's body; a plain statement (a project's goal or country) is the body as
an rdf:Statement.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS, XSD

from mhkg.iri import Minter, normalise_name, tail
from mhkg.loaders.organisations import ROLES, Organisation, add_participation
from mhkg.loaders.prose.people import ANTECEDENT_MARK, organisation_of, surname_alone
from mhkg.loaders.prose.reading import Reading, SentenceReading
from mhkg.loaders.prose.text import Sentence
from mhkg.loaders.source import LoadContext
from mhkg.vocab import MHKG, OA

Body = URIRef | tuple[URIRef, URIRef, URIRef]


class Annotator:
    """Adds the annotations of one document's statements to a graph."""

    def __init__(self, g: Graph, minter: Minter, document: URIRef, positions: bool) -> None:
        self.g, self.minter, self.document = g, minter, document
        self.positions = positions  # whether offsets point into the document's text

    def annotate(self, sentence: Sentence, rule: str, *bodies: Body) -> None:
        key = [tail(self.document), str(sentence.start), rule, *(_key(b) for b in bodies)]
        annotation = self.minter.entity("annotation", *key)
        g = self.g
        if (annotation, RDF.type, OA.Annotation) in g:  # the sentence says it twice
            return
        g.add((annotation, RDF.type, OA.Annotation))
        g.add((annotation, MHKG.extractionRule, Literal(rule)))
        for body in bodies:
            g.add((annotation, OA.hasBody, self._body(body)))
        target, quote = BNode(), BNode()
        g.add((annotation, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, self.document))
        g.add((target, OA.hasSelector, quote))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(sentence.text)))
        if self.positions:
            position = BNode()
            g.add((target, OA.hasSelector, position))
            g.add((position, RDF.type, OA.TextPositionSelector))
            g.add((position, OA.start, Literal(sentence.start, datatype=XSD.nonNegativeInteger)))
            g.add((position, OA.end, Literal(sentence.end, datatype=XSD.nonNegativeInteger)))

    def _body(self, body: Body) -> URIRef | BNode:
        if isinstance(body, URIRef):
            return body
        statement = BNode()
        self.g.add((statement, RDF.type, RDF.Statement))
        for prop, term in zip((RDF.subject, RDF.predicate, RDF.object), body, strict=True):
            self.g.add((statement, prop, term))
        return statement


def _key(body: Body) -> str:
    return tail(body) if isinstance(body, URIRef) else "-".join(tail(t) for t in body)


def state_organisations(
    g: Graph,
    context: LoadContext,
    annotator: Annotator,
    reading: SentenceReading,
    project: URIRef | None,
) -> None:
    minter = context.minter
    for mention in reading.organisations:
        organisation = context.registry.canonical(_scoped(mention.organisation, project), minter)
        node = organisation.describe(g, minter)
        if mention.defines and mention.defines != organisation.acronym:
            g.add((node, MHKG.acronym, Literal(mention.defines)))
        if mention.written and mention.written != organisation.name:
            g.add((node, SKOS.altLabel, Literal(mention.written)))
        if project is None:
            annotator.annotate(reading.sentence, mention.rule, node)
            continue
        participation = add_participation(g, minter, project, organisation, ROLES[mention.role])
        annotator.annotate(reading.sentence, mention.rule, participation)


def state_people(
    g: Graph, minter: Minter, annotator: Annotator, reading: SentenceReading, doc: Reading
) -> None:
    for mention in reading.people:
        name = _named_in_full_before(doc, reading, mention.name, mention.start)
        person = minter.entity("person", name)
        g.add((person, RDF.type, MHKG.Person))
        g.add((person, RDFS.label, Literal(name)))
        if mention.organisation_text == ANTECEDENT_MARK:  # "its Director, …"
            before = [m for m in reading.organisations if m.end <= mention.start]
            organisation = before[-1].organisation if before else None
            if organisation is None and (subject := _SUBJECT.match(reading.sentence.text)):
                # "The Ministry was represented by its Secretary General, …": the body the
                # sentence's subject names by its head word
                organisation = _body_named_before(doc, reading, subject["head"])
        elif mention.rule == "acronym-then-post":  # "an IOM consultant": a body it knows
            organisation = _organisation_named(doc, mention.organisation_text, known_only=True)
            acronym, _, office = (mention.organisation_text or "").partition(" ")
            if organisation is None and office and _organisation_named(doc, acronym, True):
                # "an IOM Haiti protection officer": the known body's office in a country
                organisation = _organisation_named(doc, mention.organisation_text)
        else:
            organisation = _organisation_named(doc, mention.organisation_text)
            if organisation is None:
                organisation = _body_named_before(doc, reading, mention.organisation_text)
            # the post's own words, not a body named with it ("at the Institute …")
            own = mention.organisation_text in (None, organisation_of(mention.post)) or (
                AREA.fullmatch(mention.organisation_text)
            )
            if own and (body := _body_of_post(doc, mention.post)):
                organisation = body  # "Nimba County Health Officer": the County Health Team
        if organisation is None and mention.organisation_text is None:
            organisation = _delegation_of(doc, reading, mention.start)
        node = organisation.describe(g, minter) if organisation else None
        if node is not None:
            g.add((person, ORG.memberOf, node))
        label = post_without_body(mention.post, mention.organisation_text, organisation)
        if not label:  # quoted without a post: the person (and whom they speak for)
            annotator.annotate(reading.sentence, mention.rule, person)
            continue
        post = minter.entity("post", tail(organisation.iri(minter)) if organisation else "", label)
        g.add((post, RDF.type, MHKG.Post))
        g.add((post, RDFS.label, Literal(label)))
        g.add((person, ORG.holds, post))
        if node is not None:
            g.add((post, ORG.postIn, node))
        annotator.annotate(reading.sentence, mention.rule, person, post)


# where a post's own words end and the body it is held in begins: "head of the …", "… at the …"
_POST_BODY_LINK = re.compile(r" (?:of|at|with|for|in) (?:the )?")


def post_without_body(
    post: str, organisation_text: str | None, organisation: Organisation | None
) -> str:
    """A post told in lower case without the body it is held in, when that body is the
    person's organisation: "head of the Tanjungpinang Port Health Office" → "head", "medical
    director of Hargeisa Group Hospital" → "medical director", "IOM consultant on planning" →
    "consultant on planning" (the organisation says where: `org:postIn`). A title in
    capitals is written whole, as a title ("Director of the Diaspora Unit"), and one that
    names a portfolio is no body's: "Minister of Health"."""
    if organisation is None:
        return post
    written = [
        n
        for n in (organisation.name, organisation.acronym, *organisation.aliases, organisation_text)
        if n
    ]
    for name in written:  # "IOM consultant on planning": the body's name before it
        rest = post.removeprefix(f"{name} ")
        if rest != post and rest[:1].islower():
            return rest
    if not post[:1].islower():
        return post
    names = {normalise_name(n) for n in written}
    links = [link for link in _POST_BODY_LINK.finditer(post) if link.start()]
    # "at"/"with" before the body's whole name first: "head of the TB unit at Chicumbane
    # Hospital" heads the unit there (not "head" of the words up to the hospital)
    for link in links:
        at = link[0].split()[0] in ("at", "with")
        if at and normalise_name(post[link.end() :]) in names:
            return post[: link.start()]
    for link in links:  # "head of the mental health unit of the Duhok Directorate"
        body = normalise_name(post[link.end() :])
        if any(body == n or body.endswith(f" {n}") for n in names):
            return post[: link.start()]
    for link in links:  # "volunteer of PMI in Sabang": the body, then where it is
        body = normalise_name(_PLACE_AFTER.sub("", post[link.end() :]))
        if body != normalise_name(post[link.end() :]) and body in names:
            return post[: link.start()]
    return post


# where a body named in a post is: "… of PMI in Sabang"
_PLACE_AFTER = re.compile(r" in (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}$")


# the administration of an area a post names: "Western Province Minister"
AREA = re.compile(r"(?:[A-Z][\w'’-]+ ){1,3}(?:Province|Region|County|State|District|Municipality)")


# whose delegation a text names: "An IOM delegation …", "a delegation of the Ministry of …"
_DELEGATION_OF = re.compile(
    r"\b(?P<acronym>[A-Z]{2,}[\w-]*) delegation\b"
    r"|\bdelegation (?:of|from) (?:the )?"
    r"(?P<name>[A-Z][\w'’-]*(?: (?:of|for|and|the|[A-Z][\w'’-]*)){0,6})"
)


# what a delegation's hosts do: "was received by", "met with", "welcomed by"
_RECEIVED = re.compile(r"\b(?:received|welcomed|hosted|greeted|met)\b")


def _delegation_of(doc: Reading, reading: SentenceReading, start: int) -> Organisation | None:
    """The body whose delegation a person was part of, when the sentence names the person
    in the delegation ("The delegation, which also included Case Coordinator Ana Lima, …"
    after "An IOM delegation visited …")."""
    text = reading.sentence.text
    told = text.lower().rfind("delegation", 0, start)
    if told < 0 or _RECEIVED.search(text, told, start):
        return None  # "The delegation … was received by Ana Lima": its hosts, not its members
    for sentence in _so_far(doc, reading):
        for match in _DELEGATION_OF.finditer(sentence.sentence.text):
            owner = match["acronym"] or match["name"]
            if organisation := _organisation_named(doc, owner.strip()):
                return organisation
    return None


def _so_far(doc: Reading, reading: SentenceReading) -> list[SentenceReading]:
    """The document's sentences up to this one, this one first, then back to the start."""
    upto = next((i for i, s in enumerate(doc.sentences) if s is reading), len(doc.sentences))
    return doc.sentences[upto::-1] if upto < len(doc.sentences) else doc.sentences[::-1]


def _named_in_full_before(doc: Reading, reading: SentenceReading, name: str, start: int) -> str:
    """The full name of a person named again by a form of address and surname ("Dr Rahman
    said" after "Dr Mahbubur Rahman"): the last person named so far with that surname; and of
    a person named again by one of their names ("Sokolova, who …" after "Irina V. Sokolova") or
    by the last of them ("Van der Linden added" after "Maarten van der Linden"): the last one
    named so far with that name."""
    surname = surname_alone(name)
    # (the last words of a name, the particle that opens them capitalised at a sentence's start:
    # "Van der Linden added" after "Maarten van der Linden", "Du Pré said" after "Jean-Luc Du
    # Pré")
    tail = f" {name.lower()}" if surname is None and " " in name else None
    for sentence in _so_far(doc, reading):
        for earlier in reversed(sentence.people):
            if sentence is reading and earlier.end > start:
                continue  # named after it
            words = earlier.name.split()
            if len(words) < 2 or earlier.name == name:
                continue
            if tail is not None:
                if earlier.name.lower().endswith(tail):
                    return earlier.name
            elif (surname and words[-1] == surname) or (surname is None and name in words):
                return earlier.name
    return name


def _organisation_named(
    doc: Reading, text: str | None, known_only: bool = False
) -> Organisation | None:
    """The body a post's words name: one known (the directory's, an acronym the document
    defined), else, unless only known ones will do, one the words name."""
    if not text:
        return None
    known = doc.orgs.directory.find(text) or doc.orgs.acronyms.get(text)
    if known is not None or known_only:
        return known
    found = doc.orgs.find(text, name_only=True)  # the last one: "Head of Programmes of IOM Iraq"
    if found:
        return found[-1].organisation
    if AREA.fullmatch(text):  # "Western Province": its administration
        return Organisation(text, MHKG.Government, country=doc.orgs.default_country, key=text)
    return None


def _body_named_before(
    doc: Reading, reading: SentenceReading, text: str | None
) -> Organisation | None:
    """ "at the Commission", "Director of the Directorate", "the movement's convenor": a
    body's head word alone stands for the last body named so far whose name holds it — of
    the document's country first ("the Ministry's undersecretary" after the Ministry of
    Health and a donor's Ministry for Foreign Affairs of Finland: the Ministry of Health)."""
    head = normalise_name(text or "").removeprefix("the ")
    if not head or " " in head:
        return None
    named = [
        mention.organisation
        for sentence in _so_far(doc, reading)
        for mention in reversed(sentence.organisations)
        if _named_by_head(mention.organisation.name, head)
    ]
    home = doc.orgs.default_country
    at_home = [o for o in named if o.country in (None, home)]
    return (at_home or named or [None])[0]


def _named_by_head(name: str, head: str) -> bool:
    """Whether a body's name holds a head word it may be named by alone ("Ministry of
    Health" by "ministry"); a word of a compound is not the body's word: "the directorate"
    is no "Directorate-General for …"."""
    words = normalise_name(name).split()
    compound = {p for w in name.split() if "-" in w for p in normalise_name(w).split()}
    return head in words and head not in compound and len(words) > 1


# a sentence's subject told by a body's head word alone: "The Ministry was represented by …"
_SUBJECT = re.compile(r"The (?P<head>[A-Z][a-z]{2,20}) (?=[a-z])")

# the words of a post that name what it does, not its field
POST_WORDS = frozenset(
    "director officer head chief coordinator manager deputy general senior acting assistant "
    "secretary of for the in at and to on".split()
)


def _body_of_post(doc: Reading, post: str) -> Organisation | None:
    """The body of the document whose name holds every word of a post but its title's:
    "Kayes Regional Director of Health" → the Kayes Regional Health Directorate,
    "Nimba County Health Officer" → the Nimba County Health Team (two such words at least;
    the body with the fewest other words)."""
    words = set(normalise_name(post).split()) - POST_WORDS
    if len(words) < 2:
        return None
    best: tuple[int, Organisation] | None = None
    for sentence in doc.sentences:
        for mention in sentence.organisations:
            name = set(normalise_name(mention.organisation.name).split())
            if words <= name and (best is None or len(name) < best[0]):
                best = (len(name), mention.organisation)
    return best[1] if best else None


def _scoped(organisation: Organisation, project: URIRef | None) -> Organisation:
    """A committee exists within its project: its IRI is scoped to it."""
    if not organisation.project_bound or project is None:
        return organisation
    return replace(organisation, scope=project)
