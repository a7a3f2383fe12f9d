"""Site chrome: the prompts, buttons and notices a page wraps around the writing.

A line is chrome when it is short, a family's cue matches it, and nearly every word in it
belongs to that family's vocabulary (plus a few site-neutral words such as "our", "this",
"article"). The vocabulary test is what keeps prose safe: "Read more about the director's
early years in his memoir" starts like a continuation link but most of its words are the
author's own. Families name general wording, not any one site's sentences, so a page from
another site with other phrasing is recognised too.

`CONTINUATION` is public because the story-card parser marks a synopsis as truncated when it
sees a span dropped for that reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

CONTINUATION = "continuation marker"
MEMBERSHIP = "membership prompt"
COMMENTS = "comments widget"
SHARING = "share links"
COOKIES = "cookie notice"
ADVERTISEMENT = "advertisement"
NAVIGATION = "navigation"
NEWSLETTER = "newsletter prompt"
COPYRIGHT = "copyright notice"

REASONS: tuple[str, ...] = (
    CONTINUATION,
    MEMBERSHIP,
    COMMENTS,
    SHARING,
    COOKIES,
    ADVERTISEMENT,
    NAVIGATION,
    NEWSLETTER,
    COPYRIGHT,
)

MAX_CHARS = 320
"""Chrome is short; longer lines are prose however they start."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NEUTRAL = _vocabulary(
    """a an the to of on in at for from by with and or this that these our your you we us it
    its is are be will can please now here today just simply free more all site page pages
    article articles post posts story stories review reviews entry website blog click tap
    button below above link via up out me my only new latest get see view go if do have
    has"""
)


@dataclass(frozen=True)
class _Family:
    """A kind of chrome: its cue, and how much of a line its vocabulary must cover."""

    reason: str
    cue: Callable[[str], bool]
    vocabulary: frozenset[str]
    min_coverage: float
    max_foreign: int
    max_words: int

    def accepts(self, lowered: str, words: list[str]) -> bool:
        if not words or len(words) > self.max_words or not self.cue(lowered):
            return False
        foreign = sum(
            1 for w in words if w not in self.vocabulary and w not in _NEUTRAL and not w.isdigit()
        )
        return foreign <= self.max_foreign and 1 - foreign / len(words) >= self.min_coverage


def _search(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    return lambda text: compiled.search(text) is not None


def _both(first: str, second: str) -> Callable[[str], bool]:
    a, b = re.compile(first), re.compile(second)
    return lambda text: a.search(text) is not None and b.search(text) is not None


_LEAD = r"^[^\w©]*"  # a cue at the start of a line may follow arrows, brackets, ellipses

_FAMILIES: tuple[_Family, ...] = (
    _Family(
        CONTINUATION,
        _search(
            _LEAD + r"(?:continued|continues|continue|read (?:more|on|the|full)|keep reading"
            r"|more\b|see more|show more|view more|full (?:story|article|review|text)"
            r"|click here to (?:read|continue|see)|jump to)"
        ),
        _vocabulary("""continued continue continues reading read more keep rest full whole
            complete remainder next page entry essay analysis synopsis summary text after
            break show jump on"""),
        min_coverage=0.8,
        max_foreign=2,
        max_words=12,
    ),
    _Family(
        MEMBERSHIP,
        _both(
            r"\b(?:comment|discussion|conversation|member|membership|account|community"
            r"|subscriber|repl(?:y|ies)|respond)",
            r"\b(?:join|sign(?:ed)? ?(?:up|in)|register|log(?:ged)? ?in|login|become|create"
            r"|subscribe)\b",
        ),
        _vocabulary("""view views submit reply replies respond comment comments commenting
            post posting read join joined joining sign signed up register registered
            registration log logged login logon in become member members membership account
            accounts create already not yet must be need needs discussion conversation
            community subscriber subscribers subscribe exclusive continue start takes
            seconds forum thread threads participate take part access unlock full or and
            below free"""),
        min_coverage=0.75,
        max_foreign=3,
        max_words=40,
    ),
    _Family(
        COMMENTS,
        _search(
            _LEAD + r"(?:\d+\s+)?(?:comments?|responses?|replies|reply|thoughts on)\b"
            r"|\b(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)"
            r"|\bbe the first to (?:comment|reply|respond)|\bno comments\b"
        ),
        _vocabulary("""comment comments response responses reply replies leave post add write
            submit be first no yet show hide load cancel thoughts join discussion
            conversation what think open closed"""),
        min_coverage=0.8,
        max_foreign=2,
        max_words=16,
    ),
    _Family(
        SHARING,
        _search(
            _LEAD + r"(?:share|tweet|pin it|email this|e-mail this)\b"
            r"|\b(?:facebook|twitter|linkedin|pinterest|reddit|whatsapp|telegram|tumblr"
            r"|mastodon|bluesky)\b"
        ),
        _vocabulary("""share shares shared sharing tweet pin it email e-mail mail facebook
            twitter x linkedin pinterest reddit whatsapp telegram tumblr mastodon bluesky
            threads messenger sms copy print like friend friends"""),
        min_coverage=0.85,
        max_foreign=1,
        max_words=14,
    ),
    _Family(
        COOKIES,
        _search(r"\bcookie"),
        _vocabulary("""use uses used using cookie cookies improve experience continuing
            browse browsing agree accept accepting reject decline manage settings
            preferences consent policy privacy learn necessary essential analytics ensure
            give best ok okay got personalise personalize personalised personalized content
            ads advertising traffic analyse analyze third party parties partners store
            access information device similar technologies customise customize allow
            functional performance you're agreeing understand"""),
        min_coverage=0.75,
        max_foreign=3,
        max_words=60,
    ),
    _Family(
        ADVERTISEMENT,
        _search(
            _LEAD + r"(?:advertisements?|advertising|sponsored|ads?|paid content|promoted"
            r"|story continues below)\W*(?:\w+\W*){0,3}$"
        ),
        _vocabulary("""advertisement advertisements advertising sponsored content ad ads
            paid promoted story continues partner"""),
        min_coverage=1.0,
        max_foreign=0,
        max_words=6,
    ),
    _Family(
        NAVIGATION,
        _search(
            _LEAD + r"(?:skip to|jump to|back to top|return to top|go to top|to top|print"
            r"|menu|search|home|next|previous|prev|older|newer|related|you (?:may|might) also"
            r"|toggle|main menu)\b"
        ),
        _vocabulary("""skip main content navigation nav menu search back top return jump
            print home next previous prev older newer related you may might also like toggle
            close open footer sidebar primary secondary log login sign register about
            contact privacy policy terms faq help entries"""),
        min_coverage=0.8,
        max_foreign=1,
        max_words=10,
    ),
    _Family(
        NAVIGATION,
        _search(_LEAD + r"(?:tags|tagged|tagged with|filed under|categor(?:y|ies)|posted in)\s*:"),
        frozenset(),
        min_coverage=0.0,
        max_foreign=99,
        max_words=20,
    ),
    _Family(
        NEWSLETTER,
        _both(
            r"\b(?:newsletters?|mailing list|inbox|email updates|e-mail updates)\b"
            r"|^\W*subscribe\W*$",
            r"\b(?:subscribe|sign up|join|get|receive|delivered|enter)\b|^\W*subscribe\W*$",
        ),
        _vocabulary("""subscribe subscribed sign up weekly daily monthly newsletter
            newsletters email e-mail emails mailing list inbox updates delivered straight
            directly receive latest best news analyses enter address never miss join readers
            subscribers thousands other unsubscribe anytime any time spam don't no every
            week month"""),
        min_coverage=0.75,
        max_foreign=3,
        max_words=30,
    ),
    _Family(
        COPYRIGHT,
        _search(
            r"^\W*(?:©|\(c\)|copyright)\s*(?:©\s*|\(c\)\s*)?(?:\d{4}|by\b)|\ball rights reserved\b"
        ),
        frozenset(),
        min_coverage=0.0,
        max_foreign=99,
        max_words=25,
    ),
)

_STRONG_SEPARATOR = re.compile(r"\s+[>»›→]\s+")
_WEAK_SEPARATOR = re.compile(r"\s+[/|·•]\s+")
_NAV_ITEMS = _vocabulary(
    """home start main index news about contact privacy policy terms faq help search login
    log in sign register subscribe archive archives blog reviews films movies"""
)


_LINE_START_CUE = re.compile(
    r"[^\w\n©]*(?:continu|read|keep|more|see|show|view|full|click|jump|skip|back|return|go"
    r"|to top|print|menu|search|home|next|prev|older|newer|related|you|toggle|main|tag"
    r"|filed|categor|posted|advert|sponsor|ads?\b|paid|promoted|story|share|tweet|pin"
    r"|e-?mail|subscri|\d+\s|thoughts|copyright|be the first|no comment|leave|add|write"
    r"|post|submit)"
)
_AFTER_NEWLINE = re.compile("\n" + _LINE_START_CUE.pattern)
_ANYWHERE_CUES = (
    "comment",
    "member",
    "account",
    "log in",
    "login",
    "sign in",
    "sign up",
    "regist",
    "cookie",
    "facebook",
    "twitter",
    "linkedin",
    "pinterest",
    "reddit",
    "whatsapp",
    "newsletter",
    "inbox",
    "mailing list",
    "rights reserved",
    "©",
    "(c)",
    " > ",
    " » ",
    " › ",
    " → ",
    " / ",
    " | ",
    " · ",
    " • ",
)


def cue_positions(text: str) -> list[int]:
    """Positions in `text` where chrome may start; lines without one are not classified.

    A cheap pass over the whole text: cues at a line start come from one anchored regex,
    the rest from plain substring search, which is far faster than one big alternation.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lengthen when lowered
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    found: list[int] = []
    first = _LINE_START_CUE.match(lowered)
    if first:
        found.append(first.end() - 1)
    found.extend(m.end() - 1 for m in _AFTER_NEWLINE.finditer(lowered))
    for cue in _ANYWHERE_CUES:
        pos = lowered.find(cue)
        while pos >= 0:
            found.append(pos)
            pos = lowered.find(cue, pos + 1)
    return found


def classify(line: str) -> str | None:
    """The chrome family `line` belongs to (its `Dropped.reason`), or None for content."""
    text = line.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    lowered = text.lower()
    words = _WORD.findall(lowered)
    for family in _FAMILIES:
        if family.accepts(lowered, words):
            return family.reason
    if _is_breadcrumb(text):
        return NAVIGATION
    return None


def _is_breadcrumb(text: str) -> bool:
    """ "Home > Films > Drama" or "Home | About | Contact": short items between separators.

    Slashes, bars and dots also separate ordinary phrases ("Love / War / Home"), so with
    those the trail must start at, or consist of, the usual navigation items.
    """
    items = _STRONG_SEPARATOR.split(text)
    strong = len(items) >= 3
    if not strong:
        items = _WEAK_SEPARATOR.split(text)
    if len(items) < 3 or len(_WORD.findall(text)) > 14:
        return False
    for item in items:
        words = _WORD.findall(item)
        if not words or len(words) > 4 or item.rstrip()[-1:] in ".!?;,":
            return False
    if strong:
        return True
    names = [" ".join(_WORD.findall(item.lower())) for item in items]
    return names[0] in _NAV_ITEMS or all(name in _NAV_ITEMS for name in names)
