"""`python -m kinolog.evaluation DIR [--details] [--json FILE]`: the table and the JSON."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kinolog.core.model import Report
from kinolog.evaluation.gold import TARGETS, GoldError
from kinolog.evaluation.scoring import EvaluationResult, evaluate

log = logging.getLogger(__name__)

Analyze = Callable[[list[Path]], Report]


# --------------------------------------------------------------------------- command line


def render(result: EvaluationResult, *, details: bool = False, console: Any = None) -> None:
    """Print the per-field table (and with `details`, what each document missed or invented)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = console or Console()
    table = Table(title=f"Engine evaluation on {len(result.documents)} annotated documents")
    for column in ("field", "precision", "recall", "F1", "support", "target"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, score in result.totals.items():
        target = TARGETS.get(name)
        mark = "" if target is None else ("✓ " if score.f1 >= target else "✗ ") + f"{target:.2f}"
        table.add_row(
            name,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            str(score.support),
            mark,
        )
    console.print(table)
    if not details:
        return
    for doc in result.documents:
        console.rule(doc.document)
        if doc.error:
            console.print(f"[red]analysis failed:[/red] {doc.error}")
        for name, outcome in doc.fields.items():
            sc = outcome.score
            console.print(
                f"[bold]{name}[/bold] P {sc.precision:.2f} R {sc.recall:.2f} F1 {sc.f1:.2f}"
            )
            for item in outcome.missed:
                console.print(f"  [yellow]missed[/yellow]   {escape(item)}", highlight=False)
            for item in outcome.spurious:
                console.print(f"  [red]spurious[/red] {escape(item)}", highlight=False)


def main(argv: Sequence[str] | None = None, analyze: Analyze | None = None) -> int:
    """The command line; `analyze` replaces the engine (tests, or comparing another extractor)."""
    parser = argparse.ArgumentParser(
        prog="python -m kinolog.evaluation",
        description="Score the analysis engine on annotated documents (precision, recall, F1).",
    )
    parser.add_argument("directory", type=Path, help="folder of documents and *.gold.json files")
    parser.add_argument("--details", action="store_true", help="list misses per document")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the scores as JSON")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        parser.error(f"{args.directory} is not a directory")
    try:
        result = evaluate(args.directory, analyze)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:
        print(f"error: the analysis engine cannot be imported ({exc})", file=sys.stderr)
        return 1
    render(result, details=args.details)
    if args.json:
        args.json.write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")
    return 0
