"""Round 5's people rules, on sentences written for them: a post told in an appositive noun
phrase beside a name (after it, after "said NAME,", after "According to NAME,", or before it
in the possessive), read on tokens around a post's head word; the body it is "at", "with",
"of" or "for", or whose possessive it follows; a person told only by what they do ("who
heads IOM's office"); and negatives: an appositive that is a place or a thing, a relative
clause about something else, a non-person."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people

PLACES = {"Beira", "Nampula", "Tete", "Lakeside", "Lakeside Province", "Kisumu", "Mwanza"}


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.name, m.post, m.organisation_text) for m in people.find(text, PLACES.__contains__)]


@pytest.mark.parametrize(
    "text, person",
    [
        pytest.param(
            "Amara Osei, a nurse at the Riverside Health Centre, said the queue was shorter.",
            ("Amara Osei", "nurse", "Riverside Health Centre"),
            id="a-post-at-a-body",
        ),
        pytest.param(
            "“We come back every month,” said Tomas Ferreira, a community health officer.",
            ("Tomas Ferreira", "community health officer", None),
            id="said-name-a-post-and-no-body",
        ),
        pytest.param(
            "“Nobody waits alone,” said Leila Haddad, a counsellor who runs the night shift.",
            ("Leila Haddad", "counsellor", None),
            id="the-post-stops-at-a-relative-clause",
        ),
        pytest.param(
            "Sofia Marques, an interpreter with Caminho Aberto who came from Angola, helped.",
            ("Sofia Marques", "interpreter", "Caminho Aberto"),
            id="a-post-with-a-body-then-who",
        ),
        pytest.param(
            "Ibrahim Sow, the Agency's district delegate for Kisumu, opened the day.",
            ("Ibrahim Sow", "district delegate for Kisumu", "Agency"),
            id="a-possessive-body-and-a-place-kept-in-the-post",
        ),
        pytest.param(
            "According to Hana Novak, UNICEF's field coordinator in Mwanza, the stock ran out.",
            ("Hana Novak", "field coordinator in Mwanza", "UNICEF"),
            id="according-to-name-a-possessive-post",
        ),
        pytest.param(
            "“It is one journey,” said Paulo Simbine, IOM's regional adviser for EMPOWER.",
            ("Paulo Simbine", "regional adviser for EMPOWER", "IOM"),
            id="a-programme-kept-in-the-post",
        ),
        pytest.param(
            "Rui Costa, head of nutrition for the directorate, said stocks would last.",
            ("Rui Costa", "head of nutrition", "Directorate"),
            id="for-the-body-named-before",
        ),
        pytest.param(
            "Grace Wanjiru, a psychologist in the Kisumu mobile team, met the families.",
            ("Grace Wanjiru", "psychologist", None),
            id="in-the-team-is-not-kept",
        ),
    ],
)  # fmt: skip
def test_posts_after_the_name(text, person):
    assert person in found(text)


@pytest.mark.parametrize(
    "text, person",
    [
        pytest.param(
            "Opening the meeting, the bureau's Deputy-Director, Dr. Lena Brandt, said it works.",
            ("Lena Brandt", "Deputy-Director", "Bureau"),
            id="the-bodys-post-before-the-name",
        ),
        pytest.param(
            "Lakeside Province's chief TB officer, Peter Otieno, said follow-up was hard.",
            ("Peter Otieno", "chief TB officer", None),
            id="a-places-post-has-no-body",
        ),
        pytest.param(
            "The Red Cross's lead nurse, Anna Berg, said the tents were full.",
            ("Anna Berg", "lead nurse", "The Red Cross"),
            id="a-bodys-lead-nurse",
        ),
    ],
)  # fmt: skip
def test_posts_before_the_name(text, person):
    assert any(p[:2] == person[:2] and (p[2] or None) in (person[2], "Red Cross")
               for p in found(text))  # fmt: skip


@pytest.mark.parametrize(
    "text, person",
    [
        pytest.param(
            "Omar Dabo, who heads UNHCR's office in Tete, said the road is open.",
            ("Omar Dabo", "", "UNHCR"),
            id="who-heads-a-bodys-office",
        ),
        pytest.param(
            "“We test every sample,” said Dr. Noor Aziz, who manages the NTP's laboratories.",
            ("Noor Aziz", "", "NTP"),
            id="who-manages-a-bodys-unit",
        ),
        pytest.param(
            "Chiara Rossi, who coordinates the volunteers of the ASL in Beira, said so.",
            ("Chiara Rossi", "", "ASL"),
            id="who-coordinates-the-people-of-a-body-in-a-place",
        ),
        pytest.param(
            "Ahmed Farah, who works for Save the Children, said the camp had grown.",
            ("Ahmed Farah", "", "Save the Children"),
            id="who-works-for-a-body",
        ),
    ],
)  # fmt: skip
def test_people_told_by_what_they_do(text, person):
    assert person in found(text)


def test_a_quoted_writer_is_a_person():
    assert ("Mariam Yusuf", "", None) in found(
        "Mariam Yusuf, who arrived in Nampula in 2020, wrote a line on the board."
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Montepuez, a town in Cabo Delgado, hosted the team.", id="a-town"),
        pytest.param("Port Sudan, the country's main port, reopened.", id="a-port"),
        pytest.param("Mae Sot Hospital, a partner of the project, gave rooms.", id="a-body"),
        pytest.param("Cabo Verde, which leads the group, said nothing.", id="which-not-who"),
        pytest.param("Beira, Nampula and Tete were visited.", id="a-list-of-places"),
        pytest.param("Maria Lopes, who came from Beira, said it helped.", id="who-came"),
        pytest.param(
            "Samuel Tembo, a father of three who crossed last year, said it helped.",
            id="a-description-not-a-post",
        ),
    ],
)  # fmt: skip
def test_no_post_where_none_is_told(text):
    assert all(post == "" and body is None for _, post, body in found(text))


def test_a_place_in_the_appositive_is_not_a_body():
    assert ("Joana Mussa", "nurse", None) in found(
        "Joana Mussa, a nurse at Beira, said the boat came late."
    )


def test_long_text_is_read_in_bounded_time():
    text = "Ana Lima, a " + "very " * 5000 + "nurse, said it. " + "A, " * 5000
    assert [p for p in found(text) if p[1]] == []


@pytest.mark.parametrize(
    "text, person",
    [
        pytest.param(
            "Jonas Berg, a paediatric nurse working at the Hilltop Clinic, said it helped.",
            ("Jonas Berg", "paediatric nurse", "Hilltop Clinic"),
            id="a-participle-before-the-body",
        ),
        pytest.param(
            "Jonas Berg, 52, a midwife from Doctors of the World, said it helped.",
            ("Jonas Berg", "midwife", "Doctors of the World"),
            id="an-age-then-a-post-from-a-body",
        ),
        pytest.param(
            "Jonas Berg, a 29-year-old pharmacist, said it helped.",
            ("Jonas Berg", "pharmacist", None),
            id="an-age-in-the-post-is-not-the-post",
        ),
        pytest.param(
            "Jonas Berg, a field officer with WFP in Kisumu, said it helped.",
            ("Jonas Berg", "field officer", "WFP"),
            id="an-acronyms-place-is-not-in-the-post",
        ),
        pytest.param(
            "Jonas Berg, programme assistant at the Lakeside Women's Union (LWU), said so.",
            ("Jonas Berg", "programme assistant", "Lakeside Women's Union"),
            id="a-body-with-its-acronym",
        ),
        pytest.param(
            "Jonas Berg, a community health worker, said it helped.",
            ("Jonas Berg", "community health worker", None),
            id="a-two-word-head",
        ),
        pytest.param(
            "Jonas Berg, the Ministry of Labour's focal point for migration, said it helped.",
            ("Jonas Berg", "focal point for migration", "Ministry of Labour"),
            id="a-long-possessive-and-a-lower-case-field",
        ),
        pytest.param(
            "Jonas Berg, head of UNFPA's youth unit, said it helped.",
            ("Jonas Berg", "head of UNFPA's youth unit", "UNFPA"),
            id="a-possessive-inside-the-post",
        ),
        pytest.param(
            "Jonas Berg, who works as an interpreter for the Red Cross, said it helped.",
            ("Jonas Berg", "interpreter", "Red Cross"),
            id="who-works-as-a-post",
        ),
        pytest.param(
            "Jonas Berg is a surveillance officer at the Port Health Office.",
            ("Jonas Berg", "surveillance officer", "Port Health Office"),
            id="name-is-a-post",
        ),
    ],
)  # fmt: skip
def test_more_appositive_shapes(text, person):
    assert person in found(text)


@pytest.mark.parametrize(
    "text, person",
    [
        pytest.param(
            "The day was opened by WHO's country representative Mei Chen.",
            ("Mei Chen", "country representative", "WHO"),
            id="a-bodys-post-then-the-name-without-a-comma",
        ),
        pytest.param(
            "The head of the UNHCR field office in Kisumu, Mei Chen, said it helped.",
            ("Mei Chen", "head of the UNHCR field office in Kisumu", "UNHCR"),
            id="a-post-of-a-bodys-office-before-the-name",
        ),
    ],
)  # fmt: skip
def test_more_posts_before_the_name(text, person):
    assert person in found(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The trainees thanked nurse Mei Chen for the day.", id="no-body-no-comma"),
        pytest.param("Mei Chen is the first nurse to work here.", id="is-the-first"),
        pytest.param("Mei Chen is from Kisumu and said it helped.", id="is-from-a-place"),
    ],
)  # fmt: skip
def test_no_post_without_a_clear_shape(text):
    assert all(post == "" for _, post, _ in found(text))
