"""The plot-paragraph default: which untyped names a narrated paragraph makes characters.

A synopsis paragraph narrates in the present tense, but so does a review ("Marlon Brando
gives a raw performance"). Tense alone would turn actors and places into characters, so the
default needs a paragraph that names no typed person and a name that acts in the plot (the
subject or object of a plot verb) or stands next to a kin word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Protocol

from spacy.tokens import Doc, Span

from kinolog.engine.lexicons import load_json

_LEX = load_json("names.json")
_TRADE = frozenset(_LEX["person_cues_before"]) | frozenset(_LEX["credit_words"])
_PERFORMANCE = frozenset(_LEX["performance_words"])
_PERFORMANCE_VERBS = frozenset(_LEX["performance_verbs"])
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})
_COPULAS = frozenset({"be", "seem", "remain", "become"})


class _Named(Protocol):
    start: int
    end: int
    strong: bool
    fixed: bool
    votes: object


def narrative_default(
    doc: Doc, names: Sequence[_Named], kin_adjacent: Callable[[Doc, int, int], bool]
) -> None:
    """Give a character vote to plot-acting names in paragraphs told as plot."""
    if not doc.has_annotation("SENT_START"):
        return
    starts = [0] * len(doc)
    for token in doc[1:]:
        prev = doc[token.i - 1]
        broken = "\n" in prev.text or "\n" in prev.whitespace_
        starts[token.i] = token.i if broken else starts[token.i - 1]
    by_paragraph: dict[int, list[_Named]] = defaultdict(list)
    for name in names:
        by_paragraph[starts[name.start]].append(name)
    for start, members in by_paragraph.items():
        if any(m.votes["person"] > 0 for m in members) or not _narrative(doc, start):  # type: ignore[index]
            continue  # a paragraph naming an actor or director is about the film, not its plot
        for name in members:
            if not name.strong or name.fixed:
                continue
            span = doc[name.start : name.end]
            if performing(span):
                name.votes["person"] += 1  # type: ignore[index]
            elif _acts(span) or kin_adjacent(doc, name.start, name.end):
                name.votes["character"] += 1  # type: ignore[index]


def _narrative(doc: Doc, start: int) -> bool:
    """Mostly present-tense sentences and no word of the film trade: a plot paragraph."""
    roots: list[str] = []
    for token in doc[start:]:
        if "\n" in token.text:
            break
        if token.lower_ in _TRADE or token.lower_ in _PERFORMANCE:
            return False
        if token.dep_ == "ROOT":
            roots.append(token.tag_)
        if "\n" in token.whitespace_:
            break
    present = sum(tag in ("VBZ", "VBP") for tag in roots)
    return len(roots) >= 2 and present * 5 >= len(roots) * 3


def performing(span: Span) -> bool:
    """ "X stars", "X gives a performance", "X is superb": an actor judged, not a character."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    head = root.head
    if head.lemma_ in _PERFORMANCE_VERBS and head.lemma_ not in ("give", "play", "deliver"):
        return True
    words = {t.lower_ for t in head.subtree if not (span.start <= t.i < span.end)}
    if head.lemma_ in _COPULAS:
        return any(c.dep_ == "acomp" and c.lower_ in _PERFORMANCE for c in head.children)
    return head.lemma_ in _PERFORMANCE_VERBS and bool(words & _PERFORMANCE)


def _acts(span: Span) -> bool:
    """Subject or object of a verb, or joined to one that is: "Apu and Durga run"."""
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    if root.dep_ not in _ACTING_DEPS:
        return False
    head = root.head
    if root.dep_ == "pobj":
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.lemma_ not in _COPULAS
