"""Clustering name mentions into entities, within and across documents."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from kinolog.knowledge.resolve import Entity, MentionRecord, resolve, resolve_entities


def records(doc: str, names: Iterable[str | tuple[str, str]]) -> list[MentionRecord]:
    """Mentions laid out one after another; a (name, kind) pair carries a vote."""
    out: list[MentionRecord] = []
    offset = 0
    for item in names:
        text, kind = (item, "unknown") if isinstance(item, str) else item
        out.append(MentionRecord(doc, offset, offset + len(text), text, votes={kind: 1}))
        offset += len(text) + 10
    return out


def find(entities: list[Entity], name: str) -> Entity:
    return next(e for e in entities if e.name == name)


def test_resolve_attaches_surname_to_full_name() -> None:
    entities = resolve_entities(records("a", [("Aleksey Balabanov", "person"), "Balabanov"]))
    assert [(e.name, e.aliases, e.mentions) for e in entities] == [
        ("Aleksey Balabanov", ("Balabanov",), 2)
    ]


def test_resolve_attaches_first_name_and_patronymic() -> None:
    names = [("Ilya Ilyich", "character"), "Ilya", ("Ilya Ilyich Oblomov", "character")]
    entities = resolve_entities(records("a", names))
    assert len(entities) == 1
    assert entities[0].name == "Ilya Ilyich Oblomov"
    assert set(entities[0].aliases) == {"Ilya Ilyich", "Ilya"}


def test_resolve_merges_across_documents() -> None:
    mentions = records("essay", [("Anatoly Solonitsyn", "person")]) + records(
        "review", ["Solonitsyn", "Solonitsyn"]
    )
    entity = resolve_entities(mentions)[0]
    assert entity.name == "Anatoly Solonitsyn"
    assert {doc for doc, _, _ in entity.positions} == {"essay", "review"}
    assert entity.mentions == 3


def test_resolve_canonical_spelling_is_the_most_frequent_variant() -> None:
    mentions = records("a", ["Anatoliy Solonitsin", "Anatoly Solonitsyn"]) + records(
        "b", ["Anatoly Solonitsyn"]
    )
    entities = resolve_entities(mentions)
    assert [e.name for e in entities] == ["Anatoly Solonitsyn"]
    assert entities[0].aliases == ("Anatoliy Solonitsin",)


def test_resolve_reports_merged_variants() -> None:
    result = resolve(records("a", ["Nikita Mikhalkov", "Mikhalkov", "Mikhalkov", "Mikhalkav"]))
    assert len(result.entities) == 1
    assert result.merged_variants[0].entity == "Nikita Mikhalkov"
    assert set(result.merged_variants[0].spellings) == {"Mikhalkov", "Mikhalkav"}


def test_resolve_keeps_ambiguous_surname_apart() -> None:
    names = [("Andrei Tarkovsky", "person"), ("Arseny Tarkovsky", "person"), "Tarkovsky"]
    result = resolve(records("a", names))
    assert len(result.entities) == 3
    assert result.ambiguity[0].form == "Tarkovsky"
    assert result.ambiguity[0].candidates == ("Andrei Tarkovsky", "Arseny Tarkovsky")


def test_resolve_does_not_merge_character_into_person_sharing_first_name() -> None:
    names = [("Ivan Lapikov", "person"), ("Ivan", "character"), ("Ivan", "character")]
    entities = resolve_entities(records("a", names))
    assert {(e.name, e.kind) for e in entities} == {
        ("Ivan Lapikov", "person"),
        ("Ivan", "character"),
    }


def test_resolve_unknown_first_name_does_not_join_a_person() -> None:
    entities = resolve_entities(records("a", [("Henry Fonda", "person"), "Henry"]))
    assert len(entities) == 2


def test_resolve_keeps_gender_forms_apart() -> None:
    entities = resolve_entities(records("a", ["Ivan Petrov", "Anna Petrova", "Petrova"]))
    assert find(entities, "Anna Petrova").aliases == ("Petrova",)
    assert find(entities, "Ivan Petrov").aliases == ()


def test_resolve_kind_prefers_structural_votes() -> None:
    mentions = [
        MentionRecord("a", 0, 4, "Rick", votes={"person": 1}),
        MentionRecord("a", 20, 24, "Rick", votes={"character": 3}, counted=False),
    ]
    entity = resolve_entities(mentions)[0]
    assert entity.kind == "character"
    assert entity.mentions == 1


def test_resolve_strips_possessives_and_titles() -> None:
    entities = resolve_entities(records("a", ["Rick's", "Rick", "Mr. Rick"]))
    assert [(e.name, e.aliases, e.mentions) for e in entities] == [("Rick", (), 3)]


def test_resolve_keeps_evidence_in_order() -> None:
    mentions = [
        MentionRecord("a", 30, 34, "Rick", evidence="second"),
        MentionRecord("a", 0, 4, "Rick", evidence="first"),
    ]
    assert resolve_entities(mentions)[0].evidence == ("first", "second")


@pytest.mark.parametrize("text", ["", "  ", "'s"])
def test_resolve_ignores_empty_names(text: str) -> None:
    assert resolve_entities([MentionRecord("a", 0, len(text), text)]) == []


def test_resolve_sorts_by_mentions() -> None:
    entities = resolve_entities(records("a", ["Ilsa", "Rick", "Ilsa"]))
    assert [e.name for e in entities] == ["Ilsa", "Rick"]
