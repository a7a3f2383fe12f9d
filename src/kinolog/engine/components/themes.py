"""Themes: what a piece of film writing is about, with every cue that says so.

Each theme (war, grief and loss, love, betrayal … forty of them, `lexicons/themes.json`) has
lemma cues, words and phrases ("grief", "mourn", "loved one", "the greater good"). Every cue
occurrence is a fact quoting its sentence, so a reader can see why a theme was proposed; the
theme's strength is computed later from all its facts by `theme_scores`, because a single
mention of "love" in a long essay is not a theme, while the same word in every paragraph is.

Cues inside film titles ("War and Peace"), named people and idioms ("human nature",
"for the first time", "I hope") are not counted; a longer cue wins over a cue it contains
("loved one" is grief, not love).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._lexical import (
    PhraseTable,
    blocked_tokens,
    capitalised_mid_sentence,
    paragraph_of,
    paragraph_starts,
)
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.themes.v1",
    factory="kinolog_themes",
    order=80,
    description="Themes (war, grief, love, betrayal …) with one fact per cue occurrence.",
    needs_model=True,
)

# Names and titles are not cues; events ("World War II") and groups ("the Bolsheviks") may be.
BLOCKING_ENTS = frozenset({"PERSON", "WORK_OF_ART", "ORG", "PRODUCT", "FAC"})
# A capitalised cue mid-sentence is a title word unless it is part of these entities.
CAPITALISED_OK_ENTS = frozenset({"EVENT", "NORP", "DATE", "LAW"})

DENSITY_SCALE = 6.0
"""Cues per thousand words at which a theme's frequency part reaches 1 - 1/e (about 0.63)."""
MIN_WORDS = 150
"""Word count floor, so one cue in a two-line log line does not read as a dominant theme."""


def theme_scores(facts: Iterable[Fact], words: int) -> dict[str, float]:
    """Each theme's strength in [0, 1) from its cue facts and the document's word count.

    Frequency is normalised per thousand words with diminishing returns
    (`1 - exp(-density / DENSITY_SCALE)`), so the tenth mention adds less than the second.
    Spread across paragraphs weighs in as `1 - 0.5 ** paragraphs`: a theme confined to one
    paragraph keeps at most three quarters of its frequency score, one present in four or
    more keeps nearly all of it. Facts without a `paragraph` attribute count as paragraph 0.
    """
    counts: dict[str, int] = defaultdict(int)
    paragraphs: dict[str, set[object]] = defaultdict(set)
    for fact in facts:
        if fact.kind != "theme":
            continue
        name = str(fact.attrs.get("name"))
        counts[name] += 1
        paragraphs[name].add(fact.attrs.get("paragraph", 0))
    scale = 1000.0 / max(words, MIN_WORDS)
    scores = {}
    for name, count in counts.items():
        frequency = 1.0 - math.exp(-count * scale / DENSITY_SCALE)
        spread = 1.0 - 0.5 ** len(paragraphs[name])
        scores[name] = round(frequency * (0.5 + 0.5 * spread), 3)
    return dict(sorted(scores.items(), key=lambda item: (-item[1], item[0])))


class ThemeMatcher(FactComponent):
    """One `theme` fact per cue occurrence, the cue as the `mention` slot."""

    spec = SPEC
    layer = "themes"
    main_slot = "mention"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        data = load_json("themes.json")
        self.themes = tuple(data["themes"])
        self.cues = PhraseTable(
            nlp.vocab, ((theme, cue) for theme, cues in data["themes"].items() for cue in cues)
        )
        self.idioms = PhraseTable(nlp.vocab, (("idiom", idiom) for idiom in data["idioms"]))

    def match(self, doc: Doc) -> list[Fact]:
        blocked = self.blocked_tokens(doc)
        found: dict[tuple[int, int, str], tuple[int, int]] = {}
        for theme, start, end in self.cues(doc):
            if any(i in blocked or self.title_word(doc[i]) for i in range(start, end)):
                continue
            found.setdefault((start, end, theme), (start, end))
        kept = self.longest(found)
        starts = paragraph_starts(doc.text)
        facts = []
        for start, end, theme in kept:
            mention = doc[start:end]
            facts.append(
                self.fact(
                    "theme",
                    mention._.kinolog_sentence,
                    {"mention": mention},
                    name=theme,
                    paragraph=paragraph_of(starts, mention.start_char),
                )
            )
        return facts

    def blocked_tokens(self, doc: Doc) -> set[int]:
        return blocked_tokens(doc, self.idioms, BLOCKING_ENTS)

    @staticmethod
    def title_word(token: Token) -> bool:
        return capitalised_mid_sentence(token) and token.ent_type_ not in CAPITALISED_OK_ENTS

    @staticmethod
    def longest(found: dict[tuple[int, int, str], tuple[int, int]]) -> list[tuple[int, int, str]]:
        """Drop cues inside a longer cue ("love" in "loved one"), in document order."""
        spans = sorted(found, key=lambda k: (k[0], -(k[1] - k[0])))
        kept: list[tuple[int, int, str]] = []
        for start, end, theme in spans:
            inside = any(
                s <= start and end <= e and (e - s) > (end - start) for s, e, _ in kept[-8:]
            )
            if not inside:
                kept.append((start, end, theme))
        return kept


@Language.factory(
    SPEC.factory,
    requires=["token.lemma", "doc.ents"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
)
def make_theme_matcher(nlp: Language, name: str) -> ThemeMatcher:
    return ThemeMatcher(nlp, name)
