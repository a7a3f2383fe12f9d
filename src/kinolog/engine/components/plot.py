"""Plot beats: the sentences that tell what happens in the story, in order.

A plot statement is an event verb (dies, marries, leaves, returns, kills, meets, joins,
volunteers, is killed, finds …; `lexicons/plot.json`) whose subject or object is a character.
Writing about the film ("the film shows", "the director uses", "symbolises", an actor's
career) is analysis, not plot, and vetoes the sentence.

Synopses tell the story with pronouns ("she leaves him at the station"), essays rarely do
outside a retelling. So the anchor a beat needs depends on its paragraph: in a narrative
paragraph (most sentences are events about someone, few are analysis) a pronoun or "the two"
is enough; elsewhere only a name is. Names are the trained model's PERSON entities, the
`mention` facts of `kinolog.names.v1` when present, and proper nouns in a subject or object
position (the model often types unfamiliar names as places or organisations). Whether a name
is a character or a real person is decided later by the knowledge layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._lexical import paragraph_of, paragraph_starts, title_tokens
from kinolog.engine.extensions import facts_of, span_group
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json, load_lines
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.plot.v1",
    factory="kinolog_plot",
    order=90,
    description="Plot beats: sentences stating story events about characters, in order.",
    needs_model=True,
)

MODES = ("auto", "synopsis", "essay")
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RELATIVES = frozenset({"who", "whom", "that", "which"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "oprd"})
# Nominals an argument brings along: "Ricci and Bruno", "Ricci's son", "Bruno, his son", and
# the name the parser hangs on a mis-tagged verb ("Durga dances, catches a fever").
EXPANDED = frozenset({"conj", "poss", "appos", "compound"})
# Entity types a proper-noun argument may carry and still be a character's name: the small
# model often types unfamiliar names as places or organisations ("Zampanò", "Kikuchiyo").
NAME_LIKE_ENTS = frozenset({"", "PERSON", "ORG", "PRODUCT", "GPE"})
# With "the", only an untyped or PERSON proper noun is a character ("the Professor"), not
# "the Germans" or "the Academy".
DEFINITE_NAME_ENTS = frozenset({"", "PERSON"})
RARE_WORD_ZIPF = 3.5
"""Below this word frequency (Zipf scale, wordfreq) a capitalised word opening a sentence
is taken for a name: "Antoine" is 3.4, "Workers" 5.0."""
# Facts whose slot names a real person (a credit, a role, an actor) rather than a character.
PEOPLE_SLOTS = (("credit", "person"), ("role", "person"), ("cast", "actor"))
NARRATIVE_SHARE = 0.5
"""Share of a paragraph's sentences that must be anchored events for it to be narrative."""
ANALYSIS_SHARE = 0.25
"""Most share of a narrative paragraph's sentences that may be analysis."""
TRADE_WEIGHT = 0.5
"""A sentence with film-trade words counts as half an analysis sentence in that share."""


@dataclass
class Sentence:
    """What the parse says about one sentence, before its paragraph is judged."""

    span: Span
    paragraph: int
    names: list[Span] = field(default_factory=list)
    named_event: bool = False
    """An event verb with a character's name as subject or object: plot anywhere."""
    anchored_event: bool = False
    """Any event-like verb about a name, pronoun or person: plot in narrative paragraphs."""
    analysis: bool = False
    """Writing about the film ("symbolises", "the film shows", "we see"): never a beat."""
    trade: bool = False
    """Film-trade words (career, role, festival): a beat only in a narrative paragraph."""
    question: bool = False


class PlotBeats(FactComponent):
    """One `plot` fact per beat sentence; character slots are all names in the sentence."""

    spec = SPEC
    layer = "plot"

    def __init__(self, nlp: Language, name: str, *, mode: str = "auto") -> None:
        super().__init__(nlp, name)
        if mode not in MODES:
            raise ValueError(f"kinolog_plot mode must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        data = load_json("plot.json")
        self.event_verbs = frozenset(data["event_verbs"])
        self.non_event_verbs = frozenset(data["non_event_verbs"])
        self.viewer_words = frozenset(data["viewer_words"])
        self.analysis = LemmaSet(data["analysis"])
        self.trade = LemmaSet(data["analysis_weak"])
        self.analysis_subjects = frozenset(data["analysis_subjects"])
        self.analysis_verbs = frozenset(data["analysis_verbs"])
        self.analysis_passives = frozenset(data["analysis_passives"])
        self.group_subjects = frozenset(data["group_subjects"])
        self.person_nouns = frozenset(load_lines("motif_person_nouns.txt"))

    def match(self, doc: Doc) -> list[Fact]:
        sentences = self.read_sentences(doc)
        narrative = self.narrative_paragraphs(sentences)
        facts = []
        for sentence in sentences:
            if sentence.analysis or sentence.question:
                continue
            in_narrative = sentence.paragraph in narrative
            if sentence.trade and not in_narrative:
                continue
            beat = sentence.named_event or (sentence.anchored_event and in_narrative)
            if not beat:
                continue
            slots = {f"character_{i}": name for i, name in enumerate(sentence.names, start=1)}
            facts.append(self.fact("plot", sentence.span, slots, order=len(facts) + 1))
        return facts

    def set_annotations(self, doc: Doc, facts: list[Fact]) -> None:
        """Facts as usual, and the beat sentences as the `kinolog_plot` span group."""
        super().set_annotations(doc, facts)
        spans = [doc.char_span(*f.span, label="plot", alignment_mode="expand") for f in facts]
        group = span_group(self.layer)
        doc.spans[group] = [*doc.spans.get(group, []), *(s for s in spans if s is not None)]

    def narrative_paragraphs(self, sentences: list[Sentence]) -> set[int]:
        """Paragraphs that tell the story, where a pronoun may carry a beat.

        Most sentences must be events about someone and few may be analysis. A paragraph of
        one or two sentences must also name a character: a log line ("a young soldier … his
        girlfriend") tells no particular story.
        """
        if self.mode == "synopsis":
            return {s.paragraph for s in sentences}
        if self.mode == "essay":
            return set()
        totals: dict[int, list[float]] = {}
        for s in sentences:
            counts = totals.setdefault(s.paragraph, [0.0, 0.0, 0.0, 0.0])
            counts[0] += 1
            counts[1] += s.anchored_event and not s.analysis
            counts[2] += 1.0 if s.analysis else TRADE_WEIGHT if s.trade else 0.0
            counts[3] += s.named_event and not s.analysis
        return {
            p
            for p, (n, events, analysis, named) in totals.items()
            if (named or n >= 3)
            and events >= NARRATIVE_SHARE * n
            and analysis <= ANALYSIS_SHARE * n
        }

    def read_sentences(self, doc: Doc) -> list[Sentence]:
        starts = paragraph_starts(doc.text)
        titles = title_tokens(doc)
        known = self.known_names(doc, titles)
        people = known_people(doc)
        sentences = []
        for span in pieces(doc):
            if sum(t.is_alpha for t in span) < 3:
                continue
            sentence = Sentence(span, paragraph_of(starts, span.start_char))
            sentence.question = span[-1].text == "?"
            sentence.analysis = any(self.analysis_token(t) for t in span)
            sentence.trade = any(t in self.trade for t in span)
            names = {i: known[i] for i in range(span.start, span.end) if i in known}
            for token in span:
                if not verb_like(token) or token.lemma_ in self.non_event_verbs:
                    continue
                for arg, core in arguments(token):
                    if arg.lower_ in self.viewer_words:
                        sentence.analysis = True
                    if arg.i in titles or not span.start <= arg.i < span.end:
                        continue
                    if arg.i in names or (core and self.proper_name(arg)):
                        name = names.setdefault(arg.i, proper_span(arg))
                        if name.text.lower() not in people and arg.lower_ not in people:
                            sentence.anchored_event = True
                            sentence.named_event |= token.lemma_ in self.event_verbs
                    elif self.group_anchor(arg):
                        sentence.anchored_event = True
            sentence.names = unique_names(names.values())
            sentences.append(sentence)
        return sentences

    def known_names(self, doc: Doc, titles: set[int]) -> dict[int, Span]:
        """Token index → name span, from PERSON entities and earlier `mention` facts."""
        spans = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        for fact in facts_of(doc, "mention"):
            slot = fact.slots.get("name")
            span = slot and doc.char_span(slot.start, slot.end, alignment_mode="expand")
            if span:
                spans.append(span)
        known: dict[int, Span] = {}
        for span in spans:
            if not span.text[:1].isupper() or any(i in titles for i in range(span.start, span.end)):
                continue
            for i in range(span.start, span.end):
                known.setdefault(i, span)
        return known

    def analysis_token(self, token: Token) -> bool:
        if token in self.analysis:
            return True
        lemma = token.lemma_.lower()
        if lemma not in self.analysis_verbs or token.pos_ != "VERB":
            return False
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        passive = lemma in self.analysis_passives and any(
            c.dep_ == "auxpass" for c in token.children
        )
        return passive or any(s.lemma_.lower() in self.analysis_subjects for s in subjects)

    @staticmethod
    def proper_name(token: Token) -> bool:
        if not token.is_alpha or not token.text[:1].isupper() or token.is_upper:
            return False
        if token.pos_ == "NOUN":
            return mistagged_name(token)
        if token.pos_ != "PROPN":
            return False
        if any(c.lower_ == "the" for c in token.children):
            return token.ent_type_ in DEFINITE_NAME_ENTS
        if token.ent_type_ == "GPE":
            # Places are where characters go ("reaches America"), and a known place may act
            # ("Moscow finds itself at war"); a rare word typed as a place and acting is
            # more often a mistyped name ("Zampanò buys …").
            return token.dep_ in SUBJECTS and rare_word(token.lower_)
        return token.ent_type_ in NAME_LIKE_ENTS

    def group_anchor(self, token: Token) -> bool:
        """A pronoun, a person noun ("a young thief", "her husband") or "the two"."""
        if token.pos_ == "PRON":
            return token.lower_ in PRONOUNS
        if token.lemma_.lower() in self.person_nouns:
            return True
        return token.lower_ in self.group_subjects and any(
            c.lower_ == "the" for c in token.children
        )


class LemmaSet:
    """Lemmas, each optionally restricted to one part of speech ("film/NOUN")."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.any: set[str] = set()
        self.tagged: set[tuple[str, str]] = set()
        for entry in entries:
            lemma, _, pos = entry.partition("/")
            if pos:
                self.tagged.add((lemma, pos))
            else:
                self.any.add(lemma)

    def __contains__(self, token: object) -> bool:
        if not isinstance(token, Token):
            return False
        lemma = token.lemma_.lower()
        return lemma in self.any or (lemma, token.pos_) in self.tagged


def verb_like(token: Token) -> bool:
    """A verb, or one the tagger took for a plural noun ("Ricci volunteers to …")."""
    if token.pos_ == "VERB":
        # A bare verb heading its sentence is an instruction ("join the club"), not news.
        imperative = token.tag_ == "VB" and token.dep_ == "ROOT"
        return not imperative or any(c.dep_ in SUBJECTS for c in token.children)
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and token.tag_ == "NNS"


def mistagged_name(token: Token) -> bool:
    """A capitalised word the tagger took for a common noun ("Antoine runs away").

    Mid-sentence, a capital says name. At a sentence start it says nothing, so the word must
    be uninflected (the lemma is the word itself, unlike "Workers") and rare as an English
    word.
    """
    if token.ent_type_ not in NAME_LIKE_ENTS:
        return False
    if not token.is_sent_start:
        return True
    return token.lemma_.lower() == token.lower_ and rare_word(token.lower_)


def rare_word(lower: str) -> bool:
    return zipf_frequency(lower, "en") < RARE_WORD_ZIPF


def known_people(doc: Doc) -> set[str]:
    """Lower-cased names (and surnames) that earlier layers typed as real people."""
    names: list[str] = []
    for kind, slot in PEOPLE_SLOTS:
        names.extend(f.slot_text(slot) or "" for f in facts_of(doc, kind))
    names.extend(
        f.slot_text("name") or ""
        for f in facts_of(doc, "mention")
        if f.attrs.get("type") == "person"
    )
    people: set[str] = set()
    for name in filter(None, names):
        people.add(name.lower())
        people.add(name.split()[-1].lower())
    return people


def arguments(verb: Token) -> list[tuple[Token, bool]]:
    """Subjects and objects of a verb, with coordinated and possessing nominals.

    Each comes with whether it is a core argument (subject, object, passive agent) rather
    than a prepositional one ("into the Zone"), where an unknown proper noun is more likely
    a place than a person. A verb without its own subject ("… and leaves", "decides to
    leave") takes the subject of the verb it is coordinated with or complements. The parser
    sometimes makes a name the compound of a mis-tagged verb ("Ricci volunteers"); that name
    counts as the subject.
    """
    direct: list[tuple[Token, bool]] = []
    for child in verb.children:
        if child.dep_ in ARGUMENTS:
            direct.append((child, True))
        elif child.dep_ in {"agent", "prep"}:
            core = child.dep_ == "agent"
            direct.extend((g, core) for g in child.children if g.dep_ == "pobj")
        elif child.dep_ == "compound" and verb.pos_ == "NOUN":
            direct.append((child, True))
    if not any(t.dep_ in SUBJECTS for t, _ in direct):
        head, hops = verb, 0
        while head.dep_ in {"conj", "xcomp", "advcl", "acomp"} and hops < 3:
            head, hops = head.head, hops + 1
            inherited = [(c, True) for c in head.children if c.dep_ in SUBJECTS]
            if inherited:
                direct.extend(inherited)
                break
    if verb.dep_ == "relcl":
        # "the Fool, who mocks Zampanò": the relative pronoun stands for the noun it follows.
        direct = [(verb.head if t.lower_ in RELATIVES else t, core) for t, core in direct]
    found: list[tuple[Token, bool]] = []
    stack = list(direct)
    while stack:
        token, core = stack.pop()
        found.append((token, core))
        stack.extend((c, core) for c in token.children if c.dep_ in EXPANDED)
    return found


def proper_span(token: Token) -> Span:
    """A proper noun with its compound parts ("Antonio Ricci")."""
    start = token.i
    while start > 0 and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].is_alpha:
        start -= 1
    if token.ent_type_:
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    return token.doc[start : token.i + 1]


def unique_names(spans: Iterable[Span]) -> list[Span]:
    """Each name once, by its first occurrence in the sentence."""
    seen: dict[str, Span] = {}
    for span in sorted(set(spans), key=lambda s: s.start):
        seen.setdefault(span.text, span)
    return list(seen.values())


def pieces(doc: Doc) -> list[Span]:
    """Sentences, cut again at line breaks and stripped of whitespace tokens.

    The parser may run a heading or a card field into the next paragraph's first sentence;
    a line break in cleaned text always ends a sentence.
    """
    found: list[Span] = []
    sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sentences:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                found.extend(trim(doc, start, token.i))
                start = token.i + 1
        found.extend(trim(doc, start, sent.end))
    return found


def trim(doc: Doc, start: int, end: int) -> list[Span]:
    """`doc[start:end]` without surrounding whitespace tokens; empty if nothing is left."""
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return [doc[start:end]] if end > start else []


@Language.factory(
    SPEC.factory,
    # token.pos comes from the tagger's tags (mapped by the attribute ruler).
    requires=["token.lemma", "token.tag", "token.dep", "doc.sents", "doc.ents"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={"mode": "auto"},
)
def make_plot_beats(nlp: Language, name: str, mode: str) -> PlotBeats:
    return PlotBeats(nlp, name, mode=mode)
