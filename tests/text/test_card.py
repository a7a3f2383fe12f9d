"""Story cards: every wording and layout of the labelled fields, quotes kept exact."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from kinolog.core.model import Dropped, FilmRole
from kinolog.text import read_document
from kinolog.text.card import CONTINUATION, StoryCard, card_to_film, parse_card
from kinolog.text.document import OffsetMap, SourceDocument

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cranes" / "card.txt"


def make_doc(text: str, *, dropped: tuple[Dropped, ...] = ()) -> SourceDocument:
    return SourceDocument(
        id="doc",
        source="doc.txt",
        format="text",
        encoding="utf-8",
        original=text,
        clean=text,
        offsets=OffsetMap.identity(len(text)),
        dropped=dropped,
    )


def read_sample() -> SourceDocument:
    return read_document(SAMPLE)


def texts(values) -> list[str]:
    return [v.text for v in values]


def card_of(text: str) -> StoryCard:
    card = parse_card(make_doc(text))
    assert card is not None
    return card


def labelled(text: str, label: str) -> str:
    """The value after `label:` on its own line, read without the parser."""
    prefix = label + ":"
    return next(ln[len(prefix) :].strip() for ln in text.splitlines() if ln.startswith(prefix))


def test_card_sample_fields_match_their_labelled_lines():
    doc = read_sample()
    card = parse_card(doc)
    assert card is not None
    assert texts(card.writers) == [labelled(doc.clean, "Writer(s)")]
    assert texts(card.directors) == [labelled(doc.clean, "Director(s)")]
    assert texts(card.production_companies) == [labelled(doc.clean, "Production Co.(s)")]
    assert card.medium is not None and card.medium.text == labelled(doc.clean, "Medium")


def test_card_sample_logline_is_the_paragraph_under_its_label():
    doc = read_sample()
    card = parse_card(doc)
    paragraphs = [p.strip() for p in doc.clean.split("\n\n") if p.strip()]
    assert card is not None and card.logline is not None
    assert card.logline.text == paragraphs[paragraphs.index("Log Line") + 1]


def test_card_sample_synopsis_follows_the_fields():
    doc = read_sample()
    card = parse_card(doc)
    assert card is not None and card.synopsis is not None
    last_field = labelled(doc.clean, "Production Co.(s)")
    after = doc.clean.split(last_field, 1)[1].strip()
    assert card.synopsis.text.split()[:8] == after.split()[:8]


def test_card_sample_is_truncated_by_its_continuation_link():
    card = parse_card(read_sample())
    assert card is not None and card.truncated is True


def test_card_sample_has_no_title_or_year_because_none_is_labelled():
    card = parse_card(read_sample())
    assert card is not None
    assert card.title is None and card.year is None


def test_card_sample_every_quote_is_the_original_text():
    doc = read_sample()
    card = parse_card(doc)
    assert card is not None
    for ev in card.evidence():
        assert ev.document == doc.id
        assert ev.quote == doc.original[ev.start : ev.end]


COMPACT = """\
Title: "The Long Night"
Year: 1961
Logline: A ferryman must choose between his brother and the law.
Format: Feature film
Written by Ann Holt & Ben Cray
Directed by Carla Diaz and Tom Ng
Studio — Northwind Pictures, Inc.

The ferryman works nights. He sees his brother on the last boat.
"""

MARKDOWN = """\
# A page

**Director:** Jane Roe
**Screenplay by:** Sam Poe; Lee Moe (story)
**Production companies:** Acme Films, Procter and Gamble Studios
- Release date: 12 March 1999

Synopsis

A woman returns home.
"""

HTML_LINES = """\
Director(s)
Jane Roe
Writer(s)
Sam Poe, Lee Moe
Medium
Film
A woman returns home. She finds her brother.
"""

TABLE = (
    "Log-line | A boy finds a map.\nMedium\tSeries\nWriters | A. Smith, B. Jones, and C. Brown\n"
)

SYNOPSIS_FIRST = """\
Synopsis: A woman returns home.
She finds her brother.

Later she leaves.
Director: Jane Roe
"""


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (COMPACT, "title", "The Long Night"),
        (COMPACT, "year", "1961"),
        (COMPACT, "logline", "A ferryman must choose between his brother and the law."),
        (COMPACT, "medium", "Feature film"),
        (COMPACT, "synopsis", "The ferryman works nights. He sees his brother on the last boat."),
        (MARKDOWN, "year", "1999"),
        (MARKDOWN, "synopsis", "A woman returns home."),
        (HTML_LINES, "medium", "Film"),
        (HTML_LINES, "synopsis", "A woman returns home. She finds her brother."),
        (TABLE, "logline", "A boy finds a map."),
        (TABLE, "medium", "Series"),
        (
            SYNOPSIS_FIRST,
            "synopsis",
            "A woman returns home. She finds her brother.\n\nLater she leaves.",
        ),
    ],
)
def test_card_reads_single_fields_in_other_wordings(text, field, expected):
    value = getattr(card_of(text), field)
    assert value is not None and value.text == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        (COMPACT, "writers", ["Ann Holt", "Ben Cray"]),
        (COMPACT, "directors", ["Carla Diaz", "Tom Ng"]),
        (COMPACT, "production_companies", ["Northwind Pictures, Inc."]),
        (MARKDOWN, "directors", ["Jane Roe"]),
        (MARKDOWN, "writers", ["Sam Poe", "Lee Moe"]),
        (MARKDOWN, "production_companies", ["Acme Films", "Procter and Gamble Studios"]),
        (HTML_LINES, "directors", ["Jane Roe"]),
        (HTML_LINES, "writers", ["Sam Poe", "Lee Moe"]),
        (TABLE, "writers", ["A. Smith", "B. Jones", "C. Brown"]),
        (SYNOPSIS_FIRST, "directors", ["Jane Roe"]),
    ],
)
def test_card_reads_lists_in_other_wordings(text, field, expected):
    assert texts(getattr(card_of(text), field)) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Writers: A One, B Two", ["A One", "B Two"]),
        ("Writers: A One; B Two", ["A One", "B Two"]),
        ("Writers: A One & B Two", ["A One", "B Two"]),
        ("Writers: A One and B Two", ["A One", "B Two"]),
        ("Writers: A One, B Two, and C Three", ["A One", "B Two", "C Three"]),
        ("Writers: A One (novel), A One (screenplay)", ["A One"]),
        ("Writer: J. Smith Jr.", ["J. Smith Jr."]),
    ],
)
def test_card_splits_person_lists(line, expected):
    assert texts(card_of(line).writers) == expected


@pytest.mark.parametrize(
    "label",
    ["Log Line", "Logline", "Log-line", "LOG LINE", "**Log line:**", "- Logline:"],
)
def test_card_accepts_each_logline_label(label):
    text = (
        f"{label} A clerk steals a train.\n"
        if label.endswith(":")
        else f"{label}\n\nA clerk steals a train.\n"
    )
    assert card_of(text + "Medium: Film\n").logline.text == "A clerk steals a train."


@pytest.mark.parametrize(
    "label",
    ["Production Co.(s)", "Production company", "Production companies", "Studio", "Studios"],
)
def test_card_accepts_each_production_company_label(label):
    assert texts(card_of(f"{label}: Acme Films\n").production_companies) == ["Acme Films"]


@pytest.mark.parametrize(
    "text",
    [
        "The film was, as many remember,\ndirected by Ann Other. It is great.\n",
        "Story\n\nThis essay argues that the film is about memory.\n",
        "An essay with no card at all.\n\nJust prose about a film.\n",
        "",
    ],
)
def test_card_is_none_without_labelled_fields(text):
    assert parse_card(make_doc(text)) is None


def test_card_missing_fields_stay_empty():
    card = card_of("Director: Jane Roe\n")
    assert (card.title, card.year, card.logline, card.medium, card.synopsis) == (None,) * 5
    assert card.writers == () and card.production_companies == ()


def test_card_year_needs_a_year_in_its_value():
    assert card_of("Year: unknown\nDirector: Jane Roe\n").year is None


def test_card_truncated_by_a_dropped_continuation_marker():
    text = "Medium: Film\nDirector: Jane Roe\n\nShe leaves.\n"
    marker = Dropped("Continued -->", CONTINUATION, len(text), len(text) + 13)
    assert parse_card(make_doc(text, dropped=(marker,))).truncated is True


def test_card_not_truncated_by_other_dropped_spans():
    text = "Medium: Film\nDirector: Jane Roe\n"
    other = Dropped("Log in", "site chrome", len(text), len(text) + 6)
    assert parse_card(make_doc(text, dropped=(other,))).truncated is False


def test_card_evidence_quotes_the_original_through_the_offset_map():
    original = "Director:  Jane   Roe\n"
    clean = "Director: Jane Roe\n"
    # Each run of spaces in the original became one space in the clean text.
    spans = [(i, i + 1) for i in range(9)] + [(9, 11)]
    spans += [(i, i + 1) for i in range(11, 15)] + [(15, 18)]
    spans += [(i, i + 1) for i in range(18, 22)]
    offsets = OffsetMap(array("q", [s for s, _ in spans]), array("q", [e for _, e in spans]))
    doc = SourceDocument("d", "d.txt", "text", "utf-8", original, clean, offsets)
    (director,) = parse_card(doc).directors
    assert director.text == "Jane Roe"
    assert director.evidence.quote == "Jane   Roe"


def test_card_to_film_fills_credits_and_card_text():
    film = card_to_film(card_of(COMPACT), film_id="f1")
    assert film.credits.screenwriter == ("Ann Holt", "Ben Cray")
    assert film.credits.director == ("Carla Diaz", "Tom Ng")
    assert film.credits.production_company == ("Northwind Pictures, Inc.",)
    assert (film.id, film.title, film.year, film.role) == (
        "f1",
        "The Long Night",
        1961,
        FilmRole.SUBJECT,
    )


def test_card_to_film_keeps_every_quote():
    card = card_of(COMPACT)
    assert card_to_film(card, film_id="f1").evidence == card.evidence()


def test_card_to_film_title_names_an_untitled_card():
    film = card_to_film(card_of("Director: Jane Roe\n"), film_id="f1", title="Given")
    assert film.title == "Given"
