"""Cleaning: from original text to analysable text, recording every change.

Contract (the reader calls this; the engine consumes its result through SourceDocument):
`clean_text(original, fmt=...)` returns a `Cleaned` whose `offsets` maps every character of
`clean` back to `original`, whose `repairs` list each change (mojibake, rejoined hyphenation)
and whose `dropped` lists each span kept out (site chrome, page numbers, running headers).

The pipeline, each step a module of its own:

1. `mojibake`: repair wrongly decoded text (a `Repair` per word);
2. `whitespace`: one kind of line break, one plain space between words inside a line;
3. `chrome`: drop site chrome lines (a `Dropped` per run of lines, reason from `chrome`);
4. `layout` and `pages`: decide the layout; in PDF-export layout drop page furniture;
   decide for every line break whether it is a space, a kept line break or a paragraph;
5. `hyphenation`: at a hyphenated line end keep or remove the hyphen (a `Repair` when
   removed);
6. assemble: paragraphs separated by exactly "\\n\\n", no leading or trailing whitespace.

Unwrapping lines is layout, not a change of the words, so it is not reported as a repair;
what a reader would see as a different word (mojibake, a closed-up hyphenation) is. Every
step's map is exact and the maps compose into one: copied characters map to themselves, a
repaired character to the characters it replaced, a separator to the whitespace it stands
for.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from kinolog.core.model import Dropped, Repair
from kinolog.text import chrome, hyphenation, layout, pages
from kinolog.text.document import OffsetMap
from kinolog.text.edits import apply_edits
from kinolog.text.mojibake import find_mojibake
from kinolog.text.whitespace import normalise_spacing

_CHROME_REASONS = frozenset(chrome.REASONS)
_DEHYPHENATE = "-"
"""Separator marker (never emitted): drop the hyphen ending the previous line and glue."""


@dataclass(frozen=True)
class Cleaned:
    """Clean text with everything needed to quote the original and explain the difference."""

    clean: str
    offsets: OffsetMap
    repairs: tuple[Repair, ...] = ()
    dropped: tuple[Dropped, ...] = ()


def clean_text(original: str, *, fmt: str = "text") -> Cleaned:
    """Clean `original` for analysis, keeping an exact map back to it.

    `fmt` names where the text came from ("text", "pdf", "docx", "html", …); "pdf" forces
    PDF-export layout repair, which is otherwise applied only when the text looks like it.
    """
    edits, repairs = find_mojibake(original)
    text, to_original = apply_edits(original, edits)
    text, spacing = apply_edits(text, normalise_spacing(text))
    to_original = to_original.compose(spacing)

    lines = layout.split_lines(text)
    assembled = _assemble(lines, fmt)
    offsets = to_original.compose(assembled.offsets)

    for start, end, replacement in assembled.joins:
        o_start, o_end = to_original.span(start, end)
        repairs.append(
            Repair(hyphenation.KIND, original[o_start:o_end], replacement, o_start, o_end)
        )
    dropped = []
    for start, end, reason in assembled.dropped:
        o_start, o_end = to_original.span(start, end)
        dropped.append(Dropped(original[o_start:o_end], reason, o_start, o_end))
    repairs.sort(key=lambda r: (r.start, r.end))
    return Cleaned(assembled.clean, offsets, tuple(repairs), tuple(dropped))


@dataclass(frozen=True)
class _Assembled:
    clean: str
    offsets: OffsetMap
    """Clean text → the spacing-normalised text the lines were read from."""
    joins: list[tuple[int, int, str]]
    dropped: list[tuple[int, int, str]]


def _assemble(lines: layout.Lines, fmt: str) -> _Assembled:
    dropped = _chrome_lines(lines)
    kept = layout.keep(lines, dropped, _CHROME_REASONS)
    seps = layout.plan_plain(lines, kept)
    found = layout.detect(lines, kept, seps, fmt)
    if found.pdf and kept.lines:
        furniture = pages.find_furniture(lines, kept, found.width)
        if furniture:
            dropped.update(furniture)
            kept = layout.keep(lines, dropped, _CHROME_REASONS)
        seps = layout.plan_pdf(lines, kept, found)
    order, seps = _drop_chrome_paragraphs(lines, kept.lines, seps, dropped)
    joins = _resolve_hyphens(lines, order, seps)
    clean, offsets = _emit(lines, order, seps)
    return _Assembled(clean, offsets, joins, _merge_drops(lines, dropped))


def _chrome_lines(lines: layout.Lines) -> dict[int, str]:
    """Line index → chrome reason, classifying only the lines the cheap cue test flags."""
    found: dict[int, str] = {}
    starts, texts = lines.starts, lines.texts
    seen: set[int] = set()
    for position in chrome.cue_positions(lines.text):
        index = bisect_right(starts, position) - 1
        if index < 0 or index in seen:
            continue
        seen.add(index)
        reason = chrome.classify(texts[index])
        if reason is not None:
            found[index] = reason
    return found


def _drop_chrome_paragraphs(
    lines: layout.Lines, order: list[int], seps: list[str], dropped: dict[int, str]
) -> tuple[list[int], list[str]]:
    """Drop chrome that only shows once wrapped lines are joined ("Share" / "this:")."""
    texts = lines.texts
    removed: set[int] = set()
    first = 0
    for k in range(1, len(order) + 1):
        if k < len(order) and seps[k - 1] not in (layout.LINE, layout.PARAGRAPH):
            continue
        unit = order[first:k]
        first = k
        if len(unit) < 2 or sum(len(texts[i]) + 1 for i in unit) > chrome.MAX_CHARS + 1:
            continue
        reason = chrome.classify(" ".join(texts[i] for i in unit))
        if reason is not None:
            removed.update(range(k - len(unit), k))
            dropped.update(dict.fromkeys(unit, reason))
    if not removed:
        return order, seps
    kept_order: list[int] = []
    kept_seps: list[str] = []
    previous = -1
    for k, index in enumerate(order):
        if k in removed:
            continue
        if kept_order:
            kept_seps.append(seps[k - 1] if k == previous + 1 else layout.PARAGRAPH)
        kept_order.append(index)
        previous = k
    return kept_order, kept_seps


def _resolve_hyphens(
    lines: layout.Lines, order: list[int], seps: list[str]
) -> list[tuple[int, int, str]]:
    """Decide each hyphenated break; returns `(start, end, word)` for every hyphen removed."""
    texts, starts = lines.texts, lines.starts
    joins = []
    for k, sep in enumerate(seps):
        if sep != layout.GLUE:
            continue
        left, right = texts[order[k]], texts[order[k + 1]]
        if hyphenation.keeps_hyphen(left, right):
            continue
        seps[k] = _DEHYPHENATE
        head, tail = hyphenation.split_words(left, right)
        start = lines.end(order[k]) - 1 - len(head)
        end = starts[order[k + 1]] + len(tail)
        joins.append((start, end, head + tail))
    return joins


def _emit(lines: layout.Lines, order: list[int], seps: list[str]) -> tuple[str, OffsetMap]:
    """Join the kept lines with their separators; separators map to the whitespace they replace.

    The whitespace after a line runs up to the next non-blank line, whether that line is
    kept or dropped, so a separator never stands for dropped text.
    """
    texts, starts = lines.texts, lines.starts
    size = len(lines.text)
    total = len(starts)
    seg_clean: list[int] = []
    seg_start: list[int] = []
    seg_end: list[int] = []
    seg_copy: list[bool] = []
    pieces: list[str] = []
    length = 0
    last = len(order) - 1
    for k, index in enumerate(order):
        content = texts[index]
        if k:
            sep = seps[k - 1]
            if sep and sep != _DEHYPHENATE:
                previous = order[k - 1]
                gap_start = starts[previous] + len(texts[previous])
                gap_end = starts[previous + 1] if previous + 1 < total else size
                pieces.append(sep)
                seg_clean.append(length)
                seg_start.append(gap_start)
                seg_end.append(gap_end)
                seg_copy.append(len(sep) == 1 and gap_end - gap_start == 1)
                length += len(sep)
        if k < last and seps[k] == _DEHYPHENATE:
            content = content[:-1]
        pieces.append(content)
        seg_clean.append(length)
        seg_start.append(starts[index])
        seg_end.append(starts[index] + len(content))
        seg_copy.append(True)
        length += len(content)
    offsets = OffsetMap.from_segments(seg_clean, seg_start, seg_end, seg_copy, length)
    return "".join(pieces), offsets


def _merge_drops(lines: layout.Lines, dropped: dict[int, str]) -> list[tuple[int, int, str]]:
    """One span per run of neighbouring lines dropped for the same reason."""
    spans: list[tuple[int, int, str]] = []
    previous = -2
    for index in sorted(dropped):
        reason = dropped[index]
        if index == previous + 1 and spans and spans[-1][2] == reason:
            spans[-1] = (spans[-1][0], lines.end(index), reason)
        else:
            spans.append((lines.starts[index], lines.end(index), reason))
        previous = index
    return spans


def offset_problems(original: str, cleaned: Cleaned, limit: int = 10) -> list[str]:
    """Where `cleaned.offsets` breaks its contract with `original` (empty when exact).

    The contract: spans never go backwards; each clean character is the original text of
    its span, or whitespace standing for original whitespace, or lies inside a repair. Any
    producer of a `Cleaned` (or an extractor composing maps) can check itself with this; it
    walks every character, so it is meant for tests and debugging, not production paths.
    """
    problems: list[str] = []
    clean, offsets = cleaned.clean, cleaned.offsets
    if len(offsets) != len(clean):
        return [f"map covers {len(offsets)} characters, clean text has {len(clean)}"]
    repairs = sorted((r.start, r.end) for r in cleaned.repairs)
    last = (0, 0)
    for i, char in enumerate(clean):
        start, end = offsets.span(i, i + 1)
        if start < last[0] or end < last[1] or end > len(original):
            problems.append(f"clean[{i}] maps to {start}:{end} after {last[0]}:{last[1]}")
        last = (start, end)
        source = original[start:end]
        if source == char or (char.isspace() and source and source.isspace()):
            continue
        k = bisect_right(repairs, (start, len(original) + 1)) - 1
        inside = any(r_start <= start and end <= r_end for r_start, r_end in repairs[: k + 1])
        if not inside:
            problems.append(f"clean[{i}] {char!r} maps to {source!r} at {start}:{end}")
        if len(problems) >= limit:
            break
    return problems
