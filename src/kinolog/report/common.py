"""What every rendering of a report shows in the same way: card rows, names and quotes.

The terminal, Markdown and HTML views differ in markup only; keeping the choice of rows and
their wording here means a reader sees the same card, in the same order, everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kinolog.core.model import Evidence, Film, Report

CARD_LABELS = (
    "Title",
    "Year",
    "Log Line",
    "Medium",
    "Writer(s)",
    "Director(s)",
    "Production Co.(s)",
)
"""The story card's labels in the order the site shows them."""

TRUNCATED_NOTE = "The synopsis stops where the page did: the rest was behind a continuation link."


def card_rows(film: Film) -> list[tuple[str, str | None]]:
    """(label, value) in card order; Title and Year only when known, the rest always.

    A missing value is None rather than left out, so readers see what the card lacks.
    """
    rows: list[tuple[str, str | None]] = []
    if film.title:
        rows.append(("Title", film.title))
    if film.year is not None:
        rows.append(("Year", str(film.year)))
    rows += [
        ("Log Line", film.logline),
        ("Medium", film.medium),
        ("Writer(s)", names(film.credits.screenwriter)),
        ("Director(s)", names(film.credits.director)),
        ("Production Co.(s)", names(film.credits.production_company)),
    ]
    return rows


def card_evidence(film: Film, value: str | None) -> list[Evidence]:
    """The film's quotes that a card row's value was read from (a list row has several)."""
    if not value:
        return []

    def norm(text: str) -> str:
        return " ".join(text.split()).rstrip(".,;:")

    parts = {norm(p) for p in [*value.split(", "), value]}
    return [e for e in film.evidence if norm(e.quote) in parts]


def names(values: Iterable[str]) -> str | None:
    joined = ", ".join(values)
    return joined or None


def quote(evidence: Iterable[Evidence], *, limit: int | None = None) -> str:
    """The first quote behind a fact, on one line, or "" when it has none.

    `limit` shortens it (with an ellipsis) where a table column has little room.
    """
    first = next(iter(evidence), None)
    text = " ".join(first.quote.split()) if first else ""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def where(evidence: Iterable[Evidence]) -> str:
    """`document:start-end` of the first quote, offsets in characters of the original text."""
    first = next(iter(evidence), None)
    return f"{first.document}:{first.start}-{first.end}" if first else ""


def card_films(report: Report) -> list[Film]:
    """Films whose card is shown: the subject films (usually one)."""
    return [f for f in report.films if f.role == "subject"]


def film_titles(report: Report) -> dict[str, str]:
    return {f.id: f.title or f.id for f in report.films}


def character_names(report: Report) -> dict[str, str]:
    return {c.id: c.name for c in report.characters}


def count_label(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


@dataclass(frozen=True)
class Section:
    """One table of a report, chosen once so every view shows the same rows in the same order."""

    title: str
    headers: tuple[str, ...]
    rows: list[tuple[object, ...]]
    evidence: list[Sequence[Evidence]] | None = None
    """The quotes behind each row; views that have room show them in a last column."""
    quoted: bool = True
    """Whether plain views (terminal, Markdown) add the Quote column too."""
    summary: bool = True
    """Whether the terminal's summary shows it (claims and plot are for the full views)."""

    def plain(self, quote: Callable[[Sequence[Evidence]], str]) -> tuple[tuple[str, ...], list]:
        """Headers and rows for a plain view, with the Quote column when it has one."""
        if not (self.quoted and self.evidence is not None):
            return self.headers, self.rows
        rows = [(*row, quote(ev)) for row, ev in zip(self.rows, self.evidence, strict=True)]
        return (*self.headers, "Quote"), rows


def documents_section(report: Report) -> Section:
    return Section(
        "Documents",
        ("Document", "Source", "Kind", "Words", "Repairs", "Dropped"),
        [
            (d.id, d.source, d.kind, d.words, len(d.repairs), len(d.dropped))
            for d in report.documents
        ],
    )


def sections(report: Report) -> list[Section]:
    """The knowledge tables after the story card, in reading order."""
    titles = film_titles(report)
    chars = character_names(report)
    cast = [(f, c) for f in report.films for c in f.cast]
    relations = [(c, r) for c in report.characters for r in c.relations]
    awards = [(f, a) for f in report.films for a in f.awards]
    return [
        Section(
            "Films",
            ("Title", "Year", "Role", "Director(s)", "Writer(s)"),
            [
                (f.title, f.year, f.role, names(f.credits.director), names(f.credits.screenwriter))
                for f in report.films
            ],
            [f.evidence for f in report.films],
        ),
        Section(
            "Cast",
            ("Film", "Actor", "Character"),
            [(f.title, c.actor, c.character) for f, c in cast],
            [c.evidence for _, c in cast],
        ),
        Section(
            "People",
            ("Name", "Roles", "Mentions", "Also written"),
            [(p.name, ", ".join(p.roles), p.mentions, ", ".join(p.aliases)) for p in report.people],
            [p.evidence for p in report.people],
            quoted=False,
        ),
        Section(
            "Characters",
            ("Name", "Film", "Played by", "Mentions", "Also called"),
            [
                (
                    c.name,
                    titles.get(c.film or "", c.film),
                    c.played_by,
                    c.mentions,
                    ", ".join(c.aliases),
                )
                for c in report.characters
            ],
            [c.evidence for c in report.characters],
            quoted=False,
        ),
        Section(
            "Relations",
            ("Character", "Relation", "Of"),
            [(c.name, r.type, chars.get(r.target, r.target)) for c, r in relations],
            [r.evidence for _, r in relations],
        ),
        Section(
            "Awards",
            ("Film", "Award", "Event", "Year"),
            [(f.title, a.name, a.event, a.year) for f, a in awards],
            [a.evidence for _, a in awards],
        ),
        Section(
            "Claims",
            ("Subject", "Predicate", "Object"),
            [(c.subject, c.predicate, c.object) for c in report.claims],
            [c.evidence for c in report.claims],
            summary=False,
        ),
        Section(
            "Plot",
            ("#", "Beat", "Characters"),
            [(b.order, b.text, ", ".join(b.characters)) for b in report.plot],
            [b.evidence for b in report.plot],
            summary=False,
        ),
        Section(
            "Motifs",
            ("Motif", "Category", "Mentions"),
            [(m.name, m.category, len(m.mentions)) for m in report.motifs],
            [m.mentions for m in report.motifs],
        ),
        Section(
            "Themes",
            ("Theme", "Score"),
            [(t.name, f"{t.score:.2f}") for t in report.themes],
            [t.evidence for t in report.themes],
        ),
    ]
