"""Which mentions are the same film, and which film the writing is about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from anyascii import anyascii

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def title_key(title: str) -> str:
    """Compare titles ignoring case, accents, punctuation and a leading English article."""
    folded = anyascii(title).strip().strip("\"'“”‘’«»")
    folded = _LEADING_ARTICLE.sub("", folded).lower()
    return _NON_WORD.sub(" ", folded).strip()


def film_id(title: str, year: int | None) -> str:
    slug = title_key(title).replace(" ", "-") or "untitled"
    return f"film:{slug}" + (f"-{year}" if year else "")


def choose_subject(
    mentions: Iterable[tuple[str, int]], *, explicit: str | None = None
) -> str | None:
    """The subject film's key: given by the caller, else the most mentioned title.

    `mentions` are (title key, position) pairs; ties go to the title mentioned first, since
    writing about a film names it early.
    """
    if explicit:
        return title_key(explicit)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for key, position in mentions:
        counts[key] += 1
        first.setdefault(key, position)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def best_form(forms: Iterable[str]) -> str:
    """The spelling used most often; ties go to the longest (fullest) form."""
    counts = Counter(forms)
    return max(counts, key=lambda f: (counts[f], len(f)))
