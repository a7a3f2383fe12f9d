"""Awards: names as written, canonical events, years, nominations and who won."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from kinolog.engine.components.awards import SPEC, Awards
from kinolog.engine.extensions import facts_of
from kinolog.engine.facts import Fact
from kinolog.engine.registry import spec_by_factory


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_film_titles", "kinolog_awards")


@pytest.fixture(scope="module")
def trained(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_film_titles", "kinolog_awards", trained=True)


def awards(nlp: Language, text: str) -> list[Fact]:
    return facts_of(nlp(text), "award")


POSITIVE = [
    # (sentence, name, event, year, nominated)
    (
        "The film won top prize at the 1958 Cannes Film Festival.",
        "top prize",
        "Cannes Film Festival",
        1958,
        False,
    ),
    (
        "Rashomon (1950) won the Golden Lion at Venice.",
        "Golden Lion",
        "Venice Film Festival",
        None,
        False,
    ),
    (
        "It won the Academy Award for Best Foreign Language Film.",
        "Academy Award for Best Foreign Language Film",
        "Academy Awards",
        None,
        False,
    ),
    (
        "The film earned an Oscar nomination for Best Screenplay.",
        "Oscar",
        "Academy Awards",
        None,
        True,
    ),
    ("The film took the Palme d'Or in 1960.", "Palme d'Or", "Cannes Film Festival", 1960, False),
    (
        "It shared the Palme d’Or with another picture.",
        "Palme d’Or",
        "Cannes Film Festival",
        None,
        False,
    ),
    (
        "Ray took the Silver Bear for Best Director at the Berlin International Film Festival.",
        "Silver Bear for Best Director",
        "Berlin International Film Festival",
        None,
        False,
    ),
    ("The drama received a BAFTA in 1950.", "BAFTA", "British Academy Film Awards", 1950, False),
    (
        "Wild Strawberries was awarded the Golden Bear at the Berlinale.",
        "Golden Bear",
        "Berlin International Film Festival",
        None,
        False,
    ),
    (
        "The film was nominated for two Academy Awards.",
        "Academy Awards",
        "Academy Awards",
        None,
        True,
    ),
    (
        "The picture received the Crystal Globe at Karlovy Vary in 1962.",
        "Crystal Globe",
        "Karlovy Vary International Film Festival",
        1962,
        False,
    ),
    (
        "The film won a Golden Globe for Best Foreign Film.",
        "Golden Globe for Best Foreign Film",
        "Golden Globe Awards",
        None,
        False,
    ),
    (
        "It received the Grand Prix at the Mar del Plata Film Festival.",
        "Grand Prix",
        "Mar del Plata International Film Festival",
        None,
        False,
    ),
    (
        "The film won a special prize at the Tashkent Film Festival.",
        "special prize",
        "Tashkent Film Festival",
        None,
        False,
    ),
    (
        "The film won Best Director at Cannes in 1959.",
        "Best Director",
        "Cannes Film Festival",
        1959,
        False,
    ),
    (
        "The Palme d'Or winner of 1961 was Viridiana.",
        "Palme d'Or",
        "Cannes Film Festival",
        None,
        False,
    ),
    (
        "It was shortlisted for the Golden Leopard at Locarno.",
        "Golden Leopard",
        "Locarno Film Festival",
        None,
        True,
    ),
]


@pytest.mark.parametrize(("text", "name", "event", "year", "nominated"), POSITIVE)
def test_awards_reads_award_claim(blank, text, name, event, year, nominated):
    (fact,) = awards(blank, text)
    attrs = fact.attrs
    assert (attrs["name"], attrs["event"], attrs["year"], attrs["nominated"]) == (
        name,
        event,
        year,
        nominated,
    )


NEGATIVE = [
    "The film premiered at Cannes in 1959.",
    "The Oscar-winning actor Henry Fonda was never better.",
    "The film never won an Oscar.",
    "It did not win the Golden Lion.",
    "The award ceremony was held in Moscow.",
    "He was awarded custody of the children.",
    "She won the hearts of audiences everywhere.",
    "They took the prize money and left.",
    "The film competed for the Palme d'Or.",
    "Oscar is a minor character in the film.",
    "The film won praise at Venice.",
    "He won a prize.",
    "Goya painted the war.",
    "The award-winning director returned to Moscow.",
    "Oscar was nominated for mayor by his party.",
    "Oscar Wilde won the argument, as always.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_awards_ignores_mentions_without_claim(blank, text):
    assert awards(blank, text) == []


def test_awards_event_slot_quotes_the_text(blank):
    text = "Rashomon (1950) won the Golden Lion at Venice."
    (fact,) = awards(blank, text)
    event = fact.slots["event"]
    assert (event.text, text[event.start : event.end]) == ("Venice", "Venice")


def test_awards_event_is_inferred_without_slot(blank):
    (fact,) = awards(blank, "It took the Palme d'Or.")
    assert fact.attrs["event"] == "Cannes Film Festival"
    assert "event" not in fact.slots


def test_awards_keeps_event_of_each_award(blank):
    facts = awards(blank, "The film won the Golden Bear and the Palme d'Or at Cannes.")
    assert [(f.attrs["name"], f.attrs["event"]) for f in facts] == [
        ("Golden Bear", "Berlin International Film Festival"),
        ("Palme d'Or", "Cannes Film Festival"),
    ]


def test_awards_category_of_nomination(blank):
    (fact,) = awards(blank, "The film earned an Oscar nomination for Best Screenplay.")
    assert fact.attrs["category"] == "Best Screenplay"


@pytest.mark.parametrize(
    ("text", "film"),
    [
        ("Rashomon (1950) won the Golden Lion at Venice.", "Rashomon"),
        ("Kurosawa won the Golden Lion for Rashomon (1950).", "Rashomon"),
        ("She adored the Oscar-winning Rashomon (1950).", "Rashomon"),
        ("The Golden Lion was awarded to Rashomon (1950).", "Rashomon"),
    ],
)
def test_awards_film_slot_names_the_winning_title(blank, text, film):
    (fact,) = awards(blank, text)
    assert fact.slot_text("film") == film
    assert fact.attrs["recipient"] == "film"


@pytest.mark.parametrize(
    "text", ["The film also won the Golden Lion.", "It won the Golden Lion at Venice."]
)
def test_awards_subject_film_has_no_film_slot(blank, text):
    (fact,) = awards(blank, text)
    assert "film" not in fact.slots
    assert fact.attrs["recipient"] == "film"


def test_awards_reads_film_spans_put_by_hand():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    component = nlp.add_pipe("kinolog_awards")
    doc = nlp.get_pipe("sentencizer")(
        nlp.make_doc("Late Spring won a prize at the Venice Film Festival.")
    )
    doc.spans["kinolog_films"] = [doc[0:2]]
    (fact,) = component.match(doc)
    assert fact.slot_text("film") == "Late Spring"
    assert fact.slot_text("award") == "prize"


def test_awards_fills_span_group_and_stamps_extractor(blank):
    doc = blank("The film won the Golden Lion. It also took a BAFTA.")
    assert [s.text for s in doc.spans["kinolog_awards"]] == ["Golden Lion", "BAFTA"]
    assert {f.extractor for f in facts_of(doc, "award")} == {"kinolog.awards.v1"}


def test_awards_person_winner_is_a_recipient(blank):
    (fact,) = awards(blank, "She won Best Actress at Cannes for the role.")
    assert fact.slot_text("recipient") == "She"
    assert fact.attrs["recipient"] == "person"
    assert fact.confidence < 0.9


def test_awards_spec_is_registered(blank):
    assert spec_by_factory("kinolog_awards") is SPEC
    assert (SPEC.name, SPEC.order) == ("kinolog.awards.v1", 50)
    assert isinstance(blank.get_pipe("kinolog_awards"), Awards)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "film", "recipient"),
    [
        ("Akira Kurosawa won the Golden Lion at Venice.", None, "person"),
        ("Tarkovsky's Ivan's Childhood (1962) won the Golden Lion.", "Ivan's Childhood", "film"),
        ("The film, which opened in Moscow, won the Crystal Globe.", None, "film"),
        ("After its premiere, the film won the Palme d'Or.", None, "film"),
    ],
)
def test_awards_subject_from_parse(trained, text, film, recipient):
    (fact,) = awards(trained, text)
    assert (fact.slot_text("film"), fact.attrs["recipient"]) == (film, recipient)


@pytest.mark.model
def test_awards_essay_sentence(trained):
    text = (
        "Beyond public acclaim and governmental acceptance, the film also won top prize at the "
        "1958 Cannes Film Festival."
    )
    (fact,) = awards(trained, text)
    assert fact.slot_text("award") == "top prize"
    assert fact.slot_text("event") == "Cannes Film Festival"
    assert (fact.attrs["year"], fact.attrs["recipient"]) == (1958, "film")
