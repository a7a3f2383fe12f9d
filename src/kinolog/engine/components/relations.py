"""Family and social ties between characters, read from the phrase that states them.

A relation is directed: it is read from its holder, so "Apu's sister, Durga" gives holder
Durga, type sibling, target Apu, and "Shino's father Manzo" gives holder Manzo, type parent,
target Shino. Every pattern needs a named holder and a named target (or a pronoun
that resolves to exactly one name), because a relation the checker reports on must be one the
text states: "Chihiro's parents are turned into pigs" names no parent, and "the father of modern
cinema" names no child. Real people (typed "person" by the names layer) are left out.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._pronouns import Mention as _Mention
from kinolog.engine.components._pronouns import Pronouns
from kinolog.engine.extensions import facts_of, span_group
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.relations.v1",
    factory="kinolog_relations",
    order=60,
    description="Directed kinship and social relations between named characters.",
    needs_model=True,
)

_KINSHIP = load_json("kinship.json")
_WORDS: dict[str, dict[str, object]] = _KINSHIP["words"]
_NOT_AFTER = tuple(_KINSHIP["not_kinship_after"])
_NOT_BEFORE = frozenset(_KINSHIP["not_kinship_before"])
_TITLES = frozenset(load_json("names.json")["titles"])
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "ʼs"})
_COPULAS = frozenset({"be", "become", "remain"})
_MODALS = frozenset({"will", "would", "could", "might", "should", "may", "can", "must", "to"})
_UNION = frozenset({"marry", "married", "wed", "engage", "engaged"})
_SYMMETRIC = frozenset({"spouse", "fiance", "lover", "sibling", "cousin", "relative", "friend"})


class CharacterRelations(FactComponent):
    spec = SPEC
    layer = "relations"
    main_slot = "holder"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for word in _WORDS:
            self.matcher.add(word, [nlp.make_doc(word)])

    def match(self, doc: Doc) -> list[Fact]:
        mentions = _mentions(doc)
        if not mentions:
            return []
        ctx = _Context(doc, mentions)
        found: list[tuple[_Mention, _Mention, str, Span]] = []
        spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)])
        for kin in spans:
            if not _excluded(kin):
                found.extend(ctx.kin_relations(kin, _WORDS[kin.label_]))
        for token in doc:
            if token.lemma_ in _UNION and token.pos_ in ("VERB", "ADJ"):
                found.extend(ctx.marriage(token))
            elif token.lower_ == "love" and token.head.lemma_ == "in":
                found.extend(ctx.falling_in_love(token))
        facts: dict[tuple[str, str, str], Fact] = {}
        for holder, target, kind, evidence in found:
            if holder.key == target.key or "person" in (holder.type, target.type):
                continue
            slots = {
                "holder": doc[holder.start : holder.end],
                "target": doc[target.start : target.end],
            }
            start = min(evidence.start_char, *(s.start_char for s in slots.values()))
            fact = self.fact("relation", (start, evidence.end_char), slots, type=kind)
            facts.setdefault((holder.key, target.key, kind), fact)
        return list(facts.values())


def _mentions(doc: Doc) -> list[_Mention]:
    """Name mentions from the names layer, keyed so a lone "Michael" is "Michael Alderson".

    Facts carry the person/character type; the span group is the fallback without them.
    """
    typed = [
        (f.slots["name"], str(f.attrs.get("type") or "unknown")) for f in facts_of(doc, "mention")
    ]
    spans = [(doc.char_span(s.start, s.end, alignment_mode="expand"), kind) for s, kind in typed]
    if not spans:
        spans = [(s, "unknown") for s in doc.spans.get(span_group("names"), [])]
    listed = _listed_types(doc)
    spans = [(s, listed.get(_fold(s.text), kind)) for s, kind in spans if s is not None]
    owners: dict[str, set[str]] = defaultdict(set)
    for span, _ in spans:
        if len(span) > 1:
            owners[span[0].lower_].add(span.text.lower())
            owners[span[-1].lower_].add(span.text.lower())
    found: dict[int, _Mention] = {}
    for span, kind in spans:
        key = span.text.lower()
        full = owners.get(key, set()) if len(span) == 1 else set()
        found[span.start] = _Mention(
            span.start, span.end, kind, next(iter(full)) if len(full) == 1 else key
        )
    return sorted(found.values(), key=lambda m: m.start)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _listed_types(doc: Doc) -> dict[str, str]:
    """Types a cast or credit listing states, which outrank the names layer's context guess.

    The names component runs before the cast list is read, so "Chishu Ryu (Shukichi)" may
    reach this layer with its sides guessed; the cast fact knows which is the actor.
    """
    found: dict[str, str] = {}
    for fact in facts_of(doc, "cast"):
        for slot, kind in (("character", "character"), ("actor", "person")):
            if text := fact.slot_text(slot):
                found.setdefault(_fold(text), kind)
    for fact in facts_of(doc, "credit"):
        if (text := fact.slot_text("person")) and fact.attrs.get("role") != "production_company":
            found.setdefault(_fold(text), "person")
    return found


def _excluded(kin: Span) -> bool:
    """Figurative uses: "mother country", "brother in arms", "founding father"."""
    doc = kin.doc
    after = doc[kin.end : kin.end + 3].text.lower()
    if any(after == p or after.startswith(f"{p} ") for p in _NOT_AFTER):
        return True
    root = kin.root
    if root.dep_ == "compound" and root.head.i > root.i and root.head.tag_ in ("NN", "NNS"):
        return True  # "father figure", "mother tongue"
    return kin.start > 0 and doc[kin.start - 1].lower_ in _NOT_BEFORE


class _Context(Pronouns):
    """The relation patterns over one Doc's mentions, with the pronoun look-ups they need."""

    def __init__(self, doc: Doc, mentions: list[_Mention]) -> None:
        super().__init__(doc, mentions)
        self.held: dict[int, _Mention] = {}
        """Holder start -> the target of the kin phrase that named it, for coordinated kin."""
        self.couples: list[tuple[int, tuple[_Mention, _Mention]]] = []
        """Married pairs a kin phrase named, in text order: who a later "their" means."""

    # --- "X's father, Y" and its relatives ---------------------------------------------------

    def kin_relations(self, kin: Span, entry: dict[str, object]) -> list[tuple]:
        doc, kind = self.doc, str(entry["type"])
        plural = bool(entry.get("plural"))
        sent = kin.sent
        owner_at = kin.start - 1
        while owner_at > sent.start and (
            doc[owner_at].pos_ == "ADJ" or doc[owner_at].dep_ in ("amod", "nummod")
        ):
            owner_at -= 1  # "Vito's eldest son", "her widowed father"
        owner = doc[owner_at] if owner_at >= sent.start else None
        target: _Mention | None = None
        pronoun: Token | None = None
        if owner is not None and owner.text in _POSSESSIVE:
            target = self.at_end.get(owner.i)
        elif owner is not None and owner.lower_ in ("his", "her"):
            pronoun = owner
        holders = self._holders_after(kin, plural, pronoun is not None) or self._holder_before(
            kin, target
        )
        targets: list[_Mention] = []
        if owner is not None and owner.lower_ == "their":
            pair = self._conj_pair(_subject(kin.root.head)) or self._couple(kin)
            targets = list(pair or ())  # "X and Y … their son"
            target = targets[0] if targets else None
        elif target is None and pronoun is None:
            targets = self._of_targets(kin)  # "X, the son of Y", "the mother of Apu and Durga"
            target = targets[0] if targets else None
        if not holders:
            holders = self._copula_subjects(kin, plural) if (target or pronoun) else []
            if not holders and plural and target is None and pronoun is None:
                return self._plural_pair(kin, kind)
        if pronoun is not None and holders:
            target = self.referent(pronoun, exclude={h.key for h in holders})
        if target is None and owner is not None and owner.lower_ in ("and", ","):
            shared = self.at_end.get(owner.i)  # "X's brother Y and sister Z"
            target = self.held.get(shared.start) if shared is not None else None
            target = target if target is not None and target not in holders else None
        if target is None:
            return []
        if not targets:
            self.held.update((h.start, target) for h in holders)
        if kind == "spouse" and len(holders) == 1:
            self.couples.append((kin.start, (target, holders[0])))
        return [(h, t, kind, sent) for h in holders for t in targets or [target]]

    def _holders_after(self, kin: Span, plural: bool, strict: bool) -> list[_Mention]:
        """ "cousin, Pavel", "father Manzo", "parents, Harihar and Sarbajaya"."""
        i = kin.end + 1 if kin.end < len(self.doc) and self.doc[kin.end].text == "," else kin.end
        if i < len(self.doc) and self.doc[i].lower_.rstrip(".") in _TITLES:
            i += 1  # "her husband, Mr. Vogler"
        first = self.at_start.get(i) or self._described(i)
        if first is None:
            return []
        root = self.doc[first.start : first.end].root
        if strict and i > kin.end and root.dep_ in ("nsubj", "nsubjpass"):
            return []  # "a girl he calls his girlfriend, Delfino is tied up": a new clause
        holders = [first]
        while plural:  # "children, Koji, Yuki and Taro"
            nxt = holders[-1].end
            word = self.doc[nxt].lower_ if nxt < len(self.doc) else ""
            follower = self.at_start.get(nxt + 1) if word in (",", "and") else None
            if follower is None:
                break
            holders.append(follower)
            if word == "and":
                break
        if len(holders) > 1 and self.doc[holders[-2].end].lower_ != "and":
            holders = holders[:1]  # a comma list must close with "and"
        follows = self.doc[holders[-1].end : holders[-1].end + 1]
        if follows and follows[0].text in _POSSESSIVE:
            return []  # "Apu's sister Durga's doll": Durga is not the holder here
        return holders

    def _holder_before(self, kin: Span, target: _Mention | None) -> list[_Mention]:
        """Apposition before: "Manzo, Shino's father", "Gelsomina, the daughter of …"."""
        doc = self.doc
        start = target.start if target is not None else kin.start
        if target is None:
            while start > kin.sent.start and doc[start - 1].lower_ in ("the", "a", "an"):
                start -= 1
        if start < 2 or doc[start - 1].text != ",":
            return []
        holder = self.at_end.get(start - 1)
        closed = kin.end < len(doc) and doc[kin.end].text in (",", ".", ";", ")")
        if holder is None or not (closed or kin.root.dep_ == "appos"):
            return []  # "When he reaches Dover, Tom's wife is …" is no apposition
        return [holder]

    def _described(self, i: int) -> _Mention | None:
        """ "the farmer Manzo", "the Resistance leader Victor Laszlo": a name behind a short
        description whose words all modify the name itself."""
        doc = self.doc
        if i >= len(doc) or doc[i].lower_ not in ("the", "a", "an"):
            return None
        for end in range(i + 1, min(i + 5, len(doc))):
            mention = self.at_start.get(end)
            if mention is None:
                continue
            inside = range(mention.start, mention.end)
            root = doc[mention.start : mention.end].root
            words = doc[i:end]
            heads = (t.head.i in inside or i <= t.head.i < end for t in words)
            # the parser may make the description the apposition and hang the name on it
            described = root.head.i in range(i, end) and root.dep_ == "appos"
            if all(heads) or described:
                return mention
            return None
        return None

    def _of_targets(self, kin: Span) -> list[_Mention]:
        doc = self.doc
        if kin.end + 1 >= len(doc) or doc[kin.end].lower_ != "of":
            return []
        found: list[_Mention] = []
        target = self.at_start.get(kin.end + 1) or self._described(kin.end + 1)
        while target is not None:
            if target.end < len(doc) and doc[target.end].text in _POSSESSIVE:
                return []  # "the widow of Shukichi's son": the target is the son
            found.append(target)
            joined = target.end + 1 < len(doc) and doc[target.end].lower_ == "and"
            target = self.at_start.get(target.end + 1) if joined else None
        return found

    def _copula_subjects(self, kin: Span, plural: bool) -> list[_Mention]:
        """ "Tom Hagen is Vito's adopted son", "X is the son of Y"."""
        root = kin.root
        if root.dep_ != "attr" or root.head.lemma_ not in _COPULAS:
            return []
        subjects = [c for c in root.head.children if c.dep_ == "nsubj"]
        found = [self.of_token[s.i] for s in subjects if s.i in self.of_token]
        if not found and len(subjects) == 1 and subjects[0].lower_ in ("he", "she"):
            after = {m.key for m in self.mentions if kin.start <= m.start < kin.sent.end}
            named = self.referent(subjects[0], exclude=after)  # "She is the widow of X"
            found = [named] if named is not None else []
        if plural and found:
            conj = [c for c in subjects[0].children if c.dep_ == "conj" and c.i in self.of_token]
            found += [self.of_token[c.i] for c in conj]
        return found

    def _plural_pair(self, kin: Span, kind: str) -> list[tuple]:
        """ "Ivan and Kolya are brothers", "the brothers Ivan and Kolya"."""
        subject = self._copula_head_subject(kin)
        pair = self._conj_pair(subject)
        if pair is None and subject is not None and subject.i not in self.of_token:
            group = self._named_after(subject)  # "two young men, A and B, who are rivals"
            pair = (group[0], group[1]) if len(group) == 2 else None
        if pair is None:
            first = self.at_start.get(kin.end)
            if first and first.end + 1 < len(self.doc) and self.doc[first.end].lower_ == "and":
                second = self.at_start.get(first.end + 1)
                pair = (first, second) if second else None
        if pair is None:
            return self._named_group(kin, kind)
        if kind not in _SYMMETRIC | {"rival"}:
            return []
        return [(pair[0], pair[1], kind, kin.sent)]

    def _named_group(self, kin: Span, kind: str) -> list[tuple]:
        """ "goes drinking with two old friends from school, Goro and Hiroshi": each named
        friend is the friend of the clause's named subject."""
        root = kin.root
        group = self._named_after(root)
        if not group or kind not in ("friend", "rival", "relative", "cousin"):
            return []
        verb = root.head.head if root.dep_ == "pobj" else root.head
        if root.dep_ not in ("pobj", "dobj") or verb.pos_ not in ("VERB", "AUX"):
            return []
        while verb.dep_ == "xcomp" and not _hedged(verb.head):
            verb = verb.head  # "goes drinking with": the subject is the going one's
        subject = _subject(verb)
        if subject is None or subject.i not in self.of_token or _hedged(verb):
            return []
        owner = self.of_token[subject.i]
        return [(m, owner, kind, kin.sent) for m in group if m.key != owner.key]

    def _named_after(self, noun: Token) -> list[_Mention]:
        """ "two old friends from school, A and B": the names set off by a comma after a
        plural noun, which the parser hangs on it as apposition or conjunct."""
        near = [noun, *(g for c in noun.children if c.dep_ == "prep" for g in c.children)]
        named = [
            c
            for n in near
            for c in n.children
            if c.dep_ in ("appos", "conj") and c.i in self.of_token and c.i > noun.i
        ]  # the parser may join the names to "from Onomichi" in "friends from Onomichi, A and B"
        if len(named) != 1 or self.doc[self.of_token[named[0].i].start - 1].text != ",":
            return []
        first = self.of_token[named[0].i]
        pair = self._conj_pair(named[0])
        return list(pair) if pair else [first]

    def _copula_head_subject(self, kin: Span) -> Token | None:
        root = kin.root
        if root.dep_ == "attr" and root.head.lemma_ in _COPULAS:
            subject = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ in ("who", "that"):
                return (
                    root.head.head if root.head.dep_ == "relcl" else None
                )  # "A and B, who are rivals"
            return subject
        return None

    def _couple(self, kin: Span) -> tuple[_Mention, _Mention] | None:
        """The pair a "their" refers to: the nearest "X and Y" or "X and his wife, Y" just
        named in this sentence or the one before, not past a third named character; further away,
        the story's central couple."""
        doc = self.doc
        first = kin.sent.start
        first = doc[first - 1].sent.start if first > 0 else first
        before = [m for m in self.mentions if first <= m.start < kin.start]
        for i, mention in enumerate(reversed(before)):
            if i > 2:
                break
            pair = self._pair_of(mention)
            if pair is not None:
                return pair
        if _WORDS[kin.label_]["type"] != "child":
            return None
        # "Their eldest daughter" far from any pair: the story's first-named couple, whose
        # children a synopsis goes on listing; a couple among those children (a son and his
        # wife) is named later and is never the default.
        recent = [pair for at, pair in self.couples if first <= at < kin.start]
        earlier = [pair for at, pair in self.couples if at < kin.start]
        return recent[-1] if recent else earlier[0] if earlier else None

    def _pair_of(self, mention: _Mention) -> tuple[_Mention, _Mention] | None:
        words = self.doc[mention.start : mention.end]
        for conj in (c for t in words for c in t.children if c.dep_ == "conj"):
            if conj.i in self.of_token:
                return (mention, self.of_token[conj.i])
            named = [a for a in conj.children if a.dep_ == "appos" and a.i in self.of_token]
            if conj.lower_ in _WORDS and len(named) == 1:
                return (mention, self.of_token[named[0].i])  # "X and his wife, Y"
        return None

    def _conj_pair(self, token: Token | None) -> tuple[_Mention, _Mention] | None:
        """ "X and Y" where the parser may hang the conjunct on any word of X."""
        first = self.of_token.get(token.i) if token is not None else None
        if first is None:
            return None
        words = self.doc[first.start : first.end]
        conj = [c for t in words for c in t.children if c.dep_ == "conj" and c.i in self.of_token]
        return (first, self.of_token[conj[0].i]) if len(conj) == 1 else None

    # --- verbs: marriage, engagement, falling in love ----------------------------------------

    def marriage(self, verb: Token) -> list[tuple]:
        """ "X marries Y", "X and Y marry", "X is married to Y", "the two are soon married"."""
        if _hedged(verb):
            return []
        near = [*verb.children, verb.head]
        upcoming = any(t.lower_ == "getting" for t in near)  # "are getting married"
        kind = "fiance" if verb.lemma_.startswith("engage") or upcoming else "spouse"
        subject = _subject(verb)
        partner = next((c for c in verb.children if c.dep_ == "dobj"), None)
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if partner is None and prep is not None:
            partner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        sent = verb.sent
        if subject is not None and partner is not None and subject.i in self.of_token:
            holder = self.of_token[subject.i]
            if partner.i in self.of_token:
                return [(holder, self.of_token[partner.i], kind, sent)]
            if partner.lower_ in ("him", "her"):
                target = self.referent(partner, exclude={holder.key})
                return [(holder, target, kind, sent)] if target else []
            return []
        pair = self._conj_pair(subject) if partner is None else None
        if pair is None and subject is not None and partner is None:
            pair = self._the_two(subject)
        return [(pair[0], pair[1], kind, sent)] if pair else []

    def falling_in_love(self, love: Token) -> list[tuple]:
        """Only mutual love counts: "X and Y fall in love", not "X falls in love with Y"."""
        verb = love.head.head
        if verb.lemma_ != "fall" or _hedged(verb):
            return []
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        pair = self._conj_pair(subject)
        return [(pair[0], pair[1], "lover", verb.sent)] if pair else []

    def _the_two(self, subject: Token) -> tuple[_Mention, _Mention] | None:
        """ "The two"/"the couple": only when exactly two characters were just named."""
        words = " ".join(t.lower_ for t in subject.subtree)
        if words not in ("the two", "the couple", "the pair"):
            return None
        firsts: dict[str, _Mention] = {}
        for m in self._window(subject):
            if m.type != "person":
                firsts.setdefault(m.key, m)
        pair = list(firsts.values())
        return (pair[0], pair[1]) if len(pair) == 2 else None


def _subject(verb: Token) -> Token | None:
    """The subject, also where the parser hangs it on the auxiliary or the copula."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if verb.dep_ == "acomp":
        holders.append(verb.head)
    for token in holders:
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
    return None


def _hedged(verb: Token) -> bool:
    """Wishes, plans and negations are not facts: "wants to marry", "does not marry"."""
    if verb.dep_ in ("xcomp", "ccomp"):
        return True
    scope = [verb, verb.head] if verb.dep_ == "acomp" else [verb]
    if any(c.dep_ == "neg" for t in scope for c in t.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


@Language.factory(
    SPEC.factory,
    requires=["doc._.kinolog_facts", "token.dep", "token.lemma"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={},
)
def make_relations(nlp: Language, name: str) -> CharacterRelations:
    return CharacterRelations(nlp, name)
