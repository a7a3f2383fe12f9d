"""The grammar of a film title in running text: where a title starts and stops, and which
entities veto it. Shared by the title cues of `film_titles`; tags, the parse and entities are
used when the trained model ran, and the walks work on a blank pipeline too."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from kinolog.engine.lexicons import load_json

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
        subject ("the film Gary Cooper loved", "in the film Rome is …"). A title with its year
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
        """An appositive title ends at once: "the 1959 film, Breathless, …"."""
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
