"""kinolog.cast.v1: actor and character pairs, on sentences about many films.

The film-title and name layers are put on the Doc by hand; kinolog.credits runs before cast
because cast reads the actors and crew it found.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import kinolog.engine.components.cast  # registers the factories
import kinolog.engine.components.credits  # noqa: F401
from kinolog.engine.extensions import add_facts, facts_of
from kinolog.engine.facts import Fact, Slot

Pairs = set[tuple[str, str, str | None]]
OURS = ["kinolog_credits", "kinolog_cast"]


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline(*OURS)


@pytest.fixture(scope="module")
def model(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline(*OURS, trained=True)


def run(
    nlp: Language,
    text: str,
    titles: tuple[str, ...] | None = (),
    mentions: tuple[tuple[str, str], ...] = (),
) -> Doc:
    """Parse, put the film-title layer (None: absent) and name mentions on by hand, then run."""
    with nlp.select_pipes(disable=OURS):
        doc = nlp(text)
    if titles is not None:
        spans = [doc.char_span(text.index(t), text.index(t) + len(t)) for t in titles]
        doc.spans["kinolog_films"] = spans
    for name, kind in mentions:
        start = text.index(name)
        slot = Slot(start, start + len(name), name)
        add_facts(doc, [Fact("mention", {"name": slot}, (0, 0), "test", {"type": kind})])
    for name in OURS:
        doc = nlp.get_pipe(name)(doc)
    return doc


def pairs(doc: Doc) -> Pairs:
    return {
        (f.slot_text("actor") or "", f.slot_text("character") or "", f.slot_text("film"))
        for f in facts_of(doc, "cast")
    }


CAST = [
    (
        "Seven Samurai stars Toshirô Mifune as Kikuchiyo and Takashi Shimura as Kambei.",
        ("Seven Samurai",),
        {
            ("Toshirô Mifune", "Kikuchiyo", "Seven Samurai"),
            ("Takashi Shimura", "Kambei", "Seven Samurai"),
        },
    ),
    (
        "The film stars Humphrey Bogart as Rick, Ingrid Bergman as Ilsa, and Paul Henreid as "
        "Victor Laszlo.",
        (),
        {
            ("Humphrey Bogart", "Rick", None),
            ("Ingrid Bergman", "Ilsa", None),
            ("Paul Henreid", "Victor Laszlo", None),
        },
    ),
    (
        "Starring Giulietta Masina as Gelsomina and Anthony Quinn as Zampanò, it is a road film.",
        (),
        {("Giulietta Masina", "Gelsomina", None), ("Anthony Quinn", "Zampanò", None)},
    ),
    (
        "Rick's old flame Ilsa (played by Ingrid Bergman) walks into the café.",
        (),
        {("Ingrid Bergman", "Ilsa", None)},
    ),
    (
        "Ilsa, played by Ingrid Bergman, walks into the café.",
        (),
        {("Ingrid Bergman", "Ilsa", None)},
    ),
    (
        "The Stalker is played by Alexander Kaidanovsky.",
        (),
        {("Alexander Kaidanovsky", "Stalker", None)},
    ),
    (
        "Humphrey Bogart plays Rick Blaine, a cynical club owner.",
        (),
        {("Humphrey Bogart", "Rick Blaine", None)},
    ),
    (
        "Lamberto Maggiorani, who plays Antonio Ricci, was a factory worker.",
        (),
        {("Lamberto Maggiorani", "Antonio Ricci", None)},
    ),
    (
        "Chishū Ryū played Shūkichi, the aging father.",
        (),
        {("Chishū Ryū", "Shūkichi", None)},
    ),
    (
        "Giulietta Masina's portrayal of Gelsomina is unforgettable.",
        (),
        {("Giulietta Masina", "Gelsomina", None)},
    ),
    (
        "Nikolai Burlyayev in the role of Ivan gives a ferocious performance.",
        (),
        {("Nikolai Burlyayev", "Ivan", None)},
    ),
    (
        "The film also features Anatoly Solonitsyn as the Writer.",
        (),
        {("Anatoly Solonitsyn", "Writer", None)},
    ),
    (
        "Enzo Staiola appears as Bruno, Antonio's son.",
        (),
        {("Enzo Staiola", "Bruno", None)},
    ),
    (
        "Setsuko Hara was a famous actress. Her performance as Noriko made her a legend.",
        (),
        {("Setsuko Hara", "Noriko", None)},
    ),
    (
        "Ingrid Bergman was a Swedish actress. In the film she plays Ilsa Lund.",
        (),
        {("Ingrid Bergman", "Ilsa Lund", None)},
    ),
    (
        "Toshirô Mifune plays the role of Kikuchiyo with wild energy.",
        (),
        {("Toshirô Mifune", "Kikuchiyo", None)},
    ),
    (
        "With Anna Magnani as Pina, the film feels urgent.",
        (),
        {("Anna Magnani", "Pina", None)},
    ),
    (
        "Giulietta Masina, a stage actress, later played Cabiria in Nights of Cabiria.",
        ("Nights of Cabiria",),
        {("Giulietta Masina", "Cabiria", "Nights of Cabiria")},
    ),
    (
        "In Casablanca, Humphrey Bogart plays Rick Blaine.",
        ("Casablanca",),
        {("Humphrey Bogart", "Rick Blaine", "Casablanca")},
    ),
    (
        "Setsuko Hara was a famous actress. Her portrayal of Noriko earned her a lasting legacy, "
        "leading to huge future roles, such as Setsuko in 1961's The End of Summer.",
        ("The End of Summer",),
        {("Setsuko Hara", "Noriko", None), ("Setsuko Hara", "Setsuko", "The End of Summer")},
    ),
    (
        "The story is told by a woodcutter (Takashi Shimura) and a priest (Minoru Chiaki).",
        (),
        {("Takashi Shimura", "woodcutter", None), ("Minoru Chiaki", "priest", None)},
    ),
    (
        "Rashomon stars Toshirô Mifune as Tajōmaru and Takashi Shimura as the woodcutter.",
        ("Rashomon",),
        {
            ("Toshirô Mifune", "Tajōmaru", "Rashomon"),
            ("Takashi Shimura", "woodcutter", "Rashomon"),
        },
    ),
    (
        "It also features Antonina Maksimova (Alyosha's mother) in a small part.",
        (),
        {("Antonina Maksimova", "Alyosha's mother", None)},
    ),
    (
        "Kikuchiyo and Kambei are played by Toshirô Mifune and Takashi Shimura respectively.",
        (),
        {("Toshirô Mifune", "Kikuchiyo", None), ("Takashi Shimura", "Kambei", None)},
    ),
    (
        "The film stars Chishū Ryū (Shūkichi), Chieko Higashiyama (Tomi) and Setsuko Hara "
        "(Noriko).",
        (),
        {
            ("Chishū Ryū", "Shūkichi", None),
            ("Chieko Higashiyama", "Tomi", None),
            ("Setsuko Hara", "Noriko", None),
        },
    ),
    (
        "Later, Rick Blaine (Humphrey Bogart) refuses to help.",
        (),
        {("Humphrey Bogart", "Rick Blaine", None)},
    ),
    (
        "Orson Welles appears late as Harry Lime.",
        (),
        {("Orson Welles", "Harry Lime", None)},
    ),
    (
        "Oskar Werner and Henri Serre play Jules and Jim.",
        (),
        {("Oskar Werner", "Jules", None), ("Henri Serre", "Jim", None)},
    ),
    (
        "In Ugetsu, Masayuki Mori plays the potter Genjūrō, and Machiko Kyō plays Lady Wakasa.",
        ("Ugetsu",),
        {("Masayuki Mori", "Genjūrō", "Ugetsu"), ("Machiko Kyō", "Lady Wakasa", "Ugetsu")},
    ),
    (
        "Albert Rémy plays his stepfather Julien.",
        (),
        {("Albert Rémy", "Julien", None)},
    ),
    (
        "The film stars Liv Ullmann as Elisabet. Ullmann as Elisabet barely speaks.",
        (),
        {("Liv Ullmann", "Elisabet", None), ("Ullmann", "Elisabet", None)},
    ),
]

NEGATIVES = [
    "The film is known as a classic of neorealism.",
    "Antonio, as a father, feels humiliated.",
    "Directors such as Fellini and Visconti admired it.",
    "Bruno watches as Antonio steals the bicycle.",
    "Kikuchiyo plays the fool for the villagers.",
    "As a child, Ivan lost his family.",
    "Gelsomina is as naive as a child.",
    "Rick sees Ilsa as a threat to his peace.",
    "Rick knows Laszlo as Victor, a resistance leader.",
    "Henry Fonda as well as Gary Cooper played such heroes.",
    "Bergman's portrayal of faith is bleak.",
    "Akira Kurosawa directed the film. Kurosawa's portrayal of Kambei is reverent.",
    "She is portrayed as a very lively young girl.",
    "Her portrayal of Noriko is luminous.",
    "The critic saw Rome as Italy in miniature.",
    "Antonio is played for a fool by the thieves.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "titles", "expected"), CAST)
def test_cast_recognises_cast_phrasing(
    model: Language, text: str, titles: tuple[str, ...], expected: Pairs
) -> None:
    assert pairs(run(model, text, titles)) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", NEGATIVES)
def test_cast_ignores_non_cast_uses_of_as_and_play(model: Language, text: str) -> None:
    assert pairs(run(model, text)) == set()


@pytest.mark.model
def test_cast_skips_a_character_who_plays_something(model: Language) -> None:
    doc = run(model, "Franz plays Chopin for the family.", mentions=(("Franz", "character"),))
    assert pairs(doc) == set()


@pytest.mark.model
def test_cast_reads_character_then_actor_in_parentheses(model: Language) -> None:
    text = "Later Antonio (Lamberto Maggiorani) searches the market."
    doc = run(model, text, mentions=(("Antonio", "character"), ("Lamberto Maggiorani", "person")))
    assert pairs(doc) == {("Lamberto Maggiorani", "Antonio", None)}


@pytest.mark.model
def test_cast_reads_a_known_actors_possessive_character(model: Language) -> None:
    text = "Dooley Wilson plays Sam. Later Dooley Wilson's Sam plays it again."
    assert pairs(run(model, text)) == {("Dooley Wilson", "Sam", None)}


@pytest.mark.model
def test_cast_pronoun_needs_a_known_actor(model: Language) -> None:
    text = "Ilsa arrives in the city. Her portrayal of Rick is strange."
    assert pairs(run(model, text)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cast: Chishū Ryū (Shūkichi Hirayama), Setsuko Hara (Noriko Hirayama)",
            {("Chishū Ryū", "Shūkichi Hirayama", None), ("Setsuko Hara", "Noriko Hirayama", None)},
        ),
        ("Starring: Anna Magnani as Pina", {("Anna Magnani", "Pina", None)}),
        ("Cast: Aldo Fabrizi – Don Pietro", {("Aldo Fabrizi", "Don Pietro", None)}),
    ],
)
def test_cast_reads_cast_list_labels(blank: Language, text: str, expected: Pairs) -> None:
    assert pairs(run(blank, text)) == expected


def test_cast_chains_coordinated_pairs_without_a_model(blank: Language) -> None:
    text = "The film stars Max von Sydow as Antonius Block and Bibi Andersson as Mia."
    expected = {("Max von Sydow", "Antonius Block", None), ("Bibi Andersson", "Mia", None)}
    assert pairs(run(blank, text)) == expected


def test_cast_one_fact_per_pair_and_sentence(blank: Language) -> None:
    text = "Cast: Anna Magnani as Pina"
    assert len(facts_of(run(blank, text), "cast")) == 1


def test_cast_facts_carry_the_versioned_name(blank: Language) -> None:
    (fact,) = facts_of(run(blank, "Starring Anna Magnani as Pina."), "cast")
    assert fact.extractor == "kinolog.cast.v1"


def test_cast_fills_the_span_group_with_actors(blank: Language) -> None:
    doc = run(blank, "Starring Anna Magnani as Pina.")
    assert [s.text for s in doc.spans["kinolog_cast"]] == ["Anna Magnani"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "## Cast\n\n- Tatsuya Nakadai — Sanjuro\n- Yuzo Kayama — Iori Izaka\n\n## See also\n"
            "- Yojimbo (1961)",
            {("Tatsuya Nakadai", "Sanjuro", None), ("Yuzo Kayama", "Iori Izaka", None)},
        ),
        (
            "**Starring**\n1. Anna Magnani (Pina)\n2. Aldo Fabrizi as Don Pietro\n"
            "A fine film - truly.",
            {("Anna Magnani", "Pina", None), ("Aldo Fabrizi", "Don Pietro", None)},
        ),
        ("The cast\nis large and the film - Long - drags.", set()),
    ],
)
def test_cast_reads_a_cast_section_under_a_heading(
    blank: Language, text: str, expected: Pairs
) -> None:
    assert pairs(run(blank, text)) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rossellini cast Aldo Fabrizi, a music-hall comic, as Don Pietro.",
            {("Aldo Fabrizi", "Don Pietro", None)},
        ),
        (
            "Giulietta Masina, a stage actress, plays Cabiria's friend, Wanda, the quiet one.",
            {("Giulietta Masina", "Wanda", None)},
        ),
        ("Anna Magnani plays Pina's sister with great force.", set()),
    ],
)
def test_cast_reads_past_appositives_and_relation_nouns(
    model: Language, text: str, expected: Pairs
) -> None:
    assert pairs(run(model, text)) == expected
