"""Clustering name mentions, across documents, into people and characters.

Writers name one person many ways: "Andrei Tarkovsky", then "Tarkovsky"; "Ilya Ilyich", then
"Ilya"; and transliterations drift between documents ("Solonitsyn" / "Solonitsin"). Resolution
groups spellings first (same number of words, same phonetic key), then attaches short forms to
the one longer name they can stand for. A short form that fits two different full names stays
on its own and is reported as ambiguous: merging it would put one person's mentions on another.
Type votes block merges across kinds, so a character "Henry" never joins the actor "Henry
Fonda".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kinolog.knowledge.names import clean_name, fold, is_alias, name_key, same_name

_KINDS = ("person", "character")


@dataclass(frozen=True)
class MentionRecord:
    """One occurrence of a name: where it is, how it was written, what its context suggests.

    votes: weight per kind ("person", "character", "unknown"); structural evidence such as a
    cast or credit fact should carry more weight than a context guess.
    counted: False for records that only add a vote (a credit slot repeating a mention).
    """

    document: str
    start: int
    end: int
    text: str
    votes: Mapping[str, int] = field(default_factory=dict)
    evidence: object | None = None
    counted: bool = True


@dataclass(frozen=True)
class Entity:
    """A person or character: canonical name, other spellings and forms, and its mentions."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    mentions: int
    positions: tuple[tuple[str, int, int], ...]
    evidence: tuple[object, ...]
    variants: tuple[str, ...] = ()
    """Spellings merged as transliteration variants of the canonical name or an alias."""
    votes: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Ambiguity:
    """A short form that fits several different full names, left unmerged."""

    form: str
    candidates: tuple[str, ...]
    mentions: int


@dataclass(frozen=True)
class VariantGroup:
    """Spellings of one name that were merged as transliteration variants."""

    entity: str
    spellings: tuple[str, ...]


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    ambiguity: tuple[Ambiguity, ...]
    merged_variants: tuple[VariantGroup, ...]


@dataclass
class _Form:
    """One spelling group: surfaces that are the same name in the same number of words."""

    words: int
    records: list[MentionRecord] = field(default_factory=list)
    surfaces: Counter[str] = field(default_factory=Counter)
    votes: Counter[str] = field(default_factory=Counter)
    root: _Form | None = None

    @property
    def count(self) -> int:
        return sum(1 for r in self.records if r.counted)

    @property
    def kind(self) -> str:
        return _decide(self.votes)

    def spelling(self) -> str:
        """The most frequent surface; ties go to the first seen."""
        return self.surfaces.most_common(1)[0][0]

    def top(self) -> _Form:
        form = self
        while form.root is not None:
            form = form.root
        return form


def _decide(votes: Mapping[str, int]) -> str:
    person, character = votes.get("person", 0), votes.get("character", 0)
    if person > character:
        return "person"
    if character > person:
        return "character"
    return "unknown"


def _group_spellings(records: Sequence[MentionRecord]) -> list[_Form]:
    forms: list[_Form] = []
    by_key: dict[str, _Form] = {}
    for record in records:
        text = clean_name(record.text)
        key = name_key(text)
        if not key:
            continue
        form = by_key.get(key)
        if form is None:
            words = len(key.split())
            form = next(
                (f for f in forms if f.words == words and same_name(f.spelling(), text)), None
            )
            if form is None:
                form = _Form(words)
                forms.append(form)
            by_key[key] = form
        form.records.append(record)
        form.surfaces[text] += 1 if record.counted else 0
        form.surfaces.setdefault(text, 0)
        form.votes.update({k: v for k, v in record.votes.items() if k in _KINDS})
    return forms


def _compatible(short: _Form, full: _Form) -> bool:
    """Kinds must not conflict; a lone first name only stands for a character's full name."""
    a, b = short.kind, full.top().kind
    if "unknown" not in (a, b) and a != b:
        return False
    s, f = fold(short.spelling()).split(), fold(full.spelling()).split()
    first_name_only = len(s) == 1 and len(f) > 1 and name_key(s[0]) == name_key(f[0])
    return not (first_name_only and b == "person" and a != "person")


def _attach(forms: list[_Form]) -> list[Ambiguity]:
    ambiguous: list[Ambiguity] = []
    ordered = sorted(forms, key=lambda f: -f.words)
    for i, short in enumerate(ordered):
        roots: dict[int, _Form] = {}
        for full in ordered[:i]:
            if full.words <= short.words or not is_alias(short.spelling(), full.spelling()):
                continue
            if _compatible(short, full):
                top = full.top()
                roots[id(top)] = top
        if len(roots) == 1:
            short.root = next(iter(roots.values()))
        elif len(roots) > 1:
            names = tuple(sorted(r.spelling() for r in roots.values()))
            ambiguous.append(Ambiguity(short.spelling(), names, short.count))
    return ambiguous


def _entity(top: _Form, members: list[_Form]) -> tuple[Entity, VariantGroup | None]:
    # The canonical form: most words, then most mentions (well attested), then first seen.
    best = max(members, key=lambda f: (f.words, f.count, -members.index(f)))
    name = best.spelling()
    surfaces: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    records: list[MentionRecord] = []
    variants: list[str] = []
    for form in members:
        surfaces.update(form.surfaces)
        votes.update(form.votes)
        records.extend(form.records)
        folded = {fold(s) for s in form.surfaces}
        if len(folded) > 1:
            variants.extend(sorted(form.surfaces, key=lambda s: -form.surfaces[s]))
    counted = [r for r in records if r.counted]
    positions = tuple(sorted({(r.document, r.start, r.end) for r in counted}))
    evidence: list[object] = []
    for record in sorted(counted, key=lambda r: (r.document, r.start)):
        if record.evidence is not None and record.evidence not in evidence:
            evidence.append(record.evidence)
    aliases = tuple(s for s, _ in surfaces.most_common() if s != name)
    entity = Entity(
        name=name,
        aliases=aliases,
        kind=_decide(votes),
        mentions=len(positions),
        positions=positions,
        evidence=tuple(evidence),
        variants=tuple(variants),
        votes=dict(votes),
    )
    group = VariantGroup(name, tuple(variants)) if variants else None
    return entity, group


def resolve(mentions: Sequence[MentionRecord]) -> Resolution:
    """Entities, the short forms left ambiguous, and the spellings merged as variants."""
    forms = _group_spellings(mentions)
    ambiguity = _attach(forms)
    members: dict[int, list[_Form]] = {}
    tops: list[_Form] = []
    for form in forms:
        top = form.top()
        if id(top) not in members:
            members[id(top)] = []
            tops.append(top)
        members[id(top)].append(form)
    entities: list[Entity] = []
    groups: list[VariantGroup] = []
    for top in tops:
        entity, group = _entity(top, members[id(top)])
        entities.append(entity)
        if group is not None:
            groups.append(group)
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return Resolution(tuple(entities), tuple(ambiguity), tuple(groups))


def resolve_entities(mentions: Sequence[MentionRecord]) -> list[Entity]:
    """People and characters, most mentioned first (see `resolve` for the diagnostics)."""
    return list(resolve(mentions).entities)
