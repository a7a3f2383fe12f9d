"""kinolog.themes.v1: one fact per theme cue, and `theme_scores` over those facts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

import kinolog.engine.components.themes  # noqa: F401  (registers the factory)
from kinolog.engine.components.themes import theme_scores
from kinolog.engine.extensions import facts_of
from kinolog.engine.facts import Fact, Slot
from kinolog.engine.lexicons import load_json

THEMES = load_json("themes.json")["themes"]


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_themes")


@pytest.fixture(scope="module")
def model(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_themes", trained=True)


def themes_in(nlp: Language, text: str) -> list[str]:
    return [f.attrs["name"] for f in facts_of(nlp(text), "theme")]


def cue(name: str, paragraph: int = 0) -> Fact:
    return Fact(
        kind="theme",
        slots={"mention": Slot(0, 1, "x")},
        span=(0, 1),
        extractor="kinolog.themes.v1",
        attrs={"name": name, "paragraph": paragraph},
    )


def test_themes_lexicon_has_at_least_30_themes():
    assert len(THEMES) >= 30


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_themes_lexicon_theme_has_several_cues(theme):
    assert len(THEMES[theme]) >= 5


def test_themes_blank_pipeline_matches_plain_cue_words(blank):
    assert themes_in(blank, "The war ended in grief.") == ["war", "grief and loss"]


def test_themes_fact_quotes_the_cue_and_its_sentence(blank):
    doc = blank("It rains. The war ended.")
    (fact,) = facts_of(doc, "theme")
    assert fact.slots["mention"].text == "war"
    assert doc.text[fact.span[0] : fact.span[1]] == "The war ended."
    assert [s.text for s in doc.spans["kinolog_themes"]] == ["war"]


def test_themes_fact_records_its_paragraph(blank):
    facts = facts_of(blank("Love.\n\nMore love."), "theme")
    assert [f.attrs["paragraph"] for f in facts] == [0, 1]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("The soldiers return from the front with nothing.", "war"),
        ("She mourns her brother for a year.", "grief and loss"),
        ("He betrayed his oldest friend to the police.", "betrayal"),
        ("The boy grows up fast on the streets of Calcutta.", "coming of age"),
        ("Kambei swears vengeance on the bandits.", "revenge"),
        ("After the revolution they live in exile in Paris.", "home and exile"),
        ("The old man sacrifices his savings for the village.", "sacrifice"),
        ("Her memories of the village return in flashbacks.", "memory"),
        ("The regime's censorship crushes the poet.", "freedom and oppression"),
        ("The passage of time is measured in empty rooms.", "time"),
        ("Gelsomina's loneliness on the road is unbearable.", "loneliness"),
        ("The poor family cannot pay the rent while the rich feast.", "class"),
    ],
)
def test_themes_cue_in_sentence_gives_theme(model, text, theme):
    assert theme in themes_in(model, text)


@pytest.mark.model
def test_themes_longer_cue_wins_over_a_cue_inside_it(model):
    assert themes_in(model, "She waits for news of her loved ones.") == ["grief and loss"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "It is human nature to look away.",
        "For the first time, the camera moves.",
        "I hope the restoration is released soon.",
        "Ozu was a famous director by then.",
    ],
)
def test_themes_idiom_is_not_a_cue(model, text):
    assert themes_in(model, text) == []


@pytest.mark.model
def test_themes_words_of_a_film_title_are_not_cues(model):
    text = "War and Peace opens at a ball."
    with model.select_pipes(disable=["kinolog_themes"]):
        doc = model(text)
    doc.spans["kinolog_films"] = [doc.char_span(0, len("War and Peace"))]
    assert model.get_pipe("kinolog_themes").match(doc) == []


def test_themes_scores_of_no_cues_are_empty():
    assert theme_scores([], 500) == {}


def test_themes_scores_stay_below_one():
    scores = theme_scores([cue("war", p % 9) for p in range(300)], 300)
    assert 0.99 < scores["war"] < 1.0


def test_themes_scores_have_diminishing_returns():
    one, two, three = (theme_scores([cue("war")] * n, 1000)["war"] for n in (1, 2, 3))
    assert two - one > three - two > 0


def test_themes_scores_favour_spread_over_paragraphs():
    bunched = theme_scores([cue("love", 0)] * 4, 1000)["love"]
    spread = theme_scores([cue("love", p) for p in range(4)], 1000)["love"]
    assert spread > bunched


def test_themes_scores_normalise_by_length():
    assert theme_scores([cue("war")] * 3, 500)["war"] > theme_scores([cue("war")] * 3, 5000)["war"]


def test_themes_scores_are_sorted_strongest_first():
    facts = [cue("war"), cue("love", 0), cue("love", 1), cue("love", 2)]
    assert list(theme_scores(facts, 800)) == ["love", "war"]
