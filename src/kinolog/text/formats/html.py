"""HTML: the markup stays the original; the text is extracted with exact source offsets.

Evidence must quote what the user has, and for a web page that is the markup, so `original`
is the decoded HTML source and every extracted character maps back to the characters it came
from: a letter to itself, a decoded entity to the whole `&rsquo;`, an inserted paragraph
break to the tags that caused it. The standard library's tokenizer reports where each token
starts, which is all this needs; no parser that rewrites the tree would keep that.

What a reader does not see as the page's writing (scripts, navigation, site header and
footer, forms, hidden elements, comments) is left out and listed as `Dropped` with its span,
so nothing disappears silently. When the page marks its content with <main> or <article>,
only that is kept and the rest is listed as outside it.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

from kinolog.core.errors import EmptyDocument
from kinolog.core.model import Dropped
from kinolog.text.document import OffsetMap
from kinolog.text.formats import Extracted


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


DROPPED_TAGS = _tags(
    "script style noscript template nav header footer aside form button head title svg iframe "
    "select textarea canvas object dialog"
)
# ARIA landmark roles that mean the same as the chrome elements above.
DROPPED_ROLES = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
}
_HEAD_TAGS = _tags("title meta link style script noscript base template")
_CONTENT_LANDMARKS = _tags("main article h1")
# A <header> inside these holds the article's own title, not the site's masthead.
_OWN_HEADER_PARENTS = ("article", "main", "section")
VOID_TAGS = _tags("area base br col embed hr img input link meta param source track wbr keygen")
PARAGRAPH_TAGS = _tags(
    "address article blockquote body caption center details dir div dl fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hgroup hr html legend main menu ol p pre section summary table "
    "tbody tfoot thead ul"
)
LINE_TAGS = _tags("br li tr dt dd option")
CELL_TAGS = _tags("td th")

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKENS = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")
_COMMENT_CLOSE = re.compile(r"--!?\s*>")

# Item kinds produced by the tokenizer pass.
_TEXT, _CHAR, _BREAK, _CELL = range(4)


class _Item(NamedTuple):
    kind: int
    start: int
    end: int
    payload: str | int  # decoded characters for _CHAR, break size for _BREAK
    main: bool
    article: bool
    pre: bool


def extract_html(source: str, *, name: str) -> Extracted:
    """Text of the page's writing, with its map into `source` and the spans left out."""
    parser = _Tokenizer(source)
    parser.feed(source)
    parser.close()
    parser.finish()
    items, outside = _select(parser.items, source)
    text, starts, ends = _assemble(items, source)
    if not text.strip():
        raise EmptyDocument("the page has no text outside its markup", source=name)
    dropped = sorted((*parser.dropped, *outside), key=lambda d: (d.start, d.end))
    metadata = {"title": parser.title} if parser.title else {}
    return Extracted(
        original=source,
        text=text,
        offsets=OffsetMap(starts, ends),
        dropped=tuple(dropped),
        metadata=metadata,
    )


class _Tokenizer(HTMLParser):
    """Turns tokens into positioned items; tracks open elements to know what to leave out."""

    def __init__(self, source: str) -> None:
        # Entities are decoded here, one by one, so each keeps its own source span.
        super().__init__(convert_charrefs=False)
        self.source = source
        self.items: list[_Item] = []
        self.dropped: list[Dropped] = []
        self.title = ""
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", source))]
        self._stack: list[str] = []
        self._open = Counter[str]()
        self._drop: tuple[int, int, str, str] | None = None  # depth, start, reason, tag
        self._title_from: int | None = None

    # -- tokenizer callbacks -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, void=tag in VOID_TAGS)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, void=True)

    def handle_endtag(self, tag: str) -> None:
        start = self._position()
        close = self.source.find(">", start)
        end = len(self.source) if close < 0 else close + 1
        if tag == "title" and self._title_from is not None:
            self.title = " ".join(unescape(self.source[self._title_from : start]).split())
            self._title_from = None
        if tag not in self._open:
            if tag in ("br", "p") and self._drop is None:  # browsers read a stray </br> as <br>
                self._add(_BREAK, start, end, 1 if tag == "br" else 2)
            return
        while self._stack and self._pop() != tag:
            pass
        if self._drop is not None and len(self._stack) <= self._drop[0]:
            self._end_drop(end)
        elif self._drop is None:
            self._boundary(tag, start, end)

    def handle_data(self, data: str) -> None:
        if self._drop is None and data:
            start = self._position()
            self._add(_TEXT, start, start + len(data), "")

    def handle_entityref(self, name: str) -> None:
        self._reference(self._position(), 1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(self._position(), 2 + len(name))

    def handle_comment(self, data: str) -> None:
        start = self._position()
        after = start + 4 + len(data)
        match = _COMMENT_CLOSE.match(self.source, after)
        if match is not None:
            end = match.end()
        else:
            close = self.source.find(">", after)
            end = len(self.source) if close < 0 else close + 1
        if self._drop is None:
            self.dropped.append(Dropped(self.source[start:end], "html: comment", start, end))

    def finish(self) -> None:
        """Close an element left open at the end of the file (it runs to the end)."""
        if self._drop is not None:
            self._end_drop(len(self.source))

    # -- helpers -------------------------------------------------------------------------
    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, void: bool) -> None:
        start = self._position()
        end = start + len(self.get_starttag_text() or "")
        if tag == "title":
            self._title_from = end
        if self._drop is not None and self._ends_drop(tag):
            self._end_drop(start)
        if self._drop is None:
            reason = self._drop_reason(tag, dict(attrs))
            if reason is not None and not void:
                self._drop = (len(self._stack), start, reason, tag)
            elif reason is None:
                self._boundary(tag, start, end)
        if not void:
            self._stack.append(tag)
            self._open[tag] += 1

    def _ends_drop(self, tag: str) -> bool:
        """Start tags that close a dropped element early, as browsers would.

        An unclosed <head> ends where body content begins. A <form> wrapping a whole page
        (as some site frameworks do) stops being chrome where the writing's landmarks begin.
        """
        assert self._drop is not None
        dropped_tag = self._drop[3]
        if dropped_tag == "head":
            return tag not in _HEAD_TAGS
        return dropped_tag == "form" and tag in _CONTENT_LANDMARKS

    def _drop_reason(self, tag: str, attrs: dict[str, str | None]) -> str | None:
        if "hidden" in attrs:
            return f"html: hidden <{tag}> element"
        if (attrs.get("aria-hidden") or "").strip().lower() == "true":
            return f"html: aria-hidden <{tag}> element"
        if _HIDDEN_STYLE.search(attrs.get("style") or ""):
            return f"html: <{tag}> element hidden by its style"
        role = DROPPED_ROLES.get((attrs.get("role") or "").strip().lower())
        if role is not None:
            return f"html: <{tag}> element with role of <{role}>"
        if tag == "header" and any(parent in self._open for parent in _OWN_HEADER_PARENTS):
            return None
        if tag in DROPPED_TAGS:
            return f"html: <{tag}> element"
        return None

    def _boundary(self, tag: str, start: int, end: int) -> None:
        if tag in PARAGRAPH_TAGS:
            self._add(_BREAK, start, end, 2)
        elif tag in LINE_TAGS:
            self._add(_BREAK, start, end, 1)
        elif tag in CELL_TAGS:
            self._add(_CELL, start, end, "")

    def _reference(self, start: int, length: int) -> None:
        if self._drop is not None:
            return
        end = start + length
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[start:end]
        decoded = unescape(raw)
        if decoded == raw:  # not an entity after all: plain text
            self._add(_TEXT, start, end, "")
        else:
            self._add(_CHAR, start, end, decoded)

    def _end_drop(self, end: int) -> None:
        assert self._drop is not None
        depth, start, reason, _ = self._drop
        self.dropped.append(Dropped(self.source[start:end], reason, start, end))
        self._drop = None
        while len(self._stack) > depth:  # what the dropped element left open closes with it
            self._pop()

    def _pop(self) -> str:
        popped = self._stack.pop()
        self._open[popped] -= 1
        if not self._open[popped]:
            del self._open[popped]
        return popped

    def _add(self, kind: int, start: int, end: int, payload: str | int) -> None:
        self.items.append(
            _Item(
                kind,
                start,
                end,
                payload,
                "main" in self._open,
                "article" in self._open,
                "pre" in self._open,
            )
        )

    def _position(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column


def _select(items: list[_Item], source: str) -> tuple[list[_Item], list[Dropped]]:
    """Keep the <main> (else <article>) content when the page has some; list what is outside."""
    for scope in ("main", "article"):
        if any(getattr(it, scope) and _visible(it, source) for it in items):
            break
    else:
        return items, []
    kept: list[_Item] = []
    outside: list[Dropped] = []
    run: list[_Item] = []
    for item in [*items, None]:
        if item is not None and not getattr(item, scope):
            if _visible(item, source):
                run.append(item)
            continue
        if run:
            start, end = run[0].start, run[-1].end
            outside.append(Dropped(source[start:end], f"html: outside <{scope}>", start, end))
            run = []
        if item is not None:
            kept.append(item)
    return kept, outside


def _visible(item: _Item, source: str) -> bool:
    if item.kind == _CHAR:
        return not str(item.payload).isspace()
    return item.kind == _TEXT and not source[item.start : item.end].isspace()


def _assemble(items: list[_Item], source: str) -> tuple[str, array, array]:
    """Extracted text and its per-character source spans, collapsing whitespace as browsers do."""
    chunks: list[str] = []
    starts, ends = array("q"), array("q")
    pending_break = 0
    break_span = (0, 0)
    space: tuple[int, int, str] | None = None

    def flush() -> None:
        nonlocal pending_break, space
        if pending_break:
            chunks.append("\n" * pending_break)
            starts.extend([break_span[0]] * pending_break)
            ends.extend([break_span[1]] * pending_break)
        elif space is not None:
            chunks.append(space[2])
            starts.append(space[0])
            ends.append(space[1])
        pending_break, space = 0, None

    def emit(text: str, start: int, end: int, *, exact: bool) -> None:
        flush()
        chunks.append(text)
        if exact:  # every character is itself in the source
            starts.extend(range(start, end))
            ends.extend(range(start + 1, end + 1))
        else:  # decoded entity: each character stands for the whole reference
            starts.extend([start] * len(text))
            ends.extend([end] * len(text))

    for item in items:
        if item.kind == _BREAK:
            if starts:
                if not pending_break:
                    break_span = (item.start, item.end)
                pending_break = max(pending_break, int(item.payload))
                break_span = (break_span[0], item.end)
                space = None
        elif item.kind == _CELL:
            if starts and not pending_break:
                space = (item.start, item.end, "\t")
        elif item.kind == _CHAR:
            decoded = str(item.payload)
            if decoded.isspace() and not item.pre and decoded.isascii():
                if starts and not pending_break and space is None:
                    space = (item.start, item.end, " ")
            else:
                emit(decoded, item.start, item.end, exact=False)
        elif item.pre:
            emit(source[item.start : item.end], item.start, item.end, exact=True)
        else:
            for token in _TOKENS.finditer(source, item.start, item.end):
                if token.group()[0] not in " \t\n\r\f":
                    emit(token.group(), token.start(), token.end(), exact=True)
                elif starts and not pending_break and space is None:
                    space = (token.start(), token.end(), " ")
    return "".join(chunks), starts, ends
