"""Film titles the writing mentions, with the year and medium stated beside them.

spaCy's small model tags most titles as ORG or misses them, and a capitalised word is no
evidence of a film, so a title is only taken where film writing marks one: a year possessive
("1955's The Mexican"), a film word ("his 1959 film Ballad of a Soldier"), a parenthetical year
("Rashomon (1950)"), a credit ("Mother, directed by …"), a predicate ("X is a 1957 drama"),
"In X, the main character …" or a release ("X was released in 1957"). Once a cue found a title,
its bare mentions anywhere in the document are found too.

Works cued as novels, plays, books … ("Flaubert's novel Madame Bovary") yield no film fact, and
their bare mentions are not matched: the same words may name the book and the film.

Tags, the parse and entities refine the result when the trained model ran (person, place and
event entities veto titles); on a blank pipeline the cue patterns work on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components._title_grammar import (
    _LEX,
    _PLACES,
    _POSS,
    _PRIORITY,
    _TITLE_ENTS,
    CUE_NOUNS,
    NARRATIVE,
    NONFILM_NOUNS,
    PAREN_WORDS,
    YEAR_RE,
    _Context,
    _is_word,
)
from kinolog.engine.facts import Fact
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.film_titles.v1",
    factory="kinolog_film_titles",
    order=10,
    description="Film titles with year and medium, from cue patterns and repeated mentions.",
)


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


@Language.factory(
    SPEC.factory,
    requires=["doc.sents"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={"repeat_mentions": True},
)
def make_film_titles(nlp: Language, name: str, repeat_mentions: bool) -> FilmTitles:
    return FilmTitles(nlp, name, repeat_mentions=repeat_mentions)
