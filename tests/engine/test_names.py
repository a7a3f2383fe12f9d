"""kinolog.names.v1: name mentions repaired from the NER, typed person, character or unknown.

Model-free tests build Docs by hand (words, tags, entities) to pin each repair; the tests
marked `model` run the trained pipeline on sentences about many films.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import kinolog.engine.components.names  # noqa: F401  (registers the factory)
from kinolog.engine.extensions import add_facts, facts_of, span_group
from kinolog.engine.facts import Fact, Slot


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_names", sentencizer=False)


@pytest.fixture(scope="module")
def model(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_names", trained=True)


def hand_doc(nlp: Language, spec: str) -> Doc:
    """Tokens written `word/TAG/ENT` ("Rick/NNP/B-PERSON"); the whole text is one sentence."""
    words, tags, ents = [], [], []
    for item in spec.split():
        word, tag, ent = [*item.split("/"), "O"][:3]
        words.append(word)
        tags.append(tag)
        ents.append(ent)
    return Doc(
        nlp.vocab,
        words=words,
        tags=tags,
        ents=ents,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def names(doc: Doc) -> list[str]:
    return [f.slot_text("name") or "" for f in facts_of(doc, "mention")]


def types(doc: Doc) -> dict[str, str]:
    return {f.slot_text("name") or "": str(f.attrs["type"]) for f in facts_of(doc, "mention")}


def run_blank(nlp: Language, spec: str) -> Doc:
    return nlp.get_pipe("kinolog_names")(hand_doc(nlp, spec))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("Tarkovsky/NNP/B-PERSON ’s/POS/I-PERSON films/NNS are/VBP slow/JJ", ["Tarkovsky"]),
        ("Jules/NNP/B-PERSON '/POS/I-PERSON bicycle/NN is/VBZ gone/VBN", ["Jules"]),
        (
            "We/PRP see/VBP the/DT famous/JJ/B-PERSON Akira/NNP/I-PERSON Ozu/NNP/I-PERSON",
            ["Akira Ozu"],
        ),
        ("We/PRP meet/VBP Mr./NNP/B-PERSON Lazlo/NNP/I-PERSON again/RB", ["Lazlo"]),
    ],
)
def test_names_strips_possessives_and_titles(
    blank: Language, spec: str, expected: list[str]
) -> None:
    assert names(run_blank(blank, spec)) == expected


def test_names_splits_entity_at_a_verb(blank: Language) -> None:
    doc = run_blank(blank, "Antonio/NNP/B-PERSON marries/VBZ/I-PERSON Maria/NNP/I-PERSON ./.")
    assert names(doc) == ["Antonio", "Maria"]


def test_names_merges_a_name_split_into_two_entities(blank: Language) -> None:
    doc = run_blank(blank, "Later/RB Anatoly/NNP/B-PERSON Solonitsyn/NNP/B-ORG plays/VBZ")
    assert names(doc) == ["Anatoly Solonitsyn"]


def test_names_extends_to_a_patronymic(blank: Language) -> None:
    doc = run_blank(blank, "Then/RB Ilya/NNP/B-PERSON Ilyich/NNP sleeps/VBZ ./.")
    assert names(doc) == ["Ilya Ilyich"]


@pytest.mark.parametrize(
    "spec",
    [
        "But/CC Fate/NNP/B-PERSON is/VBZ cruel/JJ",
        "Production/NN by/IN Lenfilm/NNP/B-PERSON ./.",
        "Made/VBN at/IN Toho/NNP/B-PERSON Studios/NNP/I-PERSON ./.",
        "Log/NNP/B-PERSON Line/NNP/I-PERSON",
        "Thus/RB/B-PERSON the/DT film/NN ends/VBZ",
    ],
)
def test_names_drops_words_the_ner_mistakes_for_people(blank: Language, spec: str) -> None:
    assert names(run_blank(blank, spec)) == []


def test_names_drops_names_inside_film_titles(blank: Language) -> None:
    doc = hand_doc(blank, "In/IN Ivan/NNP/B-PERSON 's/POS Childhood/NNP the/DT boy/NN fights/VBZ")
    doc.spans["kinolog_films"] = [doc[1:4]]
    assert names(blank.get_pipe("kinolog_names")(doc)) == []


@pytest.mark.parametrize(
    "spec",
    [
        "Then/RB Ilsa/NNP/B-PERSON leaves/VBZ and/CC later/RB Ilsa/NNP/B-ORG returns/VBZ",
        "Then/RB Ilsa/NNP/B-PERSON leaves/VBZ and/CC later/RB Ilsa/NNP returns/VBZ",
    ],
)
def test_names_consistency_pass_adds_repeats(blank: Language, spec: str) -> None:
    assert names(run_blank(blank, spec)) == ["Ilsa", "Ilsa"]


def test_names_does_not_take_places_by_consistency(blank: Language) -> None:
    doc = run_blank(blank, "Then/RB Rick/NNP/B-PERSON leaves/VBZ Paris/NNP/B-GPE ./.")
    assert names(doc) == ["Rick"]


def test_names_cast_facts_decide_the_type(blank: Language) -> None:
    doc = hand_doc(
        blank, "Then/RB Humphrey/NNP/B-PERSON Bogart/NNP/I-PERSON is/VBZ Rick/NNP/B-PERSON"
    )
    cast = Fact(
        "cast",
        {"actor": Slot(5, 20, "Humphrey Bogart"), "character": Slot(24, 28, "Rick")},
        (0, 28),
        "test",
    )
    add_facts(doc, [cast])
    doc = blank.get_pipe("kinolog_names")(doc)
    assert types(doc) == {"Humphrey Bogart": "person", "Rick": "character"}


def test_names_writes_the_span_group(blank: Language) -> None:
    doc = run_blank(blank, "Then/RB Ilsa/NNP/B-PERSON leaves/VBZ")
    assert [s.text for s in doc.spans["kinolog_names"]] == ["Ilsa"]


def test_names_blank_text_finds_nothing(blank: Language) -> None:
    assert names(blank("Rick leaves Paris with Ilsa.")) == []


TYPED = [
    ("The film stars Toshiro Mifune as Kikuchiyo.", "Toshiro Mifune=person; Kikuchiyo=character"),
    ("Directed by Vittorio De Sica, the film follows a poor man.", "Vittorio De Sica=person"),
    ("The cinematographer was the famous Vadim Yusov.", "Vadim Yusov=person"),
    ("Tarkovsky’s films are slow and patient.", "Tarkovsky=person"),
    ("Composer Eduard Artemyev wrote the score.", "Eduard Artemyev=person"),
    ("Shino's father, Manzo, cuts her hair.", "Shino=character; Manzo=character"),
    ("Rikichi is the son of Gonbei.", "Rikichi=character; Gonbei=character"),
    (
        "In the film, the protagonist Gelsomina follows Zampano.",
        "Gelsomina=character; Zampano=unknown",
    ),
    (
        "Kikuchiyo (played by Toshiro Mifune) steals a horse.",
        "Kikuchiyo=character; Toshiro Mifune=person",
    ),
    ("Akira Kurosawa directed the film in 1950.", "Akira Kurosawa=person"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), TYPED)
def test_names_types_mentions_in_context(model: Language, text: str, expected: str) -> None:
    pairs = (item.split("=", 1) for item in expected.split("; "))
    assert types(model(text)) == {pair[0]: pair[1] for pair in pairs}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "But Fate does not smile on the lovers.",
        "Compare this with the war films of the time.",
        "Production Co.(s): Lenfilm",
    ],
)
def test_names_model_drops_non_names(model: Language, text: str) -> None:
    assert names(model(text)) == []


@pytest.mark.model
def test_names_model_surname_takes_the_type_of_its_full_name(model: Language) -> None:
    doc = model("The director is Andrei Tarkovsky. Later, Tarkovsky moved to Italy.")
    assert types(doc) == {"Andrei Tarkovsky": "person", "Tarkovsky": "person"}


@pytest.mark.model
def test_names_model_real_person_kin_stays_a_person(model: Language) -> None:
    doc = model("Kurosawa directed Ran in 1985. Kurosawa's son Hisao produced his late films.")
    assert types(doc)["Kurosawa"] == "person"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Mitsuo works at a factory in Osaka. Every evening Mitsuo visits Sachiko, who "
            "waits at the station.",
            "Sachiko",
        ),
        ("Kanji Watanabe and his wife, Tatsu, live in Osaka. In spring they go to Kyoto.", "Tatsu"),
    ],
)
def test_names_narrative_paragraph_defaults_to_character(
    model: Language, text: str, name: str
) -> None:
    assert types(model(text))[name] == "character"


@pytest.mark.model
def test_names_bracketed_cast_name_takes_no_credit_vote(model: Language) -> None:
    doc = model("Starring: Hideko Takamine (Keiko), Masayuki Mori (Kengo)")
    assert "person" not in {types(doc).get("Keiko"), types(doc).get("Kengo")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Anthony Quinn gives a raw performance. Giulietta Masina is superb and the "
            "film moves slowly toward its ending.",
            "Anthony Quinn",
        ),
        (
            "Ingrid Bergman is luminous in every scene. Humphrey Bogart stars as a bitter "
            "exile and the story keeps its secrets.",
            "Humphrey Bogart",
        ),
    ],
)
def test_names_review_paragraph_actor_is_not_a_character(
    model: Language, text: str, name: str
) -> None:
    assert types(model(text)).get(name) != "character"


@pytest.mark.model
def test_names_narrative_default_needs_a_plot_role(model: Language) -> None:
    doc = model("The family lives near Kyoto. Every evening Noriko waits at the station.")
    assert types(doc).get("Kyoto") != "character"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Later their two boys, Minato and Ichiro, sleep in the hall.", "Ichiro"),
        ("He goes drinking with two old friends from Osaka, Tanaka and Hayashi.", "Hayashi"),
    ],
)
def test_names_named_group_after_a_people_noun_is_a_character(
    model: Language, text: str, name: str
) -> None:
    assert types(model(text)).get(name) == "character"


@pytest.mark.model
def test_names_possessive_before_a_film_title_is_a_person(model: Language) -> None:
    names = model.get_pipe("kinolog_names")
    with model.select_pipes(disable=["kinolog_names"]):
        doc = model("Satyajit Ray's Pather Panchali opens in a village. Ray's wife sings.")
    doc.spans[span_group("films")] = [doc[3:5]]
    doc = names(doc)
    assert types(doc)["Satyajit Ray"] == "person"
