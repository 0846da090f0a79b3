"""Issue 14's rules for organisations and events, on sentences written for them, with
negatives: coordinated lists, ministries with several portfolios, bodies of listed places,
bodies whose names hold "and" or "of", bare heads; named events, launches, planned events,
and a visit's legs."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF, RDFS

from mhkg.loaders.prose import events
from mhkg.vocab import MHKG


def names(organisations, text: str, default_country: str | None = None) -> list[tuple]:
    found = organisations(text, default_country)
    return list(dict.fromkeys((m.organisation.name, m.organisation.country) for m in found))


# --- coordinated lists ---------------------------------------------------------------------


def test_an_acronym_after_a_list_defines_only_its_last_item(organisations):
    found = names(
        organisations,
        "The plan was signed by IOM, Ruritania's National Leprosy Programme, the Central "
        "Chest Hospital and Kenya's National Centre for Lung Health (NCLH).",
    )
    assert ("National Centre for Lung Health", "KEN") in found
    assert ("Central Chest Hospital", None) in [(n, None) for n, _ in found]
    assert not any("," in name for name, _ in found)


def test_an_acronym_after_one_name_keeps_its_and(organisations):
    found = names(organisations, "The Ministry of Labour and Social Protection (MLSP) met.", "GHA")
    assert [n for n, _ in found] == ["Ministry of Labour and Social Protection of Ghana"]


def test_a_ministry_with_listed_portfolios(organisations):
    found = names(
        organisations, "She met the Ministry of Labour, Immigration and Population.", "MMR"
    )
    assert [n for n, _ in found] == ["Ministry of Labour, Immigration and Population of Myanmar"]


def test_a_ministry_then_other_bodies_after_commas(organisations):
    found = names(organisations, "The Ministry of Health, WHO and UNICEF met.", "GHA")
    assert ("Ministry of Health of Ghana", "GHA") in found
    assert not any("WHO" in n and "Ministry" in n for n, _ in found)


def test_ministries_then_another_body_after_the(organisations):
    found = names(
        organisations,
        "Training reached the Ministries of Health and of Labour, the Department of Border "
        "Control and district offices.",
        "MWI",
    )
    assert [n for n, _ in found][:3] == [
        "Ministry of Health of Malawi",
        "Ministry of Labour of Malawi",
        "Department of Border Control",
    ]


def test_bodies_of_listed_places(organisations):
    found = names(organisations, "The District Health Committees of Mongu, Senanga and Kalabo met.")
    assert [n for n, _ in found] == [
        "Mongu District Health Committee",
        "Senanga District Health Committee",
        "Kalabo District Health Committee",
    ]


def test_one_body_of_a_place_is_not_split(organisations):
    found = names(organisations, "The Office of Returnee Affairs and Reintegration opened.")
    assert [n for n, _ in found] == ["Office of Returnee Affairs and Reintegration"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The Harbour Relief and Rehabilitation Commission hosts a site.",
            "Harbour Relief and Rehabilitation Commission",
            id="and-before-head",
        ),
        pytest.param(
            "IOM co-leads the Border Health and Points of Entry Technical Working Group.",
            "Border Health and Points of Entry Technical Working Group",
            id="and-of-before-head",
        ),
        pytest.param(
            "It trained the Department of Health Promotion of the Ministry of Public Health.",
            "Department of Health Promotion",
            id="not-the-body-it-belongs-to",
        ),
        pytest.param(
            "Staff of the Departmental Health Secretariat of Valle del Cauca came.",
            "Departmental Health Secretariat of Valle del Cauca",
            id="place-with-particle",
        ),
    ],
)
def test_names_of_bodies(organisations, text, name):
    assert name in [n for n, _ in names(organisations, text)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Working Group will meet monthly.", id="working-group"),
        pytest.param("The Fund will pay for the trainings.", id="fund"),
        pytest.param("Consultations will be held in each province.", id="consultations"),
    ],
)
def test_a_bare_head_is_no_body(organisations, text):
    assert names(organisations, text) == []


def test_a_body_joined_by_and_to_a_known_one_is_its_own(organisations):
    found = names(organisations, "IOM and National AIDS Council staff met.", "ZMB")
    assert "National AIDS Council" in [n for n, _ in found]


# --- events ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "label", "kind"),
    [
        pytest.param(
            "The team won a prize at the 4th Andean Health Innovation Fair in Quito.",
            "4th Andean Health Innovation Fair",
            MHKG.Meeting,
            id="ordinal-fair",
        ),
        pytest.param(
            "Delegates met for the Second Global Consultation on the Health of Seafarers and "
            "Fishers in Manila.",
            "Second Global Consultation on the Health of Seafarers and Fishers",
            MHKG.Consultation,
            id="consultation-on",
        ),
        pytest.param(
            "Thirty nurses attend the third Regional Summer School on migrant health.",
            "third Regional Summer School",
            MHKG.Workshop,
            id="summer-school",
        ),
        pytest.param(
            "The ministry and IOM launched on 4 June a mobile clinic.",
            "launch",
            MHKG.Meeting,
            id="launched",
        ),
    ],
)
def test_named_events_and_launches(sentence, label, kind):
    (mention,) = events.find(sentence)
    assert (mention.label, mention.kind) == (label, kind)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("IOM will launch the clinics in June.", id="will-launch"),
        pytest.param("The clinics were launched by the ministry.", id="launched-by"),
        pytest.param("It will also organize a study visit to Thailand in May.", id="will-organize"),
        pytest.param("A return visit to Cali is planned for next year.", id="is-planned"),
        pytest.param("National consultations will be held in each province.", id="will-be-held"),
        pytest.param(
            "Second Regional Winter School on Migrant Health Opens in Rabat", id="headline"
        ),
        pytest.param("The National School of Public Health trains nurses.", id="a-school-body"),
    ],
)
def test_no_event(sentence):
    assert events.find(sentence) == []


def test_an_appositive_is_the_named_event_again():
    found = events.find("They met at the 2nd Pacific Health Forum, a two-day meeting in Suva.")
    assert [m.label for m in found] == ["2nd Pacific Health Forum"]


def _events(g):
    kinds = (MHKG.Meeting, MHKG.Workshop, MHKG.Consultation)
    return {str(g.value(e, RDFS.label)): e for k in kinds for e in g.subjects(RDF.type, k)}


def test_a_visit_has_one_event_per_city_and_date(described):
    g, _ = described(
        "The study visit began in Mombasa on 3 March 2024, where the delegation met port "
        "health staff. On 5 March 2024 the delegation continued to Nairobi, where it toured a "
        "clinic. The visit ended in Kisumu on 7 March 2024 with a meeting at the county office."
    )
    found = _events(g)
    assert set(found) == {"study visit", "study visit in Nairobi", "study visit in Kisumu"}
    dates = {label: str(g.value(e, MHKG.eventDate)) for label, e in found.items()}
    assert dates == {
        "study visit": "2024-03-03",
        "study visit in Nairobi": "2024-03-05",
        "study visit in Kisumu": "2024-03-07",
    }


def test_a_later_sentence_gives_a_visit_its_date_and_city(described):
    g, _ = described(
        "Arusha, Tanzania \u2013 A delegation ended a study visit to Tanzania on Friday. "
        "The study visit opened in Dodoma on 9 October 2023."
    )
    ((label, event),) = _events(g).items()
    assert label == "study visit"
    assert str(g.value(event, MHKG.eventDate)) == "2023-10-09"
    assert str(g.value(event, MHKG.place)).endswith("dodoma-tza")


def test_the_meeting_after_a_named_event_is_that_event(described):
    g, _ = described(
        "Delegates gathered in Accra on 2 June 2023 for the 3rd West African Health Forum. "
        "Opening the meeting, the minister recalled the plan adopted in 2015."
    )
    assert list(_events(g)) == ["3rd West African Health Forum"]


def test_the_meeting_on_a_date_is_not_its_topic():
    (mention,) = events.find("At its meeting on 17 January, the task force agreed.")
    assert mention.label == "meeting"


# --- the country of a body named without one: the nearest evidence --------------------------


def test_a_clause_about_a_country_gives_its_bodies_that_country(organisations):
    found = names(
        organisations,
        "Lusaka, Zambia \u2013 The delegation from Malawi was led by the National Centre for "
        "Disease Control. Botswana sent experts of the Central Medical Stores, and Namibia was "
        "represented by the Ministry of Health.",
    )
    assert ("National Centre for Disease Control", "MWI") in found
    assert ("Central Medical Stores", "BWA") in found or all("Stores" not in n for n, _ in found)
    assert ("Ministry of Health of Namibia", "NAM") in found


def test_without_a_country_subject_the_documents_country_stays(organisations):
    found = names(
        organisations,
        "Lusaka, Zambia \u2013 Migrants from Malawi were treated by the National Centre for "
        "Disease Control.",
    )
    assert ("National Centre for Disease Control", "ZMB") in found


def test_a_city_in_an_agencys_name_gives_its_country(organisations):
    found = names(
        organisations,
        "Staff of the Cali Municipal Health Secretariat joined.",
        default_country="CHL",
    )
    assert ("Cali Municipal Health Secretariat", "COL") in found


def test_each_event_takes_the_date_nearest_after_it(described):
    g, _ = described(
        "The first workshop was held in Iquique on 17 April 2017 and the final workshop in "
        "Arica on 30 May 2017."
    )
    found = _events(g)
    assert str(g.value(found["final workshop"], MHKG.eventDate)) == "2017-05-30"
    assert str(g.value(found["first workshop"], MHKG.eventDate)) == "2017-04-17"


def test_a_later_sentence_gives_the_last_event_its_participants(described):
    g, _ = described(
        "A technical meeting was held in Tripoli on 30 August 2021. Forty-two participants "
        "attended, including officials of the Ministry of Health."
    )
    (event,) = _events(g).values()
    assert g.value(event, MHKG.participantCount).toPython() == 42


def test_a_datelines_town_is_the_events_place_even_if_unknown(described):
    g, _ = described("Ngoma, Rwanda \u2013 A validation workshop took place on 3 May 2023.")
    (event,) = _events(g).values()
    assert str(g.value(event, MHKG.place)).endswith("ngoma-rwa")


def test_a_country_office_keeps_the_countrys_name_as_written(organisations):
    (mention,) = organisations("Staff of IOM Viet Nam met.")
    assert mention.organisation.name == "IOM Vietnam"
    assert "IOM Viet Nam" in mention.organisation.aliases


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The plan follows the ECOWAS protocols on free movement.", id="protocols"),
        pytest.param("It applies the SADC policy framework on mobility.", id="policy-framework"),
        pytest.param("In the World Health Organization's 2022 report, cases fell.", id="report"),
    ],
)
def test_a_body_named_for_its_texts_only_is_no_stakeholder(organisations, text):
    assert names(organisations, text) == []


def test_a_body_named_as_a_partner_still_counts(organisations):
    assert names(organisations, "ECOWAS supports the clinics.") != []


def test_a_network_of_women_and_youth_keeps_its_whole_name(organisations):
    found = names(
        organisations, "Members of the Lakeside Women and Youth Against AIDS Network spoke."
    )
    assert [n for n, _ in found] == ["Lakeside Women and Youth Against AIDS Network"]


def test_a_ministry_is_left_to_the_ministry_rules(organisations):
    found = names(organisations, "It supports Fiji's Ministry of Health and Medical Services.")
    assert [n for n, _ in found] == ["Ministry of Health and Medical Services of Fiji"]


def test_a_winter_school_is_an_event_not_a_body(organisations):
    assert names(organisations, "They attend the second Regional Winter School in Rabat.") == []


def test_a_public_insurer_is_an_agency():
    from mhkg.loaders.organisations import kind_from_name

    assert kind_from_name("Costa Rican Social Security Fund") == MHKG.GovernmentAgency
    assert kind_from_name("Global Fund to Fight AIDS") != MHKG.GovernmentAgency


def test_a_body_that_signed_a_protocol_is_a_stakeholder(organisations):
    assert names(organisations, "The Zambia Police Service signed the protocol.") != []
