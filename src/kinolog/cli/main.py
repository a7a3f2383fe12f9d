"""The `kinolog` command: global options, the command list, and the process entry point."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Annotated

import typer

from kinolog import __version__
from kinolog.cli.analyze import analyze_command
from kinolog.cli.card import card_command
from kinolog.cli.settings import settings_command

app = typer.Typer(
    name="kinolog",
    help="Read, check and discuss writing about films.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("analyze")(analyze_command)
app.command("card")(card_command)
app.command("settings")(settings_command)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"kinolog {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback when something fails.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Read, check and discuss writing about films.

    Exit status: 0 on success, 2 when an input or output file is the problem (the message
    names it), 1 on an unexpected failure (run again with --debug for the traceback).
    """
    # Libraries (pypdf above all) log warnings about damaged files; the one-line error is the
    # user's answer, and --debug shows the rest.
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.CRITICAL,
        format="%(name)s: %(levelname)s: %(message)s",
        force=True,
    )


def run(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `kinolog` script."""
    app(args=list(argv) if argv is not None else None, prog_name="kinolog")


if __name__ == "__main__":
    run()
