"""The context around a cue phrase, shared by the credits and cast components.

Credits and cast both read a person (or character) next to a cue ("directed by X", "X as Y")
and a film title anchored to the same clause. Names are read as capitalised token sequences
rather than from NER alone, because the small model splits and mislabels foreign names
("Toshirô Mifune" as ORG); mention facts from the names component, when present, widen a
sequence to the full mention and mark characters. Titles come from the film-titles span group,
or a narrow fallback when that layer is absent.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kinolog.engine.extensions import facts_of, span_group
from kinolog.engine.lexicons import load_json

CUES = load_json("credit_cues.json")
POSS = frozenset({"'s", "’s", "'", "’"})
_STOP = frozenset(CUES["name_stop"])
_PARTICLES = frozenset(CUES["name_particles"])
_FIRST_PARTICLES = frozenset({"von", "van", "de", "di", "da", "du", "del", "della", "der"})
_SUFFIXES = frozenset(CUES["name_suffixes"])
_DEMONYMS = frozenset(CUES["demonyms"])
_FILLER = frozenset(CUES["filler"])
_GAP_LEFT = frozenset(CUES["gap_left"])
_ORG_WORDS = frozenset(w.lower() for w in CUES["studio_words"])
_TITLE_SMALL = frozenset(CUES["title_small"])  # small words inside a title
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC", "DATE", "EVENT"})
_NOT_NAME_START = frozenset(
    {"DET", "PRON", "ADP", "ADV", "SCONJ", "CCONJ", "VERB", "AUX", "NUM", "ADJ"}
)
_NAME_RE = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?")
_ARTICLES = frozenset(
    ["the", "a", "an", "la", "le", "les", "il", "lo", "el", "los", "las", "der", "die", "das"]
)
_ELIDED = frozenset({"d'", "d’", "l'", "l’", "o'", "o’"})
_YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
_PLAIN_OBJECTS = frozenset(CUES["plain_objects"])
ROLE_WORDS = frozenset(load_json("person_roles.json")["roles"]) | frozenset(
    n for nouns in CUES["role_nouns"].values() for n in nouns
)


def is_name_token(tok: Token) -> bool:
    """A capitalised word that can be part of a person's or character's name."""
    text = tok.text
    if text[:2].lower() in _ELIDED and text[2:3].isupper():
        text = text[2:]  # d'Amico, D'Annunzio, l'Herbier
    if not text[:1].isupper() or tok.lower_ in _STOP:
        return False
    if len(text) > 2 and text.isupper():
        return False  # acronyms (USSR, WWII) are not names
    return _NAME_RE.fullmatch(text) is not None


def cue_matcher(nlp: Language, groups: dict[str, list[str]]) -> PhraseMatcher:
    """One case-insensitive PhraseMatcher for every cue phrase, keyed 'FAMILY|role'."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, phrases in groups.items():
        matcher.add(key, [nlp.make_doc(p) for p in phrases])
    return matcher


def cue_hits(nlp: Language, matcher: PhraseMatcher, doc: Doc) -> list[tuple[str, int, int]]:
    """Matches as (key, start, end); a phrase nested in a longer one of its family is dropped
    ("wrote" inside "co-wrote", "director" inside "director of photography")."""
    hits = [(nlp.vocab.strings[k], s, e) for k, s, e in matcher(doc)]
    family = {k: k.split("|")[0].replace("PROLE", "ROLE") for k, _, _ in hits}
    spans: dict[str, list[tuple[int, int]]] = {}
    for k, s, e in hits:
        spans.setdefault(family[k], []).append((s, e))
    return [
        (k, s, e)
        for k, s, e in hits
        if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans[family[k]])
    ]


def _article(span: Span) -> bool:
    """A run opening with an article ('La Dolce Vita', 'The Seventh Seal') reads as a title."""
    return len(span) > 1 and span[0].lower_ in _ARTICLES


class NameIndex:
    """Per-document look-ups shared by the credits and cast components.

    Names are read as capitalised token sequences next to a cue rather than from NER alone,
    because the small model splits and mislabels foreign names; mention facts from an earlier
    names component, when present, widen a sequence to the full mention and mark characters.
    Film titles come from the film-titles span group, or a narrow fallback when it is absent.
    """

    def __init__(self, doc: Doc, hits: list[tuple[str, int, int]]) -> None:
        self.doc = doc
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self._sent_starts = [s.start for s in sents]
        self._sents = [(s.start, s.end) for s in sents]
        self.orgs = {s: e for k, s, e in hits if k == "STUDIO" and doc[s].text[:1].isupper()}
        self._mentions: dict[int, tuple[int, int, str]] = {}
        for fact in facts_of(doc, "mention"):
            slot = fact.slots.get("name")
            span = doc.char_span(slot.start, slot.end, alignment_mode="expand") if slot else None
            if span is not None:
                for i in range(span.start, span.end):
                    self._mentions[i] = (span.start, span.end, str(fact.attrs.get("type")))
        group = span_group("films")
        films = list(doc.spans[group]) if group in doc.spans else self._fallback_films(hits)
        self.films = sorted(films, key=lambda f: f.start)
        self._film_start = {f.start: f for f in self.films}
        self._film_end = {f.end: f for f in self.films}
        self._film_tokens = {i for f in self.films for i in range(f.start, f.end)}
        self.has_films = group in doc.spans

    # -- sentences and names --------------------------------------------------------------

    def sent(self, i: int) -> tuple[int, int]:
        return self._sents[bisect_right(self._sent_starts, i) - 1]

    def _name_ok(self, tok: Token, lo: int) -> bool:
        if not is_name_token(tok):
            return False
        return not (tok.i == lo and tok.pos_ in _NOT_NAME_START and tok.ent_type_ != "PERSON")

    def name_right(self, i: int, hi: int, orgs: bool = False) -> Span | None:
        """The name that starts at token i (particles, hyphens and 'Jr.' included)."""
        doc = self.doc
        if orgs and i in self.orgs:
            return doc[i : self.orgs[i]]
        j = i
        while j < hi and j - i < 6:
            tok = doc[j]
            nxt_ok = j + 1 < hi and is_name_token(doc[j + 1])
            if (
                is_name_token(tok)
                or (j > i and tok.text in _SUFFIXES)
                or (
                    tok.lower_ in _PARTICLES
                    and nxt_ok
                    and (j > i or tok.lower_ in _FIRST_PARTICLES)
                )
                or (tok.text == "-" and j > i and nxt_ok and not doc[j - 1].whitespace_)
            ):
                j += 1
            else:
                break
        if j == i or all(t.lower_ in _DEMONYMS for t in doc[i:j]):
            return None
        return self.snap(doc[i:j])

    def name_left(self, end: int, lo: int, orgs: bool = False) -> Span | None:
        """The name that ends just before token `end`."""
        doc = self.doc
        if orgs:
            for s, e in self.orgs.items():
                if e == end:
                    return doc[s:e]
        j = end
        while j > lo and end - j < 6:
            tok = doc[j - 1]
            if (
                self._name_ok(tok, lo)
                or (j == end and tok.text in _SUFFIXES)
                or (
                    j < end
                    and j - 1 > lo
                    and (
                        tok.lower_ in _PARTICLES
                        or (tok.text == "-" and not tok.whitespace_ and not doc[j - 2].whitespace_)
                    )
                )
            ):
                j -= 1
            else:
                break
        while j < end and (doc[j].lower_ in _PARTICLES - _FIRST_PARTICLES or doc[j].text == "-"):
            j += 1
        if j == end or all(t.lower_ in _DEMONYMS or t.text in _SUFFIXES for t in doc[j:end]):
            return None
        return self.snap(doc[j:end])

    def names_right(self, i: int, hi: int, orgs: bool = False, whole: bool = False) -> list[Span]:
        """A name and the names coordinated with it: 'X, Y and Z'.

        Unless `whole`, a name followed by a verb ends the list ("by X, and Y plays …").
        """
        first = self.name_right(i, hi, orgs)
        names = [first] if first is not None else []
        while names:
            j = names[-1].end
            if j + 1 < hi and self.doc[j].text == "," and self.doc[j + 1].lower_ == "and":
                j += 1
            if j + 1 >= hi or self.doc[j].lower_ not in {",", "and", "&"}:
                break
            nxt = self.name_right(j + 1, hi, orgs)
            if nxt is None or self.film_at(nxt):
                break
            after = self.doc[nxt.end] if nxt.end < hi else None
            if after is not None and after.text in POSS:
                break
            if not whole and after is not None and after.pos_ in {"VERB", "AUX"}:
                break
            names.append(nxt)
        return names

    def subject_name(self, verb: int, lo: int) -> Span | None:
        """The name the parser gives as the verb's subject, through 'and' ('X made A and B')."""
        tok = self.doc[verb]
        for _ in range(3):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return self.name_left(subject.i + 1, lo) if is_name_token(subject) else None
            if tok.dep_ not in {"conj", "xcomp"}:
                return None
            tok = tok.head
        return None

    def snap(self, span: Span) -> Span:
        """Widen a name to the names component's mention that contains it."""
        found = self._mentions.get(span.start)
        if found and found[0] <= span.start and span.end <= found[1]:
            return self.doc[found[0] : found[1]]
        return span

    def mention_type(self, span: Span) -> str | None:
        """The names component's type for a name: person, character, unknown (or None)."""
        found = self._mentions.get(span.start) or self._mentions.get(span.end - 1)
        return found[2] if found else None

    def is_character(self, span: Span) -> bool:
        return self.mention_type(span) == "character"

    def is_person(self, span: Span) -> bool:
        kind = self.mention_type(span)
        if kind in {"person", "character"}:
            return kind == "person"
        return any(t.ent_type_ == "PERSON" for t in span)

    def is_place(self, span: Span) -> bool:
        """A country, city or nationality ("Russia's film industry"), not a misread name."""
        if span.text.lower() in _DEMONYMS:
            return True
        return any(
            e.label_ in _PLACE_LABELS and (e.start, e.end) == (span.start, span.end)
            for e in self.doc.ents
        )

    def has_actor_after(self, span: Span) -> bool:
        """'Frank Claymore (Richard Dix)': a character followed by the actor who plays it."""
        doc = self.doc
        i = span.end
        return i + 1 < len(doc) and doc[i].text == "(" and is_name_token(doc[i + 1])

    def is_org(self, span: Span) -> bool:
        """A studio or company: a known studio, 'X Pictures', 'the X studio', or one word the
        model calls an organisation (people are credited with two or more words)."""
        if self.orgs.get(span.start) == span.end:
            return True
        nxt = self.doc[span.end] if span.end < len(self.doc) else None
        if span[-1].lower_ in _ORG_WORDS or (nxt is not None and nxt.lower_ in _ORG_WORDS):
            return True
        kind = self.mention_type(span)
        return len(span) == 1 and span[0].ent_type_ == "ORG" and kind not in {"person", "character"}

    # -- context around cues ---------------------------------------------------------------

    def skip_filler(self, i: int, hi: int) -> int:
        """Past 'the famous', 'the Soviet composer' to where a name can start."""
        doc = self.doc
        j = i
        while j < hi and j - i < 6:
            tok = doc[j]
            low = tok.lower_
            if (
                (tok.is_lower and (low in _FILLER or low in ROLE_WORDS or tok.pos_ == "ADJ"))
                or (low in _DEMONYMS and j + 1 < hi and doc[j + 1].is_lower)
                or (tok.text == "-" and j > i and doc[j - 1].is_lower)
            ):
                j += 1
            else:
                break
        return j

    def skip_modifiers(self, i: int, hi: int, targets: frozenset[str]) -> int:
        """Past a year, ordinals and modifiers to the first target: "X's 1954 twelfth film"."""
        doc = self.doc
        j = i
        while j < hi and j - i < 5:
            tok = doc[j]
            if tok.lower_ in targets:
                break
            if (
                _YEAR_RE.fullmatch(tok.text)
                or tok.lower_ in {"most", "best", "last", "first"}
                or (tok.is_lower and tok.is_alpha and tok.lower_ not in _STOP)
                or tok.lower_ in _DEMONYMS
                or (tok.is_lower and tok.lower_ in _FILLER - {"the", "a", "an", "its"})
                or (tok.text == "-" and j > i and not tok.whitespace_)
            ):
                j += 1
            else:
                break
        return j

    def determiner_before(self, start: int, lo: int) -> tuple[int | None, bool]:
        """The determiner or possessive before a role noun, and whether modifiers intervene."""
        doc = self.doc
        j, modified = start - 1, False
        while j >= lo and j > start - 5:
            tok = doc[j]
            low = tok.lower_
            if low in {"the", "a", "an", "its", "their", "another"} or tok.text in POSS:
                return j, modified
            if (tok.is_lower and (low in _FILLER or tok.pos_ in {"ADJ", "ADV"})) or (
                low in _DEMONYMS
            ):
                modified = True
                j -= 1
            elif tok.text == "-" or (tok.is_lower and j > lo and doc[j - 1].text == "-"):
                modified = True  # "well-known", "world-famous"
                j -= 1
            else:
                break
        return None, modified

    def left_context(self, left: int, lo: int) -> Token | None:
        """The nearest token before a cue that is not an auxiliary, adverb or comma."""
        j = left - 1
        while j >= lo and (self.doc[j].lower_ in _GAP_LEFT or self.doc[j].pos_ == "ADV"):
            j -= 1
        return self.doc[j] if j >= lo else None

    def plain_object(self, i: int, hi: int, pronoun: bool = True) -> bool:
        """'it', 'the film', 'this picture': the subject film as an object."""
        doc = self.doc
        if i < hi and doc[i].lower_ == "it":
            return pronoun
        return (
            i + 1 < hi
            and doc[i].lower_ in {"the", "this"}
            and doc[i + 1].lower_ in _PLAIN_OBJECTS
            and (i + 2 >= hi or doc[i + 2].pos_ != "NOUN")
        )

    # -- films --------------------------------------------------------------------------------

    def film_at(self, span: Span) -> bool:
        return any(i in self._film_tokens for i in range(span.start, span.end))

    def film_at_start(self, i: int) -> Span | None:
        return self._film_start.get(i)

    def film_before(self, end: int, lo: int) -> Span | None:
        """A title ending just before a cue, across commas, auxiliaries and '(1955)'."""
        j = end
        while j >= lo and end - j <= 6:
            if j in self._film_end and self._film_end[j].start >= lo:
                return self._film_end[j]
            tok = self.doc[j - 1] if j > lo else None
            if tok is None or not (tok.lower_ in _GAP_LEFT or tok.like_num or tok.text == ")"):
                return None
            j -= 1
        return None

    def film_after(
        self, i: int, hi: int, lead: set[str] | None = None, skip_words: bool = False
    ) -> Span | None:
        """A title starting at i (after 'for'/'of' when `lead` is given, a year and 's)."""
        doc = self.doc
        if lead is not None:
            if i >= hi or doc[i].lower_ not in lead:
                return None
            i += 1
        j = i
        while j < hi and j - i < (10 if skip_words else 4):
            if j in self._film_start:
                return self._film_start[j]
            tok = doc[j]
            if (
                tok.text in {",", ":", "—", "–"}
                or tok.text in POSS
                or _YEAR_RE.fullmatch(tok.text)
                or (skip_words and tok.is_lower and tok.lower_ not in {"and", "but", "as", "while"})
            ):
                j += 1
            elif skip_words and is_name_token(tok):
                k = j  # "an earlier Akira Kurosawa film, 1950's Rashomon"
                while k < hi and is_name_token(doc[k]):
                    k += 1
                if k >= hi or not doc[k].is_lower:
                    return None
                j = k
            else:
                return None
        return None

    def fallback_title_before(self, tok: Token, opening: bool = False) -> Span | None:
        """A title the film layer missed: 'Mother, directed by …' reads the capitalised run.

        With `opening`, only a run of two or more words that opens the sentence counts
        ("Wild Strawberries was produced by …"), since "Kambei was shot by …" is a plot.
        """
        lo, _ = self.sent(tok.i)
        j = tok.i + 1
        while j > lo and (
            self.doc[j - 1].text[:1].isupper() or self.doc[j - 1].lower_ in _TITLE_SMALL
        ):
            j -= 1
        while j <= tok.i and not self.doc[j].text[:1].isupper():
            j += 1
        span = self.doc[j : tok.i + 1]
        if (
            not len(span)
            or (any(t.ent_type_ == "PERSON" for t in span) and not _article(span))
            or span[0].lower_ in _STOP - {"the", "a", "an"}
            or self.is_character(span)
            or (opening and (span.start != lo or len(span) < 2))
        ):
            return None
        return span

    def fallback_title_after(self, i: int) -> Span | None:
        """A title the film layer missed: 'X directed Stalker' reads the capitalised run."""
        title = self._title_right(i)
        if title is None or self.is_character(title) or self.mention_type(title) == "person":
            return None
        if any(t.ent_type_ in {"PERSON", "DATE", "GPE"} for t in title) and not _article(title):
            return None
        return title

    def _title_right(self, i: int) -> Span | None:
        doc = self.doc
        _, hi = self.sent(i)
        if i >= hi or not doc[i].text[:1].isupper() or doc[i].lower_ in _STOP - {"the", "a", "an"}:
            return None
        j, last = i, None
        while j < hi and j - i < 10:
            tok = doc[j]
            if tok.text[:1].isupper() or (j > i and tok.like_num and last == j):
                j += 1
                last = j
            elif j > i and (tok.lower_ in _TITLE_SMALL or tok.text in POSS):
                j += 1
            else:
                break
        return doc[i:last] if last else None

    def _fallback_films(self, hits: list[tuple[str, int, int]]) -> list[Span]:
        """Titles after "1955's" or "the film", and WORK_OF_ART entities."""
        doc = self.doc
        found = {(e.start, e.end): e for e in doc.ents if e.label_ == "WORK_OF_ART"}
        for key, start, end in hits:
            if key == "POSS" and start > 0 and _YEAR_RE.fullmatch(doc[start - 1].text):
                title = self._title_right(end)
            elif key == "FILMNOUN" and doc[start].lower_ in {"film", "movie", "picture"}:
                title = self._title_right(
                    end + 1 if end < len(doc) and doc[end].text == "," else end
                )
                if title is not None and any(t.ent_type_ == "PERSON" for t in title):
                    title = None
            else:
                continue
            if title is not None:
                found[(title.start, title.end)] = title
        return list(found.values())
