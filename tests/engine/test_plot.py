"""kinolog.plot.v1: which sentences tell the story, on a synopsis and an essay of other films.

Plot selection reads the parse (subjects and objects of event verbs), so most tests use the
trained model; earlier layers (credits, name mentions) are put on the Doc by hand.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import kinolog.engine.components.plot  # noqa: F401  (registers the factory)
from kinolog.engine.extensions import add_facts, facts_of
from kinolog.engine.facts import Fact, Slot

SYNOPSIS = (
    "Umberto Domenico Ferrari, a retired civil servant, lives in a rented room in Rome with "
    "his dog Flike. His landlady threatens to evict him unless he pays his debts by the end "
    "of the month. Umberto sells his watch and his books, but he cannot raise enough money. "
    "He falls ill and checks into a hospital for a few days. When he returns, he finds his "
    "room being torn apart and Flike gone. He searches the city pound and finds the dog just "
    "in time. Umberto decides to end his life and walks towards the railway tracks with "
    "Flike in his arms."
)
ESSAY = (
    "Rashomon was Kurosawa's breakthrough in the West after it won the Golden Lion in Venice. "
    "Kazuo Miyagawa's camera looks straight into the sun through the leaves, a shot that was "
    "considered impossible at the time. In the bandit's version, Tajomaru ties up the samurai "
    "and seduces his wife. In the wife's version, she faints after the rape and wakes to find "
    "her husband dead. The four accounts represent the impossibility of objective truth."
)


@pytest.fixture(scope="module")
def model(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_plot", trained=True)


@pytest.fixture(scope="module")
def synopsis_mode(make_pipeline: Callable[..., Language]) -> Language:
    nlp = make_pipeline(trained=True)
    nlp.add_pipe("kinolog_plot", config={"mode": "synopsis"})
    return nlp


def beats(doc: Doc) -> list[str]:
    return [doc.text[f.span[0] : f.span[1]] for f in facts_of(doc, "plot")]


def characters(fact: Fact) -> list[str]:
    return [slot.text for name, slot in fact.slots.items() if name.startswith("character_")]


@pytest.mark.model
def test_plot_every_synopsis_sentence_is_a_beat(model):
    doc = model(SYNOPSIS)
    assert beats(doc) == [s.text for s in doc.sents]


@pytest.mark.model
def test_plot_essay_keeps_only_the_named_event(model):
    assert beats(model(ESSAY)) == [
        "In the bandit's version, Tajomaru ties up the samurai and seduces his wife."
    ]


@pytest.mark.model
def test_plot_synopsis_mode_accepts_pronoun_events_in_an_essay(synopsis_mode):
    found = beats(synopsis_mode(ESSAY))
    assert any(b.startswith("In the wife's version, she faints") for b in found)
    assert not any(b.startswith("The four accounts") for b in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The film shows how Antonio loses his job and his pride.",
        "De Sica uses Bruno's face to tell us what Antonio cannot say.",
        "Gelsomina's trumpet symbolises the innocence that Zampanò destroys.",
        "Takashi Shimura plays Kambei with great restraint.",
        "Masina was later cast as Cabiria and won the prize at Cannes.",
    ],
)
def test_plot_analysis_sentence_is_not_a_beat(model, text):
    assert beats(model(text)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ilsa leaves Rick at the station in Paris.",
        "Durga dies during the storm.",
        "Antonio is arrested by a policeman.",
        "Kikuchiyo joins the samurai and kills the bandit chief.",
        "Noriko marries Kenkichi in the end.",
    ],
)
def test_plot_named_event_is_a_beat(model, text):
    assert beats(model(text)) == [text]


@pytest.mark.model
def test_plot_trade_words_do_not_veto_a_story_about_actors(model):
    text = (
        "Lola leaves her husband and joins a touring company in Lyon. Her first role is a "
        "disaster, and the director fires her after the premiere. She takes a job in a café "
        "and meets Roland there."
    )
    assert len(beats(model(text))) == 3


@pytest.mark.model
def test_plot_question_is_not_a_beat(model):
    assert beats(model("Why does Rick leave Ilsa at the airport?")) == []


@pytest.mark.model
def test_plot_beats_are_numbered_in_reading_order(model):
    orders = [f.attrs["order"] for f in facts_of(model(SYNOPSIS), "plot")]
    assert orders == list(range(1, 8))


@pytest.mark.model
def test_plot_character_slots_hold_every_name_in_the_sentence(model):
    (fact,) = facts_of(model("Rick meets Ilsa and Laszlo at the airport."), "plot")
    assert characters(fact) == ["Rick", "Ilsa", "Laszlo"]
    assert fact.extractor == "kinolog.plot.v1"


@pytest.mark.model
def test_plot_beat_sentences_fill_the_span_group(model):
    doc = model("It was raining. Rick shoots Strasser at the airport.")
    assert [s.text for s in doc.spans["kinolog_plot"]] == ["Rick shoots Strasser at the airport."]


@pytest.mark.model
def test_plot_credited_person_does_not_make_an_event(model):
    text = "Fellini shoots the beach at dawn."
    with model.select_pipes(disable=["kinolog_plot"]):
        doc = model(text)
    add_facts(
        doc,
        [
            Fact(
                kind="credit",
                slots={"person": Slot(0, 7, "Fellini")},
                span=(0, len(text)),
                extractor="test",
                attrs={"role": "director"},
            )
        ],
    )
    assert model.get_pipe("kinolog_plot").match(doc) == []


@pytest.mark.model
def test_plot_name_from_an_earlier_mention_counts(model):
    text = "Then the Stalker leads them into the Zone."
    with model.select_pipes(disable=["kinolog_plot"]):
        doc = model(text)
    start = text.index("Stalker")
    mention = Slot(start, start + len("Stalker"), "Stalker")
    add_facts(
        doc, [Fact("mention", {"name": mention}, (0, len(text)), "test", {"type": "unknown"})]
    )
    (fact,) = model.get_pipe("kinolog_plot").match(doc)
    assert characters(fact) == ["Stalker"]


@pytest.mark.model
def test_plot_heading_run_into_a_sentence_is_cut_at_the_line_break(model):
    doc = model("Synopsis\n\nRick leaves Ilsa at the airport.")
    assert beats(doc) == ["Rick leaves Ilsa at the airport."]


def test_plot_unknown_mode_is_refused():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="mode"):
        nlp.add_pipe("kinolog_plot", config={"mode": "review"})


def test_plot_without_a_parser_finds_no_beats():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kinolog_plot")
    assert facts_of(nlp("Rick leaves Ilsa at the airport."), "plot") == []
