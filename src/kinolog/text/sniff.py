"""What a file really is, judged from its content; the extension is only a hint.

People rename files, save web pages as .txt and upload exports with no extension at all, so
the bytes decide: a PDF header, a zip holding a Word document, HTML markup. Anything binary
that kinolog cannot read is refused with a message that names what it looks like, rather than
being decoded into nonsense and analysed.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from kinolog.core.errors import UnsupportedFormat
from kinolog.text.decode import bomless_utf16

PDF = "pdf"
DOCX = "docx"
HTML = "html"
MARKDOWN = "markdown"
TEXT = "text"
"""Format labels, as passed to the cleaner and recorded on the document."""

_DOCX_PART = "word/document.xml"

# Magic numbers of binary formats people upload by mistake, and what to call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office file (.doc/.xls); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx or plain text"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"%!PS", "a PostScript file; convert it to PDF"),
)

# Zip-based formats that are not Word documents, told apart by a part they always contain.
_ZIP_KINDS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("META-INF/container.xml", "an EPUB e-book"),
    ("content.xml", "an OpenDocument file; save it as .docx"),
)

# Control bytes that never occur in text (tab, newlines, form feed and ESC are allowed).
_CONTROL = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])
_CONTROL_RATIO = 0.05
_SAMPLE = 8192

_HTML_DOC = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.I)
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_COMMON_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|br|table|tr|td|th|section|article|main|blockquote|span|a|"
    r"em|strong|b|i|img|meta|title|link|script|style)\b[^<>]{0,500}>",
    re.I,
)
_MD_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
_MD_FEATURES = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX heading
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),  # inline link
    re.compile(r"^```", re.M),  # fenced code
    re.compile(r"^\S[^\n]*\n(?:=+|-+)[ \t]*$", re.M),  # setext heading
    re.compile(r"(?<![*\w])\*\*[^*\n]+\*\*(?!\*)"),  # strong emphasis
    re.compile(r"^>[ \t]", re.M),  # block quote
)


def sniff_container(data: bytes, *, source: str, filename_hint: str | None = None) -> str | None:
    """`"pdf"` or `"docx"` for those containers, None for text; refuses other binary content.

    Runs on raw bytes before decoding, because PDF and DOCX are not text at all.
    """
    pdf_at = data.find(b"%PDF-", 0, 1024)
    if pdf_at == 0 or (pdf_at > 0 and _binary_prefix(data[:pdf_at])):
        return PDF
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, source=source, filename_hint=filename_hint)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(what, source=source)
    if data[4:8] == b"ftyp":
        raise UnsupportedFormat("an MP4/QuickTime media file", source=source)
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise UnsupportedFormat(f"a RIFF {data[8:12].decode().strip()} file", source=source)
    _refuse_binary(data, source=source)
    return None


def sniff_text(text: str, *, filename_hint: str | None = None) -> str:
    """`"html"`, `"markdown"` or `"text"` for decoded text, judged by its markup first."""
    suffix = PurePath(filename_hint).suffix.lower() if filename_hint else ""
    head = text[:_SAMPLE].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and (_HTML_DOC.search(head) or suffix in _HTML_EXTENSIONS):
        return HTML
    if suffix not in _MD_EXTENSIONS and (_HTML_START.search(head, 0, 512) or _mostly_markup(head)):
        return HTML
    if suffix in _MD_EXTENSIONS or _looks_like_markdown(head):
        return MARKDOWN
    return TEXT


def _sniff_zip(data: bytes, *, source: str, filename_hint: str | None) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        # A damaged Word file still shows its part names in the local headers; the DOCX
        # reader then reports it as corrupt rather than as some unknown format.
        if _DOCX_PART.encode() in data or _hinted(filename_hint, ".docx"):
            return DOCX
        raise UnsupportedFormat("a damaged zip archive", source=source) from None
    if _DOCX_PART in names:
        return DOCX
    for part, what in _ZIP_KINDS:
        if part in names:
            raise UnsupportedFormat(what, source=source)
    raise UnsupportedFormat("a zip archive that is not a Word document", source=source)


def _refuse_binary(data: bytes, *, source: str) -> None:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        if sample.startswith((b"\xff\xfe", b"\xfe\xff")) or bomless_utf16(data):
            return
        raise UnsupportedFormat("binary data: it contains NUL bytes", source=source)
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls > _CONTROL_RATIO * len(sample):
        raise UnsupportedFormat(
            f"binary data: {controls / len(sample):.0%} control characters", source=source
        )


def _binary_prefix(prefix: bytes) -> bool:
    """A header before `%PDF-` that is whitespace or binary (MacBinary), not prose."""
    return not prefix.strip() or b"\x00" in prefix


def _hinted(filename_hint: str | None, suffix: str) -> bool:
    return bool(filename_hint) and PurePath(str(filename_hint)).suffix.lower() == suffix


def _mostly_markup(head: str) -> bool:
    """Fragments without <html>: most non-blank lines carry tags, and there are several."""
    tags = _COMMON_TAG.findall(head)
    if len(tags) < 3:
        return False
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _COMMON_TAG.search(line))
    return tagged >= 0.5 * len(lines)


def _looks_like_markdown(head: str) -> bool:
    """Two different Markdown constructs, so a lone "#1" or an asterisk does not count."""
    return sum(1 for feature in _MD_FEATURES if feature.search(head)) >= 2
