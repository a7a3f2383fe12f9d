"""Motifs and themes across documents: every mention kept, in reading order."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from kinolog.core.model import Evidence, Motif, Theme
from kinolog.engine.facts import Fact
from kinolog.text.document import SourceDocument

DocFact = tuple[SourceDocument, Fact]


def mention_evidence(source: SourceDocument, fact: Fact) -> Evidence:
    """The cue word itself, so a motif map can place each mention exactly."""
    slot = fact.slots.get("mention")
    return source.evidence(slot.start, slot.end) if slot else source.evidence(*fact.span)


def motifs_from(facts: Sequence[DocFact]) -> tuple[Motif, ...]:
    """Motifs ordered by how often they appear, each with every mention's evidence."""
    mentions: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for source, fact in facts:
        if fact.kind == "motif" and (name := fact.attrs.get("name")):
            category = str(fact.attrs.get("category") or "other")
            mentions[(str(name), category)].append(mention_evidence(source, fact))
    ranked = sorted(mentions.items(), key=lambda item: (-len(item[1]), item[0][0]))
    return tuple(Motif(name, category, tuple(ev)) for (name, category), ev in ranked)


def theme_score(mentions: int, paragraphs: int, words: int) -> float:
    """In [0, 1]: rises with mentions per thousand words, with diminishing returns, and
    favours themes spread over several paragraphs over one dense passage."""
    density = 1000 * mentions / max(words, 1)
    spread = min(paragraphs, 5) / 5
    return round((1 - math.exp(-density / 4)) * (0.5 + 0.5 * spread), 3)


def themes_from(facts: Sequence[DocFact], *, words: int) -> tuple[Theme, ...]:
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    paragraphs: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for source, fact in facts:
        if fact.kind == "theme" and (name := fact.attrs.get("name")):
            evidence[str(name)].append(mention_evidence(source, fact))
            paragraph = source.clean.count("\n\n", 0, fact.span[0])
            paragraphs[str(name)].add((source.id, paragraph))
    themes = [
        Theme(name, theme_score(len(ev), len(paragraphs[name]), words), tuple(ev))
        for name, ev in evidence.items()
    ]
    return tuple(sorted(themes, key=lambda t: (-t.score, t.name)))
