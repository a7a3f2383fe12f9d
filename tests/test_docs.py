"""The docs cover everything users can see: commands, options, settings and report fields."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest
import typer

from kinolog.cli.docs import cli_reference
from kinolog.cli.main import app
from kinolog.config import describe_settings
from kinolog.core.model import Report
from kinolog.report import schema

ROOT = Path(__file__).resolve().parents[1]
CLI_MD = ROOT / "docs" / "cli.md"
REPORT_MD = ROOT / "docs" / "report.md"
README = ROOT / "README.md"

COMMAND = typer.main.get_command(app)
COMMANDS = sorted(COMMAND.commands)  # type: ignore[attr-defined]


def _report_fields() -> list[tuple[str, str]]:
    """(class name, field name) for every dataclass reachable from Report."""
    seen: set[type] = set()
    found: list[tuple[str, str]] = []
    todo: list[type] = [Report]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for field in dataclasses.fields(cls):
            found.append((cls.__name__, field.name))
            stack = [hints[field.name]]
            while stack:
                tp = stack.pop()
                stack.extend(typing.get_args(tp))
                if dataclasses.is_dataclass(tp) and isinstance(tp, type):
                    todo.append(tp)
    return found


TOP_LEVEL = [f.name for f in dataclasses.fields(Report)]


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_cli_md_has_each_command(command):
    assert f"## `kinolog {command}`" in CLI_MD.read_text(encoding="utf-8")


def test_docs_cli_md_is_up_to_date_with_help():
    assert CLI_MD.read_text(encoding="utf-8") == cli_reference(), (
        "docs/cli.md is stale: run `python -m kinolog.cli.docs docs/cli.md`"
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_each_command_has_help(command):
    assert (COMMAND.commands[command].help or "").strip()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (name, param.name)
        for name in COMMANDS
        for param in COMMAND.commands[name].params  # type: ignore[attr-defined]
    ],
)
def test_docs_each_option_and_argument_has_help(command, option):
    param = next(p for p in COMMAND.commands[command].params if p.name == option)  # type: ignore[attr-defined]
    assert (getattr(param, "help", "") or "").strip()


@pytest.mark.parametrize(("variable", "default", "description"), describe_settings())
def test_docs_each_setting_is_documented(variable, default, description):
    documented = CLI_MD.read_text(encoding="utf-8") + README.read_text(encoding="utf-8")
    assert variable in documented


@pytest.mark.parametrize("field", TOP_LEVEL)
def test_docs_report_md_has_each_top_level_field(field):
    assert f"| `{field}` |" in REPORT_MD.read_text(encoding="utf-8")


@pytest.mark.parametrize("field", TOP_LEVEL)
def test_docs_schema_has_each_top_level_field(field):
    assert field in schema()["properties"]


@pytest.mark.parametrize(("cls", "field"), _report_fields())
def test_docs_report_md_mentions_every_field(cls, field):
    assert f"`{field}`" in REPORT_MD.read_text(encoding="utf-8")


@pytest.mark.parametrize(("cls", "field"), _report_fields())
def test_docs_schema_describes_every_field(cls, field):
    described = {
        name
        for definition in [schema(), *schema()["$defs"].values()]
        for name in definition.get("properties", {})
    }
    assert field in described
