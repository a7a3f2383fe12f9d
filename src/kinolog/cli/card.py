"""`kinolog card`: the story card each document states, without the full analysis.

It reads and cleans each document and parses its labelled card fields, which is quick: no
language model is loaded.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.text import Text

from kinolog.cli.common import ColorOption, make_console, reporting_errors
from kinolog.core.serialize import to_data
from kinolog.report import render_card_terminal
from kinolog.text.card import card_to_film, parse_card


class CardFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def card_command(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="Documents whose story cards to show (.txt, .md, .html, .pdf, .docx; - = stdin).",
            show_default=False,
        ),
    ],
    format: Annotated[
        CardFormat,
        typer.Option("--format", "-f", help="text (a card per document) or json (with quotes)."),
    ] = CardFormat.TEXT,
    color: ColorOption = None,
) -> None:
    """Show the story card (Log Line, Medium, Writer(s), Director(s) …) of each document."""
    with reporting_errors(ctx):
        from kinolog.text import read_document

        documents = [read_document(path) for path in files]
        cards = [(doc, parse_card(doc)) for doc in documents]
        if format is CardFormat.JSON:
            data = [
                {"document": doc.id, "source": doc.source, "card": to_data(card)}
                for doc, card in cards
            ]
            sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            return
        console = make_console(color)
        for doc, card in cards:
            console.print(Text(doc.source, style="bold"))
            if card is None:
                console.print(Text("no story card found (no labelled card fields)", style="dim"))
                continue
            render_card_terminal(card_to_film(card, film_id=doc.id), console)
