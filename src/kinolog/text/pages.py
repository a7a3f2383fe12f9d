"""Page furniture in PDF exports: page numbers and running headers or footers.

Only applied to PDF-export layout, where a page's top and bottom lines land between the
lines of a paragraph. A running header is recognised by repetition, not by wording: a short
line (digits aside) that recurs at page boundaries or at a regular interval of lines. A
line ending a sentence is never furniture, so a repeated phrase of the text is safe.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise

from kinolog.text.layout import FULL_LINE, Kept, Lines, ends_sentence

PAGE_NUMBER = "page number"
RUNNING_HEADER = "running header"

MAX_HEADER = 80
"""Longest line considered as a running header or footer."""

_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?(?:(?i:page|pg\.?|p\.)\s*)?\d{1,4}(?:\s*(?:(?i:of)|/)\s*\d{1,4})?(?:\s*[-–—])?"
    r"|(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
    r"|\d{1,4}\s*[|·•]\s*\S.{0,80}"
    r"|\S.{0,80}?\s*[|·•]\s*\d{1,4}"
)
_DIGITS = re.compile(r"\d+")


def is_page_number(line: str) -> bool:
    """ "12", "Page 3", "Page 3 of 10", "- 3 -", "3/10", "iv", "3 | Title", "Title | 3"."""
    if not (line[-1].isdigit() or line[0].isdigit() or len(line) <= 8):
        return False
    return _PAGE_NUMBER.fullmatch(line) is not None


def find_furniture(lines: Lines, kept: Kept, width: int) -> dict[int, str]:
    """Line index → reason for every page number and running header among the kept lines.

    A repeated line counts as a header or footer when most of its occurrences sit within
    two lines of a page edge (a form feed or a page number), or, where the export kept no
    page edges, when it is short and recurs at a steady interval no longer than a page.
    """
    texts = lines.texts
    found = {i: PAGE_NUMBER for i in kept.lines if is_page_number(texts[i])}
    markers = sorted({i for i in kept.lines if lines.page_breaks[i]} | set(found))
    short = FULL_LINE * width
    longest = MAX_HEADER if markers else min(MAX_HEADER, short)
    groups: dict[str, list[int]] = {}
    for i in kept.lines:
        text = texts[i]
        if len(text) > longest or i in found or ends_sentence(text):
            continue
        groups.setdefault(_DIGITS.sub("#", text.lower()), []).append(i)
    for members in groups.values():
        if len(members) >= 3 and (
            _near_page_edges(members, markers)
            or (len(texts[members[0]]) < short and _evenly_spaced(members))
        ):
            found.update(dict.fromkeys(members, RUNNING_HEADER))
    return found


def _near_page_edges(members: list[int], markers: list[int], reach: int = 2) -> bool:
    near = 0
    for i in members:
        k = bisect_left(markers, i - reach)
        near += k < len(markers) and markers[k] <= i + reach
    return 2 * near >= len(members)


def _evenly_spaced(members: list[int]) -> bool:
    """Recurring every page: steps between 8 and 120 lines, none 1.5 times another."""
    steps = [b - a for a, b in pairwise(members)]
    return min(steps) >= 8 and max(steps) <= min(1.5 * min(steps), 120)
