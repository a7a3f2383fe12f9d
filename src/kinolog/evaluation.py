"""Measure the analysis engine against hand-annotated documents.

The engine's targets are stated as F1 per field (credits, cast, relations, referenced films), so
this module runs the engine on each annotated document on its own and compares what it reports
with a `<name>.gold.json` file written beside the document (format: docs/annotation.md).

Matching is lenient only where writing about films is legitimately variable: accents, case,
punctuation, transliteration ("Aleksey"/"Alexei"), a character's rank ("Captain Kholin"), a
leading article in a title, and the direction of a symmetric or inverse relation. A surname on
its own matches a full name only when no other annotated name in the document shares it, so the
score never rewards a guess between two Epsteins.

Run it as `python -m kinolog.evaluation DIR [--details] [--json FILE]`.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz

from kinolog.core.model import CREDIT_ROLES, DocumentKind, RelationType, Report

log = logging.getLogger(__name__)

Analyze = Callable[[list[Path]], Report]

FIELDS = ("credits", "cast", "characters", "relations", "referenced_films", "subject_films", "kind")
TARGETS: dict[str, float] = {"credits": 0.9, "cast": 0.9, "relations": 0.8, "referenced_films": 0.8}
GOLD_SUFFIX = ".gold.json"

SYMMETRIC = frozenset(
    {"spouse", "fiance", "lover", "sibling", "cousin", "relative", "friend", "rival"}
)
INVERSE = {"child": "parent"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ARTICLES = frozenset(
    {"the", "a", "an", "il", "la", "le", "les", "lo", "l", "gli", "el", "der", "die"}
)
_RANKS = _words(
    "captain capt major lieutenant lt colonel col corporal cpl sergeant sgt commander general "
    "professor prof doctor dr mr mrs miss ms madame mme signor signora monsieur sir lady lord "
    "private officer chief"
)
_COMPANY_WORDS = _words(
    "bros brothers inc ltd co corp corporation company pictures picture studio studios "
    "productions production film films the"
)
_PARTICLES = ("de", "da", "di", "del", "della", "du", "van", "von", "der", "le", "la", "d'", "d’")
# Spelling differences between romanisations, applied in order to each word of a name.
_TRANSLIT_RULES = "tch>ch kh>h ks>x ph>f w>v j>y iy>i yi>i ii>i ey>ei y>i ou>o oh>o"
_TRANSLIT = [rule.split(">") for rule in _TRANSLIT_RULES.split()]


class GoldError(ValueError):
    """A gold file is missing, malformed, or names something it does not annotate."""


# --------------------------------------------------------------------------- gold files


@dataclass(frozen=True)
class GoldFilm:
    title: str
    year: int | None
    role: str
    aliases: tuple[str, ...] = ()
    credits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cast: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class GoldCharacter:
    name: str
    aliases: tuple[str, ...] = ()
    relations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Gold:
    """One annotated document: what its text states, in the shape of a report subset."""

    path: Path
    document: Path
    kind: str | None
    films: tuple[GoldFilm, ...]
    characters: tuple[GoldCharacter, ...]
    name_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.document.name


def load_gold(path: Path) -> Gold:
    """Read and check one gold file, so a typo in an annotation fails loudly, not as a low score."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc

    def need(cond: bool, message: str) -> None:
        if not cond:
            raise GoldError(f"{path}: {message}")

    need(isinstance(data, dict), "the top level must be an object")
    need(isinstance(data.get("document"), str), "'document' must name the annotated file")
    document = path.parent / data["document"]
    need(document.is_file(), f"document {data['document']!r} does not exist beside it")
    kind = data.get("kind")
    need(kind is None or kind in set(DocumentKind), f"unknown kind {kind!r}")

    films = []
    for raw in data.get("films", []):
        need(isinstance(raw.get("title"), str) and raw["title"], "every film needs a title")
        year = raw.get("year")
        need(year is None or isinstance(year, int), f"{raw['title']}: year must be an integer")
        need(raw.get("role") in ("subject", "referenced"), f"{raw['title']}: bad role")
        credits = {}
        for role, names in raw.get("credits", {}).items():
            need(role in CREDIT_ROLES, f"{raw['title']}: unknown credit role {role!r}")
            need(all(isinstance(n, str) and n for n in names), f"{raw['title']}: bad {role}")
            credits[role] = tuple(names)
        cast = tuple((c["actor"], c["character"]) for c in raw.get("cast", []))
        films.append(
            GoldFilm(raw["title"], year, raw["role"], tuple(raw.get("aliases", ())), credits, cast)
        )
    need(sum(f.role == "subject" for f in films) >= 1, "no subject film")

    characters = []
    for raw in data.get("characters", []):
        relations = tuple((r["type"], r["target"]) for r in raw.get("relations", []))
        for rtype, _target in relations:
            need(rtype in set(RelationType), f"{raw['name']}: unknown relation type {rtype!r}")
        characters.append(GoldCharacter(raw["name"], tuple(raw.get("aliases", ())), relations))
    forms = {f for c in characters for f in (c.name, *c.aliases)}
    need(len({c.name for c in characters}) == len(characters), "character names repeat")
    for c in characters:
        for _rtype, target in c.relations:
            need(target in forms, f"relation target {target!r} is not an annotated character")
    for film in films:
        for actor, character in film.cast:
            need(isinstance(actor, str) and actor, f"{film.title}: cast entry without an actor")
            need(character in forms, f"cast character {character!r} is not an annotated character")

    name_aliases = {k: tuple(v) for k, v in data.get("aliases", {}).items()}
    return Gold(path, document, kind, tuple(films), tuple(characters), name_aliases)


def load_gold_set(directory: Path) -> list[Gold]:
    paths = sorted(directory.glob(f"*{GOLD_SUFFIX}"))
    if not paths:
        raise GoldError(f"{directory}: no *{GOLD_SUFFIX} files; is this the annotated set?")
    return [load_gold(p) for p in paths]


# --------------------------------------------------------------------------- name matching


def fold(text: str) -> str:
    """Accents, case and punctuation away: 'Toshirô' and "d'Amico" compare as plain words."""
    text = anyascii(text).lower().replace("&", " and ")
    text = re.sub(r"['`’ʼ]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def title_key(title: str) -> str:
    """A film title without case, accents, punctuation or a leading article."""
    words = fold(title).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def _translit(token: str) -> str:
    for old, new in _TRANSLIT:
        token = token.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", token)


def _tokens(name: str, kind: str) -> list[str]:
    words = fold(name).split()
    if kind == "company":
        kept = [w for w in words if w not in _COMPANY_WORDS]
    elif kind == "character":
        kept = words[1:] if len(words) > 1 and words[0] in _ARTICLES else words
        kept = [w for w in kept if w not in _RANKS]
    else:
        kept = [w for w in words if len(w) > 1]
    return [_translit(w) for w in (kept or words)]


def _token_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if min(len(a), len(b)) < 4:
        return 0.0
    score = fuzz.ratio(a, b)
    return score if score >= 90 else 0.0


def _full_similarity(a: list[str], b: list[str]) -> float:
    """Mean token similarity when the names have the same words, in order or reversed."""
    if len(a) != len(b):
        return 0.0
    best = 0.0
    for other in (b, b[::-1]):
        scores = [_token_similarity(x, y) for x, y in zip(a, other, strict=True)]
        if all(scores):
            best = max(best, sum(scores) / len(scores))
    return best


def _partial(a: list[str], b: list[str]) -> bool:
    """True when every word of the shorter name matches a distinct word of the longer one."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == len(long) or len(a) > len(b) + 1:
        # A prediction may be shorter than the annotated name, or add one word to it
        # ('Kambei Shimada' for 'Kambei'), but a longer string is a bad extraction.
        return False
    free = list(long)
    for word in short:
        hit = next((w for w in free if _token_similarity(word, w)), None)
        if hit is None:
            return False
        free.remove(hit)
    return True


def _is_proper(name: str) -> bool:
    """Proper names ('Kambei Shimada') may be shortened; descriptions ('the woodcutter') may not."""
    words = [w for w in name.split() if w.lower() not in _ARTICLES]
    return bool(words) and all(
        w[:1].isupper() or w.lower() in _PARTICLES or w.lower().startswith(("d'", "d’"))
        for w in words
    )


class Resolver:
    """Maps a predicted name onto one annotated entity of a document, or onto nothing.

    An exact or transliteration-tolerant full match wins; failing that, a shortened name
    ('Kurosawa', 'Kambei Shimada' for 'Kambei') matches only if exactly one entity fits it.
    """

    def __init__(self, entries: Iterable[tuple[str, Sequence[str]]], kind: str) -> None:
        self.kind = kind
        self._forms: list[tuple[str, str, list[str]]] = []
        for canonical, forms in entries:
            for form in dict.fromkeys((canonical, *forms)):
                self._forms.append((canonical, form, _tokens(form, kind)))

    def resolve(self, name: str) -> str | None:
        if not name or not name.strip():
            return None
        tokens = _tokens(name, self.kind)
        best: tuple[float, str] | None = None
        for canonical, _form, form_tokens in self._forms:
            score = _full_similarity(tokens, form_tokens)
            if score and (best is None or score > best[0]):
                best = (score, canonical)
        if best is not None:
            return best[1]
        partial = {
            canonical
            for canonical, form, form_tokens in self._forms
            if _is_proper(form) and _partial(tokens, form_tokens)
        }
        return partial.pop() if len(partial) == 1 else None


class TitleResolver:
    """Film titles match on `title_key` of the title or any annotated alternative title."""

    def __init__(self, films: Iterable[GoldFilm]) -> None:
        self._keys: dict[str, str] = {}
        for film in films:
            for form in (film.title, *film.aliases):
                self._keys.setdefault(title_key(form), film.title)

    def resolve(self, title: str) -> str | None:
        return self._keys.get(title_key(title or ""))


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


if __name__ == "__main__":
    raise SystemExit(main())
