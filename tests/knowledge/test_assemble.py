"""Subject-film choice: header lines, introducing sentences and comparison lists."""

from __future__ import annotations

import pytest

from kinolog.knowledge.films import (
    choose_subject,
    comparison_lines,
    count_phrase,
    heading_title,
    opening_year,
    strip_label,
)


@pytest.mark.parametrize(
    ("text", "title", "year", "certain"),
    [
        ("STALKER (Сталкер, 1979)\nDirected by Andrei Tarkovsky.", "Stalker", 1979, True),
        ("# Pather Panchali (1955)\n\nA village.", "Pather Panchali", 1955, True),
        ("La Strada ★★★★\n\nFellini's film.", "La Strada", None, True),
        ("Stalker (Сталкер)\nUSSR, 1979.", "Stalker", None, True),
        ("THE SEVENTH SEAL\nDet sjunde inseglet", "The Seventh Seal", None, False),
    ],
)
def test_assemble_heading_title_reads_header_lines(
    text: str, title: str, year: int | None, certain: bool
) -> None:
    heading = heading_title(text)
    assert heading is not None
    assert (heading.title, heading.year, heading.certain) == (title, year, certain)


@pytest.mark.parametrize(
    "text",
    [
        "Rain and Redemption: Kurosawa's Samurai at Seventy\n\nText.",
        "Tarkovsky's Stalker is a film about faith.\n",
        "there is no title here\n",
    ],
)
def test_assemble_heading_title_ignores_headlines_and_sentences(text: str) -> None:
    assert heading_title(text) is None


def test_assemble_choose_subject_weights_heading_over_repeats() -> None:
    mentions = [("stalker", 0, 10.0), ("solaris", 50, 1.0), ("solaris", 90, 1.0)]
    assert choose_subject(mentions) == "stalker"


def test_assemble_choose_subject_skips_weightless_titles() -> None:
    assert choose_subject([("umberto d", 900, 0.0)]) is None


def test_assemble_choose_subject_accepts_unweighted_pairs() -> None:
    assert choose_subject([("ikiru", 5), ("ikiru", 9), ("yojimbo", 1)]) == "ikiru"


@pytest.mark.parametrize(
    ("title", "stripped"),
    [("Compare: Ikiru (1952)", "Ikiru (1952)"), ("See also: Yojimbo", "Yojimbo"), ("M", "M")],
)
def test_assemble_strip_label_removes_comparison_labels(title: str, stripped: str) -> None:
    assert strip_label(title) == stripped


def test_assemble_comparison_lines_finds_labelled_lines() -> None:
    text = "Stalker follows three men.\nSee also: Solaris (1972); Mirror (1975)\n"
    [(start, end)] = comparison_lines(text)
    assert text[start:end].startswith("See also")


def test_assemble_count_phrase_counts_whole_words_ignoring_case() -> None:
    assert count_phrase("Tokyo Story, TOKYO  STORY and Tokyo Storyteller", "Tokyo Story") == 2


@pytest.mark.parametrize(
    ("text", "year"),
    [("Stalker (Сталкер)\nUSSR, 1979. Directed by Andrei Tarkovsky.", 1979), ("Stalker.", None)],
)
def test_assemble_opening_year_dates_from_the_opening_lines(text: str, year: int | None) -> None:
    assert opening_year(text) == year
