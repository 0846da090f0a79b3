"""One pass over a text: every sentence with what each rule family finds in it."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mhkg.iri import normalise_name
from mhkg.loaders import data
from mhkg.loaders.prose import dates, events, people, projects, roles, sdgs
from mhkg.loaders.prose.organisations import OrgMention, OrgReader
from mhkg.loaders.prose.places import PlaceFinder, PlaceMention
from mhkg.loaders.prose.text import Sentence, sentences
from mhkg.loaders.source import LoadContext

# "Accra, Ghana – On 3 May …": where an article was written, at its start.
# An article's date line and dateline come among its first sentences (after a page's menus).
DATE_LINE_WITHIN = 30
DATELINE = re.compile(
    r"^(?P<place>[A-Z][^,–—]{0,39}[^,–—\s](?:, [A-Z][^,–—]{0,39}[^,–—\s])?)"
    # "Accra, Ghana, 3 May 2019 – …" (a dash may follow the country with no space: "Tumbes,
    # Peru– …"; a hyphen only with one, as in "Guinea-Bissau" it joins a name)
    r"(?:, \d{1,2} [A-Z][a-z]+ (?:19|20)\d\d)?(?: [–—-]|[–—]) "
)


@dataclass
class SentenceReading:
    sentence: Sentence
    paragraph: int = 0  # which line of the text the sentence is on
    places: list[PlaceMention] = field(default_factory=list)
    goals: list[sdgs.GoalMention] = field(default_factory=list)
    organisations: list[OrgMention] = field(default_factory=list)
    people: list[people.PersonMention] = field(default_factory=list)
    events: list[events.EventMention] = field(default_factory=list)
    dates: list[dates.DateMention] = field(default_factory=list)
    projects: list[projects.ProjectMention] = field(default_factory=list)


@dataclass
class Reading:
    sentences: list[SentenceReading]
    orgs: OrgReader
    dateline: PlaceMention | None = None  # the dateline's city (or country)
    dateline_sentence: SentenceReading | None = None
    length: int = 0  # characters of the text
    unread: int = 0  # characters at its end left unread (beyond the limit on prose read)
    date: datetime.date | None = None  # the document's own date (an article's date line)
    # the document's country: the one given (a project page's), else the dateline's, else the
    # one country the text names
    country: str | None = None

    def project_mentions(self) -> list[projects.ProjectMention]:
        return [m for s in self.sentences for m in s.projects]

    def projects_before(self) -> list[projects.ProjectMention]:
        """The projects told as what came before ("since the X project")."""
        return [
            m
            for s in self.sentences
            for m in s.projects
            if projects.told_as_before(s.sentence.text, m)
        ]

    def countries(self) -> list[str]:
        """Every country named, in order of first mention."""
        return list(dict.fromkeys(p.iso3 for s in self.sentences for p in s.places))


def place_finder(context: LoadContext) -> PlaceFinder:
    """Country names from the context's gazetteer; demonyms and cities from the bundled data."""
    return PlaceFinder(context.gazetteer, data.demonyms(), data.cities())


def read(
    text: str, context: LoadContext, offset: int = 0, default_country: str | None = None
) -> Reading:
    """Read every sentence of `text` (at `offset` in its document). The document's country
    is `default_country`, else the dateline's, else the one country the text names. National
    bodies named without their country ("the Ministry of Health") belong to it, else to the
    first country the text names (a dateline's town no gazetteer holds: "Kodjoviakopé – …
    at this crossing on Togo's border with Ghana"), unless nearer evidence gives them
    another (see `evidence`); a town no gazetteer holds is not placed by such a guess.

    Only the first `context.limits.max_prose_chars` characters are read (cut at the last
    line or word break before): the reading says how many were left (`unread`)."""
    length = len(text)
    text = text[: readable_length(text, context.limits.max_prose_chars)]
    finder = place_finder(context)
    split = sentences(text, offset)
    readings = [
        SentenceReading(s, text.count("\n", 0, s.start - offset), finder.find(s.text))
        for s in split
    ]
    towns = _one_town_per_name(readings)
    for name, code in _placed_localities(readings, context.gazetteer.country).items():
        towns.setdefault(name, code)
    dateline, dateline_sentence = _dateline(readings)
    countries = list(dict.fromkeys(p.iso3 for r in readings for p in r.places))
    if default_country is None:
        default_country = dateline.iso3 if dateline else None
    if default_country is None and len(countries) == 1:
        default_country = countries[0]
    for reading in readings:  # "Tripoli" in an article from Beirut: Lebanon's
        reading.places = finder.at_home(reading.places, default_country)
        for place in reading.places:  # (and so a body named by it: "Gaza Provincial …")
            if place.rule == "area" and place.iso3 == default_country:
                towns.setdefault(normalise_name(place.text), place.iso3)
    orgs = OrgReader(
        directory=context.directory,
        country_of=context.gazetteer.country,
        country_name=context.country_name,
        default_country=default_country or next(iter(countries), None),
        demonym_of=lambda word: demonym_country(word, countries),
        registry=context.registry,
        city_country=lambda name: city_in_name(finder, name, towns),
    )
    for reading in readings:
        sentence = reading.sentence.text
        reading.goals = sdgs.find(sentence)
        reading.organisations = orgs.find(sentence, reading.places)
        reading.people = people.find(sentence, lambda name: _is_place(finder, name))
        for person in reading.people:  # "Somalia's Minister of Health …": the ministry's country
            if person.organisation_text and re.search(r"['’]s ", person.organisation_text):
                orgs.find(person.organisation_text, name_only=True)
        reading.dates = dates.find(sentence)
        # (a named event is no body's name: "the Health Research and Social Development Forum,
        # a Nepali research organization")
        reading.events = [
            e
            for e in events.find(sentence)
            if e.rule != "named-event"
            or not any(m.start <= e.start and e.end <= m.end for m in reading.organisations)
        ]
        reading.projects = projects.find(sentence)
        # a body read from a project's own title is none: "Safe and Healthy Work for Migrant
        # Workers, an IOM initiative" (a known body in it is kept: "the EU-IOM Joint Initiative")
        reading.organisations = [
            m
            for m in reading.organisations
            if m.rule not in ("civil-society", "list-member", "cued")
            or not any(p.start <= m.start and m.end <= p.end for p in reading.projects)
        ]
    for i, before in enumerate(readings):
        # 'Ana Lima, who …, brought her sons. "We came early," she said.': the subject speaks
        # (the quote in the next two sentences of its paragraph, which name no one)
        after = [r for r in readings[i + 1 : i + 3] if r.paragraph == before.paragraph]
        if before.people or not after or any(r.people for r in after):
            continue
        quote = " ".join(r.sentence.text for r in after)
        if person := people.quoted_by_pronoun(
            before.sentence.text, quote, lambda name: _is_place(finder, name)
        ):
            before.people.append(person)
    _projects_named_again(readings)
    roles.settle(readings)  # a body's role told once holds where it is named with none
    date = dates.document_date([r.sentence.text for r in readings[:DATE_LINE_WITHIN]])
    return Reading(
        readings, orgs, dateline, dateline_sentence, length, length - len(text), date,
        country=default_country,
    )  # fmt: skip


# demonyms of two countries, which the gazetteer leaves out: the one the text names is meant
AMBIGUOUS_DEMONYMS = {
    "congolese": ("COD", "COG"),
    "dominican": ("DOM", "DMA"),
    "korean": ("KOR", "PRK"),
}


def demonym_country(word: str, countries: list[str]) -> str | None:
    """The country of a demonym ("Malian"); of an ambiguous one ("Congolese"), the one of its
    countries the text names, if only one."""
    key = normalise_name(word)
    if code := data.demonyms().get(key):
        return code
    named = [c for c in AMBIGUOUS_DEMONYMS.get(key, ()) if c in countries]
    return named[0] if len(named) == 1 else None


def city_in_name(finder: PlaceFinder, name: str, towns: dict[str, str] | None = None) -> str | None:
    """The country of the city or province a body's name starts or ends with: "Cali
    Municipal Health Secretariat", "Regional Health Directorate of Tacna", "… of Arica and
    Parinacota", "Departmental Health Secretariat of Valle del Cauca" (a city: the most
    populous of that name, unless the text placed it in its country (`towns`); a province:
    ISO 3166-2's, where the name is of one country)."""
    ending = re.search(r".*\bof (?:the )?(?P<place>[A-Z][\w'’ -]*)$", name)
    words = name.split()
    candidates = [" ".join(words[:size]) for size in (3, 2, 1) if len(words) > size]
    if ending:
        first = re.split(r" and ", ending["place"])[0]
        candidates = [ending["place"], first, *candidates]
    for text in candidates:
        if towns and (code := towns.get(normalise_name(text))):
            return code  # a town the text placed in its country ("Mwanza, Malawi")
        cities = finder.cities.get(normalise_name(text))
        if cities:
            return max(cities, key=lambda city: city.population).iso3
        if code := data.subdivisions().get(normalise_name(text)):
            return code
    return None


def readable_length(text: str, limit: int) -> int:
    """How much of `text` the prose reader reads: all of it within `limit` characters (0: no
    limit), else up to the last line break in the limit's second half, else the last space.

    >>> readable_length("one two three", 5), readable_length("alpha beta\\ngamma delta", 14)
    (3, 10)
    """
    if not limit or len(text) <= limit:
        return len(text)
    for mark in ("\n", " "):
        cut = text.rfind(mark, limit // 2, limit + 1)
        if cut > 0:
            return cut
    return limit


def _projects_named_again(readings: list[SentenceReading]) -> None:
    """ "the ICBH project" is the project the text called "… Project (ICBH)" elsewhere; and a
    project named again by its acronym or its title, where no rule reads it ("PHAMESA will
    serve …", "MIDA FINNSOM is financed by …")."""
    defined: dict[str, str] = {}
    for reading in readings:
        defined |= projects.acronyms(reading.sentence.text)
    names = dict(defined)  # (acronym or title → title)
    for reading in readings:
        for m in reading.projects:
            if len(title := defined.get(m.title, m.title)) > 3:
                names[title] = title
    for reading in readings:
        reading.projects = [
            replace(m, title=defined.get(m.title, m.title)) for m in reading.projects
        ]
        text = reading.sentence.text
        for name, title in names.items():
            # (not an acronym that begins a longer name: "MIDA" of "MIDA FINNSOM")
            pattern = rf"(?<![\w(-]){re.escape(name)}(?![\w)-]| [A-Z]{{2,}}\b)"
            for match in re.finditer(pattern, text):
                if not any(
                    m.start <= match.start() < m.end or match.start() <= m.start < match.end()
                    for m in reading.projects
                ):
                    mention = projects.ProjectMention(
                        match.start(), match.end(), title, "project-acronym"
                    )
                    reading.projects.append(mention)
        reading.projects.sort(key=lambda m: m.start)


def _dateline(
    readings: list[SentenceReading],
) -> tuple[PlaceMention | None, SentenceReading | None]:
    """The place an article's dateline names (among its first sentences, after the menus of
    a saved page), and its sentence."""
    for reading in readings[:DATE_LINE_WITHIN]:
        match = DATELINE.match(reading.sentence.text)
        if match and reading.places and reading.places[0].start < match.end():
            place = reading.places[0]
            # "Arta, Djibouti – …": the dateline names a town first, known to the gazetteer or not
            town = re.match(r"(?P<town>[A-Z][\w'’ -]{1,30}), ", match["place"])
            if not place.city and town and place.start == town.end():
                place = PlaceMention(0, town.end("town"), town["town"], place.iso3, town["town"])
            return place, reading
    return None, None


def _one_town_per_name(readings: list[SentenceReading]) -> dict[str, str]:
    """A town the text once places in its country ("Mwanza, Malawi") is that town wherever
    else the text names it, not a larger namesake elsewhere (Mwanza, Tanzania)."""
    placed: dict[str, PlaceMention] = {}
    for reading in readings:
        for here, following in zip(reading.places, reading.places[1:], strict=False):
            named_with_country = here.city and not following.city and here.iso3 == following.iso3
            if named_with_country and following.start - here.end <= 2:
                placed.setdefault(here.text, here)
    for reading in readings:
        reading.places = [
            replace(p, iso3=placed[p.text].iso3, city=placed[p.text].city)
            if p.city and p.text in placed else p
            for p in reading.places
        ]  # fmt: skip
    return {normalise_name(name): place.iso3 for name, place in placed.items()}


# A locality (a region, district or town no gazetteer need hold) the text places in its
# country, by the grammar of place names: a country's possessive before a unit ("Ethiopia's
# Amhara Region"), a unit of a country ("Gedaref State in Sudan", "Kayes Region of Mali"), a
# town in apposition to its country ("in Kambia, Sierra Leone"), the parts of a country said
# after it ("in southern Costa Rica, mainly in Coto Brus and Los Santos"), a town on one
# country's side of a border ("Kambia, on the Sierra Leonean side").
_LOCAL = r"(?!The\b)[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_UNIT = (
    r"(?:Region|Province|State|District|County|Canton|Department|Prefecture|Governorate|"
    r"Municipality|Oblast|Zone|Woreda|Division)"
)
LOCAL_OF_COUNTRY = re.compile(rf"\b(?P<local>{_LOCAL}) {_UNIT} (?:of|in) (?:the )?$")
LOCAL_BEFORE_COUNTRY = re.compile(rf"\b(?:in|at|from|near) (?P<local>{_LOCAL}), $")
LOCAL_ON_SIDE = re.compile(rf"\b(?P<local>{_LOCAL}),? on the $")
COUNTRYS_LOCAL = re.compile(
    rf"\b(?P<owner>[A-Z][\w-]+(?: [A-Z][\w-]+){{0,2}})['’]s (?P<local>{_LOCAL}) {_UNIT}\b"
)
PARTS_AFTER = re.compile(
    r",? (?:mainly|mostly|notably|especially|particularly|chiefly|largely|including) in "
    rf"(?P<local>{_LOCAL})(?:,? and (?P<local2>{_LOCAL}))?\b"
)
SIDE_AFTER = re.compile(r" (?:side|bank|border)\b")


def _placed_localities(
    readings: list[SentenceReading], country_of: Callable[[str], str | None]
) -> dict[str, str]:
    """Each locality the text places in a country (see above), normalised → ISO3."""
    placed: dict[str, str] = {}
    for reading in readings:
        text = reading.sentence.text
        for match in COUNTRYS_LOCAL.finditer(text):  # ("Ethiopia's" is no place of its own)
            if code := country_of(match["owner"]):
                placed.setdefault(normalise_name(match["local"]), code)
        for place in reading.places:
            if place.city:
                continue
            before, after = text[max(0, place.start - 60) : place.start], text[place.end :]
            found = []
            if place.rule == "demonym":
                if SIDE_AFTER.match(after) and (match := LOCAL_ON_SIDE.search(before)):
                    found.append(match["local"])
            else:
                for pattern in (LOCAL_OF_COUNTRY, LOCAL_BEFORE_COUNTRY):
                    if match := pattern.search(before):
                        found.append(match["local"])
                if match := PARTS_AFTER.match(after):
                    found += [match["local"], match["local2"]]
            for name in found:
                if name and not any(p.start <= text.find(name) < p.end for p in reading.places):
                    placed.setdefault(normalise_name(name), place.iso3)
    return placed


def _is_place(finder: PlaceFinder, name: str) -> bool:
    return any(p.start == 0 and p.end == len(name) for p in finder.find(name))
