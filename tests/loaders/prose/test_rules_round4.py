"""Round 4's general mechanisms, on sentences written for them (none copied from a
development document), each with negatives:

- an event noun made of a verb ("assessment", "review", "evaluation") is an event only where
  a verb of doing governs it ("carried out a rapid assessment", "a review … held in …");
- events counted by a verb of doing ("ran three refresher trainings");
- possessive determiners before an event word ("whose launch", "our workshop");
- events told by a verb: a signing ("signed an agreement on 4 May"), people received
  ("were welcomed on 2 June"), in the passive only;
- a town named where an event was held, before its date ("held in Gode in March").
"""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import events
from mhkg.vocab import MHKG


def labels(text: str) -> list[str]:
    return [m.label for m in events.find(text)]


@pytest.mark.parametrize(
    "text, label",
    [
        ("Last Tuesday the district team carried out a rapid assessment of the clinics in Gulu.",
         "rapid assessment"),
        ("On 3 June partners conducted an evaluation of the referral system in Kisumu.",
         "evaluation"),
        ("The plan draws on a review of clinic records held in Dire Dawa in April.", "review"),
        ("Health officers undertook a joint review with the district in Lira on 8 May.",
         "joint review"),
    ],
)  # fmt: skip
def test_an_event_noun_made_of_a_verb_with_a_verb_of_doing(text, label):
    assert labels(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The assessment found that most clinics in Gulu lacked water.",
                     id="its-result"),
        pytest.param("A review of the law in 2019 showed gaps in coverage.", id="no-doing"),
        pytest.param("An evaluation will be conducted in Kisumu in May.", id="planned"),
        pytest.param("Under review since March, the policy covers Lira.", id="no-article"),
    ],
)  # fmt: skip
def test_no_event_for_an_activity_noun_without_a_verb_of_doing(text):
    assert not labels(text)


@pytest.mark.parametrize(
    "text, label",
    [
        ("In the first half of the year the clinic ran three refresher trainings for nurses.",
         "three refresher trainings"),
        ("The ministry held 12 community meetings on the new rules.", "12 community meetings"),
        ("IOM organized two seminars for border officials.", "two seminars"),
    ],
)  # fmt: skip
def test_events_counted_by_a_verb_of_doing(text, label):
    (mention,) = events.find(text)
    assert (mention.label, mention.rule) == (label, "event-count")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The ministry will hold three workshops next year.", id="future"),
        pytest.param("Three workshops are planned for the autumn.", id="no-verb-of-doing"),
        pytest.param("Staff ran three clinics in the camp.", id="no-event-word"),
    ],
)  # fmt: skip
def test_no_counted_events(text):
    assert not [m for m in events.find(text) if m.rule == "event-count"]


def test_counted_events_need_no_date_or_place(described):
    g, project = described("That spring the association organized four peer workshops on stigma.")
    (event,) = g.subjects(RDF.type, MHKG.Workshop)
    assert str(g.value(event, RDFS.label)) == "four peer workshops"
    assert g.value(event, MHKG.partOfProject) == project


@pytest.mark.parametrize(
    "text, label",
    [
        ("The network unveiled a website, whose launch took place in Lyon on 2 May.", "launch"),
        ("We thank everyone who came to our workshop in Lima on 9 July.", "workshop"),
    ],
)  # fmt: skip
def test_possessive_determiners(text, label):
    assert labels(text) == [label]


@pytest.mark.parametrize(
    "text, label",
    [
        ("The two ministries signed a memorandum of understanding on 4 May 2021.", "signing"),
        ("The nurses were welcomed on 2 June at the regional hospital.", "welcome"),
        ("The delegation was received on 14 March by the governor.", "welcome"),
    ],
)  # fmt: skip
def test_events_told_by_a_verb(text, label):
    assert labels(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("IOM welcomed the decision of the government.", id="active-welcome"),
        pytest.param("The ministries will sign the agreement in May.", id="future-sign"),
        pytest.param("Partners have yet to be signed up.", id="signed-up-passive-no-date"),
    ],
)  # fmt: skip
def test_no_event_told_by_a_verb(text, described):
    g, _ = described(text)
    assert not [
        e
        for kind in (MHKG.Meeting, MHKG.Workshop, MHKG.Consultation)
        for e in g.subjects(RDF.type, kind)
    ]


def test_a_town_where_an_event_was_held_before_its_date(described):
    g, _ = described(
        "Jijiga, Ethiopia – Clinics were reopened.\nThe guidelines build on a review of "
        "clinic records held in Gode in March 2019 with the regional bureau."
    )
    (event,) = g.subjects(RDF.type, MHKG.Meeting)
    assert str(g.value(event, MHKG.place)).endswith("gode-eth")


# --- localities the text places in a country give a body named after them its country


@pytest.mark.parametrize(
    "text, body, iso3",
    [
        ("The road links Kenya's Lokichar Region with the border. We work with the Lokichar "
         "Regional Health Office.", "Lokichar Regional Health Office", "KEN"),
        ("Most pickers come from Oyam District in Uganda. The Oyam District Health Team "
         "trained them.", "Oyam District Health Team", "UGA"),
        ("Herders move on to Ntcheu, on the Malawian side. The Health Directorate of Ntcheu "
         "joined the meeting.", "Health Directorate of Ntcheu", "MWI"),
        ("Workers settle in northern Ghana, mainly in Bawku and Zebilla. The Bawku Municipal "
         "Health Directorate screened them.", "Bawku Municipal Health Directorate", "GHA"),
        ("The team drove to a clinic in Tsholotsho, Zimbabwe. The Tsholotsho Health Office "
         "hosted it.", "Tsholotsho Health Office", "ZWE"),
    ],
)  # fmt: skip
def test_a_body_named_after_a_locality_the_text_placed(organisations, text, body, iso3):
    found = {m.organisation.name: m.organisation.country for m in organisations(text)}
    assert found[body] == iso3


@pytest.mark.parametrize(
    "text, body",
    [
        pytest.param("The road links Lokichar with the border. We work with the Lokichar "
                     "Regional Health Office.", "Lokichar Regional Health Office",
                     id="not-placed"),
    ],
)  # fmt: skip
def test_no_country_for_a_locality_not_placed(organisations, text, body):
    found = {m.organisation.name: m.organisation.country for m in organisations(text)}
    assert found[body] is None


# --- bodies by the grammar of their names: membership heads, heads in a row, descriptors


@pytest.mark.parametrize(
    "text, name",
    [
        ("Volunteers of the Peruvian Red Cross handed out kits.", "Peruvian Red Cross"),
        ("The Jordanian Red Crescent ran the clinic.", "Jordanian Red Crescent"),
        ("The Lesotho Red Cross Society trained drivers.", "Lesotho Red Cross Society"),
        ("Members of the Federation of Ugandan Employers attended.",
         "Federation of Ugandan Employers"),
        ("The Union of Health Workers' Associations signed the appeal.",
         "Union of Health Workers' Associations"),
        ("Food came from the Al Noor Charity Organization.", "Al Noor Charity Organization"),
        ("The Malindi Marine Trust paid for boats.", "Malindi Marine Trust"),
        ("Caritas Moldova opened a shelter.", "Caritas Moldova"),
        ("The local NGO Safe Steps met nurses.", "Safe Steps"),
        ("It was delivered by a community-based organization, Tumaini Women, in Kisii.",
         "Tumaini Women"),
        ("Its local partner, Bridges of Hope, ran the sessions.", "Bridges of Hope"),
    ],
)  # fmt: skip
def test_civil_society_by_the_grammar_of_its_name(organisations, text, name):
    found = {m.organisation.name: m.organisation.kind for m in organisations(text)}
    assert found.get(name) == MHKG.CivilSocietyOrganisation


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Regional Health Trust Fund paid for the clinics.", "Regional Health Trust Fund"),
        ("The Karamoja Health Service Commission hired nurses.",
         "Karamoja Health Service Commission"),
    ],
)  # fmt: skip
def test_heads_in_a_row_are_one_head(organisations, text, name):
    assert name in [m.organisation.name for m in organisations(text)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Migrants from the Russian Federation were screened.", id="a-country"),
        pytest.param("The Red Cross was there.", id="a-bare-head"),
        pytest.param("A local group of women met weekly.", id="no-name"),
        pytest.param("Its local partner, which runs the clinic, agreed.", id="no-capitalised-name"),
    ],
)  # fmt: skip
def test_no_body_by_a_membership_head_or_descriptor(organisations, text):
    assert not [
        m for m in organisations(text) if m.organisation.kind == MHKG.CivilSocietyOrganisation
    ]


# --- more events told by their verb or as a plural, with negatives


@pytest.mark.parametrize(
    "text, label",
    [
        ("The district opened a maternity ward in Moroto on 3 March 2021.",
         "opening of a maternity ward"),
        ("The joint team visited Nimule on 12 May 2020.", "visit"),
        ("The handover of two ambulances took place in Kasese on 4 April 2017.", "handover"),
        ("Health talks were organized in Kitgum and Pader in July 2020.", "health talks"),
        ("In Gulu, refresher trainings were also held on 9 May 2019.", "refresher trainings"),
    ],
)  # fmt: skip
def test_more_events_told_by_a_verb_or_a_plural(text, label):
    assert labels(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The border opened on 5 May 2020.", id="opened-without-object"),
        pytest.param("Since 2015 the team has visited 40 villages.", id="perfect-visited"),
        pytest.param("IOM has screened 9,000 travellers since March 2020.", id="perfect-screened"),
        pytest.param("Both meetings were organized under the project in May.", id="both"),
        pytest.param("Monthly meetings were held in Gulu in 2019.", id="monthly"),
        pytest.param("Trainings will be held in Gulu in May.", id="future-plural"),
    ],
)  # fmt: skip
def test_no_event_told_by_a_verb_or_a_plural(text):
    assert not labels(text)


# --- an acronym in brackets says where the name before it ends, across "at"


def test_a_name_before_its_acronym_runs_across_at(organisations):
    found = organisations("The Office of Health Services at Ports (OHSP) screened crews.")
    assert [(m.organisation.name, m.defines) for m in found] == [
        ("Office of Health Services at Ports", "OHSP")
    ]


def test_without_an_acronym_a_name_stops_before_at(organisations):
    found = organisations("The Office of Health Services at Ports screened crews.")
    assert [m.organisation.name for m in found] == ["Office of Health Services"]


# --- an event told again by another word of its kind, on the same occasion


def _all_events(g):
    return [
        e for k in (MHKG.Meeting, MHKG.Workshop, MHKG.Consultation) for e in g.subjects(RDF.type, k)
    ]


def test_an_event_told_again_by_another_word_of_its_kind(described):
    g, _ = described(
        "A three-day refresher training for 30 midwives opened in Mbale on 4 May 2021. "
        "The course, which ran from 4 to 6 May, covered safe delivery."
    )
    assert len(_all_events(g)) == 1


def test_an_event_of_the_same_kind_on_another_occasion_is_another(described):
    g, _ = described(
        "A refresher training for midwives took place in Mbale on 4 May 2021. "
        "The course in Soroti on 20 September 2021 covered newborn care."
    )
    assert len(_all_events(g)) == 2


@pytest.mark.parametrize(
    "text, label",
    [
        ("A five-day course on psychological first aid took place in Gulu on 3 May 2021.",
         "five-day course"),
        ("The first national symposium on migrant health was held in Accra on 9 June 2022.",
         "first national symposium"),
        ("A health fair for seafarers took place in Tema on 2 July 2019.", "health fair"),
    ],
)  # fmt: skip
def test_more_event_words(text, label):
    assert labels(text) == [label]


# --- whom a speaker speaks for; posts in brackets


def _people(text: str):
    from mhkg.loaders.prose import people

    places = {"Jimma", "Arua", "Gulu"}
    return [(m.name, m.post, m.organisation_text) for m in people.find(text, places.__contains__)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"It works," said Ana Diaz from the Women\'s Network.',
         ("Ana Diaz", "", "Women's Network")),
        ("Ana Diaz of the Women's Network said the clinics work.",
         ("Ana Diaz", "", "Women's Network")),
        ("Ana Diaz, from the Women's Network, said the clinics work.",
         ("Ana Diaz", "", "Women's Network")),
        ("According to Grace Banda of the Malawi Red Cross Society, 300 people were reached.",
         ("Grace Banda", "", "Malawi Red Cross Society")),
        ("Speaking on behalf of the Ministry of Health, Dr Tomas Silva said the plan was ready.",
         ("Tomas Silva", "", "Ministry of Health")),
        ("Representing UNHCR, Maria Rossi welcomed the participants.",
         ("Maria Rossi", "", "UNHCR")),
        ("John Okello (District Health Officer, Arua District Local Government) spoke.",
         ("John Okello", "District Health Officer", "Arua District Local Government")),
        ("Ana Lima (Project Coordinator at Caritas Brazil) spoke.",
         ("Ana Lima", "Project Coordinator", "Caritas Brazil")),
    ],
)  # fmt: skip
def test_whom_a_speaker_speaks_for(text, expected):
    assert _people(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param('"I want to go home," said Tesfaye Girma from Jimma.',
                     ("Tesfaye Girma", "", None), id="from-a-place"),
        pytest.param("John Okello (District Health Officer, Arua) spoke.",
                     ("John Okello", "District Health Officer", None), id="bracketed-place"),
    ],
)  # fmt: skip
def test_a_place_is_not_whom_a_speaker_speaks_for(text, expected):
    assert _people(text) == [expected]


def test_a_body_in_apposition_with_a_possessive_partner_organisation(organisations):
    text = "Twelve nurses of Zdravie, IOM Slovakia's partner organization, took part."
    found = {m.organisation.name: m.organisation.kind for m in organisations(text)}
    assert found["Zdravie"] == MHKG.CivilSocietyOrganisation


def test_a_ministry_in_apposition_with_a_partner_word_stays_a_ministry(organisations):
    text = "The Ministry of Health, IOM's implementing partner, opened clinics."
    kinds = {m.organisation.kind for m in organisations(text, "KEN")}
    assert MHKG.CivilSocietyOrganisation not in kinds


# --- an event told by its verb in a clause of its own, beside an event phrase


def test_a_verb_event_in_a_clause_of_its_own():
    text = (
        "The annual forum in Manila on 3 May 2019 reviewed the plan, renewed in April, when "
        "the two ministries signed a new memorandum on 9 April 2019."
    )
    assert labels(text) == ["annual forum", "signing"]


def test_no_verb_event_inside_an_event_phrase_clause():
    text = "At the training in Gulu on 3 May 2019 nurses screened 40 drivers."
    assert labels(text) == ["training"]


# --- the other members of a coordinated list of bodies


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Partners such as Amref Health Africa, Nuru Health and the Kenya Red Cross Society "
         "took part.", "Nuru Health", MHKG.CivilSocietyOrganisation),
        ("The clinic is run by IOM and KMET Health.", "KMET Health",
         MHKG.CivilSocietyOrganisation),
        ("Staff of UNHCR, the Zonal Public Health Delegation and WHO attended.",
         "Zonal Public Health Delegation", MHKG.GovernmentAgency),
    ],
)  # fmt: skip
def test_a_name_listed_with_bodies_is_a_body(organisations, text, name, kind):
    found = {m.organisation.name: m.organisation.kind for m in organisations(text)}
    assert found.get(name) == kind


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Later, UNHCR opened a clinic.", id="no-list"),
        pytest.param("IOM, Kenya and Uganda agreed.", id="countries"),
        pytest.param("IOM and Kisumu County agreed.", id="a-place"),
        pytest.param("UNHCR, Health and WHO met.", id="one-word"),
        pytest.param("IOM and Grace Wanjiru spoke.", id="a-person"),
        pytest.param("WHO and the Metropolitan Region of Nairobi agreed.", id="a-region"),
        pytest.param("IOM and Médecins du Monde and Terre des hommes helped.", id="particle"),
    ],
)  # fmt: skip
def test_no_body_from_a_list_without_one(organisations, text):
    assert not [m for m in organisations(text) if m.rule == "list-member"]


# --- public bodies by their heads: administrations, forces of the state, local governments


@pytest.mark.parametrize(
    "text, name, kind, iso3",
    [
        ("The Kenyan Coast Guard rescued 40 people.", "Kenyan Coast Guard",
         MHKG.GovernmentAgency, "KEN"),
        ("Officers of the Ghanaian Border Police were trained.", "Ghanaian Border Police",
         MHKG.GovernmentAgency, "GHA"),
        ("The Ugandan Overseas Labour Administration (UOLA) joined.",
         "Ugandan Overseas Labour Administration", MHKG.GovernmentAgency, "UGA"),
        ("Mombasa City Hall opened a clinic.", "Mombasa City Hall", MHKG.Government, None),
        ("The Nakuru City Administration Health Bureau ran it.",
         "Nakuru City Administration Health Bureau", MHKG.GovernmentAgency, None),
    ],
)  # fmt: skip
def test_public_bodies_by_their_heads(organisations, text, name, kind, iso3):
    found = {m.organisation.name: m.organisation for m in organisations(text)}
    assert found[name].kind == kind
    if iso3:
        assert found[name].country == iso3


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The administration of the clinic was handed over.", id="lower-case"),
        pytest.param("The City Hall was full.", id="a-bare-head"),
    ],
)  # fmt: skip
def test_no_public_body_without_a_name(organisations, text):
    assert not organisations(text)


# --- how many took part, said with the event's own verb


@pytest.mark.parametrize(
    "text, count",
    [
        ("A workshop was held in Gulu on 3 May 2021 for 35 health workers.", 35),
        ("A three-day training in Mbale on 4 May 2021 reached 28 nurses.", 28),
        ("The consultation in Lira on 5 June 2020 drew 60 people.", 60),
        ("The webinar on 10 October 2020 had 120 participants.", 120),
        ("The training in Kasese on 11 November 2018 benefited forty volunteers.", 40),
    ],
)  # fmt: skip
def test_participants_with_the_events_own_verb(text, count):
    (mention,) = events.find(text)
    assert mention.participants == count


def test_a_reach_without_an_event_is_no_events_participants():
    assert (
        events.participant_count("Since 2015 the project has reached 2,000 nurses.", False) is None
    )


# --- events named in title case with the common event words


@pytest.mark.parametrize(
    "text, label",
    [
        ("IOM held the Regional Workshop on Port Health in Mombasa on 3 May 2021.",
         "Regional Workshop on Port Health"),
        ("The Second Bilateral Meeting on Border Health took place in Busia on 4 June 2019.",
         "Second Bilateral Meeting on Border Health"),
        ("The Annual Review Meeting was held in Juba on 9 September 2019.",
         "Annual Review Meeting"),
        ("The Joint Simulation Exercise took place at Namanga on 2 April 2019.",
         "Joint Simulation Exercise"),
    ],
)  # fmt: skip
def test_events_named_in_title_case(text, label):
    assert labels(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Island Forum Secretariat met donors in Suva on 3 May 2019.",
                     id="a-bodys-name"),
        pytest.param("Nurses from the National Training Centre met in Gulu on 3 May 2019.",
                     id="training-centre"),
        pytest.param("The Safe Vaccination Campaign in Niger began in 2021.", id="a-project"),
    ],
)  # fmt: skip
def test_no_named_event_in_a_bodys_or_projects_name(text):
    assert not [m for m in events.find(text) if m.rule == "named-event"]


# --- a state's or province's own ministry


@pytest.mark.parametrize(
    "text, name, iso3",
    [
        ("Clinics run by the Kassala State Ministry of Health reopened.",
         "Kassala State Ministry of Health", "SDN"),
        ("The Sindh Provincial Ministry of Health trained staff.",
         "Sindh Provincial Ministry of Health", "PAK"),
    ],
)  # fmt: skip
def test_a_local_ministry_is_a_body_of_its_own(organisations, text, name, iso3):
    found = {m.organisation.name: m.organisation.country for m in organisations(text)}
    assert found == {name: iso3}


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param("The State Ministry of Health agreed.", "Ministry of Health of Kenya",
                     id="no-place"),
        pytest.param("Kenya's State Ministry of Health agreed.", "Ministry of Health of Kenya",
                     id="a-country"),
    ],
)  # fmt: skip
def test_no_local_ministry_without_a_local_place(organisations, text, name):
    assert [m.organisation.name for m in organisations(text, "KEN")] == [name]


def test_a_ministry_of_a_region_no_gazetteer_holds_is_named_whole(organisations):
    found = organisations("They work with the Ministry of Health of Lowerland.", "KEN")
    assert [m.organisation.name for m in found] == ["Ministry of Health of Lowerland"]
