"""The JSON report: shape, key order, round trip and validation against schema.json."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kinolog.core.model import Report
from kinolog.core.serialize import to_data
from kinolog.report import InvalidReport, from_json, schema, to_json, validate

FULL = Path(__file__).with_name("full_report.json")


def full_report() -> Report:
    return from_json(FULL.read_text(encoding="utf-8"))


def test_json_report_full_report_validates():
    validate(json.loads(to_json(full_report())))


def test_json_report_empty_report_validates():
    validate(json.loads(to_json(Report())))


def test_json_report_round_trips():
    report = full_report()
    assert from_json(to_json(report)) == report


def test_json_report_keys_in_guide_order():
    data = json.loads(to_json(full_report()))
    assert list(data) == [
        "schema", "documents", "films", "people", "characters",
        "claims", "plot", "motifs", "themes", "findings",
    ]  # fmt: skip


def test_json_report_keeps_non_ascii_text():
    assert "Ã©" in to_json(full_report())


def test_json_report_is_indented_by_two():
    assert to_json(Report()).splitlines()[1].startswith('  "schema"')


def test_json_report_schema_is_draft_2020_12_with_report_id():
    assert schema()["$id"] == "kinolog.report/1"
    assert schema()["$schema"].endswith("/draft/2020-12/schema")


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("schema",), "kinolog.report/0", "schema"),
        (("documents", 0, "kind"), "poem", "documents[0].kind"),
        (("films", 0, "year"), "1961", "films[0].year"),
        (("films", 0, "role"), "star", "films[0].role"),
        (("films", 0, "credits", "director", 0), 7, "films[0].credits.director[0]"),
        (("characters", 0, "relations", 0, "type"), "neighbour", "characters[0].relations[0].type"),
        (("findings", 1, "severity"), "fatal", "findings[1].severity"),
        (("films", 0, "evidence", 0, "start"), -1, "films[0].evidence[0].start"),
    ],
)
def test_json_report_validate_names_the_invalid_path(path, value, named):
    data = to_data(full_report())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(InvalidReport) as caught:
        validate(data)
    assert f" at {named}:" in caught.value.message


def test_json_report_validate_names_the_first_of_several_errors():
    data = to_data(full_report())
    data["findings"][0]["severity"] = "fatal"
    data["documents"][1]["words"] = -3
    with pytest.raises(InvalidReport, match=r"at documents\[1\]\.words"):
        validate(data)


@pytest.mark.parametrize("key", ["documents", "films", "findings"])
def test_json_report_validate_requires_top_level_keys(key):
    data = to_data(full_report())
    del data[key]
    with pytest.raises(InvalidReport, match="top level"):
        validate(data)


def test_json_report_validate_allows_added_fields():
    data = copy.deepcopy(to_data(full_report()))
    data["films"][0]["box_office"] = 1000
    data["extra"] = {"anything": True}
    validate(data)


def test_json_report_invalid_report_has_a_code():
    with pytest.raises(InvalidReport) as caught:
        validate({"schema": "other"})
    assert caught.value.code == "K031"
