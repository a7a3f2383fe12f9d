"""The HTML report: one self-contained page, everything escaped, findings by severity."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kinolog.core.model import Report
from kinolog.report import from_json, to_html

FULL = Path(__file__).with_name("full_report.json")


def full_html() -> str:
    return to_html(from_json(FULL.read_text(encoding="utf-8")))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def parse(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


def test_html_escapes_script_tags():
    page = full_html()
    assert "<script" not in page
    assert "&lt;script&gt;" in page


def test_html_has_no_scripts_or_external_resources():
    parsed = parse(full_html())
    assert "script" not in parsed.tags and "link" not in parsed.tags
    assert not [v for k, v in parsed.attrs if k in ("src", "href")]


def test_html_styles_are_inline():
    assert "<style>" in full_html()


def test_html_is_one_complete_page():
    page = full_html()
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_html_shows_quotes_beside_facts():
    page = full_html()
    assert re.search(r"<td>Lee Moe</td><td>The Keeper</td><td><q>Jane Roe\.</q>", page)


@pytest.mark.parametrize("severity", ["error", "warning", "info"])
def test_html_colours_findings_by_severity(severity):
    page = full_html()
    assert f'class="finding severity-{severity}"' in page
    assert f".severity-{severity}{{" in page


def test_html_omits_empty_sections():
    page = to_html(Report())
    assert "<h2>Findings</h2>" not in page and "<h2>Films</h2>" not in page


def test_html_card_rows_in_card_order():
    page = full_html()
    labels = [
        "Title",
        "Year",
        "Log Line",
        "Medium",
        "Writer(s)",
        "Director(s)",
        "Production Co.(s)",
    ]
    positions = [page.index(f"<th>{label}</th>") for label in labels]
    assert positions == sorted(positions)


def test_html_card_rows_show_where_their_value_was_read():
    assert '<th>Director(s)</th><td>Jane Roe <span class="where">d2:10-19</span>' in full_html()
