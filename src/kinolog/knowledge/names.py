"""Name normalisation and transliteration-aware matching.

Writing about films from other scripts spells one name many ways: Cyrillic й, ы and ь come out
as y, i or j, ё as yo, io or e, х as kh, h or ch, and German-style transliteration writes w for
в and tsch for ч. Comparing folded text would count "Solonitsyn" and "Solonitsin" as two men,
so names are compared by a rule-based phonetic key that erases exactly those differences, with
a narrow edit-distance fallback for long names (a vowel slip inside "Mikhalkav"). The key must
not erase differences that name different people: a final -a (Ivanov / Ivanova, Mario /
Maria) is a different gender form, and a changed consonant (Nina / Dina) a different name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from kinolog.engine.lexicons import load_json

_APOSTROPHES = "'’ʼ`´‘"
_POSSESSIVE = re.compile(rf"(?:[{_APOSTROPHES}]s|(?<=s)[{_APOSTROPHES}])$", re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9\s]+")
_SPACES = re.compile(r"\s+")
_VOWELS = frozenset("aeiou")
# Latin letters with a háček or an acute stand for two-letter English transliterations
# (Šostakovič = Shostakovich); anyascii alone would drop the mark and keep one letter.
_DIGRAPHS = str.maketrans({"č": "ch", "Č": "Ch", "š": "sh", "Š": "Sh", "ž": "zh", "Ž": "Zh"})
# Ordered rewrites from spelling to sound; each line erases one transliteration difference.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"tsch", "ch"),  # German ч
        (r"tch", "ch"),  # French/English ч
        (r"sch", "sh"),  # German ш
        (r"shch", "sh"),  # щ written as ш + ч
        (r"ph", "f"),
        (r"ck", "k"),
        (r"ks", "x"),  # Aleksey / Alexei
        (r"[kc]h", "h"),  # х as kh, ch or h: Mikhail / Michail
        (r"w", "v"),  # Weisman / Vaysman
        (r"tz", "ts"),
        (r"[yj]", "i"),  # й, ы, ь: Solonitsyn / Solonitsin, Sergej / Sergey
        (r"^ie", "e"),  # initial е: Yevgeny / Evgeny
        (r"(?<=[^aeiou])io(?=[^aeiou])", "e"),  # ё: Pyotr / Petr, Semyon / Semen
        (r"ei", "ai"),  # German ei sounds ai: Weisman / Vaysman
        (r"ou", "o"),  # Japanese long o: Toshirou / Toshiro
        (r"oh(?=[^aeiou]|$)", "o"),  # Japanese long o: Ohno / Ono
        (r"(.)\1+", r"\1"),  # doubled letters and -skii / -sky
    )
)
_EO = re.compile(r"(?<=[^aeiou])eo(?=[^aeiou])")
_PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna|ovitch|evitch|itch)$")
_PARTICLES = frozenset(load_json("names.json")["particles"])
_TITLES = frozenset(load_json("names.json")["titles"])
_FUZZY_MIN_LENGTH = 7


def fold(name: str) -> str:
    """Lowercase ASCII with possessives and punctuation gone: the exact-lookup key of a name."""
    text = _POSSESSIVE.sub("", name.strip())
    text = anyascii(text.translate(_DIGRAPHS)).lower()
    text = re.sub(rf"[{_APOSTROPHES}]", "", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def clean_name(name: str) -> str:
    """The name without a possessive, leading lowercase words ("the famous") or titles ("Mr.")."""
    text = _POSSESSIVE.sub("", _SPACES.sub(" ", name.strip()).strip(" ,.;:"))
    words = text.split(" ")
    while len(words) > 1 and (words[0][:1].islower() or words[0].rstrip(".").lower() in _TITLES):
        if words[0].lower() in _PARTICLES and words[1][:1].isupper():
            break
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=8192)
def token_key(token: str) -> str:
    """The phonetic key of one folded name token."""
    key = token
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    if len(key) >= _FUZZY_MIN_LENGTH - 1:
        key = _EO.sub("e", key)  # ё as eo in longer names: Feodor; not Leon / Len
    return key


def name_key(name: str) -> str:
    """The phonetic key of a whole name: transliteration variants share it."""
    return " ".join(token_key(t) for t in fold(name).split())


def is_patronymic(token: str) -> bool:
    """Russian-style middle names (Petrovich, Nikolaevna) mark a first name + patronymic form."""
    folded = fold(token)
    return len(folded) > 5 and _PATRONYMIC.search(folded) is not None


def _gender_pair(a: str, b: str) -> bool:
    """Keys differing only in a final feminine -a (Ivanov/Ivanova) or vowel (Mario/Maria)."""
    short, long_ = sorted((a, b), key=len)
    if long_ == f"{short}a" or long_ == f"{short}ia":
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} <= _VOWELS


def _close_keys(a: str, b: str) -> bool:
    """A single vowel slip inside a long name (Mikhalkov / Mikhalkav, Aleksandr / Alexander)."""
    if min(len(a), len(b)) < _FUZZY_MIN_LENGTH or a[0] != b[0] or _gender_pair(a, b):
        return False
    ops = Levenshtein.editops(a, b)
    if len(ops) != 1:
        return False
    op = ops[0]
    changed = []
    if op.tag != "insert":  # a letter of `a` replaced or deleted
        changed.append((a, op.src_pos))
    if op.tag != "delete":  # a letter of `b` replacing or inserted
        changed.append((b, op.dest_pos))
    return all(pos < len(word) - 1 and word[pos] in _VOWELS for word, pos in changed)


def same_token(a: str, b: str) -> bool:
    """Two folded tokens spell one name; a one-letter token matches as an initial."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    ka, kb = token_key(a), token_key(b)
    return ka == kb or _close_keys(ka, kb)


def _tokens(name: str) -> list[str]:
    return fold(clean_name(name)).split()


def same_name(a: str, b: str) -> bool:
    """Same person's name in two spellings (any transliteration, either word order)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or len(ta) != len(tb):
        return False
    if all(same_token(x, y) for x, y in zip(ta, tb, strict=True)):
        return True
    return len(ta) == 2 and same_token(ta[0], tb[1]) and same_token(ta[1], tb[0])


def name_similarity(a: str, b: str) -> float:
    """A 0..1 score for ranking look-alike names; different gender forms score low on purpose."""
    if same_name(a, b):
        return 1.0
    ka, kb = name_key(clean_name(a)), name_key(clean_name(b))
    if not ka or not kb:
        return 0.0
    score = min(ratio(ka, kb) / 100.0, 0.95)
    pairs = zip(ka.split(), kb.split(), strict=False)
    if any(x != y and _gender_pair(x, y) for x, y in pairs):
        score = min(score, 0.5)
    return score


def is_alias(short: str, full: str) -> bool:
    """`short` can stand for `full`: its surname, first name, first name + patronymic, initials.

    A form with as many words as `full` is an alias only when it abbreviates a word to an
    initial; otherwise compare with `same_name`.
    """
    s, f = _tokens(short), _tokens(full)
    if s and len(s) == len(f) and s != f and any(len(t) == 1 for t in s):
        return all(same_token(x, y) for x, y in zip(s, f, strict=True))  # "A. Tarkovsky"
    if not s or len(s) >= len(f):
        return False
    if len(s) == 1:
        surname = f[-1]
        if same_token(s[0], surname) and not is_patronymic(surname) and len(s[0]) > 1:
            return True
        return same_token(s[0], f[0]) and len(s[0]) > 1
    if all(same_token(x, y) for x, y in zip(s, f[: len(s)], strict=False)):
        return True  # first name + patronymic, or a name missing its last part
    if all(same_token(x, y) for x, y in zip(s, f[-len(s) :], strict=False)):
        return all(t in _PARTICLES or t == f[-1] for t in f[-len(s) :]) or len(s) == 2
    return len(s) == 2 and same_token(s[0], f[0]) and same_token(s[1], f[-1])
