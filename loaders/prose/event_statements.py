"""Events as statements: what the event phrases of a sentence (`events`) become in the graph,
with the date, place, participants and project the sentence and the text around it give
(`describe_text` calls `state_events` for each sentence)."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from mhkg.iri import normalise_name, tail
from mhkg.loaders import data
from mhkg.loaders.project import describe_project
from mhkg.loaders.prose import dates, events
from mhkg.loaders.prose.events import EventMention
from mhkg.loaders.prose.places import PlaceMention
from mhkg.loaders.prose.reading import DATELINE, Reading, SentenceReading
from mhkg.loaders.prose.statements import Annotator
from mhkg.loaders.prose.text import in_quotes
from mhkg.loaders.source import LoadContext
from mhkg.vocab import MHKG


def state_events(
    g: Graph,
    context: LoadContext,
    annotator: Annotator,
    sentence: SentenceReading,
    reading: Reading,
    project: URIRef | None,
    told: dict[str, URIRef],
) -> None:
    """Events whose sentence says when or where they happened; what a later sentence adds of
    one ("The round table, attended by 62 participants, …", "The study visit opened in
    Helsinki on 9 October"); and a visit's legs, one event per place and date ("The visit
    ended in Santiago on 20 November", "On 19 November the delegation continued to Arica")."""
    mentions = list(sentence.events)
    if not mentions and (leg := _leg(sentence, g, told)) is not None:
        mentions.append(leg)
    met = _body_met(sentence.sentence.text)
    if met is not None:  # the body that met names the meeting: "steering committee meeting"
        mentions = [m for m in mentions if not _met(m)]
    if met is not None and all(m.end <= met.start for m in mentions):
        # "The day before the workshop, the project's steering committee … met in Cairo"
        mentions.append(met)
    count = events.participant_count(sentence.sentence.text, False) if not mentions else None
    if count is not None and LAST in told:  # "Forty-two participants attended, …"
        _add_participants(g, annotator, sentence, told[LAST], count)
    here: set[URIRef] = set()  # the events this sentence told of
    for mention in mentions:
        mention_date = _event_date(sentence, mention)
        place = _event_place(sentence, reading, mention.end, mention_date)
        place = _town_gone_to(sentence, reading, mention) or place
        date = dates.resolve(mention_date, reading.date) if mention_date else None
        if date is not None and date.datatype in YEARLESS and not mention_date.relative:
            date = _in_year_told_before(sentence, reading, mention_date) or date
        date = _first_day(sentence, mention, mention_date, date, reading)
        if date is None and LAST in told:  # "A day later, … a validation workshop"
            date = _days_after(g, told[LAST], sentence.sentence.text)
        if date is None and SAME_DAY.search(sentence.sentence.text):
            date = _day_before(sentence, reading)  # "The first camp, held that day in …"
            # "On the same day, IOM handed over …" a paragraph after the course: its day
            date = date or _last_day(g, told)
        elif date is not None and mention_date and mention_date.end <= mention.start:
            # "… on 6 November, and a mobile clinic began working there a week later", "On 10
            # October …, and the week before, the team vaccinated …" (up to the next clause)
            text = sentence.sentence.text
            until = mention.end + 60
            clause = NEXT_CLAUSE.search(text, mention.end, until)
            until = clause.start() if clause else until
            date = _later(date, text[mention_date.end : until]) or date
        if mention.rule == "service-start":  # "began working at the Torkham zero point"
            place = _service_town(sentence, reading, mention, place)
        met_event = told.get(MET)  # (not `met`, the body that met told above)
        if (
            met_event is not None
            and met_event == told.get(LAST)
            and _names_the_met(mention, date)
            and _met_just_before(sentence, reading)
        ):
            # "Officers met in Nairobi on 4 March. The workshop was organized by …": the
            # meeting told by "met" just before, named by its phrase
            g.set((met_event, RDFS.label, Literal(mention.label)))
            g.set((met_event, RDF.type, mention.kind))
            _add_to_event(g, context, annotator, sentence, met_event, mention, None, place)
            del told[MET]
            told[mention.head] = told[LAST] = told[str(mention.kind)] = met_event
            here.add(met_event)
            continue
        earlier = told.get(mention.head) if mention.definite else None
        if earlier is not None and _other_ordinal(mention.label, str(g.value(earlier, RDFS.label))):
            earlier = None  # "The second study visit" after "The first study visit"
        # "Officials met in Peshawar on 16 and 17 November … The consultation was convened
        # by …": the gathering the sentence before told by its verb
        gathering = earlier is None and date is None and mention.definite
        if (
            gathering
            and mention.rule == "event-phrase"
            and (gathered := _gathering_before(sentence, reading, LAST not in told))
        ):
            date, place = gathered
        elif gathering and mention.rule == "event-phrase" and LAST not in told:
            # "Georgetown – The ministry yesterday received supplies …. The handover took
            # place at …": the article's first event, named after its lead told the day
            date = _lead_day(sentence, reading)
        if earlier is None and mention.definite and mention.rule == "event-phrase":
            # "The course, which ran from 8 to 10 August, …" after "a three-day training": an
            # event of the same kind told before, named by another word, on the same days
            akin = told.get(str(mention.kind))
            if akin is not None and akin not in here and _same_occasion(g, akin, date, place):
                _add_to_event(g, context, annotator, sentence, akin, mention, date, place)
                continue
        if earlier in here and date in (None, g.value(earlier, MHKG.eventDate)):
            continue  # "The campaign … began on 6 October, as … extended the campaign …"
        text = sentence.sentence.text
        if earlier is not None and DESCRIBED.match(text, mention.end):
            continue  # "The annual conference is a flagship activity of …": told of before
        if date is None and FUTURE.search(text, 0, mention.start):
            continue  # "… will bring officials to Amman for a knowledge exchange visit"
        if mention.rule == "event-verb" and mention.head != "launch" and date is None:
            continue  # "IOM screened arrivals in Tamale": what it does, not an event
        started = mention.rule == "service-start" or mention.head in events.ROUNDS
        if started and (date is None or date.datatype == XSD.gYear):
            continue  # "The clinic, which opened in 2015, …": its history, not an event
        if mention.rule == "event-plural" and date is None:
            continue  # "Validation workshops were held in Kisumu": when, not only where
        vague = date is None or date.datatype == XSD.gYear  # "in 2013" is no event's day
        # "Opening the meeting, …" after "the Third Global Consultation": the event told last
        last = told.get(LAST) if mention.definite and earlier is None else None
        if last is not None and vague and not (place and place.city):
            _add_to_event(g, context, annotator, sentence, last, mention, None, None)
            continue
        if earlier is not None and _another_leg(g, earlier, date, place):
            mention = replace(
                mention, label=f"{_visit_label(g, earlier)} in {place.text}", rule="visit-leg"
            )
        elif earlier is not None:
            # "the training" after "a three-day training on …" is that training again
            told_again = mention.label in str(g.value(earlier, RDFS.label))
            # "met in Rome last week for a course …. The three-day course ended on 28
            # September": the day of the month told before
            told_again = told_again or _refines(g.value(earlier, MHKG.eventDate), date)
            if told_again or (place is None and date is None):
                _add_to_event(g, context, annotator, sentence, earlier, mention, date, place)
                continue
        if place is None and date is None and mention.rule != "event-count":
            continue  # (events counted by a verb of doing are told as done: "organized five …")
        named = [m.title for m in sentence.projects]
        event_project = describe_project(g, context.minter, named[0]) if named else project
        # "… took them first to Brussels on 17 November and then to Paris …"; "marked World
        # Refugee Day: in Lyon on 20 June and in Metz on 21 June"; "two courses, in Lisbon
        # (3–5 May) and Porto (9–11 May)": one event per place and date
        legs = _legs(sentence, reading, mention)
        if mention.head not in VISITS:  # (up to the next event the sentence tells of)
            following = [m.start for m in mentions if m.start > mention.start]
            legs = [(c, d) for c, d in legs if c.start < min(following, default=c.start + 1)]
            legs = legs if len(legs) > 1 else []
        if mention.rule == "event-listed" and not legs:
            # several events, but not told where and when each was; held on a day told, as
            # one event ("On 7 October, IOM held information sessions on stress in Tripoli")
            plural = events.held_plural(sentence.sentence.text, mention)
            if plural is None or date is None or date.datatype == XSD.gYear:
                continue
            mention = plural
        if len(legs) > 1:
            for city, day in legs:
                # "visited Gedaref on 3 March and Kassala on 5 March": a visit to each
                to = "to" if mention.rule == "event-verb" and mention.head == "visit" else "in"
                label = f"{_leg_label(mention)} {to} {city.text}"
                leg = replace(mention, label=label, rule="visit-leg")
                event = _state_event(g, context, annotator, sentence, leg, day, city, event_project)
                told[mention.head] = told[LAST] = told[str(mention.kind)] = event
                here.add(event)
            continue
        # an event whose sentence names no place took place in the city the sentence before
        # it names ("spent last week in Bujumbura. The joint training, which ran …"), else
        # in the dateline's town ("Mlyny, Poland – …", "Belgrade – …"), else its country
        place = place or _earlier_city(sentence, reading) or reading.dateline
        if _only_home_country(place, reading):
            # "Erbil – … a week of training in Erbil …. The training was run by IOM Iraq
            # …": a sentence that names only the article's own country tells no more of
            # where than its dateline, so the city told before (else the dateline's) holds
            place = _city_at_home(sentence, reading) or place
        if mention.head == "handover" and (town := _receiving_town(sentence, reading, mention)):
            # "… handed over an ambulance to the Health Centre in Tiko": where it was received
            place = town
        if mention.participants is None and mention.definite:
            # "Abidjan – Thirty-one nurses learned last week how to …. The training, run by
            # …": the article's first event, named after its lead told how many took part;
            # "Forty-one participants came from …. On Monday, the day the course opened, …":
            # after the sentence just before, which told no event
            count = _lead_count(sentence, reading) if LAST not in told else None
            mention = replace(mention, participants=count or _count_before(sentence, reading))
        event = _state_event(g, context, annotator, sentence, mention, date, place, event_project)
        told[mention.head] = told[LAST] = told[str(mention.kind)] = event
        if _met(mention):
            told[MET] = event
        here.add(event)
        if mention.rule == "visit-leg":  # the rest of its sentence is that leg
            break


LAST = ""  # the key of the event told last, among those of each head
MET = "<met>"  # the key of a meeting told by "met" alone, until a phrase names it
# an event told of before, described: "The annual conference is a flagship activity of …"
DESCRIBED = re.compile(r" (?:is|was) (?:a|an|one|the) ")
FUTURE = re.compile(r"\bwill\b")
VISITS = ("visit", "study tour", "tour")
ORDINAL_WORD = re.compile(
    r"^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|"
    r"\d+(?:st|nd|rd|th))\b"
)


# a day said from the event told before: "A day later", "the next day", "two days later",
# "a week later", "the following week" (seven days on)
DAYS_LATER = re.compile(
    r"\b(?:(?P<count>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[2-9]) (?P<unit>days?|weeks?) later"
    r"|[Tt]he (?:next|following) (?P<next>day|week))\b(?! than\b)"
)
_DAY_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}


# the day the sentence before told: "began on Tuesday a programme …. The first screening
# camp, held that day in …"
SAME_DAY = re.compile(r"\b(?:[Tt]hat|[Tt]he same) day\b(?! (?:of|when|that|which|before|after)\b)")


def _met(mention: EventMention) -> bool:
    """Whether a meeting is told by "met" alone ("officials met in Rubavu on 9 August")."""
    return mention.rule == "event-verb" and mention.head == "meeting"


def _met_just_before(sentence: SentenceReading, reading: Reading) -> bool:
    """Whether a meeting told by "met" is in the sentence just before, of the same paragraph,
    or in the lead ("Mombasa – County officers met with IOM on 4 March …"), which a later
    paragraph may name."""
    at = next((i for i, s in enumerate(reading.sentences) if s is sentence), 0)
    before = reading.sentences[at - 1] if at else None
    if before is not None and before.paragraph == sentence.paragraph:
        return any(_met(m) for m in before.events)
    lead = reading.dateline_sentence
    return lead is not None and any(_met(m) for m in lead.events)


def _names_the_met(mention: EventMention, date) -> bool:
    """Whether an event phrase names the meeting told by "met" just before: definite, of a
    gathering's kind, with no day of its own ("The consultation was convened by …")."""
    return (
        mention.definite
        and mention.rule == "event-phrase"
        and date is None
        and mention.kind in (MHKG.Meeting, MHKG.Workshop, MHKG.Consultation)
    )


def _just_before(sentence: SentenceReading, reading: Reading) -> SentenceReading | None:
    """The sentence just before this one, where it is of the same paragraph or the lead."""
    at = next((i for i, s in enumerate(reading.sentences) if s is sentence), 0)
    if at == 0:
        return None
    before = reading.sentences[at - 1]
    if before.paragraph != sentence.paragraph and before is not reading.dateline_sentence:
        return None
    return before


def _day_before(sentence: SentenceReading, reading: Reading) -> Literal | None:
    """The last day the sentence just before names (of the same paragraph or the lead)."""
    before = _just_before(sentence, reading)
    days = _days(before, reading) if before is not None else []
    return days[-1] if days else None


def _days(sentence: SentenceReading, reading: Reading) -> list[Literal]:
    """The days (not months nor years) a sentence names, resolved against the document's."""
    days = [dates.resolve(d, reading.date) for d in sentence.dates]
    return [d for d in days if d is not None and d.datatype == XSD.date]


def _last_day(g: Graph, told: dict[str, URIRef]) -> Literal | None:
    """The day of the event told last, where it is a day."""
    day = g.value(told[LAST], MHKG.eventDate) if LAST in told else None
    return day if day is not None and day.datatype == XSD.date else None


def _lead_before(
    sentence: SentenceReading, reading: Reading, named: bool = False
) -> SentenceReading | None:
    """The article's lead (its dateline's sentence), where it comes before this sentence and
    tells no event of its own (or, `named`, names none it told: "Twenty nurses … have been
    trained in …", a verb with no day, states none)."""
    lead = reading.dateline_sentence
    if lead is None or lead is sentence or (lead.events and not named):
        return None
    at = next((i for i, s in enumerate(reading.sentences) if s is sentence), 0)
    return lead if any(s is lead for s in reading.sentences[:at]) else None


def _lead_count(sentence: SentenceReading, reading: Reading) -> int | None:
    """How many took part, as the article's lead (before this sentence) told it (asked only
    before any event is told: a phrase the lead names, as "trained", told none)."""
    lead = _lead_before(sentence, reading, named=True)
    if lead is None:
        return None
    # "Hargeisa – Twenty-four nurses in Hargeisa have become the first …": whom the lead is of
    text = lead.sentence.text
    return events.participant_count(text, False) or events.subject_count(text)


def _count_before(sentence: SentenceReading, reading: Reading) -> int | None:
    """How many took part, as the sentence just before (same paragraph, no event) told it."""
    before = _just_before(sentence, reading)
    if before is None or before.paragraph != sentence.paragraph or before.events:
        return None
    return events.participant_count(before.sentence.text, False)


def _lead_day(sentence: SentenceReading, reading: Reading) -> Literal | None:
    """The one day an article's lead names (its dateline's sentence, before this one)."""
    lead = _lead_before(sentence, reading) if reading.date is not None else None
    days = _days(lead, reading) if lead is not None else []
    return days[0] if len(days) == 1 else None


def _days_after(g: Graph, event: URIRef, text: str) -> Literal | None:
    """The date such words give, from the day of the event told before."""
    return _later(g.value(event, MHKG.eventDate), text)


# a time said back from a date before: "two days earlier", "the week before," (a week
# before is told by its month: its day is not known)
DAYS_EARLIER = re.compile(
    r"\b(?:(?P<count>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[2-9]) (?P<unit>days?|weeks?) earlier"
    # ("the day before the workshop,": the day before the event told last)
    r"(?! than\b)|[Tt]he (?P<next>day|week) before(?=,| the [a-z]+,))"
)


def _later(day: Literal | None, text: str) -> Literal | None:
    """The date such words in `text` give, from `day` (a week back: its month only)."""
    if day is None or day.datatype != XSD.date:
        return None
    start = datetime.date.fromisoformat(str(day))
    if (back := DAYS_EARLIER.search(text)) is not None:
        days, weeks = _days_said(back)
        earlier = start - datetime.timedelta(days=days)
        if weeks:
            return Literal(f"{earlier.year}-{earlier.month:02d}", datatype=XSD.gYearMonth)
        return Literal(earlier.isoformat(), datatype=XSD.date)
    if (on := DAYS_LATER.search(text)) is not None:
        days, _ = _days_said(on)
        return Literal((start + datetime.timedelta(days=days)).isoformat(), datatype=XSD.date)
    return None


def _days_said(match: re.Match) -> tuple[int, bool]:
    """The days "two weeks later", "a day earlier", "the following week" … count, and
    whether they were said in weeks."""
    count = (match["count"] or "1").lower()
    days = int(count) if count.isdigit() else _DAY_COUNTS[count]
    weeks = (match["unit"] or match["next"] or "").startswith("week")
    return days * (7 if weeks else 1), weeks


YEARLESS = (XSD.gMonthDay, XSD.gMonth)


def _in_year_told_before(
    sentence: SentenceReading, reading: Reading, day: dates.DateMention
) -> Literal | None:
    """A day or month without its year, on a page with no date of its own, in the year of
    the nearest date told before it with one ("presented on 14 June 2022. Three months
    later, on 30 September, a round table …": 2022-09-30)."""
    at = next((i for i, s in enumerate(reading.sentences) if s is sentence), 0)
    earlier = [d for s in reading.sentences[max(0, at - WITHIN) : at] for d in s.dates]
    earlier += [d for d in sentence.dates if d.end <= day.start]
    for told in reversed(earlier):  # (the nearest first)
        if not told.relative and told.value.datatype in (XSD.date, XSD.gYearMonth):
            year = int(str(told.value)[:4])
            return dates.resolve(day, datetime.date(year, 12, 31))
    return None


WITHIN = 3  # sentences before an event where the year of its date may be told


def _other_ordinal(label: str, earlier: str) -> bool:
    """ "second study visit" and "first study visit" are two visits."""
    mine, theirs = ORDINAL_WORD.match(label), ORDINAL_WORD.match(earlier)
    return bool(mine and theirs and mine.group() != theirs.group())


def _legs(sentence: SentenceReading, reading: Reading, mention: EventMention) -> list:
    """The cities a visit's sentence names after it, each with its date next to it ("to
    Brussels on 17 November 2014 and then to Paris on 20 November 2014"): its legs; towns
    no gazetteer holds too, where the sentence lists them so ("three workshops: in Sfax on 4
    March, in Gabès on 6 March and in Kairouan on 11 March")."""
    places = [p for p in sentence.places if p.city and p.start >= mention.end]
    legs = []
    towns = [
        *_listed_towns(sentence, reading, mention),
        *_visited_towns(sentence, reading, mention),
    ]
    for place in sorted([*places, *towns], key=_start):
        gap = sentence.sentence.text[place.end : place.end + 5]
        day = next((d for d in sentence.dates if 0 <= d.start - place.end <= 4), None)
        if day is not None and gap.startswith((" on ", " (")):
            legs.append((place, dates.resolve(day, reading.date)))
    return legs


def _start(place: PlaceMention) -> int:
    return place.start


# a town and its day, in a list of an event's places: "in Sfax on 4 March", "in Gabès (6–8
# March)"
# a day told right after a town: "… on 4 March", "… on March 4", "… (3–5 May)"
_DAY_AFTER = r"(?= on \d| on [A-Z][a-z]+ \d| \(\d)"
LISTED_TOWN = re.compile(rf"\b(?:in|at) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?){_DAY_AFTER}")


def _listed_towns(
    sentence: SentenceReading, reading: Reading, mention: EventMention
) -> list[PlaceMention]:
    """Towns no gazetteer holds, each with its day, in a list of two or more towns after the
    event (in the dateline's country; not a known place, body or person: a known place in the
    list counts towards its two, "in Qurghon Teppa on 23 January and in Kulob on 29 January")."""
    if reading.dateline is None:
        return []
    text = sentence.sentence.text
    taken = _named_spans(sentence)
    listed = [
        m for m in LISTED_TOWN.finditer(text, mention.end) if m["town"].split()[0] not in NOT_TOWNS
    ]
    towns = [
        PlaceMention(m.start("town"), m.end("town"), m["town"], reading.dateline.iso3,
                     m["town"], "city")
        for m in listed
        if not any(s <= m.start("town") < e for s, e in taken)
    ]  # fmt: skip
    return towns if len(listed) > 1 else []


# the towns a visit told by its verb went to, each with its day: "visited Gedaref on 3 March
# and Kassala on 5 March", "visited Kodok on 2 May, Renk on 4 May and then Malakal on 6 May"
# (not "visited the clinic on 3 May")
VISITED_TOWN = re.compile(
    rf"(?:\bvisit(?:ed|ing)|,|\band|\bthen) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?){_DAY_AFTER}"
)


def _visited_towns(
    sentence: SentenceReading, reading: Reading, mention: EventMention
) -> list[PlaceMention]:
    """Such towns, no gazetteer holds, after a visit told by its verb (in the document's
    country; not a known place, body or person)."""
    country = _home_country(reading)
    if mention.rule != "event-verb" or mention.head != "visit" or country is None:
        return []
    text = sentence.sentence.text
    taken = _named_spans(sentence)
    return [
        PlaceMention(m.start("town"), m.end("town"), m["town"], country, m["town"], "city")
        for m in VISITED_TOWN.finditer(text, mention.start, mention.start + 200)
        if m["town"].split()[0] not in NOT_TOWNS
        and not any(s <= m.start("town") < e for s, e in taken)
    ]  # fmt: skip


def _named_spans(sentence: SentenceReading) -> list[tuple[int, int]]:
    """Where the sentence names a known place, a body or a person: no town stands there."""
    text = sentence.sentence.text
    taken = [(m.start, m.end) for m in (*sentence.places, *sentence.organisations)]
    taken += [(at, at + len(m.name)) for m in sentence.people if (at := text.find(m.name)) >= 0]
    return taken


def _home_country(reading: Reading) -> str | None:
    """The country a town no gazetteer holds is in: the dateline's, else the document's."""
    return reading.dateline.iso3 if reading.dateline else reading.country


def _leg_label(mention: EventMention) -> str:
    """What one leg of the events told is called: the phrase up to its event word, one of
    them ("three simulation workshops" → "simulation workshop", "knowledge exchange visit to
    two countries" → "knowledge exchange visit")."""
    label = mention.label
    words = label.split()
    counted = words[0].isdigit() or words[0].lower() in events.NUMBER_WORDS
    if mention.rule in ("event-count", "event-listed") and len(words) > 1 and counted:
        label = " ".join(words[1:])  # (the count is how many there were, not one's name)
    head = mention.head
    plural = re.search(rf"\b{re.escape(head)}(?:e?s)?\b", label, re.IGNORECASE)
    if plural is None:
        return label
    return label[: plural.start()] + label[plural.start() : plural.start() + len(head)]


def _state_event(g, context, annotator, sentence, mention, date, place, event_project) -> URIRef:
    minter = context.minter
    scope = tail(event_project) if event_project else tail(annotator.document)
    event = minter.entity("event", scope, mention.label, str(date) if date else "")
    g.add((event, RDF.type, mention.kind))
    g.add((event, RDFS.label, Literal(mention.label)))
    if mention.about:
        g.add((event, DCTERMS.description, Literal(mention.told)))
    if date:
        g.add((event, MHKG.eventDate, date))
    if place:
        g.add((event, MHKG.place, _describe_place(g, context, place)))
    if mention.participants is not None:
        count = Literal(mention.participants, datatype=XSD.nonNegativeInteger)
        g.add((event, MHKG.participantCount, count))
    if event_project:
        g.add((event, MHKG.partOfProject, event_project))
    annotator.annotate(sentence.sentence, mention.rule, event)
    return event


NEXT_CLAUSE = re.compile(r"[,;] (?:and|while|whereas|but) ")


def _event_date(sentence: SentenceReading, mention: EventMention) -> dates.DateMention | None:
    """The date the sentence gives an event: the first after it, else the last before it
    ("the first workshop … on 17 April and the final workshop … on 30 May"), but not the
    day it ended ("ended on Wednesday a study visit"; a later sentence may tell its first)."""
    text = sentence.sentence.text
    # "ended on Wednesday a study visit …": the day it ended, not its day
    told = [d for d in sentence.dates if not ENDED.search(text, max(0, d.start - 30), d.start)]
    # "eight of this week's participants": whose, not when
    told = [d for d in told if text[d.end : d.end + 2] not in ("'s", "’s")]
    after = [d for d in told if d.start >= mention.end]
    # "The consultation … drew on a rapid assessment … carried out in the first week of
    # November": a date after the next event the sentence names is that event's
    following = [m.start for m in sentence.events if m.start >= mention.end]
    if following and sentence.events[-1].rule != "visit-leg":
        # (or before the clause it begins: "…, and on 1 March the clinic saw its first …")
        until = min(following)
        clause = NEXT_CLAUSE.search(text, mention.end, until)
        until = clause.start() if clause else until
        after = [d for d in after if d.start < until]
    before = [d for d in told if d.start < mention.end]
    # "first in London on 28 March, at a round table …, and then in Manchester on 31 March":
    # the date just before it is its own
    if before and AT_EVENT.fullmatch(text, before[-1].end, mention.start):
        return before[-1]
    return after[0] if after else (before[-1] if before else None)


# "a three-day course", "a five-day training": how many days an event ran
SPAN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "2": 2, "3": 3,
              "4": 4, "5": 5, "6": 6, "7": 7}  # fmt: skip


def _span(text: str) -> int | None:
    """The days of the one "N-day" the text names."""
    spans = set()
    for word in text.split():
        head, dash, tail = word.lower().partition("-")
        if dash and tail.rstrip(".,;:") == "day" and head in SPAN_WORDS:
            spans.add(SPAN_WORDS[head])
    return spans.pop() if len(spans) == 1 else None


def _first_day(sentence: SentenceReading, mention: EventMention, day, date, reading: Reading):
    """An N-day event's first day, where the sentence gives only the day it ended: "The
    three-day course ended on Wednesday 28 September" (26 September), "a five-day course
    that ended on 6 March", "finished a six-day training … on Saturday 4 June" (30 May)."""
    text = sentence.sentence.text
    span = _span(text[max(0, mention.start - 12) : mention.end])
    if span is None:
        return date
    if day is None:
        ends = [d for d in sentence.dates if ENDED.search(text, max(0, d.start - 30), d.start)]
        ends = [d for d in ends if d.start >= mention.end]
        if len(ends) != 1:
            return date
        end = dates.resolve(ends[0], reading.date)
    elif FINISHED.search(text, max(0, mention.start - 30), mention.start) and not RANGE.search(
        day.text
    ):
        end = date  # the day it was finished on (not "from 12 to 14 September": its first)
    else:
        return date
    if end is None or end.datatype != XSD.date:
        return date
    first = end.toPython() - datetime.timedelta(days=span - 1)
    return Literal(first.isoformat(), datatype=XSD.date)


RANGE = re.compile(r"\d\s*(?:to|and|[-–—])\s*\d|\bfrom\b")
# an event told as finished, its date the last day: "45 workers finished a six-day training
# in … on Saturday 4 June" (not "completed … on 4 May": its day, as test_events holds)
FINISHED = re.compile(r"\b(?:finished|concluded|wrapped up) (?:(?:a|an|the|their|its) )?$")


AT_EVENT = re.compile(r",? (?:at|during|for|in) ")  # "on 28 March, at a round table"


ENDED = re.compile(
    r"\b(?:ended|concluded|closed|wrapped up|came to an end) (?:on )?"
    rf"(?:(?:{'|'.join(dates.WEEKDAYS)}),? )?$"  # "ended on Wednesday 28 September"
)


def _another_leg(g: Graph, earlier: URIRef, date, place: PlaceMention | None) -> bool:
    """A visit told of before, now in another city on another date: its next leg."""
    if date is None or place is None or not place.city:
        return False
    is_visit = str(g.value(earlier, RDFS.label)).split(" in ")[0].endswith("visit")
    known = g.value(earlier, MHKG.eventDate)
    return is_visit and known is not None and known != date


def _visit_label(g: Graph, event: URIRef) -> str:
    """ "study visit" of "study visit in Antofagasta" or "study visit to Finland"."""
    return re.split(r" (?:in|to) ", str(g.value(event, RDFS.label)))[0]


def _leg(sentence: SentenceReading, g: Graph, told: dict[str, URIRef]) -> EventMention | None:
    """ "On 19 November the delegation continued to Arica": a leg of the visit told of before,
    where the sentence names the city and the date."""
    visit = told.get("visit")
    city = events.leg(sentence.sentence.text) or _opening_leg(sentence.sentence.text)
    if visit is None or city is None or not sentence.dates:
        return None
    places = [p for p in sentence.places if p.city and p.city.startswith(city.split()[0])]
    if not places:
        return None
    label = f"{_visit_label(g, visit)} in {places[0].text}"
    start = places[0].start
    return EventMention(start, places[0].end, label, MHKG.Meeting, rule="visit-leg", head="visit")


# a body that meets, told as having met: "the project's regional steering committee, made up of
# …, met in Cairo", "The task force met on 3 May" (its meeting; not "had met", "will meet", "met
# the minister", "a committee member met …")
BODY_MET = re.compile(
    r"(?<![\w’'-])(?P<body>(?:(?!the\b|a\b|an\b|its\b|their\b)[a-z][\w-]* ){0,3}"
    r"(?:committee|working group|task force|technical group|board))(?:, [^.;]{1,160}?,)? "
    r"(?<!had )(?<!has )(?<!have )met(?= (?:in|at|on|again|for)\b|[,.])"
)


def _body_met(text: str) -> EventMention | None:
    """A meeting told by the body that met (the caller checks the sentence says when)."""
    match = BODY_MET.search(text)
    if match is None or FUTURE.search(text):
        return None
    label = f"{match['body']} meeting"
    return EventMention(
        match.start("body"), match.end(), label, MHKG.Meeting, rule="event-met", head="meeting"
    )


# a sentence that opens on a city and its days, after a visit: "In Kigali (7–9 May), the
# delegation met …", "Then, in Kigali on 7 May, hosts presented …", "In San José, from 4 to 6
# September, the delegation studied …" (not "In 2019, …", "In Kigali, 40 nurses …")
OPENING_LEG = re.compile(
    r"^(?:(?:Then|Next|Finally|Afterwards),? )?[Ii]n (?P<place>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)"
    r"(?=,? (?:on|from|between) (?:\d|[A-Z][a-z]+ \d)| \(\d)"
)


def _opening_leg(text: str) -> str | None:
    """The city such a sentence opens on."""
    match = OPENING_LEG.match(text.strip())
    return match["place"] if match else None


def _same_occasion(g: Graph, event: URIRef, date, place: PlaceMention | None) -> bool:
    """Whether a date and place a sentence gives may be an event's told before: within a
    week of its day (or either unknown), and in its city (or no city named)."""
    known = g.value(event, MHKG.eventDate)
    if date is not None and known is not None:
        try:
            days = abs((date.toPython() - known.toPython()).days)
        except (AttributeError, TypeError):  # a day without its year, a month, a year
            return _month_day(str(date)) == _month_day(str(known))
        if days > 7:
            return False
    where = g.value(event, MHKG.place)
    if place is not None and place.city and where is not None:
        return str(g.value(where, RDFS.label)) == place.city
    return True


def _refines(known, date) -> bool:
    """Whether a date is a day of the month known of an event ("2016-09" → "2016-09-26")."""
    if known is None or date is None or known.datatype != XSD.gYearMonth:
        return False
    return date.datatype == XSD.date and str(date).startswith(f"{known}-")


# a sentence that tells when an event began: "The visit began on Tuesday with …", "The
# course ran from 16 to 18 May", "The training started on 3 June" (not "ended on …")
BEGAN = re.compile(r"\b(?:began|started|opened|kicked off|ran from|lasted from|was held from)\b")


def _first_day_told(known, date, text: str) -> bool:
    """Whether a later sentence tells an event's first day, up to six days before the day
    known of it (its last day, or "last week"'s): "… completed a course last week. The
    course ran from 16 to 18 May" (16 May, not 19 May)."""
    if known is None or date is None:
        return False
    if known.datatype != XSD.date or date.datatype != XSD.date or not BEGAN.search(text):
        return False
    return 1 <= (known.toPython() - date.toPython()).days <= 6


def _month_day(value: str) -> str:
    """ "2021-05-04", "--05-04" → "05": the month a date names, else the date as written."""
    match = re.search(r"(?:^|\d|-)-(\d{2})(?:-\d{2})?$", value)
    return match.group(1) if match else value


def _add_to_event(
    g: Graph,
    context: LoadContext,
    annotator: Annotator,
    sentence: SentenceReading,
    event: URIRef,
    mention: EventMention,
    date,
    place: PlaceMention | None,
) -> None:
    """What a later sentence tells of an event told of before: how many took part, and its
    date and city where they were not known."""
    _add_participants(g, annotator, sentence, event, mention.participants)
    known_date = g.value(event, MHKG.eventDate)
    dated = date is not None and (known_date is None or _refines(known_date, date))
    dated = dated or _first_day_told(known_date, date, sentence.sentence.text)
    if dated:
        g.set((event, MHKG.eventDate, date))
        annotator.annotate(sentence.sentence, "event-reference", event)
    known = g.value(event, MHKG.place)
    # the city named with the event's date, rather than a country or the dateline's city
    vague = known is None or (known, RDF.type, MHKG.City) not in g
    if place is not None and place.city and (vague or dated):
        g.remove((event, MHKG.place, None))
        g.add((event, MHKG.place, _describe_place(g, context, place)))
        annotator.annotate(sentence.sentence, "event-reference", event)


def _add_participants(
    g: Graph, annotator: Annotator, sentence: SentenceReading, event: URIRef, count: int | None
) -> None:
    """What a later sentence tells of an event told of before: how many took part."""
    if count is not None and g.value(event, MHKG.participantCount) is None:
        g.add((event, MHKG.participantCount, Literal(count, datatype=XSD.nonNegativeInteger)))
        annotator.annotate(sentence.sentence, "event-reference", event)


# the words before a country the event is related to, not held in: "from Ukraine", "with
# Togo", "for China and Mongolia", "from the Democratic Republic of the Congo and Burundi"
RELATED_COUNTRY = re.compile(
    r"\b(?:from|with|for) (?:the )?(?:[A-Z][\w'’-]*(?: of(?: the)?)?(?:,? and |, | )){0,5}$"
)


def _event_place(
    sentence: SentenceReading, reading: Reading, after: int, day: dates.DateMention | None = None
) -> PlaceMention | None:
    """A city the sentence names (the first after the event, else any), else a country named
    after the event, else the article's dateline when this is the dateline's sentence or
    the sentence names its town ("at a ceremony in Sesheke", a town no gazetteer holds)."""
    cities = _event_cities(sentence)
    if sentence is reading.dateline_sentence and (line := DATELINE.match(sentence.sentence.text)):
        # "Port of Spain, Trinidad and Tobago – … at its offices in Scarborough": the city
        # the sentence names, rather than the dateline's
        cities = [p for p in cities if p.start >= line.end()] or cities
        only_the_datelines = len(cities) == 1 and cities[0].start < line.end()
        if only_the_datelines and (
            town := _town_right_after(sentence, reading, after)
            or (day is not None and _town_in_clause(sentence, reading, after))
            or _town_named(sentence, reading)
        ):
            return town
    if day is not None and day.end <= after:  # "in London on 28 March, at a round table"
        just_before = [p for p in cities if 0 <= day.start - p.end <= 4]
        if just_before:
            return just_before[-1]
    later = [p for p in cities if p.start >= after]
    if later and (town := _town_held_in(sentence, reading, after, later[0].start)):
        return town  # "A debriefing was held the next day in Kisii, and … in Nairobi"
    if later:
        return later[0]
    # "nurses from Lira and Gulu were trained in Kitgum on …": a town right after the event,
    # rather than a city named before it
    if cities and (town := _town_right_after(sentence, reading, after)):
        return town
    if day is not None and (town := _town_in_clause(sentence, reading, after)):
        return town  # "… from Lira were trained in Gevgelija this week"
    if cities:
        return cities[0]
    if town := _town_in_province(sentence.sentence.text, after):
        return town
    if town := _town_named(sentence, reading, after):
        return town
    named = [(m.start, m.end) for m in (*sentence.organisations, *sentence.projects)]
    countries = [
        p
        for p in sentence.places
        if p.start >= after and p.rule == "country-name"
        # "… College of Physicians of Costa Rica", "the project \"… in Burundi and the DRC\""
        and not any(s <= p.start < e for s, e in named)
        and not in_quotes(sentence.sentence.text, p.start)  # a title's country
        # "refugees from Ukraine", "the crossing with Togo", "for China and Mongolia": a
        # country the event is related to, not where it took place
        and not RELATED_COUNTRY.search(sentence.sentence.text, max(0, p.start - 60), p.start)
    ]  # fmt: skip
    if countries:
        return countries[0]
    if sentence is reading.dateline_sentence:
        return reading.dateline
    town = reading.dateline.city if reading.dateline else None
    if town and re.search(rf"\b(?:in|at) {re.escape(town)}\b", sentence.sentence.text):
        return reading.dateline
    return None


def _town_held_in(
    sentence: SentenceReading, reading: Reading, after: int, until: int
) -> PlaceMention | None:
    """A town no gazetteer holds, told by the event's own verb of being held within 40
    characters of it ("… was held the next day in Kisii"), before the city named next."""
    text = sentence.sentence.text
    told = TOWN_OF_EVENT.search(text[:until], after, after + 100)  # (its verb, day and town)
    if told is None or told.start() > after + 40:
        return None
    town = _town_named(sentence, reading)
    return town if town is not None and town.start == told.start("town") else None


# a city in a body's name is not where an event was: "IOM's Regional Office in Brussels"
SEATS = frozenset(
    ("office", "offices", "mission", "embassy", "consulate", "headquarters", "bureau",
     "delegation", "branch", "secretariat", "representation", "hub")
)  # fmt: skip


# a city told as how far a place is from it, not where the event was: "at the Djako transit
# site, 40 kilometres from Moundou", "a camp 12 km north of Gulu"
DISTANCE_FROM = re.compile(
    r"\b(?:kilomet(?:re|er)s?|km|miles)(?: (?:north|south|east|west)(?:-?(?:east|west))?)?"
    r" (?:from|of|outside) $"
)


# a body's seat the event was at: "met IOM at its Regional Office in Vienna on 14 November"
AT_A_SEAT = re.compile(
    r"\bat (?:the |its |their |[A-Z]{2,}['’]s )?(?:[A-Z][\w-]* ){0,3}(?:"
    + "|".join(word.capitalize() for word in sorted(SEATS))
    + r"|Headquarters) in $"
)


def _event_cities(sentence: SentenceReading) -> list[PlaceMention]:
    """The cities a sentence names, but those in a body's name or its seat, or told as how
    far a place is from them."""
    text = sentence.sentence.text
    named = [(m.start, m.end) for m in sentence.organisations]
    cities = []
    for place in sentence.places:
        if not place.city or any(s <= place.start < e for s, e in named):
            continue
        before = text[max(0, place.start - 20) : place.start].split()
        seat = len(before) >= 2 and before[-1] == "in" and before[-2].lower() in SEATS
        if seat and not AT_A_SEAT.search(text, max(0, place.start - 50), place.start):
            continue  # (but "met IOM at its Regional Office in Vienna": the event was there)
        if DISTANCE_FROM.search(text, max(0, place.start - 40), place.start):
            continue
        cities.append(place)
    return cities


def _only_home_country(place: PlaceMention | None, reading: Reading) -> bool:
    """Whether an event's place is only a country, that of the article's dateline."""
    home = reading.dateline
    return place is not None and not place.city and home is not None and place.iso3 == home.iso3


def _city_at_home(sentence: SentenceReading, reading: Reading) -> PlaceMention | None:
    """The city the sentence before names, else the dateline's town, in the dateline's
    country."""
    home = reading.dateline
    for city in (_earlier_city(sentence, reading), home):
        if city is not None and city.city and city.iso3 == home.iso3:
            return city
    return None


def _earlier_city(sentence: SentenceReading, reading: Reading) -> PlaceMention | None:
    """The city the sentence just before names, where it is the only one it names, in the
    same paragraph or the article's first."""
    if (before := _just_before(sentence, reading)) is None:
        return None
    cities = _event_cities(before)
    if before is reading.dateline_sentence and (line := DATELINE.match(before.sentence.text)):
        cities = [p for p in cities if p.start >= line.end()]
    if len({p.city for p in cities}) != 1:
        return None
    return cities[0]


# people who came together, told by the verb: "officials met in Peshawar on 16 November",
# "nurses gathered at a hotel in Kingston" (not "will meet", "to meet", "has met every month")
GATHERED = re.compile(
    r"\b(?<!will )(?<!to )(?<!has )(?<!have )(?<!had )(?<!was )(?<!were )(?<!be )(?<!been )"
    r"(?:met|gathered|came together|convened|"
    r"assembled)\b(?! (?:the|a|an|their|his|her|its)\b)"  # ("met with IOM", not "met the …")
)


def _gathering_before(
    sentence: SentenceReading, reading: Reading, first: bool = False
) -> tuple | None:
    """The date and place of a gathering the sentence just before (of the same paragraph),
    else the dateline's (for the `first` event told), told by its verb, where it told no
    event and gave the day."""
    at = next((i for i, s in enumerate(reading.sentences) if s is sentence), 0)
    if at == 0:
        return None
    before = reading.sentences[at - 1]
    if before.paragraph != sentence.paragraph and before is not reading.dateline_sentence:
        # "Bihać – … health authorities met with IOM on 15 November …" (the lead), then, a
        # paragraph on, "… attended the health coordination meeting in Bihać"
        # (only for the article's first event: a later one is named after another told)
        lead = reading.dateline_sentence
        if not first or lead is None or lead not in reading.sentences[:at]:
            return None
        before = lead
    text = before.sentence.text
    verb = GATHERED.search(text)
    if verb is None or [m for m in before.events if not _met(m)]:
        return None
    # the day told with the verb: the first date after it, within its clause, else the last
    # before it ("For three days this week, nurses gathered …")
    after = [d for d in before.dates if verb.end() <= d.start <= verb.end() + 60]
    day = (
        after[0]
        if after
        else next(reversed([d for d in before.dates if d.end <= verb.start()]), None)
    )
    date = dates.resolve(day, reading.date) if day else None
    if date is None or date.datatype == XSD.gYear:
        return None
    place = _event_place(before, reading, verb.end(), day) or _dateline_country(reading)
    return date, place


# "in Maliana, Bobonaro municipality": a town no gazetteer holds, in a province one does
TOWN_IN_PROVINCE = re.compile(
    r"\b(?:in|at) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?), (?P<province>[A-Z][\w'’-]+"
    r"(?: [A-Z][\w'’-]+)?)"
    r"(?= (?:municipality|district|province|region|county|state|department)\b|[,.;]| in\b)"
)


def _town_in_province(text: str, after: int) -> PlaceMention | None:
    """The first such town after the event, else before it."""
    towns = []
    for match in TOWN_IN_PROVINCE.finditer(text):
        if code := data.subdivisions().get(normalise_name(match["province"])):
            town = match["town"]
            towns.append(PlaceMention(match.start(), match.end(), town, code, town, "city"))
    later = [t for t in towns if t.start >= after]
    return (later or towns or [None])[0]


# a town no gazetteer holds, told by "in" or "at" in the event's own clause, after its word:
# "were trained in Gevgelija this week", "to the nursing station at Vunidogoloa, one of …",
# "held in the central park of Villa del Rosario" (not "in Darién province", "at the Ministry
# of Health", "in Tumbes Region")
TOWN_IN_CLAUSE = re.compile(
    r"\b(?:in|at)(?: the (?:[a-z][\w'’-]* ){1,3}(?:of|at|in))? "
    r"(?P<town>[A-Z][\w'’-]+(?: (?:[A-Z][\w'’-]+|del|de|la|al-[\w'’-]+)){0,3})"
    # (then the clause goes on: a stop, or a word that is no part of a name)
    r"(?=[,.;:]|$| (?:on|in|at|to|from|for|this|last|next|with|where|which|who|near|during|"
    r"after|before|by|as|yesterday|today|under|through)\b"
    # (or the event's verb: "a simulation exercise in Bihać tested the response", "a training
    # in Halba given by …")
    r"| [a-z]+ed\b| (?:given|run|held|taught|led|met)\b)"
)
# words of a venue's, a body's or a province's name, not a town's: "at Bandaranaike
# International Airport", "in Tak Province"
NOT_TOWN_WORDS = frozenset(
    ("Airport", "Hospital", "Centre", "Center", "Clinic", "Hotel", "Park", "Station",
     "University", "School", "College", "Camp", "Market", "Stadium", "Hall", "Port", "Bridge",
     "Office", "House", "Building", "Complex", "Post", "Institute", "Ministry", "Embassy",
     "Province", "Region", "District", "State", "County", "Department", "Municipality",
     "Governorate", "Prefecture", "Division", "Island", "Islands")
)  # fmt: skip
# where the event's clause ends, or goes on to whom or what for: "… a workshop for nurses who
# were then sent to the Health Centre in Molo", "… a scanner on 4 June, for the hospital in Molo"
# (or to what was done there: "…, where they learned to explain in Bengali and Amharic")
CLAUSE_END = re.compile(r";|, (?:and|but|while|whereas|as|after|before|when|for|where) | who |\. ")


def _town_in_clause(sentence: SentenceReading, reading: Reading, after: int) -> PlaceMention | None:
    """The first such town within the event's clause (up to 160 characters after it), in the
    document's country, where it is no body, person, project, known place or quoted title."""
    country = _home_country(reading)
    if country is None:
        return None
    text = sentence.sentence.text
    end = after + 160
    if (clause := CLAUSE_END.search(text, after, end)) is not None:
        end = clause.start()
    taken = [*_named_spans(sentence), *((m.start, m.end) for m in sentence.projects)]
    for match in TOWN_IN_CLAUSE.finditer(text, after):  # (no end: "$" would match there)
        town, start = match["town"], match.start("town")
        if match.end("town") > end:
            break  # past the clause: "… in Somaliland's hospitals" cut at "Somalila"
        first = town.split()[0]
        if first in NOT_TOWNS or len(first) < 3 or not any(c.islower() for c in first):
            continue  # a month, a word of a phrase, an acronym
        if NOT_TOWN_WORDS.intersection(town.split()) or "'s" in town or "’s" in town:
            continue  # a venue's name, a possessive: "Tapachula's Bicentenario"
        if any(s < match.end("town") and start < e for s, e in taken):
            continue
        if in_quotes(text, start):
            continue
        return PlaceMention(start, match.end("town"), town, country, town, "city")
    return None


# a place told as where an event was, that no gazetteer holds: "At Ganta, 60 screeners …",
# "a meeting held in Pamelap on 22 January", "at its offices in Scarborough."
TOWN_OF_EVENT = re.compile(
    r"(?:^(?:At|In)|\b(?:held|took place|organi[sz]ed|convened|hosted|offices|headquarters)"
    # ("held the next day in Kisii, and …": a day told between the verb and its town)
    r"(?: (?:the (?:following|next|same) day|that day|the day after|the next morning))?"
    # ("held at the port of Mahajanga on 3 May")
    r" (?:in|at)(?: the (?:port|town|city|village) of)?) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    r"(?=, |[.;]$| on \d| on [A-Z][a-z]+ \d| from \d"
    # "held in Adama in May", "… in Adama in 2018": a date after the town
    rf"| in (?:early |mid-|late )?(?:{'|'.join(dates.MONTHS)}|\d{{4}})\b)"
)
# a town told with the event's day, whatever told the event: "launched a programme in Arta
# on 12 December", "… in Kolowa on Monday 3 May"
TOWN_WITH_DAY = re.compile(
    r"\b(?:in|at) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    rf"(?= on (?:\d|(?:{'|'.join(dates.WEEKDAYS)}),? \d|[A-Z][a-z]+ \d))"
)
# a crossing named by its town, where what happens at it happens: "at the Kodok border post",
# "at the Zamiin-Uud port of entry", "at the Nimule border crossing with Uganda" (not "at the
# border post", "at the Ministry's border post")
BORDER_TOWN = re.compile(
    # (what is visited there too: "visited the Lunga Lunga one-stop border post"; and a word of
    # rank before it, in either case: "at the Poipet International Border Checkpoint")
    r"\b(?:at|in|visited|toured|to) the (?P<town>[A-Z][\w'’-]+"
    r"(?: (?!International\b|Main\b|One-Stop\b|Border\b)[A-Z][\w'’-]+)?) "
    r"(?=(?i:(?:international |main |official )?(?:border (?:post|point|crossing)|"
    r"(?:border )?checkpoint|crossing point|point of entry|port of entry|"
    r"one-stop border post))\b)"
    # (or a crossing named by the towns on its two sides, the first on this one: "at the
    # Nakonde–Tunduma crossing")
    r"|\b(?:at|in) the (?P<near>[A-Z][\w'’]+)[–-][A-Z][\w'’]+ (?=(?:border )?crossing\b)"
)
# a town told right after the event's day: "were screened on Friday in Mafraq, where …",
# "on 3 May in Kolowa." (not "on Friday in the morning", "on 3 May in 2019")
TOWN_AFTER_DAY = re.compile(
    rf"\bon (?:(?:{'|'.join(dates.WEEKDAYS)})|\d{{1,2}} [A-Z][a-z]+(?: \d{{4}})?|"
    r"[A-Z][a-z]+ \d{1,2}(?:, \d{4})?) "
    r"(?:in|at) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?=[,.;]| to\b| where\b)"
)
# a town in the phrase a sentence opens on, before what was done there: "In Lopei on Monday,
# the team …", "On Friday in Kakuma, IOM …", "Last week, at the clinic in Lopei, …"
TOWN_OPENING = re.compile(
    # (after a time only: not "On the Ecuadorian side, at Huaquillas, a campaign is run …")
    r"^(?:(?:On|Last|Earlier|Later|That) (?:[A-Z][a-z]+day|\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+ "
    r"\d{1,2}|week|month|morning|day|year)(?: \d{4})?,? )?(?:In|in|At|at) "
    r"(?:the (?:[\w'’-]+ ){1,4}?in )?(?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    r"(?=,| on | last | this )"
)
# a town told as the seat of the venue, at the end of the sentence or of its clause: "at the
# IOM transit centre in Lopei.", "at the reception hall in Kakuma, where …" (not "at the
# request of Governor Ekal.")
VENUE_TOWN = re.compile(
    r"\bat the (?:[\w'’-]+ ){1,4}?in (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    r"(?=[.;]$|, where\b|, which\b| on \d)"
)
# words that name a facility's kind or rank, not its town: "the General Hospital"
NOT_FACILITY_TOWNS = frozenset(
    ("National", "Central", "General", "Main", "Regional", "District", "Provincial", "Referral",
     "University", "Teaching", "Military", "Municipal", "County", "State", "Public", "Mobile",
     "Community", "Primary", "Rural", "Field", "New", "Old")
)  # fmt: skip
# a venue named by its town first, then what it is, in lower case or in the capitalised words
# of such places: "residents of the Mae La temporary shelter", "at the Pacaraima reception
# and triage post", "at the Lajas Blancas Migrant Reception Station", "at the Teknaf Upazila
# Health Complex" (not "at the Ministry of …", "at the Regional Hospital")
_VENUE_HEAD = (
    r"(?:shelter|post|centre|center|camp|station|site|clinic|market|settlement|complex|hall)"
)
_VENUE_WORD = (
    r"(?:Migrant|Migrants|Reception|Health|Transit|Temporary|Upazila|District|Community|Border|"
    r"Medical|Treatment|Isolation|Quarantine|Triage|Registration|One-Stop|Hospital|City|Town)"
)
TOWN_OF_VENUE = re.compile(
    # (not a facility's kind or rank, though "New" and "Old" may begin a town's name)
    rf"\b(?:at|in|of) the (?!(?:{'|'.join(sorted(NOT_FACILITY_TOWNS - {'New', 'Old'}))})\b)"
    # (its first word in upper and lower case: not an acronym, "the HIGGS centre")
    rf"(?!{_VENUE_WORD}\b)(?P<town>[A-Z](?=[^\W\d_A-Z])[\w'’-]+"
    rf"(?: (?!{_VENUE_WORD}\b)[A-Z][\w'’-]+)?) "
    rf"(?:(?:(?:[a-z][\w-]*|and) ){{0,3}}{_VENUE_HEAD}"
    # ("the Dikhil Medical and Hospital Centre")
    rf"|{_VENUE_WORD} (?:(?:{_VENUE_WORD}|and) ){{0,3}}(?i:{_VENUE_HEAD}))\b"
)
NOT_TOWNS = frozenset(
    (*dates.MONTHS, *dates.WEEKDAYS, "Addition", "Response", "Total", "Practice", "Particular",
     "General", "Short", "Parallel", "Turn", "Contrast", "Fact", "Brief", "Summary", "Return",
     "Order", "Time", "Recent", "Early", "Late", "Mid", "First", "Last", "Most", "Many", "All")
)  # fmt: skip


# a town right after the event: "a first workshop in Vanimo on screening …", "trained in
# Kasungu in the care of …"
TOWN_AFTER_EVENT = re.compile(
    r" (?:in|at) (?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    r"(?=, |[.;]$| on | from | for | to | in (?:the|a|an) )"
)


# where a sentence goes on to the town its event took place in: "moved on to Lopei, near
# the border, where it trained …"
WHERE_AFTER_LEG = re.compile(r"^(?:,[^,.;]{1,60})?, where\b")


def _town_gone_to(
    sentence: SentenceReading, reading: Reading, mention: EventMention
) -> PlaceMention | None:
    """The town a visit's leg goes to, before the event, where the event's clause is of it
    ("moved on to Lopei, near the border, where it trained 24 nurses")."""
    text = sentence.sentence.text
    leg = events.LEG.search(text, 0, mention.start)
    if leg is None or not WHERE_AFTER_LEG.match(text[leg.end() : mention.start]):
        return None
    start = leg.start("place")
    known = next((p for p in sentence.places if p.start == start), None)
    if known is not None:
        return known if known.city else None
    town, country = leg["place"], _home_country(reading)
    if country is None or town.split()[0] in NOT_TOWNS:
        return None
    if any(s <= start < e for s, e in _named_spans(sentence)):
        return None
    return PlaceMention(start, leg.end(), town, country, town, "city")


def _town_right_after(
    sentence: SentenceReading, reading: Reading, after: int
) -> PlaceMention | None:
    """Such a town right after the event (not a known country or body)."""
    if reading.dateline is None or not TOWN_AFTER_EVENT.match(sentence.sentence.text, after):
        return None
    return _town_named(sentence, reading, after)


def _town_named(
    sentence: SentenceReading, reading: Reading, after: int | None = None
) -> PlaceMention | None:
    """Such a town, in the dateline's country (on a page without one, the page's: "A meeting
    held in Mangochi on 16 September 2021 …" on a project page of Malawi), where it is no body,
    person or known place."""
    country = _home_country(reading)
    if country is None:
        return None
    text = sentence.sentence.text
    taken = _named_spans(sentence)
    right_after = TOWN_AFTER_EVENT.match(text, after) if after is not None else None
    told = [*TOWN_OF_EVENT.finditer(text), *TOWN_WITH_DAY.finditer(text)]
    told += [*BORDER_TOWN.finditer(text), *TOWN_AFTER_DAY.finditer(text)]
    told += [*TOWN_OPENING.finditer(text), *VENUE_TOWN.finditer(text)]
    venues = [*TOWN_OF_VENUE.finditer(text)]
    told += venues
    for match in [right_after] if right_after else told:
        key = "town" if match["town"] else "near"  # (a crossing's near side)
        town, start = match[key], match.start(key)
        if town.split()[0] in NOT_TOWNS:
            continue
        # (a venue may be a body named by its town: "the Dikhil Medical and Hospital Centre";
        # not by a body's name, "the Caritas Lebanon Migrants Center", nor by whom it serves,
        # "the Returned Migrants Reception Centre")
        inside = any(s <= start < e for s, e in taken)
        if inside and (match not in venues or _no_town(town, reading)):
            continue
        return PlaceMention(start, match.end(), town, country, town, "city")
    return None


def _no_town(words: str, reading: Reading) -> bool:
    """Whether the words that name a venue are no town's: a body's name the directory knows,
    a country's, or a participle ("Returned")."""
    first = words.split()[0]
    return (
        first.endswith("ed")
        or reading.orgs.directory.find(first) is not None
        or any(reading.orgs.country_of(w) for w in words.split())
    )


# the town of a service that began: "began working at the Torkham zero point", "a second
# site at Kerwa opened", "saw its first patients at the Pissila site" (not "at the Office of
# …", "in the North")
SERVICE_TOWN = re.compile(
    r"\b(?:at|in) (?:the )?(?P<town>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?! of\b)(?! [A-Z])"
)


def _service_town(
    sentence: SentenceReading, reading: Reading, mention, place: PlaceMention | None
) -> PlaceMention | None:
    """A service's town, named in its phrase or right after it, unless the sentence names a
    known city there."""
    if place is not None and place.city and place.start >= mention.start:
        return place
    text = sentence.sentence.text
    end = mention.end + 40  # (up to the next clause: "…, and a second site at Kerwa opened")
    end = min(
        (i for i in (text.find(c, mention.end, end) for c in (", and", ";")) if i >= 0), default=end
    )
    found = SERVICE_TOWN.search(text[:end], mention.start)
    if found is None or reading.dateline is None or found["town"].split()[0] in NOT_TOWNS:
        return place
    taken = [(m.start, m.end) for m in (*sentence.places, *sentence.organisations)]
    if any(s <= found.start("town") < e for s, e in taken):
        return place
    town = found["town"]
    return PlaceMention(
        found.start("town"), found.end("town"), town, reading.dateline.iso3, town, "city"
    )


# the town of the health facility goods were handed over to, told by the first "to the"
# after the verb: "to the Health Centre in Tiko", "to the health centre of Ras al-Buq", "to
# the Mbale Referral Hospital", "to the Regional Hospital in Kisii" (not "to the Regional
# Hospital", "to the Ministry of Health"); a town of one or two words: "Ras al-Buq"
_TOWN_REST = r"[\w'’-]+(?: (?:[A-Z]|a[ln]-|el-)[\w'’-]+)?"
FACILITY = r"(?:[Hh]ospital|[Hh]ealth [Cc]ent(?:re|er)|[Cc]linic|[Hh]ealth [Pp]ost|[Dd]ispensary)"
RECEIVING_TOWN = re.compile(
    # (a town's first letter may be accented: "in Šid", checked upper case after)
    rf"to the (?:(?:[A-Za-z]+ ){{0,2}}?{FACILITY} (?:in|of) (?P<after>[^\W\d_]{_TOWN_REST})"
    rf"|(?P<before>[A-Z]{_TOWN_REST}) (?:[A-Z][a-z]+ )?{FACILITY}\b)"
)


def _receiving_town(sentence: SentenceReading, reading: Reading, mention) -> PlaceMention | None:
    """The town of the facility a handover gave goods to (the first "to the" within 160
    characters of the verb), in the document's country, unless it is a country or a body's
    kind; a town the gazetteer holds keeps its own country."""
    text = sentence.sentence.text
    at = text.find(" to the ", mention.start, mention.end + 160)
    found = RECEIVING_TOWN.match(text, at + 1) if at >= 0 else None
    if found is None:
        return None
    key = "before" if found["before"] else "after"
    town, start = found[key], found.start(key)
    if key == "before" and town.split()[-1] in NOT_FACILITY_TOWNS:
        town = town.split()[0]  # "the Mbale Regional Referral Hospital": Mbale
    if not town[0].isupper() or town.split()[0] in NOT_TOWNS | NOT_FACILITY_TOWNS:
        return None
    known = next((p for p in sentence.places if p.start <= start < p.end), None)
    if known is not None:
        return known if known.city else None  # (a country: "the hospital in Chad")
    country = _home_country(reading)
    if country is None:
        return None
    return PlaceMention(start, start + len(town), town, country, town, "city")


def _dateline_country(reading: Reading) -> PlaceMention | None:
    dateline = reading.dateline
    return PlaceMention(0, 0, "", dateline.iso3) if dateline else None


def _describe_place(g: Graph, context: LoadContext, place: PlaceMention) -> URIRef:
    country = context.minter.country(place.iso3)
    if not place.city:
        return country
    city = context.minter.entity("place", place.city, place.iso3)
    g.add((city, RDF.type, MHKG.City))
    g.add((city, RDFS.label, Literal(place.city)))
    g.add((city, MHKG.inCountry, country))
    if place.text and normalise_name(place.text) != normalise_name(place.city):
        # the text's spelling of the gazetteer's name: "Hargeisa" for "Hargeysa"
        g.add((city, SKOS.altLabel, Literal(place.text)))
    return city
