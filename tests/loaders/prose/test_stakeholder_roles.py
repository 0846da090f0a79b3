"""Stakeholders' roles, a twelfth round: a donor's support paid through its department, and a
cue's preposition said again before the next body of its list (every sentence here is
written for the tests, with negatives)."""

from __future__ import annotations

import pytest


def role_of(organisations, text: str, name: str) -> list[str]:
    return [m.role for m in organisations(text) if m.organisation.name == name]


# --- a donor's support through its department -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The clinic runs thanks to the support of the Government of Norway through the "
            "Norwegian Agency for Development Cooperation.",
            "Norwegian Agency for Development Cooperation",
            "funder",
            id="support-through-its-agency",
        ),
        pytest.param(
            "Nurses were trained with the support of the Government of Canada through Global "
            "Affairs Canada.",
            "Global Affairs Canada",
            "funder",
            id="with-support-through",
        ),
        pytest.param(
            "The clinic runs thanks to the support of the Government of Norway, while the "
            "Norwegian Agency for Development Cooperation reviewed the plans.",
            "Norwegian Agency for Development Cooperation",
            "partner",
            id="no-channel-no-funder",
        ),
        pytest.param(
            "The Ministry of Health trained the nurses through the Norwegian Agency for "
            "Development Cooperation.",
            "Norwegian Agency for Development Cooperation",
            "partner",
            id="through-after-an-uncued-body",
        ),
    ],
)
def test_support_through_a_channel(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]


def test_the_publishers_support_through_its_office_stays_its_own(organisations):
    text = "The clinic opened with the support of IOM through its country office in Nairobi."
    assert "funder" not in role_of(organisations, text, "International Organization for Migration")


# --- the cue's preposition said again in a list --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        pytest.param(
            "The response is financed by the Central Emergency Response Fund and by the "
            "Government of Norway.",
            "Government of Norway",
            "funder",
            id="and-by",
        ),
        pytest.param(
            "The centre received funding from the European Union and from the Government of Japan.",
            "Government of Japan",
            "funder",
            id="and-from",
        ),
        pytest.param(
            "The response is financed by the Central Emergency Response Fund and was reviewed "
            "by the Government of Norway.",
            "Government of Norway",
            "partner",
            id="another-verb-between",
        ),
        pytest.param(
            "The response is financed by the Central Emergency Response Fund, and staff were "
            "lent by the Government of Norway.",
            "Government of Norway",
            "partner",
            id="by-of-another-verb",
        ),
    ],
)
def test_a_cue_said_again_in_a_list(organisations, text, name, role):
    assert role_of(organisations, text, name) == [role]
