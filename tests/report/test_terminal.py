"""The terminal report: the card first and in card order, tables only when there is data."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from kinolog.core.model import Credits, Film, FilmRole, Report
from kinolog.report import from_json, render_card_terminal, render_terminal
from kinolog.report.common import CARD_LABELS

FULL = Path(__file__).with_name("full_report.json")


def new_console() -> Console:
    return Console(file=io.StringIO(), width=120, color_system=None)


def rendered(report: Report) -> str:
    console = new_console()
    render_terminal(report, console)
    return console.file.getvalue()


def full_text() -> str:
    return rendered(from_json(FULL.read_text(encoding="utf-8")))


def card_text(film: Film) -> str:
    console = new_console()
    render_card_terminal(film, console)
    return console.file.getvalue()


def test_terminal_card_labels_in_card_order():
    text = full_text()
    positions = [text.index(label) for label in CARD_LABELS]
    assert positions == sorted(positions)


def test_terminal_synopsis_follows_the_card_fields():
    text = full_text()
    assert text.index("Production Co.(s)") < text.index("Synopsis") < text.index("Films")


@pytest.mark.parametrize(
    "title",
    ["Documents", "Films", "Cast", "People", "Characters", "Relations", "Awards", "Motifs",
     "Themes", "Findings"],
)  # fmt: skip
def test_terminal_full_report_has_each_section(title):
    assert f"\n{title}" in full_text() or full_text().startswith(title)


@pytest.mark.parametrize(
    "title", ["Documents", "Cast", "Relations", "Awards", "Motifs", "Themes", "Findings"]
)
def test_terminal_omits_empty_sections(title):
    assert title not in rendered(Report())


def test_terminal_prints_markup_in_values_literally():
    assert "[bold]b[/bold]" in full_text()


def test_terminal_card_without_title_or_year_starts_at_log_line():
    film = Film("f", "", role=FilmRole.SUBJECT, logline="A clerk steals a train.")
    text = card_text(film)
    assert "Title" not in text and "Year" not in text
    assert text.index("Log Line") < text.index("Medium")


def test_terminal_card_shows_credits():
    film = Film("f", "T", credits=Credits(director=("A One", "B Two")))
    assert "A One, B Two" in card_text(film)
