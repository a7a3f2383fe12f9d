"""Document kinds from general cues, on short made-up texts."""

from __future__ import annotations

import pytest

from kinolog.core.model import DocumentKind
from kinolog.text.card import parse_card
from kinolog.text.document import OffsetMap, SourceDocument
from kinolog.text.kind import classify, classify_text, scores


def make_doc(text: str) -> SourceDocument:
    return SourceDocument("d", "d.txt", "text", "utf-8", text, text, OffsetMap.identity(len(text)))


SYNOPSIS = (
    "A lighthouse keeper lives alone on a rocky island. One night he finds a girl on the "
    "shore. She speaks no language he knows. He hides her from the supply boat, and the "
    "captain grows suspicious. When a storm cuts the island off, the keeper must choose "
    "between the girl and his post. Finally he rows her to the mainland and returns alone."
)
REVIEW = (
    "I loved this film. The lead is brilliant and the score is stunning, though the middle "
    "act drags and the ending is a little disappointing. Still, a must-see for anyone who "
    "likes slow thrillers. I recommend it without hesitation. My rating: 8/10."
)
ESSAY = (
    "This essay argues that the film uses weather as a moral register. The director uses "
    "long shots of the sea to represent isolation; however, the cinematography also "
    "suggests freedom. The audience is invited to read the storm as a metaphor for guilt. "
    "Furthermore, the narrative withholds the girl's point of view, and this film thus "
    "makes the viewer complicit in the keeper's portrayal of her. In conclusion, the "
    "symbolism of light and darkness carries the film's argument about responsibility."
)
OTHER = "Opening hours: Monday to Friday, nine to five. Tickets at the door. Parking nearby."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (SYNOPSIS, DocumentKind.SYNOPSIS),
        (REVIEW, DocumentKind.REVIEW),
        (ESSAY, DocumentKind.ESSAY),
        (OTHER, DocumentKind.OTHER),
        ("", DocumentKind.OTHER),
        ("Two words.", DocumentKind.OTHER),
    ],
)
def test_kind_classifies_prose(text, kind):
    assert classify_text(text) == kind


def test_kind_card_fields_make_a_card_whatever_follows():
    text = "Director: Jane Roe\nMedium: Film\n\n" + SYNOPSIS
    doc = make_doc(text)
    assert classify(doc, parse_card(doc)) == DocumentKind.CARD


def test_kind_without_card_reads_the_clean_text():
    doc = make_doc(REVIEW)
    assert classify(doc, None) == DocumentKind.REVIEW


@pytest.mark.parametrize(
    "cue", ["★★★★☆", "7/10", "four stars", "I recommend", "must-see", "disappointing"]
)
def test_kind_counts_each_review_cue(cue):
    assert scores(f"Some words here and {cue} there.").review > 0


def test_kind_past_tense_narration_is_not_present():
    s = scores("She walked home. He waited at the door. They talked until dawn.")
    assert s.past > s.present


def test_kind_present_tense_narration_is_present():
    s = scores("She walks home. He waits at the door. They talk until dawn. Anna leaves.")
    assert s.present > s.past


PRESENT_TENSE_ESSAY = (
    "Ozu keeps the camera low and still, and the film lets whole scenes play out in one "
    "shot. The old couple travel to the city, and their children find them a burden. We "
    "watch the mother sit on a seawall while the director holds the frame long after the "
    "talk ends. The performances are quiet; the actors rarely raise their voices, and the "
    "empty corridors come to represent what the family cannot say to one another."
)
RATED_REVIEW = (
    "Verdict: 4 out of 5\n\nA boy and his father search Rome for a stolen bicycle. They "
    "walk the markets, they ask the police, they follow a thief into a church. The father "
    "grows desperate and the son watches him change."
)
CREDITED_SYNOPSIS = (
    "Directed by Satyajit Ray. Music: Ravi Shankar.\n\nApu lives with his sister Durga in "
    "a crumbling house in a Bengal village. Durga steals fruit from a neighbour's orchard, "
    "and their mother scolds her. Their father leaves for the city to find work. The rains "
    "come, Durga falls ill, and the family waits for news while the house leaks."
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (PRESENT_TENSE_ESSAY, DocumentKind.ESSAY),
        (RATED_REVIEW, DocumentKind.REVIEW),
        (CREDITED_SYNOPSIS, DocumentKind.SYNOPSIS),
    ],
)
def test_kind_reads_craft_talk_and_ratings_over_tense(text, kind):
    assert classify_text(text) == kind
