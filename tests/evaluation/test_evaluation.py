"""The evaluation harness: sound gold files, and a scorer lenient only where it should be."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kinolog.core.model import (
    CREDIT_ROLES,
    CastMember,
    Character,
    Credits,
    DocumentInfo,
    DocumentKind,
    Film,
    FilmRole,
    Relation,
    RelationType,
    Report,
)
from kinolog.evaluation import (
    GOLD_SUFFIX,
    TARGETS,
    EvaluationResult,
    Gold,
    GoldError,
    evaluate,
    fold,
    load_gold,
    load_gold_set,
    main,
    score_document,
    title_key,
)

ANNOTATED = Path(__file__).parents[1] / "data" / "annotated"
GOLD_PATHS = sorted(ANNOTATED.glob(f"*{GOLD_SUFFIX}"))


def report_from_gold(gold: Gold) -> Report:
    """The report a perfect engine would produce for `gold`."""
    films = tuple(
        Film(
            id=f"film{i}",
            title=f.title,
            year=f.year,
            role=FilmRole(f.role),
            credits=Credits(**{role: tuple(names) for role, names in f.credits.items()}),
            cast=tuple(CastMember(actor, character) for actor, character in f.cast),
        )
        for i, f in enumerate(gold.films)
    )
    characters = tuple(
        Character(
            id=f"char{i}",
            name=c.name,
            aliases=c.aliases,
            relations=tuple(Relation(RelationType(t), target) for t, target in c.relations),
        )
        for i, c in enumerate(gold.characters)
    )
    kind = DocumentKind(gold.kind) if gold.kind else DocumentKind.OTHER
    return Report(
        documents=(DocumentInfo(id="d", source=str(gold.document), kind=kind),),
        films=films,
        characters=characters,
    )


def write_gold(tmp_path: Path, data: dict, name: str = "doc") -> Path:
    (tmp_path / f"{name}.txt").write_text("text", encoding="utf-8")
    path = tmp_path / f"{name}{GOLD_SUFFIX}"
    path.write_text(json.dumps({"document": f"{name}.txt", **data}), encoding="utf-8")
    return path


SMALL = {
    "kind": "essay",
    "films": [
        {
            "title": "Seven Samurai",
            "year": 1954,
            "role": "subject",
            "credits": {
                "director": ["Akira Kurosawa"],
                "screenwriter": ["Akira Kurosawa", "Shinobu Hashimoto", "Hideo Oguni"],
                "composer": ["Fumio Hayasaka"],
                "production_company": ["Toho"],
            },
            "cast": [
                {"actor": "Toshirô Mifune", "character": "Kikuchiyo"},
                {"actor": "Takashi Shimura", "character": "Kambei Shimada"},
            ],
        },
        {"title": "The Magnificent Seven", "year": 1960, "role": "referenced"},
        {"title": "Sanjuro", "year": None, "role": "referenced"},
    ],
    "characters": [
        {"name": "Kikuchiyo"},
        {"name": "Kambei Shimada"},
        {"name": "Shino"},
        {"name": "Manzo", "relations": [{"type": "parent", "target": "Shino"}]},
        {"name": "Katsushiro", "relations": [{"type": "lover", "target": "Shino"}]},
    ],
}


@pytest.fixture
def small(tmp_path: Path) -> Gold:
    return load_gold(write_gold(tmp_path, SMALL))


def subject(report: Report) -> Film:
    film = report.subject_film
    assert film is not None
    return film


def with_subject(report: Report, **changes: object) -> Report:
    films = tuple(replace(f, **changes) if f.role == FilmRole.SUBJECT else f for f in report.films)
    return replace(report, films=films)


def test_evaluation_perfect_prediction_scores_one(small: Gold) -> None:
    result = score_document(small, report_from_gold(small))
    for name, outcome in result.fields.items():
        assert outcome.score.f1 == 1.0, name
        assert outcome.score.fp == outcome.score.fn == 0, name


def test_evaluation_one_missing_credit_drops_recall_exactly(small: Gold) -> None:
    report = report_from_gold(small)
    credits = replace(subject(report).credits, composer=())
    outcome = score_document(small, with_subject(report, credits=credits)).fields["credits"]
    assert (outcome.score.tp, outcome.score.fp, outcome.score.fn) == (5, 0, 1)
    assert outcome.score.recall == pytest.approx(5 / 6)
    assert outcome.score.precision == 1.0
    assert outcome.missed == ("Seven Samurai · composer · Fumio Hayasaka",)


def test_evaluation_spurious_credit_drops_precision_only(small: Gold) -> None:
    report = report_from_gold(small)
    credits = replace(subject(report).credits, producer=("Donald Richie",))
    outcome = score_document(small, with_subject(report, credits=credits)).fields["credits"]
    assert outcome.score.recall == 1.0
    assert outcome.score.precision == pytest.approx(6 / 7)
    assert outcome.spurious == ("Seven Samurai · producer · Donald Richie",)


@pytest.mark.parametrize(
    "predicted", ["Toshiro Mifune", "TOSHIRO MIFUNE", "Mifune Toshirō", "Mifune", "Toshirô Mifune."]
)
def test_evaluation_actor_name_variants_match(small: Gold, predicted: str) -> None:
    report = report_from_gold(small)
    cast = (CastMember(predicted, "Kikuchiyo"), subject(report).cast[1])
    assert score_document(small, with_subject(report, cast=cast)).fields["cast"].score.f1 == 1.0


@pytest.mark.parametrize(
    "predicted", ["Akira Kurosawa", "Kurosawa", "KUROSAWA Akira", "Akira Kurosawa."]
)
def test_evaluation_credit_name_variants_match(small: Gold, predicted: str) -> None:
    report = report_from_gold(small)
    credits = replace(subject(report).credits, director=(predicted,))
    outcome = score_document(small, with_subject(report, credits=credits)).fields["credits"]
    assert outcome.score.f1 == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Aleksey Batalov", "Alexei Batalov"),
        ("Andrei Tarkovsky", "Andrey Tarkovskiy"),
        ("Grigori Chukhrai", "Grigoriy Chukhray"),
        ("Yevgeny Zharikov", "Evgeni Zharikov"),
        ("Sergey Urusevsky", "Sergei Urusevskiy"),
    ],
)
def test_evaluation_transliterations_match(tmp_path: Path, a: str, b: str) -> None:
    data = {
        "films": [{"title": "F", "year": 1960, "role": "subject", "credits": {"director": [a]}}]
    }
    gold = load_gold(write_gold(tmp_path, data))
    report = Report(
        films=(Film("f", "F", 1960, role=FilmRole.SUBJECT, credits=Credits(director=(b,))),)
    )
    assert score_document(gold, report).fields["credits"].score.f1 == 1.0


@pytest.mark.parametrize(
    "other", ["Donald Richie", "Akira Kurosaki", "Hideo Kojima", "Toho Mifune"]
)
def test_evaluation_different_people_do_not_match(small: Gold, other: str) -> None:
    report = report_from_gold(small)
    credits = replace(subject(report).credits, director=(other,))
    outcome = score_document(small, with_subject(report, credits=credits)).fields["credits"]
    assert (outcome.score.fp, outcome.score.fn) == (1, 1)


def test_evaluation_surname_only_ambiguous_does_not_match(tmp_path: Path) -> None:
    data = {
        "films": [
            {
                "title": "Casablanca",
                "year": 1942,
                "role": "subject",
                "credits": {"screenwriter": ["Julius J. Epstein", "Philip G. Epstein"]},
            }
        ]
    }
    gold = load_gold(write_gold(tmp_path, data))
    film = Film("f", "Casablanca", 1942, role=FilmRole.SUBJECT)
    ambiguous = replace(film, credits=Credits(screenwriter=("Epstein",)))
    outcome = score_document(gold, Report(films=(ambiguous,))).fields["credits"]
    assert (outcome.score.tp, outcome.score.fp, outcome.score.fn) == (0, 1, 2)
    full = replace(film, credits=Credits(screenwriter=("Julius Epstein", "Philip Epstein")))
    assert score_document(gold, Report(films=(full,))).fields["credits"].score.f1 == 1.0


def test_evaluation_shortened_character_name_matches_when_unique(small: Gold) -> None:
    report = report_from_gold(small)
    report = with_subject(report, cast=(subject(report).cast[0], CastMember("Shimura", "Kambei")))
    characters = tuple(
        replace(c, name="Kambei") if c.name == "Kambei Shimada" else c for c in report.characters
    )
    fields = score_document(small, replace(report, characters=characters)).fields
    assert fields["cast"].score.f1 == 1.0
    assert fields["characters"].score.f1 == 1.0


def test_evaluation_descriptive_character_is_not_shortened(tmp_path: Path) -> None:
    data = {
        "films": [{"title": "Ballad of a Soldier", "year": 1959, "role": "subject"}],
        "characters": [
            {"name": "Alyosha Skvortsov"},
            {
                "name": "Alyosha's mother",
                "relations": [{"type": "parent", "target": "Alyosha Skvortsov"}],
            },
        ],
    }
    gold = load_gold(write_gold(tmp_path, data))
    chars = (
        Character("c1", "Alyosha"),
        Character("c2", "Alyosha's Mother", relations=(Relation(RelationType.PARENT, "c1"),)),
    )
    fields = score_document(gold, Report(characters=chars)).fields
    assert fields["characters"].score.f1 == 1.0
    assert fields["relations"].score.f1 == 1.0


def only_relation(report: Report, holder: str, rtype: RelationType, target: str) -> Report:
    """`report` with every relation removed except `holder` → `target`."""
    characters = tuple(
        replace(c, relations=(Relation(rtype, target),) if c.name == holder else ())
        for c in report.characters
    )
    return replace(report, characters=characters)


@pytest.mark.parametrize(
    ("holder", "rtype", "target", "gold"),
    [
        ("Manzo", RelationType.PARENT, "Shino", "Manzo · parent · Shino"),
        ("Shino", RelationType.CHILD, "Manzo", "Manzo · parent · Shino"),
        ("Katsushiro", RelationType.LOVER, "Shino", "Katsushiro · lover · Shino"),
        ("Shino", RelationType.LOVER, "Katsushiro", "Katsushiro · lover · Shino"),
    ],
)
def test_evaluation_inverse_and_symmetric_relations_match(
    small: Gold, holder: str, rtype: RelationType, target: str, gold: str
) -> None:
    report = only_relation(report_from_gold(small), holder, rtype, target)
    outcome = score_document(small, report).fields["relations"]
    assert (outcome.score.tp, outcome.score.fp, outcome.score.fn) == (1, 0, 1)
    assert gold not in outcome.missed


def test_evaluation_wrong_relation_direction_does_not_match(small: Gold) -> None:
    report = only_relation(report_from_gold(small), "Shino", RelationType.PARENT, "Manzo")
    outcome = score_document(small, report).fields["relations"]
    assert (outcome.score.tp, outcome.score.fp, outcome.score.fn) == (0, 1, 2)
    assert outcome.spurious == ("Shino · parent · Manzo",)


def test_evaluation_relations_reported_on_both_holders_count_once(small: Gold) -> None:
    report = report_from_gold(small)
    characters = tuple(
        replace(c, relations=(Relation(RelationType.LOVER, "Katsushiro"),))
        if c.name == "Shino"
        else c
        for c in report.characters
    )
    outcome = score_document(small, replace(report, characters=characters)).fields["relations"]
    assert (outcome.score.tp, outcome.score.fp, outcome.score.fn) == (2, 0, 0)


@pytest.mark.parametrize(
    ("title", "year", "ok"),
    [
        ("Magnificent Seven", 1960, True),
        ("THE MAGNIFICENT SEVEN", 1960, True),
        ("The Magnificent Seven", 1961, False),
        ("The Magnificent Seven", None, False),
        ("The Magnificent Eight", 1960, False),
    ],
)
def test_evaluation_referenced_film_title_and_year(
    small: Gold, title: str, year: int | None, ok: bool
) -> None:
    report = report_from_gold(small)
    films = tuple(
        replace(f, title=title, year=year) if f.title == "The Magnificent Seven" else f
        for f in report.films
    )
    score = score_document(small, replace(report, films=films)).fields["referenced_films"].score
    assert (score.f1 == 1.0) is ok


def test_evaluation_film_without_year_in_text_accepts_any_year(small: Gold) -> None:
    report = report_from_gold(small)
    films = tuple(replace(f, year=1962) if f.title == "Sanjuro" else f for f in report.films)
    score = score_document(small, replace(report, films=films)).fields["referenced_films"].score
    assert score.f1 == 1.0


def test_evaluation_actor_without_character_is_not_scored(small: Gold) -> None:
    report = report_from_gold(small)
    report = with_subject(report, cast=(*subject(report).cast, CastMember("Yul Brynner", None)))
    assert score_document(small, report).fields["cast"].score.f1 == 1.0


def test_evaluation_fold_and_title_key() -> None:
    assert fold("Toshirô  Mifune") == "toshiro mifune"
    assert fold("Suso Cecchi d’Amico") == fold("Suso Cecchi D'Amico") == "suso cecchi damico"
    assert title_key("The 400 Blows") == title_key("400 blows")
    assert title_key("La Strada") == "strada"
    assert title_key("The") == "the"


def test_evaluation_micro_average_sums_counts(small: Gold) -> None:
    perfect = score_document(small, report_from_gold(small))
    empty = score_document(small, Report())
    total = EvaluationResult((perfect, empty)).totals["credits"]
    assert (total.tp, total.fp, total.fn) == (6, 0, 6)
    assert total.recall == 0.5


def test_evaluation_failed_analysis_is_recorded(tmp_path: Path) -> None:
    write_gold(tmp_path, SMALL)

    def broken(paths: list[Path]) -> Report:
        raise RuntimeError("engine exploded")

    result = evaluate(tmp_path, analyze=broken)
    (doc,) = result.documents
    assert doc.error == "RuntimeError: engine exploded"
    assert result.totals["credits"].recall == 0.0


def test_evaluation_cli_prints_table_and_writes_json(tmp_path: Path, capsys) -> None:
    write_gold(tmp_path, SMALL)
    out = tmp_path / "scores.json"
    status = main([str(tmp_path), "--details", "--json", str(out)], analyze=lambda p: Report())
    assert status == 0
    printed = capsys.readouterr().out
    assert "credits" in printed and "missed" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["fields"]["credits"]["recall"] == 0.0
    assert data["fields"]["credits"]["target"] == TARGETS["credits"]
    assert data["documents"][0]["document"] == "doc.txt"


def test_evaluation_gold_errors_name_the_problem(tmp_path: Path) -> None:
    bad = {**SMALL, "characters": [{"name": "A", "relations": [{"type": "parent", "target": "B"}]}]}
    with pytest.raises(GoldError, match="relation target 'B'"):
        load_gold(write_gold(tmp_path, bad))
    with pytest.raises(GoldError, match=r"no \*\.gold\.json"):
        load_gold_set(tmp_path / "nowhere")


# ----------------------------------------------------------------------------- the annotated set


def test_evaluation_annotated_set_is_large_and_varied() -> None:
    golds = load_gold_set(ANNOTATED)
    assert len(golds) >= 12
    subjects = {f.title for g in golds for f in g.films if f.role == "subject"}
    assert len(subjects) >= 8
    assert {g.kind for g in golds} >= {"essay", "card", "review", "synopsis"}
    suffixes = {g.document.suffix for g in golds}
    assert {".txt", ".md", ".html"} <= suffixes
    assert "The Cranes Are Flying" not in subjects


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda p: p.name)
def test_evaluation_gold_file_is_sound(path: Path) -> None:
    gold = load_gold(path)
    assert gold.document.is_file()
    assert path.name == gold.document.stem + GOLD_SUFFIX
    text = gold.document.read_text(encoding="utf-8")
    forms = {f for c in gold.characters for f in (c.name, *c.aliases)}
    for character in gold.characters:
        for _rtype, target in character.relations:
            assert target in forms
    for film in gold.films:
        assert film.role in ("subject", "referenced")
        assert set(film.credits) <= set(CREDIT_ROLES)
        for _actor, character in film.cast:
            assert character in forms
    # A subject film's title is written in its document (in some form), or the gold is wrong.
    subject_film = next(f for f in gold.films if f.role == "subject")
    assert any(fold(t) in fold(text) for t in (subject_film.title, *subject_film.aliases))


@pytest.mark.parametrize("path", GOLD_PATHS, ids=lambda p: p.name)
def test_evaluation_perfect_engine_scores_one_on_annotated_document(path: Path) -> None:
    gold = load_gold(path)
    for name, outcome in score_document(gold, report_from_gold(gold)).fields.items():
        assert outcome.score.f1 == 1.0, (name, outcome.missed, outcome.spurious)
