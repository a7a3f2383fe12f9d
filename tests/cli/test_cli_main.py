"""The `kinolog` command itself: version, help, and how failures become exit statuses."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from kinolog import __version__
from kinolog.cli.common import reporting_errors
from kinolog.cli.main import app
from kinolog.core.errors import MissingFile

runner = CliRunner()


def failing_app(error: Exception) -> typer.Typer:
    """A one-command app whose command raises `error` inside the CLI's error handling."""
    test_app = typer.Typer()

    @test_app.callback()
    def main(debug: bool = typer.Option(False, "--debug")) -> None:
        pass

    @test_app.command()
    def fail(ctx: typer.Context) -> None:
        with reporting_errors(ctx):
            raise error

    return test_app


def test_cli_main_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kinolog {__version__}"


def test_cli_main_lists_every_command():
    result = runner.invoke(app, ["--help"])
    for command in ("analyze", "card", "settings"):
        assert f"  {command} " in result.stdout


def test_cli_main_kinolog_error_is_one_line_and_status_2():
    result = runner.invoke(failing_app(MissingFile("no such file", source="x.txt")), ["fail"])
    assert result.exit_code == 2
    assert result.stderr == "kinolog: error: [K016] x.txt: no such file\n"


def test_cli_main_unexpected_error_is_one_line_and_status_1():
    result = runner.invoke(failing_app(ZeroDivisionError("division by zero")), ["fail"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "ZeroDivisionError" in result.stderr and "--debug" in result.stderr


def test_cli_main_debug_shows_the_traceback():
    result = runner.invoke(failing_app(ZeroDivisionError("boom")), ["--debug", "fail"])
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr


def test_cli_main_debug_keeps_status_2_for_kinolog_errors():
    error = MissingFile("no such file", source="x.txt")
    result = runner.invoke(failing_app(error), ["--debug", "fail"])
    assert result.exit_code == 2
    assert "Traceback" in result.stderr
    assert result.stderr.endswith("kinolog: error: [K016] x.txt: no such file\n")


def test_cli_main_multiline_messages_become_one_line():
    result = runner.invoke(failing_app(MissingFile("first\nsecond", source="x.txt")), ["fail"])
    assert result.stderr == "kinolog: error: [K016] x.txt: first second\n"
