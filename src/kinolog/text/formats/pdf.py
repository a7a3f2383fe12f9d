"""PDF text layer via pypdf, pages joined with a form feed.

Pages are joined with "\\n\\f\\n" so the cleaner can see where a page ends and recognise
running headers, footers and page numbers as page furniture. Failures are turned into coded
errors that tell the user what to do (unprotect, re-export, OCR), because pypdf's own
exceptions mean nothing to someone checking an essay.
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PasswordType, PdfReader
from pypdf.errors import (
    DependencyError,
    FileNotDecryptedError,
    LimitReachedError,
    PyPdfError,
)

from kinolog.config import Settings
from kinolog.core.errors import CorruptDocument, EmptyDocument, EncryptedDocument, TooLarge
from kinolog.text.formats import Extracted

PAGE_BREAK = "\n\f\n"

log = logging.getLogger(__name__)

# pypdf raises its own errors for malformed files, but damaged streams and object tables
# still surface as these built-in ones from inside its parsers.
_DAMAGE = (
    PyPdfError,
    zlib.error,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    RecursionError,
)


def extract_pdf(data: bytes, *, source: str, settings: Settings) -> Extracted:
    """The PDF's text, its pages joined with `PAGE_BREAK`."""
    with _translated(source):
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader, source)
        pages = reader.pages
        count = len(pages)
    if count > settings.max_pdf_pages:
        raise TooLarge(
            f"the PDF has {count} pages, over the limit of {settings.max_pdf_pages}",
            option="--max-pdf-pages",
            source=source,
        )
    texts = []
    for number, page in enumerate(pages, start=1):
        with _translated(source, where=f"page {number}: "):
            texts.append(page.extract_text() or "")
    if not any(text.strip() for text in texts):
        raise EmptyDocument(
            f"the PDF has no text layer ({count} page(s) of images?); run OCR on it first",
            source=source,
        )
    text = PAGE_BREAK.join(texts)
    return Extracted(original=text, text=text, metadata=_metadata(reader, count))


@contextmanager
def _translated(source: str, where: str = "") -> Iterator[None]:
    """pypdf's exceptions → kinolog's coded errors, keeping the cause chained."""
    try:
        yield
    except (FileNotDecryptedError, DependencyError) as err:
        # DependencyError: AES encryption needs the optional `cryptography` package.
        raise EncryptedDocument(f"{where}{err}", source=source) from err
    except LimitReachedError as err:
        # No kinolog option raises pypdf's decompression limits: this is a PDF bomb or damage.
        raise CorruptDocument(
            f"{where}a stream expands past pypdf's safety limit ({err})", kind="PDF", source=source
        ) from err
    except _DAMAGE as err:
        raise CorruptDocument(f"{where}{_reason(err)}", kind="PDF", source=source) from err


def _unlock(reader: PdfReader, source: str) -> None:
    """Try the empty user password: many "protected" PDFs only restrict printing or copying."""
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise EncryptedDocument("a password is needed to open it", source=source)


def _reason(err: Exception) -> str:
    """A short reason, e.g. "truncated or damaged (Stream has ended unexpectedly)"."""
    message = str(err).strip().splitlines()[0][:120] if str(err).strip() else type(err).__name__
    return f"truncated or damaged ({message})"


def _metadata(reader: PdfReader, pages: int) -> dict[str, str]:
    found = {"pages": str(pages)}
    try:
        info = reader.metadata
    except _DAMAGE:
        log.debug("unreadable PDF metadata", exc_info=True)
        return found
    if info is not None:
        for key, value in (("title", info.title), ("author", info.author)):
            if isinstance(value, str) and value.strip():
                found[key] = value.strip()
    return found
