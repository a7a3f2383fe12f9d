"""Character-level edits and the offset map they imply.

Each character-level cleaning step describes what it changes as a sorted list of
non-overlapping `Edit`s on its input; applying them yields the step's output and a map back
to the input. Steps never build maps by hand, so every step's map is exact by construction
and the cleaner only has to compose them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kinolog.text.document import OffsetMap, OffsetMapBuilder


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` by `replacement` (an empty `replacement` deletes)."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits; returns the new text and its map back to `text`.

    Unchanged stretches map character by character; each replacement character maps to the
    whole span it replaced, so a quote never splits a repaired sequence.
    """
    if not edits:
        return text, OffsetMap.identity(len(text))
    builder = OffsetMapBuilder()
    pieces: list[str] = []
    pos = 0
    for edit in edits:
        if edit.start < pos or edit.end < edit.start:
            raise ValueError(f"edits overlap or are unsorted at {edit.start}:{edit.end}")
        if edit.start > pos:
            pieces.append(text[pos : edit.start])
            builder.copy(pos, edit.start - pos)
        if edit.replacement:
            pieces.append(edit.replacement)
            builder.block(len(edit.replacement), edit.start, edit.end)
        pos = edit.end
    if pos < len(text):
        pieces.append(text[pos:])
        builder.copy(pos, len(text) - pos)
    return "".join(pieces), builder.build()
