"""Cleaning: from original text to analysable text, recording every change.

Contract (the reader calls this; the engine consumes its result through SourceDocument):
`clean_text(original, fmt=...)` returns a `Cleaned` whose `offsets` maps every character of
`clean` back to `original`, whose `repairs` list each change (mojibake, rejoined hyphenation)
and whose `dropped` lists each span kept out (site chrome, page numbers, running headers).
"""

from __future__ import annotations

from dataclasses import dataclass

from kinolog.core.model import Dropped, Repair
from kinolog.text.document import OffsetMap


@dataclass(frozen=True)
class Cleaned:
    clean: str
    offsets: OffsetMap
    repairs: tuple[Repair, ...] = ()
    dropped: tuple[Dropped, ...] = ()


def clean_text(original: str, *, fmt: str = "text") -> Cleaned:
    """PLACEHOLDER until the cleaner lands: identity mapping."""
    return Cleaned(original, OffsetMap.identity(len(original)))
