"""A post in apposition ends where the text goes on to what the person is doing ("a mechanic
travelling with his wife", "a retired teacher now staying with relatives"), as it ends at a
comma or a relative clause; a mechanic's is a post."""

from __future__ import annotations

import pytest

from mhkg.loaders.prose import people


def _posts(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.post) for m in people.find(text)]


@pytest.mark.parametrize(
    ("text", "post"),
    [
        pytest.param('"We slept on buses," said Wilmer Rondón, a mechanic travelling with his '
                     "wife.", "mechanic", id="participle"),
        pytest.param('"We left," said Lusine Avanesyan, 58, a retired teacher now staying with '
                     "relatives in Goris.", "retired teacher", id="now-participle"),
        pytest.param('"We came," said Ana Lima, a nurse currently serving in Goris.', "nurse",
                     id="currently"),
    ],
)  # fmt: skip
def test_a_post_ends_before_what_the_person_is_doing(text, post):
    (found,) = _posts(text)
    assert found[1] == post


@pytest.mark.parametrize(
    ("text", "post"),
    [
        # a word in "-ing" inside the post is no participle after it
        pytest.param('"We came," said Ana Lima, a nurse training officer.',
                     "nurse training officer", id="training-in-the-post"),
        # no post: what follows is neither a stop nor what she is doing
        pytest.param('"We came," said Ana Lima, a nurse and mother of three.', "",
                     id="no-end"),
    ],
)  # fmt: skip
def test_a_post_does_not_end_at_any_word(text, post):
    (found,) = _posts(text)
    assert found[1] == post
