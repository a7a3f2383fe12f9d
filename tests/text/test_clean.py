from __future__ import annotations

import re
from pathlib import Path

import pytest

from kinolog.core.model import Dropped, Repair
from kinolog.text import chrome
from kinolog.text.clean import Cleaned, clean_text, offset_problems
from kinolog.text.edits import Edit
from kinolog.text.whitespace import normalise_spacing

SAMPLES = Path(__file__).resolve().parents[2] / "examples" / "cranes"
ESSAY = (SAMPLES / "essay.txt").read_text(encoding="utf-8")
CARD = (SAMPLES / "card.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def essay() -> Cleaned:
    return clean_text(ESSAY)


@pytest.fixture(scope="module")
def card() -> Cleaned:
    return clean_text(CARD)


def test_clean_essay_becomes_paragraphs(essay: Cleaned) -> None:
    paragraphs = essay.clean.split("\n\n")
    assert len(paragraphs) == 14
    assert "\n" not in essay.clean.replace("\n\n", "")
    assert paragraphs[0].startswith("The Cranes Are Flying is a 1957 drama")
    assert paragraphs[-1].endswith("provides a unique, personal lens on World War II.")


def test_clean_essay_has_no_paragraph_break_inside_a_sentence(essay: Cleaned) -> None:
    for paragraph in essay.clean.split("\n\n")[:-1]:
        assert paragraph.rstrip("”’)")[-1] in ".!?", paragraph[-60:]


@pytest.mark.parametrize(
    "phrase",
    [
        "completely anti-individualistic and",
        "with different real-life scenarios.",
        "a well-known actor",
        "She was only twenty-two when",
        "for every woman in war, for every fallen Veronika",
        "with the whole state of Russia",
        "despite all the horrors endured by war",
    ],
)
def test_clean_essay_keeps_compounds_and_joins_page_breaks(essay: Cleaned, phrase: str) -> None:
    assert phrase in essay.clean


def test_clean_essay_reports_nothing_dropped_or_repaired(essay: Cleaned) -> None:
    assert (essay.repairs, essay.dropped) == ((), ())


def test_clean_essay_offsets_are_exact(essay: Cleaned) -> None:
    assert offset_problems(ESSAY, essay) == []


def test_clean_card_keeps_its_labelled_lines(card: Cleaned) -> None:
    assert card.clean.split("\n\n")[:6] == [
        "Log Line",
        card.clean.split("\n\n")[1],
        "Medium: Film",
        "Writer(s): Viktor Rozov",
        "Director(s): Mikhail Kalatozov",
        "Production Co.(s): Mosfilm",
    ]


def test_clean_card_repairs_the_mojibake_with_its_exact_span(card: Cleaned) -> None:
    start = CARD.index("fiancĂ©")
    assert card.repairs == (Repair("mojibake", "fiancĂ©", "fiancé", start, start + 7),)
    assert "her fiancé, Boris." in card.clean


def test_clean_card_drops_the_chrome_with_reasons(card: Cleaned) -> None:
    marker = CARD.index("Continued -->")
    prompt = CARD.index("To view, submit")
    assert card.dropped == (
        Dropped("Continued -->", chrome.CONTINUATION, marker, marker + 13),
        Dropped(CARD[prompt:].rstrip(), chrome.MEMBERSHIP, prompt, len(CARD.rstrip())),
    )


@pytest.mark.parametrize("word", ["Continued", "member", "log in", "comments", "Academy"])
def test_clean_card_keeps_no_chrome(card: Cleaned, word: str) -> None:
    assert word not in card.clean


def test_clean_card_ends_with_the_synopsis(card: Cleaned) -> None:
    assert card.clean.endswith("is not the same man who owns her love.")


def test_clean_card_offsets_are_exact(card: Cleaned) -> None:
    assert offset_problems(CARD, card) == []


@pytest.mark.parametrize("text", [ESSAY, CARD])
def test_clean_samples_are_idempotent(text: str) -> None:
    once = clean_text(text).clean
    assert clean_text(once).clean == once


def test_clean_evidence_quotes_the_original_through_the_map(card: Cleaned) -> None:
    start = card.clean.index("fiancé")
    o_start, o_end = card.offsets.span(start, start + len("fiancé, Boris"))
    assert CARD[o_start:o_end] == "fiancĂ©, Boris"


@pytest.mark.parametrize(
    ("original", "clean"),
    [
        ("  a \t b\u00a0\u00a0c\td  ", "a b c d"),
        ("Veronika\u00a0and M.\u202fKalatozov", "Veronika\u00a0and M.\u202fKalatozov"),
        ("one\r\ntwo\r\n\r\nthree\r", "one\ntwo\n\nthree"),
        ("\n\n\npara one\n\n\n\n\npara two\n\n", "para one\n\npara two"),
        ("zero\u200bwidth and a soft\u00adhyphen", "zerowidth and a softhyphen"),
        ("\ufeffBOM first", "BOM first"),
        ("line one   \nline two", "line one\nline two"),
    ],
)
def test_clean_whitespace_is_normalised(original: str, clean: str) -> None:
    cleaned = clean_text(original)
    assert cleaned.clean == clean
    assert offset_problems(original, cleaned) == []


def test_clean_whitespace_edits_leave_line_edges_to_layout() -> None:
    assert normalise_spacing("  indented  \ttext  \n") == [Edit(10, 13, " ")]


def test_clean_separators_map_to_the_whitespace_they_replace() -> None:
    original = "first line of a wrapped paragraph that goes on and on and\nends here."
    cleaned = clean_text(original)
    space = cleaned.clean.index("and ends") + 3
    start, end = cleaned.offsets.span(space, space + 1)
    assert original[start:end] == "\n"


def test_clean_dehyphenation_is_recorded_as_a_repair() -> None:
    original = (
        "The beginning of the film showcases this individuality most strongly with indivi-\n"
        "dual care, and the audience walks out with empathy for every woman in the war.\n"
    )
    cleaned = clean_text(original)
    assert "with individual care" in cleaned.clean
    start = original.index("indivi-")
    assert cleaned.repairs == (
        Repair("dehyphenation", "indivi-\ndual", "individual", start, start + 12),
    )
    assert offset_problems(original, cleaned) == []


def test_clean_soft_hyphen_at_a_line_end_is_a_hyphenation() -> None:
    original = (
        "an essay that breaks a long word at the end of its line, such as indi\u00ad\nvidual."
    )
    assert clean_text(original).clean.endswith("such as individual.")


def test_clean_forced_pdf_format_unwraps_single_spaced_lines() -> None:
    original = "A line of text extracted from a PDF that\nwraps at a fixed width.\n\nNext one."
    assert clean_text(original, fmt="pdf").clean == (
        "A line of text extracted from a PDF that wraps at a fixed width.\n\nNext one."
    )


def test_clean_chrome_between_paragraphs_becomes_a_paragraph_break() -> None:
    original = "First paragraph ends.\nShare this:\nSecond paragraph ends."
    cleaned = clean_text(original)
    assert cleaned.clean == "First paragraph ends.\n\nSecond paragraph ends."
    assert [d.reason for d in cleaned.dropped] == [chrome.SHARING]


def test_clean_indented_chrome_line_is_dropped() -> None:
    cleaned = clean_text("Prose before.\n\n    Continue reading →\n\nProse after.")
    assert cleaned.clean == "Prose before.\n\nProse after."


@pytest.mark.parametrize("original", ["", "   ", "\n\n\n", "\f"])
def test_clean_empty_text_stays_empty(original: str) -> None:
    cleaned = clean_text(original)
    assert (cleaned.clean, len(cleaned.offsets)) == ("", 0)


def test_clean_output_has_no_stray_whitespace(essay: Cleaned, card: Cleaned) -> None:
    for cleaned in (essay, card):
        assert cleaned.clean == cleaned.clean.strip()
        assert not re.search(r"\n{3,}|[ \t]{2,}|[ \t]\n|\n[ \t]", cleaned.clean)
