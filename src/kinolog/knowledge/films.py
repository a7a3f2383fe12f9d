"""Which mentions are the same film, and which film the writing is about."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from anyascii import anyascii

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")


# A label that introduces films for comparison ("Compare: Umberto D. (1952)"), not a title.
_COMPARISON_LABEL = re.compile(
    r"^(?:compare(?: with)?|see also|cf\.?|related|similar films?|also see)\s*:\s*", re.IGNORECASE
)


def strip_label(title: str) -> str:
    """The title without a comparison label that a list line glued to its front."""
    return _COMPARISON_LABEL.sub("", title)


def is_comparison(title: str) -> bool:
    """Whether the title came after a comparison label: a film set beside the subject."""
    return bool(_COMPARISON_LABEL.match(title))


def comparison_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that open with a comparison label; their films are not the
    subject, however often they are named."""
    ranges = []
    position = 0
    for line in text.splitlines(keepends=True):
        if _COMPARISON_LABEL.match(line.lstrip()):
            ranges.append((position, position + len(line)))
        position += len(line)
    return ranges


def title_key(title: str) -> str:
    """Compare titles ignoring case, accents, punctuation and a leading English article."""
    folded = anyascii(title).strip().strip("\"'“”‘’«»")
    folded = _LEADING_ARTICLE.sub("", folded).lower()
    return _NON_WORD.sub(" ", folded).strip()


def film_id(title: str, year: int | None) -> str:
    slug = title_key(title).replace(" ", "-") or "untitled"
    return f"film:{slug}" + (f"-{year}" if year else "")


def choose_subject(
    mentions: Iterable[tuple[str, int] | tuple[str, int, float]], *, explicit: str | None = None
) -> str | None:
    """The subject film's key: given by the caller, else the most weighted title.

    `mentions` are (title key, position[, weight]) pairs; a heading or an introducing sentence
    ("X is a 1954 film") weighs more than a bare repeat, since one headline outranks several
    passing comparisons. Ties go to the title mentioned first: writing names its film early.
    """
    if explicit:
        return title_key(explicit)
    weights: dict[str, float] = {}
    first: dict[str, int] = {}
    for mention in mentions:
        key, position = mention[0], mention[1]
        weight = mention[2] if len(mention) > 2 else 1.0
        weights[key] = weights.get(key, 0.0) + weight
        first[key] = min(first.get(key, position), position)
    # A title with no weight (only ever compared, or only a name's echo) is never the subject.
    weights = {k: w for k, w in weights.items() if w > 0}
    if not weights:
        return None
    return max(weights, key=lambda k: (weights[k], -first[k]))


@dataclass(frozen=True)
class Heading:
    """A film title read from a document's first line, and how sure the reading is."""

    title: str
    year: int | None
    start: int
    end: int
    certain: bool
    """The line carries a film header's marks: a Markdown heading, a rating, or a year or
    original title in parentheses. Otherwise it is only a candidate that prose must repeat."""


_MD_HEADING = re.compile(r"^#\s+")
_RATING = re.compile(r"\s*(?:[★☆½]+|\d(?:\.\d)?\s*/\s*(?:5|10))\s*$")
_PARENTHETICAL = re.compile(r"\s*\(([^()]*)\)\s*$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)


def heading_title(text: str) -> Heading | None:
    """The title a document's first line announces ("TOKYO STORY (Tokyo monogatari, 1953)").

    Cards, reviews and synopses open with the film's name as a header line, which outranks any
    count of mentions: a synopsis may name a compared film more often than its own unquoted
    title. Essay headlines ("Montage and Mutiny: ...") are long or end in sentences, and are
    only candidates unless they carry a header's marks.
    """
    stripped = text.lstrip()
    start = len(text) - len(stripped)
    line = stripped.split("\n", 1)[0].rstrip()
    end = start + len(line)
    certain = False
    if _MD_HEADING.match(line):
        line, certain = _MD_HEADING.sub("", line), True
    if (rating := _RATING.search(line)) and rating.start() > 0:
        line, certain = line[: rating.start()], True
    year = None
    if (paren := _PARENTHETICAL.search(line)) and paren.start() > 0:
        found = _YEAR.search(paren.group(1))
        year = int(found.group(1)) if found else None
        line, certain = line[: paren.start()], True
        if (rating := _RATING.search(line)) and rating.start() > 0:
            line = line[: rating.start()]
    line = line.strip().strip("*_\"'“”«»")
    words = line.split()
    if not words or len(words) > 8 or line[-1] in ".?!;,:" or ":" in line:
        return None
    if not all(w[0].isupper() or w.lower() in _SMALL_WORDS or not w[0].isalpha() for w in words):
        return None
    if line.isupper():
        line = _capitalise(words)
    return Heading(line, year, start, end, certain)


def _capitalise(words: list[str]) -> str:
    """An all-capitals header line in title case, small words lowered after the first."""
    out = []
    for i, word in enumerate(words):
        lower = word.lower()
        out.append(lower if i and lower in _SMALL_WORDS else lower[:1].upper() + lower[1:])
    return " ".join(out)


def count_phrase(text: str, phrase: str) -> int:
    """How often `phrase` occurs in `text` as whole words, ignoring case."""
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)"
    return len(re.findall(pattern, text, re.IGNORECASE))


def best_form(forms: Iterable[str]) -> str:
    """The spelling used most often; ties go to the longest (fullest) form."""
    counts = Counter(forms)
    return max(counts, key=lambda f: (counts[f], len(f)))


_OPENING_CHARS = 300


def opening_year(text: str) -> int | None:
    """The first year in a document's opening lines, where writing dates the film it is about."""
    found = _YEAR.search(text[:_OPENING_CHARS])
    return int(found.group(1)) if found else None
