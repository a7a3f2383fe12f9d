"""Awards and festival prizes the writing says a film (or one of its people) won or was
nominated for.

An award name alone is no claim ("the Oscar-winning actor", "Cannes jury"), so a fact needs a
claim word beside it: won, received, took, awarded, winner of, nominated, an Oscar nomination,
"the Palme d'Or went to …". Names are kept as written ("top prize", "Golden Lion"); the lexicon
only supplies the canonical event (Palme d'Or → Cannes Film Festival, "at Venice" → Venice Film
Festival) and recognises the major awards and festivals with their aliases.

The film slot is set only when a film title (from `doc.spans["kinolog_films"]`) is what won:
the subject of the claim, "for Rashomon", "awarded to Rashomon", "the Oscar-winning Rashomon".
When the subject is "the film" or "it" the slot stays empty: the fact is about the document's
film. When a person (or a name that is no known title) won, the `recipient` slot holds it,
`attrs["recipient"]` says "person" (or "unknown") and the confidence drops to 0.6: such an
award may belong to another film.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kinolog.engine.components._base import FactComponent
from kinolog.engine.components.film_titles import YEAR_RE
from kinolog.engine.extensions import span_group
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json
from kinolog.engine.registry import ComponentSpec

SPEC = ComponentSpec(
    name="kinolog.awards.v1",
    factory="kinolog_awards",
    order=50,
    description="Awards, nominations and festival prizes, with event, year and winning film.",
)

_LEX = load_json("awards.json")
WIN_WORDS = frozenset(_LEX["win_words"])
NOMINATION_WORDS = frozenset(_LEX["nomination_words"])
NEGATIONS = frozenset(_LEX["negations"])
HEAD_FOLLOWERS = frozenset(_LEX["head_followers"])
MODIFIERS = frozenset(_LEX["modifiers"])
_CATEGORY_STARTS = frozenset({"best", "outstanding"})
_FILM_SUBJECTS = frozenset({"it", "film", "movie", "picture", "documentary", "feature", "series"})
_PERSON_SUBJECTS = frozenset({"he", "she", "they"})
_MODIFIER_TAGS = frozenset({"JJ", "JJS", "JJR", "NNP", "NNPS", "CD", "VBN"})
_AUXILIARIES = frozenset(
    {"has", "had", "have", "also", "later", "then", "was", "were", "eventually", "even"}
)
_OBJECT_WORDS = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "this", "for", "also", "several", "many",
     "numerous", "multiple", "both", "two", "three", "four", "five", "six", "seven"}
)  # fmt: skip
_SENT_STOPS = frozenset({".", "!", "?", ";"})
_WINDOW = 12


@dataclass(frozen=True)
class _Name:
    """An award or event mention: token offsets, its canonical name and (awards) its event."""

    start: int
    end: int
    canonical: str | None
    event: str | None = None
    place: bool = False


class Awards(FactComponent):
    """Records `award` facts; the award names go to `doc.spans["kinolog_awards"]`."""

    spec = SPEC
    layer = "awards"
    main_slot = "award"

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        self.lexicon = PhraseMatcher(nlp.vocab)
        self.names: dict[str, _Name] = {}
        for i, award in enumerate(_LEX["awards"]):
            self._add(f"award{i}", award["aliases"], _Name(0, 0, award["name"], award["event"]))
        for i, event in enumerate(_LEX["events"]):
            self._add(f"event{i}", event["aliases"], _Name(0, 0, event["name"]))
            self._add(f"place{i}", event["places"], _Name(0, 0, event["name"], place=True))
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("head", [[{"LOWER": {"IN": _LEX["heads"]}}]])
        claim = {"LOWER": {"IN": [*WIN_WORDS, *NOMINATION_WORDS]}}
        best = {"LOWER": {"IN": sorted(_CATEGORY_STARTS)}}
        self.matcher.add("best", [[claim, best], [claim, {"LOWER": "for"}, best]])
        words = {"TEXT": {"REGEX": r"^[A-Z]"}, "OP": "+"}
        self.matcher.add("festival", [[words, {"ORTH": {"IN": _LEX["event_heads"]}}]])

    def _add(self, key: str, aliases: list[str], name: _Name) -> None:
        if aliases:
            self.lexicon.add(key, [self.nlp.make_doc(alias) for alias in aliases])
            self.names[key] = name

    def match(self, doc: Doc) -> list[Fact]:
        awards, events = self._names(doc)
        films = list(doc.spans.get(span_group("films"), []))
        facts = []
        for award in awards:
            fact = self._claim(doc, award, events, films, awards)
            if fact is not None:
                facts.append(fact)
        return facts

    def _names(self, doc: Doc) -> tuple[list[_Name], list[_Name]]:
        """Award mentions (lexicon first, then generic "top prize"-style phrases) and events."""
        awards: list[_Name] = []
        events: list[_Name] = []
        for match_id, start, end in self.lexicon(doc):
            name = self.names[doc.vocab.strings[match_id]]
            if end - start == 1 and end < len(doc) and doc[end].is_title and doc[end].is_alpha:
                continue  # "Oscar Micheaux", "César Chávez": a person's name
            found = _Name(start, end, name.canonical, name.event, name.place)
            is_event = doc.vocab.strings[match_id].startswith(("event", "place"))
            (events if is_event else awards).append(found)
        awards, events = _longest(awards), _longest(events)
        generic: list[_Name] = []
        festivals: list[_Name] = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            if label == "festival":
                first = start + 1 if doc[start].lower_ == "the" else start
                festivals.append(_Name(first, end, None))
            elif label == "best":
                stop = _category_end(doc, end - 1)
                generic.append(_Name(end - 1, stop, None))
            else:
                phrase = self._generic(doc, start)
                if phrase is not None:
                    generic.append(phrase)
        taken = [(a.start, a.end) for a in awards]
        award_ends = {a.end for a in awards}
        for cand in _longest(generic):
            if doc[cand.start].lower_ in _CATEGORY_STARTS and _after_award(doc, cand, award_ends):
                continue
            if not any(cand.start < e and s < cand.end for s, e in taken):
                awards.append(cand)
        for fest in _longest(festivals):
            if not any(fest.start < e.end and e.start < fest.end for e in events):
                events.append(fest)
        return sorted(awards, key=lambda a: a.start), events

    def _generic(self, doc: Doc, head: int) -> _Name | None:
        """A generic award phrase: "top prize", "the Lenin Prize", "a special mention"."""
        nxt = doc[head + 1] if head + 1 < len(doc) else None
        if nxt is not None and (nxt.lower_ in HEAD_FOLLOWERS or nxt.text == "-"):
            return None
        if nxt is not None and (nxt.text[:1].isupper() or nxt.tag_ in {"NN", "NNS", "NNP", "POS"}):
            return None  # "the Bear Creek claim", "prize fighter": the head modifies a noun
        start = head
        while start > 0 and start > head - 4 and _modifier(doc[start - 1]):
            start -= 1
        return _Name(start, head + 1, None)

    def _claim(
        self, doc: Doc, award: _Name, events: list[_Name], films: list[Span], awards: list[_Name]
    ) -> Fact | None:
        """The fact for one award mention, or None when nothing claims it was won."""
        found = _claim_word(doc, award, films)
        event = _event_for(doc, award, events, awards)
        if found is None or (event is None and not _named_award(doc, award)):
            return None
        trigger, nominated, film = found
        gap = doc[trigger.i + 1 : award.start]
        if award.canonical is None and not all(_object_word(t) for t in gap):
            return None  # a generic phrase is the claim's object: not "takes a room at The Lion"
        stop, category = _category_of(doc, award)
        if event is not None and award.event and event.canonical and event.canonical != award.event:
            event = None
        year = _year(doc, award, stop, event)
        recipient, who = None, "film" if film is not None else None
        if film is None:
            film, recipient, who = _winner(doc, trigger, stop, films)
        slots: dict[str, Span] = {"award": doc[award.start : stop]}
        if event is not None:
            slots["event"] = doc[event.start : event.end]
        if film is not None:
            slots["film"] = film
        if recipient is not None:
            slots["recipient"] = recipient
        sent = doc[award.start].sent if doc.has_annotation("SENT_START") else doc[:]
        return self.fact(
            "award",
            sent,
            slots,
            0.9 if who in {"film", None} else 0.6,
            name=slots["award"].text,
            event=(event.canonical or slots["event"].text) if event else award.event,
            year=int(doc[year].text) if year is not None else None,
            nominated=nominated,
            category=category,
            recipient=who,
        )


def _longest(names: list[_Name]) -> list[_Name]:
    """Drop mentions inside a longer one ("Venice" inside "Venice Film Festival")."""
    ranked = sorted(names, key=lambda n: (n.start, -(n.end - n.start)))
    out: list[_Name] = []
    for name in ranked:
        if not any(name.start < k.end and k.start < name.end for k in out):
            out.append(name)
    return out


def _object_word(tok: Token) -> bool:
    """Words between a claim word and a generic award that is its object: "won [the] prize"."""
    return tok.like_num or tok.lower_ in _OBJECT_WORDS


def _named_award(doc: Doc, award: _Name) -> bool:
    """Without an event, a generic phrase must name a film award: "the Lenin Prize", "Best
    Director"; not "first prize" at a county fair or a "Navy Cross medal" in a plot."""
    if award.canonical is not None:
        return True
    words = doc[award.start : award.end]
    return words[-1].text[:1].isupper() or any(t.lower_ in _CATEGORY_STARTS for t in words)


def _modifier(tok: Token) -> bool:
    if tok.lower_ in MODIFIERS or (tok.text[:1].isupper() and tok.is_alpha):
        return tok.lower_ not in {"the", "a", "an"}
    return (
        tok.doc.has_annotation("TAG") and tok.tag_ in _MODIFIER_TAGS and not YEAR_RE.match(tok.text)
    )


def _at(doc: Doc, i: int, *words: str) -> bool:
    """Whether the tokens from i read `words` (lower-case)."""
    toks = doc[i : i + len(words)]
    return len(toks) == len(words) and all(t.lower_ == w for t, w in zip(toks, words, strict=True))


def _after_award(doc: Doc, best: _Name, award_ends: set[int]) -> bool:
    """Whether "Best X" is the category of an award just before it ("Oscar nomination for")."""
    j = best.start - 1
    if j >= 0 and doc[j].lower_ == "for":
        j -= 1
    if j >= 0 and doc[j].lower_ in NOMINATION_WORDS:
        j -= 1
    return j + 1 in award_ends


def _category(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].lower_ in _CATEGORY_STARTS


def _category_end(doc: Doc, i: int) -> int:
    """End of "Best Foreign Language Film" / "best actress": capitalised or lower-case words."""
    j = i + 1
    while j < len(doc) and j - i < 6:
        tok = doc[j]
        if not tok.is_alpha or tok.lower_ in {"at", "in", "for", "and", "from", "of", "the"}:
            break
        if not tok.text[:1].isupper() and doc[i].text[:1].isupper():
            break
        j += 1
    return j


def _claim_word(
    doc: Doc, award: _Name, films: list[Span]
) -> tuple[Token, bool, Span | None] | None:
    """(claim word, nominated, film): "the Oscar-winning Rashomon" names its film; otherwise
    the nearest win or nomination word around the award."""
    follow = doc[award.end : award.end + 2]
    if [t.lower_ for t in follow] in (["-", "winning"], ["-", "nominated"]):
        film = _film_at(films, award.end + 2)
        return (follow[1], follow[1].lower_ == "nominated", film) if film is not None else None
    found = _trigger(doc, award)
    return (*found, None) if found is not None else None


def _category_of(doc: Doc, award: _Name) -> tuple[int, str | None]:
    """(end of the award name, category): "Academy Award for Best Picture" keeps its category
    in the name; "an Oscar nomination for Best Screenplay" states it apart; "Best Director"
    is its own category."""
    end = award.end
    if _at(doc, end, "for") and _category(doc, end + 1):
        stop = _category_end(doc, end + 1)
        return stop, doc[end + 1 : stop].text
    if award.canonical is None and doc[award.start].lower_ in _CATEGORY_STARTS:
        return end, doc[award.start : end].text
    nominations = _at(doc, end, "nomination") or _at(doc, end, "nominations")
    if nominations and _at(doc, end + 1, "for") and _category(doc, end + 2):
        return end, doc[end + 2 : _category_end(doc, end + 2)].text
    return end, None


def _winner(
    doc: Doc, trigger: Token, stop: int, films: list[Span]
) -> tuple[Span | None, Span | None, str | None]:
    """(film, recipient, who): "… for Rashomon", "… went to Black Orpheus", else the subject."""
    if _at(doc, stop, "for") and (film := _film_at(films, stop + 1)) is not None:
        return film, None, "film"
    to = next((j + 1 for j in range(stop, stop + 4) if _at(doc, j, "to")), None)
    if trigger.i >= stop and to is not None:
        if (film := _film_at(films, to)) is not None:
            return film, None, "film"
        recipient = _proper_run(doc, to)
        return None, recipient, "unknown" if recipient else None
    return _subject(doc, trigger, films)


def _trigger(doc: Doc, award: _Name) -> tuple[Token, bool] | None:
    """The claim word for an award: the nearest win/nomination word before it in the clause,
    or after it ("Oscar nomination", "Palme d'Or winner", "… was awarded to")."""
    nxt = doc[award.end] if award.end < len(doc) else None
    if nxt is not None and nxt.lower_ in {"nomination", "nominations", "nominee", "nominees"}:
        return nxt, True
    if nxt is not None and nxt.lower_ in {"winner", "winners"}:
        return nxt, False
    for tok in doc[award.end : award.end + 3]:  # "… was awarded to", "… went to"
        if tok.lower_ in {"awarded", "went", "given", "presented"}:
            return (tok, False) if _at(doc, tok.i + 1, "to") else None
        if tok.lower_ not in {"was", "were", "is", "has", "been"}:
            break
    for j in range(award.start - 1, max(-1, award.start - _WINDOW), -1):
        tok = doc[j]
        if tok.text in _SENT_STOPS:
            return None
        if tok.lower_ in WIN_WORDS or tok.lower_ in NOMINATION_WORDS:
            if any(t.lower_ in NEGATIONS for t in doc[max(0, j - 3) : j]):
                return None
            return tok, tok.lower_ in NOMINATION_WORDS
    return None


def _event_for(doc: Doc, award: _Name, events: list[_Name], awards: list[_Name]) -> _Name | None:
    """The nearest event in the award's sentence with no other award between them; a bare
    city only as "at Venice" (or "in Venice" right after the award)."""
    sent = doc[award.start].sent if doc.has_annotation("SENT_START") else doc[:]
    best: tuple[int, _Name] | None = None
    for event in events:
        if event.start < sent.start or event.end > sent.end:
            continue
        if award.start < event.end and event.start < award.end:
            continue
        lo, hi = sorted((award.start, event.start))
        if any(lo < other.start < hi for other in awards):
            continue
        if event.place:
            prep = doc[event.start - 1].lower_ if event.start > 0 else ""
            near = 0 <= event.start - award.end <= 6
            if not (prep == "at" or (prep == "in" and near)):
                continue
        gap = event.start - award.end if event.start >= award.end else award.start - event.end + 2
        if best is None or gap < best[0]:
            best = (gap, event)
    return best[1] if best else None


def _year(doc: Doc, award: _Name, stop: int, event: _Name | None) -> int | None:
    """A year written against the event or award ("the 1958 Cannes …", "in 1958" after it)."""
    spots = [award.start - 1]
    if event is not None:
        spots += [event.start - 1, event.end + 1]
    for j in spots:
        if 0 <= j < len(doc) and YEAR_RE.match(doc[j].text):
            return j
    for j in range(stop, min(len(doc) - 1, stop + 8)):
        if doc[j].text in _SENT_STOPS:
            break
        if doc[j].lower_ == "in" and YEAR_RE.match(doc[j + 1].text):
            return j + 1
    return None


def _film_at(films: list[Span], i: int) -> Span | None:
    return next((f for f in films if f.start == i), None)


def _proper_run(doc: Doc, i: int) -> Span | None:
    """The capitalised words from token i ("Black Orpheus"), the recipient of "went to"."""
    j = i
    while j < len(doc) and j - i < 8 and (doc[j].text[:1].isupper() or doc[j].like_num):
        j += 1
    return doc[i:j] if j > i else None


def _auxiliary(tok: Token) -> bool:
    """Words between a title and its claim word: "Rashomon (1950) has also won"."""
    if tok.is_punct:
        return tok.text not in _SENT_STOPS
    return tok.like_num or tok.lower_ in _AUXILIARIES


def _subject(
    doc: Doc, trigger: Token, films: list[Span]
) -> tuple[Span | None, Span | None, str | None]:
    """(film, person, who won) from the claim's subject: a title, "the film"/"it", or a name."""
    if doc.has_annotation("DEP"):
        verb = trigger
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:
                subj = subjects[0]
                film = next((f for f in films if f.start <= subj.i < f.end), None)
                if film is not None:
                    return film, None, "film"
                if subj.lower_ in _FILM_SUBJECTS:
                    return None, None, "film"
                if subj.ent_type_ == "PERSON" or subj.lower_ in _PERSON_SUBJECTS:
                    person = next((e for e in doc.ents if e.start <= subj.i < e.end), None)
                    return None, person or doc[subj.i : subj.i + 1], "person"
                if subj.tag_ in {"NNP", "NNPS"}:
                    return None, doc[subj.left_edge.i : subj.i + 1], "unknown"
                return None, None, None
            if verb.head is verb:
                break
            verb = verb.head
        return None, None, None
    before = [f for f in films if f.end <= trigger.i]
    if before and all(_auxiliary(t) for t in doc[before[-1].end : trigger.i]):
        return before[-1], None, "film"
    j = trigger.i - 1
    while j >= 0 and _auxiliary(doc[j]) and not doc[j].is_punct:
        j -= 1
    word = doc[j].lower_ if j >= 0 else ""
    if word in _FILM_SUBJECTS:
        return None, None, "film"
    if word in _PERSON_SUBJECTS:
        return None, doc[j : j + 1], "person"
    return None, None, None


@Language.factory(
    SPEC.factory,
    requires=["doc.sents"],
    assigns=["doc._.kinolog_facts", "doc.spans"],
    default_config={},
)
def make_awards(nlp: Language, name: str) -> Awards:
    return Awards(nlp, name)
