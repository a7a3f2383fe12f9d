"""Text helpers the lexicon components share: paragraphs, phrase tables, blocked tokens.

Motifs, themes and plot all match general vocabulary and must skip the same places: words
inside film titles and named entities, idioms, and capitalised words mid-sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from kinolog.engine.extensions import facts_of, span_group

OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "—", "–", "-", ":", "«"})

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_NEWLINE = re.compile(r"\n")


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin, so repetition can be judged across paragraphs.

    Blank lines separate paragraphs when the text has any; otherwise line breaks do (the
    cleaner unwraps hard-wrapped paragraphs onto one line each).
    """
    pattern = _BLANK_LINE if _BLANK_LINE.search(text) else _NEWLINE
    return [0, *(m.end() for m in pattern.finditer(text))]


def paragraph_of(starts: list[int], offset: int) -> int:
    """Index of the paragraph holding `offset`, given `paragraph_starts(text)`."""
    return bisect_right(starts, offset) - 1


class PhraseTable:
    """Lexicon phrases compiled once into matchers, keyed by the name each phrase stands for.

    Phrases are written as lemmas, space-separated. Plain phrases go to a `PhraseMatcher` on
    LEMMA (one hash look-up per token, whatever the lexicon's size); only phrases with `*`
    (one optional word), `a|b` (alternatives) or `=word` (the exact lower-case form, for
    words whose lemma misleads: "ruins", "ashes") need the token `Matcher`. A Doc without
    lemmas (a model-free pipeline) is matched on the plain phrases' lower-case forms only.
    """

    def __init__(self, vocab: Vocab, entries: Iterable[tuple[str, str]]) -> None:
        self.lemmas = PhraseMatcher(vocab, attr="LEMMA")
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.patterns = Matcher(vocab)
        plain: dict[str, list[Doc]] = defaultdict(list)
        special: dict[str, list[list[dict[str, object]]]] = defaultdict(list)
        for key, phrase in entries:
            words = phrase.split()
            if any(w == "*" or "|" in w or w.startswith("=") for w in words):
                special[key].append([token_pattern(w) for w in words])
            else:
                plain[key].append(Doc(vocab, words=words, lemmas=words))
        for key, docs in plain.items():
            self.lemmas.add(key, docs)
            self.lower.add(key, docs)
        for key, patterns in special.items():
            self.patterns.add(key, patterns)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        if not doc.has_annotation("LEMMA"):
            found = self.lower(doc)
        elif len(self.patterns):
            found = [*self.lemmas(doc), *self.patterns(doc)]
        else:
            found = self.lemmas(doc)
        return [(strings[key], start, end) for key, start, end in found]


def token_pattern(word: str) -> dict[str, object]:
    if word == "*":
        return {"OP": "?"}
    if word.startswith("="):
        return {"LOWER": word[1:]}
    options = word.split("|")
    return {"LEMMA": {"IN": options}} if len(options) > 1 else {"LEMMA": word}


def capitalised_mid_sentence(token: Token) -> bool:
    """A capital inside a sentence marks a title or a name, never a common image."""
    if not token.text[:1].isupper() or token.i == 0 or token.is_sent_start:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_space or before.text in OPENERS or before.text in {".", "!", "?"})


def title_tokens(doc: Doc) -> set[int]:
    """Tokens inside film titles found by earlier layers: titles are not images."""
    spans: list[tuple[int, int]] = [
        (s.start_char, s.end_char) for s in doc.spans.get(span_group("films"), [])
    ]
    for fact in facts_of(doc, "film"):
        title = fact.slots.get("title")
        if title is not None:
            spans.append((title.start, title.end))
    blocked: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    return blocked


def blocked_tokens(
    doc: Doc,
    idioms: Callable[[Doc], Iterable[tuple[object, int, int]]],
    blocking_ents: frozenset[str],
) -> set[int]:
    """Tokens no lexicon cue may use: film titles, entities of `blocking_ents`, idioms."""
    blocked = title_tokens(doc)
    for ent in doc.ents:
        if ent.label_ in blocking_ents:
            blocked.update(range(ent.start, ent.end))
    for _, start, end in idioms(doc):
        blocked.update(range(start, end))
    return blocked
