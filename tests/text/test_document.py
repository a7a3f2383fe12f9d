from __future__ import annotations

import pytest

from kinolog.core.model import DocumentKind
from kinolog.text.document import OffsetMap, OffsetMapBuilder, SourceDocument


def built(*segments: tuple[str, int, int, int]) -> OffsetMap:
    """("copy", orig_start, length, _) or ("block", length, orig_start, orig_end)."""
    builder = OffsetMapBuilder()
    for kind, a, b, c in segments:
        if kind == "copy":
            builder.copy(a, b)
        else:
            builder.block(a, b, c)
    return builder.build()


@pytest.mark.parametrize("length", [0, 1, 7])
def test_document_identity_maps_each_character_to_itself(length: int) -> None:
    offsets = OffsetMap.identity(length)
    assert len(offsets) == length
    assert [offsets.span(i, i + 1) for i in range(length)] == [(i, i + 1) for i in range(length)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 3, (0, 3)), (2, 5, (2, 11)), (3, 5, (5, 11)), (6, 7, (12, 14)), (0, 7, (0, 14))],
)
def test_document_span_covers_copies_and_blocks(
    start: int, end: int, expected: tuple[int, int]
) -> None:
    # clean 0..3 copied from 0..3, a separator standing for original 5..10, clean 4..6
    # copied from 10..12, then one repaired character standing for original 12..14
    offsets = built(
        ("copy", 0, 3, 0), ("block", 1, 5, 10), ("copy", 10, 2, 0), ("block", 1, 12, 14)
    )
    assert offsets.span(start, end) == expected


@pytest.mark.parametrize(("point", "expected"), [(0, 4), (2, 6), (3, 7)])
def test_document_empty_span_maps_to_a_point(point: int, expected: int) -> None:
    offsets = built(("copy", 4, 3, 0))
    assert offsets.span(point, point) == (expected, expected)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (2, 1), (0, 4)])
def test_document_span_outside_the_text_raises(start: int, end: int) -> None:
    with pytest.raises(IndexError):
        OffsetMap.identity(3).span(start, end)


def test_document_builder_merges_contiguous_copies() -> None:
    offsets = built(("copy", 0, 3, 0), ("copy", 3, 4, 0), ("block", 2, 9, 12), ("block", 1, 9, 12))
    assert list(offsets.segments()) == [(7, 0, 7, True), (3, 9, 12, False)]


def test_document_per_character_constructor_matches_builder() -> None:
    offsets = OffsetMap([0, 1, 5, 5, 9], [1, 2, 9, 9, 10])
    expected = built(("copy", 0, 2, 0), ("block", 2, 5, 9), ("copy", 9, 1, 0))
    assert offsets == expected


def test_document_starts_and_ends_materialise_per_character() -> None:
    offsets = built(("copy", 10, 2, 0), ("block", 2, 20, 23))
    assert (list(offsets.starts), list(offsets.ends)) == ([10, 11, 20, 20], [11, 12, 23, 23])


@pytest.mark.parametrize(
    ("outer", "inner"),
    [
        (OffsetMap.identity(6), built(("copy", 1, 3, 0), ("block", 1, 4, 6))),
        (built(("copy", 0, 2, 0), ("block", 1, 2, 5), ("copy", 5, 3, 0)), OffsetMap.identity(6)),
        (
            built(("copy", 0, 2, 0), ("block", 1, 2, 5), ("copy", 5, 3, 0)),
            built(("copy", 1, 2, 0), ("block", 2, 3, 5), ("copy", 5, 1, 0)),
        ),
    ],
)
def test_document_compose_equals_chaining_spans(outer: OffsetMap, inner: OffsetMap) -> None:
    composed = outer.compose(inner)
    assert len(composed) == len(inner)
    for i in range(len(inner)):
        assert composed.span(i, i + 1) == outer.span(*inner.span(i, i + 1))


def test_document_from_segments_reads_runs() -> None:
    offsets = OffsetMap.from_segments([0, 3], [0, 8], [3, 12], [True, False], 4)
    assert [offsets.span(i, i + 1) for i in range(4)] == [(0, 1), (1, 2), (2, 3), (8, 12)]


def test_document_evidence_quotes_the_original() -> None:
    original = "Her  fiancĂ©,\n\nBoris."
    offsets = built(("copy", 0, 3, 0), ("block", 1, 3, 5), ("copy", 5, 5, 0), ("block", 1, 10, 12))
    document = SourceDocument(
        id="d1",
        source="card.txt",
        format="text",
        encoding="utf-8",
        original=original,
        clean="Her fiancé",
        offsets=offsets,
        kind=DocumentKind.CARD,
    )
    assert document.evidence(4, 10).quote == "fiancĂ©"
