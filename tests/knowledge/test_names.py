"""Name folding, transliteration keys, variant matching and aliases."""

from __future__ import annotations

import pytest

from kinolog.knowledge.names import (
    clean_name,
    fold,
    is_alias,
    is_patronymic,
    name_key,
    name_similarity,
    same_name,
)

VARIANTS = [
    ("Solonitsyn", "Solonitsin"),
    ("Aleksey", "Alexei"),
    ("Aleksey", "Alexey"),
    ("Alexei", "Aleksej"),
    ("Sergey", "Sergei"),
    ("Sergej", "Sergei"),
    ("Vaysman", "Weisman"),
    ("Toshiro", "Toshirô"),
    ("Toshirō", "Toshirou"),
    ("Tatiana", "Tatyana"),
    ("Tatjana", "Tatiana"),
    ("Yuri", "Yury"),
    ("Yuri", "Iurii"),
    ("Yuriy", "Juri"),
    ("Fyodor", "Fedor"),
    ("Fyodor", "Feodor"),
    ("Pyotr", "Petr"),
    ("Andrei", "Andrey"),
    ("Mikhail", "Michail"),
    ("Tarkovsky", "Tarkovskiy"),
    ("Tarkovsky", "Tarkovskii"),
    ("Tarkovskij", "Tarkovski"),
    ("Aleksandr", "Alexandr"),
    ("Aleksandr", "Alexander"),
    ("Shostakovich", "Schostakowitsch"),
    ("Shostakovich", "Šostakovič"),
    ("Yevgeny", "Evgeny"),
    ("Ekaterina", "Yekaterina"),
    ("Dmitri", "Dmitriy"),
    ("Vasilyev", "Vasiliev"),
    ("Ol'ga", "Olga"),
    ("Artyom", "Artem"),
    ("Semyon", "Semen"),
    ("Khutsiev", "Hutsiev"),
    ("Tchaikovsky", "Chaikovsky"),
    ("Solovyov", "Soloviev"),
    ("Natalya", "Natalia"),
    ("Nikolai", "Nikolay"),
    ("Grigori", "Grigory"),
    ("Lyubov", "Liubov"),
    ("Yulia", "Iulia"),
    ("Seitz", "Seits"),
    ("Mikhalkov", "Mikhalkav"),
    ("Anatoly Solonitsyn", "Anatoliy Solonitsin"),
    ("Akira Kurosawa", "Kurosawa Akira"),
    ("Alexei German", "Aleksey German"),
]

NOT_VARIANTS = [
    ("Ivan", "Ilya"),
    ("Maria", "Mario"),
    ("Solonitsyn", "Solonitsyna"),
    ("Nina", "Dina"),
    ("Ivanov", "Ivanova"),
    ("Aleksandr", "Aleksandra"),
    ("Karenin", "Karenina"),
    ("Luca", "Lucas"),
    ("Sasha", "Masha"),
    ("Ivan", "Ivana"),
    ("Larsen", "Larson"),
    ("Ivanovich", "Ivanovna"),
    ("Marina", "Marino"),
    ("Yuri", "Yuki"),
    ("Kira", "Kirill"),
    ("Andrei", "Andrea"),
    ("Leon", "Len"),
    ("Fedor", "Fedora"),
    ("Antonio", "Antonia"),
    ("Oleg", "Olga"),
    ("Toshiro", "Toshiko"),
    ("Kolya", "Olya"),
    ("Lyudmila Ivanova", "Lyudmila Ivanov"),
    ("Henry Fonda", "Henry"),
    ("Sergei Eisenstein", "Sergei Bondarchuk"),
]


@pytest.mark.parametrize(("a", "b"), VARIANTS)
def test_names_same_name_matches_transliteration_variants(a: str, b: str) -> None:
    assert same_name(a, b)
    assert same_name(b, a)


@pytest.mark.parametrize(("a", "b"), NOT_VARIANTS)
def test_names_same_name_rejects_near_misses(a: str, b: str) -> None:
    assert not same_name(a, b)


@pytest.mark.parametrize(("a", "b"), VARIANTS[:12])
def test_names_similarity_is_one_for_variants(a: str, b: str) -> None:
    assert name_similarity(a, b) == 1.0


@pytest.mark.parametrize(
    ("a", "b"), [("Petrov", "Petrova"), ("Maria", "Mario"), ("Ivanov", "Ivanova")]
)
def test_names_similarity_is_low_for_gender_forms(a: str, b: str) -> None:
    assert name_similarity(a, b) <= 0.5


def test_names_similarity_ranks_closer_names_higher() -> None:
    assert name_similarity("Nina", "Dina") > name_similarity("Nina", "Gelsomina")


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Rick's", "rick"),
        ("Jules'", "jules"),
        ("Tarkovsky’s", "tarkovsky"),
        ("Toshirô  Mifune", "toshiro mifune"),
        ("Jean-Luc Godard", "jean luc godard"),
        ("Ol'ga", "olga"),
        ("ФЁДОР", "fedor"),
    ],
)
def test_names_fold_strips_case_accents_and_possessives(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("the famous Andrei Tarkovsky", "Andrei Tarkovsky"),
        ("Mr. Smith", "Smith"),
        ("Captain Renault's", "Renault"),
        ("Lars von Trier", "Lars von Trier"),
        ("von Trier", "von Trier"),
        ("Apu", "Apu"),
    ],
)
def test_names_clean_name_drops_titles_and_possessives(raw: str, cleaned: str) -> None:
    assert clean_name(raw) == cleaned


def test_names_name_key_is_shared_by_variants() -> None:
    assert name_key("Tatyana Solonitsina") == name_key("Tatiana Solonitsyna")


@pytest.mark.parametrize(
    ("token", "expected"),
    [("Ivanovich", True), ("Petrovna", True), ("Ilyich", True), ("Ivanov", False), ("Rich", False)],
)
def test_names_is_patronymic(token: str, expected: bool) -> None:
    assert is_patronymic(token) is expected


ALIASES = [
    ("Balabanov", "Aleksey Balabanov"),
    ("Ilya", "Ilya Ilyich Oblomov"),
    ("Ilya Ilyich", "Ilya Ilyich Oblomov"),
    ("Ilya Oblomov", "Ilya Ilyich Oblomov"),
    ("Apu's", "Apu Roy"),
    ("Tarkovsky’s", "Andrei Tarkovsky"),
    ("A. Tarkovsky", "Andrei Tarkovsky"),
    ("Trier", "Lars von Trier"),
    ("von Trier", "Lars von Trier"),
    ("Solonitsin", "Anatoly Solonitsyn"),
    ("the famous Mifune", "Toshiro Mifune"),
]

NOT_ALIASES = [
    ("Ilyich", "Ilya Ilyich"),
    ("Solonitsyna", "Anatoly Solonitsyn"),
    ("Henry Fonda", "Henry Fonda"),
    ("Aleksey Balabanov", "Balabanov"),
    ("Nina", "Dina Durbin"),
    ("Ivan", "Ilya Ivanov"),
]


@pytest.mark.parametrize(("short", "full"), ALIASES)
def test_names_is_alias_accepts_short_forms(short: str, full: str) -> None:
    assert is_alias(short, full)


@pytest.mark.parametrize(("short", "full"), NOT_ALIASES)
def test_names_is_alias_rejects_other_names(short: str, full: str) -> None:
    assert not is_alias(short, full)
