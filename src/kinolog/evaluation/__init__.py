"""Measure the analysis engine against hand-annotated documents.

The engine's targets are stated as F1 per field (credits, cast, relations, referenced films), so
this package runs the engine on each annotated document on its own and compares what it reports
with a `<name>.gold.json` file written beside the document (format: docs/annotation.md).

Matching is lenient only where writing about films is legitimately variable: accents, case,
punctuation, transliteration ("Aleksey"/"Alexei"), a character's rank ("Captain Kholin"), a
leading article in a title, and the direction of a symmetric or inverse relation. A surname on
its own matches a full name only when no other annotated name in the document shares it, so the
score never rewards a guess between two Epsteins.

Run it as `python -m kinolog.evaluation DIR [--details] [--json FILE]`.
"""

from kinolog.evaluation.cli import main, render
from kinolog.evaluation.gold import (
    FIELDS,
    GOLD_SUFFIX,
    TARGETS,
    Gold,
    GoldError,
    load_gold,
    load_gold_set,
)
from kinolog.evaluation.matching import Resolver, TitleResolver, fold, title_key
from kinolog.evaluation.scoring import (
    DocumentResult,
    EvaluationResult,
    Score,
    evaluate,
    score_document,
)

__all__ = [
    "FIELDS",
    "GOLD_SUFFIX",
    "TARGETS",
    "DocumentResult",
    "EvaluationResult",
    "Gold",
    "GoldError",
    "Resolver",
    "Score",
    "TitleResolver",
    "evaluate",
    "fold",
    "load_gold",
    "load_gold_set",
    "main",
    "render",
    "score_document",
    "title_key",
]
