"""Bytes → text, recording which encoding was used.

People paste film writing from everywhere: Word exports in Windows-1252, Russian sources in
Windows-1251, old pages in Latin-1, Notepad files in UTF-16. The order below trusts the
strongest evidence first (a byte-order mark, then valid UTF-8, then a charset the HTML itself
declares) and only then asks charset-normalizer to detect one, so a guess never overrides a
fact. Mojibake that is already *inside* valid text is left alone: the cleaner repairs it and
records each repair with its offsets.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from kinolog.core.errors import EmptyDocument, UnsupportedFormat

# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# When several detected encodings decode the bytes to the very same text, name the most
# common one (Windows-1252 rather than Windows-1250 for English with curly quotes).
_PREFERRED = ("utf_8", "ascii", "cp1252", "latin_1", "cp1251", "cp1250", "utf_16", "utf_32")

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252.
_WHATWG_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """Python codec name (`codecs.lookup(...).name`), e.g. "utf-8", "cp1251", "utf-16-le"."""
    bom: bool = False


def decode_bytes(data: bytes, *, source: str) -> Decoded:
    """Decode a text file, raising coded errors for undecodable or empty content."""
    decoded = _decode(data, source)
    if not decoded.text.strip():
        raise EmptyDocument("only whitespace after decoding", source=source)
    return decoded


def bomless_utf16(data: bytes) -> str | None:
    """The UTF-16 codec that reads `data` as clean text, if its NUL bytes say it is UTF-16.

    Text saved as UTF-16 without a byte-order mark is full of NUL bytes, which otherwise mark
    binary files; this tells the two apart so the sniffer does not reject such text.
    """
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        codec = "utf-16-le"
    elif even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
    return codec if printable >= 0.95 * len(text) else None


def _decode(data: bytes, source: str) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), codec, bom=True)
            except UnicodeDecodeError as err:
                raise UnsupportedFormat(
                    f"bytes invalid in the {codec.upper()} its byte-order mark declares "
                    f"(at byte {err.start + len(bom)})",
                    source=source,
                ) from err
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for attempt in (_declared, bomless_utf16):
        codec = attempt(data)
        if codec is not None:
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                continue
    return _detected(data, source)


def _declared(data: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` tag, when Python knows it."""
    match = _META_CHARSET.search(data, 0, 4096)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # a page that says so in ASCII bytes is not really UTF-16
    preferred = _WHATWG_ALIASES.get(name)
    if preferred is not None:
        try:
            data.decode(preferred)
        except UnicodeDecodeError:
            return name
        return preferred
    return name


def _detected(data: bytes, source: str) -> Decoded:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise UnsupportedFormat("no text encoding fits these bytes", source=source)
    text = str(best)
    candidates = {*best.could_be_from_charset, *(match.encoding for match in results)}
    for codec in _PREFERRED:
        if codec == best.encoding:
            break
        if codec in candidates and _decodes_to(data, codec, text):
            return Decoded(text, codecs.lookup(codec).name)
    return Decoded(text, codecs.lookup(best.encoding).name)


def _decodes_to(data: bytes, codec: str, text: str) -> bool:
    try:
        return data.decode(codec) == text
    except UnicodeDecodeError:
        return False
