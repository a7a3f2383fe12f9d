"""kinolog.cast.v1: which actor plays which character, from the many ways writing says so.

"as" is everywhere in English ("as well as", "such as", "as a child"), so an "X as Y" pair
counts only in a casting context: right after a cue ("stars", "starring", "with", "Cast:"),
chained to an accepted pair ("stars A as B and C as D"), in a sentence with a casting word,
or for an actor already known from this document. Other shapes are unambiguous on their own
("Y (played by X)", "X plays Y", "X's portrayal of Y"). A possessive pronoun ("her portrayal
of Y") is resolved only through the sentence subjects to a known actor; otherwise it is
skipped rather than guessed.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._cue_context import (
    CUES,
    POSS,
    NameIndex,
    cue_hits,
    cue_matcher,
    is_name_token,
)
from kinolog.engine.facts import Fact, Slot
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.cast.v1",
    factory="kinolog_cast",
    order=40,
    description="Actor and character pairs, with the film when a title anchors the phrase.",
)

_CAST = CUES["cast"]
_STAR_CUES = frozenset(_CAST["star_cues"])
_CAST_WORDS = frozenset(_CAST["cast_words"])
_ROLE_WORDS = frozenset(_CAST["role_words"])
_SEPARATORS = frozenset(_CAST["separators"])
_PRONOUN_GENDER = {"her": "she", "she": "she", "his": "he", "he": "he", "their": "they"}
_AS_VERBS = frozenset({"appears", "appeared", "stars", "starred", "co-stars", "returns", "plays"})
_CAST_VERBS = frozenset({"cast", "casts", "casting", "recast"})
_CREW = frozenset({"director", "screenwriter", "director_of_photography"})
_BEFORE_VERB = frozenset({"also", "who", ",", "later", "then", "memorably", "famously"})
_NAME_RE = re.compile(  # every word capitalised but the particles of names
    r"^[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|di|del|dos|van|von|der|le|la|du|y)){0,4}$"
)
_LABEL_RE = re.compile(r"(?im)^[ \t]*(?:main )?(?:cast|starring)[ \t]*:[ \t]*(?P<value>[^\n]+)$")
_ITEM_RE = re.compile(
    r"^(?P<actor>[^()]+?)\s*(?:\((?P<c1>[^)]+)\)|\s+as\s+(?P<c2>.+)|\s+[–—-]+\s+(?P<c3>.+))$"
)

# A cast section: a heading line ("## Cast", "**Starring**", "Cast:") over one pair a line.
_SECTION_RE = re.compile(
    r"(?im)^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*|__)?[ \t]*(?:the )?(?:main |principal |full )?"
    r"(?:cast(?: list| and characters)?|starring)[ \t]*:?[ \t]*(?:\*\*|__)?[ \t]*:?[ \t]*\n"
)
_LINE_RE = re.compile(r"[ \t]*(?:[-*•+][ \t]+|\d{1,2}[.)][ \t]+)?(?P<body>[^\n]*?)[ \t]*(?:\n|$)")

Pair = tuple[Span, Span, Span | None, float, tuple[int, int]]
"""(actor, character, film or None, confidence, evidence token bounds)."""


class Cast(FactComponent):
    """Finds actor → character pairs; `match()` returns plain facts."""

    spec = SPEC
    layer = "cast"
    main_slot = "actor"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.matcher = cue_matcher(
            nlp,
            {
                "AS": ["as"],
                "PAREN": ["("],
                "PLAYEDBY": _CAST["played_by"],
                "PLAYS": _CAST["plays"],
                "PORTRAYAL": _CAST["portrayal"],
                "SUCHAS": _CAST["list_cues"],
                "POSS": sorted(POSS),
                "FILMNOUN": ["film", "movie", "picture"],
                "STUDIO": CUES["studios"],
            },
        )

    def match(self, doc: Doc) -> list[Fact]:
        hits = cue_hits(self.nlp, self.matcher, doc)
        ix = NameIndex(doc, hits)
        spots: dict[str, list[tuple[int, int]]] = {}
        for key, start, end in hits:
            spots.setdefault(key, []).append((start, end))
        pairs = _Reading(ix).pairs(spots)
        labels = self._labels(doc)
        lines = [f.span for f in labels]
        return labels + [
            f
            for f in self._facts(ix, pairs)
            if not any(a <= f.slots["actor"].start < b for a, b in lines)
        ]

    # -- output ---------------------------------------------------------------------------

    def _facts(self, ix: NameIndex, pairs: list[Pair]) -> list[Fact]:
        doc = ix.doc
        seen: set[tuple] = set()
        facts = []
        for actor, character, film, conf, (lo, hi) in pairs:
            key = (actor.start_char, character.start_char)
            if key in seen or (actor.start < character.end and character.start < actor.end):
                continue
            seen.add(key)
            if film is None:
                film = self._scene_film(ix, actor.start)
            slots: dict[str, Span | Slot] = {"actor": actor, "character": character}
            if film is not None:
                slots["film"] = film
                lo, hi = min(lo, film.start), max(hi, film.end)
            span = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
            facts.append(self.fact("cast", span, slots, confidence=conf))
        return facts

    def _scene_film(self, ix: NameIndex, i: int) -> Span | None:
        """'In Casablanca, X plays Y': a title opening the sentence anchors its pairs."""
        lo, _ = ix.sent(i)
        film = ix.film_at_start(lo + 1) if ix.doc[lo].lower_ == "in" else None
        if film is None or film.end >= len(ix.doc) or ix.doc[film.end].text != ",":
            return None
        return film

    def _labels(self, doc: Doc) -> list[Fact]:
        """'Cast: X (Y), Z as W' lines of story cards and credits blocks."""
        facts = []
        for m in _LABEL_RE.finditer(doc.text):
            offset = m.start("value")
            for item in re.finditer(r"[^,;]+", m.group("value")):
                found = _ITEM_RE.match(item.group().strip())
                if found is None or "(" in m.group("value")[: item.start()].split(")")[-1]:
                    continue
                base = offset + item.start() + (len(item.group()) - len(item.group().lstrip()))
                group = next(g for g in ("c1", "c2", "c3") if found.group(g))
                actor = _slot(doc.text, base + found.start("actor"), base + found.end("actor"))
                role = _slot(doc.text, base + found.start(group), base + found.end(group))
                if actor.text[:1].isupper() and role.text[:1].isupper():
                    span = (m.start(), m.end())
                    facts.append(self.fact("cast", span, {"actor": actor, "character": role}, 0.95))
        return facts + self._sections(doc.text)

    def _sections(self, text: str) -> list[Fact]:
        """'## Cast' over '- Actor — Character' lines: the list runs to the first line that is
        no pair (blank lines between items allowed)."""
        facts = []
        for heading in _SECTION_RE.finditer(text):
            pos = heading.end()
            while pos < len(text):
                line = _LINE_RE.match(text, pos)
                if line is None or line.end() == pos:
                    break
                pos, body = line.end(), line.group("body")
                if not body:
                    continue
                found = _ITEM_RE.match(body)
                if found is None or body.startswith("#"):
                    break
                group = next(g for g in ("c1", "c2", "c3") if found.group(g))
                base = line.start("body")
                actor = _slot(text, base + found.start("actor"), base + found.end("actor"))
                role = _slot(text, base + found.start(group), base + found.end(group))
                if not (_NAME_RE.match(actor.text) and role.text[:1].isupper()):
                    break
                span = (line.start("body"), line.end("body"))
                facts.append(self.fact("cast", span, {"actor": actor, "character": role}, 0.9))
        return facts


def _slot(text: str, start: int, end: int) -> Slot:
    value = text[start:end]
    start += len(value) - len(value.lstrip())
    end -= len(value) - len(value.rstrip())
    return Slot(start, end, text[start:end])


class _Reading:
    """One document's cast shapes and what they learn as they go: the actors and characters
    already paired, the crew that credits found (a director's "portrayal of" is not acting)."""

    def __init__(self, ix: NameIndex) -> None:
        facts = ix.doc._.kinolog_facts
        self.ix = ix
        self._known_actors = {
            f.slot_text("person") or ""
            for f in facts
            if f.kind == "role" and f.attrs.get("role") == "actor"
        }
        self._crew = {
            f.slot_text("person") or ""
            for f in facts
            if f.kind == "credit" and f.attrs.get("role") in _CREW
        }
        self._characters: set[str] = set()

    def pairs(self, spots: dict[str, list[tuple[int, int]]]) -> list[Pair]:
        """Unambiguous shapes first; what they teach decides the weaker ones."""
        ix = self.ix
        pairs = self._as_pairs(ix, spots.get("AS", []), strict=True)
        for s, e in spots.get("PLAYEDBY", []):
            pairs += self._played_by(ix, s, e)
        for s, e in spots.get("PLAYS", []):
            pairs += self._plays(ix, s, e)
        self._learn(pairs)
        pairs += self._as_pairs(ix, spots.get("AS", []), strict=False)
        pairs += [p for s, _ in spots.get("PAREN", []) if (p := self._paren(ix, s))]
        pairs += [p for s, e in spots.get("PORTRAYAL", []) if (p := self._portrayal(ix, s, e))]
        self._learn(pairs)
        pairs += [p for s, e in spots.get("POSS", []) if (p := self._possessive(ix, s, e))]
        for s, e in spots.get("SUCHAS", []):
            if (p := self._such_as(ix, s, e, pairs)) is not None:
                pairs.append(p)
        return pairs

    def _learn(self, pairs: list[Pair]) -> None:
        for actor, character, *_ in pairs:
            self._known_actors.add(actor.text)
            self._characters.add(character.text)

    def _is_known(self, name: Span, names: set[str]) -> bool:
        return name.text in names or any(n.split()[-1:] == [name[-1].text] for n in names if n)

    def _actor_ok(self, ix: NameIndex, actor: Span | None) -> bool:
        return (
            actor is not None
            and not ix.film_at(actor)
            and not ix.is_character(actor)
            and not self._is_known(actor, self._characters)
        )

    def _character_after(self, ix: NameIndex, i: int, hi: int) -> Span | None:
        """The character after 'as', 'plays', 'portrayal of': 'the Writer', "'Jerry'"."""
        doc = ix.doc
        if i + 1 < hi and doc[i].lower_ in {"'", '"', "‘", "“"}:
            i += 1
        if i + 1 < hi and doc[i].lower_ in {"the", "a", "an", "his", "her", "their"}:
            j = i + 1  # "plays the nurse Alma", "plays his stepfather Julien"
            while j < min(hi, i + 3) and doc[j].is_lower and doc[j].is_alpha:
                j += 1
            i = j if j < hi and is_name_token(doc[j]) else i
        name = ix.name_right(i, hi)
        if name is None or name.end >= hi or doc[name.end].text not in {"'s", "’s"}:
            return name
        # "plays Antonio's wife, Maria": the character is the name after the relation noun;
        # without one ("plays Antonio's wife") the character is unnamed.
        j = name.end + 1
        while j < min(hi, name.end + 4) and doc[j].is_lower and doc[j].is_alpha:
            j += 1
        if j + 1 < hi and j > name.end + 1 and doc[j].text == ",":
            return ix.name_right(j + 1, hi)
        return None

    def _film_after_character(self, ix: NameIndex, character: Span, hi: int) -> Span | None:
        return ix.film_after(character.end, hi, lead={"in"})

    # -- shapes ---------------------------------------------------------------------------

    def _as_pairs(self, ix: NameIndex, spots: list[tuple[int, int]], strict: bool) -> list[Pair]:
        """'stars A as B and C as D': cue-led and chained pairs (strict), then weaker ones."""
        doc = ix.doc
        out: list[Pair] = []
        prev: Pair | None = None
        for a, _ in spots:
            lo, hi = ix.sent(a)
            actor = ix.name_left(a, lo) or self._cast_appositive(ix, a, lo)
            verb = a - 2 if a - 2 >= lo and doc[a - 1].pos_ == "ADV" else None
            if actor is None and verb is not None and doc[verb].lower_ in _AS_VERBS:
                actor = ix.name_left(verb, lo) or ix.subject_name(verb, lo)  # "X appears late as Y"
            character = self._character_after(ix, a + 1, hi) if actor is not None else None
            if character is None and strict and actor is not None:
                character = _label_after(doc, a + 1, hi)  # "Takashi Shimura as the woodcutter"
            if actor is None or character is None or not self._actor_ok(ix, actor):
                prev = None
                continue
            film = self._film_after_character(ix, character, hi)
            gap = doc[prev[1].end : actor.start] if prev is not None else None
            if gap is not None and all(t.lower_ in _SEPARATORS for t in gap):
                pair = (actor, character, film or prev[2], prev[3], (lo, hi))
            elif verb is not None and doc[verb].lower_ in _AS_VERBS:
                pair = (actor, character, film, 0.85, (lo, hi))
            elif (cue := self._cue_before(ix, actor.start, lo)) is not None:
                anchor = ix.film_before(cue, lo) if doc[cue].lower_.startswith("star") else None
                pair = (actor, character, film or anchor, 0.9, (lo, hi))
            elif strict:
                prev = None
                continue
            elif self._is_known(actor, self._known_actors) or (
                ix.is_person(actor) and any(t.lower_ in _CAST_WORDS for t in doc[lo:hi])
            ):
                pair = (actor, character, film, 0.75, (lo, hi))
            else:
                prev = None
                continue
            out.append(pair)
            prev = pair
        return out

    def _cast_appositive(self, ix: NameIndex, a: int, lo: int) -> Span | None:
        """'cast X, a worker from the factory, as Y': the actor before a short appositive."""
        doc = ix.doc
        if a - 1 <= lo or doc[a - 1].text != ",":
            return None
        k = a - 2
        while k > max(lo, a - 12) and doc[k].text != ",":
            k -= 1
        actor = ix.name_left(k, lo) if doc[k].text == "," else None
        if actor is None or actor.start - 1 < lo or doc[actor.start - 1].lower_ not in _CAST_VERBS:
            return None
        return actor

    def _cue_before(self, ix: NameIndex, start: int, lo: int) -> int | None:
        j = start - 1
        while j >= lo and ix.doc[j].text in {":", ",", "-", "—"}:
            j -= 1
        if j >= lo and ix.doc[j].lower_ in _STAR_CUES - {"and"}:
            return j
        return None

    def _played_by(self, ix: NameIndex, start: int, end: int) -> list[Pair]:
        """'Ilsa (played by X)', 'the priest, played by X', 'A and B are played by X and Y'."""
        doc = ix.doc
        lo, hi = ix.sent(start)
        actors = ix.names_right(ix.skip_filler(end, hi), hi, whole=True)
        k = start
        while k > lo and (
            doc[k - 1].text in {"(", ",", "—", "–"}
            or doc[k - 1].lower_ in {"is", "was", "are", "were", "being", "also", "here"}
            or doc[k - 1].pos_ == "ADV"
        ):
            k -= 1
        characters: list[Span] = []
        while len(characters) < len(actors):
            character = ix.name_left(k, lo) or _label_before(doc, k, lo)
            if character is None:
                break
            characters.insert(0, character)
            k = character.start
            while k > lo and doc[k - 1].lower_ in {"and", ","}:
                k -= 1
            if k == character.start:
                break
        out: list[Pair] = []
        for actor, character in zip(actors, characters, strict=False):
            if not self._actor_ok(ix, actor) or ix.film_at(character):
                return []
            film = ix.film_after(actor.end, hi, lead={"in"})
            out.append((actor, character, film, 0.9, (lo, hi)))
        return out

    def _plays(self, ix: NameIndex, start: int, end: int) -> list[Pair]:
        """'X plays Y', 'X, who plays Y', 'X in the role of Y', 'she plays Y'."""
        doc = ix.doc
        lo, hi = ix.sent(start)
        if end < hi and doc[end].lower_ in {"by", "as"} and doc[end - 1].lower_ != "as":
            return []
        character = self._character_after(ix, end, hi)
        if character is None or ix.film_at(character):
            return []
        k = start
        while k > lo and (doc[k - 1].lower_ in _BEFORE_VERB or doc[k - 1].pos_ == "ADV"):
            k -= 1
        actor: Span | None = ix.name_left(k, lo)
        bounds = (lo, hi)
        if actor is None and k > lo and doc[k - 1].lower_ not in {"she", "he"}:
            actor = ix.subject_name(start, lo)
        if actor is None and k > lo and doc[k - 1].lower_ in {"she", "he"}:
            actor, bounds = self._resolve(ix, doc[k - 1], bounds)
        if not self._actor_ok(ix, actor) or self._is_known(actor, self._crew):
            return []
        actors, characters = [actor], ix.names_right(character.start, hi)
        j = actor.start - 1  # "Oskar Werner and Henri Serre play Jules and Jim"
        if j > lo and doc[j].lower_ == "and" and (before := ix.name_left(j, lo)) is not None:
            actors.insert(0, before)
        if len(actors) != len(characters) or len(actors) == 1:
            actors, characters = [actor], [character]
        film = self._film_after_character(ix, characters[-1], hi)
        return [(a, c, film, 0.85, bounds) for a, c in zip(actors, characters, strict=True)]

    def _portrayal(self, ix: NameIndex, start: int, end: int) -> Pair | None:
        """'X's portrayal of Y', 'her performance as Y' (pronoun resolved to a known actor)."""
        doc = ix.doc
        lo, hi = ix.sent(start)
        character = self._character_after(ix, end, hi)
        if character is None or start - 1 < lo:
            return None
        owner = doc[start - 1]
        bounds = (lo, hi)
        if owner.text in POSS:
            actor = ix.name_left(start - 1, lo)
        elif owner.lower_ in _PRONOUN_GENDER:
            actor, bounds = self._resolve(ix, owner, bounds)
        else:
            return None
        if not self._actor_ok(ix, actor) or self._is_known(actor, self._crew):
            return None
        if owner.text in POSS and not (
            self._is_known(actor, self._known_actors) or ix.is_person(actor)
        ):
            return None
        return (actor, character, self._film_after_character(ix, character, hi), 0.8, bounds)

    def _paren(self, ix: NameIndex, start: int) -> Pair | None:
        """'Rick Blaine (Humphrey Bogart)' in running text; 'starring X (Y)' after a cue.

        Writing puts the actor in parentheses after the character, so that is the reading
        unless a cast cue or an already known actor says the list runs actor-first.
        """
        doc = ix.doc
        lo, hi = ix.sent(start)
        left = ix.name_left(start, lo)
        inside = ix.name_right(start + 1, hi)
        if inside is None or inside.end >= hi:
            return None
        close = inside.end
        if left is not None and doc[close].text in POSS and close + 2 < hi:
            if doc[close + 1].is_lower and doc[close + 2].text == ")":  # "X (Alyosha's mother)"
                return (left, doc[inside.start : close + 2], None, 0.8, (lo, hi))
            return None
        if doc[close].text != ")":
            return None
        if left is None:
            label = _label_before(doc, start, lo)  # "a woodcutter (Takashi Shimura)"
            full_name = _full_name(ix, inside)
            if label is not None and (full_name or self._is_known(inside, self._known_actors)):
                return (inside, label, None, 0.7, (lo, hi))
            return None
        if ix.film_at(left) or ix.film_at(inside) or ix.doc[left.start - 1].lower_ == "of":
            return None  # "King Louis XII of France (William Norris)"
        cue = self._cue_before(ix, left.start, lo)
        j = left.start - (2 if doc[left.start - 2 : left.start].text == ", and" else 1)
        if doc[j].text in {",", "and"} and doc[j - 1].text == ")":  # a list: 'X (Y), Z (W)'
            opening = next((i for i in range(j - 2, lo, -1) if doc[i].text == "("), None)
            earlier = self._paren(ix, opening) if opening is not None else None
            if earlier is not None and earlier[0].end == opening:
                return (left, inside, None, earlier[3], (lo, hi))
        if (cue is not None and doc[cue].lower_ not in {"with", "and"}) or (
            self._is_known(left, self._known_actors) and ix.mention_type(left) != "character"
        ):
            return (left, inside, None, 0.85, (lo, hi))
        if ix.mention_type(left) == "person" and ix.mention_type(inside) != "person":
            return None
        if self._is_known(inside, self._known_actors) or ix.mention_type(inside) == "person":
            return (inside, left, None, 0.8, (lo, hi))
        if _full_name(ix, inside):
            return (inside, left, None, 0.7, (lo, hi))
        return None

    def _possessive(self, ix: NameIndex, start: int, end: int) -> Pair | None:
        """'Conrad Veidt's Major Strasser': a known actor's known character."""
        lo, hi = ix.sent(start)
        actor = ix.name_left(start, lo)
        character = ix.name_right(end, hi)
        if actor is None or character is None or ix.film_at(character):
            return None
        actor_known = (
            self._is_known(actor, self._known_actors) or ix.mention_type(actor) == "person"
        )
        character_known = (
            self._is_known(character, self._characters) or ix.mention_type(character) == "character"
        )
        if not (actor_known and character_known) or not self._actor_ok(ix, actor):
            return None
        if self._is_known(actor, self._crew):
            return None
        return (actor, character, None, 0.7, (lo, hi))

    def _such_as(self, ix: NameIndex, start: int, end: int, pairs: list[Pair]) -> Pair | None:
        """'… leading to future roles, such as Cabiria in 1957's Nights of Cabiria'."""
        doc = ix.doc
        lo, hi = ix.sent(start)
        if not any(t.lower_ in _ROLE_WORDS for t in doc[lo:start]):
            return None
        character = ix.name_right(end, hi)
        film = self._film_after_character(ix, character, hi) if character is not None else None
        if character is None or film is None:
            return None
        actor, bounds = next(((p[0], p[4]) for p in pairs if p[4][1] == hi), (None, (lo, hi)))
        if actor is None:
            subject = _subject(doc, lo, start)
            if subject is not None and subject.lower_ in _PRONOUN_GENDER:
                actor, bounds = self._resolve(ix, subject, (lo, hi))
            elif subject is not None and is_name_token(subject):
                found = ix.name_left(subject.i + 1, lo)
                actor = found if found and self._is_known(found, self._known_actors) else None
        if not self._actor_ok(ix, actor):
            return None
        return (actor, character, film, 0.7, bounds)

    # -- pronouns -------------------------------------------------------------------------

    def _resolve(
        self, ix: NameIndex, pronoun: Token, bounds: tuple[int, int]
    ) -> tuple[Span | None, tuple[int, int]]:
        """A pronoun's actor: the sentence subject, followed back through matching pronouns."""
        doc = ix.doc
        if not doc.has_annotation("DEP"):
            return None, bounds
        gender = _PRONOUN_GENDER.get(pronoun.lower_)
        lo, _ = ix.sent(pronoun.i)
        limit = pronoun.i
        for _ in range(3):
            subject = _subject(doc, lo, limit)
            if subject is None or subject.lower_ in _PRONOUN_GENDER:
                if subject is not None and _PRONOUN_GENDER[subject.lower_] != gender:
                    return None, bounds
                if lo == 0:
                    return None, bounds
                lo, limit = ix.sent(lo - 1)
                continue
            if not is_name_token(subject):
                return None, bounds
            actor = ix.name_left(subject.i + 1, lo)
            if actor is not None and self._is_known(actor, self._known_actors):
                return actor, (min(lo, bounds[0]), bounds[1])
            return None, bounds
        return None, bounds


def _full_name(ix: NameIndex, name: Span) -> bool:
    """Two or more words that the model reads as a person, or at least as no other entity."""
    others = any(t.ent_type_ not in {"", "PERSON"} for t in name)
    return len(name) >= 2 and (ix.is_person(name) or not others)


def _label_before(doc: Doc, k: int, lo: int) -> Span | None:
    """A role label used as a character: 'a woodcutter (Takashi Shimura)', 'the priest, …'."""
    j = k - 1
    if j <= lo or not doc[j].is_lower or not doc[j].is_alpha or doc[j].pos_ not in {"NOUN", ""}:
        return None
    det = j - 1 if doc[j - 1].pos_ != "ADJ" else j - 2
    return doc[j:k] if det >= lo and doc[det].lower_ in {"a", "an", "the"} else None


def _label_after(doc: Doc, i: int, hi: int) -> Span | None:
    """'as the woodcutter,' in a cast list: a role label standing for the character."""
    if i >= hi or doc[i].lower_ not in {"a", "an", "the"}:
        return None
    j = i + 2 if i + 1 < hi and doc[i + 1].pos_ == "ADJ" else i + 1
    if j >= hi or not doc[j].is_lower or not doc[j].is_alpha or doc[j].pos_ not in {"NOUN", ""}:
        return None
    if j + 1 < hi and not (doc[j + 1].is_punct or doc[j + 1].lower_ in {"and", "in", "while"}):
        return None
    return doc[j : j + 1]


def _subject(doc: Doc, lo: int, limit: int) -> Token | None:
    """The first nominal subject in doc[lo:limit] (the sentence's topic, in practice)."""
    for tok in doc[lo:limit]:
        if tok.dep_ in {"nsubj", "nsubjpass"}:
            return tok
    return None


@Language.factory(
    SPEC.factory,
    requires=["doc._.kinolog_facts"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={},
)
def make_cast(nlp: Language, name: str) -> Cast:
    return Cast(nlp, name)
