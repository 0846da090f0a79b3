"""Where a name ends and what it lists: a ministry's portfolios listed to their last one,
however many words it has; a unit named up to its owner's possessive; bodies distributed
over a list of countries after a plural head in "-ies"; no project title that ends in an
owner's possessive; and a signing as an event."""

from __future__ import annotations

import pytest

from .conftest import events_by_label as _events


def _names(organisations, text: str) -> list[str]:
    return [m.organisation.name for m in organisations(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "IOM implements it with the Ministry of Social Affairs, Veterans and Youth "
            "Rehabilitation.",
            "Ministry of Social Affairs, Veterans and Youth Rehabilitation", id="people-in-list"),
        pytest.param(
            "IOM works with the Ministry of Labour, Immigration and Population.",
            "Ministry of Labour, Immigration and Population", id="one-word-items"),
    ],
)  # fmt: skip
def test_a_ministrys_listed_portfolios_run_to_the_last(organisations, text, name):
    assert name in _names(organisations, text)


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        # a body after a listed ministry is still its own
        pytest.param(
            "The Ministry of Health, Labour and Welfare and UNICEF met in Tokyo.",
            ["Ministry of Health, Labour and Welfare of Japan", "United Nations Children's Fund"],
            id="known-body-after"),
        # no list before "and": the body after it is its own
        pytest.param(
            "The Ministry of Health and Kenya Red Cross Society met in Nairobi.",
            ["Ministry of Health of Kenya"], id="no-list"),
    ],
)  # fmt: skip
def test_a_body_after_a_ministry_is_not_a_portfolio(organisations, text, bodies):
    assert _names(organisations, text)[: len(bodies)] == bodies


def test_a_unit_ends_before_its_owners_possessive(organisations):
    names = _names(
        organisations,
        "The course was run by the Bureau of Vector Borne Diseases of Thailand's Department "
        "of Disease Control.",
    )
    assert names == ["Bureau of Vector Borne Diseases", "Department of Disease Control"]


@pytest.mark.parametrize(
    "name",
    ["Office of Women's Affairs", "National Council of Women's Organizations"],
)
def test_a_peoples_possessive_stays_in_the_name(organisations, name):
    assert _names(organisations, f"The {name} met in Accra.") == [name]


def test_bodies_over_a_list_after_a_plural_in_ies(organisations):
    found = organisations(
        "The Embassies of India, Bangladesh and the Philippines recorded short videos."
    )
    assert [(m.organisation.name, m.organisation.country) for m in found] == [
        ("Embassy of India", "IND"),
        ("Embassy of Bangladesh", "BGD"),
        ("Embassy of the Philippines", "PHL"),
    ]


def test_one_body_of_a_plural_place_is_no_list(organisations):
    # (one embassy: the place after "of" is a single country)
    assert _names(organisations, "The Embassy of India in Kuwait recorded a video.") == [
        "Embassy of India"
    ]


def test_no_project_title_ends_in_an_owners_possessive(reading):
    doc = reading(
        "The testing days were funded by the Government of Canada under IOM's project \"Salud "
        'para Caminantes" (Health for Walkers).'
    )
    assert [p.title for s in doc.sentences for p in s.projects] == ["Salud para Caminantes"]


def test_a_signing_is_an_event(described):
    g, _ = described(
        "Manila, Philippines – The signing of the memorandum took place at the ministry in "
        "Manila on 26 June 2023."
    )
    assert _events(g) == {"signing": ("2023-06-26", "Manila")}


def test_a_signing_planned_is_no_event(described):
    g, _ = described(
        "Manila, Philippines – The signing of the memorandum will take place in Manila on "
        "26 June 2023."
    )
    assert not _events(g)
