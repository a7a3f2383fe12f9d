"""kinolog.credits.v1: who made a film, and which other real people the writing names with a role.

Writing names a film's crew in many shapes ("directed by X", "X's score", "the cinematographer
was the famous X", "an earlier X film, 1964's Y"); each shape is a cue phrase found with one
PhraseMatcher, and the person is the capitalised name sequence on the cue's side, because the
small model's NER splits or mislabels foreign names. A credit carries a `film` slot only when
the phrase is anchored to a title in the same clause; otherwise it is about the subject film.
People named with a role that is not a credit ("the critic X", "Lenin's successor X",
"actors such as X") become `role` facts, never credits.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._cue_context import (
    CUES,
    POSS,
    NameIndex,
    cue_hits,
    cue_matcher,
)
from kinolog.engine.facts import Fact, Slot
from kinolog.engine.lexicons import load_json
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.credits.v1",
    factory="kinolog_credits",
    order=30,
    description="Crew credits (director, writer, cinematographer, composer, editor, producer, "
    "production company) and non-credit roles of real people (critic, politician, actor).",
)

_ROLES = load_json("person_roles.json")
PERSON_ROLES: dict[str, str] = _ROLES["roles"]
CREDIT_ROLES = (*CUES["passive"], "production_company")
_LIST_CUES = frozenset(_ROLES["list_cues"])
_TITLE_ONLY = frozenset(_ROLES["title_only"])
_OTHER_JOB = frozenset(CUES["not_this_role"])
_PASSIVE = {v: r for r, verbs in CUES["passive"].items() for v in verbs}
_ACTIVE: list[dict] = CUES["active"]
_POSSESSED = {n: r for r, nouns in CUES["possessed"].items() for n in nouns}
_FILM_NOUNS = frozenset(CUES["film_nouns"])
_FILM_PLURALS = frozenset({"films", "movies", "pictures", "works", "features"})
_BLOCKERS = frozenset(CUES["film_noun_blockers"])
_POSS_TARGETS = frozenset({*_POSSESSED, *_FILM_NOUNS, *_FILM_PLURALS, "directorial"})
_LEFT_OK = frozenset(CUES["left_ok"])
_SOURCES = frozenset(CUES["written_source"])
_DEFINITE = frozenset({"the", "its", "their"})
_CASTING = frozenset({"plays", "played", "portrays", "portrayed"})
_AWARD_WORDS = frozenset({"best", "outstanding"})
_COPULA = frozenset({"is", "was", "were", "are", "remains"})
_SKIP_BEFORE_VERB = frozenset({"also", "later", "then", "himself", "herself", "famously", "first"})
_LABEL_RE = re.compile(  # "Director(s): X", "**Music:** X", "| Editor | X |"
    r"(?im)^[ \t]*(?:[-*•|][ \t]*)?(?:\*\*|__)?(?P<label>directors?|directed by|writers?|"
    r"written by|screenplay(?: by)?|cinematography|cinematographers?|director of photography|"
    r"music(?: by)?|composers?|original music|editors?|edited by|film editing|editing|"
    r"producers?|produced by|production co|production compan(?:y|ies)|studios?)"
    r"(?:\(s\))?\.?(?:\(s\))?(?:\*\*|__)?[ \t]*[:|][ \t]*(?:\*\*|__)?[ \t]*"
    r"(?P<value>[^\n|]+?)[ \t|]*$"
)
# The same labels run into a credit paragraph: "Directed by X. Music: Y. A Z production."
_INLINE_LABEL_RE = re.compile(
    r"(?:(?<=[.;]) +)(?P<label>music|score|cinematography|photography|editing|screenplay|script"
    r"|producers?|studio)[ \t]*:[ \t]*(?P<value>[A-Z][^.;:\n]*?)(?=[.;]|\n|$)",
    re.IGNORECASE,
)
_LABEL_ROLES: list[list[str]] = CUES["label_roles"]  # label stem → role, first match wins
_VALUE_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*")

Cand = tuple[str, str, Span, Span | None, float]
"""(kind, role, person, film or None, confidence)."""


class Credits(FactComponent):
    """Finds crew credits and non-credit roles; `match()` returns plain facts."""

    spec = SPEC
    layer = "credits"
    main_slot = "person"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        groups: dict[str, list[str]] = {}
        for verb in _PASSIVE:
            groups.setdefault("PASSIVE", []).append(f"{verb} by")
        groups["PASSIVE"] += ["made at", "produced at"]
        groups["SOURCEBY"] = [f"{noun} by" for noun in CUES["source_nouns"]]
        for role, nouns in CUES["noun_by"].items():
            for noun in nouns:
                phrases = [f"{noun} by", f"{noun} is by", f"{noun} was by"]
                groups[f"NOUNBY|{role}"] = [*groups.get(f"NOUNBY|{role}", []), *phrases]
        for role, nouns in CUES["role_nouns"].items():
            groups[f"ROLE|{role}"] = nouns
        groups["ROLE|production_company"] = ["production company", "production companies"]
        for noun, role in PERSON_ROLES.items():
            if not any(noun in v for k, v in groups.items() if k.startswith("ROLE|")):
                groups.setdefault(f"PROLE|{role}", []).append(noun)
        groups["ACTIVE"] = sorted({v for entry in _ACTIVE for v in entry["verbs"]})
        groups["POSS"] = sorted(POSS)
        groups["FILMNOUN"] = ["film", "movie", "picture", "films", "movies"]
        groups["PRODUCTION"] = ["production"]
        groups["STUDIO"] = CUES["studios"]
        self.matcher = cue_matcher(nlp, groups)

    def match(self, doc: Doc) -> list[Fact]:
        hits = cue_hits(self.nlp, self.matcher, doc)
        index = NameIndex(doc, hits)
        cands: list[Cand] = []
        for key, start, end in hits:
            family, _, role = key.partition("|")
            if family == "PROLE":
                cands.extend(self._role(index, start, end, role, credit=False))
            elif (handler := getattr(self, f"_{family.lower()}", None)) is not None:
                cands.extend(handler(index, start, end, role))
        cands.extend(self._parenthesised(index))
        return self._facts(doc, index, cands) + self._labels(doc)

    # -- cue families -----------------------------------------------------------------------

    def _passive(self, ix: NameIndex, start: int, end: int, _role: str) -> list[Cand]:
        doc = ix.doc
        # A credit line under a header ("TOKYO STORY (1953)\nDirected by X."): the parser
        # often runs the header and the line into one sentence.
        line_start = start > 0 and doc[start - 1].is_space and "\n" in doc[start - 1].text
        if not doc[start].is_lower and ix.sent(start)[0] != start and not line_start:
            return []
        verb = doc[start : end - 1].text.lower()
        role = _PASSIVE.get(verb, "production_company")
        roles, left = [role], start
        while left >= 2 and doc[left - 1].lower_ in {"and", ","}:
            other = _PASSIVE.get(doc[left - 2].lower_)
            if other is None:
                break
            roles.append(other)
            left -= 2
        lo, hi = ix.sent(start)
        lo = left if line_start else lo
        head = set(roles)
        film = ix.film_before(left, lo)
        while film is None:  # "directed by A and written by B": B's anchor is A's
            ctx = ix.left_context(left, lo)
            earlier = ix.name_left(ctx.i + 1, lo) if ctx is not None else None
            if earlier is None or earlier.start - 2 < lo or doc[earlier.start - 1].lower_ != "by":
                break
            left = earlier.start - 2
            head.add(_PASSIVE.get(doc[left].lower_, ""))
            film = ix.film_before(left, lo)
        conf = 0.9
        if film is None:
            ctx = ix.left_context(left, lo)
            if ctx is not None and ctx.lower_ in _SOURCES:
                names = ix.names_right(ix.skip_filler(end, hi), hi)
                return [("role", "writer", n, None, 0.7) for n in names if "screenwriter" in roles]
            if (
                ctx is not None
                and ctx.lower_ not in _LEFT_OK
                and not ctx.is_punct
                and not (film := ix.fallback_title_before(ctx, opening="director" not in head))
            ):
                return []
            conf = 0.85
        out: list[Cand] = []
        people = ix.names_right(ix.skip_filler(end, hi), hi, orgs=True)
        tail = people[-1].end if people else hi
        if "producer" in roles and tail + 1 < hi and doc[tail].lower_ in {"for", "at"}:
            company = ix.name_right(tail + 1, hi, orgs=True)  # "produced by X for Toho"
            if company is not None and ix.is_org(company):
                out.append(("credit", "production_company", company, film, conf))
        for person in people:
            if doc[end - 1].lower_ == "at" and not ix.is_org(person):
                continue
            for r in roles:
                if r in {"producer", "production_company"}:
                    r = "production_company" if ix.is_org(person) else "producer"
                out.append(("credit", r, person, film, conf))
        return out

    def _nounby(self, ix: NameIndex, start: int, end: int, role: str) -> list[Cand]:
        doc = ix.doc
        lo, hi = ix.sent(start)
        prev = doc[start - 1] if start > lo else None
        if prev is not None and prev.pos_ in {"VERB", "AUX"} and prev.lower_ not in _COPULA:
            return []
        film = ix.film_before(start, lo) or ix.film_after(end, hi, lead={"for", "of"})
        out = []
        for person in ix.names_right(ix.skip_filler(end, hi), hi, orgs=role == "producer"):
            r = "production_company" if role == "producer" and ix.is_org(person) else role
            out.append(("credit", r, person, film, 0.85))
        return out

    def _sourceby(self, ix: NameIndex, start: int, end: int, _role: str) -> list[Cand]:
        """'a novel by X', 'the play by X': the source's author is a writer, not a credit."""
        _, hi = ix.sent(start)
        return [("role", "writer", n, None, 0.7) for n in ix.names_right(end, hi, whole=True)]

    def _role(
        self, ix: NameIndex, start: int, end: int, role: str, credit: bool = True
    ) -> list[Cand]:
        """'The director is X', 'critics such as X', 'the critic X', 'X, the film's editor'.

        A credit needs a definite, unmodified noun ("the cinematographer", "the film's
        editor"); "a famous cinematographer" or "Soviet director X" is a role, not a credit.
        """
        doc = ix.doc
        lo, hi = ix.sent(start)
        if not doc[start].is_lower and start != lo and not ix.name_right(end, hi):
            return []  # capitalised role nouns count only as titles: "President X"
        if start > lo and doc[start - 1].lower_ in _OTHER_JOB:
            return []  # "assistant director", "art director": another job
        noun = doc[start:end].text.lower()
        plain = PERSON_ROLES.get(noun, role)
        if noun in _TITLE_ONLY and not (
            ix.name_right(end, hi)
            and (not doc[start].is_lower or (start > lo and doc[start - 1].text[:1].isupper()))
        ):
            return []  # "President X", "Soviet leader X"; not "the president of the bank"
        det_at, modified = ix.determiner_before(start, lo)
        det = doc[det_at].lower_ if det_at is not None else ""
        film = None
        film_owned = False
        if det_at is not None and det in POSS and det_at > lo:
            film = ix.film_before(det_at, lo)  # "Rashomon's cinematographer"
            film_owned = film is not None or doc[det_at - 1].lower_ in _FILM_NOUNS
        definite = not modified and (det in _DEFINITE or film_owned)
        after = end
        if after < hi and doc[after].lower_ in {"of", "for", "on"}:
            if (named := ix.film_after(after + 1, hi)) is not None:
                film, after = named, named.end
            elif ix.plain_object(after + 1, hi):
                after += 2 if doc[after + 1].lower_ == "it" else 3
            else:
                definite = False  # "the director of many films"
        is_credit = credit and definite
        if is_credit and after < hi and (doc[after].lower_ in _COPULA or doc[after].text == ","):
            names = ix.names_right(ix.skip_filler(after + 1, hi), hi, orgs=True)
            if names:
                return [("credit", role, n, film, 0.9) for n in names]
        cue = next((n for n in (2, 1) if doc[after : after + n].text.lower() in _LIST_CUES), 0)
        if cue:
            names = ix.names_right(after + cue, hi, whole=True)
            return [("role", plain, n, None, 0.75) for n in names]
        person = ix.name_right(after, hi, orgs=role == "production_company")
        if person is not None:
            if is_credit or role == "production_company":
                return [("credit", role, person, film, 0.8 if film else 0.6)]
            return [("role", plain, person, None, 0.7)]
        k = det_at if det_at is not None and det not in POSS else start
        if k > lo and doc[k - 1].lower_ == "as":
            return self._worked_as(ix, k - 1, end, role, plain, credit)
        if k > lo and doc[k - 1].lower_ in {"also", "himself", "herself"}:
            k -= 1
        if k <= lo or not (doc[k - 1].lower_ in _COPULA or doc[k - 1].text == ","):
            return []
        person = ix.name_left(k - 1, lo)
        if person is None or ix.film_at(person):
            return []
        if is_credit:
            return [("credit", role, person, film, 0.85 if film or film_owned else 0.75)]
        return [("role", plain, person, None, 0.7)]

    def _worked_as(
        self, ix: NameIndex, as_at: int, after: int, role: str, plain: str, credit: bool
    ) -> list[Cand]:
        doc = ix.doc
        lo, hi = ix.sent(as_at)
        verb = as_at - 1
        if verb <= lo or doc[verb].lower_ not in {"worked", "served", "works", "serves", "acted"}:
            return []
        person = self._doer(ix, verb, lo)
        if person is None:
            return []
        if not credit:
            return [("role", plain, person, None, 0.7)]
        if after < hi and doc[after].lower_ in {"on", "for", "in", "of"}:
            film = ix.film_after(after + 1, hi, skip_words=True)
            if film is not None:
                return [("credit", role, person, film, 0.85)]
            if ix.plain_object(after + 1, hi):
                return [("credit", role, person, None, 0.8)]
        return [("role", plain, person, None, 0.6)]

    def _active(self, ix: NameIndex, start: int, end: int, _role: str) -> list[Cand]:
        doc = ix.doc
        lo, hi = ix.sent(start)
        if end < hi and doc[end].lower_ == "by":
            return []
        if not doc[start].is_lower:
            return []
        person = self._doer(ix, start, lo)
        if person is None or ix.film_at(person) or ix.is_character(person):
            return []
        verb = doc[start:end].text.lower()
        for entry in _ACTIVE:
            if verb not in entry["verbs"]:
                continue
            role = entry["role"]
            if entry["objects"]:
                obj = ix.skip_filler(end, hi)
                if obj < hi and doc[obj].lower_ in entry["objects"]:
                    film = ix.film_after(obj + 1, hi, lead={"for", "of", "to"})
                    people = [*self._co_doers(ix, person, lo), person]
                    if film is None and obj + 2 < hi and doc[obj + 1].lower_ == "with":
                        people += ix.names_right(obj + 2, hi)  # "X wrote the script with A and B"
                    return [("credit", role, p, film, 0.85) for p in people]
                continue
            loose = entry.get("loose", False)  # "X directed Stalker", "X directed it"
            film = ix.film_at_start(end) or (ix.fallback_title_after(end) if loose else None)
            if film is not None:
                return [("credit", role, person, film, 0.85)]
            if entry.get("film_only"):  # "X made Y" only with a title for Y
                continue
            if ix.plain_object(end, hi, pronoun=loose):
                film = ix.film_after(end + 2, hi, lead={"of"})
                return [("credit", role, person, film, 0.8)]
            if role == "director" and ix.skip_filler(end, hi) < hi:
                nxt = doc[ix.skip_filler(end, hi)]
                if nxt.lower_ in _FILM_PLURALS or nxt.like_num:
                    return [("role", "director", person, None, 0.7)]
        return []

    @staticmethod
    def _co_doers(ix: NameIndex, person: Span, lo: int) -> list[Span]:
        """'A and B wrote the script': the name joined to the doer by 'and'."""
        k = person.start - 1
        if k > lo and ix.doc[k].lower_ == "and" and (other := ix.name_left(k, lo)) is not None:
            return [] if ix.is_character(other) or ix.film_at(other) else [other]
        return []

    def _doer(self, ix: NameIndex, verb: int, lo: int) -> Span | None:
        """The name before a verb: 'X directed', 'X also shot', 'X, who edited'."""
        k = verb
        while k > lo and ix.doc[k - 1].lower_ in _SKIP_BEFORE_VERB:
            k -= 1
        if k - 2 >= lo and ix.doc[k - 1].lower_ == "who" and ix.doc[k - 2].text == ",":
            k -= 2
        return ix.name_left(k, lo) or ix.subject_name(verb, lo)

    def _poss(self, ix: NameIndex, start: int, end: int, _role: str) -> list[Cand]:
        doc = ix.doc
        lo, hi = ix.sent(start)
        owner = ix.name_left(start, lo)
        if owner is None or ix.film_at(owner) or ix.is_character(owner) or ix.is_place(owner):
            return []
        film = ix.film_at_start(end) if ix.has_films else None
        if film is not None:
            return [("credit", "director", owner, film, 0.7)]
        t = ix.skip_modifiers(end, hi, _POSS_TARGETS)
        if t >= hi:
            return []
        word = doc[t].lower_
        if word == "direction" and owner.start > lo and doc[owner.start - 1].lower_ == "under":
            return []  # "under Ned's direction, he writes a note": a plot, not a credit
        if word == "directorial" or word in _POSSESSED:
            role = _POSSESSED.get(word, "director")
            film = ix.film_after(t + 1, hi, lead={"for", "of", "in", "on"}, skip_words=True)
            return [("credit", role, owner, film, 0.8)]
        if word in _FILM_PLURALS:
            return [("role", "director", owner, None, 0.6)]
        if any(tok.lower_ in _BLOCKERS for tok in doc[end:t]):
            return []  # "X's comeback feature", "X's debut film": an actor's film
        if word in _FILM_NOUNS and (t + 1 >= hi or doc[t + 1].lower_ not in _BLOCKERS):
            if t + 1 < hi and doc[t + 1].pos_ == "NOUN" and doc[t + 1].is_lower:
                return []
            film = ix.film_after(t + 1, hi)
            if film is None and t + 1 < hi and doc[t + 1].text == ",":
                film = ix.film_after(t + 2, hi)
            if film is None and owner.start - 1 > lo and doc[owner.start - 1].text == ",":
                film = ix.film_before(owner.start - 1, lo)  # "Breathless, Godard's 1960 film,"
            return [("credit", "director", owner, film, 0.7 if film else 0.6)]
        return []

    def _filmnoun(self, ix: NameIndex, start: int, end: int, _role: str) -> list[Cand]:
        """'an earlier X film, 1964's Y' (director of Y) and 'a Toho production'-like compounds."""
        doc = ix.doc
        lo, hi = ix.sent(start)
        owner = ix.name_left(start, lo)
        if owner is None or owner.start <= lo or not doc[owner.start - 1].is_lower:
            return []
        if ix.film_at(owner) or ix.is_place(owner) or owner[0].lower_ in _AWARD_WORDS:
            return []  # "the award for Best Picture": a category, not a maker
        if not (ix.is_person(owner) or ix.is_org(owner) or len(owner) > 1):
            return []
        film = None
        if doc[start].lower_ in {"film", "movie", "picture"}:
            nxt = end + 1 if end < hi and doc[end].text in {",", ":"} else end
            film = ix.film_after(nxt, hi)
            det = owner.start - 1
            while det > lo and doc[det].lower_ not in {"a", "an"} and doc[det].pos_ == "ADJ":
                det -= 1
            if film is None and det - 1 > lo and doc[det - 1].lower_ in _COPULA:
                if doc[det - 2].lower_ in {"it", "this"}:  # "it is a Bergman film"
                    return [("credit", "director", owner, None, 0.7)]
                film = ix.film_before(det - 1, lo) or ix.fallback_title_before(doc[det - 2])
        if ix.is_org(owner):
            return [("credit", "production_company", owner, film, 0.7)]
        if film is not None:
            return [("credit", "director", owner, film, 0.6)]
        return [("role", "director", owner, None, 0.6)]

    def _production(self, ix: NameIndex, start: int, end: int, _role: str) -> list[Cand]:
        doc = ix.doc
        lo, _ = ix.sent(start)
        owner = ix.name_left(start, lo, orgs=True)
        if owner is None or owner.start <= lo or doc[owner.start - 1].lower_ not in {"a", "an"}:
            return []
        if ix.film_at(owner) or ix.is_place(owner):
            return []
        film = ix.film_before(owner.start - 1, lo)
        return [("credit", "production_company", owner, film, 0.8)]

    def _parenthesised(self, ix: NameIndex) -> list[Cand]:
        """'Casablanca (Curtiz, 1942)': the usual citation of a film with its director."""
        doc = ix.doc
        out: list[Cand] = []
        for film in ix.films:
            i = film.end
            if i + 4 < len(doc) and doc[i].text == "(":
                person = ix.name_right(i + 1, min(i + 7, len(doc)))
                if person is None or person.end + 2 >= len(doc):
                    continue
                j = person.end
                if doc[j].text == "," and doc[j + 1].like_num and doc[j + 2].text == ")":
                    out.append(("credit", "director", person, film, 0.7))
        return out

    # -- output -----------------------------------------------------------------------------

    def _facts(self, doc: Doc, ix: NameIndex, cands: list[Cand]) -> list[Fact]:
        best: dict[tuple, Cand] = {}
        for cand in cands:
            kind, role, person, film, conf = cand
            if (
                ix.is_character(person)
                or ix.has_actor_after(person)
                or (film is not None and film.start <= person.start < film.end)
            ):
                continue
            key = (kind, role, person.start, person.end, film.start if film else None)
            if key not in best or best[key][4] < conf:
                best[key] = cand
        credited = {(c[2].start, c[1]) for c in best.values() if c[0] == "credit"}
        plain_of_credit = {"director": "director", "director_of_photography": "cinematographer"}
        facts = []
        for kind, role, person, film, conf in sorted(best.values(), key=lambda c: c[2].start):
            if kind == "role" and _cast_object(doc, person.start):
                continue  # "plays Elisabet Vogler, an actress": a character's occupation
            if kind == "role" and any(
                (person.start, r) in credited
                for r in CREDIT_ROLES
                if plain_of_credit.get(r, r) == role
            ):
                continue
            lo, hi = ix.sent(person.start)
            if film is not None:
                lo, hi = min(lo, film.start), max(hi, film.end)
            slots: dict[str, Span | Slot] = {"person": person}
            if film is not None:
                slots["film"] = film
            span = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
            facts.append(self.fact(kind, span, slots, confidence=conf, role=role))
        return facts

    def _labels(self, doc: Doc) -> list[Fact]:
        """Story-card lines such as 'Director(s): X' or 'Production Co.(s): Y, Z'."""
        facts = []
        matches = [*_LABEL_RE.finditer(doc.text), *_INLINE_LABEL_RE.finditer(doc.text)]
        for m in matches:
            label = m.group("label").lower()
            role = next((r for stem, r in _LABEL_ROLES if stem in label), None)
            if role is None:
                continue
            start = m.start("value")
            for piece in _VALUE_SPLIT.split(m.group("value")):
                at = doc.text.find(piece, start)
                start = at + len(piece)
                text = piece.strip()
                if not text or not text[0].isupper() or len(text.split()) > 6:
                    continue
                slot = Slot(at, at + len(text), text)
                facts.append(
                    self.fact("credit", (m.start(), m.end()), {"person": slot}, 0.95, role=role)
                )
        return facts


def _cast_object(doc: Doc, i: int) -> bool:
    """Whether the name at i is the character of 'plays X' or 'Y as X'."""
    if i < 2:
        return False
    before = doc[i - 1].lower_
    return before in _CASTING or (before == "as" and doc[i - 2].text[:1].isupper())


@Language.factory(
    SPEC.factory,
    requires=["doc._.kinolog_facts"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={},
)
def make_credits(nlp: Language, name: str) -> Credits:
    return Credits(nlp, name)
