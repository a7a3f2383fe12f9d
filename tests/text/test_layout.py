from __future__ import annotations

import pytest

from kinolog.text import layout, pages
from kinolog.text.clean import clean_text

WRAPPED = [
    "The Cranes Are Flying is a drama about the war and the people who waited at",
    "home for the soldiers, told through the eyes of a young woman whose fiance",
    "leaves for the front on the first morning of the war without a goodbye.",
    "She waits for him, marries his cousin, and keeps hoping he will come back",
    "to the city where they met before the war began in the summer of that year.",
]


def pdf_export(lines: list[str]) -> str:
    """Every line followed by one blank line, as the sample essay was exported."""
    return "\n\n".join(line + " " for line in lines) + "\n"


def planned(text: str, fmt: str = "text") -> tuple[layout.Layout, list[str]]:
    lines = layout.split_lines(text)
    kept = layout.keep(lines, {}, frozenset())
    plain = layout.plan_plain(lines, kept)
    found = layout.detect(lines, kept, plain, fmt)
    return found, layout.plan_pdf(lines, kept, found) if found.pdf else plain


def test_layout_split_lines_records_indent_trailing_gaps_and_page_breaks() -> None:
    lines = layout.split_lines("  one  \n\n\n\ftwo\n")
    assert (lines.texts, lines.indents, lines.trailing, lines.gaps, lines.page_breaks) == (
        ["one", "two"],
        [2, 0],
        [2, 0],
        [0, 2],
        [False, True],
    )


@pytest.mark.parametrize(
    ("line", "following", "expected"),
    [
        ("the film stars Aleksey Batalov as", "Boris and Tatiana", False),
        ("war is everyone’s story not just the", "generals and soldiers", True),
        ("a prototype of bold, outspoken,", "“sassy” women", True),
        ("(this stubbornness is a hallmark of Veronika)", "and thus Mark", True),
        ("completely anti-", "individualistic", True),
        ("the lowest of women.", "and deserves", False),
        ("as follows:", "the cranes", False),
    ],
)
def test_layout_continues_detects_mid_sentence_breaks(
    line: str, following: str, expected: bool
) -> None:
    assert layout.continues(line, following) is expected


def test_layout_pdf_export_is_detected() -> None:
    found, _ = planned(pdf_export(WRAPPED))
    assert found.pdf and found.line_gap == 1


@pytest.mark.parametrize(
    "text",
    [
        "Log Line\n\nA young man goes to war.\n\n\nMedium: Film\n\nWriter(s): Viktor Rozov\n\n"
        "Director(s): Mikhail Kalatozov\n\nProduction Co.(s): Mosfilm\n",
        "First paragraph ends here.\n\nSecond paragraph ends here.\n\nThird one too.\n\nFourth.",
        "\n".join(WRAPPED),
    ],
)
def test_layout_plain_text_is_not_taken_for_a_pdf_export(text: str) -> None:
    assert not planned(text)[0].pdf


def test_layout_forced_pdf_reads_single_spaced_lines() -> None:
    text = "\n".join([*WRAPPED[:2], "leaves for the front.", *WRAPPED[3:]])
    found, seps = planned(text, fmt="pdf")
    assert found.pdf and found.line_gap == 0
    assert seps == [" ", " ", layout.PARAGRAPH, " "]


@pytest.mark.parametrize(
    ("middle", "separator"),
    [
        ("\n\n", " "),  # the usual single blank line
        ("\n\n\n\n\n\n", " "),  # a page break mid-sentence is no paragraph
    ],
)
def test_layout_pdf_blank_lines_inside_a_sentence_join(middle: str, separator: str) -> None:
    text = pdf_export(WRAPPED[:2]) + middle + pdf_export(WRAPPED[2:])
    assert clean_text(text).clean.count("\n") == 0


@pytest.mark.parametrize(
    "paragraph_break",
    [
        lambda a, b: f"{a} \n\n {b} ",  # indented first line
        lambda a, b: f"{a} \n\n\n\n{b} ",  # two blank lines after a sentence
        lambda a, b: f"{a}  \n\n{b} ",  # two trailing spaces after a sentence
    ],
)
def test_layout_pdf_paragraph_starts(paragraph_break) -> None:
    first = pdf_export(WRAPPED[:3]).rstrip()
    second = pdf_export(WRAPPED[3:]).strip()
    text = paragraph_break(first.rstrip(), second)
    assert clean_text(text).clean.split("\n\n") == [
        " ".join(WRAPPED[:3]),
        " ".join(WRAPPED[3:]),
    ]


def test_layout_pdf_short_line_ends_a_paragraph() -> None:
    text = pdf_export([*WRAPPED[:2], "war.", *WRAPPED[3:]])
    assert clean_text(text).clean.count("\n\n") == 1


def test_layout_plain_paragraphs_are_kept() -> None:
    text = "One paragraph here.\n\n\n\nAnother paragraph.\n"
    assert clean_text(text).clean == "One paragraph here.\n\nAnother paragraph."


def test_layout_plain_hard_wrapped_block_is_joined() -> None:
    assert clean_text("\n".join(WRAPPED)).clean == " ".join(WRAPPED)


@pytest.mark.parametrize(
    "block",
    [
        "Medium: Film\nWriter(s): Viktor Rozov\nDirector(s): Mikhail Kalatozov",
        "- the cranes over Moscow and the long line of soldiers\n- the stairs and the piano",
        "Short line\nanother short one",
    ],
)
def test_layout_plain_structured_lines_keep_their_breaks(block: str) -> None:
    assert clean_text(block).clean == block


@pytest.mark.parametrize("line", ["12", "Page 3", "Page 3 of 10", "- 3 -", "3 | Cranes", "iv"])
def test_layout_page_numbers_are_recognised(line: str) -> None:
    assert pages.is_page_number(line)


@pytest.mark.parametrize("line", ["1957.", "Page three of the script", "In 1957 the film"])
def test_layout_numbers_in_text_are_not_page_numbers(line: str) -> None:
    assert not pages.is_page_number(line)


def test_layout_pdf_page_furniture_is_dropped() -> None:
    pages_text = [
        pdf_export(WRAPPED[:3]) + "\n1\n\n\fFilm Studies 201\n\n",
        pdf_export(WRAPPED[3:]) + "\nPage 2 of 3\n\n\fFilm Studies 201\n\n",
        pdf_export(WRAPPED[:2]) + "\n- 3 -\n\n\fFilm Studies 201\n\n",
    ]
    cleaned = clean_text("".join(pages_text))
    assert sorted({(d.reason, d.text) for d in cleaned.dropped}) == [
        ("page number", "- 3 -"),
        ("page number", "1"),
        ("page number", "Page 2 of 3"),
        ("running header", "Film Studies 201"),
    ]
    assert "Film Studies" not in cleaned.clean


def test_layout_repeated_sentence_is_not_a_running_header() -> None:
    line = "She waits."
    text = "".join(pdf_export([*WRAPPED, line]) + "\n\f" for _ in range(4))
    assert clean_text(text).clean.count(line) == 4
