"""Doc → core: the only place that reads the engine's facts into claims with evidence.

Facts carry offsets into the cleaned text; claims carry evidence quoting the ORIGINAL text,
translated through the document's offset map, so every quote can be highlighted in the file
the user has.
"""

from __future__ import annotations

from collections.abc import Iterable

from kinolog.core.model import Claim, Evidence
from kinolog.engine.facts import Fact
from kinolog.text.document import SourceDocument

SUBJECT_FILM = "@subject"
"""Placeholder subject for facts about the document's own film, replaced during assembly."""


def evidence_for(doc: SourceDocument, fact: Fact) -> Evidence:
    start, end = fact.span
    return doc.evidence(start, end)


def fact_to_claim(doc: SourceDocument, fact: Fact) -> Claim | None:
    """One claim per fact; the predicate vocabulary is documented in docs/report.md."""
    film = fact.slot_text("film") or SUBJECT_FILM
    attrs = {k: v for k, v in fact.attrs.items() if v is not None}
    evidence = (evidence_for(doc, fact),)
    subject: str | None
    match fact.kind:
        case "film":
            subject, predicate, obj = fact.slot_text("title"), "is_film", fact.slot_text("title")
        case "credit":
            subject, predicate, obj = film, str(fact.attrs.get("role")), fact.slot_text("person")
        case "role":
            subject, predicate, obj = fact.slot_text("person"), "has_role", str(attrs.pop("role"))
        case "cast":
            subject, predicate, obj = fact.slot_text("actor"), "plays", fact.slot_text("character")
            attrs["film"] = film
        case "award":
            subject, predicate, obj = film, "won", str(attrs.pop("name", fact.slot_text("award")))
        case "relation":
            subject, predicate = fact.slot_text("holder"), str(attrs.pop("type"))
            obj = fact.slot_text("target")
        case _:
            return None
    if not subject or not obj:
        return None
    return Claim(
        subject=subject,
        predicate=predicate,
        object=obj,
        qualifiers=attrs,
        evidence=evidence,
        extractor=fact.extractor,
        confidence=fact.confidence,
    )


def year_claim(doc: SourceDocument, fact: Fact) -> Claim | None:
    """A dated film mention's year as its own claim, so years can be compared across mentions."""
    year, title = fact.attrs.get("year"), fact.slot_text("title")
    if fact.kind != "film" or not isinstance(year, int) or not title:
        return None
    return Claim(title, "year", str(year), {}, (evidence_for(doc, fact),), fact.extractor)


def facts_to_claims(doc: SourceDocument, facts: Iterable[Fact]) -> list[Claim]:
    claims = (make(doc, fact) for fact in facts for make in (fact_to_claim, year_claim))
    return [c for c in claims if c is not None]
