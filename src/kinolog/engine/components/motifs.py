"""Motifs: the recurring images and objects a piece of film writing dwells on.

Two sources, because writers name images in two ways. A curated lexicon of general film
imagery (flowers, stairs, trains, mirrors, rain …; `lexicons/motifs.json`) is matched by lemma,
together with colours on the things they colour ("a white dress" is the colour white and the
dress). And whatever concrete noun the document itself keeps returning to (three mentions in
two paragraphs or more) is a motif of that document, category "recurring", even when no list
foresaw it.

Precision comes from what is *not* counted: words inside film titles ("The Piano" is a film,
not an instrument), inside named entities, idioms ("on the other hand", "in light of",
"plays a key role"), words capitalised mid-sentence, and abstract or film-criticism nouns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._lexical import (
    PhraseTable,
    blocked_tokens,
    capitalised_mid_sentence,
    paragraph_of,
    paragraph_starts,
)
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json, load_lines
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.motifs.v1",
    factory="kinolog_motifs",
    order=70,
    description="Recurring images and objects (lexicon, colours, the document's own repeats).",
    needs_model=True,
)

RECURRING = "recurring"
COLOUR = "colour"

# Entities whose words are names, not images ("the Black Sea", "Red Square", "Mirror").
BLOCKING_ENTS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
)
# Abstract nouns announce themselves by suffix; a stoplist cannot list them all.
ABSTRACT_SUFFIXES = (
    "ness", "ity", "tion", "sion", "ment", "ism", "ance", "ence", "ship", "hood", "dom",
    "acy", "ist", "ian", "ics", "ogy", "phy", "ude", "ery", "ing",
)  # fmt: skip
# Agent nouns name people ("manager", "sailor", "actress"), not things.
AGENT_SUFFIXES = ("er", "or", "ess", "ant", "ent")
CONCRETE_EXCEPTIONS = frozenset(load_lines("motif_concrete_exceptions.txt"))
# Words before a bare colour that make it a colour of clothing or paint ("dressed in white").
BARE_COLOUR_BEFORE = frozenset(
    {"in", "wear", "wears", "wore", "worn", "wearing", "dressed", "clad", "painted", "colour",
     "color", "all"}
)  # fmt: skip
BARE_COLOUR_HEADS = frozenset({"wear", "dress", "paint", "clothe", "colour", "color"})


def is_abstract(lemma: str) -> bool:
    """Abstract by its suffix ("kindness", "ending"), unless a known concrete exception."""
    return lemma not in CONCRETE_EXCEPTIONS and lemma.endswith(ABSTRACT_SUFFIXES)


def is_agent(lemma: str) -> bool:
    """A person by its suffix ("sailor", "waitress"), unless a known concrete exception."""
    return lemma not in CONCRETE_EXCEPTIONS and lemma.endswith(AGENT_SUFFIXES)


class MotifMatcher(FactComponent):
    """Lexicon motifs, colour phrases and the document's own recurring concrete nouns."""

    spec = SPEC
    layer = "motifs"
    main_slot = "mention"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        min_count: int = 3,
        min_paragraphs: int = 2,
        recurring: bool = True,
    ) -> None:
        super().__init__(nlp, name)
        self.min_count = min_count
        self.min_paragraphs = min_paragraphs
        self.recurring = recurring
        data = load_json("motifs.json")
        self.categories: dict[str, str] = {k: v["category"] for k, v in data["motifs"].items()}
        entries = [(m, p) for m, e in data["motifs"].items() for p in e["patterns"]]
        self.lexicon = PhraseTable(nlp.vocab, entries)
        self.lexicon_lemmas = frozenset(p.split()[-1].lstrip("=") for _, p in entries)
        self.colour_forms = {
            form: colour for colour, forms in data["colours"].items() for form in forms
        }
        self.idioms = PhraseTable(nlp.vocab, (("idiom", i) for i in data["idioms"]))
        self.person_nouns = frozenset(load_lines("motif_person_nouns.txt"))
        self.nonmotif_nouns = frozenset(load_lines("motif_nonmotif_nouns.txt"))

    def match(self, doc: Doc) -> list[Fact]:
        if not doc.has_annotation("POS"):
            return []  # every motif rule reads parts of speech: no tagger, no motifs
        blocked = self.blocked_tokens(doc)
        starts = paragraph_starts(doc.text)
        found: dict[tuple[int, int, str], Fact] = {}
        mentions = [*self.lexicon_mentions(doc, blocked), *self.colour_mentions(doc, blocked)]
        if self.recurring:
            mentions.extend(self.recurring_mentions(doc, blocked, starts))
        widest: dict[str, list[Span]] = defaultdict(list)
        for name, _, span in mentions:
            widest[name].append(span)
        for name, category, span in mentions:
            key = (span.start_char, span.end_char, name)
            inside = any(
                o.start <= span.start and span.end <= o.end and len(o) > len(span)
                for o in widest[name]
            )
            if key not in found and not inside:
                found[key] = self.fact(
                    "motif",
                    span._.kinolog_sentence,
                    {"mention": span},
                    name=name,
                    category=category,
                    paragraph=paragraph_of(starts, span.start_char),
                )
        return sorted(found.values(), key=lambda f: (f.slots["mention"].start, f.attrs["name"]))

    def blocked_tokens(self, doc: Doc) -> set[int]:
        """Tokens that may not be motifs: titles, named entities and idioms."""
        return blocked_tokens(doc, self.idioms, BLOCKING_ENTS)

    def usable(self, token: Token, blocked: set[int]) -> bool:
        return token.i not in blocked and not capitalised_mid_sentence(token)

    def lexicon_mentions(self, doc: Doc, blocked: set[int]) -> Iterable[tuple[str, str, Span]]:
        """Lexicon phrases whose last word is a noun ("she dresses", "a key scene" are not)."""
        for motif, start, end in self.lexicon(doc):
            if doc[end - 1].pos_ != "NOUN":
                continue
            if all(self.usable(doc[i], blocked) for i in range(start, end)):
                yield motif, self.categories[motif], doc[start:end]

    def colour_mentions(self, doc: Doc, blocked: set[int]) -> Iterable[tuple[str, str, Span]]:
        """Colours on things ("a red scarf") and worn colours ("dressed in black")."""
        for token in doc:
            colour = self.colour_forms.get(token.lower_)
            if colour is None or token.pos_ not in {"ADJ", "NOUN"}:
                continue
            if not self.usable(token, blocked):
                continue
            noun = self.coloured_noun(token)
            if noun is not None:
                if noun.i in blocked or not self.concrete(noun.lemma_.lower()):
                    continue
                yield colour, COLOUR, doc[token.i : noun.i + 1]
            elif self.worn_colour(token):
                yield colour, COLOUR, doc[token.i : token.i + 1]

    def coloured_noun(self, token: Token) -> Token | None:
        """The noun a colour modifies, following coordination ("red and white roses")."""
        modifier = token
        while modifier.dep_ == "conj" and modifier.head.pos_ == "ADJ":
            modifier = modifier.head
        noun = modifier.head
        if modifier.dep_ not in {"amod", "compound", "nmod"} or noun.pos_ != "NOUN":
            return None
        if not 0 < noun.i - token.i <= 4:
            return None
        return noun

    def worn_colour(self, token: Token) -> bool:
        before = token.doc[token.i - 1].lower_ if token.i else ""
        return before in BARE_COLOUR_BEFORE or token.head.lemma_ in BARE_COLOUR_HEADS

    def concrete(self, lemma: str) -> bool:
        return not (
            lemma in self.person_nouns or lemma in self.nonmotif_nouns or is_abstract(lemma)
        )

    def recurring_mentions(
        self, doc: Doc, blocked: set[int], starts: list[int]
    ) -> Iterable[tuple[str, str, Span]]:
        """Concrete nouns outside the lexicon that the document keeps returning to."""
        by_lemma: dict[str, list[Token]] = defaultdict(list)
        for token in doc:
            if token.pos_ != "NOUN" or not token.is_alpha or len(token) < 3:
                continue
            lemma = token.lemma_.lower()
            if lemma in self.lexicon_lemmas or is_agent(lemma) or not self.concrete(lemma):
                continue
            if self.usable(token, blocked):
                by_lemma[lemma].append(token)
        for lemma, tokens in by_lemma.items():
            if len(tokens) < self.min_count:
                continue
            paragraphs = {paragraph_of(starts, t.idx) for t in tokens}
            if len(paragraphs) < self.min_paragraphs:
                continue
            for token in tokens:
                yield lemma, RECURRING, doc[token.i : token.i + 1]


@Language.factory(
    SPEC.factory,
    # token.pos comes from the tagger's tags (mapped by the attribute ruler).
    requires=["token.lemma", "token.tag", "token.dep", "doc.ents"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={"min_count": 3, "min_paragraphs": 2, "recurring": True},
)
def make_motif_matcher(
    nlp: Language, name: str, min_count: int, min_paragraphs: int, recurring: bool
) -> MotifMatcher:
    return MotifMatcher(
        nlp, name, min_count=min_count, min_paragraphs=min_paragraphs, recurring=recurring
    )
