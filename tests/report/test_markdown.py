"""The Markdown report: every section present, every hostile string escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinolog.core.model import Film, FilmRole, Report
from kinolog.report import from_json, to_markdown
from kinolog.report.markdown import escape

FULL = Path(__file__).with_name("full_report.json")


def full_markdown() -> str:
    return to_markdown(from_json(FULL.read_text(encoding="utf-8")))


def test_markdown_escapes_script_tags():
    text = full_markdown()
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("*c*", "\\*c\\*"),
        ("[x](y)", "\\[x\\](y)"),
        ("a & b", "a &amp; b"),
        ("<b>", "&lt;b&gt;"),
        ("two\nlines", "two lines"),
        (None, ""),
    ],
)
def test_markdown_escape_neutralises_markup(raw, escaped):
    assert escape(raw) == escaped


@pytest.mark.parametrize(
    "heading",
    [
        "## Documents", "## Story card", "## Films", "## Cast", "## People", "## Characters",
        "## Relations", "## Awards", "## Claims", "## Plot", "## Motifs", "## Themes",
        "## Findings",
    ],
)  # fmt: skip
def test_markdown_full_report_has_each_section(heading):
    assert heading + "\n" in full_markdown()


def test_markdown_omits_empty_sections():
    assert "## Findings" not in to_markdown(Report())


def test_markdown_card_rows_in_card_order():
    text = full_markdown()
    labels = ["Title", "Year", "Log Line", "Medium", "Writer(s)", "Director(s)"]
    positions = [text.index(f"| {label} |") for label in labels]
    assert positions == sorted(positions)


def test_markdown_synopsis_line_cannot_become_a_heading():
    film = Film("f", "T", role=FilmRole.SUBJECT, synopsis="# Not a heading")
    assert "\n\\# Not a heading\n" in to_markdown(Report(films=(film,)))


def test_markdown_notes_a_truncated_synopsis():
    film = Film("f", "T", role=FilmRole.SUBJECT, synopsis="Cut.", truncated=True)
    assert "continuation link" in to_markdown(Report(films=(film,)))
