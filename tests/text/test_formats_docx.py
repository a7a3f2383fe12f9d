import io
import zipfile

import docx
import pytest

from kinolog.config import Settings
from kinolog.core.errors import CorruptDocument, EmptyDocument, TooLarge, UnsupportedFormat
from kinolog.text import read_bytes
from kinolog.text.formats.docx import extract_docx


def _docx(*, with_table: bool = True, merged: bool = False) -> bytes:
    document = docx.Document()
    document.core_properties.title = "Cranes analysis"
    document.add_heading("The Cranes Are Flying", level=1)
    document.add_paragraph("Mikhail Kalatozov directed the film in 1957.")
    document.add_paragraph("")
    if with_table:
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Director(s)"
        table.cell(0, 1).text = "Mikhail Kalatozov"
        table.cell(1, 0).text = "Writer(s)"
        table.cell(1, 1).text = "Viktor Rozov"
        if merged:
            table.cell(1, 0).merge(table.cell(1, 1)).text = "Viktor Rozov, from his play"
    document.add_paragraph("Veronika waits for Boris.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_member(data: bytes, name: str, payload: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(name, payload)
    return out.getvalue()


def test_formats_docx_paragraphs_and_cells_are_joined_by_blank_lines():
    extracted = extract_docx(_docx(), source="essay.docx", settings=Settings())
    assert extracted.original == (
        "The Cranes Are Flying\n\nMikhail Kalatozov directed the film in 1957.\n\n"
        "Director(s)\n\nMikhail Kalatozov\n\nWriter(s)\n\nViktor Rozov\n\n"
        "Veronika waits for Boris."
    )


def test_formats_docx_merged_cell_is_read_once():
    extracted = extract_docx(_docx(merged=True), source="essay.docx", settings=Settings())
    assert extracted.original.count("Viktor Rozov, from his play") == 1


def test_formats_docx_metadata_records_the_title():
    extracted = extract_docx(_docx(), source="essay.docx", settings=Settings())
    assert extracted.metadata["title"] == "Cranes analysis"


def test_formats_docx_read_bytes_detects_it_by_content():
    doc = read_bytes(_docx(), source="upload")
    assert (doc.format, doc.encoding) == ("docx", "n/a")
    start = doc.clean.index("Viktor Rozov")
    assert doc.evidence(start, start + 12).quote == "Viktor Rozov"


def test_formats_docx_zip_bomb_by_ratio_raises_too_large():
    bomb = _with_member(_docx(), "word/media/padding.bin", bytes(8 * 1024 * 1024))
    with pytest.raises(TooLarge) as err:
        read_bytes(bomb, source="bomb.docx")
    assert err.value.code == "K015"
    assert "--max-unzipped-bytes" in str(err.value)
    assert "bomb.docx" in str(err.value)


def test_formats_docx_over_max_unzipped_bytes_raises_too_large():
    with pytest.raises(TooLarge) as err:
        read_bytes(_docx(), source="big.docx", settings=Settings(max_unzipped_bytes=1000))
    assert "--max-unzipped-bytes" in str(err.value)
    assert "big.docx" in str(err.value)


@pytest.mark.parametrize(
    "data",
    [b"not a zip at all", b"PK\x03\x04 broken"],
)
def test_formats_docx_non_zip_raises_corrupt_document(data):
    with pytest.raises(CorruptDocument) as err:
        extract_docx(data, source="broken.docx", settings=Settings())
    assert err.value.code == "K013"
    assert "broken.docx" in str(err.value)


def test_formats_docx_zip_without_document_part_raises_corrupt_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "Boris and Veronika")
    with pytest.raises(CorruptDocument) as err:
        extract_docx(out.getvalue(), source="notes.docx", settings=Settings())
    assert "word/document.xml" in str(err.value)


def test_formats_docx_other_zip_is_refused_by_the_reader():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "Boris and Veronika")
    with pytest.raises(UnsupportedFormat) as err:
        read_bytes(out.getvalue(), source="notes.zip")
    assert err.value.code == "K012"
    assert "notes.zip" in str(err.value)


def test_formats_docx_truncated_raises_corrupt_document():
    data = _docx()
    with pytest.raises(CorruptDocument) as err:
        read_bytes(data[: len(data) // 2], source="cut.docx")
    assert "cut.docx" in str(err.value)


def test_formats_docx_without_text_raises_empty_document():
    out = io.BytesIO()
    empty = docx.Document()
    empty.add_paragraph("   ")
    empty.save(out)
    with pytest.raises(EmptyDocument) as err:
        read_bytes(out.getvalue(), source="blank.docx")
    assert err.value.code == "K011"
    assert "blank.docx" in str(err.value)
