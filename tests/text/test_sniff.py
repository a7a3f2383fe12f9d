import io
import random
import zipfile

import pytest

from kinolog.core.errors import UnsupportedFormat
from kinolog.text.sniff import sniff_container, sniff_text

PROSE = (
    "The Cranes Are Flying is a 1957 drama about the Soviet Union's involvement in World War "
    "II. The director is Mikhail Kalatozov and the film stars Aleksey Batalov as Boris.\n"
)


def _zip(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"\r\n%PDF-1.4\n", "pdf"),
        (_zip("[Content_Types].xml", "word/document.xml"), "docx"),
        (PROSE.encode("utf-8"), None),
        (PROSE.encode("cp1252"), None),
        (PROSE.encode("utf-16"), None),
        (PROSE.encode("utf-16-le"), None),
    ],
)
def test_sniff_container_reads_the_content(data, expected):
    assert sniff_container(data, source="upload", filename_hint="upload.txt") == expected


def test_sniff_container_ignores_a_misleading_extension():
    assert sniff_container(PROSE.encode(), source="essay.pdf", filename_hint="essay.pdf") is None


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "legacy Office file"),
        (_zip("notes.txt", "poster.jpg"), "zip archive that is not a Word document"),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "Excel workbook"),
        (b"PK\x03\x04garbage that is no archive", "damaged zip archive"),
        (random.Random(3).randbytes(4096), "NUL bytes"),
        (b"Boris\x01\x02\x03\x04\x05\x06\x07\x08 Veronika\x0e\x0f\x10", "control characters"),
    ],
)
def test_sniff_container_refuses_binary_naming_what_it_looks_like(data, named):
    with pytest.raises(UnsupportedFormat) as err:
        sniff_container(data, source="upload.bin")
    assert err.value.code == "K012"
    assert named in str(err.value)
    assert "upload.bin" in str(err.value)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>Boris</p></body></html>", "card.txt", "html"),
        ("\ufeff  <html lang=en><body>Boris</body></html>", None, "html"),
        ("<p>Boris</p>\n<p>Veronika</p>\n<div>Mark</div>", "card.txt", "html"),
        ("<h1>Cranes</h1>", "card.html", "html"),
        ("Saved page\n<!doctype html><html><body>Boris</body></html>", None, "html"),
        (PROSE, "essay.md", "markdown"),
        (PROSE, "essay.markdown", "markdown"),
        ("# The Cranes\n\nSee [the film](https://example.org/cranes).\n", None, "markdown"),
        (PROSE, "essay.txt", "text"),
        (PROSE, None, "text"),
        ("#1 film of 1957: The Cranes Are Flying, with a *star* turn.", None, "text"),
        ("Kalatozov uses the <body> of the frame as a stage.\n" + PROSE, None, "text"),
    ],
)
def test_sniff_text_judges_markup_before_the_extension(text, hint, expected):
    assert sniff_text(text, filename_hint=hint) == expected
