"""Reading a document: path or bytes in, a cleaned `SourceDocument` with exact offsets out.

Every entry point (the CLI, the site's upload form, the batch importer) reads through here,
so limits, format detection and error messages are the same everywhere. The steps are: check
the size before reading, detect the format from the content, extract or decode the text,
clean it, and chain the offset maps so clean text always points into the original.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from kinolog.config import Settings
from kinolog.core.errors import EmptyDocument, MissingFile, TooLarge
from kinolog.core.model import Dropped, Repair
from kinolog.text.clean import clean_text
from kinolog.text.decode import decode_bytes
from kinolog.text.document import OffsetMap, SourceDocument
from kinolog.text.formats import Extracted
from kinolog.text.formats.docx import extract_docx
from kinolog.text.formats.html import extract_html
from kinolog.text.formats.pdf import extract_pdf
from kinolog.text.sniff import DOCX, HTML, PDF, sniff_container, sniff_text

STDIN = "-"
STDIN_SOURCE = "<stdin>"
NOT_DECODED = "n/a"
"""`SourceDocument.encoding` for PDF and DOCX, whose text is extracted, not decoded."""


def read_document(
    source: str | os.PathLike[str],
    *,
    settings: Settings | None = None,
    doc_id: str | None = None,
    stdin: BinaryIO | None = None,
) -> SourceDocument:
    """Read a file (or standard input for "-") into a cleaned document.

    The size is checked against `settings.max_bytes` before the file is read, so an
    accidental multi-gigabyte upload is refused without loading it.
    """
    settings = settings or Settings()
    name = os.fspath(source)
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_limited(stream, STDIN_SOURCE, settings.max_bytes)
        return read_bytes(data, source=STDIN_SOURCE, settings=settings, doc_id=doc_id)
    path = Path(name)
    try:
        if not path.exists():
            raise MissingFile("no such file", source=name)
        if path.is_dir():
            raise MissingFile("is a directory, not a file; pass the files inside it", source=name)
        size = path.stat().st_size
        if path.is_file():
            _check_size(size, name, settings.max_bytes)
        with path.open("rb") as handle:
            data = _read_limited(handle, name, settings.max_bytes)
    except PermissionError as err:
        raise MissingFile("permission denied; check the file's permissions", source=name) from err
    except OSError as err:
        raise MissingFile(f"cannot be read ({err.strerror or err})", source=name) from err
    return read_bytes(data, source=name, settings=settings, doc_id=doc_id, filename_hint=name)


def read_bytes(
    data: bytes,
    *,
    source: str,
    settings: Settings | None = None,
    doc_id: str | None = None,
    filename_hint: str | None = None,
) -> SourceDocument:
    """Read a document already in memory (an upload); `source` names it in messages.

    `filename_hint` (by default `source`) only breaks ties the content leaves open, such as
    Markdown against plain text; the content always decides the format.
    """
    settings = settings or Settings()
    hint = source if filename_hint is None else filename_hint
    _check_size(len(data), source, settings.max_bytes)
    if not data:
        raise EmptyDocument("the file has no bytes", source=source)
    encoding = NOT_DECODED
    container = sniff_container(data, source=source, filename_hint=hint)
    if container == PDF:
        fmt, extracted = PDF, extract_pdf(data, source=source, settings=settings)
    elif container == DOCX:
        fmt, extracted = DOCX, extract_docx(data, source=source, settings=settings)
    else:
        decoded = decode_bytes(data, source=source)
        encoding = decoded.encoding
        fmt = sniff_text(decoded.text, filename_hint=hint)
        if fmt == HTML:
            extracted = extract_html(decoded.text, name=source)
        else:
            extracted = Extracted(original=decoded.text, text=decoded.text)
    return _clean(
        extracted,
        fmt=fmt,
        source=source,
        encoding=encoding,
        doc_id=doc_id or content_id(data),
    )


def content_id(data: bytes) -> str:
    """A short id that is the same whenever the same bytes are read again."""
    return "d" + hashlib.sha256(data).hexdigest()[:12]


def _clean(
    extracted: Extracted, *, fmt: str, source: str, encoding: str, doc_id: str
) -> SourceDocument:
    """Run the cleaner on the extracted text and express its results in original offsets."""
    cleaned = clean_text(extracted.text, fmt=fmt)
    if not cleaned.clean.strip():
        raise EmptyDocument("nothing is left once page furniture is removed", source=source)
    mapping = extracted.offsets
    if mapping is None:  # the extracted text is the original: offsets are already right
        offsets = cleaned.offsets
        repairs = cleaned.repairs
        cleaner_dropped = cleaned.dropped
    else:
        offsets = mapping.compose(cleaned.offsets)
        repairs = tuple(
            _repair_in_original(r, mapping, extracted.original) for r in cleaned.repairs
        )
        cleaner_dropped = tuple(
            _dropped_in_original(d, mapping, extracted.original) for d in cleaned.dropped
        )
    dropped = sorted((*extracted.dropped, *cleaner_dropped), key=lambda d: (d.start, d.end))
    return SourceDocument(
        id=doc_id,
        source=source,
        format=fmt,
        encoding=encoding,
        original=extracted.original,
        clean=cleaned.clean,
        offsets=offsets,
        repairs=repairs,
        dropped=tuple(dropped),
        metadata=dict(extracted.metadata),
    )


def _repair_in_original(repair: Repair, mapping: OffsetMap, original: str) -> Repair:
    """A repair found in extracted text, re-anchored so `original[start:end]` is its quote."""
    start, end = mapping.span(repair.start, repair.end)
    return replace(repair, original=original[start:end], start=start, end=end)


def _dropped_in_original(dropped: Dropped, mapping: OffsetMap, original: str) -> Dropped:
    start, end = mapping.span(dropped.start, dropped.end)
    return replace(dropped, text=original[start:end], start=start, end=end)


def _check_size(size: int, source: str, limit: int) -> None:
    if size > limit:
        raise TooLarge(
            f"the file is {size:,} bytes, over the limit of {limit:,}",
            option="--max-bytes",
            source=source,
        )


def _read_limited(stream: BinaryIO, source: str, limit: int) -> bytes:
    """Read at most one byte past `limit`, so a stream of unknown length cannot flood memory."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(
            f"the input is over the limit of {limit:,} bytes",
            option="--max-bytes",
            source=source,
        )
    return data
