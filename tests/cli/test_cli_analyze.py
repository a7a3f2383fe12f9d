"""`kinolog analyze`: the report in each format, written atomically, and clean failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kinolog.cli.main import app
from kinolog.report import validate

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "cranes"
CARD = EXAMPLES / "card.txt"


@pytest.fixture(scope="module")
def card_report(tmp_path_factory) -> dict:
    """One full analysis of the examples, written as JSON (the pipeline is slow to load)."""
    out = tmp_path_factory.mktemp("analyze") / "report.json"
    result = runner.invoke(
        app,
        ["analyze", "--format", "json", "--out", str(out), *map(str, sorted(EXAMPLES.iterdir()))],
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


def test_cli_analyze_prints_the_card_labels_in_order():
    result = runner.invoke(app, ["analyze", "--no-color", *map(str, sorted(EXAMPLES.iterdir()))])
    assert result.exit_code == 0, result.stderr
    labels = ["Log Line", "Medium", "Writer(s)", "Director(s)", "Production Co.(s)"]
    positions = [result.stdout.index(label) for label in labels]
    assert positions == sorted(positions)


def test_cli_analyze_title_names_the_subject_film():
    result = runner.invoke(app, ["analyze", "-f", "json", "--title", "Given Title", str(CARD)])
    assert result.exit_code == 0, result.stderr
    films = json.loads(result.stdout)["films"]
    assert [f["title"] for f in films if f["role"] == "subject"] == ["Given Title"]


def test_cli_analyze_json_out_validates(card_report):
    validate(card_report)


def test_cli_analyze_json_out_describes_every_document(card_report):
    assert len(card_report["documents"]) == len(list(EXAMPLES.iterdir()))


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    folder = tmp_path / "folder"
    folder.mkdir()
    return {
        "empty": empty,
        "binary": binary,
        "missing": tmp_path / "missing.txt",
        "directory": folder,
    }


@pytest.mark.parametrize("case", ["empty", "binary", "missing", "directory"])
def test_cli_analyze_bad_input_is_one_line_status_2_no_output(tmp_path, case):
    bad = _bad_inputs(tmp_path)[case]
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["analyze", "--format", "json", "--out", str(out), str(bad)])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("kinolog: error: [K01")
    assert str(bad) in result.stderr
    assert not out.exists()


def test_cli_analyze_bad_input_leaves_an_existing_out_untouched(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("previous", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--out", str(out), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


@pytest.mark.parametrize("where", ["no-such-folder/report.json", "a-file.txt/report.json"])
def test_cli_analyze_unwritable_out_is_one_line_status_2(tmp_path, where):
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    out = tmp_path / where
    result = runner.invoke(app, ["analyze", "--out", str(out), str(CARD)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("kinolog: error: [K030]") and str(out) in result.stderr
    assert not out.exists()


def test_cli_analyze_debug_shows_a_traceback(tmp_path):
    result = runner.invoke(app, ["--debug", "analyze", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
