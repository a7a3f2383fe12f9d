"""kinolog.motifs.v1: lexicon motifs, colours on things, and the document's own repeats.

Most tests run on hand-built Docs (words, lemmas and parts of speech written out), so they
need no trained model; the model-marked ones check the same rules through the real tagger
and parser.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import kinolog.engine.components.motifs  # noqa: F401  (registers the factory)
from kinolog.engine.components._lexical import paragraph_of, paragraph_starts
from kinolog.engine.components.motifs import MotifMatcher, is_abstract, is_agent
from kinolog.engine.extensions import facts_of
from kinolog.engine.facts import Fact
from kinolog.engine.lexicons import load_json

CATEGORIES = {
    "colour", "clothing", "jewellery", "nature", "flora", "fauna", "weather", "water", "fire",
    "light and shadow", "architecture", "objects", "weapons", "transport", "body", "food",
    "music", "sky", "seasons", "recurring",
}  # fmt: skip
LEXICON = load_json("motifs.json")


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_motifs", sentencizer=False)


@pytest.fixture(scope="module")
def matcher(blank: Language) -> MotifMatcher:
    return blank.get_pipe("kinolog_motifs")


@pytest.fixture(scope="module")
def model(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_motifs", trained=True)


def hand_doc(nlp: Language, tagged: str) -> Doc:
    """A Doc from "word/lemma/POS" triples; "¶" starts a new paragraph (a blank line)."""
    words, lemmas, pos, spaces, starts = [], [], [], [], []
    new_sentence = True
    for item in tagged.split():
        if item == "¶":
            spaces[-1] = False
            words.append("\n\n")
            lemmas.append("\n\n")
            pos.append("SPACE")
            spaces.append(False)
            starts.append(False)
            new_sentence = True
            continue
        word, lemma, tag = item.split("/")
        words.append(word)
        lemmas.append(lemma)
        pos.append(tag)
        spaces.append(True)
        starts.append(new_sentence)
        new_sentence = word == "."
    return Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, spaces=spaces, sent_starts=starts)


def found(facts: list[Fact]) -> set[tuple[str, str, str]]:
    return {(f.attrs["name"], f.attrs["category"], f.slots["mention"].text) for f in facts}


def test_motifs_lexicon_has_at_least_120_entries():
    assert len(LEXICON["motifs"]) >= 120


@pytest.mark.parametrize("motif", sorted(LEXICON["motifs"]))
def test_motifs_lexicon_entry_has_known_category(motif):
    assert LEXICON["motifs"][motif]["category"] in CATEGORIES


@pytest.mark.parametrize("motif", sorted(LEXICON["motifs"]))
def test_motifs_lexicon_entry_matches_its_own_lemmas(blank, matcher, motif):
    for phrase in LEXICON["motifs"][motif]["patterns"]:
        words = [w.lstrip("=") for w in phrase.split()]
        tagged = " ".join(f"{w}/{w}/NOUN" for w in ["the", *words, "."])
        names = {f.attrs["name"] for f in matcher.match(hand_doc(blank, tagged))}
        assert motif in names, phrase


@pytest.mark.parametrize(
    ("tagged", "motif", "category"),
    [
        ("The/the/DET cranes/crane/NOUN fly/fly/VERB ././PUNCT", "crane", "fauna"),
        ("She/she/PRON plays/play/VERB the/the/DET piano/piano/NOUN", "piano", "music"),
        ("He/he/PRON climbs/climb/VERB the/the/DET stairs/stair/NOUN", "stairs", "architecture"),
        ("The/the/DET tram/tram/NOUN stops/stop/VERB", "tram", "transport"),
        ("Rain/rain/NOUN falls/fall/VERB", "rain", "weather"),
        ("She/she/PRON reads/read/VERB the/the/DET letter/letter/NOUN", "letter", "objects"),
        ("A/a/DET birch/birch/NOUN grove/grove/NOUN", "birch", "flora"),
        ("They/they/PRON share/share/VERB bread/bread/NOUN", "bread", "food"),
        ("The/the/DET mirror/mirror/NOUN cracks/crack/VERB", "mirror", "architecture"),
    ],
)
def test_motifs_lexicon_word_is_found_with_its_category(blank, matcher, tagged, motif, category):
    assert (motif, category) in {
        (f.attrs["name"], f.attrs["category"]) for f in matcher.match(hand_doc(blank, tagged))
    }


def test_motifs_verb_sense_is_not_a_motif(blank, matcher):
    doc = hand_doc(blank, "She/she/PRON dresses/dress/VERB and/and/CCONJ waters/water/VERB")
    assert matcher.match(doc) == []


def test_motifs_words_of_a_film_title_are_not_motifs(blank, matcher):
    doc = hand_doc(blank, "The/the/DET Bicycle/bicycle/NOUN Thieves/thief/NOUN ././PUNCT")
    doc.spans["kinolog_films"] = [doc[0:3]]
    assert matcher.match(doc) == []


def test_motifs_capitalised_word_mid_sentence_is_not_a_motif(blank, matcher):
    doc = hand_doc(blank, "We/we/PRON watched/watch/VERB The/the/DET Piano/piano/NOUN")
    assert matcher.match(doc) == []


@pytest.mark.parametrize(
    "tagged",
    [
        "on/on/ADP the/the/DET other/other/ADJ hand/hand/NOUN",
        "to/to/PART shed/shed/VERB light/light/NOUN on/on/ADP it/it/PRON",
        "the/the/DET key/key/NOUN to/to/ADP understanding/understanding/NOUN",
        "through/through/ADP the/the/DET eyes/eye/NOUN of/of/ADP a/a/DET child/child/NOUN",
        "behind/behind/ADP closed/close/VERB doors/door/NOUN",
        "a/a/DET sea/sea/NOUN of/of/ADP troubles/trouble/NOUN",
        "shot/shoot/VERB in/in/ADP black/black/ADJ and/and/CCONJ white/white/ADJ",
    ],
)
def test_motifs_idiom_words_are_not_motifs(blank, matcher, tagged):
    assert matcher.match(hand_doc(blank, tagged)) == []


KETTLES = (
    "The/the/DET kettle/kettle/NOUN boils/boil/VERB ././PUNCT "
    "She/she/PRON fills/fill/VERB the/the/DET kettle/kettle/NOUN ././PUNCT ¶ "
    "Later/later/ADV the/the/DET kettle/kettle/NOUN is/be/AUX cold/cold/ADJ ././PUNCT"
)


def test_motifs_concrete_noun_repeated_across_paragraphs_is_recurring(blank, matcher):
    facts = [f for f in matcher.match(hand_doc(blank, KETTLES)) if f.attrs["name"] == "kettle"]
    assert [f.attrs["category"] for f in facts] == ["recurring"] * 3


def test_motifs_repeats_within_one_paragraph_are_not_recurring(blank, matcher):
    doc = hand_doc(blank, KETTLES.replace("¶", ""))
    assert matcher.match(doc) == []


@pytest.mark.parametrize("noun", ["scene", "kindness", "soldier", "sailor", "ending", "morning"])
def test_motifs_abstract_film_and_person_nouns_never_recur(blank, matcher, noun):
    assert matcher.match(hand_doc(blank, KETTLES.replace("kettle", noun))) == []


@pytest.mark.parametrize(
    ("lemma", "abstract"), [("kindness", True), ("ending", True), ("painting", False)]
)
def test_motifs_abstract_suffix_rule(lemma, abstract):
    assert is_abstract(lemma) is abstract


@pytest.mark.parametrize(("lemma", "agent"), [("sailor", True), ("mirror", False)])
def test_motifs_agent_suffix_rule(lemma, agent):
    assert is_agent(lemma) is agent


def test_motifs_mentions_fill_the_span_group(blank):
    doc = hand_doc(blank, "The/the/DET cranes/crane/NOUN fly/fly/VERB")
    doc = blank.get_pipe("kinolog_motifs")(doc)
    assert [s.text for s in doc.spans["kinolog_motifs"]] == ["cranes"]
    assert facts_of(doc, "motif")[0].extractor == "kinolog.motifs.v1"


def test_motifs_without_a_tagger_finds_nothing(blank):
    assert facts_of(blank("The cranes fly over the stairs."), "motif") == []


@pytest.mark.parametrize(
    ("text", "offset", "paragraph"),
    [("One.\n\nTwo.\n\nThree.", 7, 1), ("One.\nTwo.", 6, 1), ("One. Two.", 6, 0)],
)
def test_motifs_paragraph_of_offset(text, offset, paragraph):
    assert paragraph_of(paragraph_starts(text), offset) == paragraph


@pytest.mark.model
def test_motifs_title_is_excluded_but_the_object_counts(model):
    text = "In Bicycle Thieves, the bicycle is stolen on the first day."
    with model.select_pipes(disable=["kinolog_motifs"]):
        doc = model(text)
    doc.spans["kinolog_films"] = [doc.char_span(3, 18)]
    facts = model.get_pipe("kinolog_motifs").match(doc)
    assert {f.slots["mention"].start for f in facts} == {text.index("bicycle is")}


@pytest.mark.model
def test_motifs_birds_overhead_count_but_a_capitalised_title_does_not(model):
    facts = facts_of(model("After The Red Balloon, the cranes flying overhead."), "motif")
    assert found(facts) == {("crane", "fauna", "cranes")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She wears a red scarf to the station.",
            {("red", "colour", "red scarf"), ("scarf", "clothing", "scarf")},
        ),
        ("He is dressed in black at the funeral.", {("black", "colour", "black")}),
        (
            "The white dress hangs by the window.",
            {("white", "colour", "white dress"), ("dress", "clothing", "dress")},
        ),
    ],
)
def test_motifs_colour_is_a_motif_and_so_is_its_object(model, text, expected):
    assert expected <= found(facts_of(model(text), "motif"))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A black man is refused a room.",
        "The film was shot in black and white.",
        "It is a black comedy about white lies.",
    ],
)
def test_motifs_colour_of_people_and_colour_idioms_are_not_motifs(model, text):
    assert [f for f in facts_of(model(text), "motif") if f.attrs["category"] == "colour"] == []
