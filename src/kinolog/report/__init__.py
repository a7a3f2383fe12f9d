"""Reports out: JSON (with its schema), Markdown, HTML and the terminal.

`render(report, fmt)` gives the text of any format; `write_report(report, path, fmt=…)` puts
it on disk atomically, so a reader of `path` sees the old file or the whole new one, never a
half-written report.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from kinolog.core.errors import OutputError
from kinolog.core.model import Report
from kinolog.report.html import to_html
from kinolog.report.json_report import InvalidReport, from_json, schema, to_json, validate
from kinolog.report.markdown import to_markdown
from kinolog.report.terminal import render_card_terminal, render_terminal

__all__ = [
    "FORMATS",
    "InvalidReport",
    "check_writable",
    "from_json",
    "render",
    "render_card_terminal",
    "render_terminal",
    "schema",
    "to_html",
    "to_json",
    "to_markdown",
    "validate",
    "write_report",
    "write_text_atomic",
]

FORMATS = ("text", "json", "md", "html")
"""Names accepted by `render` and `write_report` (and `kinolog analyze --format`)."""

TEXT_WIDTH = 100
"""Columns of the plain-text report when it goes to a file rather than a terminal."""


def render(report: Report, fmt: str = "json") -> str:
    """The report as text in `fmt`: one of FORMATS."""
    if fmt == "json":
        return to_json(report) + "\n"
    if fmt == "md":
        return to_markdown(report)
    if fmt == "html":
        return to_html(report)
    if fmt == "text":
        from rich.console import Console

        console = Console(file=io.StringIO(), width=TEXT_WIDTH, color_system=None, record=True)
        render_terminal(report, console)
        return console.export_text()
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_report(report: Report, path: str | os.PathLike[str], *, fmt: str = "json") -> Path:
    """Render and write atomically; OutputError names the path when it cannot be written."""
    text = render(report, fmt)
    target = Path(path)
    write_text_atomic(target, text)
    return target


def check_writable(path: str | os.PathLike[str]) -> None:
    """Fail early, before any analysis, when `path` cannot receive a report."""
    target = Path(path)
    if target.is_dir():
        raise OutputError("is a directory; give a file name to --out", source=str(target))
    parent = target.parent
    if not parent.is_dir():
        raise OutputError(
            f"folder {str(parent)!r} does not exist; create it or choose another --out",
            source=str(target),
        )
    if not os.access(parent, os.W_OK):
        raise OutputError("folder is not writable; choose another --out", source=str(target))


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it over `path`."""
    check_writable(path)
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
            delete=False,
        ) as handle:  # fmt: skip
            tmp_name = handle.name
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # A temporary file is private (0600); a report keeps the mode of the file it replaces.
        Path(tmp_name).chmod(path.stat().st_mode & 0o777 if path.exists() else 0o644)
        Path(tmp_name).replace(path)
        tmp_name = None
    except OSError as exc:
        raise OutputError(
            f"cannot write the report: {exc.strerror or exc}; choose another --out",
            source=str(path),
        ) from exc
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)
