"""The engine's stand-off annotations: what a component found, keyed to the cleaned text.

Components record `Fact`s (character offsets into the cleaned text, plain values only) on
`doc._.kinolog_facts`; `export` turns them into core claims with evidence quoting the original.
Keeping facts free of spaCy objects lets them cross process boundaries and be compared in tests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Slot:
    """A named part of a fact: `text == clean[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Fact:
    """One extracted fact.

    kind: film | credit | cast | relation | award | motif | theme | plot | mention …
    slots: the spans the fact is about (e.g. person, film, character, holder, target).
    attrs: plain values (role, relation type, year, motif category …).
    span: the clean-text span quoted as evidence (usually the clause or sentence).
    extractor: the versioned component name, e.g. "kinolog.credits.v1".
    """

    kind: str
    slots: Mapping[str, Slot]
    span: tuple[int, int]
    extractor: str
    attrs: Mapping[str, Value] = field(default_factory=dict)
    confidence: float = 1.0

    def shifted(self, offset: int) -> Fact:
        """The same fact for text that starts `offset` characters later (a chunk of a document)."""
        if not offset:
            return self
        slots = {k: Slot(v.start + offset, v.end + offset, v.text) for k, v in self.slots.items()}
        span = (self.span[0] + offset, self.span[1] + offset)
        return Fact(self.kind, slots, span, self.extractor, self.attrs, self.confidence)

    def slot_text(self, name: str) -> str | None:
        slot = self.slots.get(name)
        return slot.text if slot else None
