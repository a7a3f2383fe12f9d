"""The report as Markdown, for pasting into an issue, a wiki or a review thread.

Every value read from a document is escaped: Markdown punctuation with a backslash and HTML's
`<`, `>` and `&` as entities, so a quote holding `<script>` or `|` shows as text in any
renderer and cannot break a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    _section(
        out,
        "Documents",
        ("Document", "Source", "Kind", "Words", "Repairs", "Dropped"),
        [
            (d.id, d.source, d.kind, d.words, len(d.repairs), len(d.dropped))
            for d in report.documents
        ],
    )
    for film in common.card_films(report):
        out += card_markdown(film)
    titles = common.film_titles(report)
    chars = common.character_names(report)
    q = common.quote
    _section(
        out,
        "Films",
        ("Title", "Year", "Role", "Director(s)", "Writer(s)", "Quote"),
        [
            (f.title, f.year, f.role, common.names(f.credits.director),
             common.names(f.credits.screenwriter), q(f.evidence))
            for f in report.films
        ],
    )  # fmt: skip
    _section(
        out,
        "Cast",
        ("Film", "Actor", "Character", "Quote"),
        [(f.title, c.actor, c.character, q(c.evidence)) for f in report.films for c in f.cast],
    )
    _section(
        out,
        "People",
        ("Name", "Roles", "Mentions", "Also written"),
        [(p.name, ", ".join(p.roles), p.mentions, ", ".join(p.aliases)) for p in report.people],
    )
    _section(
        out,
        "Characters",
        ("Name", "Film", "Played by", "Mentions", "Also called"),
        [
            (c.name, titles.get(c.film or "", c.film), c.played_by, c.mentions,
             ", ".join(c.aliases))
            for c in report.characters
        ],
    )  # fmt: skip
    _section(
        out,
        "Relations",
        ("Character", "Relation", "Of", "Quote"),
        [
            (c.name, r.type, chars.get(r.target, r.target), q(r.evidence))
            for c in report.characters
            for r in c.relations
        ],
    )
    _section(
        out,
        "Awards",
        ("Film", "Award", "Event", "Year", "Quote"),
        [(f.title, a.name, a.event, a.year, q(a.evidence)) for f in report.films for a in f.awards],
    )
    _section(
        out,
        "Claims",
        ("Subject", "Predicate", "Object", "Quote"),
        [(c.subject, c.predicate, c.object, q(c.evidence)) for c in report.claims],
    )
    _section(
        out,
        "Plot",
        ("#", "Beat", "Characters", "Quote"),
        [(b.order, b.text, ", ".join(b.characters), q(b.evidence)) for b in report.plot],
    )
    _section(
        out,
        "Motifs",
        ("Motif", "Category", "Mentions", "Quote"),
        [(m.name, m.category, len(m.mentions), q(m.mentions)) for m in report.motifs],
    )
    _section(
        out,
        "Themes",
        ("Theme", "Score", "Quote"),
        [(t.name, f"{t.score:.2f}", q(t.evidence)) for t in report.themes],
    )
    if report.findings:
        out += ["## Findings", ""]
        for f in report.findings:
            line = f"- **{escape(str(f.severity).upper())}** {escape(f.kind)}: {escape(f.message)}"
            if f.suggestion:
                line += f" — {escape(f.suggestion)}"
            out.append(line)
            if f.evidence:
                out.append(f"  > {escape(q(f.evidence))} ({escape(common.where(f.evidence))})")
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


def _section(out: list[str], title: str, headers: Sequence[str], rows: list[tuple]) -> None:
    if not rows:
        return
    out += [f"## {title}", ""]
    out.append("| " + " | ".join(escape(h) for h in headers) + " |")
    out.append("|" + " --- |" * len(headers))
    for row in rows:
        out.append("| " + " | ".join(escape(v) for v in row) + " |")
    out.append("")
