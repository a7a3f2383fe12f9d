"""`kinolog settings`: every setting, its environment variable, default and meaning."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from kinolog.cli.common import make_console
from kinolog.config import describe_settings


def settings_command() -> None:
    """List every setting with its environment variable, default and description."""
    table = Table(box=box.SIMPLE_HEAD)
    for header in ("Environment variable", "Default", "Description"):
        table.add_column(Text(header), overflow="fold")
    for variable, default, description in describe_settings():
        table.add_row(Text(variable, style="bold"), Text(default), Text(description))
    make_console().print(table)
