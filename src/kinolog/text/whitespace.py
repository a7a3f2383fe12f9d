"""Whitespace inside lines: one plain space between words, one kind of line break.

Line ends and indentation are left alone here because the layout step reads them (an
indented line starts a paragraph; trailing spaces can mark a hard break); it strips them
itself once it has decided. Only spacing *inside* a line is normalised, so every replacement
space stands for original whitespace. A lone no-break or typographic space between two
words is the author's choice ("p.\u00a012", "5\u202f€") and stays; runs of blanks
and tabs become one space. Zero-width characters go everywhere; a soft hyphen goes inside
a word but stays at a line end, where it marks a hyphenation.
"""

from __future__ import annotations

import re

from kinolog.text.edits import Edit

ZERO_WIDTH = "\u200b\u2060\ufeff"
SOFT_HYPHEN = "\u00ad"
_BLANKS = " \t\f\v\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_RUN = frozenset(_BLANKS + ZERO_WIDTH)
_KEPT_ALONE = frozenset(" \u00a0\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
_NO_ZERO_WIDTH = str.maketrans(dict.fromkeys(ZERO_WIDTH))

# Only what may need an edit starts a match: a plain single space never does. Two simple
# scans (a character class, a literal) are much faster than one alternation.
_RARE = re.compile(
    "\r\n?|[\u2028\u2029]|[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
    + ZERO_WIDTH
    + "]|\u00ad+"
)
_DOUBLE_SPACE = re.compile("  +")


def normalise_spacing(text: str) -> list[Edit]:
    """Edits: CR/LF and Unicode line separators → "\\n"; inner blank runs → " "; invisibles out."""
    edits: list[Edit] = []
    covered = 0
    size = len(text)
    candidates = [m.span() for m in _RARE.finditer(text)]
    if candidates:
        candidates.extend(m.span() for m in _DOUBLE_SPACE.finditer(text))
        candidates.sort()
    else:
        candidates = [m.span() for m in _DOUBLE_SPACE.finditer(text)]
    for start, end in candidates:
        if start < covered:
            continue
        first = text[start]
        if first == "\r" or first in "\u2028\u2029":
            edits.append(Edit(start, end, "\n"))
            covered = end
            continue
        if first == SOFT_HYPHEN:
            if end < size and not text[end].isspace():
                edits.append(Edit(start, end, ""))
            covered = end
            continue
        lo, hi = start, end
        while lo > covered and text[lo - 1] in _RUN:
            lo -= 1
        while hi < size and text[hi] in _RUN:
            hi += 1
        covered = hi
        run = text[lo:hi]
        inner = lo > 0 and hi < size and not text[lo - 1].isspace() and not text[hi].isspace()
        visible = run.translate(_NO_ZERO_WIDTH)
        if inner and not (visible == "" or visible in _KEPT_ALONE):
            edits.append(Edit(lo, hi, " "))
            continue
        # a kept space, or a line's edge (the layout step strips blanks): drop invisibles
        pos = lo
        while pos < hi:
            if text[pos] in ZERO_WIDTH:
                stop = pos
                while stop < hi and text[stop] in ZERO_WIDTH:
                    stop += 1
                edits.append(Edit(pos, stop, ""))
                pos = stop
            else:
                pos += 1
    return edits
