"""Projects: quoted titles, "the X project", "the X Initiative", the reported one, continuity."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import projects
from mhkg.loaders.prose.text import sentences


@pytest.mark.parametrize(
    ("sentence", "titles", "rule"),
    [
        pytest.param(
            'IOM launched the project "Healthy Borders, Safe Journeys" in 2022.',
            ["Healthy Borders, Safe Journeys"],
            "quoted-title",
            id="project-then-quote",
        ),
        pytest.param(
            "The \u201cCare Without Borders\u201d project trained nurses.",
            ["Care Without Borders"],
            "quoted-title",
            id="curly-quote-then-project",
        ),
        pytest.param(
            "Within the programme \u00abSant\u00e9 Mobile\u00bb, clinics opened.",
            ["Sant\u00e9 Mobile"],
            "quoted-title",
            id="guillemets",
        ),
        pytest.param(
            "Under the Sahel Health project, clinics opened.",
            ["Sahel Health"],
            "named-project",
            id="named-lower-case-project",
        ),
        pytest.param(
            "The Mobile Clinics Initiative reached 4,000 migrants.",
            ["Mobile Clinics Initiative"],
            "named-project",
            id="initiative",
        ),
        pytest.param(
            "Results of the Cross-Border Care Programme were shared.",
            ["Cross-Border Care Programme"],
            "named-project",
            id="programme",
        ),
    ],
)
def test_project_mentions(sentence, titles, rule):
    found = projects.find(sentence)
    assert [(m.title, m.rule) for m in found] == [(t, rule) for t in titles]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("The project aims to improve access to care.", id="generic-project"),
        pytest.param("The Project Steering Committee met in Goma.", id="project-in-body-name"),
        pytest.param('Nurses said "we need more staff" at the clinic.', id="quote-without-project"),
        pytest.param("Several projects in the region share data.", id="plural"),
    ],
)
def test_no_project(sentence):
    assert projects.find(sentence) == []


def reported(text: str) -> str | None:
    return projects.reported([m for s in sentences(text) for m in projects.find(s.text)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Partners of the Safe Return project met. The \u201cMobile Care\u201d project "
            "expanded. The Mobile Care project will end in 2026.",
            "Mobile Care",
            id="most-mentioned",
        ),
        pytest.param(
            "The Safe Return project met. The Mobile Care project expanded.",
            "Safe Return",
            id="tie-first-named",
        ),
        pytest.param("No project is named here at all.", None, id="none"),
    ],
)
def test_the_reported_project(text, expected):
    assert reported(text) == expected


@pytest.mark.parametrize(
    ("sentence", "continuity"),
    [
        pytest.param(
            "The project builds on the results of the Safe Return project.", True, id="builds-on"
        ),
        pytest.param("This is a follow-up to the Healthy Returns Programme.", True, id="follow-up"),
        pytest.param("It is the second phase of the Mobile Care project.", True, id="second-phase"),
        pytest.param(
            "Lessons learned from the Sahel Health project were applied.", True, id="lessons"
        ),
        pytest.param(
            "The Sahel Health project and the Mobile Care project share a budget.",
            False,
            id="related-only",
        ),
        pytest.param("Staff of the Mobile Care project visited Goma.", False, id="no-cue"),
    ],
)
def test_continuity_cues(sentence, continuity):
    assert projects.speaks_of_continuity(sentence) is continuity
