from __future__ import annotations

from pathlib import Path

import pytest

from kinolog.core.model import Repair
from kinolog.text.edits import apply_edits
from kinolog.text.mojibake import find_mojibake

CARD = Path(__file__).resolve().parents[2] / "examples" / "cranes" / "card.txt"


def repaired(text: str) -> str:
    edits, _ = find_mojibake(text)
    return apply_edits(text, edits)[0]


def test_mojibake_sample_card_fiance_is_repaired_with_its_exact_span() -> None:
    original = CARD.read_text(encoding="utf-8")
    _, repairs = find_mojibake(original)
    assert repairs == [
        Repair(
            "mojibake",
            "fiancĂ©",
            "fiancé",
            original.index("fiancĂ©"),
            original.index("fiancĂ©") + 7,
        )
    ]


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("her fiancĂ©, Boris", "her fiancé, Boris"),  # UTF-8 read as cp1250
        ("her fiancÃ©, Boris", "her fiancé, Boris"),  # UTF-8 read as cp1252
        ("the filmâ€™s release", "the film’s release"),
        ("â€œfaceâ€\x9d at all", "“face” at all"),
        ("DvoÅ™Ã¡k and MÃ¤dchen", "Dvořák and Mädchen"),
        ("voilÃ le film", "voilà le film"),
        ("naÃ¯ve — with a real dash", "naïve — with a real dash"),
    ],
)
def test_mojibake_damaged_text_is_repaired(damaged: str, expected: str) -> None:
    assert repaired(damaged) == expected


@pytest.mark.parametrize(
    "correct",
    [
        "Déjà vu, une naïve fiancée au café, « Quand passent les cigognes ».",
        "Летят журавли — фильм Михаила Калатозова, 1957 год.",
        "Die Kraniche ziehen: Größe, Mädchen, Straße, Übermut.",
        "Łódź, Dvořák, Český Krumlov, Zürich, Ærø, Ångström, señor.",
        "“Curly quotes” and ‘single’ ones — dashes – and ellipses…",
        "ﬁne ligatures, ｆｕｌｌ width, and cafe\u0301 stay as written",
        "Ça coûte 5 € ; il fait 20 °C.",
    ],
)
def test_mojibake_correct_text_is_left_alone(correct: str) -> None:
    assert find_mojibake(correct) == ([], [])


def test_mojibake_repairs_are_reported_per_word() -> None:
    _, repairs = find_mojibake("filmâ€™s fiancĂ©")
    assert [(r.original, r.replacement) for r in repairs] == [
        ("filmâ€™s", "film’s"),
        ("fiancĂ©", "fiancé"),
    ]


def test_mojibake_edits_replace_only_the_damaged_characters() -> None:
    edits, _ = find_mojibake("her fiancĂ©")
    assert [(e.start, e.end, e.replacement) for e in edits] == [(9, 11, "é")]


def test_mojibake_ascii_text_is_skipped() -> None:
    assert find_mojibake("plain ASCII " * 1000) == ([], [])
