"""Mojibake: text decoded with the wrong code page ("fiancĂ©" for "fiancé"), put right.

ftfy decides what is mojibake and what it should have been; this module only makes that
decision *local*. A cheap scan finds the character pairs every mojibake of UTF-8 contains
(plain ASCII is skipped outright); ftfy then sees just the token around each, if its own
badness test agrees, configured to fix encodings and nothing else, so curly quotes, dashes,
full-width letters and Unicode normalisation reach the engine as the author wrote them.
Each fixed token is diffed against its original so every change becomes a character-exact
edit, and each is reported once per word, as a reader would name it.
"""

from __future__ import annotations

import difflib
import re

import ftfy
import ftfy.bad_codecs  # registers the "sloppy" code pages CHARMAP_ENCODINGS names
from ftfy.badness import BADNESS_RE
from ftfy.chardata import CHARMAP_ENCODINGS

from kinolog.core.model import Repair
from kinolog.text.edits import Edit

KIND = "mojibake"

ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
"""ftfy limited to decoding repairs: every other fixer would rewrite correct text."""


def _suspect_pattern() -> re.Pattern[str]:
    """A UTF-8 lead byte then a continuation byte, as any code page ftfy knows shows them.

    Every mojibake of multi-byte UTF-8 contains such a pair, so text without one (nearly
    all text, accented or not) never reaches ftfy's slower badness test.
    """
    leads: set[str] = set()
    continuations: set[str] = set()
    for encoding in CHARMAP_ENCODINGS:
        leads.update(bytes(range(0xC2, 0xF5)).decode(encoding, errors="ignore"))
        continuations.update(bytes(range(0x80, 0xC0)).decode(encoding, errors="ignore"))

    def charset(chars: set[str]) -> str:
        return "".join(re.escape(c) for c in sorted(chars))

    return re.compile(f"[{charset(leads)}][{charset(continuations)}]|[\x80-\x9f]|[ÂÃ][ \xa0]")


_SUSPECT = _suspect_pattern()


def find_mojibake(text: str) -> tuple[list[Edit], list[Repair]]:
    """Edits that repair the mojibake in `text`, and one `Repair` per affected word.

    ftfy sees one whitespace-delimited token at a time: a line that mixes mojibake with
    correct non-ASCII text ("fiancĂ©" beside a real "—") cannot be re-decoded as a whole,
    but each damaged token can, and short strings keep the work small.
    """
    if text.isascii():
        return [], []
    edits: list[Edit] = []
    repairs: list[Repair] = []
    pos = 0
    while True:
        hit = _SUSPECT.search(text, pos)
        if hit is None:
            break
        start = _token_start(text, hit.start())
        end = _token_end(text, hit.end())
        token = text[start:end]
        fixed = ftfy.fix_encoding(token, ENCODING_ONLY) if BADNESS_RE.search(token) else token
        if fixed != token:
            token_edits = _diff(token, fixed)
            edits.extend(Edit(start + a, start + b, r) for a, b, r in token_edits)
            repairs.extend(_word_repairs(token, start, token_edits))
        pos = end
    return edits, repairs


def _token_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _token_end(text: str, pos: int) -> int:
    while pos < len(text) and not text[pos].isspace():
        pos += 1
    return pos


def _diff(line: str, fixed: str) -> list[tuple[int, int, str]]:
    """Minimal `(start, end, replacement)` edits turning `line` into `fixed`."""
    limit = min(len(line), len(fixed))
    prefix = 0
    while prefix < limit and line[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and line[-1 - suffix] == fixed[-1 - suffix]:
        suffix += 1
    old = line[prefix : len(line) - suffix]
    new = fixed[prefix : len(fixed) - suffix]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [
        (prefix + i1, prefix + i2, new[j1:j2])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]


def _word_repairs(line: str, offset: int, edits: list[tuple[int, int, str]]) -> list[Repair]:
    """Group character edits into whole-word repairs ("filmâ€™s" → "film’s")."""
    groups: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    for a, b, replacement in edits:
        lo, hi = a, b
        while lo > 0 and line[lo - 1].isalnum():
            lo -= 1
        while hi < len(line) and line[hi].isalnum():
            hi += 1
        if groups and lo <= groups[-1][1]:
            first, _, members = groups[-1]
            groups[-1] = (first, max(hi, groups[-1][1]), [*members, (a, b, replacement)])
        else:
            groups.append((lo, hi, [(a, b, replacement)]))
    repairs = []
    for lo, hi, members in groups:
        pieces = []
        pos = lo
        for a, b, replacement in members:
            pieces.append(line[pos:a])
            pieces.append(replacement)
            pos = b
        pieces.append(line[pos:hi])
        repairs.append(Repair(KIND, line[lo:hi], "".join(pieces), offset + lo, offset + hi))
    return repairs
