"""Text no careful writer would produce still reads in bounded time, and no rule runs on
into the next name."""

from __future__ import annotations

import time

import pytest

from mhkg.loaders.prose.text import MAX_SENTENCE, sentences

PATHOLOGICAL = {
    # every all-caps word once doubled a name pattern's backtracking: 22 words took 19 s
    "all-caps headline": " ".join(["HEALTH MINISTRY OFFICIALS MEET TO PLAN"] * 5) + " (X)",
    "all-caps paragraph": "IOM AND WHO LAUNCH NEW HEALTH PROGRAMME FOR MIGRANTS " * 40,
    "capitalised words without a stop": "Alpha Beta Gamma " * 1200,
    "initials": "A." * 10000,
    "long article": "The Ministry of Health of Kenya met IOM in Nairobi on 3 May 2024. " * 600,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_odd_text_is_read_in_bounded_time(reading, text: str) -> None:
    started = time.perf_counter()
    doc = reading(text)
    assert time.perf_counter() - started < 5  # seconds; minutes before the fix
    assert all(len(s.sentence.text) <= MAX_SENTENCE for s in doc.sentences)


def test_an_overlong_run_is_cut_at_white_space_with_exact_offsets() -> None:
    text = "word " * 1000
    found = sentences(text, offset=7)
    assert len(found) >= 3
    assert all(text[s.start - 7 : s.end - 7] == s.text for s in found)
    assert all(not s.text.startswith(" ") and not s.text.endswith(" ") for s in found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The Ministry of Health and WHO signed an agreement in Ghana.",
            ["Ministry of Health of Ghana", "World Health Organization"],
        ),
        (
            "The Ministry of Labour of Ghana & IOM held a meeting.",
            ["Ministry of Labour of Ghana", "International Organization for Migration"],
        ),
        (
            "The Ministry of Labour and Social Protection of Kenya met.",
            ["Ministry of Labour and Social Protection of Kenya"],
        ),
    ],
)
def test_a_ministry_name_stops_before_the_next_organisation(organisations, text, names) -> None:
    assert [m.organisation.name for m in organisations(text)] == names
