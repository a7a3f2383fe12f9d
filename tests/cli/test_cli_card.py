"""`kinolog card`: each document's story card, as a card or as JSON with quotes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kinolog.cli.main import app
from kinolog.report.common import CARD_LABELS

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cranes" / "card.txt"


def test_cli_card_prints_the_labels_in_card_order():
    result = runner.invoke(app, ["card", str(SAMPLE)])
    assert result.exit_code == 0, result.stderr
    labels = [label for label in CARD_LABELS if label not in ("Title", "Year")]
    positions = [result.stdout.index(label) for label in labels]
    assert positions == sorted(positions)


def test_cli_card_json_keeps_quotes():
    result = runner.invoke(app, ["card", "--format", "json", str(SAMPLE)])
    assert result.exit_code == 0, result.stderr
    (entry,) = json.loads(result.stdout)
    medium = entry["card"]["medium"]
    assert medium["text"] == medium["evidence"]["quote"]
    assert entry["document"] == medium["evidence"]["document"]


def test_cli_card_says_when_a_document_has_no_card(tmp_path):
    essay = tmp_path / "essay.txt"
    essay.write_text("An essay with no labelled fields at all.\n", encoding="utf-8")
    result = runner.invoke(app, ["card", str(essay)])
    assert result.exit_code == 0
    assert "no story card found" in result.stdout


def test_cli_card_json_null_when_a_document_has_no_card(tmp_path):
    essay = tmp_path / "essay.txt"
    essay.write_text("An essay with no labelled fields at all.\n", encoding="utf-8")
    result = runner.invoke(app, ["card", "-f", "json", str(essay)])
    assert json.loads(result.stdout)[0]["card"] is None


def test_cli_card_missing_file_is_one_line_status_2(tmp_path):
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["card", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("kinolog: error: ") and str(missing) in result.stderr
