"""The report as Markdown, for pasting into an issue, a wiki or a review thread.

Every value read from a document is escaped: Markdown punctuation with a backslash and HTML's
`<`, `>` and `&` as entities, so a quote holding `<script>` or `|` shows as text in any
renderer and cannot break a table.
"""

from __future__ import annotations

import re

from kinolog.core.model import Film, Report
from kinolog.report import common

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_BLOCK_START = re.compile(r"^(?=[#+=-]|\d+[.)])")


def escape(value: object) -> str:
    """One value as inline Markdown text: one line, punctuation and HTML neutralised."""
    text = " ".join(("" if value is None else str(value)).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    out: list[str] = ["# kinolog report", "", f"Schema: `{report.schema}`", ""]
    _section(out, common.documents_section(report))
    for film in common.card_films(report):
        out += card_markdown(film)
    for section in common.sections(report):
        _section(out, section)
    if report.findings:
        out += ["## Findings", ""]
        for f in report.findings:
            line = f"- **{escape(str(f.severity).upper())}** {escape(f.kind)}: {escape(f.message)}"
            if f.suggestion:
                line += f" — {escape(f.suggestion)}"
            out.append(line)
            if f.evidence:
                out.append(
                    f"  > {escape(common.quote(f.evidence))} ({escape(common.where(f.evidence))})"
                )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def card_markdown(film: Film) -> list[str]:
    """One film's story card: a two-column table in card order, then the synopsis."""
    lines = ["## Story card", "", "| Field | Value |", "| --- | --- |"]
    for label, value in common.card_rows(film):
        lines.append(f"| {escape(label)} | {escape(value) if value else '—'} |")
    lines.append("")
    if film.synopsis:
        lines += ["### Synopsis", ""]
        for paragraph in re.split(r"\n\s*\n", film.synopsis.strip()):
            lines += [_BLOCK_START.sub("\\\\", escape(paragraph)), ""]
        if film.truncated:
            lines += [f"_{escape(common.TRUNCATED_NOTE)}_", ""]
    return lines


def _section(out: list[str], section: common.Section) -> None:
    if not section.rows:
        return
    headers, rows = section.plain(common.quote)
    out += [f"## {section.title}", ""]
    out.append("| " + " | ".join(escape(h) for h in headers) + " |")
    out.append("|" + " --- |" * len(headers))
    for row in rows:
        out.append("| " + " | ".join(escape(v) for v in row) + " |")
    out.append("")
