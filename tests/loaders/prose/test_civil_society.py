"""Issue 14's rules for bodies the directory does not know and names of odd shapes, on
sentences written for them, with negatives: civil-society bodies the text says are such,
items of a coordinated list looked up one by one, a unit of a known organisation in the
possessive, "An" as a name's first word, names joined by an en dash."""

from __future__ import annotations

import pytest

from mhkg.vocab import MHKG


def found(organisations, text: str, default_country: str | None = "KEN") -> dict:
    return {m.organisation.name: m.organisation for m in organisations(text, default_country)}


@pytest.mark.parametrize(
    "text, name",
    [
        pytest.param(
            "It works with Kindred Hands, a local NGO based in Kisumu.",
            "Kindred Hands",
            id="apposition-ngo",
        ),
        pytest.param(
            "Lakeside Mothers, a community-based organization, ran the clinic.",
            "Lakeside Mothers",
            id="apposition-cbo",
        ),
        pytest.param(
            "Support came from the public foundation Nadezhda.", "Nadezhda", id="descriptor-before"
        ),
        pytest.param(
            "The Fondation Soleil Levant trained volunteers.",
            "Fondation Soleil Levant",
            id="foreign-head",
        ),
        pytest.param(
            "IOM and the Fundación Salud Sin Límites met.",
            "Fundación Salud Sin Límites",
            id="foreign-head-with-small-words",
        ),
        pytest.param(
            "A health fair was held at the Casa del Migrante in Tecún Umán.",
            "Casa del Migrante",
            id="a-shelters-head",
        ),
        pytest.param(
            "Nurses visited the Albergue Jesús el Buen Pastor del Pobre y el Migrante.",
            "Albergue Jesús el Buen Pastor del Pobre y el Migrante",
            id="a-shelters-head-with-el-and-y",
        ),
    ],
)
def test_civil_society_bodies_the_text_says_are_such(organisations, text, name):
    body = found(organisations, text)[name]
    assert (body.kind, body.country) == (MHKG.CivilSocietyOrganisation, None)


def test_a_civil_society_body_is_known_by_its_name_afterwards(organisations):
    text = "The clinic is run by the NGO Nadezhda. Volunteers of Nadezhda met in May."
    assert [m.organisation.name for m in organisations(text)] == ["Nadezhda", "Nadezhda"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The association will meet in June.", id="no-name"),
        pytest.param("In Kisumu, a local NGO ran the clinic.", id="a-place-before-the-apposition"),
        pytest.param("It is a foundation In all but name.", id="a-capitalised-word-is-no-name"),
        pytest.param("Nurses visited a clinic in Casablanca.", id="a-word-that-begins-so"),
    ],
)
def test_no_civil_society_body_without_a_name(organisations, text):
    assert not [m for m in organisations(text) if m.rule == "civil-society"]


def test_each_item_of_a_list_is_looked_up_in_the_directory(organisations):
    text = "Screening is run by the World Health Organization, Friends of Kisumu and World Vision."
    assert "World Vision International" in found(organisations, text)


def test_a_known_name_is_not_cut_into_items(organisations):
    text = "Save the Children and UNICEF met."
    assert set(found(organisations, text)) == {
        "Save the Children International",
        "United Nations Children's Fund",
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("IOM's Regional Office in Nairobi hosted it.", id="iom-office"),
        pytest.param("WHO's Country Office gave advice.", id="who-country-office"),
    ],
)
def test_a_unit_of_a_known_organisation_is_that_organisation(organisations, text):
    names = set(found(organisations, text))
    assert len(names) == 1
    assert not any("Office" in name for name in names)


def test_a_unit_of_an_unknown_owner_stays_a_body(organisations):
    assert "Regional Office" in " ".join(found(organisations, "Lakeside's Regional Office met."))


def test_an_as_the_first_word_of_a_name(organisations):
    text = "It met the An Giang Department of Health. An Agency for Rural Health opened."
    names = set(found(organisations, text))
    assert "An Giang Department of Health" in names
    assert "Agency for Rural Health" in names


def test_names_joined_by_an_en_dash(organisations):
    text = "The Tacna–Arica Border Health Committee met."
    assert "Tacna–Arica Border Health Committee" in found(organisations, text)


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Nursing and Midwifery Council of Ruritania", MHKG.CivilSocietyOrganisation),
        ("Order of Pharmacists", MHKG.CivilSocietyOrganisation),
        ("College of Physicians and Surgeons", MHKG.CivilSocietyOrganisation),
        ("National Population Council", MHKG.GovernmentAgency),
        ("National Steering Council", MHKG.CoordinationBody),
        # not a profession's body: a standing council of the state
        ("Medical Research Council", MHKG.GovernmentAgency),
        ("Foreign Employment Board", MHKG.GovernmentAgency),
        ("District Coordination Council", MHKG.CoordinationBody),
        ("Project Steering Board", MHKG.CoordinationBody),
        # a public body's delegation in a region
        ("Logone Occidental Regional Health Delegation", MHKG.GovernmentAgency),
    ],
)
def test_bodies_of_professions_and_national_councils(name, kind):
    from mhkg.loaders.organisations import kind_from_name

    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    "text, kept",
    [
        pytest.param("It follows the African Union's Migration Policy Framework.", False,
                     id="an-igos-named-policy"),
        pytest.param("It follows the EU's global health strategy.", False, id="lower-case"),
        pytest.param("The African Union and IOM signed it.", True, id="negative-a-participant"),
        pytest.param("It follows the Ministry of Health's national strategy.", True,
                     id="negative-a-national-body"),
    ],
)  # fmt: skip
def test_an_intergovernmental_body_named_for_its_policy_only(organisations, text, kept):
    kinds = {m.organisation.kind for m in organisations(text)}
    assert (MHKG.IntergovernmentalOrganisation in kinds or MHKG.Ministry in kinds) == kept


def test_an_acronym_spelt_by_a_whole_name_with_and_the(organisations):
    text = "It was run by the Economic Commission for Latin America and the Caribbean (ECLAC)."
    (mention,) = organisations(text)
    assert mention.organisation.name == "Economic Commission for Latin America and the Caribbean"


def test_an_acronym_after_a_list_still_names_its_last_item(organisations):
    text = "IOM, the Central Chest Hospital and the National Leprosy Centre (NLC) met."
    names = {m.organisation.name for m in organisations(text)}
    assert "National Leprosy Centre" in names
    assert not any("Hospital and" in name for name in names)


def test_a_country_in_the_possessive_is_no_part_of_the_name(organisations):
    found = {
        m.organisation.name: m.organisation
        for m in organisations("IOM and Ruritania's National Malaria Control Programme met.")
    }
    assert "Ruritania's National Malaria Control Programme" not in found
    text = "IOM and Kenya's National Malaria Control Programme met."
    (body,) = [m.organisation for m in organisations(text) if m.rule == "named-body"]
    assert (body.name, body.country) == ("National Malaria Control Programme", "KEN")
    assert "Kenya's National Malaria Control Programme" in body.aliases


def test_what_a_body_is_of_is_no_adjective(organisations):
    text = "The Technical Working Group of Tajik and Russian specialists met."
    (mention,) = organisations(text)
    assert mention.organisation.name == "Technical Working Group"


def test_no_body_in_a_headline(organisations):
    assert not organisations("Ruritania Puts Migrants at the Centre of Its Fight Against TB")


def test_a_ministry_of_the_federal_government_of_a_country(organisations):
    text = (
        "IOM works with the Ministry of Health and the Ministry of Education, Culture and "
        "Higher Education of the Federal Government of Somalia."
    )
    names = [m.organisation.name for m in organisations(text, "KEN")]
    assert "Ministry of Education, Culture and Higher Education of Somalia" in names
    assert not any(name.startswith("Ministry of Education, Culture of") for name in names)


def test_a_body_named_short_after_its_full_name_is_that_body(organisations):
    text = (
        "The project repairs the Coordinating Centre on Border Health. It will also equip the "
        "Coordinating Centre."
    )
    names = [m.organisation.name for m in organisations(text)]
    assert names == ["Coordinating Centre on Border Health", "Coordinating Centre on Border Health"]


def test_a_shorter_name_that_is_another_body_stays_apart(organisations):
    text = "The Department of Health Promotion met. The Department of Health met."
    names = [m.organisation.name for m in organisations(text)]
    assert names == ["Department of Health Promotion", "Department of Health"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Migration Health Sub-Working Group met.", "Migration Health Sub-Working Group"),
        ("They toured Kisumu University Hospital.", "Kisumu University Hospital"),
    ],
)
def test_heads_of_two_words(organisations, text, name):
    assert name in found(organisations, text)


@pytest.mark.parametrize(
    "text, names",
    [
        pytest.param("The programme is implemented by Project HOPE with a grant from UNICEF.",
                     {"Project HOPE"}, id="implemented-by"),
        pytest.param("Screening is run by WHO, Doctors with Africa CUAMM and World Vision, while "
                     "IOM runs two sites.", {"Doctors with Africa CUAMM"}, id="a-list"),
        pytest.param("The clinic is run by Maria Lopez.", set(), id="negative-a-person"),
        pytest.param("The project is implemented by Kenya.", set(), id="negative-a-country"),
        pytest.param("It is run by IOM and the Ministry of Health in two districts.", set(),
                     id="negative-not-a-name"),
    ],
)  # fmt: skip
def test_names_the_text_says_act_as_organisations(organisations, text, names):
    assert {m.organisation.name for m in organisations(text) if m.rule == "cued"} == names


def test_a_bureau_for_the_diaspora_is_a_body_not_a_group(organisations):
    text = "The Diaspora Relations Bureau (DRB) and the Somali diaspora met."
    kinds = {m.organisation.name: m.organisation.kind for m in organisations(text, "MDA")}
    assert kinds["Diaspora Relations Bureau"] == MHKG.GovernmentAgency
    assert kinds["Somali diaspora"] == MHKG.Group


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param('Two local NGOs, "Mehr Ayol" in Khujand and "Dast" in Bokhtar, refer '
                     "patients.", ["Mehr Ayol", "Dast"], id="quoted-after-a-plural"),
        pytest.param('The public association "Tan Sulu" runs the hotline.', ["Tan Sulu"],
                     id="quoted-after-a-descriptor"),
        pytest.param("The Tashkent NGO “Oila Nuri” trains peers.", ["Oila Nuri"],
                     id="quoted-after-a-place-and-descriptor"),
        pytest.param("It works with the association Medici pentru Sat (Doctors for the Village).",
                     ["Medici pentru Sat"], id="glossed-in-brackets"),
        pytest.param("The Group for Returned Families (GRF), a Honduran NGO, monitors the border.",
                     ["Group for Returned Families"], id="apposition-after-an-acronym"),
        pytest.param("Mothers of Sinjar, a Yazidi-led organization, refers survivors.",
                     ["Mothers of Sinjar"], id="led-by"),
    ],
)  # fmt: skip
def test_civil_society_bodies_quoted_glossed_or_told_by_who_leads_them(organisations, text, names):
    bodies = found(organisations, text)
    for name in names:
        assert (bodies[name].kind, bodies[name].country) == (MHKG.CivilSocietyOrganisation, None)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('The NGOs said: "We need more funds for the clinic."', id="a-quote"),
        pytest.param('Two NGOs, "the best partners we have", refer patients.', id="lower-case"),
        pytest.param('The association "Ministry of Hope Office" met.', id="a-public-body's-words"),
    ],
)
def test_no_quoted_or_glossed_civil_society_body_where_none_is_named(organisations, text):
    assert not [m for m in organisations(text) if m.rule == "civil-society"]


def test_an_acronym_in_brackets_is_no_gloss(organisations):
    found = [m.organisation.name for m in organisations("The NGO Bright Future (BF) ran it.")]
    assert found == ["Bright Future"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("The shelters Casa de la Esperanza y el Camino and Hogar San José took in "
                     "families.", ["Casa de la Esperanza y el Camino", "Hogar San José"],
                     id="spanish-names"),
        pytest.param("The local associations Nadezhda, Zabota and Svet run groups.",
                     ["Nadezhda", "Zabota", "Svet"], id="three"),
    ],
)  # fmt: skip
def test_civil_society_bodies_listed_after_the_plural_of_what_they_are(organisations, text, names):
    bodies = found(organisations, text)
    for name in names:
        assert bodies[name].kind == MHKG.CivilSocietyOrganisation


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The NGOs in Kisumu and Busia met.", id="places-after-a-preposition"),
        pytest.param("The shelters and the Ministry met.", id="no-names"),
    ],
)
def test_no_listed_civil_society_body_where_none_is_named(organisations, text):
    assert not [m for m in organisations(text) if m.rule == "civil-society"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a company by its name's form, counted with civil society
        ("Samples are tested by Okada Diagnostics Ltd in Benin City.", "Okada Diagnostics Ltd",
         MHKG.CivilSocietyOrganisation),
        # a state's company, by its head
        ("The ports are run by the Port Health Authority Ltd.", "Port Health Authority Ltd",
         MHKG.GovernmentAgency),
    ],
)  # fmt: skip
def test_a_company_by_its_names_form(organisations, text, name, kind):
    kinds = {m.organisation.name: m.organisation.kind for m in organisations(text, "NGA")}
    assert any(n.startswith(name) and k == kind for n, k in kinds.items()), kinds


def test_limited_in_running_text_is_no_company(organisations):
    assert not organisations("Time is Limited for migrants at the crossing.", "NGA")
