"""The vocabulary every part of kinolog speaks: documents, films, people, facts and findings.

These are frozen dataclasses on the standard library only, so the engine, the report, the
site's storage and the API all exchange facts in one shape. Collections are tuples so a value,
once built, cannot be changed behind the back of whoever holds it.

Offsets are always *character* offsets into the original text of a document (the decoded
file, or for PDF and DOCX the text extracted from it), never into cleaned text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

SCHEMA = "kinolog.report/1"


class DocumentKind(StrEnum):
    ESSAY = "essay"
    CARD = "card"
    REVIEW = "review"
    SYNOPSIS = "synopsis"
    OTHER = "other"


class FilmRole(StrEnum):
    SUBJECT = "subject"
    REFERENCED = "referenced"


class RelationType(StrEnum):
    SPOUSE = "spouse"
    FIANCE = "fiance"
    LOVER = "lover"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    COUSIN = "cousin"
    RELATIVE = "relative"
    FRIEND = "friend"
    RIVAL = "rival"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


CREDIT_ROLES: tuple[str, ...] = (
    "director",
    "screenwriter",
    "director_of_photography",
    "composer",
    "editor",
    "producer",
    "production_company",
)


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: `quote == original_text[start:end]` of `document`."""

    document: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Repair:
    """One change the reading layer made to the text (mojibake, a rejoined hyphenation …)."""

    kind: str
    original: str
    replacement: str
    start: int
    end: int


@dataclass(frozen=True)
class Dropped:
    """A span kept out of the analysed text (site chrome, page furniture), with the reason."""

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    source: str
    kind: DocumentKind = DocumentKind.OTHER
    words: int = 0
    format: str = "text"
    encoding: str = "utf-8"
    repairs: tuple[Repair, ...] = ()
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class Credits:
    """Names as written (the best-attested spelling) for each crew role."""

    director: tuple[str, ...] = ()
    screenwriter: tuple[str, ...] = ()
    director_of_photography: tuple[str, ...] = ()
    composer: tuple[str, ...] = ()
    editor: tuple[str, ...] = ()
    producer: tuple[str, ...] = ()
    production_company: tuple[str, ...] = ()

    def get(self, role: str) -> tuple[str, ...]:
        return tuple(getattr(self, role))


@dataclass(frozen=True)
class CastMember:
    actor: str
    character: str | None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Award:
    name: str
    event: str | None = None
    year: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Film:
    id: str
    title: str
    year: int | None = None
    medium: str | None = None
    role: FilmRole = FilmRole.REFERENCED
    logline: str | None = None
    synopsis: str | None = None
    truncated: bool = False
    credits: Credits = field(default_factory=Credits)
    cast: tuple[CastMember, ...] = ()
    awards: tuple[Award, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    reference_id: str | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: int = 0
    evidence: tuple[Evidence, ...] = ()
    reference_id: str | None = None


@dataclass(frozen=True)
class Relation:
    """Read from the holder: `{type: parent, target: B}` means the holder is B's parent."""

    type: RelationType
    target: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Character:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    film: str | None = None
    played_by: str | None = None
    mentions: int = 0
    relations: tuple[Relation, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One fact as subject–predicate–object; `extractor` names the versioned component."""

    subject: str
    predicate: str
    object: str
    qualifiers: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()
    extractor: str = ""
    confidence: float = 1.0


@dataclass(frozen=True)
class PlotBeat:
    order: int
    text: str
    characters: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Motif:
    name: str
    category: str
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Theme:
    name: str
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: Severity
    message: str
    suggestion: str | None = None
    evidence: tuple[Evidence, ...] = ()
    code: str | None = None


@dataclass(frozen=True)
class Report:
    documents: tuple[DocumentInfo, ...] = ()
    films: tuple[Film, ...] = ()
    people: tuple[Person, ...] = ()
    characters: tuple[Character, ...] = ()
    claims: tuple[Claim, ...] = ()
    plot: tuple[PlotBeat, ...] = ()
    motifs: tuple[Motif, ...] = ()
    themes: tuple[Theme, ...] = ()
    findings: tuple[Finding, ...] = ()
    schema: str = SCHEMA

    @property
    def subject_film(self) -> Film | None:
        return next((f for f in self.films if f.role == FilmRole.SUBJECT), None)
