"""Every person and character name a document mentions, repaired from the small model's NER.

The trained NER finds most names but, on film writing, splits "Anatoly Solonitsyn", keeps
possessives ("Tarkovsky’s"), tags a name ORG in one sentence and PERSON in the next, and calls
"Fate" or a studio a person. This component starts from its PERSON entities, repairs those
errors with token shape and the document's own evidence (a name tagged PERSON once is a name
everywhere), and guesses from local context whether each mention is a real person or a
character; the knowledge layer makes the final call across documents.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from wordfreq import zipf_frequency

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._narrative import narrative_default, performing
from kinolog.engine.extensions import span_group
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.names.v1",
    factory="kinolog_names",
    order=20,
    description="Person and character name mentions, typed person, character or unknown.",
    needs_model=True,
)

_LEX = load_json("names.json")
_KIN = load_json("kinship.json")["words"]
_TITLES = frozenset(_LEX["titles"])
_PARTICLES = frozenset(_LEX["particles"])
_NON_NAMES = frozenset(_LEX["non_names"])
_COMPANY = frozenset(_LEX["company_suffixes"])
_PERSON_BEFORE = frozenset(_LEX["person_cues_before"])
_PERSON_AFTER = frozenset(_LEX["person_cues_after"])
_PERSON_VERBS = frozenset(_LEX["person_verbs"])
_CHARACTER_BEFORE = frozenset(_LEX["character_cues_before"])
_NARRATIVE_VERBS = frozenset(_LEX["narrative_verbs"])
_KIN_WORDS = frozenset(w for w in _KIN if " " not in w)
_LEADING = _TITLES | _PERSON_BEFORE | _CHARACTER_BEFORE | {"the", "a", "an", "nurse"}
_NO_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBZ", "VBP", "RB", "DT", "IN", "PRP"})

_OTHER_LABELS = frozenset({"ORG", "GPE", "WORK_OF_ART", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "ʼs"})
_SURNAME = re.compile(f"(?:{'|'.join(_LEX['surname_endings'])})$")
_PATRONYMIC = re.compile(f"(?:{'|'.join(_LEX['patronymic_endings'])})$")
_CREDIT_WORDS = frozenset(_LEX["credit_words"])
_BY_PARTICIPLES = frozenset(_LEX["agent_participles"])
_UNION_VERBS = frozenset(_LEX["union_verbs"])
_PERSON_SLOTS = frozenset({("cast", "actor"), ("credit", "person"), ("role", "person")})
_COMMON_ZIPF = 4.6
"""A sentence-initial word this frequent in lowercase is an ordinary word, not a name."""
_RARE_ZIPF = 3.5
"""An untagged proper noun rarer than this that acts as a subject is taken for a name."""
_PLACE_ZIPF = 3.0
"""Words more frequent than this (Moscow, Paris) stay places even beside a character."""


@dataclass
class _Name:
    start: int
    end: int
    strong: bool
    votes: Counter[str] = field(default_factory=Counter)
    type: str = "unknown"
    fixed: bool = False
    """Typed by a cast or credit fact, which no context guess overrides."""


def _low(tokens: Span) -> str:
    return " ".join(t.lower_ for t in tokens)


def _is_name_token(token: Token) -> bool:
    text = token.text
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    if len(text) > 1 and text.isupper() and not re.fullmatch(r"[A-Z]\.", text):
        return False
    return bool(re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?", text))


class NameMentions(FactComponent):
    spec = SPEC
    layer = "names"
    main_slot = "name"

    def match(self, doc: Doc) -> list[Fact]:
        names = self._candidates(doc)
        inside = {t.text for t in doc if not t.is_sent_start and t.text[:1].isupper()}
        names = [n for n in names if self._keep(doc, n, inside)]
        names = self._merge(doc, names)
        at = {i: n for n in names for i in range(n.start, n.end)}
        for name in names:
            self._vote(doc, name, at)
        narrative_default(doc, names, _kin_adjacent)
        _propagate(doc, names)
        sents = doc.has_annotation("SENT_START")
        return [
            self.fact(
                "mention",
                (span := doc[n.start : n.end]).sent if sents else span,
                {"name": span},
                confidence=0.9 if n.strong else 0.7,
                type=n.type,
            )
            for n in names
        ]

    # --- candidates -------------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> list[_Name]:
        names: list[_Name] = []
        weak: list[_Name] = []
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                names.extend(_Name(s, e, True) for s, e in _split(ent))
            elif ent.label_ in _OTHER_LABELS:
                weak.extend(_Name(s, e, False) for s, e in _split(ent))
        names = [_extend(doc, n) for n in names]
        full = {_low(doc[n.start : n.end]) for n in names}
        parts = {doc[i].lower_ for n in names for i in (n.start, n.end - 1)}
        parts -= _NON_NAMES
        taken = {i for n in names for i in range(n.start, n.end)}
        pool = _pool(doc, weak, taken)
        for _ in range(2):  # a second pass sees names accepted later in the first
            for cand in pool:
                if taken.intersection(range(cand.start, cand.end)):
                    continue
                span = doc[cand.start : cand.end]
                text = _low(span)
                known = text in full or (len(span) == 1 and text in parts)
                common = cand.start > 0 and doc[cand.start - 1].lower_ in ("the", "a", "an")
                if known or (
                    not common
                    and span.root.ent_type_ != "NORP"
                    and (
                        _kin_adjacent(doc, cand.start, cand.end)
                        or (
                            (_name_shaped(span) or _plot_position(doc, cand.start, cand.end, taken))
                            and _rare_place(span)
                        )
                    )
                ):
                    names.append(cand)
                    taken.update(range(cand.start, cand.end))
                    full.add(text)
                    parts.update({span[0].lower_, span[-1].lower_} - _NON_NAMES)
        return sorted(names, key=lambda n: n.start)

    def _keep(self, doc: Doc, name: _Name, inside: set[str]) -> bool:
        """Drop studios, abstractions ("Fate"), film titles and capitalised sentence openers."""
        span = doc[name.start : name.end]
        lows = [t.lower_ for t in span]
        if all(w in _NON_NAMES or w.rstrip(".") in _LEADING for w in lows) or lows[-1] in _COMPANY:
            return False
        if len(lows) == 1 and re.search(r"films?$", lows[0]) and len(lows[0]) > 5:
            return False  # studio names such as Lenfilm
        if _in_film_title(doc, span):
            return False
        first = span[0]
        if len(span) == 1 and first.is_sent_start and first.text not in inside:
            if first.is_stop or _zipf(first.lower_) >= _COMMON_ZIPF:
                return False  # "Thus", "Compare", "Fate" opening a sentence
            return first.tag_ in ("NNP", "NNPS") or name.strong
        return True

    def _merge(self, doc: Doc, names: list[_Name]) -> list[_Name]:
        """Adjacent pieces of one name the model split into two entities become one mention."""
        merged: list[_Name] = []
        for name in names:
            prev = merged[-1] if merged else None
            if prev is not None and name.start < prev.end:
                continue
            if prev and prev.end == name.start and _joins(doc[prev.end - 1], doc[name.start]):
                merged[-1] = _Name(prev.start, name.end, prev.strong or name.strong)
            else:
                merged.append(name)
        return merged

    # --- typing -----------------------------------------------------------------------------

    def _vote(self, doc: Doc, name: _Name, at: dict[int, _Name]) -> None:
        """Context votes: profession and credit words for people, plot and kin for characters."""
        span = doc[name.start : name.end]
        if fixed := _fact_votes(doc, span):
            name.type, name.fixed = fixed, True
            return
        before = _before(doc, name.start)
        lows = {_word(t) for t in before[-3:]}
        root, head = span.root, span.root.head
        dep, job = root.dep_, _PERSON_BEFORE
        agent = [_word(t) for t in before[-2:]]
        subjects = {c.lower_ for c in head.children if c.dep_ == "nsubj"}
        titles = {c.lower_ for c in root.children if c.dep_ in ("compound", "appos")}
        plot_verb = head.lemma_ in _NARRATIVE_VERBS and head.tag_ in ("VBZ", "VBP")
        cues = (
            ("character", 1, _kin_adjacent(doc, name.start, name.end)),
            ("character", 2, _character_label(before)),
            ("character", 1, dep == "nsubj" and plot_verb),
            ("character", 1, _named_group(root)),
            ("person", 2, bool(lows & job)),
            ("person", 2, performing(span)),  # "X gives a fine performance", "X is superb"
            ("person", 3, len(agent) == 2 and agent[0] in _BY_PARTICIPLES and agent[1] == "by"),
            ("person", 2, bool(job & titles)),  # "director Ozu", "Ozu, the director"
            ("person", 2, dep == "appos" and head.lower_ in job),
            ("person", 2, dep == "attr" and head.lemma_ == "be" and bool(job & subjects)),
            ("person", 2, dep == "poss" and head.lower_ in _PERSON_AFTER),
            ("person", 2, _owns_film(doc, span)),  # "Federico Fellini's La Strada"
            ("person", 1, dep == "poss" and head.lower_ in ("character", "role") and len(span) > 1),
            ("person", 2, dep in ("nsubj", "nsubjpass") and head.lemma_ in _PERSON_VERBS),
            ("person", 1, len(span) > 1 and not _bracketed(doc, name.start)
             and any(t.lower_ in _CREDIT_WORDS for t in span.sent)),
        )  # fmt: skip
        for kind, weight, present in cues:
            if present:
                name.votes[kind] += weight
        self._actor_as(doc, name, at)

    def _actor_as(self, doc: Doc, name: _Name, at: dict[int, _Name]) -> None:
        """ "Toshiro Mifune as Kikuchiyo", "Kikuchiyo (played by …)", "Mifune plays Kikuchiyo"."""
        after = [t.lower_ for t in doc[name.end : name.end + 2]]
        role = at.get(name.end + 1)
        actor_like = name.end - name.start >= 2 or name.votes["person"] > 0
        if after[:1] == ["as"] and role is not None and role.start == name.end + 1 and actor_like:
            name.votes["person"] += 3
            role.votes["character"] += 3
        if after in (["(", "played"], ["(", "portrayed"]):
            name.votes["character"] += 3
        root = doc[name.start : name.end].root
        if root.dep_ == "nsubj" and root.head.lemma_ in ("play", "portray"):
            for obj in (c for c in root.head.children if c.dep_ == "dobj" and c.i in at):
                name.votes["person"] += 3
                at[obj.i].votes["character"] += 3


def _pool(doc: Doc, weak: list[_Name], taken: set[int]) -> list[_Name]:
    """Names the NER mislabelled (ORG, GPE …) or missed: capitalised proper-noun runs."""
    pool = [_extend(doc, w) for w in weak]
    seen = taken | {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for token in doc:
        if token.i not in seen and token.tag_ in ("NNP", "NNPS") and _is_name_token(token):
            pool.append(_extend(doc, _Name(token.i, token.i + 1, False)))
            seen.update(range(pool[-1].start, pool[-1].end))
    return pool


def _joins(left: Token, right: Token) -> bool:
    return left.whitespace_ == " " and not right.is_sent_start


def _inside(token: Token) -> bool:
    """A particle ("von") or a hyphen inside one word ("Ben-Hur") continues a name."""
    doc = token.doc
    if token.text == "-" and not token.whitespace_ and token.i > 0:
        return not doc[token.i - 1].whitespace_
    return token.lower_ in _PARTICLES


def _split(ent: Span) -> list[tuple[int, int]]:
    """Runs of name-shaped tokens inside an entity, without titles and possessives."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for token in [*ent, None]:
        inside = start is not None and token is not None and _inside(token)
        if token is not None and (_is_name_token(token) or inside):
            start = token.i if start is None else start
        elif start is not None:
            runs.append((start, token.i if token is not None else ent.end))
            start = None
    doc, cleaned = ent.doc, []
    for s, e in runs:
        while s < e and (doc[s].text.rstrip(".").lower() in _LEADING or doc[s].tag_ in _NO_TAGS):
            s += 1  # "Mr.", "Composer", "The", "Recognizing" inside the entity
        while e > s and (doc[e - 1].lower_ in _PARTICLES or doc[e - 1].text == "-"):
            e -= 1
        if e > s:
            cleaned.append((s, e))
    return cleaned


def _extend(doc: Doc, name: _Name) -> _Name:
    """Take in name tokens the model left outside: "Anatoly" + "Solonitsyn", "Ilya Ilyich"."""
    end = name.end
    while end < len(doc) and end - name.start < 4:
        token = doc[end]
        if doc[end - 1].whitespace_ != " " or not _is_name_token(token):
            break
        if token.is_sent_start or token.ent_type_ in ("GPE", "LOC", "NORP", "DATE"):
            break
        if token.tag_ not in ("NNP", "NNPS") and not _PATRONYMIC.search(token.lower_):
            break
        end += 1
    return _Name(name.start, end, name.strong)


def _word(token: Token) -> str:
    """The lowercase word of a token, without label punctuation ("Director(s" -> "director")."""
    return re.sub(r"[^a-z].*$", "", token.lower_)


def _before(doc: Doc, start: int, size: int = 4) -> list[Token]:
    """The words just before a name, not reaching back past a line break or a full stop."""
    words: list[Token] = []
    for token in reversed(doc[max(0, start - size - 2) : start]):
        if "\n" in token.text or token.text in (".", "!", "?", ";"):
            break
        if token.is_alpha or _word(token):
            words.append(token)
        if len(words) == size:
            break
    return words[::-1]


def _character_label(before: list[Token]) -> bool:
    """ "the character Rick", "the protagonist, Ivan", "the heroine named Gelsomina"."""
    words = [_word(t) for t in before if _word(t) not in ("of", "named", "called")]
    return bool(words) and words[-1] in _CHARACTER_BEFORE


def _rare_place(span: Span) -> bool:
    """A place-tagged word may be a misread foreign name, but not a common place name."""
    if span.root.ent_type_ not in ("GPE", "LOC", "FAC"):
        return True
    return all(_zipf(t.lower_) < _PLACE_ZIPF for t in span)


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def _name_shaped(span: Span) -> bool:
    """Two or three capitalised words ending in a surname or patronymic shape."""
    if not 2 <= len(span) <= 3 or not all(_is_name_token(t) for t in span):
        return False
    last = span[-1].lower_
    return bool(_SURNAME.search(last) or _PATRONYMIC.search(last)) and len(last) > 3


_LINKS = frozenset({",", "is", "was", "becomes", "became", "the", "a", "an", "his", "her", "their"})


def _kin_adjacent(doc: Doc, start: int, end: int) -> bool:
    """A kinship word ties the name to another name: "X's father", "his wife, X", "X, Y's son",
    "X is the son of Y" (but not "X is the father of neorealism")."""
    after = doc[end : end + 6]
    if len(after) >= 2 and after[0].text in _POSSESSIVE:
        words = [t for t in after[1:4] if t.tag_ not in ("JJ", "JJS", "JJR", "VBN")]
        return bool(words) and words[0].lower_ in _KIN_WORDS  # "X's (eldest) son"
    if len(after) >= 4 and after[0].text == "," and after[2].text in _POSSESSIVE:
        return after[1].tag_ == "NNP" and after[3].lower_ in _KIN_WORDS  # "X, Y's father"
    for i, token in enumerate(after):
        if token.lower_ in _KIN_WORDS:
            tail = [t for t in after[i + 1 : i + 3] if t.lower_ != "of"]
            named = bool(tail) and _is_name_token(tail[0]) and tail[0].tag_ == "NNP"
            return named and i > 0 and after[i - 1].lower_ in ("the", "a", "an", "his", "her")
        if token.lower_ not in _LINKS:
            break
    before = doc[max(0, start - 3) : start]
    words = [t.lower_ for t in before if t.text != ","]
    if words and words[-1] == "of":
        words = words[:-1]
    return bool(words) and (words[-1] in _KIN_WORDS or words[-2:] == ["-", "law"])


def _plot_position(doc: Doc, start: int, end: int, known: set[int]) -> bool:
    """Where a name fits but a place rarely does: beside a known name, a plot or credit verb."""
    root = doc[start:end].root
    if start >= 2 and doc[start - 1].lower_ == "as" and doc[start - 2].i in known:
        return True  # "Toshiro Mifune as Kikuchiyo"
    if _named_group(root):
        return True  # "their two boys, Minoru and Isamu"
    if root.dep_ == "conj" and root.head.i in known:
        return True
    if any(c.dep_ == "conj" and c.i in known for c in root.children):
        return True
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ in _PERSON_VERBS and head.tag_ == "VBD":
        return True  # "Kurosawa directed Ran"
    near = [head, head.head, *(c for c in head.children if c.dep_ == "acomp")]
    if any(t.lemma_ in _UNION_VERBS for t in near):
        return root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
    if root.dep_ == "poss" and head.lower_ in _PERSON_AFTER and _SURNAME.search(root.lower_):
        return True  # "Tarkovsky's films"
    if root.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "VERB" and not root.ent_type_:
        return _zipf(root.lower_) < _RARE_ZIPF  # an unknown word acting: "Shukichi decides"
    return (
        root.dep_ in ("nsubj", "dobj")
        and head.lemma_ in _NARRATIVE_VERBS
        and head.tag_ in ("VBZ", "VBP")
        and root.lower_ not in _NON_NAMES
        and (root.dep_ == "nsubj" or bool(root.ent_type_))
    )


_GROUP_NOUNS = _KIN_WORDS | {"man", "men", "woman", "women", "boy", "boys", "girl", "girls"}


def _named_group(root: Token) -> bool:
    """A name set off by a comma after a kin or people noun: "two old friends, A and B"."""
    doc = root.doc
    joined = root.dep_ == "conj" and root.head.i < root.i and root.head.tag_ in ("NNP", "NNPS")
    listed = joined and doc[root.left_edge.i - 1].lower_ in ("and", ",")
    return (listed and _group_start(root.head)) or _group_start(root)  # "A and B"


def _group_start(token: Token) -> bool:
    doc, head = token.doc, token.head
    if token.left_edge.i == 0 or doc[token.left_edge.i - 1].text != "," or head.i > token.i:
        return False
    if token.dep_ in ("appos", "conj") and head.lower_ in _GROUP_NOUNS:
        return True
    # "two old friends from Onomichi, A and B": the parser joins A to the place
    return token.dep_ == "conj" and head.dep_ == "pobj" and head.head.head.lower_ in _GROUP_NOUNS


def _owns_film(doc: Doc, span: Span) -> bool:
    """A possessive right before a film title names its maker, not a character."""
    if span.end + 1 >= len(doc) or doc[span.end].text not in _POSSESSIVE:
        return False
    return any(f.start == span.end + 1 for f in doc.spans.get(span_group("films"), []))


def _in_film_title(doc: Doc, span: Span) -> bool:
    titles = doc.spans.get(span_group("films"), [])
    return any(f.start < span.end and span.start < f.end for f in titles)


def _fact_votes(doc: Doc, span: Span) -> str | None:
    """Cast and credit facts already on the Doc decide the type outright."""
    for fact in doc._.kinolog_facts:
        for slot_name, slot in fact.slots.items():
            if slot.start < span.end_char and span.start_char < slot.end:
                if (fact.kind, slot_name) == ("cast", "character"):
                    return "character"
                if (fact.kind, slot_name) in _PERSON_SLOTS:
                    return "person"
    return None


def _bracketed(doc: Doc, start: int) -> bool:
    """ "Actor (Character)" and "Character (Actor)": which side is which is the cast
    component's call, so a name in brackets takes no credit-line vote here."""
    return start > 0 and doc[start - 1].text == "("


def _decide(votes: Counter[str]) -> str:
    person, character = votes["person"], votes["character"]
    return "unknown" if person == character else "person" if person > character else "character"


def _propagate(doc: Doc, names: list[_Name]) -> None:
    """Type each name from the whole document's evidence for it and for its full forms.

    A real person's kin ("Kurosawa's son") looks like plot; the director cue elsewhere in the
    document outweighs it, so one surname gets one type per document. A lone first name takes
    only a character's votes: writers call people by surname, characters by first name.
    """
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    for name in names:
        if not name.fixed:
            totals[_low(doc[name.start : name.end])].update(name.votes)
    owners: dict[str, list[str]] = defaultdict(list)  # a short form -> the full names it fits
    for text, votes in list(totals.items()):
        if " " in text:
            owners[text.rsplit(" ", 1)[1]].append(text)
            if _decide(votes) == "character":
                owners[text.split(" ", 1)[0]].append(text)
    shared: dict[str, Counter[str]] = {}
    for short, fulls in owners.items():
        if len(fulls) == 1:  # "Ray" and "Satyajit Ray" pool their evidence
            shared[short] = shared[fulls[0]] = totals[fulls[0]] + totals.get(short, Counter())
    for name in names:
        if not name.fixed:
            text = _low(doc[name.start : name.end])
            name.type = _decide(shared.get(text, totals[text]))


@Language.factory(
    SPEC.factory,
    requires=["doc.ents", "token.tag", "token.dep"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={},
)
def make_names(nlp: Language, name: str) -> NameMentions:
    return NameMentions(nlp, name)
