"""Properties of `clean_text` over generated documents.

Documents mix prose in the layouts the cleaner meets (blank-line paragraphs, hard-wrapped
plain text, PDF exports with a blank line after every line, indented paragraph starts,
page breaks mid-sentence), hyphenated line ends, mojibake'd words and site chrome lines,
plus free-form line soup. For all of them the offset map must be exact, cleaning must be
idempotent, and no word outside a dropped span may be lost.
"""

from __future__ import annotations

import re
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinolog.text.clean import Cleaned, clean_text, offset_problems

WORDS = str.split(
    "the film war love story soviet cranes flying veronika boris mark moscow train station "
    "piano bombs flowers white purity innocence individual character audience director "
    "cinematographer scene remarkable understanding propaganda generation transformation "
    "celebrated censorship acclaimed portrayal everyone without returning shelter letters "
    "and of to in a her his with for on at by as from"
)
ACCENTED = ["fiancé", "café", "naïve", "déjà", "Dvořák", "Łódź", "Größe", "señor", "Zürich"]
LONG_WORDS = [w for w in WORDS if len(w) >= 9]
COMPOUNDS = ["real-life", "well-known", "twenty-two", "anti-war", "self-absorption"]
CHROME = [
    "Continued -->",
    "Read more »",
    "Share this:",
    "Share on Facebook",
    "Advertisement",
    "Skip to content",
    "Comments (12)",
    "Accept all cookies",
    "Subscribe to our newsletter",
    "© 2024 Kino Weekly, All rights reserved",
    "To comment on this review, please sign in or create a free account.",
    "Already a member? Log in.",
]

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def mojibake(word: str, encoding: str) -> str:
    return word.encode("utf-8").decode(encoding)


@st.composite
def words(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain"] * 8 + ["accented", "mojibake", "compound"]))
    if kind == "accented":
        return draw(st.sampled_from(ACCENTED))
    if kind == "mojibake":
        encoding = draw(st.sampled_from(["cp1252", "cp1250"]))
        return mojibake(draw(st.sampled_from(ACCENTED[:3] + ACCENTED[6:8])), encoding)
    if kind == "compound":
        return draw(st.sampled_from(COMPOUNDS))
    return draw(st.sampled_from(WORDS))


@st.composite
def sentences(draw: st.DrawFn) -> str:
    body = draw(st.lists(words(), min_size=3, max_size=14))
    body[0] = body[0][:1].upper() + body[0][1:]
    return " ".join(body) + draw(st.sampled_from([".", ".", ".", "!", "?"]))


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=5)))


def hyphenate(lines: list[str], draw: st.DrawFn) -> list[str]:
    """Break some long words across line ends, as a typesetter would."""
    out = list(lines)
    for k in range(len(out) - 1):
        if out[k + 1].split()[0] in LONG_WORDS and draw(st.booleans()):
            head, _, rest = out[k + 1].partition(" ")
            cut = draw(st.integers(3, len(head) - 3))
            out[k] = f"{out[k]} {head[:cut]}-"
            out[k + 1] = f"{head[cut:]} {rest}".strip()
    return out


@st.composite
def pdf_exports(draw: st.DrawFn) -> str:
    """Wrapped lines with a blank line after each; page ends carry a number and a header."""
    width = draw(st.integers(40, 100))
    page_length = draw(st.integers(6, 30))
    title = draw(st.sampled_from(["The Cranes Are Flying", "Film Studies 201", "Soviet Cinema"]))
    out: list[str] = []
    page = 1
    for paragraph in draw(st.lists(paragraphs(), min_size=1, max_size=6)):
        lines = hyphenate(textwrap.wrap(paragraph, width), draw)
        lines[0] = " " + lines[0] if draw(st.booleans()) else lines[0]
        trail = draw(st.sampled_from(["", " ", "  "]))
        for line in lines:
            out.extend([line + trail, ""])
            if len(out) // 2 % page_length == 0:
                page += 1
                number = draw(st.sampled_from(["{}", "Page {}", "- {} -", "{} | " + title]))
                out.extend([number.format(page), "", "\f" + title, ""])
        if draw(st.integers(0, 5)) == 0:
            out.extend([draw(st.sampled_from(CHROME)), ""])
        if draw(st.booleans()):
            out.append("")
    return "\n".join(out)


@st.composite
def plain_texts(draw: st.DrawFn) -> str:
    chunks: list[str] = []
    for paragraph in draw(st.lists(paragraphs(), min_size=1, max_size=6)):
        if draw(st.booleans()):
            width = draw(st.integers(40, 90))
            paragraph = "\n".join(hyphenate(textwrap.wrap(paragraph, width), draw))
        chunks.append(paragraph)
        if draw(st.integers(0, 4)) == 0:
            chunks.append(draw(st.sampled_from(CHROME)))
    separator = draw(st.sampled_from(["\n\n", "\n\n\n", "\r\n\r\n", "\n \n"]))
    return separator.join(chunks)


@st.composite
def line_soup(draw: st.DrawFn) -> str:
    line = st.one_of(
        st.just(""),
        st.sampled_from(CHROME),
        st.lists(words(), min_size=1, max_size=12).map(" ".join),
        st.lists(words(), min_size=1, max_size=6).map(lambda ws: " ".join(ws) + "-"),
        sentences(),
        st.text(alphabet=" \t\u00a0ab-.\n", max_size=12),
    )
    return "\n".join(draw(st.lists(line, max_size=25)))


documents = st.one_of(pdf_exports(), plain_texts(), line_soup())


def expected_letters(original: str, cleaned: Cleaned) -> str:
    """The original's letters and digits outside dropped spans, with repairs applied."""
    dropped = bytearray(len(original) + 1)
    for span in cleaned.dropped:
        dropped[span.start : span.end] = b"\x01" * (span.end - span.start)
    pieces = []
    pos = 0
    for repair in sorted(cleaned.repairs, key=lambda r: r.start):
        if repair.start < pos or dropped[repair.start]:
            continue
        pieces.extend(c for k, c in enumerate(original[pos : repair.start], pos) if not dropped[k])
        pieces.append(repair.replacement)
        pos = repair.end
    pieces.extend(c for k, c in enumerate(original[pos:], pos) if not dropped[k])
    return letters("".join(pieces))


def letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


@SETTINGS
@given(documents)
def test_clean_properties_offset_map_is_exact_and_monotonic(original: str) -> None:
    assert offset_problems(original, clean_text(original)) == []


@SETTINGS
@given(pdf_exports())
def test_clean_properties_offset_map_is_exact_for_forced_pdf_layout(original: str) -> None:
    assert offset_problems(original, clean_text(original, fmt="pdf")) == []


@SETTINGS
@given(documents)
def test_clean_properties_cleaning_is_idempotent(original: str) -> None:
    once = clean_text(original).clean
    assert clean_text(once).clean == once


@SETTINGS
@given(documents)
def test_clean_properties_no_word_outside_dropped_spans_is_lost(original: str) -> None:
    cleaned = clean_text(original)
    assert letters(cleaned.clean) == expected_letters(original, cleaned)


@SETTINGS
@given(documents)
def test_clean_properties_whitespace_is_normalised(original: str) -> None:
    clean = clean_text(original).clean
    assert clean == clean.strip()
    assert "\n\n\n" not in clean
    assert not re.search(r"[ \t]{2,}|[ \t]\n|\n[ \t]|[\r\t]", clean)


@SETTINGS
@given(documents)
def test_clean_properties_dropped_spans_quote_the_original(original: str) -> None:
    cleaned = clean_text(original)
    for span in (*cleaned.dropped, *cleaned.repairs):
        quoted = span.text if hasattr(span, "text") else span.original
        assert original[span.start : span.end] == quoted
