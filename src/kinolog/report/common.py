"""What every rendering of a report shows in the same way: card rows, names and quotes.

The terminal, Markdown and HTML views differ in markup only; keeping the choice of rows and
their wording here means a reader sees the same card, in the same order, everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

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
