import io
import random
from pathlib import Path

import pytest

from kinolog.config import Settings
from kinolog.core.errors import EmptyDocument, MissingFile, TooLarge, UnsupportedFormat
from kinolog.core.model import Dropped, Repair
from kinolog.text import read_bytes, read_document
from kinolog.text.formats.html import extract_html
from kinolog.text.read import _dropped_in_original, _repair_in_original, content_id

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "cranes"
PROSE = (
    "Tatiana Samoilova was a relatively new actress at the time, having only appeared in one "
    "film. Her portrayal of Veronika earned her a lasting legacy as a star.\n"
)
RUSSIAN = (
    "«Летят журавли» — советский художественный фильм 1957 года режиссёра Михаила "
    "Калатозова по пьесе Виктора Розова «Вечно живые». Вероника и Борис любят друг друга."
)


@pytest.mark.parametrize("name", ["essay.txt", "card.txt"])
def test_read_sample_documents_read_cleanly(name):
    doc = read_document(EXAMPLES / name)
    assert doc.original
    assert len(doc.offsets) == len(doc.clean)
    assert doc.source.endswith(name)


def test_read_plain_text_keeps_the_original_and_encoding(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    doc = read_document(path)
    assert (doc.format, doc.encoding, doc.original) == ("text", "cp1251", RUSSIAN)


def test_read_plain_text_evidence_quotes_the_original(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_text(PROSE, encoding="utf-8")
    doc = read_document(path)
    start = doc.clean.index("Veronika")
    assert doc.evidence(start, start + 8).quote == "Veronika"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("essay.md", "markdown"), ("essay.markdown", "markdown"), ("essay.txt", "text")],
)
def test_read_extension_names_markdown(tmp_path, name, fmt):
    path = tmp_path / name
    path.write_text(PROSE, encoding="utf-8")
    assert read_document(path).format == fmt


def test_read_default_id_is_stable_and_follows_the_content():
    first = read_bytes(PROSE.encode(), source="a.txt")
    again = read_bytes(PROSE.encode(), source="b.txt")
    other = read_bytes((PROSE + "More.").encode(), source="a.txt")
    assert first.id == again.id == content_id(PROSE.encode())
    assert first.id != other.id
    assert first.id.startswith("d") and len(first.id) == 13


def test_read_explicit_id_is_kept():
    assert read_bytes(PROSE.encode(), source="a.txt", doc_id="essay-1").id == "essay-1"


def test_read_dash_reads_the_given_stdin():
    doc = read_document("-", stdin=io.BytesIO(PROSE.encode("utf-16")))
    assert (doc.source, doc.original, doc.encoding) == ("<stdin>", PROSE, "utf-16-le")


def test_read_filename_hint_overrides_source_for_the_label():
    doc = read_bytes(PROSE.encode(), source="upload-17", filename_hint="draft.md")
    assert doc.format == "markdown"


def test_read_missing_path_raises_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(MissingFile) as err:
        read_document(path)
    assert err.value.code == "K016"
    assert str(path) in str(err.value)


def test_read_directory_raises_missing_file(tmp_path):
    with pytest.raises(MissingFile) as err:
        read_document(tmp_path)
    assert err.value.code == "K016"
    assert str(tmp_path) in str(err.value)
    assert "directory" in str(err.value)


@pytest.mark.parametrize(
    ("data", "error", "code"),
    [
        (b"", EmptyDocument, "K011"),
        (b"  \n\n\t  \r\n", EmptyDocument, "K011"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", UnsupportedFormat, "K012"),
        (random.Random(11).randbytes(2048), UnsupportedFormat, "K012"),
    ],
)
def test_read_bad_input_raises_coded_error_naming_the_file(tmp_path, data, error, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as err:
        read_document(path)
    assert err.value.code == code
    assert str(path) in str(err.value)


def test_read_file_over_max_bytes_raises_too_large(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(PROSE * 10, encoding="utf-8")
    with pytest.raises(TooLarge) as err:
        read_document(path, settings=Settings(max_bytes=100))
    assert err.value.code == "K015"
    assert "--max-bytes" in str(err.value)
    assert str(path) in str(err.value)


@pytest.mark.parametrize("reader", ["stdin", "bytes"])
def test_read_input_over_max_bytes_raises_too_large(reader):
    settings = Settings(max_bytes=100)
    with pytest.raises(TooLarge) as err:
        if reader == "stdin":
            read_document("-", stdin=io.BytesIO(PROSE.encode() * 10), settings=settings)
        else:
            read_bytes(PROSE.encode() * 10, source="upload.txt", settings=settings)
    assert "--max-bytes" in str(err.value)


def test_read_html_offsets_chain_through_extraction():
    page = "<html><body><nav>Home</nav><p>Veronika &amp; Boris</p></body></html>"
    doc = read_bytes(page.encode(), source="card.txt")
    start = doc.clean.index("& Boris")
    assert doc.evidence(start, start + 7).quote == "&amp; Boris"
    assert [d.reason for d in doc.dropped] == ["html: <nav> element"]


def test_read_cleaner_repair_is_moved_into_source_offsets():
    page = "<p>Her fianc&#196;&#8218; Boris</p>"
    extracted = extract_html(page, name="card.html")
    at = extracted.text.index("Ä‚")
    repair = Repair("mojibake", "Ä‚", "é", at, at + 2)
    moved = _repair_in_original(repair, extracted.offsets, extracted.original)
    assert page[moved.start : moved.end] == moved.original == "&#196;&#8218;"


def test_read_cleaner_dropped_span_is_moved_into_source_offsets():
    page = "<p>Boris</p><p>Continued --&gt;</p>"
    extracted = extract_html(page, name="card.html")
    at = extracted.text.index("Continued")
    dropped = Dropped("Continued -->", "continuation marker", at, len(extracted.text))
    moved = _dropped_in_original(dropped, extracted.offsets, extracted.original)
    assert page[moved.start : moved.end] == moved.text == "Continued --&gt;"
