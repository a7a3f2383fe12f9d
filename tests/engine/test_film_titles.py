"""Film titles: every cue shape, the boundaries of a title, and the words that are no title."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

from kinolog.engine.components.film_titles import SPEC, FilmTitles
from kinolog.engine.extensions import facts_of
from kinolog.engine.registry import spec_by_factory


@pytest.fixture(scope="module")
def blank(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_film_titles")


@pytest.fixture(scope="module")
def trained(make_pipeline: Callable[..., Language]) -> Language:
    return make_pipeline("kinolog_film_titles", trained=True)


def titles(nlp: Language, text: str) -> list[str]:
    return [f.slot_text("title") or "" for f in facts_of(nlp(text), "film")]


POSITIVE = [
    # (sentence, title, year, medium)
    ("She starred in 1955's The Mexican with a young cast.", "The Mexican", 1955, None),
    ("He played Karenin in 1967’s Anna Karenina.", "Anna Karenina", 1967, None),
    ("Audiences still quote 1942's Casablanca.", "Casablanca", 1942, None),
    ("The studio remade the 1936 film, The Circus, in colour.", "The Circus", 1936, "film"),
    ("His 1959 film Ballad of a Soldier toured the world.", "Ballad of a Soldier", 1959, "film"),
    ("Critics admired the film Stalker for its long takes.", "Stalker", None, "film"),
    (
        "Tarkovsky's first feature, Ivan's Childhood, opens in a dream.",
        "Ivan's Childhood",
        None,
        "film",
    ),
    ("Ivan's Childhood (1962) opens with a dream.", "Ivan's Childhood", 1962, None),
    ("Rashomon (1950) tells one crime four ways.", "Rashomon", 1950, None),
    ("Bicycle Thieves (1948 film) follows a father.", "Bicycle Thieves", 1948, "film"),
    ("Pather Panchali (dir. Satyajit Ray, 1955) began a trilogy.", "Pather Panchali", 1955, None),
    ("Late Spring, directed by Yasujiro Ozu, is quiet.", "Late Spring", None, None),
    ("Tokyo Story directed by Yasujiro Ozu moved audiences.", "Tokyo Story", None, None),
    ("Seven Samurai is a 1954 Japanese epic about hired swordsmen.", "Seven Samurai", 1954, None),
    ("Casablanca is a 1942 American romantic drama.", "Casablanca", 1942, None),
    ("Wild Strawberries was Bergman's eighteenth film.", "Wild Strawberries", None, "film"),
    ("Stalker is one of the most demanding films of its decade.", "Stalker", None, "film"),
    ("In Bicycle Thieves, the main character searches Rome.", "Bicycle Thieves", None, None),
    ("La Strada was released in 1954 to wide acclaim.", "La Strada", 1954, None),
    (
        "Compare it with a film like Battleship Potemkin, which is didactic.",
        "Battleship Potemkin",
        None,
        "film",
    ),
    ("The documentary Night and Fog lasts half an hour.", "Night and Fog", None, "documentary"),
    ("The TV series Twin Peaks borrowed its mood.", "Twin Peaks", None, "TV series"),
    ("The short film La Jetée is made of stills.", "La Jetée", None, "short"),
    ("The 400 Blows (1959) follows a boy in Paris.", "The 400 Blows", 1959, None),
    ("Truffaut's debut The 400 Blows remains fresh.", "The 400 Blows", None, None),
    ("The western “High Noon” runs in real time.", "High Noon", None, None),
    ("Fellini's 1960 film, La Dolce Vita, shocked Rome.", "La Dolce Vita", 1960, "film"),
    ("Ozu's masterpiece Tokyo Story is slow.", "Tokyo Story", None, None),
    ("Bergman's film The Seventh Seal ends in a dance.", "The Seventh Seal", None, "film"),
    ("The 2002 film Spider-Man made millions.", "Spider-Man", 2002, "film"),
    ("Klimov's war film Come and See is harrowing.", "Come and See", None, "film"),
    ("The miniseries Heimat spans decades.", "Heimat", None, "miniseries"),
    ("The 2015 film Mad Max: Fury Road was shot in Namibia.", "Mad Max: Fury Road", 2015, "film"),
    ("After-Life (1998) asks the dead to choose one memory.", "After-Life", 1998, None),
    ("The Masquerader is a comedy short about a studio.", "The Masquerader", None, "short"),
]


@pytest.mark.parametrize(("text", "title", "year", "medium"), POSITIVE)
def test_film_titles_finds_cued_title(blank, text, title, year, medium):
    facts = facts_of(blank(text), "film")
    assert [(f.slot_text("title"), f.attrs["year"], f.attrs["medium"]) for f in facts] == [
        (title, year, medium)
    ]


NEGATIVE = [
    "Henry Fonda was a film actor of great warmth.",
    "The Cannes Film Festival is a film event in May.",
    "In the film, Boris leaves for the front.",
    "Kalatozov's film won the hearts of many.",
    "Mosfilm is a film studio in Moscow.",
    "War films in general were popular in the 1950s.",
    "Akira Kurosawa (1910–1998) was a director.",
    "Batalov (born 1928) was a star.",
    "He saw the film twice in 1958.",
    "Thus, Batalov had his experience in dramatic roles.",
    "The film's score was composed by Moisey Vaynberg.",
    "Tolstoy's novel Anna Karenina was adapted many times.",
    "The play Uncle Vanya was staged in Moscow.",
    "The story is a drama about loss.",
    "American actors such as Henry Fonda were popular.",
    "In 1957, the film was released in Moscow.",
    "The film was directed by Mikhail Romm.",
    "Her character in the film, Veronika, is young.",
    "Like many Soviet films, it was censored.",
    "The films of the Thaw era were bolder.",
    "The Soviet Union is the setting of the film.",
    "The studio released a restoration in 2015.",
    "Henry Fonda was the star of films about the West.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_film_titles_ignores_non_titles(blank, text):
    assert titles(blank, text) == []


def test_film_titles_lists_after_plural_film_word(blank):
    text = "Kurosawa's films Rashomon, Ikiru and Seven Samurai are classics."
    assert titles(blank, text) == ["Rashomon", "Ikiru", "Seven Samurai"]


def test_film_titles_finds_repeated_bare_mentions(blank):
    doc = blank(
        "Truffaut's 1959 film The 400 Blows is autobiographical. "
        "Years later, The 400 Blows still moves viewers."
    )
    facts = facts_of(doc, "film")
    assert [(f.slot_text("title"), f.attrs["cue"]) for f in facts] == [
        ("The 400 Blows", "film_word"),
        ("The 400 Blows", "repeat"),
    ]


def test_film_titles_repeat_needs_exact_case(blank):
    text = "The 1936 film, The Circus, was a hit. Then the circus came to town."
    assert titles(blank, text) == ["The Circus"]


def test_film_titles_repeat_skips_lone_word_opening_a_sentence(blank):
    text = "Critics admired the film Stalker. Stalker is long. They saw Stalker twice."
    assert [f.attrs["cue"] for f in facts_of(blank(text), "film")] == ["film_word", "repeat"]


def test_film_titles_repeat_keeps_clean_boundaries(blank):
    text = "The 1926 film, Mother, is silent. Mother Courage is a play."
    assert titles(blank, text) == ["Mother"]


def test_film_titles_novel_title_blocks_bare_mentions(blank):
    text = "Tolstoy's novel Anna Karenina is long. Later, 1967's Anna Karenina was filmed."
    facts = facts_of(blank(text + " Fans of Anna Karenina agree."), "film")
    assert [(f.slot_text("title"), f.attrs["year"]) for f in facts] == [("Anna Karenina", 1967)]


def test_film_titles_find_titles_reports_non_film_works(blank):
    component = blank.get_pipe("kinolog_film_titles")
    doc = blank.make_doc("The play Uncle Vanya was staged in Moscow.")
    doc = blank.get_pipe("sentencizer")(doc)
    found = component.find_titles(doc)
    assert [(doc[m.start : m.end].text, m.medium, m.is_film) for m in found] == [
        ("Uncle Vanya", "play", False)
    ]


def test_film_titles_repeat_mentions_can_be_switched_off():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kinolog_film_titles", config={"repeat_mentions": False})
    text = "The film Stalker is long. Critics loved Stalker anyway."
    assert titles(nlp, text) == ["Stalker"]


def test_film_titles_fact_shape(blank):
    text = "Critics were kind. Rashomon (1950) tells one crime four ways."
    doc = blank(text)
    (fact,) = facts_of(doc, "film")
    assert fact.extractor == "kinolog.film_titles.v1"
    assert fact.span == (19, len(text))
    title, year = fact.slots["title"], fact.slots["year"]
    assert text[title.start : title.end] == "Rashomon"
    assert text[year.start : year.end] == "1950"


def test_film_titles_fills_span_group(blank):
    doc = blank("Critics admired the film Stalker. His 1972 film Solaris is colder.")
    assert [s.text for s in doc.spans["kinolog_films"]] == ["Stalker", "Solaris"]
    assert {s.label_ for s in doc.spans["kinolog_films"]} == {"film"}


def test_film_titles_spec_is_registered():
    assert spec_by_factory("kinolog_film_titles") is SPEC
    assert SPEC.name == "kinolog.film_titles.v1"
    assert SPEC.order == 10


def test_film_titles_component_class(blank):
    assert isinstance(blank.get_pipe("kinolog_film_titles"), FilmTitles)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Akira Kurosawa's Rashomon (1950) won the Golden Lion.", ["Rashomon"]),
        ("This is the film Henry Fonda loved most.", []),
        ("In Moscow, the main character meets her friends.", []),
        ("In the film Moscow is shown as a city of hope.", []),
        ("Tokyo Story was Ozu's most celebrated film.", ["Tokyo Story"]),
        ("Batalov and Samoilova play Boris and Veronika.", []),
        ("The film features Henry Fonda as a farmer.", []),
        ("Life in 1930's America was hard.", []),
        ("Ordet is a 1955 Danish drama set in Jutland.", ["Ordet"]),
        ("Her role in the 1961 film Viridiana angered the censors.", ["Viridiana"]),
    ],
)
def test_film_titles_uses_entities_and_parse(trained, text, expected):
    assert titles(trained, text) == expected


@pytest.mark.model
def test_film_titles_finds_every_shape_in_an_essay_paragraph(trained):
    text = (
        "Kurosawa made Rashomon (1950) before his 1952 film Ikiru. "
        "Seven Samurai is a 1954 epic, and Rashomon remains his best-known work. "
        "In 1958 he made The Hidden Fortress, which inspired later adventure films."
    )
    assert titles(trained, text) == ["Rashomon", "Ikiru", "Seven Samurai", "Rashomon"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Allen followed it with Hannah and Her Sisters (1986).", ["Hannah and Her Sisters"]),
        ("Truffaut then made Jules and Jim (1962).", ["Jules and Jim"]),
        ("Related titles: Stagecoach (1939); To Kill a Mockingbird (1962)",
         ["Stagecoach", "To Kill a Mockingbird"]),
        ("Compare: Umberto D. (1952); Paris, Texas (1984)", ["Umberto D.", "Paris, Texas"]),
        ("Wenders later made Paris, Texas (1984) in America.", ["Paris, Texas"]),
        ("She played a daughter in Ozu's Late Spring (1949).", ["Late Spring"]),
        ("The war ended in Late Spring of 1945.", []),
    ],
)  # fmt: skip
def test_film_titles_dated_title_keeps_its_whole_run(trained, text, expected):
    assert titles(trained, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Credits.\n\nIn Wild Strawberries, Isak Borg drives south.", ["Wild Strawberries"]),
        ("Credits.\n\nIn Piazza Vittorio, Antonio searches the stalls.", []),
        ("Credits.\n\nIn December 1941, Rick runs a club.", []),
        ("He left. In Tokyo Story, Shukichi travels.", []),
    ],
)
def test_film_titles_paragraph_opening_in_clause_before_a_name(trained, text, expected):
    assert titles(trained, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fans should start with Il Grido, the 1957 film about a drifter.", ["Il Grido"]),
        ("He would go on to direct Nazarin, released in 1959, in Mexico.", ["Nazarin"]),
        ("She left Paris, released in 1951 from prison, and went home.", []),
        ("Kurosawa, the 1950s director, was famous.", []),
        ("And Elem Klimov’s Come and See, released in 1985, went further.", ["Come and See"]),
    ],
)
def test_film_titles_title_with_an_appended_year_or_release(trained, text, expected):
    assert titles(trained, text) == expected
