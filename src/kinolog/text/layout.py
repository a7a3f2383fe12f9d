"""Layout: which line breaks are the author's and which are the page's.

Two layouts need different rules.

*PDF-export layout* (forced by `fmt="pdf"`, otherwise detected): every line is wrapped at a
fixed width, often with a blank line after each, so neither a line break nor a single blank
line means anything. A paragraph starts at an indented line or a list item, after a line
that ends a sentence and is followed by more space than the usual line gap (or ends in two
spaces, a hard break), or after a line well short of the wrap width. A line that stops
mid-sentence before a lower-case continuation is always joined, whatever lies between: that
is a page break, not a paragraph.

*Plain layout* (everything else): blank lines separate paragraphs and are kept. Lines inside
a paragraph are joined only when the block is clearly hard-wrapped (near-full lines with
mid-sentence breaks); otherwise its line breaks stay, because cards, lists and verse need
them. The decision looks only at the block itself, so cleaning clean text changes nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from kinolog.text.hyphenation import HYPHENS, is_hyphenated_break

PARAGRAPH = "\n\n"
LINE = "\n"
SPACE = " "
GLUE = ""
"""A hyphenated break: the hyphenation step decides whether the hyphen stays."""

FULL_LINE = 0.6
"""A line at least this share of the wrap width is a wrapped line, not a paragraph's end."""

_CLOSERS = "\"'”’»)]}*_"
_OPENERS = "\"'“‘«([{*_¿¡"
_SENTENCE_END = ".!?…"
_NOT_CONTINUED = ".!?…:"
_LIST_ITEM = re.compile(r"(?:[-*•·▪◦‣–—]\s|\d{1,3}[.)]\s|\(\w{1,3}\)\s|[a-z][.)]\s)")


@dataclass(slots=True)
class Lines:
    """The non-blank lines of a text, with what layout decisions need to know about each."""

    text: str
    starts: list[int]
    """Offset of each line's first non-blank character."""
    texts: list[str]
    """Each line without leading and trailing whitespace."""
    indents: list[int]
    trailing: list[int]
    gaps: list[int]
    """Blank lines between each line and the previous non-blank line."""
    page_breaks: list[bool]
    """Whether a form feed lies between each line and the previous non-blank line."""

    def __len__(self) -> int:
        return len(self.texts)

    def end(self, index: int) -> int:
        return self.starts[index] + len(self.texts[index])


def split_lines(text: str) -> Lines:
    """Index the non-blank lines of `text` (lines end at "\\n" only)."""
    starts: list[int] = []
    texts: list[str] = []
    indents: list[int] = []
    trailing: list[int] = []
    gaps: list[int] = []
    breaks: list[bool] = []
    feeds = "\f" in text
    pos = 0
    gap = 0
    page_break = False
    for line in text.split("\n"):
        content = line.strip()
        if content:
            lead = line.find(content[0])
            rest = len(line) - lead - len(content)
            starts.append(pos + lead)
            texts.append(content)
            gaps.append(gap)
            gap = 0
            if feeds:
                head, tail = line[:lead], line[lead + len(content) :]
                indents.append(lead - head.count("\f"))
                trailing.append(rest - tail.count("\f"))
                breaks.append(page_break or "\f" in head)
                page_break = "\f" in tail
            else:
                indents.append(lead)
                trailing.append(rest)
                breaks.append(False)
        else:
            gap += 1
            page_break = page_break or (feeds and "\f" in line)
        pos += len(line) + 1
    return Lines(text, starts, texts, indents, trailing, gaps, breaks)


def ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def continues(line: str, following: str) -> bool:
    """`following` carries on the sentence `line` broke off (a wrapped line, not a new one)."""
    last = line[-1]
    if last in _CLOSERS:
        last = line.rstrip(_CLOSERS)[-1:]
    elif last in HYPHENS and len(line) >= 2 and line[-2].isalnum() and following[0].isalnum():
        return True
    if not last or last in _NOT_CONTINUED:
        return False
    first = following[0]
    if first in _OPENERS:
        first = following.lstrip(_OPENERS)[:1]
    return first.islower()


def is_list_item(line: str) -> bool:
    return _LIST_ITEM.match(line) is not None


@dataclass(frozen=True)
class Layout:
    pdf: bool
    line_gap: int
    """Blank lines between the lines of one paragraph (PDF layout)."""
    width: int
    """The wrap width: the length a full line reaches."""
    indent: int
    """The usual indentation; more than this starts a paragraph."""


@dataclass(slots=True)
class Kept:
    """The lines that survive dropping, in order, with what lies between neighbours."""

    lines: list[int]
    """Indices into `Lines`."""
    gaps: list[int]
    """Blank lines between each kept line and the previous kept one."""
    separated: list[bool]
    """Whether a blank line or dropped chrome lies between each kept line and the previous."""
    broken: list[bool]
    """Whether each kept line continues the sentence the previous one broke off."""


def keep(lines: Lines, dropped: dict[int, str], separators: frozenset[str]) -> Kept:
    """The lines not in `dropped`, in order.

    A dropped line whose reason is in `separators` parts its neighbours like a blank line
    (site chrome sits between units of content); other dropped lines (page furniture)
    vanish without a trace.
    """
    texts = lines.texts
    kept: list[int] = []
    gaps: list[int] = []
    separated: list[bool] = []
    broken: list[bool] = []
    gap = 0
    parted = False
    previous = ""
    for i, line_gap in enumerate(lines.gaps):
        gap += line_gap
        if dropped and i in dropped:
            parted = parted or dropped[i] in separators
            continue
        text = texts[i]
        kept.append(i)
        gaps.append(gap)
        separated.append(gap > 0 or parted)
        broken.append(bool(previous) and continues(previous, text))
        previous = text
        gap = 0
        parted = False
    return Kept(kept, gaps, separated, broken)


def detect(lines: Lines, kept: Kept, plain: list[str], fmt: str) -> Layout:
    """Decide the layout, given the separators plain layout would use (`plan_plain`).

    The evidence for PDF-export layout is read off the units plain layout would produce,
    not raw lines: most units set apart by blank lines, most near a common width, and
    enough of them broken off mid-sentence. Cleaned text consists of exactly those units,
    so cleaning it again reaches the same verdict.
    """
    order, broken = kept.lines, kept.broken
    texts = lines.texts
    lengths = sorted(len(texts[i]) for i in order)
    width = lengths[(len(lengths) * 9) // 10] if lengths else 0
    indent = _mode([lines.indents[i] for i in order])
    joined_gaps = [gap for gap, b in zip(kept.gaps, broken, strict=True) if b]
    if fmt == "pdf":
        return Layout(True, _mode(joined_gaps), width, indent)
    units: list[int] = []
    separated = 0
    mid_sentence = 0
    for k, index in enumerate(order):
        sep = plain[k - 1] if k else PARAGRAPH
        if k == 0 or sep in (LINE, PARAGRAPH):
            units.append(len(texts[index]))
            if k and sep == PARAGRAPH:
                separated += 1
                mid_sentence += broken[k]
        else:
            units[-1] += len(texts[index]) + (sep == SPACE)
    pairs = len(units) - 1
    units.sort()
    unit_width = units[(len(units) * 9) // 10] if units else 0
    if pairs < 3 or not 20 <= unit_width <= 160:
        return Layout(False, 0, width, indent)
    full = len(units) - bisect_left(units, FULL_LINE * unit_width)
    pdf = (
        separated >= 0.6 * pairs
        and full >= 0.5 * len(units)
        and mid_sentence >= max(2, 0.2 * pairs)
    )
    return Layout(pdf, _mode(joined_gaps) if pdf else 0, width, indent)


def plan_plain(lines: Lines, kept: Kept) -> list[str]:
    """Separators between consecutive kept lines in plain layout (one fewer than lines)."""
    seps: list[str] = []
    block: list[int] = []
    for k, index in enumerate(kept.lines):
        if k and kept.separated[k]:
            seps.extend(_block_breaks(lines, block))
            seps.append(PARAGRAPH)
            block = []
        block.append(index)
    seps.extend(_block_breaks(lines, block))
    return seps


def plan_pdf(lines: Lines, kept: Kept, layout: Layout) -> list[str]:
    """Separators between consecutive kept lines in PDF-export layout."""
    texts, indents, trailing = lines.texts, lines.indents, lines.trailing
    order, gaps, broken = kept.lines, kept.gaps, kept.broken
    short = FULL_LINE * layout.width
    seps = []
    for k in range(1, len(order)):
        prev, nxt = order[k - 1], order[k]
        line = texts[prev]
        if broken[k]:
            seps.append(GLUE if is_hyphenated_break(line, texts[nxt]) else SPACE)
        elif (
            indents[nxt] > layout.indent
            or len(line) < short
            or is_list_item(texts[nxt])
            or (ends_sentence(line) and (gaps[k] > layout.line_gap or trailing[prev] >= 2))
        ):
            seps.append(PARAGRAPH)
        else:
            seps.append(SPACE)
    return seps


def _block_breaks(lines: Lines, block: list[int]) -> list[str]:
    """Separators inside one blank-line-delimited block of plain layout."""
    if len(block) < 2:
        return []
    texts = [lines.texts[i] for i in block]
    indents = [lines.indents[i] for i in block]
    if not _hard_wrapped(texts, indents):
        return [LINE] * (len(block) - 1)
    base = min(indents)
    seps = []
    for k in range(1, len(block)):
        if is_hyphenated_break(texts[k - 1], texts[k]):
            seps.append(GLUE)
        elif indents[k] > base and not continues(texts[k - 1], texts[k]):
            seps.append(PARAGRAPH)
        else:
            seps.append(SPACE)
    return seps


def _hard_wrapped(texts: list[str], indents: list[int]) -> bool:
    """Near-full lines broken mid-sentence: typed or exported with a fixed line width."""
    width = max(len(t) for t in texts)
    if width < 40 or any(is_list_item(t) for t in texts):
        return False
    base = min(indents)
    mid_sentence = 0
    for k in range(1, len(texts)):
        broken = continues(texts[k - 1], texts[k])
        mid_sentence += broken
        if not broken and len(texts[k - 1]) < FULL_LINE * width and indents[k] <= base:
            return False
    return mid_sentence >= max(1, 0.3 * (len(texts) - 1))


def _mode(values: list[int]) -> int:
    if not values:
        return 0
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -v))
