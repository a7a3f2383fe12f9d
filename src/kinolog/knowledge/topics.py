"""Motifs and themes across documents: every mention kept, in reading order."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kinolog.core.model import Evidence, Motif, Theme
from kinolog.engine.components.themes import theme_scores
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


def themes_from(facts: Sequence[DocFact], *, words: int) -> tuple[Theme, ...]:
    """Themes scored by the themes component's own measure, over all documents at once.

    A fact's `paragraph` is local to the chunk the engine parsed, so it is re-keyed by
    document and paragraph of the whole cleaned text before spread is counted.
    """
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    keyed: list[Fact] = []
    breaks: dict[str, list[int]] = {}
    for source, fact in facts:
        if fact.kind != "theme" or not (name := fact.attrs.get("name")):
            continue
        evidence[str(name)].append(mention_evidence(source, fact))
        if source.id not in breaks:
            breaks[source.id] = [m.start() for m in re.finditer("\n\n", source.clean)]
        paragraph = (source.id, bisect.bisect_left(breaks[source.id], fact.span[0]))
        keyed.append(replace(fact, attrs={**fact.attrs, "paragraph": str(paragraph)}))
    scores = theme_scores(keyed, words)
    themes = [Theme(name, scores[name], tuple(ev)) for name, ev in evidence.items()]
    return tuple(sorted(themes, key=lambda t: (-t.score, t.name)))
