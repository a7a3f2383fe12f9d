"""kinolog.credits.v1: crew credits and non-credit roles, on sentences about many films.

Earlier layers (film titles, name mentions) are put on the Doc by hand, so these tests do not
depend on the other components; the model-marked tests use the trained parser, tagger and NER.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import kinolog.engine.components.credits  # noqa: F401  (registers the factory)
from kinolog.engine.extensions import add_facts, facts_of
from kinolog.engine.facts import Fact, Slot

Found = set[tuple[str, str, str, str | None]]


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_credits")


@pytest.fixture(scope="module")
def model(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_credits", trained=True)


def run(
    nlp: Language,
    text: str,
    titles: tuple[str, ...] | None = (),
    mentions: tuple[tuple[str, str], ...] = (),
) -> Doc:
    """Parse, put the film-title layer (None: absent) and name mentions on by hand, then run."""
    with nlp.select_pipes(disable=["kinolog_credits"]):
        doc = nlp(text)
    if titles is not None:
        spans = [doc.char_span(text.index(t), text.index(t) + len(t)) for t in titles]
        doc.spans["kinolog_films"] = spans
    for name, kind in mentions:
        start = text.index(name)
        slot = Slot(start, start + len(name), name)
        add_facts(doc, [Fact("mention", {"name": slot}, (0, 0), "test", {"type": kind})])
    return nlp.get_pipe("kinolog_credits")(doc)


def found(doc: Doc, kinds: tuple[str, ...] = ("credit", "role")) -> Found:
    return {
        (f.kind, str(f.attrs["role"]), f.slot_text("person") or "", f.slot_text("film"))
        for f in facts_of(doc)
        if f.kind in kinds
    }


D, W, P, C, E, R, S = (
    "director",
    "screenwriter",
    "director_of_photography",
    "composer",
    "editor",
    "producer",
    "production_company",
)

CREDITS = [
    (
        "The director is Akira Kurosawa and the film stars Toshirô Mifune as Kikuchiyo.",
        (),
        {("credit", D, "Akira Kurosawa", None)},
    ),
    (
        "Bicycle Thieves was directed by Vittorio De Sica and written by Cesare Zavattini.",
        ("Bicycle Thieves",),
        {
            ("credit", D, "Vittorio De Sica", "Bicycle Thieves"),
            ("credit", W, "Cesare Zavattini", "Bicycle Thieves"),
        },
    ),
    (
        "The film was shot by Asakazu Nakai, whose camera follows the rain.",
        (),
        {("credit", P, "Asakazu Nakai", None)},
    ),
    (
        "Seven Samurai was photographed by Asakazu Nakai.",
        ("Seven Samurai",),
        {("credit", P, "Asakazu Nakai", "Seven Samurai")},
    ),
    (
        "Cinematography by Vadim Yusov gives the images a dreamlike clarity.",
        (),
        {("credit", P, "Vadim Yusov", None)},
    ),
    (
        "The cinematographer was the legendary Sven Nykvist.",
        (),
        {("credit", P, "Sven Nykvist", None)},
    ),
    (
        "The film's cinematographer was Kazuo Miyagawa.",
        (),
        {("credit", P, "Kazuo Miyagawa", None)},
    ),
    (
        "Vadim Yusov shot the film in black and white.",
        (),
        {("credit", P, "Vadim Yusov", None)},
    ),
    (
        "The score was composed by Nino Rota, whose melodies recur throughout.",
        (),
        {("credit", C, "Nino Rota", None)},
    ),
    (
        "Music by Fumio Hayasaka underlines every battle.",
        (),
        {("credit", C, "Fumio Hayasaka", None)},
    ),
    (
        "Fumio Hayasaka's score mixes folk themes with brass.",
        (),
        {("credit", C, "Fumio Hayasaka", None)},
    ),
    (
        "Ravi Shankar composed the music for Pather Panchali.",
        ("Pather Panchali",),
        {("credit", C, "Ravi Shankar", "Pather Panchali")},
    ),
    (
        "Ennio Morricone scored the film.",
        (),
        {("credit", C, "Ennio Morricone", None)},
    ),
    (
        "Casablanca was written by Howard Koch, based on an unproduced play.",
        ("Casablanca",),
        {("credit", W, "Howard Koch", "Casablanca")},
    ),
    (
        "Screenplay by Suso Cecchi d'Amico.",
        (),
        {("credit", W, "Suso Cecchi d'Amico", None)},
    ),
    (
        "Andrei Tarkovsky wrote the screenplay with a friend.",
        (),
        {("credit", W, "Andrei Tarkovsky", None)},
    ),
    (
        "Yasujirō Ozu co-wrote the script with his longtime collaborator.",
        (),
        {("credit", W, "Yasujirō Ozu", None)},
    ),
    (
        "With a screenplay by Tonino Guerra, the film drifts.",
        (),
        {("credit", W, "Tonino Guerra", None)},
    ),
    (
        "The film was edited by Ralph Kemplen.",
        (),
        {("credit", E, "Ralph Kemplen", None)},
    ),
    (
        "Editing by Lyudmila Feiginova is patient and unhurried.",
        (),
        {("credit", E, "Lyudmila Feiginova", None)},
    ),
    (
        "It was produced by Sojiro Motoki.",
        (),
        {("credit", R, "Sojiro Motoki", None)},
    ),
    (
        "Casablanca was produced by Hal B. Wallis at the height of the war.",
        ("Casablanca",),
        {("credit", R, "Hal B. Wallis", "Casablanca")},
    ),
    (
        "Hamlet is a Lenfilm production.",
        ("Hamlet",),
        {("credit", S, "Lenfilm", "Hamlet")},
    ),
    (
        "Tokyo Story was produced at the Shochiku studios in Ofuna.",
        ("Tokyo Story",),
        {("credit", S, "Shochiku", "Tokyo Story")},
    ),
    (
        "The production company was Toho.",
        (),
        {("credit", S, "Toho", None)},
    ),
    (
        "Kurosawa's Rashomon won the Golden Lion.",
        ("Rashomon",),
        {("credit", D, "Kurosawa", "Rashomon")},
    ),
    (
        "Federico Fellini's film La Strada follows a travelling strongman.",
        ("La Strada",),
        {("credit", D, "Federico Fellini", "La Strada")},
    ),
    (
        "Ivan's Childhood, directed by Andrei Tarkovsky, was his first feature.",
        ("Ivan's Childhood",),
        {("credit", D, "Andrei Tarkovsky", "Ivan's Childhood")},
    ),
    (
        "Satyajit Ray directed Pather Panchali on a tiny budget.",
        ("Pather Panchali",),
        {("credit", D, "Satyajit Ray", "Pather Panchali")},
    ),
    (
        "Michael Curtiz directed the film in 1942.",
        (),
        {("credit", D, "Michael Curtiz", None)},
    ),
    (
        "Gianni Di Venanzo, who also worked as cinematographer on La Notte, lights every room.",
        ("La Notte",),
        {("credit", P, "Gianni Di Venanzo", "La Notte")},
    ),
    (
        "The cinematographer was Georgy Rerberg, who also worked as cinematographer on an "
        "earlier Andrei Tarkovsky film, 1975's Mirror.",
        ("Mirror",),
        {
            ("credit", P, "Georgy Rerberg", None),
            ("credit", P, "Georgy Rerberg", "Mirror"),
            ("credit", D, "Andrei Tarkovsky", "Mirror"),
        },
    ),
    (
        "An earlier Ozu film, 1949's Late Spring, had much the same cast.",
        ("Late Spring",),
        {("credit", D, "Ozu", "Late Spring")},
    ),
    (
        "Casablanca (Curtiz, 1942) remains a touchstone.",
        ("Casablanca",),
        {("credit", D, "Curtiz", "Casablanca")},
    ),
    (
        "Tarkovsky's direction is patient and severe.",
        (),
        {("credit", D, "Tarkovsky", None)},
    ),
    (
        "The film's director, Satyajit Ray, had never made a film before.",
        (),
        {("credit", D, "Satyajit Ray", None)},
    ),
    (
        "Roberto Rossellini is the director of Rome, Open City.",
        ("Rome, Open City",),
        {("credit", D, "Roberto Rossellini", "Rome, Open City")},
    ),
    (
        "Kurosawa made Rashomon in 1950 and went on to direct Ikiru.",
        ("Rashomon", "Ikiru"),
        {("credit", D, "Kurosawa", "Rashomon"), ("credit", D, "Kurosawa", "Ikiru")},
    ),
    (
        "Pather Panchali's music director was Ravi Shankar.",
        ("Pather Panchali",),
        {("credit", C, "Ravi Shankar", "Pather Panchali")},
    ),
    (
        "Vadim Yusov, who photographed the film, had worked with the director before.",
        (),
        {("credit", P, "Vadim Yusov", None)},
    ),
    (
        "Ikiru was produced by Sōjirō Motoki for Toho.",
        ("Ikiru",),
        {("credit", R, "Sōjirō Motoki", "Ikiru"), ("credit", S, "Toho", "Ikiru")},
    ),
    (
        "Umberto D. is a Vittorio De Sica film.",
        ("Umberto D.",),
        {("credit", D, "Vittorio De Sica", "Umberto D.")},
    ),
    (
        "Anton Karas's zither score became a hit record.",
        (),
        {("credit", C, "Anton Karas", None)},
    ),
    (
        "The music is by Mikhail Ziv.",
        (),
        {("credit", C, "Mikhail Ziv", None)},
    ),
    (
        "The Seventh Seal was written and directed by Ingmar Bergman.",
        ("The Seventh Seal",),
        {
            ("credit", D, "Ingmar Bergman", "The Seventh Seal"),
            ("credit", W, "Ingmar Bergman", "The Seventh Seal"),
        },
    ),
]

ROLES = [
    (
        "Lenin's successor Joseph Stalin tightened control over the studios.",
        {("role", "politician", "Joseph Stalin", None)},
    ),
    (
        "The critic André Bazin praised its long takes.",
        {("role", "critic", "André Bazin", None)},
    ),
    (
        "Film critic Roger Ebert called it a masterpiece.",
        {("role", "critic", "Roger Ebert", None)},
    ),
    (
        "American actors such as Gary Cooper and James Stewart played similar heroes.",
        {("role", "actor", "Gary Cooper", None), ("role", "actor", "James Stewart", None)},
    ),
    (
        "The novelist Ivan Turgenev had written about the same landscape.",
        {("role", "writer", "Ivan Turgenev", None)},
    ),
    (
        "Pauline Kael, the critic, disliked it.",
        {("role", "critic", "Pauline Kael", None)},
    ),
    (
        "Setsuko Hara was a famous actress at the time.",
        {("role", "actor", "Setsuko Hara", None)},
    ),
    (
        "Playwright Arthur Miller visited the set.",
        {("role", "writer", "Arthur Miller", None)},
    ),
    (
        "French director Jean Renoir admired the film.",
        {("role", "director", "Jean Renoir", None)},
    ),
    (
        "One of Bergman's most celebrated works, it won a prize.",
        {("role", "director", "Bergman", None)},
    ),
    (
        "The film was adapted from a novel by Vasily Grossman.",
        {("role", "writer", "Vasily Grossman", None)},
    ),
]

NEGATIVES = [
    "The attack was directed by Kambei from the hilltop.",
    "Kikuchiyo was shot by a bandit's musket.",
    "Rick was shot by Major Strasser at the airport.",
    "She reads a letter written by Ilsa.",
    "The soldiers were photographed by Western journalists.",
    "He plays music by Chopin every evening.",
    "Critics praised the film.",
    "Antonio's son Bruno follows him everywhere.",
    "Rome's film industry recovered slowly after the war.",
    "Gelsomina's character is drawn with great care.",
    "The documents were produced by the ministry.",
    "He composed himself and left.",
    "Franz shot the German soldier.",
    "Antonio directed his anger at the thief.",
    "The film, shot in Rome, follows a father and son.",
    "As a director, he was meticulous.",
    "The Soviet film was directed by a committee.",
    "Her cousin Franz, a pianist, plays for the family.",
    "The assistant director, Ishirō Honda, later made a monster film.",
    "The art director was So Matsuyama.",
    "Under Kambei's direction, the villagers build a fence.",
    "Viola shot Berkeley in the hotel.",
    "Buster's picture is on every wanted poster.",
    "Director Frank Claymore (Richard Dix) falls for her.",
    "It came out weeks after Valentino's comeback feature.",
    "Bibi Andersson plays Elisabet Vogler, an actress who has stopped speaking.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "titles", "expected"), CREDITS)
def test_credits_recognises_credit_phrasing(
    model: Language, text: str, titles: tuple[str, ...], expected: Found
) -> None:
    assert found(run(model, text, titles), ("credit",)) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_credits_records_non_credit_roles(model: Language, text: str, expected: Found) -> None:
    assert found(run(model, text)) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", NEGATIVES)
def test_credits_ignores_non_credit_sentences(model: Language, text: str) -> None:
    assert found(run(model, text), ("credit",)) == set()


@pytest.mark.model
def test_credits_never_credits_a_character_mention(model: Language) -> None:
    doc = run(model, "The defence was directed by Kambei.", mentions=(("Kambei", "character"),))
    assert found(doc) == set()


@pytest.mark.model
def test_credits_reads_a_director_from_an_x_film_compound(model: Language) -> None:
    text = "He also shot an earlier Tarkovsky film, 1975's Mirror."
    doc = run(model, text, ("Mirror",), mentions=(("Tarkovsky", "person"),))
    assert ("credit", D, "Tarkovsky", "Mirror") in found(doc)


@pytest.mark.model
def test_credits_reads_a_title_the_film_layer_missed(model: Language) -> None:
    doc = run(model, "Federico Fellini directed La Dolce Vita in 1960.", titles=None)
    assert found(doc) == {("credit", D, "Federico Fellini", "La Dolce Vita")}


@pytest.mark.model
def test_credits_widens_a_name_to_the_mention(model: Language) -> None:
    text = "The score was composed by Vladimir Cosma Junior."
    doc = run(model, text, mentions=(("Vladimir Cosma Junior", "person"),))
    assert found(doc) == {("credit", C, "Vladimir Cosma Junior", None)}


@pytest.mark.model
def test_credits_reads_titles_without_the_film_layer(model: Language) -> None:
    text = "She had appeared in one film: 1957's The Lost Road directed by Ivan Petrov."
    doc = run(model, text, titles=None)
    assert found(doc) == {("credit", D, "Ivan Petrov", "The Lost Road")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Director(s): Yasujirō Ozu", {("credit", D, "Yasujirō Ozu", None)}),
        (
            "Writer(s): Suso Cecchi d'Amico, Ennio Flaiano",
            {("credit", W, "Suso Cecchi d'Amico", None), ("credit", W, "Ennio Flaiano", None)},
        ),
        ("Production Co.(s): Toho", {("credit", S, "Toho", None)}),
        ("Music: Nino Rota", {("credit", C, "Nino Rota", None)}),
        ("Cinematography: Sven Nykvist", {("credit", P, "Sven Nykvist", None)}),
        ("| Director | Akira Kurosawa |", {("credit", D, "Akira Kurosawa", None)}),
        ("**Music:** Fumio Hayasaka", {("credit", C, "Fumio Hayasaka", None)}),
        ("Studio: Shochiku", {("credit", S, "Shochiku", None)}),
    ],
)
def test_credits_reads_story_card_labels(blank: Language, text: str, expected: Found) -> None:
    assert found(run(blank, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The film was directed by Jean-Luc Godard.", "Jean-Luc Godard"),
        ("The film was directed by Josef von Sternberg in 1930.", "Josef von Sternberg"),
        ("The film was directed by Melvin Van Peebles.", "Melvin Van Peebles"),
        ("The music was composed by the Soviet composer Isaak Dunayevsky.", "Isaak Dunayevsky"),
        ("The film was produced by Sammy Davis Jr. himself.", "Sammy Davis Jr."),
    ],
)
def test_credits_takes_the_whole_name_without_titles(
    blank: Language, text: str, expected: str
) -> None:
    assert {person for _, _, person, _ in found(run(blank, text))} == {expected}


def test_credits_coordinated_names_each_get_a_credit(blank: Language) -> None:
    doc = run(blank, "The film was written by Age, Scarpelli and Mario Monicelli.")
    assert {p for _, _, p, _ in found(doc)} == {"Age", "Scarpelli", "Mario Monicelli"}


def test_credits_evidence_is_the_sentence(blank: Language) -> None:
    text = "A quiet film. It was edited by Ralph Kemplen. Nothing else."
    (fact,) = facts_of(run(blank, text), "credit")
    assert text[fact.span[0] : fact.span[1]] == "It was edited by Ralph Kemplen."


def test_credits_facts_carry_the_versioned_name(blank: Language) -> None:
    (fact,) = facts_of(run(blank, "The film was edited by Ralph Kemplen."), "credit")
    assert fact.extractor == "kinolog.credits.v1"


def test_credits_fills_the_span_group(blank: Language) -> None:
    doc = run(blank, "The film was edited by Ralph Kemplen.")
    assert [s.text for s in doc.spans["kinolog_credits"]] == ["Ralph Kemplen"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "PATHER PANCHALI (1955)\nDirected by Satyajit Ray. Photographed by Subrata Mitra. "
            "Music: Ravi Shankar.",
            {
                ("credit", D, "Satyajit Ray", None),
                ("credit", P, "Subrata Mitra", None),
                ("credit", C, "Ravi Shankar", None),
            },
        ),
        (
            "LA STRADA\nDirected by Federico Fellini. Score: Nino Rota; editing: Leo Catozzo.",
            {
                ("credit", D, "Federico Fellini", None),
                ("credit", C, "Nino Rota", None),
                ("credit", E, "Leo Catozzo", None),
            },
        ),
    ],
)
def test_credits_reads_a_credit_paragraph_under_a_header(
    model: Language, text: str, expected: Found
) -> None:
    assert found(run(model, text), ("credit",)) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "It won the Academy Award for Best Picture in 1943.",
        "The sequel was weaker. Music: a mess of cues.",
    ],
)
def test_credits_award_categories_and_lower_case_values_are_no_credit(
    model: Language, text: str
) -> None:
    assert found(run(model, text), ("credit",)) == set()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tarkovsky wrote the script with Arkady Strugatsky and Boris Strugatsky.",
            {
                ("credit", W, "Tarkovsky", None),
                ("credit", W, "Arkady Strugatsky", None),
                ("credit", W, "Boris Strugatsky", None),
            },
        ),
        (
            "Kurosawa and Shinobu Hashimoto wrote the script from two stories.",
            {("credit", W, "Kurosawa", None), ("credit", W, "Shinobu Hashimoto", None)},
        ),
        ("Tarkovsky wrote the script with his wife.", {("credit", W, "Tarkovsky", None)}),
    ],
)
def test_credits_co_writers_each_get_a_credit(model: Language, text: str, expected: Found) -> None:
    assert found(run(model, text), ("credit",)) == expected
