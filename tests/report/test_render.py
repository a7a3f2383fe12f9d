"""Rendering by format name and atomic writing of report files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinolog.core.errors import OutputError
from kinolog.report import FORMATS, from_json, render, validate, write_report

FULL = Path(__file__).with_name("full_report.json")


def full_report():
    return from_json(FULL.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_each_format_gives_text(fmt):
    assert "Jane Roe" in render(full_report(), fmt)


def test_render_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown report format"):
        render(full_report(), "pdf")


def test_render_write_report_writes_valid_json(tmp_path):
    target = write_report(full_report(), tmp_path / "report.json", fmt="json")
    validate(json.loads(target.read_text(encoding="utf-8")))


def test_render_write_report_leaves_no_temporary_files(tmp_path):
    write_report(full_report(), tmp_path / "report.md", fmt="md")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_render_write_report_replaces_an_existing_file(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    write_report(full_report(), target)
    assert target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("where", ["missing/report.json", "file.txt/report.json", "."])
def test_render_write_report_unwritable_path_names_it(tmp_path, where):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    target = tmp_path / where
    with pytest.raises(OutputError) as caught:
        write_report(full_report(), target)
    assert str(target) in caught.value.message
    assert caught.value.code == "K030"
