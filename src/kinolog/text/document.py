"""The reading layer's product: cleaned text that never loses track of where it came from.

`original` is the document's text before any repair: the decoded file for text, Markdown and
HTML, the extracted text for PDF and DOCX. `clean` is what the engine analyses. Every
character `clean[i]` came from `original[starts[i]:ends[i]]` (a repaired character can stand
for several original ones; an inserted separator points at the characters it replaced), so a
span of clean text always maps back to an exact, quotable span of the original.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from kinolog.core.model import DocumentInfo, DocumentKind, Dropped, Evidence, Repair


@dataclass(frozen=True)
class OffsetMap:
    """Clean-text character index → half-open span of original characters."""

    starts: Sequence[int]
    ends: Sequence[int]

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls(array("q", range(length)), array("q", range(1, length + 1)))

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering clean `[start, end)`; an empty span maps to a point."""
        if not 0 <= start <= end <= len(self.starts):
            raise IndexError(f"clean span {start}:{end} outside 0:{len(self.starts)}")
        if start == end:
            point = self.starts[start] if start < len(self.starts) else self._end()
            return point, point
        return self.starts[start], self.ends[end - 1]

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Chain maps: `inner` maps new text → this map's text; the result maps new → original."""
        starts = array("q")
        ends = array("q")
        for s, e in zip(inner.starts, inner.ends, strict=True):
            o_start, o_end = self.span(s, e)
            starts.append(o_start)
            ends.append(o_end)
        return OffsetMap(starts, ends)

    def _end(self) -> int:
        return self.ends[-1] if len(self.ends) else 0


@dataclass(frozen=True)
class SourceDocument:
    """A read, decoded and cleaned document, ready for the engine."""

    id: str
    source: str
    format: str
    encoding: str
    original: str
    clean: str
    offsets: OffsetMap
    repairs: tuple[Repair, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    kind: DocumentKind = DocumentKind.OTHER
    metadata: dict[str, str] = field(default_factory=dict)

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for clean span `[start, end)`, quoting the original text exactly."""
        o_start, o_end = self.offsets.span(start, end)
        return Evidence(self.id, o_start, o_end, self.original[o_start:o_end])

    def info(self) -> DocumentInfo:
        return DocumentInfo(
            id=self.id,
            source=self.source,
            kind=self.kind,
            words=len(self.clean.split()),
            format=self.format,
            encoding=self.encoding,
            repairs=self.repairs,
            dropped=self.dropped,
        )
