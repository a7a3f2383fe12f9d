"""`kinolog analyze`: a thin wrapper over `kinolog.analysis.analyze`.

Each flag mirrors a keyword argument of the API (`--title` is `title=`); the rest only
chooses how the report is shown or where it is written.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kinolog.cli.common import ColorOption, make_console, reporting_errors
from kinolog.report import check_writable, render, render_terminal, write_report


class ReportFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    MD = "md"
    HTML = "html"


def analyze_command(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="Documents to analyse together (.txt, .md, .html, .pdf, .docx; - for stdin).",
            show_default=False,
        ),
    ],
    format: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="Report format: text (tables), json, md or html."),
    ] = ReportFormat.TEXT,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="Write the report to FILE (atomically) instead of standard output.",
            dir_okay=False,
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            metavar="TITLE", help="Title of the film the documents are about, when they do not say."
        ),
    ] = None,
    color: ColorOption = None,
) -> None:
    """Analyse documents about one film and report the story card, people, facts and findings.

    The documents are read first: an unreadable one stops the run before any analysis, and
    no output file is created when the run fails.
    """
    with reporting_errors(ctx):
        if out is not None:
            check_writable(out)
        from kinolog.analysis import analyze

        report = analyze(files, title=title)
        if out is not None:
            write_report(report, out, fmt=format.value)
        elif format is ReportFormat.TEXT:
            render_terminal(report, make_console(color))
        else:
            sys.stdout.write(render(report, format.value))
