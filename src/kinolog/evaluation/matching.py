"""Lenient name and title matching: accents, case, transliteration, ranks, articles."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz

from kinolog.core.model import Report
from kinolog.evaluation.gold import GoldFilm

log = logging.getLogger(__name__)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ARTICLES = frozenset(
    {"the", "a", "an", "il", "la", "le", "les", "lo", "l", "gli", "el", "der", "die"}
)
_RANKS = _words(
    "captain capt major lieutenant lt colonel col corporal cpl sergeant sgt commander general "
    "professor prof doctor dr mr mrs miss ms madame mme signor signora monsieur sir lady lord "
    "private officer chief"
)
_COMPANY_WORDS = _words(
    "bros brothers inc ltd co corp corporation company pictures picture studio studios "
    "productions production film films the"
)
_PARTICLES = ("de", "da", "di", "del", "della", "du", "van", "von", "der", "le", "la", "d'", "d’")
# Spelling differences between romanisations, applied in order to each word of a name.
_TRANSLIT_RULES = "tch>ch kh>h ks>x ph>f w>v j>y iy>i yi>i ii>i ey>ei y>i ou>o oh>o"
_TRANSLIT = [rule.split(">") for rule in _TRANSLIT_RULES.split()]

Analyze = Callable[[list[Path]], Report]


# --------------------------------------------------------------------------- name matching


def fold(text: str) -> str:
    """Accents, case and punctuation away: 'Toshirô' and "d'Amico" compare as plain words."""
    text = anyascii(text).lower().replace("&", " and ")
    text = re.sub(r"['`’ʼ]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def title_key(title: str) -> str:
    """A film title without case, accents, punctuation or a leading article."""
    words = fold(title).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _translit(token: str) -> str:
    for old, new in _TRANSLIT:
        token = token.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", token)


def _tokens(name: str, kind: str) -> list[str]:
    words = fold(name).split()
    if kind == "company":
        kept = [w for w in words if w not in _COMPANY_WORDS]
    elif kind == "character":
        kept = words[1:] if len(words) > 1 and words[0] in _ARTICLES else words
        kept = [w for w in kept if w not in _RANKS]
    else:
        kept = [w for w in words if len(w) > 1]
    return [_translit(w) for w in (kept or words)]


def _token_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if min(len(a), len(b)) < 4:
        return 0.0
    score = fuzz.ratio(a, b)
    return score if score >= 90 else 0.0


def _full_similarity(a: list[str], b: list[str]) -> float:
    """Mean token similarity when the names have the same words, in order or reversed."""
    if len(a) != len(b):
        return 0.0
    best = 0.0
    for other in (b, b[::-1]):
        scores = [_token_similarity(x, y) for x, y in zip(a, other, strict=True)]
        if all(scores):
            best = max(best, sum(scores) / len(scores))
    return best


def _partial(a: list[str], b: list[str]) -> bool:
    """True when every word of the shorter name matches a distinct word of the longer one."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == len(long) or len(a) > len(b) + 1:
        # A prediction may be shorter than the annotated name, or add one word to it
        # ('Kambei Shimada' for 'Kambei'), but a longer string is a bad extraction.
        return False
    free = list(long)
    for word in short:
        hit = next((w for w in free if _token_similarity(word, w)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _is_proper(name: str) -> bool:
    """Proper names ('Kambei Shimada') may be shortened; descriptions ('the woodcutter') may not."""
    words = [w for w in name.split() if w.lower() not in _ARTICLES]
    return bool(words) and all(
        w[:1].isupper() or w.lower() in _PARTICLES or w.lower().startswith(("d'", "d’"))
        for w in words
    )


class Resolver:
    """Maps a predicted name onto one annotated entity of a document, or onto nothing.

    An exact or transliteration-tolerant full match wins; failing that, a shortened name
    ('Kurosawa', 'Kambei Shimada' for 'Kambei') matches only if exactly one entity fits it.
    """

    def __init__(self, entries: Iterable[tuple[str, Sequence[str]]], kind: str) -> None:
        self.kind = kind
        self._forms: list[tuple[str, str, list[str]]] = []
        for canonical, forms in entries:
            for form in dict.fromkeys((canonical, *forms)):
                self._forms.append((canonical, form, _tokens(form, kind)))

    def resolve(self, name: str) -> str | None:
        if not name or not name.strip():
            return None
        tokens = _tokens(name, self.kind)
        best: tuple[float, str] | None = None
        for canonical, _form, form_tokens in self._forms:
            score = _full_similarity(tokens, form_tokens)
            if score and (best is None or score > best[0]):
                best = (score, canonical)
        if best is not None:
            return best[1]
        partial = {
            canonical
            for canonical, form, form_tokens in self._forms
            if _is_proper(form) and _partial(tokens, form_tokens)
        }
        return partial.pop() if len(partial) == 1 else None


class TitleResolver:
    """Film titles match on `title_key` of the title or any annotated alternative title."""

    def __init__(self, films: Iterable[GoldFilm]) -> None:
        self._keys: dict[str, str] = {}
        for film in films:
            for form in (film.title, *film.aliases):
                self._keys.setdefault(title_key(form), film.title)

    def resolve(self, title: str) -> str | None:
        return self._keys.get(title_key(title or ""))
