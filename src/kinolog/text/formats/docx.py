"""Word documents via python-docx, after checking the zip cannot explode.

python-docx loads every part of the package into memory, so a crafted archive that inflates
to gigabytes would exhaust the machine before parsing fails. The zip directory is checked
first (total size and compression ratio), which costs nothing because nothing is inflated.
Body paragraphs and table cells are kept in reading order, joined by blank lines, so headings
stay separate paragraphs and the engine sees the same shape as in a text export.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

import docx
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import LxmlError

from kinolog.config import Settings
from kinolog.core.errors import CorruptDocument, EmptyDocument, TooLarge
from kinolog.text.formats import Extracted

PARAGRAPH_BREAK = "\n\n"
DOCUMENT_PART = "word/document.xml"

# Deflate tops out near 1032:1; Word XML compresses 5-30x. Members beyond this ratio and size
# are crafted, not written.
MAX_RATIO = 200
RATIO_MIN_BYTES = 1024 * 1024


def extract_docx(data: bytes, *, source: str, settings: Settings) -> Extracted:
    """Paragraphs and table-cell text of the document body, joined by `PARAGRAPH_BREAK`."""
    check_archive(data, source=source, settings=settings)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
        metadata = _metadata(document)
    except (OpcError, KeyError, ValueError, LxmlError, zipfile.BadZipFile) as err:
        raise CorruptDocument(_reason(err), kind="DOCX", source=source) from err
    text = PARAGRAPH_BREAK.join(blocks)
    if not text.strip():
        raise EmptyDocument("the Word document has no text", source=source)
    return Extracted(original=text, text=text, metadata=metadata)


def check_archive(data: bytes, *, source: str, settings: Settings) -> None:
    """Refuse what is not a Word zip, or would inflate past `settings.max_unzipped_bytes`."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as err:
        raise CorruptDocument(
            f"not a readable zip archive ({err})", kind="DOCX", source=source
        ) from err
    if DOCUMENT_PART not in {member.filename for member in members}:
        raise CorruptDocument(
            f"the archive has no {DOCUMENT_PART}, so it is not a Word document",
            kind="DOCX",
            source=source,
        )
    total = sum(member.file_size for member in members)
    if total > settings.max_unzipped_bytes:
        raise TooLarge(
            f"the DOCX expands to {total:,} bytes, over the limit of "
            f"{settings.max_unzipped_bytes:,} (a zip bomb?)",
            option="--max-unzipped-bytes",
            source=source,
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_MIN_BYTES and ratio > MAX_RATIO:
            raise TooLarge(
                f"{member.filename} expands {ratio:,.0f} times ({member.file_size:,} bytes), "
                "which only crafted archives do (a zip bomb?)",
                option="--max-unzipped-bytes",
                source=source,
            )


def _blocks(document: docx.document.Document) -> list[str]:
    """Non-empty paragraph texts in reading order, descending into table cells."""
    found: list[str] = []
    _collect(document.iter_inner_content(), found)
    return found


def _collect(items: Iterable[Paragraph | Table], found: list[str]) -> None:
    for item in items:
        if isinstance(item, Paragraph):
            if item.text.strip():
                found.append(item.text)
        elif isinstance(item, Table):
            seen: set[object] = set()
            for row in item.rows:
                for cell in row.cells:
                    # A merged cell appears once per grid column it spans; read it once.
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    _collect(cell.iter_inner_content(), found)


def _metadata(document: docx.document.Document) -> dict[str, str]:
    props = document.core_properties
    found = {}
    for key, value in (("title", props.title), ("author", props.author)):
        if value and value.strip():
            found[key] = value.strip()
    return found


def _reason(err: Exception) -> str:
    message = str(err).strip().splitlines()[0][:120] if str(err).strip() else type(err).__name__
    return f"damaged Word package ({message})"
