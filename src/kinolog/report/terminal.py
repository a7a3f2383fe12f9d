"""The report in a terminal: the story card first, then one table per kind of knowledge.

Everything read from documents goes into `rich.text.Text` objects, never into markup strings,
so a quote containing "[bold]" or "[/]" prints as written instead of styling the terminal or
breaking the render. Sections with nothing in them are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kinolog.core.model import Evidence, Film, Report, Severity
from kinolog.report import common

QUOTE_WIDTH = 60
"""Longest quote shown in a table cell; the JSON, Markdown and HTML reports keep it whole."""

SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_terminal(report: Report, console: Console) -> None:
    """Print the whole report: documents, story card, films, cast, characters, findings …"""
    if report.documents:
        console.print(_table(common.documents_section(report)))
    for film in common.card_films(report):
        render_card_terminal(film, console)
    for section in common.sections(report):
        table = _table(section) if section.summary else None
        if table is not None:
            console.print(table)
    findings = _findings(report)
    if findings is not None:
        console.print(findings)


def render_card_terminal(film: Film, console: Console) -> None:
    """Print one film's story card: its fields in card order, then the synopsis."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    for label, value in common.card_rows(film):
        grid.add_row(Text(label), Text(value) if value else Text("—", style="dim"))
    parts: list[Text | Table] = [grid]
    if film.synopsis:
        parts.append(Text("\nSynopsis", style="bold"))
        parts.append(Text(film.synopsis))
        if film.truncated:
            parts.append(Text("\n" + common.TRUNCATED_NOTE, style="dim italic"))
    title = Text("Story card")
    console.print(Panel(Group(*parts), title=title, title_align="left", box=box.ROUNDED))


def _quote(evidence: Sequence[Evidence]) -> str:
    return common.quote(evidence, limit=QUOTE_WIDTH)


def _findings(report: Report) -> Table | None:
    if not report.findings:
        return None
    table = _new_table("Findings", ("Severity", "Kind", "Message", "Suggestion", "Quote"))
    for f in report.findings:
        severity = Text(str(f.severity), style=SEVERITY_STYLES.get(f.severity, ""))
        rest = _cells((f.kind, f.message, f.suggestion, _quote(f.evidence)))
        table.add_row(severity, *rest)
    return table


def _table(section: common.Section) -> Table | None:
    if not section.rows:
        return None
    headers, rows = section.plain(_quote)
    table = _new_table(section.title, headers)
    for row in rows:
        table.add_row(*_cells(row))
    return table


def _new_table(title: str, headers: Sequence[str]) -> Table:
    table = Table(title=Text(title, style="bold"), title_justify="left", box=box.SIMPLE_HEAD)
    for header in headers:
        table.add_column(Text(header), overflow="fold")
    return table


def _cells(values: Sequence[object]) -> list[Text]:
    return [Text("" if v is None else str(v)) for v in values]
