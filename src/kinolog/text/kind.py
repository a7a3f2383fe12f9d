"""What kind of film writing a document is: card, synopsis, review, essay or other.

The kind decides which checks make sense (a review may praise, a synopsis should not) and how
the site files the document. It is read from general cues of the genre, counted per hundred
words so a long text and a short one are judged alike: labelled card fields; present-tense
plot narration; evaluative language and ratings; the argumentative vocabulary of essays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinolog.core.model import DocumentKind
from kinolog.text.card import StoryCard
from kinolog.text.document import SourceDocument

# Evaluative language: ratings, verdicts and recommendations.
_REVIEW_CUES = re.compile(
    r"[★☆]|\b\d+(?:\.\d)?\s*/\s*(?:10|5|100)\b|\b(?:out of|of) (?:five|ten|5|10) stars?\b"
    r"|\b(?:one|two|three|four|five|\d) stars?\b|\bI (?:highly |strongly )?recommend"
    r"|\b(?:highly |strongly )?recommended\b|\bmust[- ]see\b|\bmust[- ]watch\b|\bdisappoint\w*"
    r"|\bmasterpiece\b|\bover-?rated\b|\bunder-?rated\b|\bworth (?:watching|seeing|a watch)\b"
    r"|\bwaste of (?:time|money)\b|\bskip (?:it|this)\b|\bverdict\b|\bmy rating\b"
    r"|\bI (?:loved|liked|hated|enjoyed|adored)\b|\bmy favou?rite\b|\bboring\b|\bdull\b"
    r"|\bbrilliant\b|\bterrible\b|\bawful\b|\bstunning\b|\bgripping\b|\bforgettable\b"
    r"|\bdon'?t miss\b|\bfell flat\b|\bthumbs (?:up|down)\b",
    re.IGNORECASE,
)
# A rating line settles a review on its own: star glyphs, a score out of five or ten, a
# labelled verdict. One is enough, however long the prose around it.
_RATING = re.compile(
    r"[★☆]|\b\d+(?:[.,]\d)?\s*(?:/|out of)\s*(?:4|5|10|100)\b"
    r"|^\s*(?:verdict|rating|grade|score)\s*:",
    re.IGNORECASE | re.MULTILINE,
)
# Writing about the film as a made thing (camera, scenes, direction, performances, the
# audience, a critic's "I"): essays and reviews are full of it, synopses tell the story and
# name almost nothing but characters.
_CRAFT_CUES = re.compile(
    r"\b(?:the|this|that|his|her|their)\s+(?:film|movie|picture)s?\b"
    r"|\bfilm(?:maker|making)?s?\b|\bcinema\b|\bdirect(?:or|ed|s|ing)\b|\bscreenplay\b"
    r"|\bscript\b|\bshots?\b|\bscenes?\b|\bcamera\b|\bframes?\b|\bcinematograph\w*"
    r"|\bediting\b|\baudiences?\b|\bviewers?\b|\bspectators?\b|\bperformances?\b"
    r"|\bplay(?:s|ed|ing)?\s+(?:by|him|her|it|them)\b|\bact(?:or|ress|ing)s?\b|\broles?\b"
    r"|\bsymbol\w*|\brepresent\w*|\bthemes?\b|\bmetaphor\w*|\bimage(?:s|ry)\b"
    r"|\bsequences?\b|\bclose-?ups?\b|\bwe (?:see|watch|are|understand|feel)\b|\bI\b"
    r"|\bcritics?\b|\bstudio\b|\bpremiere\w*|\breleased?\b",
    re.IGNORECASE,
)
# Praise and blame without a rating: what tips writing about craft from essay to review.
_VERDICT_WORDS = re.compile(
    r"\b(?:deserves?|revelation|masterpiece|finest|superb|wonderful|flawless|overlong"
    r"|lovel(?:y|ier|iest)|beautifully|recommend\w*|worth (?:seeing|watching)|must[- ]see"
    r"|don'?t miss|a classic)\b",
    re.IGNORECASE,
)
# Argument about a film: thesis words, analysis of craft, the connectives of reasoning.
_ESSAY_CUES = re.compile(
    r"\bthis (?:essay|paper|analysis|article)\b|\bI (?:argue|contend|will show)\b|\bargu\w+"
    r"|\bthesis\b|\bin conclusion\b|\bfurthermore\b|\bmoreover\b|\btherefore\b|\bthus\b"
    r"|\bhowever\b|\bin contrast\b|\bthis film\b|\bthe film'?s\b|\bthe director (?:uses|shows)\b"
    r"|\bsymboli[sz]\w*|\bsymbol\w*|\brepresent\w*|\bmetaphor\w*|\bcinematograph\w*"
    r"|\bmise[- ]en[- ]sc[eè]ne\b|\bthe (?:audience|viewer|spectator)s?\b|\bportray\w*"
    r"|\bnarrative\b|\bgenre\b|\bmotif\w*|\btheme\w*|\bsuggests?\b|\bdepict\w*|\bconvey\w*"
    r"|\b(?:director|actor|actress|performance|cinematographer|role|career|famous)s?\b",
    re.IGNORECASE,
)
# Narration: a subject (pronoun, name, or "the"/"a" and a noun) and its verb, whose tense
# tells plot narration (present, the synopsis convention) from history and argument (past).
_NOT_SUBJECTS = (
    r"The|A|An|This|That|These|Those|His|Her|Their|Its|Our|My|Your|In|On|At|As|But|And|Or"
    r"|When|While|After|Before|If|Of|For|With|From|By|To|Some|Many|All|Both|Each|Then|So"
)
_SUBJECT = (
    rf"\b(?:he|she|they|He|She|They|(?!(?:{_NOT_SUBJECTS})\b)[A-Z][a-z]+"
    r"|(?:the|a|an|his|her|their|The|A|An|His|Her|Their)\s+[a-z]+)\s+(?:then\s+|\w+ly\s+)?"
)
_PRESENT = re.compile(
    _SUBJECT + r"(?!was\b|has\b|is\b|this\b|his\b)[a-z]*[^su\W']s\b|\b(?:is|are|has)\b"
)
_PAST = re.compile(_SUBJECT + r"(?!need\b|feed\b|seed\b)[a-z]{2,}ed\b|\b(?:was|were|had)\b")
_PLOT_CUES = re.compile(
    r"\b(?:then|meanwhile|later|eventually|finally|afterwards|soon|when|after|before)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class KindScores:
    """Cue rates per hundred words; kept so a classification can be explained."""

    words: int
    review: float
    essay: float
    present: float
    past: float
    plot: float
    craft: float = 0.0
    verdict: float = 0.0
    rated: bool = False


def scores(text: str) -> KindScores:
    """Per-hundred-word rates of each genre's cues in `text`."""
    words = len(text.split())
    per = 100.0 / max(words, 1)
    return KindScores(
        words=words,
        review=len(_REVIEW_CUES.findall(text)) * per,
        essay=len(_ESSAY_CUES.findall(text)) * per,
        present=len(_PRESENT.findall(text)) * per,
        past=len(_PAST.findall(text)) * per,
        plot=len(_PLOT_CUES.findall(text)) * per,
        craft=len(_CRAFT_CUES.findall(text)) * per,
        verdict=len(_VERDICT_WORDS.findall(text)) * per,
        rated=_RATING.search(text) is not None,
    )


def classify(doc: SourceDocument, card: StoryCard | None) -> DocumentKind:
    """The document's kind; a page with card fields is a card whatever prose follows."""
    if card is not None:
        return DocumentKind.CARD
    return classify_text(doc.clean)


def classify_text(text: str) -> DocumentKind:
    """The kind of unlabelled prose, from the balance of its cues."""
    s = scores(text)
    if s.words < 5:
        return DocumentKind.OTHER
    if s.rated or (s.review >= 1.5 and s.review >= s.essay / 2):
        return DocumentKind.REVIEW
    # Prose about the making of a film rather than its story: present tense alone cannot
    # tell, since essays and reviews retell the plot in the present too.
    if s.craft >= 2.5 and s.words >= 40:
        return DocumentKind.REVIEW if s.verdict >= 0.75 else DocumentKind.ESSAY
    # Two present-tense clauses at least: one may be a heading ("Opening hours").
    narration = s.present > s.past and s.present >= 2.0 and s.present * s.words >= 200
    if s.essay >= 1.5 and s.essay * 3 >= s.present and s.words >= 40:
        return DocumentKind.ESSAY
    if narration:
        return DocumentKind.SYNOPSIS
    if s.essay >= 1.0 and s.words >= 150:
        return DocumentKind.ESSAY
    return DocumentKind.OTHER
