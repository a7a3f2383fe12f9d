from __future__ import annotations

import pytest

from kinolog.text.hyphenation import is_hyphenated_break, keeps_hyphen, split_words


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("completely anti-", "individualistic and"),
        ("different real-", "life scenarios."),
        ("a well-", "known actor"),
        ("only twenty-", "two when"),
        ("much-", "needed relatable"),
        ("Stalin-", "like beliefs"),
        ("the anti-", "American campaign"),
        ("from 1941-", "1945 the war"),
        ("an X-", "ray of hope"),
    ],
)
def test_hyphenation_real_compounds_keep_their_hyphen(left: str, right: str) -> None:
    assert keeps_hyphen(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("the indivi-", "dual with the whole"),
        ("every-", "one’s story"),
        ("across Mos-", "cow in the"),
        ("the cinemato-", "grapher was"),
        ("directed by Kala-", "tozov and"),
        ("attempt to propa-", "gandize the"),
        ("talk of con-", "scription."),
        ("a soft indi\u00ad", "vidual"),
    ],
)
def test_hyphenation_syllable_breaks_lose_their_hyphen(left: str, right: str) -> None:
    assert not keeps_hyphen(left, right)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("anti-", "individualistic", True),
        ("indivi\u2010", "dual", True),
        ("war -", "and peace", False),
        ("war --", "and peace", False),
        ("anti-", "", False),
        ("anti-", "(individualistic)", False),
        ("anti", "dual", False),
    ],
)
def test_hyphenation_recognises_a_hyphenated_line_end(
    left: str, right: str, expected: bool
) -> None:
    assert is_hyphenated_break(left, right) is expected


def test_hyphenation_split_words_takes_the_letters_around_the_break() -> None:
    assert split_words("the all-for-", "one’s ideal") == ("for", "one")
