"""Film titles the writing mentions, with the year and medium stated beside them.

spaCy's small model tags most titles as ORG or misses them, and a capitalised word is no
evidence of a film, so a title is only taken where film writing marks one: a year possessive
("1955's The Mexican"), a film word ("his 1959 film Ballad of a Soldier"), a parenthetical year
("Rashomon (1950)"), a credit ("Mother, directed by …"), a predicate ("X is a 1957 drama"),
"In X, the main character …" or a release ("X was released in 1957"). Once a cue found a title,
its bare mentions anywhere in the document are found too.

Works cued as novels, plays, books … ("Tolstoy's novel Anna Karenina") yield no film fact, and
their bare mentions are not matched: the same words may name the book and the film.

Tags, the parse and entities refine the result when the trained model ran (person, place and
event entities veto titles); on a blank pipeline the cue patterns work on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kinolog.engine.components._base import FactComponent
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.film_titles.v1",
    factory="kinolog_film_titles",
    order=10,
    description="Film titles with year and medium, from cue patterns and repeated mentions.",
)

_LEX = load_json("film_titles.json")
CUE_NOUNS: dict[str, str | None] = _LEX["cue_nouns"]
NONFILM_NOUNS = frozenset(_LEX["nonfilm_nouns"])
MEDIUM_MODIFIERS: dict[str, str] = _LEX["medium_modifiers"]
PAREN_WORDS: dict[str, str | None] = _LEX["paren_words"]
CONNECTORS = frozenset(_LEX["connectors"])
OPENERS = frozenset(_LEX["sentence_openers"])
BLOCKERS = frozenset(_LEX["predicate_blockers"])
FOLLOWERS = frozenset(_LEX["compound_followers"])
NARRATIVE = frozenset(_LEX["narrative_nouns"])
DETERMINERS = frozenset(_LEX["determiners"])
NON_TITLE_LAST = frozenset(_LEX["non_title_last_words"])
NON_TITLE_SINGLES = frozenset(_LEX["non_title_singles"])
HONORIFICS = frozenset(_LEX["honorifics"])

YEAR_RE = re.compile(r"^(18[89]\d|19\d\d|20[0-4]\d)$")
_ELIDED = re.compile(r"^[a-z][’'][A-Z]")  # d'Or, l'Atalante
_POSS = frozenset({"'s", "’s", "'", "’"})
_AND = frozenset({"and", "or", "&"})
_QUOTES = {"“": "”", '"': '"', "‘": "’"}
_CLAUSE_OPENERS = frozenset({".", "!", "?", "…", ":", ";", "“", '"', "(", "—", "–"})
_OPENER_TAGS = frozenset({"IN", "RB", "RBR", "RBS", "CC", "WRB", "PRP", "PRP$", "EX", "MD", "UH"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_VETO = frozenset({"PERSON", "GPE", "NORP", "EVENT", "DATE", "LOC", "TIME"})
_STRONG_VETO = frozenset({"NORP", "EVENT", "DATE", "TIME"})
_VETO_AFTER_THE = frozenset({"GPE", "EVENT", "DATE", "LOC"})
_PREPOSITIONS = frozenset({"for", "in", "at", "with", "on", "from", "to", "by", "over", "into"})
_PLACES = frozenset({"GPE", "LOC", "NORP"})
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_TITLE = 12
_TITLE_ENTS = frozenset({"", "ORG", "NORP", "WORK_OF_ART", "PRODUCT"})
# Cue kinds, strongest first: the stronger cue wins when two find overlapping titles.
_PRIORITY = ("year_possessive", "film_word", "parenthetical", "directed_by", "predicate",
             "in_clause", "released")  # fmt: skip


@dataclass(frozen=True)
class TitleMatch:
    """A title found by one cue: token offsets, the year token and medium stated with it."""

    start: int
    end: int
    cue: str
    year_token: int | None = None
    medium: str | None = None
    is_film: bool = True
    confidence: float = 0.9


class FilmTitles(FactComponent):
    """Records `film` facts and fills `doc.spans["kinolog_films"]` with the title spans."""

    spec = SPEC
    layer = "films"
    main_slot = "title"

    def __init__(self, nlp: Language, name: str, *, repeat_mentions: bool = True) -> None:
        super().__init__(nlp, name)
        self.repeat_mentions = repeat_mentions
        year = {"TEXT": {"REGEX": YEAR_RE.pattern}}
        inner = {"ORTH": {"NOT_IN": ["(", ")"]}}
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("year_possessive", [[year, {"ORTH": {"IN": ["'s", "’s"]}}]])
        self.matcher.add("film_word", [[{"LOWER": {"IN": [*CUE_NOUNS, *NONFILM_NOUNS]}}]])
        self.matcher.add("parenthetical", [[{"ORTH": "("}, {**inner, "OP": "{0,5}"}, year,
                                            {**inner, "OP": "?"}, {"ORTH": ")"}]])  # fmt: skip
        self.matcher.add("directed_by", [[{"LOWER": "directed"}, {"LOWER": "by"}]])
        self.matcher.add("predicate", [[{"LOWER": {"IN": ["is", "was"]}}]])
        self.matcher.add("in_clause", [[{"LOWER": "in", "IS_SENT_START": True}]])
        self.matcher.add("released", [[{"LOWER": {"IN": _LEX["release_verbs"]}}]])

    def match(self, doc: Doc) -> list[Fact]:
        return [self._to_fact(doc, m) for m in self.find_titles(doc) if m.is_film]

    def find_titles(self, doc: Doc) -> list[TitleMatch]:
        """Every cued title (films and other works) and the bare repeats of film titles."""
        ctx = _Context(doc)
        seen: set[tuple[int, str]] = set()
        candidates: list[TitleMatch] = []
        for match_id, start, end in self.matcher(doc):
            cue = doc.vocab.strings[match_id]
            if (start, cue) not in seen:
                seen.add((start, cue))
                candidates.extend(getattr(self, f"_cue_{cue}")(ctx, start, end))
        accepted = _resolve(candidates)
        if self.repeat_mentions:
            accepted.extend(self._repeats(ctx, accepted))
        return sorted(accepted, key=lambda m: m.start)

    # Cue handlers: each turns one anchor into the titles it marks.

    def _cue_year_possessive(self, ctx: _Context, start: int, end: int) -> list[TitleMatch]:
        """Year possessive: "1955's The Mexican"; "1930's America" is a decade, not a film."""
        title = ctx.forward(end)
        decade = ctx.doc[start].text.endswith("0") and title and ctx._covered(*title, _PLACES)
        if title and not decade and not ctx.vetoed(*title, strong=True):
            return [TitleMatch(*title, "year_possessive", year_token=start)]
        return []

    def _cue_film_word(self, ctx: _Context, start: int, end: int) -> list[TitleMatch]:
        """Film word: "the film Stalker", "the 1955 film, Mother,", "films such as X and Y"."""
        doc, noun = ctx.doc, ctx.doc[start]
        if not noun.is_lower or (ctx.tagged and not noun.tag_.startswith("NN")) or end >= len(doc):
            return []
        if doc[end].text in _POSS:
            return []
        before = self._appositive_before(ctx, start)
        j, strong, listing = end, True, noun.lower_.endswith("s") and "series" not in noun.lower_
        year, modified = ctx.noun_phrase(start)
        if doc[j].text == ",":
            if year is None and not modified:
                return []
            j, strong = j + 1, False
        if j < len(doc) and doc[j].lower_ in _LEX["list_cues"]:
            j, listing = j + 1, True
        elif doc[j : j + 2].text.lower() == "such as":
            j, listing = j + 2, True
        medium, is_film = ctx.medium_of(start), noun.lower_ not in NONFILM_NOUNS
        out: list[TitleMatch] = []
        while j is not None:
            title = ctx.quoted(j) or ctx.forward(j, allow_and=not listing)
            if title is None or (is_film and ctx.vetoed(*title, strong=strong, noun=start)):
                break
            if not strong and not ctx.closes_appositive(title[1]):
                break
            out.append(TitleMatch(*title, "film_word", year, medium, is_film))
            j = ctx.next_list_item(title[1]) if listing else None
        return before + out

    def _appositive_before(self, ctx: _Context, noun: int) -> list[TitleMatch]:
        """A dated film word in apposition after its title: "I Vitelloni, the 1953 film"."""
        doc = ctx.doc
        if noun < 4 or not YEAR_RE.match(doc[noun - 1].text) or doc[noun - 3].text != ",":
            return []
        if doc[noun - 2].lower_ not in {"the", "a", "an", "his", "her", "their"}:
            return []
        title = ctx.backward(noun - 3, dated=True)
        if title is None or ctx.vetoed(*title, strong=True, dated=True):
            return []
        medium, is_film = ctx.medium_of(noun), doc[noun].lower_ not in NONFILM_NOUNS
        return [TitleMatch(*title, "film_word", noun - 1, medium, is_film, 0.85)]

    def _cue_parenthetical(self, ctx: _Context, start: int, end: int) -> list[TitleMatch]:
        """Year in brackets: "Rashomon (1950)", "(dir. Akira Kurosawa, 1950)"; not "(born 1928)"."""
        inside = ctx.doc[start + 1 : end - 1]
        years = [t.i for t in inside if YEAR_RE.match(t.text)]
        if len(years) != 1 or years[0] < end - 3:
            return []
        medium = None
        for tok in inside:
            if tok.i == years[0] or tok.text in {",", "."} or tok.text[:1].isupper():
                continue
            if tok.lower_ not in PAREN_WORDS:
                return []
            medium = PAREN_WORDS[tok.lower_] or medium
        title = ctx.backward(start, dated=True)
        if title and not ctx.vetoed(*title, strong=True, dated=True):
            return [TitleMatch(*title, "parenthetical", years[0], medium, confidence=0.85)]
        return []

    def _cue_directed_by(self, ctx: _Context, start: int, end: int) -> list[TitleMatch]:
        doc, stop = ctx.doc, start
        if stop >= 2 and doc[stop - 2 : stop].text.lower() == "written and":
            stop -= 2
        if stop >= 1 and doc[stop - 1].text in {",", "("}:
            stop -= 1
        title = ctx.backward(stop)
        if title and not ctx.vetoed(*title, strong=True):
            return [TitleMatch(*title, "directed_by", confidence=0.85)]
        return []

    def _cue_predicate(self, ctx: _Context, start: int, end: int) -> list[TitleMatch]:
        """Predicate: "Seven Samurai is a 1954 Japanese epic", "X was Ozu's last film"."""
        if start == 0 or not _is_word(ctx.doc[start - 1]):
            return []
        predicate = ctx.film_predicate(end)
        title = ctx.backward(start) if predicate else None
        if predicate is None or title is None or ctx.vetoed(*title, strong=True):
            return []
        noun, year = predicate
        is_film = ctx.doc[noun].lower_ not in NONFILM_NOUNS
        return [TitleMatch(*title, "predicate", year, ctx.medium_of(noun), is_film, 0.85)]

    def _cue_in_clause(self, ctx: _Context, start: int, end: int) -> list[TitleMatch]:
        """Setting clause: "In Bicycle Thieves, the main character …"."""
        doc = ctx.doc
        title = ctx.forward(end)
        if title is None or doc[title[1] : title[1] + 1].text != ",":
            return []
        if title[1] + 1 >= len(doc):
            return []
        after = doc[title[1] + 1]
        if after.lower_ == "the":
            if ctx.vetoed(*title, strong=False):
                return []
            if any(t.lower_ in NARRATIVE for t in doc[title[1] + 2 : title[1] + 5]):
                return [TitleMatch(*title, "in_clause", confidence=0.7)]
            return []
        # A paragraph opening "In Bicycle Thieves, Antonio Ricci has …": a plot retold from its
        # first line, when the title is several words no entity claims and a name follows.
        opens = start == 0 or (doc[start - 1].is_space and "\n" in doc[start - 1].text)
        named = after.ent_type_ == "PERSON" or (ctx.tagged and after.tag_ == "NNP")
        if (
            opens
            and named
            and title[1] - title[0] >= 2
            and not any(t.ent_type_ not in _TITLE_ENTS for t in doc[title[0] : title[1]])
        ):
            return [TitleMatch(*title, "in_clause", confidence=0.6)]
        return []

    def _cue_released(self, ctx: _Context, start: int, end: int) -> list[TitleMatch]:
        """Release with a year: "La Strada was released in 1954", "X premiered at Cannes in
        1960". Released "in YEAR" directly is a strong cue: people are rarely that."""
        doc, stop, appended = ctx.doc, start, False
        if stop >= 1 and doc[stop - 1].lower_ in {"was", "is", "were", "first"}:
            stop -= 1
        elif stop >= 2 and doc[stop - 1].text == "," and doc[start].lower_ == "released":
            stop, appended = stop - 1, True  # "Early Summer, released in 1951"
        elif doc[start].lower_ == "released":
            return []  # "The Criterion Collection released a restoration": the releaser
        year = next((t.i for t in doc[end : end + 8] if YEAR_RE.match(t.text)), None)
        title = ctx.backward(stop, dated=appended) if year is not None else None
        strong = year is not None and doc[end:year].text.lower() in {"in", "in early", "in late"}
        if title and appended and ctx._covered(*title, _PLACES):
            return []  # "she left Paris, released from prison in 1951"
        if title and not ctx.vetoed(*title, strong=strong, dated=strong):
            return [TitleMatch(*title, "released", year, confidence=0.8)]
        return []

    def _repeats(self, ctx: _Context, accepted: list[TitleMatch]) -> list[TitleMatch]:
        """Bare mentions, anywhere in the document, of the film titles a cue found."""
        doc = ctx.doc
        not_films = {doc[m.start : m.end].text for m in accepted if not m.is_film}
        films = {doc[m.start : m.end].text for m in accepted if m.is_film} - not_films
        if not films:
            return []
        matcher = PhraseMatcher(doc.vocab)
        matcher.add("title", [self.nlp.make_doc(text) for text in sorted(films)])
        taken = [(m.start, m.end) for m in accepted]
        out: list[TitleMatch] = []
        for _, s, e in matcher(doc):
            if not any(s < b and a < e for a, b in taken) and ctx.bare_mention(s, e):
                taken.append((s, e))
                out.append(TitleMatch(s, e, "repeat", confidence=0.8))
        return out

    def _to_fact(self, doc: Doc, m: TitleMatch) -> Fact:
        slots: dict[str, Span] = {"title": doc[m.start : m.end]}
        year = None
        if m.year_token is not None:
            slots["year"] = doc[m.year_token : m.year_token + 1]
            year = int(doc[m.year_token].text)
        sent = doc[m.start].sent if doc.has_annotation("SENT_START") else doc[:]
        return self.fact("film", sent, slots, m.confidence, year=year, medium=m.medium, cue=m.cue)


def _resolve(candidates: list[TitleMatch]) -> list[TitleMatch]:
    """One match per title span: the strongest cue wins overlaps, equal spans pool year/medium."""
    out: list[TitleMatch] = []
    for cand in sorted(candidates, key=lambda m: (_PRIORITY.index(m.cue), m.start)):
        for k, kept in enumerate(out):
            if (kept.start, kept.end) == (cand.start, cand.end):
                year = kept.year_token if kept.year_token is not None else cand.year_token
                medium, is_film = kept.medium or cand.medium, kept.is_film and cand.is_film
                out[k] = replace(kept, year_token=year, medium=medium, is_film=is_film)
                break
            if cand.start < kept.end and kept.start < cand.end:
                break
        else:
            out.append(cand)
    return out


def _is_word(tok: Token) -> bool:
    """A token that can carry a title: capitalised, elided ("d'Or") or a number, not a year."""
    text = tok.text
    if tok.is_punct or YEAR_RE.match(text):
        return False
    return text[:1].isupper() or text[:1].isdigit() or bool(_ELIDED.match(text))


class _Context:
    """Per-document title walks and vetoes; tags, parse and entities are used when present."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tagged = doc.has_annotation("TAG")
        self.parsed = doc.has_annotation("DEP")
        # Owners of a possessive that end a name: "Akira Kurosawa's", "Tarkovsky's" (the model
        # often tags surnames ORG), but not "Ivan's Childhood", whose entity runs on.
        self.owners = {e.end - 1 for e in doc.ents if e.label_ in {"PERSON", "ORG"}}
        self.owners |= {e.end - 2 for e in doc.ents if e.text.endswith(("'s", "’s"))}
        self.owners |= {span.end - 1 for span in doc.spans.get("kinolog_names", [])}

    def initial(self, i: int) -> bool:
        """Whether token i opens a sentence or clause (parser splits inside titles ignored)."""
        return i == 0 or self.doc[i - 1].is_space or self.doc[i - 1].text in _CLAUSE_OPENERS

    def forward(self, i: int, *, allow_and: bool = True) -> tuple[int, int] | None:
        """The title starting at token i, stopped by punctuation, a year or a lower-case word."""
        doc = self.doc
        if i >= len(doc) or not _is_word(doc[i]):
            return None
        last, j = i + 1, i
        while j < len(doc) and j - i < _MAX_TITLE and self._inside(j, i, len(doc), allow_and):
            last = j + 1 if _is_word(doc[j]) else last
            j += 1
        return self.clean(i, last)

    def backward(self, end: int, *, dated: bool = False) -> tuple[int, int] | None:
        """The title ending just before token `end`, walking left to the clause start.

        `dated`: a bracketed year follows, so the run is a title whole: "Jules and Jim" keeps
        its names and "Rome, Open City" its comma."""
        if end == 0 or not _is_word(self.doc[end - 1]):
            return None
        doc, first, j = self.doc, end - 1, end - 1
        while j >= 0 and end - j <= _MAX_TITLE and self._inside(j, 0, end, True):
            first = j if _is_word(doc[j]) else first
            j -= 1
        # "won the Golden Lion for Rashomon (1950)": after a lower-case article, a capitalised
        # run joined by a preposition is a name plus the title, not one title.
        if first > 0 and doc[first - 1].lower_ in {"the", "a", "an"}:
            cuts = [k for k in range(first, end) if doc[k].lower_ in _PREPOSITIONS]
            first = cuts[-1] + 1 if cuts else first
        if dated:
            first = self._comma_head(first)
        return self.clean(first, end, dated=dated)

    def _comma_head(self, first: int) -> int:
        """Where a dated title with a comma starts: a place before it ("Rome, Open City",
        "Paris, Texas") or a list item opening a line or after a colon or semicolon."""
        doc = self.doc
        if first < 2 or doc[first - 1].text != "," or not _is_word(doc[first - 2]):
            return first
        head = first - 2
        while head > 0 and first - head < 4 and _is_word(doc[head - 1]):
            head -= 1
        if not all(t.text[:1].isupper() for t in doc[head : first - 1]):
            return first
        if self._covered(head, first - 1, frozenset({"PERSON", "ORG", "NORP"})):
            return first
        listed = head == 0 or doc[head - 1].is_space or doc[head - 1].text in {":", ";"}
        place = first - 2 == head and self._covered(head, first - 1, _PLACES)
        return head if listed or place else first

    def _inside(self, j: int, lo: int, hi: int, allow_and: bool) -> bool:
        doc, tok = self.doc, self.doc[j]
        if _is_word(tok):
            return True
        if tok.text in _POSS or tok.text in {"-", ":"}:  # "Ivan's Childhood", "Ali: Fear Eats …"
            return lo <= j - 1 and j + 1 < hi and _is_word(doc[j - 1]) and _is_word(doc[j + 1])
        if tok.lower_ in _AND and not allow_and:
            return False
        return tok.lower_ in CONNECTORS and tok.text == tok.lower_

    def clean(self, start: int, end: int, *, dated: bool = False) -> tuple[int, int] | None:
        """Trim connectors, a sentence opener ("In"), a person's possessive ("Kurosawa's") and
        a name joined by "and"; drop honorific names and organisation-like endings. Before a
        bracketed year (`dated`) a one-word name stays: "Hannah and Her Sisters"."""
        doc = self.doc
        start, end = self._trim(start, end)
        while start < end and self.initial(start) and self._opener(doc[start], end):
            start, end = self._trim(start + 1, end)
        for k in range(end - 1, start, -1):
            if doc[k].text in _POSS and (k - 1 in self.owners or self._full_name(start, k)):
                start, end = self._trim(k + 1, end)
                break
        for k in range(start + 1, end - 1):
            if doc[k].lower_ in _AND:
                if dated and (k - start == 1 or end - k == 2):
                    break
                if self._covered(k + 1, end, _NAMES):
                    start, end = self._trim(start, k)
                elif self._covered(start, k, _NAMES):
                    start, end = self._trim(k + 1, end)
                break
        if start >= end or doc[start].text in HONORIFICS or doc[end - 1].text in NON_TITLE_LAST:
            return None
        if end - start == 1 and doc[start].text in NON_TITLE_SINGLES:
            return None
        return start, end

    def _full_name(self, start: int, k: int) -> bool:
        """A first name and surname before a possessive, which the model's person entity runs
        past ("Elem Klimov's Come"): an owner, where one word ("Ivan's") may be the title's."""
        doc = self.doc
        return k - start >= 2 and doc[start].ent_type_ == "PERSON" and doc[k - 1].is_title

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and not _is_word(self.doc[start]):
            start += 1
        while end > start and not _is_word(self.doc[end - 1]):
            end -= 1
        return start, end

    def _opener(self, tok: Token, end: int | None = None) -> bool:
        """A sentence-initial word that is no title start ("In", "After"), unless glued to the
        next title word ("Close-Up")."""
        nxt = self.doc[tok.i + 1] if tok.i + 1 < (end or len(self.doc)) else None
        if nxt is not None and (nxt.text in _POSS or nxt.text in {"-", ":"}):
            return nxt.text == ":" and tok.lower_ in OPENERS  # "Compare: X", not "Ali: Fear …"
        if tok.lower_ == "to" and nxt is not None and nxt.text[:1].isupper() and nxt.tag_ == "VB":
            return False  # an infinitive title: "To Kill a Mockingbird"
        return tok.lower_ in OPENERS or (self.tagged and tok.tag_ in _OPENER_TAGS)

    def _covered(self, start: int, end: int, labels: frozenset[str]) -> bool:
        """Whether one entity with a label in `labels` covers tokens start..end."""
        doc = self.doc
        if start >= end or doc[start].ent_type_ not in labels:
            return False
        ent_end = start + 1
        while ent_end < len(doc) and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        return ent_end >= end

    def vetoed(
        self, start: int, end: int, *, strong: bool, noun: int | None = None, dated: bool = False
    ) -> bool:
        """Entities veto titles: any person, place, event or date after a weak cue; after a
        strong cue only groups, events and dates, or a name the tags and parse show is a clause
        subject ("the film Henry Fonda loved", "in the film Rome is …"). A title with its year
        beside it (`dated`) may be a season with no digits: "Late Spring (1949)"."""
        doc = self.doc
        if dated and not any(t.like_num for t in doc[start:end]):
            strong_veto = _STRONG_VETO - {"DATE", "TIME"}
            return self._covered(start, end, strong_veto)
        lone_initial = end - start == 1 and self.initial(start)
        if not strong and lone_initial and self.tagged and doc[start].tag_ != "NNP":
            return True
        if self._covered(start, end, _STRONG_VETO if strong else _VETO):
            return True
        if doc[start].text == "The" and self._covered(start + 1, end, _VETO_AFTER_THE):
            return True
        if not (strong and self.parsed and noun is not None):
            return False
        root = doc[start:end].root
        if not root.dep_.startswith("nsubj"):
            return False
        if root.head.dep_ in {"relcl", "acl"}:
            return True
        if not self._sole_subject(root, root.head):
            return False
        finite_next = end < len(doc) and doc[end].tag_ in _FINITE
        in_phrase = doc[noun].dep_ == "pobj"
        return finite_next and (in_phrase or self._covered(start, end, frozenset({"PERSON"})))

    @staticmethod
    def _sole_subject(root: Token, verb: Token) -> bool:
        """Whether the title is its verb's only subject: "in the film Rome is shown …", not
        "her performance in the film Viridiana shocked …" (a parser slip)."""
        return [c for c in verb.children if c.dep_.startswith("nsubj")] == [root]

    def quoted(self, i: int) -> tuple[int, int] | None:
        """A quoted title after a cue: “Stalker”."""
        doc = self.doc
        if i >= len(doc) or doc[i].text not in _QUOTES:
            return None
        window = doc[i + 1 : i + _MAX_TITLE + 2]
        end = next((t.i for t in window if t.text == _QUOTES[doc[i].text]), None)
        if end is None or end == i + 1 or not _is_word(doc[i + 1]):
            return None
        return i + 1, end

    def closes_appositive(self, end: int) -> bool:
        """An appositive ends at once ("the 1955 film, Mother, …"): not "the film, Boris left"."""
        doc = self.doc
        return end >= len(doc) or doc[end].is_punct or doc[end].lower_ in {"directed", "which"}

    def next_list_item(self, end: int) -> int | None:
        doc, j = self.doc, end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        if j < len(doc) and doc[j].lower_ in {"and", "or"}:
            j += 1
        return j if end < j < len(doc) and _is_word(doc[j]) else None

    def noun_phrase(self, noun: int) -> tuple[int | None, bool]:
        """(year token, whether a modifier precedes) in the phrase ending at the film word:
        "his 1959 anti-war film" → (1959, True); "the film" → (None, False)."""
        doc = self.doc
        modified = noun > 0 and not (doc[noun - 1].is_punct or doc[noun - 1].lower_ in DETERMINERS)
        for j in range(noun - 1, max(0, noun - 7) - 1, -1):
            tok = doc[j]
            if YEAR_RE.match(tok.text):
                return j, modified
            if tok.text in _POSS or (tok.is_punct and tok.text != "-"):
                break
            if tok.lower_ in BLOCKERS or tok.lower_ in DETERMINERS:
                break
        return None, modified

    def medium_of(self, noun: int) -> str | None:
        doc, low = self.doc, self.doc[noun].lower_
        if low in NONFILM_NOUNS:
            return "story" if low == "stories" else low.removesuffix("s")
        for j in (noun - 1, noun - 2):
            if j >= 0 and doc[j].lower_ in MEDIUM_MODIFIERS:
                return MEDIUM_MODIFIERS[doc[j].lower_]
        return CUE_NOUNS.get(low)

    def film_predicate(self, i: int) -> tuple[int, int | None] | None:
        """After "is"/"was": (film word, year) when the predicate is a film ("a 1957 drama")."""
        doc, limit = self.doc, min(len(self.doc), i + 9)
        j = i + (2 if doc[i : i + 2].text.lower() in {"one of", "among the"} else 0)
        year = None
        for k in range(j, limit):
            tok, low = doc[k], doc[k].lower_
            if YEAR_RE.match(tok.text):
                year = k
                continue
            if low in CUE_NOUNS and k + 1 < limit and doc[k + 1].lower_ in CUE_NOUNS:
                continue  # "a comedy short": the last film word is the head
            if low in CUE_NOUNS or low in NONFILM_NOUNS:
                return None if self._compound(k) or not self._heads_to(k, i - 1) else (k, year)
            punct = tok.is_punct and tok.text not in {"-", "'s", "’s"}
            if punct or low in BLOCKERS or (self.tagged and tok.tag_ in _FINITE):
                return None
        return None

    def _heads_to(self, k: int, copula: int) -> bool:
        """With a parse, the film word must head the predicate ("a drama", "one of the films")."""
        if not self.parsed:
            return True
        head = self.doc[k].head
        if head.lower_ == "of" and head.head.lower_ in {"one", "among"}:
            head = head.head.head
        elif head.lower_ == "among":
            head = head.head
        return head.i == copula

    def _compound(self, k: int) -> bool:
        """Whether the film word modifies something else: "film actor", "the film's"."""
        doc = self.doc
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        if nxt is not None and nxt.text in _POSS:
            return True
        if self.parsed:
            return doc[k].dep_ == "compound"
        return nxt is not None and nxt.lower_ in FOLLOWERS

    def bare_mention(self, s: int, e: int) -> bool:
        """A repeat stands alone: no capitalised word glued on, no lone sentence-initial word."""
        doc = self.doc
        glued_left = s > 0 and _is_word(doc[s - 1])
        if glued_left and not (self.initial(s - 1) and self._opener(doc[s - 1])):
            return False
        if e < len(doc) and _is_word(doc[e]):
            return False
        if e - s == 1:
            return not self.initial(s) and not self._covered(s, e, _VETO)
        return not self._covered(s, e, _VETO - {"PERSON", "NORP"})


@Language.factory(
    SPEC.factory,
    requires=["doc.sents"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={"repeat_mentions": True},
)
def make_film_titles(nlp: Language, name: str, repeat_mentions: bool) -> FilmTitles:
    return FilmTitles(nlp, name, repeat_mentions=repeat_mentions)
