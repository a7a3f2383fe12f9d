"""Gold files: the hand annotations each document is scored against (docs/annotation.md)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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
