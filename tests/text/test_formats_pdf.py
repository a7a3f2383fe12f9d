import io

import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter

from kinolog.config import Settings
from kinolog.core.errors import CorruptDocument, EmptyDocument, EncryptedDocument, TooLarge
from kinolog.text import read_bytes, read_document
from kinolog.text.formats.pdf import PAGE_BREAK, extract_pdf

PAGES = (
    "The Cranes Are Flying is a 1957 drama directed by Mikhail Kalatozov.",
    "Tatiana Samoilova plays Veronika; Aleksey Batalov plays Boris.",
)


def _pdf(pages=PAGES, *, title="The Cranes essay") -> bytes:
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def _scanned_pdf() -> bytes:
    image = io.BytesIO()
    Image.new("L", (200, 80), color=200).save(image, format="PNG")
    image.seek(0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    return bytes(pdf.output())


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_formats_pdf_pages_are_joined_with_a_form_feed():
    extracted = extract_pdf(_pdf(), source="essay.pdf", settings=Settings())
    assert extracted.original == PAGE_BREAK.join(PAGES)
    assert extracted.text is extracted.original


def test_formats_pdf_metadata_records_pages_and_title():
    extracted = extract_pdf(_pdf(), source="essay.pdf", settings=Settings())
    assert extracted.metadata == {"pages": "2", "title": "The Cranes essay"}


def test_formats_pdf_evidence_quotes_the_extracted_text():
    doc = read_bytes(_pdf(), source="essay.pdf")
    start = doc.clean.index("Mikhail Kalatozov")
    evidence = doc.evidence(start, start + len("Mikhail Kalatozov"))
    assert doc.original[evidence.start : evidence.end] == "Mikhail Kalatozov"
    assert evidence.quote == "Mikhail Kalatozov"


def test_formats_pdf_is_read_by_content_whatever_the_name(tmp_path):
    path = tmp_path / "essay.txt"
    path.write_bytes(_pdf())
    doc = read_document(path)
    assert (doc.format, doc.encoding) == ("pdf", "n/a")


def test_formats_pdf_empty_user_password_opens():
    extracted = extract_pdf(_encrypted(""), source="locked.pdf", settings=Settings())
    assert extracted.original == PAGE_BREAK.join(PAGES)


def test_formats_pdf_password_protected_raises_encrypted_document():
    with pytest.raises(EncryptedDocument) as err:
        read_bytes(_encrypted("secret"), source="locked.pdf")
    assert err.value.code == "K014"
    assert "locked.pdf" in str(err.value)


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_formats_pdf_truncated_raises_corrupt_document(fraction):
    data = _pdf()
    with pytest.raises(CorruptDocument) as err:
        read_bytes(data[: int(len(data) * fraction)], source="cut.pdf")
    assert err.value.code == "K013"
    assert "cut.pdf" in str(err.value)
    assert "PDF" in str(err.value)


def test_formats_pdf_over_max_pages_raises_too_large():
    with pytest.raises(TooLarge) as err:
        read_bytes(_pdf(), source="long.pdf", settings=Settings(max_pdf_pages=1))
    assert err.value.code == "K015"
    assert "--max-pdf-pages" in str(err.value)
    assert "long.pdf" in str(err.value)


def test_formats_pdf_without_text_layer_raises_empty_document():
    with pytest.raises(EmptyDocument) as err:
        read_bytes(_scanned_pdf(), source="scan.pdf")
    assert err.value.code == "K011"
    assert "scan.pdf" in str(err.value)
    assert "no text layer" in str(err.value.fields["detail"])
