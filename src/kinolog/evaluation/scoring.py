"""Precision, recall and F1 per field, summed over documents before dividing."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kinolog.core.model import CREDIT_ROLES, Report
from kinolog.evaluation.gold import FIELDS, INVERSE, SYMMETRIC, TARGETS, Gold, load_gold_set
from kinolog.evaluation.matching import Resolver, TitleResolver, fold, title_key

log = logging.getLogger(__name__)

Analyze = Callable[[list[Path]], Report]


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class FieldOutcome:
    score: Score
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentResult:
    document: str
    fields: dict[str, FieldOutcome]
    error: str | None = None


@dataclass(frozen=True)
class EvaluationResult:
    documents: tuple[DocumentResult, ...]

    @property
    def totals(self) -> dict[str, Score]:
        """Micro-averaged: true and false positives summed over documents before dividing."""
        totals = {name: Score() for name in FIELDS}
        for doc in self.documents:
            for name, outcome in doc.fields.items():
                totals[name] = totals[name] + outcome.score
        return totals

    def meets_targets(self) -> bool:
        totals = self.totals
        return all(totals[name].f1 >= target for name, target in TARGETS.items())

    def to_dict(self) -> dict[str, Any]:
        fields = {}
        for name, score in self.totals.items():
            fields[name] = {**score.to_dict(), "target": TARGETS.get(name)}
        return {
            "fields": fields,
            "meets_targets": self.meets_targets(),
            "documents": [
                {
                    "document": doc.document,
                    "error": doc.error,
                    "fields": {
                        name: {
                            **o.score.to_dict(),
                            "missed": list(o.missed),
                            "spurious": list(o.spurious),
                        }
                        for name, o in doc.fields.items()
                    },
                }
                for doc in self.documents
            ],
        }


Entity = tuple[str, str]  # ("gold", canonical name) or ("pred", folded unmatched text)


class _Scorer:
    """Turns gold and predicted facts of one document into comparable tuples of entities."""

    def __init__(self, gold: Gold) -> None:
        self.gold = gold
        self.labels: dict[Entity, str] = {}
        people: dict[str, set[str]] = {}
        companies: dict[str, set[str]] = {}
        for film in gold.films:
            for role, names in film.credits.items():
                pool = companies if role == "production_company" else people
                for n in names:
                    pool.setdefault(n, set())
            for actor, _character in film.cast:
                people.setdefault(actor, set())
        for canonical, aliases in gold.name_aliases.items():
            pool = companies if canonical in companies else people
            pool.setdefault(canonical, set()).update(aliases)
        self.people = Resolver(people.items(), "person")
        self.companies = Resolver(companies.items(), "company")
        self.characters = Resolver(((c.name, c.aliases) for c in gold.characters), "character")
        self.titles = TitleResolver(gold.films)

    def entity(self, resolver: Resolver | TitleResolver, text: str, *alts: str) -> Entity:
        for candidate in (text, *alts):
            hit = resolver.resolve(candidate)
            if hit is not None:
                self.labels[("gold", hit)] = hit
                return ("gold", hit)
        key = ("pred", title_key(text) if isinstance(resolver, TitleResolver) else fold(text))
        self.labels.setdefault(key, text)
        return key

    def credit(self, title: str, role: str, name: str) -> tuple[Entity, str, Entity]:
        resolver = self.companies if role == "production_company" else self.people
        return (self.entity(self.titles, title), role, self.entity(resolver, name))

    def relation(self, holder: Entity, rtype: str, target: Entity) -> tuple[Entity, str, Entity]:
        if rtype in INVERSE:
            holder, rtype, target = target, INVERSE[rtype], holder
        if rtype in SYMMETRIC and target < holder:
            holder, target = target, holder
        return (holder, rtype, target)

    def label(self, item: Any) -> str:
        if isinstance(item, tuple) and len(item) == 2 and item[0] in ("gold", "pred"):
            return self.labels.get(item, item[1])
        if isinstance(item, tuple):
            return " · ".join(self.label(part) for part in item if part is not None)
        return str(item)


def _compare(
    scorer: _Scorer,
    gold: set[Any],
    predicted: set[Any],
    wildcard: Callable[[Any, Any], bool] | None = None,
) -> FieldOutcome:
    """Exact matches first; then `wildcard` may pair a leftover gold item with a prediction."""
    matched = gold & predicted
    missed = sorted(gold - matched, key=repr)
    spurious = sorted(predicted - matched, key=repr)
    tp = len(matched)
    if wildcard is not None:
        for item in list(missed):
            hit = next((p for p in spurious if wildcard(item, p)), None)
            if hit is not None:
                missed.remove(item)
                spurious.remove(hit)
                tp += 1
    return FieldOutcome(
        Score(tp, len(spurious), len(missed)),
        tuple(scorer.label(m) for m in missed),
        tuple(scorer.label(s) for s in spurious),
    )


def _year_wildcard(gold_item: Any, predicted_item: Any) -> bool:
    """A film the text gives no year for matches on its title, whatever year is predicted."""
    return gold_item[1] is None and gold_item[0] == predicted_item[0]


def score_document(gold: Gold, report: Report, error: str | None = None) -> DocumentResult:
    """Score one document's report against its gold annotation, field by field."""
    s = _Scorer(gold)
    char = s.characters

    gold_credits = {
        s.credit(f.title, role, n) for f in gold.films for role, ns in f.credits.items() for n in ns
    }
    pred_credits = {
        s.credit(f.title, role, n)
        for f in report.films
        for role in CREDIT_ROLES
        for n in f.credits.get(role)
    }

    gold_cast = {(s.entity(s.people, a), s.entity(char, c)) for f in gold.films for a, c in f.cast}
    # An actor reported without a character is not a cast pair; it is neither right nor wrong.
    pred_cast = {
        (s.entity(s.people, m.actor), s.entity(char, m.character))
        for f in report.films
        for m in f.cast
        if m.character
    }

    gold_chars = {s.entity(char, c.name) for c in gold.characters}
    pred_chars = {s.entity(char, c.name, *c.aliases) for c in report.characters}

    gold_rel = {
        s.relation(s.entity(char, c.name), t, s.entity(char, target))
        for c in gold.characters
        for t, target in c.relations
    }
    by_id = {c.id: c for c in report.characters}
    pred_rel = set()
    for c in report.characters:
        holder = s.entity(char, c.name, *c.aliases)
        for r in c.relations:
            other = by_id.get(r.target)
            target = (
                s.entity(char, other.name, *other.aliases) if other else s.entity(char, r.target)
            )
            pred_rel.add(s.relation(holder, str(r.type), target))

    def films(source: Iterable[Any], role: str) -> set[tuple[Entity, int | None]]:
        return {(s.entity(s.titles, f.title), f.year) for f in source if str(f.role) == role}

    fields = {
        "credits": _compare(s, gold_credits, pred_credits),
        "cast": _compare(s, gold_cast, pred_cast),
        "characters": _compare(s, gold_chars, pred_chars),
        "relations": _compare(s, gold_rel, pred_rel),
        "referenced_films": _compare(
            s, films(gold.films, "referenced"), films(report.films, "referenced"), _year_wildcard
        ),
        "subject_films": _compare(
            s, films(gold.films, "subject"), films(report.films, "subject"), _year_wildcard
        ),
    }
    if gold.kind is not None:
        predicted_kind = {str(report.documents[0].kind)} if report.documents else set()
        fields["kind"] = _compare(s, {gold.kind}, predicted_kind)
    return DocumentResult(gold.name, fields, error)


def evaluate(directory: Path, analyze: Analyze | None = None) -> EvaluationResult:
    """Run `analyze` on each annotated document separately and score it against its gold file.

    By default the engine's public API, `kinolog.analysis.analyze`, is imported here rather
    than at module level, so the gold files and the scorer can be checked without the engine.
    A document whose analysis raises is scored as an empty report and its error recorded,
    so one crash does not hide the figures for the rest of the set.
    """
    if analyze is None:
        from kinolog.analysis import analyze as engine_analyze

        analyze = engine_analyze
    results = []
    for gold in load_gold_set(Path(directory)):
        error = None
        try:
            report = analyze([gold.document])
        except Exception as exc:
            log.warning(
                "analysis of %s failed: %s",
                gold.document,
                exc,
                exc_info=log.isEnabledFor(logging.DEBUG),
            )
            report, error = Report(), f"{type(exc).__name__}: {exc}"
        results.append(score_document(gold, report, error))
    return EvaluationResult(tuple(results))
