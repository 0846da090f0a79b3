"""Rule- and gazetteer-based reading of prose: news articles and project descriptions.

`describe_text` reads a text sentence by sentence (see `reading`), then states what it
found about the project the text is about — its organisations and their roles, people and
their posts, events, goals, countries and related projects — each statement with an
annotation that says where it was read (see `statements`; events in `event_statements`).
No model, no network: the rules are regular expressions over sentences, documented in each
module, and the gazetteers are the bundled reference data (countries, demonyms, cities,
organisations).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from mhkg.iri import Minter, normalise_name
from mhkg.loaders.organisations import IOM
from mhkg.loaders.project import describe_project
from mhkg.loaders.prose import evidence, projects
from mhkg.loaders.prose.event_statements import state_events
from mhkg.loaders.prose.organisations import REPRESENTATION
from mhkg.loaders.prose.places import PlaceMention
from mhkg.loaders.prose.reading import Reading, SentenceReading, read
from mhkg.loaders.prose.statements import Annotator, state_organisations, state_people
from mhkg.loaders.prose.text import in_quotes
from mhkg.loaders.source import LoadContext
from mhkg.vocab import MHKG

__all__ = ["Reading", "describe_text", "read"]

# The documents mhkg reads are published by IOM: IOM named in one, with no other role
# given, is the implementer of the project it is about.
PUBLISHER = IOM


def describe_text(
    g: Graph,
    context: LoadContext,
    reading: Reading,
    *,
    document: URIRef,
    project: URIRef | None,
    positions: bool = True,
    countries_from_text: bool = False,
    text_of: URIRef | None = None,
    reported_with: tuple[URIRef, ...] = (),
) -> None:
    """State in `g` what `reading` says about `project` (the project a page describes or an
    article reports on). With `countries_from_text`, the countries the text names are the
    project's countries (for articles; a page's header lists them). An article that reports
    on several projects gives the others as `reported_with`: what its lead (the sentences
    before it names one) says of bodies and countries holds for each of them too. A text cut
    by the limit on prose read is said to be, on `text_of` (the description's project, else
    the document)."""
    minter = context.minter
    if reading.unread:
        g.add((text_of or document, RDFS.comment, Literal(unread_note(reading), lang="en")))
    annotator = Annotator(g, minter, document, positions)
    carried: tuple[int, URIRef] | None = None  # (paragraph, project) a sentence named
    told: dict[str, URIRef] = {}  # the last event of each kind ("round table") stated
    in_lead = True  # no sentence has named a project yet
    for sentence in reading.sentences:
        in_lead = in_lead and not sentence.projects
        here = _project_of(g, minter, sentence, project, carried)
        if here != project:
            carried = (sentence.paragraph, here)
        _publisher_implements(sentence, here)
        bodies = _without_projects(sentence)
        for part, owner in _by_nearest_project(g, minter, bodies, here):
            state_organisations(g, context, annotator, part, owner)
        for part, owner in _owners_of_other_projects(g, minter, bodies, here):
            state_organisations(g, context, annotator, part, owner)
        if in_lead:
            for other in reported_with:
                state_organisations(g, context, annotator, bodies, other)
        state_people(g, minter, annotator, sentence, reading)
        state_events(g, context, annotator, sentence, reading, here, told)
        if here is None:
            continue
        for goal in sentence.goals:
            node = minter.sdg(goal.goal) if goal.target is None else _target(g, minter, goal)
            g.add((here, MHKG.addressesGoal, node))
            annotator.annotate(sentence.sentence, goal.rule, (here, MHKG.addressesGoal, node))
        if countries_from_text:
            for place in _project_places(sentence):
                country = minter.country(place.iso3)
                for owner in (here, *reported_with) if in_lead else (here,):
                    g.add((owner, MHKG.projectCountry, country))
                    annotator.annotate(
                        sentence.sentence, place.rule, (owner, MHKG.projectCountry, country)
                    )
        if project is not None:
            _state_projects(g, minter, annotator, sentence, project)


def unread_note(reading: Reading) -> str:
    """What a text cut by the limit on prose read says of itself."""
    read = reading.length - reading.unread
    return (
        f"mhkg read organisations, people, places, events and goals in the first {read:,} of "
        f"the {reading.length:,} characters of this text only (MHKG_MAX_PROSE_CHARS); "
        "the whole text is stored"
    )


def _project_of(
    g: Graph,
    minter: Minter,
    sentence: SentenceReading,
    project: URIRef | None,
    carried: tuple[int, URIRef] | None,
) -> URIRef | None:
    """The project a sentence is about: the one it names (unless it names several, or names
    another only as the one this continues, or begins with the one named before: "The
    programme, which runs under …"), else the one an earlier sentence of the same
    paragraph named, else the project of the whole text."""
    named = {normalise_name(m.title): m.title for m in sentence.projects}
    text = sentence.sentence.text
    if len(named) == 1 and not projects.speaks_of_continuity(text):
        if all(projects.refers_back(text, m) for m in sentence.projects):
            # "The programme, which runs under the umbrella of X, is funded by …": the one
            # named before
            return carried[1] if carried and carried[0] == sentence.paragraph else project
        return describe_project(g, minter, next(iter(named.values())))
    if not named and carried and carried[0] == sentence.paragraph:
        return carried[1]
    return project


def _by_nearest_project(
    g: Graph, minter: Minter, sentence: SentenceReading, here: URIRef | None
) -> list[tuple[SentenceReading, URIRef | None]]:
    """A sentence's organisations with the projects each belongs to: in a sentence that names
    several projects (not as one continued, nor aside: "like the X project"), the one named
    last before the body ("the BMM programme, funded by the EU and BMZ, and the AMMi project,
    financed by the EU and Expertise France"), or each of those named one after another
    with no body between them ("the A project and the B Initiative are both funded by …");
    bodies before the first named, and those of any other sentence, go to the sentence's
    project."""
    text = sentence.sentence.text
    named = sorted(
        (m for m in sentence.projects if not projects.aside(text, m)),
        key=lambda m: m.start,
    )
    several = len({normalise_name(m.title) for m in named}) > 1
    if not several or projects.speaks_of_continuity(text):
        return _by_clause_of_another(g, minter, sentence, here, named)
    # projects named one after another with no body between them share what follows: "The A
    # project and the B Initiative are both funded by the EU"
    runs: list[list] = []
    for mention in named:
        between = runs and any(
            runs[-1][-1].start <= o.start < mention.start for o in sentence.organisations
        )
        if runs and not between:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    groups: dict[tuple, list] = {}
    for mention in sentence.organisations:
        before = [run for run in runs if run[0].start <= mention.start]
        owners = (
            tuple(dict.fromkeys(describe_project(g, minter, m.title) for m in before[-1]))
            if before
            else (here,)
        )
        groups.setdefault(owners, []).append(mention)
    return [
        (replace(sentence, organisations=found), owner)
        for owners, found in groups.items()
        for owner in owners
    ]


def _without_projects(sentence: SentenceReading) -> SentenceReading:
    """The sentence without the bodies that are a project it names, read as a body by the
    head of its name ("IOM's Partnership on Health and Mobility in East and Southern Africa
    (PHAMESA)": a programme, no partnership of bodies): a name that ends in the project's
    title, where the sentence names the project."""
    if not sentence.projects:
        return sentence
    kept = [
        m
        for m in sentence.organisations
        if not any(
            p.start <= m.end and m.start <= p.end and _ends_in(m.organisation.name, p.title)
            for p in sentence.projects
        )
    ]
    if len(kept) == len(sentence.organisations):
        return sentence
    return replace(sentence, organisations=kept)


def _ends_in(name: str, title: str) -> bool:
    """Whether a body's name is a project's title, or ends in it after words before it."""
    name, title = normalise_name(name), normalise_name(title)
    return name == title or name.endswith(f" {title}")


# the clause that tells of a project named in passing, after its name: "It builds on the X
# project, which IOM ran with funding from ECHO", "the work done by the X programme, the
# emergency response that the Ministry carried out through …" (an apposition of a few words
# may come before the clause's "which" or "that")
_CLAUSE_OF_IT = re.compile(
    rf"(?: {projects.PROJECT_WORD}s?)?(?: \([^()]{{1,60}}\))?"
    r"(?:, (?:an?|the|its|their) [^,;:()]{1,80}?)?,? (?:which|that)\b"
)
# where that clause ends: another clause of the sentence ("…, while the Ministry …")
_CLAUSE_ENDS = re.compile(r";|, (?:while|whereas|but)\b| [–—] ")
# a donor's name made an adjective before the project's: "the EU-funded X project"
_FUNDS_IT = re.compile(r"-(?:funded|financed|sponsored)\b")
# (a few words in lower case may come between it and the title: "regional", "three-year")
_ADJECTIVE_TO = re.compile(r"(?: [a-z][\w-]*){0,2} ")


def _by_clause_of_another(
    g: Graph,
    minter: Minter,
    sentence: SentenceReading,
    here: URIRef | None,
    named: list,
) -> list[tuple[SentenceReading, URIRef | None]]:
    """A sentence's organisations with the projects each belongs to, where the sentence is
    about its own project and names another in passing (one it continues, one that did the
    work before): a body in the clause that tells of the other, or whose name is made the
    other's adjective ("the EU-funded X project"), is that project's, not the sentence's."""
    if not sentence.organisations:
        return [(sentence, here)]
    text = sentence.sentence.text
    others = [(p, node) for p in named if (node := describe_project(g, minter, p.title)) != here]
    mine, theirs = [], {}
    for mention in sentence.organisations:
        owner = next((node for p, node in others if _told_of(text, p, mention)), None)
        if owner is None:
            mine.append(mention)
        else:
            theirs.setdefault(owner, []).append(mention)
    if not theirs:
        return [(sentence, here)]
    found = [(replace(sentence, organisations=m), o) for o, m in theirs.items()]
    return ([(replace(sentence, organisations=mine), here)] if mine else []) + found


def _told_of(text: str, project, mention) -> bool:
    """Whether a body is named in the clause after a project's name that tells of it, or is
    the donor whose name is that project's adjective."""
    if mention.start < project.end:
        adjective = _FUNDS_IT.match(text, mention.end)
        # (within the project's naming, "the EU-funded X project", or just before its
        # title, "an EU-funded regional X project")
        return adjective is not None and (
            mention.start >= project.start
            or _ADJECTIVE_TO.fullmatch(text, adjective.end(), project.start) is not None
        )
    clause = _CLAUSE_OF_IT.match(text, project.end)
    if clause is None or mention.start < clause.end():
        return False
    return _CLAUSE_ENDS.search(text, clause.end(), mention.start) is None


# a body's possessive before a project: "IOM's earlier project, …", "the Global Fund's
# Regional Artemisinin-resistance Initiative"
_OWNS = re.compile(
    r"['’]s (?:[a-z][\w-]* ){0,3}(?:(?:project|programme|program|initiative)\b|[A-Z])"
)


def _owners_of_other_projects(
    g: Graph, minter: Minter, sentence: SentenceReading, here: URIRef | None
) -> list[tuple[SentenceReading, URIRef]]:
    """A body whose possessive begins the naming of a project other than the sentence's own
    runs it (a fund funds it): "SMMIG continues the work of IOM's earlier project, STREAM"."""
    text = sentence.sentence.text
    found = []
    for project in sentence.projects:
        for mention in sentence.organisations:
            if not (
                project.start <= mention.start < project.end and _OWNS.match(text, mention.end)
            ):
                continue
            other = describe_project(g, minter, project.title)
            if other == here:
                continue
            role = "funder" if mention.organisation.kind == MHKG.Fund else "implementer"
            owned = replace(sentence, organisations=[replace(mention, role=role)])
            found.append((owned, other))
    return found


def _project_places(sentence: SentenceReading) -> list[PlaceMention]:
    """The countries a sentence names, but not a donor's ("funded by the Government of
    Japan" does not make Japan a country of the project), nor one in the name of a body that
    is no country's own ("the Danish Refugee Council", "Médecins du Monde France"), nor a
    person's name ("Argentina Szabados, IOM Regional Director")."""
    text = sentence.sentence.text
    names = [(at, at + len(m.name)) for m in sentence.people if (at := text.find(m.name)) >= 0]
    titles = [(m.start, m.end) for m in sentence.projects]

    def not_its_own(place: PlaceMention) -> bool:
        """A place in a donor's name, in a foreign mission's ("the Swedish Embassy in
        Uganda": neither the country it represents nor the one it sits in is thereby the
        project's), or in the name of a body that is not of that country ("IOM Kenya" is)."""
        return any(
            m.start <= place.start < m.end
            and (
                m.role == "funder"
                or REPRESENTATION.search(m.organisation.name)
                or (
                    m.organisation.kind not in evidence.NATIONAL_KINDS
                    and m.organisation.country != place.iso3
                )
            )
            for m in sentence.organisations
        )

    return [
        p
        for p in sentence.places
        if not not_its_own(p)
        and not any(s <= p.start < e for s, e in names)  # nor "Argentina Szabados"
        and not _origin(text, p)
        # "\"In Morocco I did not sleep,\" said …": a story, not a quoted title's place
        and not (in_quotes(text, p.start) and not any(s <= p.start < e for s, e in titles))
    ]


# people by where they come from: "migrants from Central America, Venezuela, Haiti and West
# Africa", "refugees from Syria and Iraq" (the list of places up to the place)
_FROM_PLACES = re.compile(
    r"\b(?i:migrants|refugees|returnees|asylum[- ]seekers|people|families|travellers|travelers|"
    r"workers|nationals|arrivals|deportees|children|women|men) (?:(?:who (?:came|fled|arrived) )?"
    r"from|fleeing) (?:the )?(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?:,| and| or) (?:the )?){0,8}$"
)
# people counted by where most come from: "10,000 migrants have been registered …, mainly
# from Syria, Morocco, Afghanistan and Pakistan"
_MOSTLY_FROM = re.compile(
    r"\b(?:mainly|mostly|largely|primarily|chiefly|most of them|many of them) from (?:the )?"
    r"(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?:,| and| or) (?:the )?){0,8}$"
)
# a person by where they are from: "said Farid Ahmadi, an Afghan father of three", "said Asad
# Mehmood, 27, from Gujrat in Pakistan"
_PERSON_FROM = re.compile(r"\b[A-Z][\w'’-]+, an? $")
_PERSON_FROM_PLACE = re.compile(
    r"\b[A-Z][\w'’-]+, (?:\d{1,3}, )?(?:who comes )?from (?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)? in )?$"
)


def _origin(text: str, place: PlaceMention) -> bool:
    """A country people come from, said of them: not where the project works."""
    before = text[max(0, place.start - 160) : place.start]
    return bool(
        _FROM_PLACES.search(before)
        or _MOSTLY_FROM.search(before)
        or _PERSON_FROM_PLACE.search(before)
        or (place.rule == "demonym" and _PERSON_FROM.search(text, 0, place.start))
    )


# the publisher's possessive before a body: "from IOM's Migration Emergency Funding Mechanism"
_POSSESSIVE = re.compile(r"['’]s ")


def _publisher_implements(sentence: SentenceReading, project: URIRef | None) -> None:
    """IOM (or one of its offices) named without a cue is the project's implementer; so is
    IOM named only as the owner of the fund a cue of money names ("a release of USD 100,000
    from IOM's Migration Emergency Funding Mechanism": the fund pays)."""
    text = sentence.sentence.text
    found = sentence.organisations
    for index, mention in enumerate(found):
        organisation = mention.organisation
        is_publisher = organisation == PUBLISHER or organisation.parent == PUBLISHER
        owned = found[index + 1] if index + 1 < len(found) else None
        owns_the_fund = (
            mention.role == "funder"
            and owned is not None
            and owned.organisation.kind == MHKG.Fund
            and (possessive := _POSSESSIVE.match(text, mention.end)) is not None
            and possessive.end() == owned.start
        )
        if project is not None and is_publisher and (mention.role == "partner" or owns_the_fund):
            found[index] = replace(mention, role="implementer")


def _target(g: Graph, minter: Minter, goal) -> URIRef:
    target = minter.sdg_target(goal.target)
    g.add((target, RDF.type, MHKG.SustainableDevelopmentTarget))
    g.add((target, MHKG.targetOf, minter.sdg(goal.goal)))
    return target


def _state_projects(
    g: Graph, minter: Minter, annotator: Annotator, sentence: SentenceReading, project: URIRef
) -> None:
    """Other projects the sentence names; a predecessor where it speaks of continuity."""
    for mention in sentence.projects:
        other = describe_project(g, minter, mention.title)
        if other == project:
            annotator.annotate(sentence.sentence, mention.rule, project)
            continue
        relation = (
            MHKG.predecessor
            if projects.speaks_of_continuity(sentence.sentence.text)
            else MHKG.relatedProject
        )
        g.add((project, relation, other))
        annotator.annotate(sentence.sentence, mention.rule, (project, relation, other))
        if relation == MHKG.predecessor and len(sentence.projects) == 1:
            # "It builds on the MIDA Sierra Leone Health Care project, which sent medics to
            # Koinadugu …": where the earlier project worked, as its sentence tells
            for place in _project_places(sentence):
                country = (other, MHKG.projectCountry, minter.country(place.iso3))
                g.add(country)
                annotator.annotate(sentence.sentence, place.rule, country)
