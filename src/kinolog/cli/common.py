"""What every command shares: turning errors into one line and an exit status, and consoles.

Library code raises; only here are exceptions turned into exit statuses: 2 for a problem
with the user's input or output (a KinologError, whose message already names the file and
the fix), 1 for anything unexpected. `--debug` adds the traceback for either.
"""

from __future__ import annotations

import io
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console

from kinolog.core.errors import KinologError

ColorOption = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Force colours on or off in text output (default: on for a terminal).",
        show_default=False,
    ),
]
"""The colour switch every command with terminal output shares."""

EXIT_USER_ERROR = 2
EXIT_BUG = 1


def is_debug(ctx: typer.Context) -> bool:
    return bool(ctx.find_root().params.get("debug"))


@contextmanager
def reporting_errors(ctx: typer.Context) -> Iterator[None]:
    """Run a command body; print one `kinolog: error: …` line and exit on failure."""
    try:
        yield
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise
    except BrokenPipeError:
        # The reader went away (`kinolog … | head`): not an error worth a message.
        _silence_stdout()
        raise typer.Exit(EXIT_BUG) from None
    except KinologError as exc:
        _fail(ctx, exc.message, EXIT_USER_ERROR)
    except Exception as exc:
        detail = f"unexpected {type(exc).__name__}: {exc}"
        if not is_debug(ctx):
            detail += "; run again with --debug to see the traceback"
        _fail(ctx, detail, EXIT_BUG)


def _fail(ctx: typer.Context, message: str, status: int) -> None:
    if is_debug(ctx):
        traceback.print_exc(file=sys.stderr)
    typer.echo(f"kinolog: error: {' '.join(message.split())}", err=True)
    raise typer.Exit(status)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def make_console(color: bool | None = None) -> Console:
    """A console on standard output: colours follow the terminal unless `color` forces them."""
    if color is None:
        return Console(file=sys.stdout, highlight=False)
    if color:
        return Console(file=sys.stdout, highlight=False, force_terminal=True)
    return Console(file=sys.stdout, highlight=False, no_color=True, color_system=None)
