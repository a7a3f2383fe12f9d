"""The report as one self-contained HTML page: inline CSS, no scripts, nothing fetched.

The page is meant to be opened from disk or mailed, so it carries its own style. Every value
passes through `html.escape`, quotes included: the text comes from documents that anyone may
have written, and the page must never run or load what they contain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape as _escape

from kinolog.core.model import Evidence, Film, Report
from kinolog.report import common

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #eee}
th{background:#f6f6f6}
.card th{width:12rem}.missing{color:#999}
q,.quote{color:#555;font-style:italic}.where{color:#999;font-size:.8rem}
.synopsis p{margin:.4rem 0}.note{color:#777;font-style:italic}
.finding{padding:.4rem .6rem;margin:.4rem 0;border-left:4px solid #999;background:#fafafa}
.severity-error{border-color:#c62828;background:#fdecea}
.severity-warning{border-color:#f9a825;background:#fff8e1}
.severity-info{border-color:#1565c0;background:#e8f0fe}
.badge{font-weight:bold;text-transform:uppercase;font-size:.8rem;margin-right:.4rem}
"""


def escape(value: object) -> str:
    """A value as HTML text; None shows as nothing."""
    return _escape("" if value is None else str(value), quote=True)


def to_html(report: Report) -> str:
    """The whole report as one HTML page."""
    title = report.subject_film.title if report.subject_film else ""
    body: list[str] = [f"<h1>kinolog report{': ' + escape(title) if title else ''}</h1>"]
    body += _table(
        "Documents",
        ("Document", "Source", "Kind", "Words", "Repairs", "Dropped"),
        [
            (d.id, d.source, d.kind, d.words, len(d.repairs), len(d.dropped))
            for d in report.documents
        ],
    )
    for film in common.card_films(report):
        body += card_html(film)
    titles = common.film_titles(report)
    chars = common.character_names(report)
    body += _table(
        "Films",
        ("Title", "Year", "Role", "Director(s)", "Writer(s)"),
        [
            (f.title, f.year, f.role, common.names(f.credits.director),
             common.names(f.credits.screenwriter))
            for f in report.films
        ],
        [f.evidence for f in report.films],
    )  # fmt: skip
    cast = [(f, c) for f in report.films for c in f.cast]
    body += _table(
        "Cast",
        ("Film", "Actor", "Character"),
        [(f.title, c.actor, c.character) for f, c in cast],
        [c.evidence for _, c in cast],
    )
    body += _table(
        "People",
        ("Name", "Roles", "Mentions", "Also written"),
        [(p.name, ", ".join(p.roles), p.mentions, ", ".join(p.aliases)) for p in report.people],
        [p.evidence for p in report.people],
    )
    body += _table(
        "Characters",
        ("Name", "Film", "Played by", "Mentions", "Also called"),
        [
            (c.name, titles.get(c.film or "", c.film), c.played_by, c.mentions,
             ", ".join(c.aliases))
            for c in report.characters
        ],
        [c.evidence for c in report.characters],
    )  # fmt: skip
    relations = [(c, r) for c in report.characters for r in c.relations]
    body += _table(
        "Relations",
        ("Character", "Relation", "Of"),
        [(c.name, r.type, chars.get(r.target, r.target)) for c, r in relations],
        [r.evidence for _, r in relations],
    )
    awards = [(f, a) for f in report.films for a in f.awards]
    body += _table(
        "Awards",
        ("Film", "Award", "Event", "Year"),
        [(f.title, a.name, a.event, a.year) for f, a in awards],
        [a.evidence for _, a in awards],
    )
    body += _table(
        "Claims",
        ("Subject", "Predicate", "Object"),
        [(c.subject, c.predicate, c.object) for c in report.claims],
        [c.evidence for c in report.claims],
    )
    body += _table(
        "Plot",
        ("#", "Beat", "Characters"),
        [(b.order, b.text, ", ".join(b.characters)) for b in report.plot],
        [b.evidence for b in report.plot],
    )
    body += _table(
        "Motifs",
        ("Motif", "Category", "Mentions"),
        [(m.name, m.category, len(m.mentions)) for m in report.motifs],
        [m.mentions for m in report.motifs],
    )
    body += _table(
        "Themes",
        ("Theme", "Score"),
        [(t.name, f"{t.score:.2f}") for t in report.themes],
        [t.evidence for t in report.themes],
    )
    body += _findings(report)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>kinolog report{': ' + escape(title) if title else ''}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def card_html(film: Film) -> list[str]:
    """One film's story card: a table in card order, then the synopsis paragraphs."""
    out = ['<section class="card">', "<h2>Story card</h2>", "<table>"]
    for label, value in common.card_rows(film):
        cell = escape(value) if value else '<span class="missing">—</span>'
        where = ", ".join(common.where([e]) for e in common.card_evidence(film, value))
        source = f' <span class="where">{escape(where)}</span>' if where else ""
        out.append(f"<tr><th>{escape(label)}</th><td>{cell}{source}</td></tr>")
    out.append("</table>")
    if film.synopsis:
        out.append('<div class="synopsis"><h3>Synopsis</h3>')
        for paragraph in re.split(r"\n\s*\n", film.synopsis.strip()):
            out.append(f"<p>{escape(' '.join(paragraph.split()))}</p>")
        if film.truncated:
            out.append(f'<p class="note">{escape(common.TRUNCATED_NOTE)}</p>')
        out.append("</div>")
    out.append("</section>")
    return out


def _quote_cell(evidence: Sequence[Evidence]) -> str:
    text = common.quote(evidence)
    if not text:
        return "<td></td>"
    where = escape(common.where(evidence))
    return f'<td><q>{escape(text)}</q> <span class="where">{where}</span></td>'


def _table(
    title: str,
    headers: Sequence[str],
    rows: list[tuple[object, ...]],
    evidence: list[Sequence[Evidence]] | None = None,
) -> list[str]:
    """A titled table; with `evidence`, a last column quotes the text behind each row."""
    if not rows:
        return []
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    out = [
        f"<h2>{escape(title)}</h2>",
        "<table>",
        f"<tr>{head}{'<th>Quote</th>' * bool(evidence)}</tr>",
    ]
    for i, row in enumerate(rows):
        cells = "".join(f"<td>{escape(v)}</td>" for v in row)
        quote = _quote_cell(evidence[i]) if evidence else ""
        out.append(f"<tr>{cells}{quote}</tr>")
    out.append("</table>")
    return out


def _findings(report: Report) -> list[str]:
    if not report.findings:
        return []
    out = ["<h2>Findings</h2>"]
    for f in report.findings:
        severity = escape(f.severity)
        parts = [
            f'<div class="finding severity-{severity}">',
            f'<span class="badge">{severity}</span>{escape(f.kind)}: {escape(f.message)}',
        ]
        if f.suggestion:
            parts.append(f" — {escape(f.suggestion)}")
        if f.evidence:
            quote = escape(common.quote(f.evidence))
            parts.append(f'<div class="quote">“{quote}” <span class="where">')
            parts.append(f"{escape(common.where(f.evidence))}</span></div>")
        parts.append("</div>")
        out.append("".join(parts))
    return out
