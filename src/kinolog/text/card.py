"""Story cards: the labelled fields a story-analysis page puts above its synopsis.

Sites label the same facts differently ("Writer(s): …", "Written by …", "Screenplay — …"),
and the value sits either beside its label or in the paragraph under it. This module reads
every wording it knows into one `StoryCard` and keeps, for each value, the exact quote it came
from, so a card shown to a reader can always be traced back to the page. Nothing is guessed:
a field the page does not label stays empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kinolog.core.model import Credits, Evidence, Film, FilmRole
from kinolog.text.chrome import CONTINUATION
from kinolog.text.document import SourceDocument


@dataclass(frozen=True)
class CardValue:
    """One value read from a card, with the quote of the original text it stands on."""

    text: str
    evidence: Evidence


@dataclass(frozen=True)
class StoryCard:
    """A film's story card as one document states it; empty fields were not on the page."""

    document: str
    title: CardValue | None = None
    year: CardValue | None = None
    logline: CardValue | None = None
    medium: CardValue | None = None
    writers: tuple[CardValue, ...] = ()
    directors: tuple[CardValue, ...] = ()
    production_companies: tuple[CardValue, ...] = ()
    synopsis: CardValue | None = None
    truncated: bool = False

    @property
    def year_number(self) -> int | None:
        return int(self.year.text) if self.year else None

    def evidence(self) -> tuple[Evidence, ...]:
        """Every quote the card stands on, in card order."""
        singles = (self.title, self.year, self.logline, self.medium)
        values = [v for v in singles if v is not None]
        values += [*self.writers, *self.directors, *self.production_companies]
        if self.synopsis is not None:
            values.append(self.synopsis)
        return tuple(v.evidence for v in values)


# Field name → label pattern (case-insensitive, whole label). Longer wordings come first
# inside each alternative so "Screenplay by" is not read as "Screenplay" plus a value "by …".
_LABELS: dict[str, str] = {
    "title": r"(?:film |movie )?title",
    "year": r"year of release|release year|release date|released|year",
    "logline": r"log[ \t-]?line",
    "medium": r"medium|format",
    "writers": (
        r"screenplay by|screenplay|written by|script by|screen ?writers?(?:\(s\))?"
        r"|writers?(?:\(s\))?"
    ),
    "directors": r"directed by|directors?(?:\(s\))?",
    "production_companies": (
        r"production (?:companies|company(?:\(ies\))?|co(?:mpany)?s?\.?(?:\(s\))?)|studios?"
    ),
    "synopsis": r"plot summary|synopsis|summary|plot|story",
}
_SINGLE_LINE = {"title", "year", "medium", "writers", "directors", "production_companies"}
_LISTS = {"writers", "directors", "production_companies"}
_MAX_SHORT_VALUE = 200

_DECOR = r"[ \t]*(?:[-*•·][ \t]+)?(?:#{1,6}[ \t]*)?(?:\*\*|__)?"
_LABEL_ALT = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _LABELS.items())
# "Label: value", "Label — value", "Label | value", "Label<TAB>value"; "… by" labels also
# take a plain space ("Directed by A and B").
_INLINE = re.compile(
    rf"^{_DECOR}(?:{_LABEL_ALT})(?:\*\*|__)?"
    r"(?P<sep>[ \t]*[:：](?:\*\*|__)?[ \t]*|[ \t]+[—–-][ \t]+|[ \t]*\|[ \t]*|\t+|(?<=by)[ \t]+)"
    r"(?P<value>\S.*)$",
    re.IGNORECASE,
)
_ALONE = re.compile(rf"^{_DECOR}(?:{_LABEL_ALT})(?:\*\*|__)?[ \t]*[:：]?(?:\*\*|__)?[ \t]*$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# Person lists split on commas, semicolons, "&" and "and"; company names often hold "&" or
# "and" themselves, so they split on commas and semicolons only.
_PERSON_SEP = re.compile(r"\s*[,;]\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+|\s*/\s*", re.I)
_COMPANY_SEP = re.compile(r"\s*;\s*|\s*,(?!\s*(?:inc|ltd|llc|corp|co|gmbh|s\.a)\b)\s*", re.I)
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_ABBREVIATION = re.compile(r"\b(?:inc|ltd|co|corp|jr|sr|bros|st)\.$", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _Field:
    name: str
    start: int  # clean span of the raw value
    end: int
    inline: bool


def parse_card(doc: SourceDocument) -> StoryCard | None:
    """The story card in `doc`'s clean text, or None when the page has no card fields.

    One stray line that merely looks like a label ("Story" as an essay heading) is not a
    card: a card needs two labelled fields, or one written as "Label: value".
    """
    lines = list(_lines(doc.clean))
    found: dict[str, _Field] = {}
    last_end = 0
    for field in _fields(doc.clean, lines):
        if field.name not in found:
            found[field.name] = field
        last_end = max(last_end, field.end)
    facts = [f for name, f in found.items() if name != "synopsis"]
    if not facts or (len(facts) < 2 and not facts[0].inline):
        return None

    values: dict[str, object] = {}
    for name, field in found.items():
        if name in _LISTS:
            values[name] = tuple(_list_items(doc, field))
        elif name == "synopsis":
            continue
        else:
            value = _single(doc, field)
            if value is not None:
                values[name] = value
    values["synopsis"] = _synopsis(doc, found, last_end)
    truncated = any(d.reason == CONTINUATION for d in doc.dropped)
    return StoryCard(document=doc.id, truncated=truncated, **values)  # type: ignore[arg-type]


def _synopsis(doc: SourceDocument, found: dict[str, _Field], last_end: int) -> CardValue | None:
    """The labelled synopsis up to the next card field, else the prose after the last field."""
    labelled = found.get("synopsis")
    if labelled is None:
        return _value(doc, last_end, len(doc.clean))
    later = [f.start for f in found.values() if f.start > labelled.start]
    return _value(doc, labelled.start, _line_start(doc.clean, min(later, default=len(doc.clean))))


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1 if index < len(text) else index


def card_to_film(card: StoryCard, *, film_id: str, title: str | None = None) -> Film:
    """The card as the subject film of its document; `title` names it when the card does not."""
    return Film(
        id=film_id,
        title=title or (card.title.text if card.title else ""),
        year=card.year_number,
        medium=card.medium.text if card.medium else None,
        role=FilmRole.SUBJECT,
        logline=card.logline.text if card.logline else None,
        synopsis=card.synopsis.text if card.synopsis else None,
        truncated=card.truncated,
        credits=Credits(
            director=tuple(v.text for v in card.directors),
            screenwriter=tuple(v.text for v in card.writers),
            production_company=tuple(v.text for v in card.production_companies),
        ),
        evidence=card.evidence(),
    )


def _lines(text: str) -> Iterator[_Line]:
    start = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        yield _Line(start, start + len(body), body)
        start += len(raw)


def _fields(text: str, lines: list[_Line]) -> Iterator[_Field]:
    """Labelled fields in reading order, each with the clean span of its raw value."""
    i = 0
    while i < len(lines):
        line = lines[i]
        alone = _ALONE.match(line.text)
        inline = None if alone else _INLINE.match(line.text)
        match = alone or inline
        name = next((n for n in _LABELS if match and match.group(n)), None)
        if match is None or name is None:
            i += 1
            continue
        if inline is not None:
            if inline.group("sep").strip() == "" and not _plain_by_label_ok(line, lines, i):
                i += 1
                continue
            start = line.start + inline.start("value")
            end, i = _value_end(lines, i, name, first_line_end=line.end)
            if name not in _SINGLE_LINE or end - start <= _MAX_SHORT_VALUE:
                yield _Field(name, start, end, inline=True)
            continue
        j = i + 1
        while j < len(lines) and not lines[j].text.strip():
            j += 1
        if j >= len(lines) or _is_label(lines[j].text):
            i = j
            continue
        if name == "synopsis":
            yield _Field(name, lines[j].start, len(text), inline=False)
            i = j + 1
            continue
        end, i = _value_end(lines, j, name, first_line_end=lines[j].end)
        if name not in _SINGLE_LINE or end - lines[j].start <= _MAX_SHORT_VALUE:
            yield _Field(name, lines[j].start, end, inline=False)


def _value_end(lines: list[_Line], i: int, name: str, *, first_line_end: int) -> tuple[int, int]:
    """End of a value starting on line `i`, and the index of the next line to read.

    Short fields end with their line; a log line runs to the end of its paragraph, so a
    wrapped log line is read whole.
    """
    if name in _SINGLE_LINE:
        return first_line_end, i + 1
    end = first_line_end
    j = i + 1
    while j < len(lines) and lines[j].text.strip() and not _is_label(lines[j].text):
        end = lines[j].end
        j += 1
    return end, j


def _is_label(text: str) -> bool:
    return bool(_ALONE.match(text) or _INLINE.match(text))


def _plain_by_label_ok(line: _Line, lines: list[_Line], i: int) -> bool:
    """ "Directed by X" counts only as a capitalised line opening a paragraph or a card block.

    Prose wrapped mid-sentence ("…, directed by X.") would otherwise read as a credit.
    """
    if not line.text.lstrip(" \t-*•·#_")[:1].isupper():
        return False
    previous = lines[i - 1].text if i > 0 else ""
    return not previous.strip() or _is_label(previous)


def _single(doc: SourceDocument, field: _Field) -> CardValue | None:
    if field.name == "year":
        found = _YEAR.search(doc.clean, field.start, field.end)
        return _value(doc, found.start(), found.end()) if found else None
    if field.name == "logline":
        return _value(doc, field.start, field.end)
    return _value(doc, field.start, field.end, short=True, unquote=field.name == "title")


def _list_items(doc: SourceDocument, field: _Field) -> Iterator[CardValue]:
    splitter = _COMPANY_SEP if field.name == "production_companies" else _PERSON_SEP
    seen: set[str] = set()
    start = field.start
    raw = doc.clean[field.start : field.end]
    for sep in [*splitter.finditer(raw), None]:
        end = field.start + sep.start() if sep else field.end
        note = _TRAILING_NOTE.search(doc.clean, start, end)
        if note and note.start() > start:
            end = note.start()
        value = _value(doc, start, end, short=True)
        if value is not None and value.text.casefold() not in seen:
            seen.add(value.text.casefold())
            yield value
        if sep:
            start = field.start + sep.end()


def _value(
    doc: SourceDocument, start: int, end: int, *, short: bool = False, unquote: bool = False
) -> CardValue | None:
    """The trimmed clean span as a value, or None when nothing is left of it.

    Short values (names, a medium) lose trailing punctuation; prose keeps its full stop.
    """
    text = doc.clean
    strip = " \t\r\n*_" + (_QUOTES if unquote else "")
    while start < end and text[start] in strip:
        start += 1
    tail = strip + (".,;:" if short else "")
    while end > start and text[end - 1] in tail:
        if text[end - 1] == "." and _ABBREVIATION.search(text, start, end):
            break
        end -= 1
    if start >= end:
        return None
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text[start:end]))
    return CardValue("\n\n".join(p for p in paragraphs if p), doc.evidence(start, end))
