"""Words hyphenated across a line end: "indivi-" + "dual" is one word, "real-" + "life" two.

Typesetting breaks long words at syllables and also breaks real compounds after their
hyphen, and the two look identical once the line is gone. English word frequencies decide:
if the closed-up word is common ("individual", "everyone", "Moscow") the hyphen was the
typesetter's and goes; if it is rare while both halves are ordinary words ("real-life",
"anti-individualistic", "well-known", "twenty-two") the hyphen is the author's and stays.
Names and rare words whose halves are not words ("Kala-" + "tozov") are syllable breaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

KIND = "dehyphenation"

HYPHENS = "-\u2010\u00ad"
SOFT_HYPHEN = "\u00ad"

COMMON_WORD = 3.0
"""Zipf frequency (log10 per billion words) above which a closed-up word is taken as real."""

KNOWN_WORD = 2.5
"""Zipf frequency above which each half of a compound counts as a word of its own."""

_LEFT = re.compile(r"[^\W\d_]+$")
_RIGHT = re.compile(r"^[^\W\d_]+")


def is_hyphenated_break(left: str, right: str) -> bool:
    """`left` ends in a hyphen glued to its last word and `right` starts with that word's rest."""
    return (
        len(left) >= 2
        and left[-1] in HYPHENS
        and left[-2].isalnum()
        and bool(right)
        and right[0].isalnum()
    )


def split_words(left: str, right: str) -> tuple[str, str]:
    """The letters before the line-end hyphen and the letters after the break ('' if none)."""
    before = _LEFT.search(left[:-1])
    after = _RIGHT.match(right)
    return (before.group() if before else "", after.group() if after else "")


def keeps_hyphen(left: str, right: str) -> bool:
    """Whether the hyphen ending `left` belongs to the word (a compound) rather than the break."""
    if left[-1] == SOFT_HYPHEN:
        return False
    head, tail = split_words(left, right)
    if not head or not tail or not right[0].isalpha():
        return True  # numbers and ranges: "1941-" + "1945"
    if tail[0].isupper():
        return True  # a compound with a name: "anti-" + "American"
    if _zipf((head + tail).lower()) >= COMMON_WORD:
        return False
    return _zipf(head.lower()) >= KNOWN_WORD and _zipf(tail.lower()) >= KNOWN_WORD


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loads the word list on first use only

    return zipf_frequency(word, "en")
