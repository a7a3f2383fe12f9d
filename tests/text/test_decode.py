import codecs
import random

import pytest

from kinolog.core.errors import EmptyDocument, UnsupportedFormat
from kinolog.text.decode import bomless_utf16, decode_bytes

ENGLISH = (
    "Mikhail Kalatozov’s “The Cranes Are Flying” (1957) follows Veronika and Boris — a young "
    "couple in Moscow whose love is broken by the war. The film won the Palme d’Or at Cannes "
    "in 1958; critics praised Sergey Urusevsky’s camera… The café scene and the fiancé’s "
    "departure are among the most famous sequences of Soviet cinema."
)
FRENCH = (
    "Le film « Quand passent les cigognes » de Mikhaïl Kalatozov a reçu la Palme d'or à "
    "Cannes en 1958. Véronika attend Boris, parti au front ; la caméra d'Urusevsky suit "
    "l'héroïne à travers Moscou détruite. C'est un chef-d'oeuvre du dégel soviétique, où "
    "l'émotion naît de l'image."
)
RUSSIAN = (
    "«Летят журавли» — советский художественный фильм 1957 года режиссёра Михаила "
    "Калатозова по пьесе Виктора Розова «Вечно живые». Вероника и Борис любят друг друга, "
    "но начинается война. Борис уходит добровольцем на фронт, а Вероника остаётся в Москве. "
    "Фильм получил «Золотую пальмовую ветвь» в Каннах."
)


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_decode_bom_decides_and_is_removed(bom, codec, expected):
    decoded = decode_bytes(bom + RUSSIAN.encode(codec), source="x.txt")
    assert (decoded.text, decoded.encoding, decoded.bom) == (RUSSIAN, expected, True)


def test_decode_valid_utf8_is_taken_as_utf8():
    decoded = decode_bytes(ENGLISH.encode("utf-8"), source="x.txt")
    assert (decoded.text, decoded.encoding) == (ENGLISH, "utf-8")


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (ENGLISH, "cp1252", {"cp1252"}),
        (RUSSIAN, "cp1251", {"cp1251"}),
        # Latin-1 text never uses 0x80-0x9F, so Windows-1252 reads it identically.
        (FRENCH, "latin-1", {"cp1252", "iso8859-1"}),
        (ENGLISH, "utf-16-le", {"utf-16-le"}),
        (RUSSIAN, "utf-16-be", {"utf-16-be"}),
    ],
)
def test_decode_detects_legacy_encodings(text, codec, expected):
    decoded = decode_bytes(text.encode(codec), source="x.txt")
    assert decoded.text == text
    assert decoded.encoding in expected


def test_decode_honours_html_meta_charset():
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p>'
    decoded = decode_bytes(page.encode("cp1251"), source="page.html")
    assert (decoded.text, decoded.encoding) == (page, "cp1251")


def test_decode_leaves_mojibake_for_the_cleaner():
    text = "Veronika shares a love with her fiancĂ©, Boris."
    assert decode_bytes(text.encode("utf-8"), source="x.txt").text == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, b"\xff\xfe \x00\n\x00"])
def test_decode_empty_or_whitespace_raises_empty_document(data):
    with pytest.raises(EmptyDocument) as err:
        decode_bytes(data, source="blank.txt")
    assert err.value.code == "K011"
    assert "blank.txt" in str(err.value)


def test_decode_undecodable_bytes_raise_unsupported_format():
    noise = random.Random(7)
    data = bytes(noise.randrange(128, 256) for _ in range(4096))
    with pytest.raises(UnsupportedFormat) as err:
        decode_bytes(data, source="noise.txt")
    assert err.value.code == "K012"
    assert "noise.txt" in str(err.value)


def test_decode_invalid_bytes_after_bom_raise_unsupported_format():
    with pytest.raises(UnsupportedFormat) as err:
        decode_bytes(codecs.BOM_UTF8 + b"Boris \xff\xfe", source="bad.txt")
    assert "bad.txt" in str(err.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ENGLISH.encode("utf-16-le"), "utf-16-le"),
        (ENGLISH.encode("utf-16-be"), "utf-16-be"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", None),
        (ENGLISH.encode("utf-8"), None),
    ],
)
def test_decode_bomless_utf16_is_told_from_binary(data, expected):
    assert bomless_utf16(data) == expected
