"""Regenerate docs/cli.md from the commands' own `--help`, so the reference cannot drift.

`python -m kinolog.cli.docs docs/cli.md` rewrites the file; `tests/test_docs.py` fails when
the committed file differs from what this produces.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from kinolog.cli.main import app
from kinolog.config import describe_settings

HELP_WIDTH = 80

_INTRO = """\
# `kinolog` command-line reference

Generated from `kinolog --help` by `python -m kinolog.cli.docs docs/cli.md`; do not edit by
hand. Every command is a thin wrapper over the Python API: `kinolog analyze --title T` is
`kinolog.analysis.analyze(files, title=T)`.

Exit status: 0 on success; 2 when an input or output file is the problem (one line on
standard error, `kinolog: error: [Kxxx] FILE: …`, names the file and the fix); 1 on an
unexpected failure (`--debug` prints the traceback).
"""


def command_helps() -> list[tuple[str, str]]:
    """(command line, help text) for `kinolog` and each of its commands, at a fixed width."""
    root = typer.main.get_command(app)
    root_ctx = typer.Context(
        root,
        info_name="kinolog",
        terminal_width=HELP_WIDTH,
        max_content_width=HELP_WIDTH,
        **root.context_settings,
    )
    helps = [("kinolog", root.get_help(root_ctx))]
    for name in root.list_commands(root_ctx):  # type: ignore[attr-defined]
        command = root.get_command(root_ctx, name)  # type: ignore[attr-defined]
        assert command is not None
        ctx = typer.Context(command, info_name=name, parent=root_ctx)
        helps.append((f"kinolog {name}", command.get_help(ctx)))
    return helps


def cli_reference() -> str:
    """The whole of docs/cli.md."""
    parts = [_INTRO]
    for command, text in command_helps():
        parts.append(f"## `{command}`\n\n```\n{text.rstrip()}\n```\n")
    rows = [
        f"| `{variable}` | `{default}` | {_cell(description)} |"
        for variable, default, description in describe_settings()
    ]
    parts.append(
        "## Settings\n\n"
        "Each setting is read from its environment variable; `kinolog settings` lists them.\n\n"
        "| Environment variable | Default | Description |\n| --- | --- | --- |\n"
        + "\n".join(rows)
        + "\n"
    )
    return "\n".join(parts)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = cli_reference()
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
