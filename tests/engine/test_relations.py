"""kinolog.relations.v1: directed ties between characters, on sentences about many films.

Model-free tests put name mentions on a sentencized Doc by hand; the tests marked `model` run
the trained pipeline with kinolog.names before the relations component.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import kinolog.engine.components.names  # registers the factories
import kinolog.engine.components.relations  # noqa: F401
from kinolog.core.model import RelationType
from kinolog.engine.extensions import add_facts, facts_of
from kinolog.engine.facts import Fact, Slot
from kinolog.engine.lexicons import load_json

Triple = tuple[str, str, str]


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_relations")


@pytest.fixture(scope="module")
def model(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_names", "kinolog_relations", trained=True)


def relations(doc: Doc) -> set[Triple]:
    return {
        (f.slot_text("holder") or "", str(f.attrs["type"]), f.slot_text("target") or "")
        for f in facts_of(doc, "relation")
    }


def triples(spec: str) -> set[Triple]:
    """ "Bruno > child > Antonio Ricci; …" as a set of (holder, type, target)."""
    found = set()
    for item in spec.split(";"):
        holder, kind, target = (part.strip() for part in item.split(">"))
        found.add((holder, kind, target))
    return found


def with_mentions(nlp: Language, text: str, names: dict[str, str]) -> Doc:
    """Run the component after putting each name's mentions (name -> type) on the Doc."""
    with nlp.select_pipes(disable=["kinolog_relations"]):
        doc = nlp(text)
    for name, kind in names.items():
        start = text.find(name)
        while start >= 0:
            slot = Slot(start, start + len(name), name)
            add_facts(doc, [Fact("mention", {"name": slot}, (0, 0), "test", {"type": kind})])
            start = text.find(name, start + 1)
    return nlp.get_pipe("kinolog_relations")(doc)


def test_relations_lexicon_uses_report_types() -> None:
    words = load_json("kinship.json")["words"]
    assert {entry["type"] for entry in words.values()} == {t.value for t in RelationType}


def test_relations_lexicon_genders_are_male_or_female() -> None:
    words = load_json("kinship.json")["words"]
    assert {e["gender"] for e in words.values() if "gender" in e} == {"male", "female"}


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Apu's sister, Durga, steals fruit.", "Apu Durga", "Durga > sibling > Apu"),
        ("Kane's wife, Susan, sings.", "Kane Susan", "Susan > spouse > Kane"),
        ("Rick waits. His friend, Sam, plays.", "Rick Sam", "Sam > friend > Rick"),
        ("Lena leaves with her fiancée Oskar.", "Lena Oskar", "Oskar > fiance > Lena"),
    ],
)
def test_relations_possessive_shapes_without_a_parser(
    blank: Language, text: str, names: str, expected: str
) -> None:
    characters = dict.fromkeys(names.split(), "character")
    assert relations(with_mentions(blank, text, characters)) == triples(expected)


def test_relations_skip_real_people(blank: Language) -> None:
    names = {"Fellini": "person", "Giulietta Masina": "person"}
    doc = with_mentions(blank, "Fellini's wife, Giulietta Masina, stars.", names)
    assert relations(doc) == set()


def test_relations_need_a_named_holder(blank: Language) -> None:
    doc = with_mentions(blank, "Chihiro's parents are turned into pigs.", {"Chihiro": "character"})
    assert relations(doc) == set()


def test_relations_no_mentions_no_facts(blank: Language) -> None:
    assert relations(blank("His father, the baker, leaves.")) == set()


def test_relations_evidence_reaches_back_to_a_pronoun_referent(blank: Language) -> None:
    text = "Rick waits. His friend, Sam, plays."
    doc = with_mentions(blank, text, {"Rick": "character", "Sam": "character"})
    (fact,) = facts_of(doc, "relation")
    assert fact.span == (0, len(text))
    assert fact.extractor == "kinolog.relations.v1"


POSITIVE = [
    (
        "Antonio Ricci and his son Bruno search the city for the stolen bicycle.",
        "Bruno > child > Antonio Ricci",
    ),
    ("Maria, Antonio's wife, pawns the bed sheets.", "Maria > spouse > Antonio"),
    ("Ilsa's husband, Victor Laszlo, leads the resistance.", "Victor Laszlo > spouse > Ilsa"),
    ("Rick learns that Ilsa is married to Victor Laszlo.", "Ilsa > spouse > Victor Laszlo"),
    ("Apu's sister, Durga, steals fruit from the neighbour's orchard.", "Durga > sibling > Apu"),
    ("Harihar, Durga's father, leaves the village to find work.", "Harihar > parent > Durga"),
    (
        "Sarbajaya is the mother of Apu and Durga.",
        "Sarbajaya > parent > Apu; Sarbajaya > parent > Durga",
    ),
    (
        "Zampano buys Gelsomina from her mother, and Gelsomina's sister Rosa has died on the road.",
        "Rosa > sibling > Gelsomina",
    ),
    ("Il Matto is Zampano's rival from the circus.", "Il Matto > rival > Zampano"),
    (
        "Kikuchiyo and Katsushiro become friends during the siege.",
        "Kikuchiyo > friend > Katsushiro",
    ),
    ("Shino's father, Manzo, cuts her hair to disguise her.", "Manzo > parent > Shino"),
    ("Katsushiro and Shino fall in love in the woods.", "Katsushiro > lover > Shino"),
    ("Rikichi is the son of Gonbei.", "Rikichi > child > Gonbei"),
    (
        "Michael Corleone marries Kay Adams after returning from Sicily.",
        "Michael Corleone > spouse > Kay Adams",
    ),
    (
        "Vito Corleone's eldest son, Sonny, is killed at a tollbooth.",
        "Sonny > child > Vito Corleone",
    ),
    ("Fredo and Michael are brothers.", "Fredo > sibling > Michael"),
    ("Tom Hagen is Vito's adopted son.", "Tom Hagen > child > Vito"),
    (
        "Charles Foster Kane marries Emily Norton, the niece of the President.",
        "Charles Foster Kane > spouse > Emily Norton",
    ),
    (
        "Kane's second wife, Susan Alexander, is an aspiring singer.",
        "Susan Alexander > spouse > Kane",
    ),
    ("Jed Leland is Kane's friend from college.", "Jed Leland > friend > Kane"),
    ("Dorothy lives with her aunt, Em, on a Kansas farm.", "Em > relative > Dorothy"),
    (
        "Scarlett marries Charles Hamilton, the brother of Melanie.",
        "Charles Hamilton > sibling > Melanie; Scarlett > spouse > Charles Hamilton",
    ),
    ("Ashley is engaged to Melanie.", "Ashley > fiance > Melanie"),
    ("Norman Bates lives in the shadow of his mother, Norma.", "Norma > parent > Norman Bates"),
    ("Marion's sister, Lila, comes looking for her.", "Lila > sibling > Marion"),
    ("Sam Loomis, Marion's lover, helps Lila search the motel.", "Sam Loomis > lover > Marion"),
    ("Jules and Jim are friends who both love Catherine.", "Jules > friend > Jim"),
    (
        "Terry Malloy's brother Charley works for the mob boss Johnny Friendly.",
        "Charley > sibling > Terry Malloy",
    ),
    ("Ivan Denisovich's cousin, Pavel, arrives from the city.", "Pavel > cousin > Ivan Denisovich"),
    ("Andrei Rublev and his friend Kirill leave the monastery.", "Kirill > friend > Andrei Rublev"),
    ("Guido's wife, Luisa, discovers his affair.", "Luisa > spouse > Guido"),
    ("Lena and her fiancé, Oskar, are separated by the war.", "Oskar > fiance > Lena"),
    ("Antonio and Maria are getting married in two days.", "Antonio > fiance > Maria"),
    (
        "Shukichi and Tomi visit their son Koichi, a doctor in Tokyo.",
        "Koichi > child > Shukichi; Koichi > child > Tomi",
    ),
    ("Genjuro's wife, Miyagi, stays behind with their son.", "Miyagi > spouse > Genjuro"),
    ("Judah Ben-Hur and Messala were childhood friends.", "Judah Ben-Hur > friend > Messala"),
    ("Noriko is the widow of Shukichi's son Shoji.", "Shoji > child > Shukichi"),
]

NEGATIVE = [
    "Griffith is often called the father of modern cinema.",
    "Rossellini, the father of neorealism, shot Rome, Open City in the ruins.",
    "The soldiers fight for their mother country.",
    "Kambei treats Katsushiro as a brother in arms.",
    "The director Yasujiro Ozu was a friend of Kurosawa. Ozu was Kurosawa's rival at the studio.",
    "Akira Kurosawa directed Seven Samurai. Akira Kurosawa's brother Heigo was a benshi narrator.",
    "Kurosawa directed Ran in 1985. Kurosawa's son Hisao produced his late films.",
    "Federico Fellini directed La Strada. Fellini's wife, Giulietta Masina, plays Gelsomina.",
    "Rick wants to marry Ilsa, but she leaves with Victor.",
    "Antonio is not married to Maria.",
    "Chihiro's parents are turned into pigs.",
    "Ivan's mother is killed early in the war.",
    "Kholin, Ivan's protector, is killed later.",
    "Antonio falls in love with the city.",
    "Mifune plays the son of a farmer.",
    "The film is a father-son story about Ivan and the war.",
    "Mother Nature seems to punish Zampano.",
    "Alfredo becomes a father figure for Toto.",
    "Gelsomina, the daughter of a poor widow, is sold to Zampano.",
    "Ivan dreams of his mother, and Kholin watches over him.",
    "He accuses Poelzig of stealing his wife Karen.",
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_relations_found_in_sentences_about_films(
    model: Language, text: str, expected: str
) -> None:
    assert relations(model(text)) == triples(expected)


@pytest.mark.model
@pytest.mark.parametrize("text", NEGATIVE)
def test_relations_not_found_where_none_is_stated(model: Language, text: str) -> None:
    assert relations(model(text)) == set()


@pytest.mark.model
def test_relations_pronoun_needs_a_single_candidate(model: Language) -> None:
    text = "Rick meets Victor in the café. Later his friend, Sam, plays the song."
    assert relations(model(text)) == set()


@pytest.mark.model
def test_relations_the_two_resolve_only_after_two_names(model: Language) -> None:
    text = "Antonio courts Maria all summer. In the autumn the two are married."
    assert relations(model(text)) == {("Antonio", "spouse", "Maria")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kanji Watanabe and his wife, Tatsu, live in Osaka with their youngest daughter, "
            "Yuki, who works at a bank.",
            "Tatsu > spouse > Kanji Watanabe; Yuki > child > Kanji Watanabe; Yuki > child > Tatsu",
        ),
        (
            "Hiroshi and Keiko run a small inn with their children, Akio, Sachiko and Taro.",
            "Akio > child > Hiroshi; Akio > child > Keiko; Sachiko > child > Hiroshi; "
            "Sachiko > child > Keiko; Taro > child > Hiroshi; Taro > child > Keiko",
        ),
    ],
)
def test_relations_their_refers_to_the_couple_just_named(
    model: Language, text: str, expected: str
) -> None:
    assert relations(model(text)) == triples(expected)


def test_relations_cast_fact_overrides_a_person_guess(blank: Language) -> None:
    text = "CAST: Kinuyo Tanaka (Oharu). Oharu's father, Shinzaemon, sells her."
    with blank.select_pipes(disable=["kinolog_relations"]):
        doc = blank(text)
    cast = Fact(
        "cast",
        {"actor": Slot(6, 19, "Kinuyo Tanaka"), "character": Slot(21, 26, "Oharu")},
        (0, 27),
        "test",
        {},
    )
    mentions = [
        Fact("mention", {"name": Slot(s, s + len(n), n)}, (0, 0), "test", {"type": k})
        for n, s, k in (("Oharu", 29, "person"), ("Shinzaemon", 45, "character"))
    ]
    add_facts(doc, [cast, *mentions])
    doc = blank.get_pipe("kinolog_relations")(doc)
    assert relations(doc) == {("Shinzaemon", "parent", "Oharu")}


@pytest.fixture(scope="module")
def parser(make_pipeline: Callable[..., Language]) -> Language:
    """The trained parser with no names layer: the tests name the characters by hand."""
    return make_pipeline("kinolog_relations", trained=True)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Elena remembers her son Dario, her husband Franco and her daughter Giulia.",
            "Elena Dario Franco Giulia",
            "Dario > child > Elena; Franco > spouse > Elena; Giulia > child > Elena",
        ),
        (
            "Marco's brother Luigi and sister Rosa arrive at the farm.",
            "Marco Luigi Rosa",
            "Luigi > sibling > Marco; Rosa > sibling > Marco",
        ),
        (
            "In Tokyo Mitsuo goes drinking with two old friends from school, Goro and "
            "Hiroshi, and the three men agree that nothing has changed.",
            "Mitsuo Goro Hiroshi",
            "Goro > friend > Mitsuo; Hiroshi > friend > Mitsuo",
        ),
        (
            "In the car Isak meets two young men, Bruno and Sergio, who are rivals for her.",
            "Isak Bruno Sergio",
            "Bruno > rival > Sergio",
        ),
        (
            "On the road Umberto drives north. Later he remembers his cousin Maria.",
            "Umberto Maria",
            "Maria > cousin > Umberto",
        ),
    ],
)
def test_relations_model_pronoun_lists_groups_and_coordinated_kin(
    parser: Language, text: str, names: str, expected: str
) -> None:
    characters = dict.fromkeys(names.split(), "character")
    assert relations(with_mentions(parser, text, characters)) == triples(expected)


@pytest.mark.model
def test_relations_model_their_far_from_a_pair_means_the_first_couple(parser: Language) -> None:
    text = (
        "Kanji Watanabe and his wife, Tatsu, live in a small town. "
        "Their son, Mitsuo, works in Osaka. His wife, Kazue, is kind to them. "
        "The city is loud and the trains are late. Every evening the streets fill. "
        "In the end they visit Kyoto, where their daughter Sachiko lives."
    )
    names = dict.fromkeys(["Kanji Watanabe", "Tatsu", "Mitsuo", "Kazue", "Sachiko"], "character")
    found = relations(with_mentions(parser, text, names))
    assert {("Sachiko", "child", "Kanji Watanabe"), ("Sachiko", "child", "Tatsu")} <= found
    assert not {t for t in found if t[0] == "Sachiko" and t[2] in ("Mitsuo", "Kazue")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Katsu falls in love with Mariko, the daughter of the farmer Genzo.",
            ["Katsu", "Mariko", "Genzo"],
            "Mariko > child > Genzo",
        ),
        (
            "Then Anna Berti walks in with her husband, the partisan leader Paolo Conti.",
            ["Anna Berti", "Paolo Conti"],
            "Paolo Conti > spouse > Anna Berti",
        ),
    ],
)
def test_relations_model_name_behind_a_description(
    parser: Language, text: str, names: list[str], expected: str
) -> None:
    found = relations(with_mentions(parser, text, dict.fromkeys(names, "character")))
    assert found == triples(expected)


@pytest.mark.model
def test_relations_model_their_children_after_a_named_couple(parser: Language) -> None:
    text = (
        "Mitsuo is a clerk. His wife, Kazue, is kind, and their two boys, Jiro and Ken, "
        "sleep in the hall."
    )
    names = dict.fromkeys(["Mitsuo", "Kazue", "Jiro", "Ken"], "character")
    found = relations(with_mentions(parser, text, names))
    assert {("Jiro", "child", "Mitsuo"), ("Ken", "child", "Kazue")} <= found


@pytest.mark.model
def test_relations_model_pronoun_skips_an_object_beside_an_unnamed_him(parser: Language) -> None:
    text = (
        "The teacher punishes him for an essay in which he has copied Tolstoy. "
        "His friend Pavel is a better liar."
    )
    names = dict.fromkeys(["Tolstoy", "Pavel"], "character")
    assert relations(with_mentions(parser, text, names)) == set()


@pytest.mark.model
def test_relations_model_pronoun_after_he_follows_the_named_subject(parser: Language) -> None:
    text = "They stop at the farm where Umberto grew up, and there he remembers his cousin Maria."
    names = dict.fromkeys(["Umberto", "Maria"], "character")
    assert relations(with_mentions(parser, text, names)) == triples("Maria > cousin > Umberto")


@pytest.mark.model
def test_relations_model_credit_line_is_no_antecedent(parser: Language) -> None:
    text = (
        "Starring: Aldo Fabrizi as Pietro, Anna Magnani as Pina.\n"
        "Pietro lives with his son Marcello."
    )
    names = {"Aldo Fabrizi": "person", "Anna Magnani": "person"}
    names |= dict.fromkeys(["Pietro", "Pina", "Marcello"], "character")
    assert relations(with_mentions(parser, text, names)) == triples("Marcello > child > Pietro")


@pytest.mark.model
def test_relations_model_she_is_the_widow_of(parser: Language) -> None:
    text = "Only Anna is kind to them. She is the widow of Paolo, who died in the war."
    names = dict.fromkeys(["Anna", "Paolo"], "character")
    assert relations(with_mentions(parser, text, names)) == triples("Anna > spouse > Paolo")
