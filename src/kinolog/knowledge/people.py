"""Who is who: every name mention resolved to a person or a character, across documents.

The engine's components vote on each surface name (an actor or a credit makes it a person, a
cast character or a relation makes it a character, the names component adds its own guess);
`kinolog.knowledge.resolve` clusters aliases and transliteration variants; this module turns
the clusters into the look-ups the assembler needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kinolog.core.model import Evidence
from kinolog.engine.facts import Fact
from kinolog.knowledge.names import fold
from kinolog.knowledge.resolve import Entity, MentionRecord, resolve_entities

if TYPE_CHECKING:
    from kinolog.knowledge.assemble import AnalysedDocument

# Which slot of which fact kind says what about a name.
_VOTES: dict[tuple[str, str], str] = {
    ("cast", "actor"): "person",
    ("cast", "character"): "character",
    ("credit", "person"): "person",
    ("role", "person"): "person",
    ("relation", "holder"): "character",
    ("relation", "target"): "character",
}
_VOTE_WEIGHT = 3
"""A relation's vote outweighs several context guesses."""
_LISTED_WEIGHT = 12
"""A cast or credit listing says outright who is an actor and who a character; a synopsis
may name a character a dozen times, each mention a context guess that must not outvote it."""


@dataclass(frozen=True)
class NamedEntity:
    key: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    mentions: int
    evidence: tuple[Evidence, ...]


class NameBook:
    """Canonical names and kinds for every name the documents mention."""

    def __init__(self, entities: Sequence[Entity], roles: Iterable[tuple[str, str]]) -> None:
        self._entities = list(entities)
        self._canonical: dict[str, Entity] = {}
        for entity in self._entities:
            for form in (entity.name, *entity.aliases):
                self._canonical.setdefault(fold(form), entity)
        self._roles = list(roles)

    def canonical(self, name: str) -> str:
        """The resolved name of `name`, or `name` itself when no entity has it."""
        entity = self._canonical.get(fold(name))
        return entity.name if entity else name

    def _select(self, kind: str, extra: Iterable[str]) -> list[NamedEntity]:
        """Entities of `kind`, plus names structural facts vouch for unless typed otherwise."""
        other = "character" if kind == "person" else "person"
        wanted = {self.canonical(n) for n in extra}
        return [
            _named(e)
            for e in self._entities
            if e.kind == kind or (e.name in wanted and e.kind != other)
        ]

    def characters(self, extra: Iterable[str] = ()) -> list[NamedEntity]:
        return self._select("character", extra)

    def people(self, extra: Iterable[str] = ()) -> list[NamedEntity]:
        return self._select("person", extra)

    def other_roles(self) -> list[tuple[str, str]]:
        return [(self.canonical(name), role) for name, role in self._roles]


def _named(entity: Entity) -> NamedEntity:
    return NamedEntity(
        key=fold(entity.name).replace(" ", "-"),
        name=entity.name,
        aliases=tuple(entity.aliases),
        kind=entity.kind,
        mentions=entity.mentions,
        evidence=tuple(entity.evidence),
    )


def _mention_records(analysed: AnalysedDocument) -> list[MentionRecord]:
    source = analysed.source
    records: list[MentionRecord] = []
    for fact in analysed.facts:
        slots: list[tuple[str, str]] = []
        if fact.kind == "mention":
            slots.append(("name", str(fact.attrs.get("type") or "unknown")))
        slots.extend((slot, kind) for (k, slot), kind in _VOTES.items() if k == fact.kind)
        for slot_name, vote in slots:
            slot = fact.slots.get(slot_name)
            if slot is None:
                continue
            if fact.kind == "credit" and fact.attrs.get("role") == "production_company":
                continue
            weight = (
                1
                if fact.kind == "mention"
                else _VOTE_WEIGHT
                if fact.kind == "relation"
                else _LISTED_WEIGHT
            )
            records.append(
                MentionRecord(
                    document=source.id,
                    start=slot.start,
                    end=slot.end,
                    text=slot.text,
                    votes=Counter({vote: weight}),
                    evidence=source.evidence(slot.start, slot.end),
                    counted=fact.kind == "mention",
                )
            )
    return records


def _role_facts(facts: Iterable[Fact]) -> list[tuple[str, str]]:
    return [
        (name, str(f.attrs.get("role")))
        for f in facts
        if f.kind == "role" and (name := f.slot_text("person"))
    ]


def build_name_book(documents: Sequence[AnalysedDocument]) -> NameBook:
    records = [r for d in documents for r in _mention_records(d)]
    roles = [r for d in documents for r in _role_facts(d.facts)]
    return NameBook(resolve_entities(records), roles)


__all__ = ["NameBook", "NamedEntity", "build_name_book"]
