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
    documents = common.documents_section(report)
    body += _table(documents.title, documents.headers, documents.rows)
    for film in common.card_films(report):
        body += card_html(film)
    for section in common.sections(report):
        body += _table(section.title, section.headers, section.rows, section.evidence)
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
