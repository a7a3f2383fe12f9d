import re

import pytest

from kinolog.core.errors import EmptyDocument
from kinolog.text import read_bytes
from kinolog.text.formats.html import extract_html

PAGE = """<!DOCTYPE html>
<html>
<head>
  <title>The Cranes Are Flying &ndash; Story Analysis</title>
  <style>p { color: #333 }</style>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/films">Films</a></nav>
<!-- analytics -->
<article>
  <h1>The Cranes Are Flying</h1>
  <p>Mikhail   Kalatozov&rsquo;s film
     stars <b>Tatiana Samoilova</b> as Veronika&nbsp;and Aleksey Batalov as Boris.</p>
  <p>Medium: Film<br>Writer(s): Viktor Rozov</p>
</article>
<footer>&copy; 2024 Story Academy</footer>
<script>track("<p>not text</p>");</script>
</body>
</html>
"""


def _words_quote_themselves(extracted) -> bool:
    for word in re.finditer(r"[A-Za-z()]+", extracted.text):
        start, end = extracted.offsets.span(word.start(), word.end())
        if extracted.original[start:end] != word.group():
            return False
    return True


def test_formats_html_original_is_the_markup():
    extracted = extract_html(PAGE, name="card.html")
    assert extracted.original == PAGE


def test_formats_html_text_has_paragraphs_lines_and_collapsed_spaces():
    extracted = extract_html(PAGE, name="card.html")
    assert extracted.text == (
        "The Cranes Are Flying\n\n"
        "Mikhail Kalatozov’s film stars Tatiana Samoilova as Veronika\xa0and Aleksey Batalov "
        "as Boris.\n\nMedium: Film\nWriter(s): Viktor Rozov"
    )


def test_formats_html_every_word_maps_to_its_source():
    assert _words_quote_themselves(extract_html(PAGE, name="card.html"))


@pytest.mark.parametrize(
    ("needle", "quote"),
    [
        ("Kalatozov’s", "Kalatozov&rsquo;s"),
        ("Veronika\xa0and", "Veronika&nbsp;and"),
        ("Tatiana Samoilova", "Tatiana Samoilova"),
        ("Film\nWriter", "Film<br>Writer"),
    ],
)
def test_formats_html_evidence_quotes_the_source(needle, quote):
    doc = read_bytes(PAGE.encode(), source="card.html")
    start = doc.clean.index(needle)
    evidence = doc.evidence(start, start + len(needle))
    assert doc.original[evidence.start : evidence.end] == quote


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        ("html: <head> element", "<head>"),
        ("html: <nav> element", '<nav><a href="/">Home</a> | <a href="/films">Films</a></nav>'),
        ("html: comment", "<!-- analytics -->"),
        ("html: <footer> element", "<footer>&copy; 2024 Story Academy</footer>"),
        ("html: <script> element", '<script>track("<p>not text</p>");</script>'),
    ],
)
def test_formats_html_dropped_elements_are_recorded_with_source_spans(reason, text):
    extracted = extract_html(PAGE, name="card.html")
    found = [d for d in extracted.dropped if d.reason == reason]
    assert len(found) == 1
    assert found[0].text.startswith(text)
    assert PAGE[found[0].start : found[0].end] == found[0].text


@pytest.mark.parametrize(
    "markup",
    [
        "<noscript>Enable JavaScript</noscript>",
        "<template><p>Enable JavaScript</p></template>",
        "<aside>Enable JavaScript</aside>",
        "<header>Enable JavaScript</header>",
        "<form><label>Enable JavaScript</label><input name=q></form>",
        "<button>Enable JavaScript</button>",
        "<div hidden>Enable JavaScript</div>",
        '<div aria-hidden="true">Enable JavaScript</div>',
        '<span style="display: none">Enable JavaScript</span>',
        '<div role="navigation">Enable JavaScript</div>',
    ],
)
def test_formats_html_chrome_and_hidden_elements_are_left_out(markup):
    page = f"<html><body><p>Boris leaves for the front.</p>{markup}<p>Veronika stays.</p>"
    extracted = extract_html(page, name="page.html")
    assert "JavaScript" not in extracted.text
    assert any(d.text == markup for d in extracted.dropped)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>caf&eacute; &#233; &#xE9; &amp; &unknown; 5 &lt; 6</p>", "café é é & &unknown; 5 < 6"),
        ("<ul><li>Boris<li>Mark</ul>", "Boris\nMark"),
        ("<h2>Plot</h2>Veronika<div>waits</div>", "Plot\n\nVeronika\n\nwaits"),
        ("<p>one</p>\n\n   <p>two</p>", "one\n\ntwo"),
        ("<table><tr><th>Director</th><td>Kalatozov</td></tr></table>", "Director\tKalatozov"),
        ("<pre>  Boris\n    Mark</pre>", "  Boris\n    Mark"),
        ("<p>Vero<i>nika</i> and <em>Boris</em></p>", "Veronika and Boris"),
    ],
)
def test_formats_html_text_follows_the_rendering(markup, text):
    assert extract_html(f"<body>{markup}</body>", name="page.html").text == text


def test_formats_html_main_is_preferred_and_the_rest_recorded():
    page = "<body><div>Site banner text</div><main><p>Boris and Veronika.</p></main></body>"
    extracted = extract_html(page, name="page.html")
    assert extracted.text == "Boris and Veronika."
    assert [d.reason for d in extracted.dropped] == ["html: outside <main>"]
    assert extracted.dropped[0].text == "Site banner text"


def test_formats_html_article_is_preferred_without_main():
    page = "<body><div>Related films</div><article><p>Boris and Veronika.</p></article></body>"
    assert extract_html(page, name="page.html").text == "Boris and Veronika."


def test_formats_html_header_of_an_article_is_kept():
    page = "<article><header><h1>The Cranes Are Flying</h1></header><p>Boris.</p></article>"
    assert extract_html(page, name="page.html").text == "The Cranes Are Flying\n\nBoris."


def test_formats_html_unclosed_head_ends_where_the_body_begins():
    page = "<html><head><title>Cranes</title><body><p>Boris and Veronika.</p></body></html>"
    extracted = extract_html(page, name="page.html")
    assert (extracted.text, extracted.metadata) == ("Boris and Veronika.", {"title": "Cranes"})


def test_formats_html_page_wrapping_form_keeps_the_writing():
    page = "<body><form id=page><input name=q><h1>Cranes</h1><p>Boris.</p></form></body>"
    assert extract_html(page, name="page.html").text == "Cranes\n\nBoris."


def test_formats_html_title_goes_to_metadata():
    extracted = extract_html(PAGE, name="card.html")
    assert extracted.metadata == {"title": "The Cranes Are Flying – Story Analysis"}


def test_formats_html_without_text_raises_empty_document():
    with pytest.raises(EmptyDocument) as err:
        extract_html("<html><body><nav>Home</nav><script>x()</script></body></html>", name="e.html")
    assert err.value.code == "K011"
    assert "e.html" in str(err.value)


def test_formats_html_in_a_txt_file_is_read_as_html():
    doc = read_bytes(PAGE.encode("utf-8"), source="card.txt")
    assert (doc.format, doc.original) == ("html", PAGE)
    assert doc.clean.startswith("The Cranes Are Flying")
