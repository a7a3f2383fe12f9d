"""The reading layer's product: cleaned text that never loses track of where it came from.

`original` is the document's text before any repair: the decoded file for text, Markdown and
HTML, the extracted text for PDF and DOCX. `clean` is what the engine analyses. Every
character `clean[i]` came from `original[starts[i]:ends[i]]` (a repaired character can stand
for several original ones; an inserted separator points at the characters it replaced), so a
span of clean text always maps back to an exact, quotable span of the original.

An `OffsetMap` is stored as run-length segments rather than one pair of integers per
character: cleaning copies long stretches unchanged, so a 20 MB document with a few thousand
edits needs a few thousand segments, and look-ups are a binary search. Two kinds of segment:

* a *copy* run: clean `[c, c + n)` maps character by character to original `[o, o + n)`;
* a *block*: each of the `n` clean characters maps to the whole original span `[o, e)` (a
  repaired character, or a separator standing for the whitespace it replaced).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from kinolog.core.model import DocumentInfo, DocumentKind, Dropped, Evidence, Repair


class OffsetMapBuilder:
    """Appends segments in clean-text order, merging neighbours, and builds an `OffsetMap`.

    Builders exist so that every producer of mapped text (the cleaner, an extractor) writes
    segments directly instead of one entry per character.
    """

    __slots__ = ("_copy", "_cs", "_length", "_oe", "_os")

    def __init__(self) -> None:
        self._cs: list[int] = []
        self._os: list[int] = []
        self._oe: list[int] = []
        self._copy: list[bool] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, orig_start: int, length: int) -> None:
        """The next `length` clean characters are original `[orig_start, orig_start + length)`."""
        if length <= 0:
            return
        if self._copy and self._copy[-1] and self._oe[-1] == orig_start:
            self._oe[-1] = orig_start + length
        else:
            self._cs.append(self._length)
            self._os.append(orig_start)
            self._oe.append(orig_start + length)
            self._copy.append(True)
        self._length += length

    def block(self, length: int, orig_start: int, orig_end: int) -> None:
        """The next `length` clean characters each stand for original `[orig_start, orig_end)`."""
        if length <= 0:
            return
        if length == 1 and orig_end == orig_start + 1:
            self.copy(orig_start, 1)
            return
        if not (
            self._copy
            and not self._copy[-1]
            and self._os[-1] == orig_start
            and self._oe[-1] == orig_end
        ):
            self._cs.append(self._length)
            self._os.append(orig_start)
            self._oe.append(orig_end)
            self._copy.append(False)
        self._length += length

    def build(self) -> OffsetMap:
        return OffsetMap.from_segments(self._cs, self._os, self._oe, self._copy, self._length)


class OffsetMap:
    """Clean-text character index → half-open span of original characters.

    Construct with `OffsetMap.identity(n)`, an `OffsetMapBuilder`, or (for callers that
    already hold one span per character) `OffsetMap(starts, ends)`.
    """

    __slots__ = ("_copy", "_cs", "_length", "_oe", "_os")

    def __init__(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        if len(starts) != len(ends):
            raise ValueError(f"{len(starts)} starts but {len(ends)} ends")
        builder = OffsetMapBuilder()
        for s, e in zip(starts, ends, strict=True):
            builder.block(1, s, e)
        built = builder.build()
        self._cs, self._os, self._oe = built._cs, built._os, built._oe
        self._copy, self._length = built._copy, built._length

    @classmethod
    def from_segments(
        cls,
        clean_starts: Sequence[int],
        orig_starts: Sequence[int],
        orig_ends: Sequence[int],
        copies: Sequence[bool],
        length: int,
    ) -> OffsetMap:
        """A map from run-length segments, for producers that build them in bulk.

        Segment `k` covers clean `[clean_starts[k], clean_starts[k + 1])` (the last one runs
        to `length`); if `copies[k]` its characters map one to one onto original characters
        from `orig_starts[k]`, otherwise each maps to `[orig_starts[k], orig_ends[k])`.
        Segments must be non-empty and in clean order.
        """
        self = cls.__new__(cls)
        self._cs = array("q", clean_starts)
        self._os = array("q", orig_starts)
        self._oe = array("q", orig_ends)
        self._copy = array("b", copies)
        self._length = length
        return self

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        builder = OffsetMapBuilder()
        builder.copy(0, length)
        return builder.build()

    def __len__(self) -> int:
        return self._length

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return self.starts == other.starts and self.ends == other.ends

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OffsetMap(length={self._length}, segments={len(self._cs)})"

    @property
    def starts(self) -> array:
        """One original start per clean character (materialised; prefer `span`)."""
        return self._materialise(ends=False)

    @property
    def ends(self) -> array:
        """One original end per clean character (materialised; prefer `span`)."""
        return self._materialise(ends=True)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering clean `[start, end)`; an empty span maps to a point."""
        if not 0 <= start <= end <= self._length:
            raise IndexError(f"clean span {start}:{end} outside 0:{self._length}")
        if start == end:
            point = self._start_of(start) if start < self._length else self._end()
            return point, point
        return self._start_of(start), self._end_of(end - 1)

    def segments(
        self, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, int, bool]]:
        """`(length, orig_start, orig_end, is_copy)` runs covering clean `[start, end)`.

        A copy run's original span is its own (cut to the requested range); a block run's
        characters each map to its whole original span.
        """
        end = self._length if end is None else end
        if start >= end:
            return
        cs, os_, oe, copy = self._cs, self._os, self._oe, self._copy
        i = bisect_right(cs, start) - 1
        count = len(cs)
        while i < count and cs[i] < end:
            seg_start = cs[i]
            seg_end = cs[i + 1] if i + 1 < count else self._length
            lo = max(seg_start, start)
            hi = min(seg_end, end)
            if copy[i]:
                shift = os_[i] - seg_start
                yield hi - lo, lo + shift, hi + shift, True
            else:
                yield hi - lo, os_[i], oe[i], False
            i += 1

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Chain maps: `inner` maps new text → this map's text; the result maps new → original."""
        if self._is_identity() and inner._end() <= self._length:
            return inner
        if inner._is_identity() and len(inner) == self._length:
            return self
        builder = OffsetMapBuilder()
        copy_run, block = builder.copy, builder.block
        cs, os_, oe, copy = self._cs, self._os, self._oe, self._copy
        count = len(cs)
        bounds = [*cs[1:], self._length]
        i = 0
        for length, mid_start, mid_end, is_copy in inner.segments():
            if not is_copy:
                o_start, o_end = self.span(mid_start, mid_end)
                block(length, o_start, o_end)
                continue
            if not (i < count and cs[i] <= mid_start < bounds[i]):
                i = bisect_right(cs, mid_start) - 1
            pos = mid_start
            while pos < mid_end:
                hi = bounds[i] if bounds[i] < mid_end else mid_end
                if copy[i]:
                    copy_run(os_[i] + pos - cs[i], hi - pos)
                else:
                    block(hi - pos, os_[i], oe[i])
                pos = hi
                if pos == bounds[i]:
                    i += 1
        return builder.build()

    def _is_identity(self) -> bool:
        return len(self._cs) == 0 or (
            len(self._cs) == 1 and self._copy[0] == 1 and self._os[0] == 0
        )

    def _segment(self, index: int) -> int:
        return bisect_right(self._cs, index) - 1

    def _start_of(self, index: int) -> int:
        i = self._segment(index)
        return self._os[i] + (index - self._cs[i]) if self._copy[i] else self._os[i]

    def _end_of(self, index: int) -> int:
        i = self._segment(index)
        return self._os[i] + (index - self._cs[i]) + 1 if self._copy[i] else self._oe[i]

    def _end(self) -> int:
        return self._end_of(self._length - 1) if self._length else 0

    def _materialise(self, *, ends: bool) -> array:
        out = array("q")
        for length, o_start, o_end, is_copy in self.segments():
            if is_copy:
                first = o_start + 1 if ends else o_start
                out.extend(range(first, first + length))
            else:
                out.extend(array("q", [o_end if ends else o_start]) * length)
        return out


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
