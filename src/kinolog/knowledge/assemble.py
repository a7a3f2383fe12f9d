"""From per-document facts to one body of knowledge: films, people, characters, claims.

Derived knowledge is recomputed from the documents' facts every time rather than patched, so
re-analysing is always safe. Names are resolved across documents first (aliases and
transliteration variants become one entity); everything else is keyed by the resolved names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kinolog.core.model import (
    CREDIT_ROLES,
    Award,
    CastMember,
    Character,
    Claim,
    Credits,
    Evidence,
    Film,
    FilmRole,
    Person,
    PlotBeat,
    Relation,
    RelationType,
    Report,
)
from kinolog.engine.export import SUBJECT_FILM, evidence_for, facts_to_claims
from kinolog.engine.facts import Fact
from kinolog.knowledge.films import (
    Heading,
    best_form,
    choose_subject,
    comparison_lines,
    count_phrase,
    film_id,
    heading_title,
    is_comparison,
    opening_year,
    strip_label,
    title_key,
)
from kinolog.knowledge.people import NameBook, build_name_book
from kinolog.knowledge.topics import motifs_from, themes_from
from kinolog.text.card import StoryCard
from kinolog.text.document import SourceDocument

CARD_EXTRACTOR = "kinolog.card.v1"
_FILM_FACTS = frozenset({"credit", "cast", "award"})
"""Fact kinds that add to a film's credits, cast or awards."""
UNTITLED = "Untitled film"
"""Title of a subject film whose card and prose never name it (pass --title to name it)."""

# How much each kind of mention says that a title is the document's subject: a card's Title
# field or a header line announces it; an introducing sentence ("X is a 1954 film") or a
# titled mention with its year in the opening lines presents it; a bare repeat only names it.
_CARD_WEIGHT = 10.0
_HEADING_WEIGHT = 10.0
_CANDIDATE_WEIGHT = 4.0
_PREDICATE_WEIGHT = 5.0
_OPENING_WEIGHT = 3.0
_OPENING_CHARS = 400


def _mention_weight(fact: Fact) -> float:
    if is_comparison(fact.slot_text("title") or ""):
        return 0.0
    if fact.attrs.get("cue") == "predicate":
        return _PREDICATE_WEIGHT
    if fact.span[0] < _OPENING_CHARS and fact.attrs.get("cue") != "repeat":
        return _OPENING_WEIGHT
    return 1.0


def _document_heading(analysed: AnalysedDocument) -> Heading | None:
    """The document's header title; a plain headline counts only if the prose repeats it."""
    text = analysed.source.clean
    heading = heading_title(text)
    if heading is None or heading.certain:
        return heading
    return heading if count_phrase(text[heading.end :], heading.title) >= 2 else None


@dataclass(frozen=True)
class AnalysedDocument:
    """One document after the engine: its cleaned text, facts and story card."""

    source: SourceDocument
    facts: tuple[Fact, ...]
    card: StoryCard | None = None


@dataclass
class _FilmDraft:
    titles: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    credits: dict[str, dict[str, list[Evidence]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )
    cast: dict[tuple[str, str | None], list[Evidence]] = field(
        default_factory=lambda: defaultdict(list)
    )
    awards: dict[tuple[str, str | None, int | None], list[Evidence]] = field(
        default_factory=lambda: defaultdict(list)
    )
    evidence: list[Evidence] = field(default_factory=list)
    first_position: int = 1 << 60


class _Assembler:
    def __init__(self, documents: Sequence[AnalysedDocument], title: str | None) -> None:
        self.documents = documents
        self.names: NameBook = build_name_book(documents)
        self.films: dict[str, _FilmDraft] = defaultdict(_FilmDraft)
        self.subject = self._subject_key(title)
        if title:
            self.films[self.subject].titles.append(title)

    # -- films -------------------------------------------------------------------------
    def _subject_key(self, title: str | None) -> str:
        mentions: list[tuple[str, int, float]] = []
        headings: dict[str, list[Heading]] = defaultdict(list)
        for index, analysed in enumerate(self.documents):
            base = index << 32
            card = analysed.card
            if card and card.title:
                mentions.append((title_key(card.title.text), base, _CARD_WEIGHT))
            heading = _document_heading(analysed)
            if heading:
                key = title_key(heading.title)
                headings[key].append(heading)
                weight = _HEADING_WEIGHT if heading.certain else _CANDIDATE_WEIGHT
                mentions.append((key, base, weight))
            compared = comparison_lines(analysed.source.clean)
            names = {
                title_key(name)
                for fact in analysed.facts
                if fact.kind == "mention" and (name := fact.slot_text("name"))
            }
            for fact in analysed.facts:
                if fact.kind == "film" and (text := fact.slot_text("title")):
                    key = title_key(strip_label(text))
                    weight = _mention_weight(fact)
                    if any(a <= fact.span[0] < b for a, b in compared):
                        weight = 0.0
                    if key in names and fact.attrs.get("cue") == "repeat":
                        # A bare word that is also someone's name is more likely the person.
                        weight = 0.0
                    mentions.append((key, base + fact.span[0], weight))
        subject = choose_subject(mentions, explicit=title) or "untitled"
        for heading in headings.get(subject, ()):
            self.films[subject].titles.append(heading.title)
            if heading.year:
                self.films[subject].years.append(heading.year)
        return subject

    def film_key(self, text: str | None) -> str:
        return self.subject if not text or text == SUBJECT_FILM else title_key(strip_label(text))

    def add_film_mentions(self, analysed: AnalysedDocument, position_base: int) -> None:
        for fact in analysed.facts:
            if fact.kind != "film" or not (text := fact.slot_text("title")):
                continue
            text = strip_label(text)
            draft = self.films[title_key(text)]
            draft.titles.append(text)
            draft.evidence.append(evidence_for(analysed.source, fact))
            draft.first_position = min(draft.first_position, position_base + fact.span[0])
            if isinstance(year := fact.attrs.get("year"), int):
                draft.years.append(year)
            if isinstance(medium := fact.attrs.get("medium"), str):
                draft.media.append(medium)

    def add_card(self, card: StoryCard) -> None:
        draft = self.films[self.subject]
        if card.title:
            draft.titles.append(card.title.text)
        if card.year_number:
            draft.years.append(card.year_number)
        if card.medium:
            # The card's own label outranks media guessed from prose ("drama", "film").
            draft.media.extend([card.medium.text] * 3)
        for role, values in (
            ("screenwriter", card.writers),
            ("director", card.directors),
            ("production_company", card.production_companies),
        ):
            for value in values:
                name = (
                    value.text if role == "production_company" else self.names.canonical(value.text)
                )
                draft.credits[role][name].append(value.evidence)

    # -- credits, cast, awards ----------------------------------------------------------
    def add_facts(self, analysed: AnalysedDocument) -> None:
        source = analysed.source
        for fact in analysed.facts:
            if fact.kind not in _FILM_FACTS:
                continue
            film = self.films[self.film_key(fact.slot_text("film"))]
            evidence = evidence_for(source, fact)
            if fact.kind == "credit" and (person := fact.slot_text("person")):
                role = str(fact.attrs.get("role"))
                if role in CREDIT_ROLES:
                    name = person if role == "production_company" else self.names.canonical(person)
                    film.credits[role][name].append(evidence)
            elif fact.kind == "cast" and (actor := fact.slot_text("actor")):
                character = fact.slot_text("character")
                key = (
                    self.names.canonical(actor),
                    self.names.canonical(character) if character else None,
                )
                film.cast[key].append(evidence)
            elif fact.kind == "award" and fact.attrs.get("recipient") != "person":
                name = str(fact.attrs.get("name") or fact.slot_text("award") or "award")
                event = fact.attrs.get("event")
                year = fact.attrs.get("year")
                film.awards[
                    (name, str(event) if event else None, year if isinstance(year, int) else None)
                ].append(evidence)

    def build_films(self, cards: Sequence[StoryCard]) -> tuple[Film, ...]:
        films = []
        subject_card = _merged_card_text(cards)
        for key, draft in self.films.items():
            is_subject = key == self.subject
            if not draft.titles and not (is_subject and cards):
                continue
            title = best_form(draft.titles) if draft.titles else UNTITLED
            year = best_form([str(y) for y in draft.years]) if draft.years else None
            credits = Credits(
                **{
                    role: tuple(
                        sorted(draft.credits[role], key=lambda n: -len(draft.credits[role][n]))
                    )
                    for role in CREDIT_ROLES
                    if role in draft.credits
                }
            )
            film = Film(
                id=film_id(title, int(year) if year else None),
                title=title,
                year=int(year) if year else None,
                medium=best_form(draft.media) if draft.media else None,
                role=FilmRole.SUBJECT if is_subject else FilmRole.REFERENCED,
                credits=credits,
                cast=tuple(
                    CastMember(actor, character, tuple(ev))
                    for (actor, character), ev in draft.cast.items()
                ),
                awards=tuple(
                    Award(name, event, year, tuple(ev))
                    for (name, event, year), ev in draft.awards.items()
                ),
                evidence=tuple(draft.evidence),
            )
            if is_subject:
                film = replace(film, **subject_card)
            films.append((not is_subject, draft.first_position, film))
        return tuple(f for *_, f in sorted(films, key=lambda t: (t[0], t[1])))


def _merged_card_text(cards: Sequence[StoryCard]) -> dict[str, object]:
    """Log line, synopsis and truncation for the subject film, from the first card that has them."""
    merged: dict[str, object] = {}
    for card in cards:
        if card.logline and "logline" not in merged:
            merged["logline"] = card.logline.text
        if card.synopsis and "synopsis" not in merged:
            merged["synopsis"] = card.synopsis.text
            merged["truncated"] = card.truncated
    return merged


def _card_claims(card: StoryCard, subject_title: str) -> list[Claim]:
    pairs = [("screenwriter", v) for v in card.writers]
    pairs += [("director", v) for v in card.directors]
    pairs += [("production_company", v) for v in card.production_companies]
    claims = [
        Claim(subject_title, role, v.text, {}, (v.evidence,), CARD_EXTRACTOR) for role, v in pairs
    ]
    if card.year:
        claims.append(
            Claim(subject_title, "year", card.year.text, {}, (card.year.evidence,), CARD_EXTRACTOR)
        )
    return claims


def _characters(
    assembler: _Assembler, films: Sequence[Film]
) -> tuple[tuple[Person, ...], tuple[Character, ...]]:
    names = assembler.names
    subject = next((f for f in films if f.role == FilmRole.SUBJECT), None)
    played_by: dict[str, tuple[str, str]] = {}
    for film in films:
        for member in film.cast:
            if member.character:
                played_by.setdefault(member.character, (member.actor, film.title))
    relations: dict[str, dict[tuple[str, str], list[Evidence]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for analysed in assembler.documents:
        for fact in analysed.facts:
            if fact.kind != "relation":
                continue
            holder, target = fact.slot_text("holder"), fact.slot_text("target")
            kind = fact.attrs.get("type")
            if holder and target and kind in RelationType._value2member_map_:
                key = (str(kind), names.canonical(target))
                relations[names.canonical(holder)][key].append(evidence_for(analysed.source, fact))
    characters = []
    for entity in names.characters(extra=[*played_by, *relations]):
        actor, film_title = played_by.get(entity.name, (None, subject.title if subject else None))
        characters.append(
            Character(
                id=f"character:{entity.key}",
                name=entity.name,
                aliases=entity.aliases,
                film=film_title,
                played_by=actor,
                mentions=entity.mentions,
                relations=tuple(
                    Relation(RelationType(kind), target, tuple(ev))
                    for (kind, target), ev in relations.get(entity.name, {}).items()
                ),
                evidence=entity.evidence,
            )
        )
    roles: dict[str, set[str]] = defaultdict(set)
    for film in films:
        for role in CREDIT_ROLES:
            for name in film.credits.get(role):
                roles[name].add(role)
        for member in film.cast:
            roles[member.actor].add("actor")
    for role_name, role in names.other_roles():
        roles[role_name].add(role)
    companies = {n for f in films for n in f.credits.production_company}
    people = [
        Person(
            id=f"person:{entity.key}",
            name=entity.name,
            aliases=entity.aliases,
            roles=tuple(sorted(roles.get(entity.name, ()))),
            mentions=entity.mentions,
            evidence=entity.evidence,
        )
        for entity in names.people(extra=[n for n in roles if n not in companies])
    ]
    return tuple(people), tuple(characters)


def _plot(assembler: _Assembler, character_names: set[str]) -> tuple[PlotBeat, ...]:
    beats = []
    for analysed in assembler.documents:
        plot_facts = sorted(
            (f for f in analysed.facts if f.kind == "plot"), key=lambda f: f.span[0]
        )
        for fact in plot_facts:
            evidence = evidence_for(analysed.source, fact)
            start, end = fact.span
            present = {
                assembler.names.canonical(slot.text)
                for name, slot in fact.slots.items()
                if name.startswith("character")
            }
            beats.append(
                PlotBeat(
                    order=len(beats) + 1,
                    text=" ".join(analysed.source.clean[start:end].split()),
                    characters=tuple(sorted(present & character_names)),
                    evidence=(evidence,),
                )
            )
    return tuple(beats)


def assemble(documents: Sequence[AnalysedDocument], *, title: str | None = None) -> Report:
    """Merge the documents' facts into one report about one subject film."""
    assembler = _Assembler(documents, title)
    cards = [d.card for d in documents if d.card is not None]
    for index, analysed in enumerate(documents):
        assembler.add_film_mentions(analysed, index << 32)
    for card in cards:
        assembler.add_card(card)
    for analysed in documents:
        assembler.add_facts(analysed)
    subject_draft = assembler.films[assembler.subject]
    if not subject_draft.years and subject_draft.titles:
        # A subject named without a year is dated by the opening lines ("USSR, 1959.").
        subject_draft.years.extend(y for d in documents if (y := opening_year(d.source.clean)))
    films = assembler.build_films(cards)
    subject_title = next((f.title for f in films if f.role == FilmRole.SUBJECT), SUBJECT_FILM)
    people, characters = _characters(assembler, films)

    claims: list[Claim] = []
    for card in cards:
        claims.extend(_card_claims(card, subject_title))
    for analysed in documents:
        for claim in facts_to_claims(analysed.source, analysed.facts):
            claims.append(_canonical_claim(claim, assembler, subject_title))
    all_facts = [(d.source, f) for d in documents for f in d.facts]
    infos = tuple(d.source.info() for d in documents)
    return Report(
        documents=infos,
        films=films,
        people=people,
        characters=characters,
        claims=tuple(claims),
        plot=_plot(assembler, {c.name for c in characters}),
        motifs=motifs_from(all_facts),
        themes=themes_from(all_facts, words=sum(info.words for info in infos)),
    )


def _canonical_claim(claim: Claim, assembler: _Assembler, subject_title: str) -> Claim:
    """Claims name the subject film by title and people by their resolved names."""
    names = assembler.names

    def fix(value: str) -> str:
        if value == SUBJECT_FILM:
            return subject_title
        return names.canonical(value)

    qualifiers = {k: fix(v) if isinstance(v, str) else v for k, v in claim.qualifiers.items()}
    subject, obj = fix(claim.subject), fix(claim.object)
    if (subject, obj) != (claim.subject, claim.object):
        qualifiers["as_written"] = f"{claim.subject} | {claim.object}"
    return replace(claim, subject=subject, object=obj, qualifiers=qualifiers)
