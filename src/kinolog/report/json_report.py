"""The report as JSON, and its check against the published schema `kinolog.report/1`.

JSON is the form every other consumer reads (the site, the importer, other people's tools), so
it is produced from the core dataclasses in one way only (`core.serialize.to_data`) and can be
checked against `schema.json`, which ships beside this module.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from kinolog.core.errors import InvalidReport
from kinolog.core.model import Report
from kinolog.core.serialize import from_data, to_data


def to_json(report: Report) -> str:
    """The report as indented JSON, keys in the schema's order, non-ASCII text kept as is."""
    return json.dumps(to_data(report), indent=2, ensure_ascii=False)


def from_json(text: str) -> Report:
    """A report read back from `to_json` output; keys this version does not know are ignored."""
    return from_data(Report, json.loads(text))


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of kinolog.report/1."""
    text = resources.files("kinolog.report").joinpath("schema.json").read_text("utf-8")
    return json.loads(text)


def validate(data: dict[str, Any]) -> None:
    """Raise InvalidReport naming the first invalid path of `data`, in document order."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: _sort_key(e.absolute_path))
    if errors:
        first = errors[0]
        raise InvalidReport(first.message, path=_path(first.absolute_path))


def _sort_key(path: Any) -> list[tuple[int, Any]]:
    return [(0, p) if isinstance(p, int) else (1, str(p)) for p in path]


def _path(parts: Any) -> str:
    """`films[0].credits.director[1]`, or `(top level)` for the report itself."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"
