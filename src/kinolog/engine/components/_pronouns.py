"""Who a "his", "her" or "he" in film writing points to, and each character's gender.

Kept apart from the relation patterns: the patterns ask one question ("whose son is this?"),
and the answer needs the document's names, their genders and the sentences around them.
A pronoun resolves only when one name clearly fits; otherwise no relation is stated.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kinolog.engine.lexicons import load_json

_KINSHIP = load_json("kinship.json")
_WORDS: dict[str, dict[str, object]] = _KINSHIP["words"]
_GENDER_NOUNS: dict[str, str] = _KINSHIP["gender_nouns"]
_GENDER_TITLES: dict[str, str] = _KINSHIP["gender_titles"]
PRONOUN_GENDER = {"his": "male", "him": "male", "he": "male", "her": "female", "she": "female"}
OPPOSITE = {"male": "female", "female": "male"}
_COPULAS = frozenset({"be", "become", "remain"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    key: str


class Pronouns:
    """Look-ups over one Doc's mentions: by token, by position, and each name's gender."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.at_start = {m.start: m for m in mentions}
        self.at_end = {m.end: m for m in mentions}
        self.of_token = {i: m for m in mentions for i in range(m.start, m.end)}
        self.gender = genders(doc, mentions)

    def _window(self, token: Token) -> list[Mention]:
        """Character mentions in the previous sentence and this one, before `token`."""
        sent = token.sent
        first = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        previous = self.doc[first : sent.start]
        tagged = self.doc.has_annotation("POS")
        listing = bool(previous) and (
            "\n" in previous[-1].text_with_ws or any(t.text == ":" for t in previous)
        )
        if tagged and listing and not any(t.pos_ in ("VERB", "AUX") for t in previous):
            first = sent.start  # a verbless line before ("Starring: …") names no antecedent
        return [
            m for m in self.mentions if first <= m.start < token.i and not self._parenthetical(m)
        ]

    def _parenthetical(self, mention: Mention) -> bool:
        """Inside "( … )" in its sentence: an actor credit, never a pronoun's antecedent."""
        for token in reversed(self.doc[self.doc[mention.start].sent.start : mention.start]):
            if token.text in ("(", ")"):
                return token.text == "("
        return False

    def referent(self, pronoun: Token, exclude: set[str]) -> Mention | None:
        """The one name a "his"/"her" can point to, or None when that is not clear.

        Real people count as candidates (a critic's name makes the pronoun ambiguous) even
        though a relation to one is dropped later; actors in parentheses do not.
        """
        head = pronoun.head
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        joined = self.of_token.get(head.head.i) if head.dep_ == "conj" else None
        if joined is None and head.dep_ == "conj":  # "the attendant, Henrik, and his wife"
            described = [c for c in head.head.children if c.dep_ == "appos"]
            joined = self.of_token.get(described[0].i) if len(described) == 1 else None
        fits = joined is not None and self.gender.get(joined.key) != OPPOSITE.get(gender or "")
        if joined is not None and fits and not self._kin_named(joined):
            return joined  # "Paul and his wife Adele", not "her son Dario and her daughter"
        names = [m for m in self._window(pronoun) if m.key not in exclude]
        before = self.doc[pronoun.sent.start : pronoun.i]
        same = [
            t for t in before if t.lower_ in ("he", "she") and PRONOUN_GENDER[t.lower_] == gender
        ]
        if same:  # "He accuses Poelzig of stealing his wife": "his" is the "He"
            named = {
                self.of_token[t.i].key: self.of_token[t.i]
                for t in before
                if t.dep_ == "nsubj" and t.i in self.of_token and t.i < same[0].i
            }
            if len(named) == 1:  # "where Isak spent his youth, he remembers his cousin"
                only = next(iter(named.values()))
                fits = self.gender.get(only.key) != OPPOSITE.get(gender or "")
                return only if fits and only.key not in exclude else None
            if named or same[0].dep_ != "nsubj":
                return None
            return self.referent(same[0], exclude)
        found = self._choose(pronoun, names, gender)
        if found is None or self.gender.get(found.key) == gender:
            return found
        if self._someone_else(found, pronoun, gender):
            return None
        later = [m for m in self.mentions if pronoun.i < m.start < pronoun.sent.end]
        later = [
            m
            for m in later
            if m.key not in exclude
            and not self._parenthetical(m)
            and not self._kin_named(m)
            and self.doc[m.start : m.end].root.dep_ in ("nsubj", "nsubjpass")
        ]  # a subject still to come may be the one the pronoun anticipates
        return None if later else found  # "of her boyfriend, Tommy, … Sadie denounces"

    def _someone_else(self, found: Mention, pronoun: Token, gender: str | None) -> bool:
        """ "… punishes him for copying Balzac. His friend René …": an earlier sentence that
        speaks of a "him" it does not name is about someone else than its named object."""
        sent = self.doc[found.start].sent
        if sent.start >= pronoun.sent.start or self.doc[found.start : found.end].root.dep_ in (
            "nsubj",
            "nsubjpass",
        ):
            return False
        words = {w for w, g in PRONOUN_GENDER.items() if g == gender}
        return any(t.lower_ in words for t in sent)

    def _kin_named(self, mention: Mention) -> bool:
        """ "her son Dario": a name introduced by a possessive kin word holds no pronoun."""
        before = self.doc[max(0, mention.start - 3) : mention.start]
        return any(t.lower_ in _WORDS for t in before)

    def _choose(self, pronoun: Token, names: list[Mention], gender: str | None) -> Mention | None:
        """The only candidate of a fitting gender, the nearest known fit, or the lone subject."""
        names = [m for m in names if self.gender.get(m.key) != OPPOSITE.get(gender or "")]
        latest: dict[str, Mention] = {m.key: m for m in names}
        if len(latest) == 1:
            return next(iter(latest.values()))
        matching = [m for m in latest.values() if self.gender.get(m.key) == gender]
        nearest = max(latest.values(), key=lambda m: m.start, default=None)
        if len(matching) == 1 and matching[0] is nearest:
            return nearest
        sent = pronoun.sent
        subjects = {
            m.key: m
            for m in names
            if m.start >= sent.start and self.doc[m.start : m.end].root.dep_ == "nsubj"
        }
        return next(iter(subjects.values())) if len(subjects) == 1 else None


def genders(doc: Doc, mentions: list[Mention]) -> dict[str, str]:
    """Each name's gender from the document: gendered kin words, nouns and lone pronouns."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        span = doc[m.start : m.end]
        title = doc[m.start - 1] if m.start > 0 else span[0]
        for word in {span[0].lower_.rstrip("."), title.lower_.rstrip(".")} & _GENDER_TITLES.keys():
            votes[m.key][_GENDER_TITLES[word]] += 2  # "Empress Elizabeth", "Mrs. Sayre"
        before = doc[max(0, m.start - 2) : m.start]
        for token in [*before, *doc[m.end : m.end + 4]]:
            entry = _WORDS.get(token.lower_)
            if entry and entry.get("gender") and _names_holder(doc, m, token):
                votes[m.key][str(entry["gender"])] += 2
        root = span.root
        if root.dep_ == "nsubj" and root.head.lemma_ in _COPULAS:
            for attr in (c for c in root.head.children if c.dep_ == "attr"):
                if attr.lower_ in _GENDER_NOUNS:
                    votes[m.key][_GENDER_NOUNS[attr.lower_]] += 2
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[doc[m.start].sent.start].append(m)
    for sent in doc.sents:
        inside = by_sentence.get(sent.start, [])
        pronouns = {PRONOUN_GENDER[t.lower_] for t in sent if t.lower_ in PRONOUN_GENDER}
        subject = len(inside) == 1 and doc[inside[0].start : inside[0].end].root.dep_ == "nsubj"
        if subject and len(pronouns) == 1:  # "Ivan leaves his village; he …"
            votes[inside[0].key][next(iter(pronouns))] += 1
    return {
        key: "male" if count["male"] > count["female"] else "female"
        for key, count in votes.items()
        if count["male"] != count["female"]
    }


def _names_holder(doc: Doc, mention: Mention, kin: Token) -> bool:
    """The kin word describes this name ("father Manzo", "Manzo, her father")."""
    if kin.i < mention.start:
        gap = doc[kin.i + 1 : mention.start]
        return all(t.text == "," for t in gap)
    gap = doc[mention.end : kin.i]
    return all(t.text == "," or t.lower_ in ("the", "his", "her", "is", "was") for t in gap)
