"""End to end: files in, a schema-valid report out, every quote exact in its original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinolog.analysis import analyze
from kinolog.core.model import FilmRole, Report
from kinolog.core.serialize import to_data
from kinolog.report import validate
from kinolog.text import read_document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "cranes"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze(sorted(EXAMPLES.glob("*.txt")))


def _all_evidence(data: object):
    if isinstance(data, dict):
        if {"document", "start", "end", "quote"} <= data.keys():
            yield data
        for value in data.values():
            yield from _all_evidence(value)
    elif isinstance(data, list):
        for value in data:
            yield from _all_evidence(value)


def test_analysis_report_validates_against_schema(report: Report) -> None:
    validate(to_data(report))


def test_analysis_every_quote_is_exact_in_the_original(report: Report) -> None:
    originals = {
        read_document(path).id: read_document(path).original for path in EXAMPLES.glob("*.txt")
    }
    evidence = list(_all_evidence(to_data(report)))
    assert len(evidence) > 100
    for ev in evidence:
        assert originals[ev["document"]][ev["start"] : ev["end"]] == ev["quote"]


def test_analysis_one_subject_film_with_card_fields(report: Report) -> None:
    subjects = [f for f in report.films if f.role == FilmRole.SUBJECT]
    assert len(subjects) == 1
    film = subjects[0]
    assert film.year is not None
    assert film.logline and film.synopsis and film.truncated
    assert film.credits.director and film.credits.screenwriter


def test_analysis_names_one_entity_per_person(report: Report) -> None:
    names = [p.name for p in report.people] + [c.name for c in report.characters]
    assert len(names) == len(set(names))


def test_analysis_characters_have_actors_and_relations(report: Report) -> None:
    assert any(c.played_by for c in report.characters)
    assert any(c.relations for c in report.characters)


def test_analysis_is_deterministic(report: Report) -> None:
    assert to_data(analyze(sorted(EXAMPLES.glob("*.txt")))) == to_data(report)


def test_analysis_title_option_names_the_subject_film(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The camera follows a woman across a frozen river.\n", encoding="utf-8")
    report = analyze([path], title="Winter River")
    assert report.subject_film is not None
    assert report.subject_film.title == "Winter River"
