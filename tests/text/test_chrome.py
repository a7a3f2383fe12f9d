from __future__ import annotations

import pytest

from kinolog.text import chrome
from kinolog.text.chrome import classify, cue_positions

# Lines as other story-analysis, review and news sites word them; none is from the sample.
CHROME_LINES = [
    ("Continue reading →", chrome.CONTINUATION),
    ("Read more »", chrome.CONTINUATION),
    ("[…] read the full article", chrome.CONTINUATION),
    ("Keep reading", chrome.CONTINUATION),
    ("(Continued on page 4)", chrome.CONTINUATION),
    ("Read the rest of this entry »", chrome.CONTINUATION),
    ("Click here to read the full review", chrome.CONTINUATION),
    ("Log in or register to post comments", chrome.MEMBERSHIP),
    ("You must be logged in to post a comment.", chrome.MEMBERSHIP),
    ("Only members can reply. Sign up free or sign in.", chrome.MEMBERSHIP),
    ("Want to join the discussion? Create an account", chrome.MEMBERSHIP),
    ("Have an account? Sign in to comment.", chrome.MEMBERSHIP),
    ("Share this:", chrome.SHARING),
    ("Share on Facebook", chrome.SHARING),
    ("Share on X", chrome.SHARING),
    ("Tweet", chrome.SHARING),
    ("Pin it", chrome.SHARING),
    ("Facebook Twitter Email", chrome.SHARING),
    ("We use cookies to improve your experience on our site.", chrome.COOKIES),
    ("Accept all cookies", chrome.COOKIES),
    (
        "This website uses cookies. By continuing to browse you agree to our use of cookies.",
        chrome.COOKIES,
    ),
    ("Advertisement", chrome.ADVERTISEMENT),
    ("ADVERTISEMENT", chrome.ADVERTISEMENT),
    ("Story continues below advertisement", chrome.ADVERTISEMENT),
    ("Skip to main content", chrome.NAVIGATION),
    ("Back to top ↑", chrome.NAVIGATION),
    ("Print this page", chrome.NAVIGATION),
    ("Home › Reviews › Drama", chrome.NAVIGATION),
    ("Home | About | Contact", chrome.NAVIGATION),
    ("You may also like", chrome.NAVIGATION),
    ("Tags: war, romance, Soviet cinema", chrome.NAVIGATION),
    ("Subscribe to our newsletter", chrome.NEWSLETTER),
    (
        "Sign up for our weekly newsletter and get the best film writing in your inbox.",
        chrome.NEWSLETTER,
    ),
    ("Comments (12)", chrome.COMMENTS),
    ("12 Comments", chrome.COMMENTS),
    ("Leave a Reply", chrome.COMMENTS),
    ("Be the first to comment", chrome.COMMENTS),
    ("© 2024 Kino Weekly Ltd. All rights reserved.", chrome.COPYRIGHT),
    ("Copyright © 2019–2024 The Screen Review", chrome.COPYRIGHT),
]

# Sentences a film essay or synopsis may well contain, using the same vocabulary.
PROSE_LINES = [
    "Read more about the director's early years in his memoir, which he published in 1965.",
    "We use cookies in the kitchen scene to show the family's poverty.",
    "Veronika bakes cookies for Boris before he leaves for the front.",
    "Boris decides to join the army and sign up for the front.",
    "She is a member of the Komsomol and wants to join the front too.",
    "Continued fighting broke out across the front.",
    "The story continues in the sequel.",
    "More than a war film, it is a love story.",
    "Share the love, says Boris.",
    "He posted it on Facebook.",
    "Comments from the director suggest otherwise.",
    "Home is where Veronika returns after the war.",
    "Copyright law kept the film out of circulation for decades.",
    "Print journalism praised the film at Cannes.",
    "Keep reading the letters, Fyodor tells her.",
    "Advertising posters for the film showed the cranes.",
    "Subscribers to the Soviet film magazine voted it best film.",
    "The account of the war is told through Veronika's eyes.",
    "Skip the opening credits and you miss the cranes.",
    "Love / War / Home",
    "Writer(s): Viktor Rozov",
    "Log Line",
]


@pytest.mark.parametrize(("line", "reason"), CHROME_LINES)
def test_chrome_lines_from_other_sites_are_recognised(line: str, reason: str) -> None:
    assert classify(line) == reason


@pytest.mark.parametrize(("line", "reason"), CHROME_LINES)
def test_chrome_cue_scan_flags_every_chrome_line(line: str, reason: str) -> None:
    assert cue_positions(f"Some prose first.\n{line}\nMore prose.")


@pytest.mark.parametrize("line", PROSE_LINES)
def test_chrome_prose_is_not_chrome(line: str) -> None:
    assert classify(line) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Continued -->", chrome.CONTINUATION),
        (
            "To view, submit, or reply to comments on this article, please join the Academy "
            "(for free!)",
            chrome.MEMBERSHIP,
        ),
        ("Already a member? Simply log in now.", chrome.MEMBERSHIP),
    ],
)
def test_chrome_sample_card_lines_are_recognised(line: str, reason: str) -> None:
    assert classify(line) == reason


def test_chrome_long_lines_are_never_chrome() -> None:
    assert classify("Read more " + "about the war and the cranes " * 20) is None


def test_chrome_continuation_reason_is_public() -> None:
    assert chrome.CONTINUATION == "continuation marker"
    assert chrome.CONTINUATION in chrome.REASONS
