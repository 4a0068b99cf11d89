"""Decoding text files as they arrive: BOMs, UTF-8, legacy code pages, line ends, binaries."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rehearsal.script.encoding import decode_text, looks_binary
from rehearsal.script.errors import ScriptImportError

SPEECH = "ANNA. It’s “late” – isn’t it? Café… ¿Qué?\nBORIS. Schön.\n"

# Legacy code pages are guessed by charset-normalizer, which reads short Western text with
# curly quotes or accents as cp852/cp1250 ("Itĺs ôlateö"). decode_text should prefer cp1252
# when the text reads as Western; strict=True makes these fail loudly once it does.


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_decide_and_are_removed(bom: bytes, codec: str) -> None:
    assert decode_text(bom + SPEECH.encode(codec)) == SPEECH


def test_plain_utf8_without_bom() -> None:
    assert decode_text(SPEECH.encode("utf-8")) == SPEECH


def test_crlf_and_lone_cr_become_lf() -> None:
    assert decode_text(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"
    assert decode_text("a\r\nb".encode("utf-16")) == "a\nb"


def test_empty_input_is_empty_text() -> None:
    assert decode_text(b"") == ""


CP1252_SAMPLES = (
    "MARGARET. It’s “late” – isn’t it?\r\nTOM. Yes…\r\n",
    "MARGARET. It’s “late” – isn’t it?\nTOM. Yes… it’s late.\n",
    "Don’t.\n",
    "NELL. You’re late again — the street’s been dark an hour.\n" * 20,
)


def test_cp1252_curly_quotes_and_dashes() -> None:
    for text in CP1252_SAMPLES:
        assert decode_text(text.encode("cp1252")) == text.replace("\r\n", "\n")


def test_latin1_french_accents() -> None:
    text = "MARIE. Où étiez-vous? Je vous ai attendu près de la fenêtre.\n" * 3
    assert decode_text(text.encode("latin-1")) == text


def test_cp1252_text_is_never_refused() -> None:
    """Whatever the guess, a Western file must load (its structure survives a wrong guess)."""
    for text in CP1252_SAMPLES:
        assert decode_text(text.encode("cp1252")).count("\n") == text.count("\n")


def test_cp1252_german_text_is_decoded() -> None:
    text = "GRETE. Schön, dass du da bist. Wir müssen über die Grüße reden.\n" * 3
    assert decode_text(text.encode("cp1252")) == text


def test_cyrillic_code_page_is_recognised() -> None:
    text = "МАША. Где ты была всю ночь? Я ждал тебя.\nПЕТЯ. Нигде. Просто гуляла.\n" * 3
    assert decode_text(text.encode("cp1251")) == text


def test_nul_bytes_mean_binary() -> None:
    assert looks_binary(b"PK\x03\x04\x00\x00")
    with pytest.raises(ScriptImportError, match="binary file"):
        decode_text(b"%\x00\x01\x02 not text")


def test_many_control_bytes_mean_binary() -> None:
    with pytest.raises(ScriptImportError, match="binary file"):
        decode_text(bytes(range(1, 9)) * 40)


def test_utf16_is_not_binary_despite_its_zero_bytes() -> None:
    assert not looks_binary("hello".encode("utf-16"))


def test_invalid_data_after_a_bom_names_the_encoding_and_the_byte() -> None:
    with pytest.raises(ScriptImportError, match=r"utf-8 byte-order mark.*byte 5"):
        decode_text(codecs.BOM_UTF8 + b"ab\xff\xfe")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_raise_script_import_error(data: bytes) -> None:
    try:
        text = decode_text(data)
    except ScriptImportError:
        return
    assert "\r" not in text


@settings(max_examples=200, deadline=None)
@given(
    st.text(st.characters(codec="utf-8", min_codepoint=1, exclude_categories=["Cs"]), max_size=300)
)
def test_any_text_round_trips_through_utf8_and_utf16(text: str) -> None:
    # NUL is left out: "\xff\xfe\x00\x00" is both UTF-16 "\x00" and a UTF-32 BOM.
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8")) == expected
    assert decode_text(text.encode("utf-16")) == expected
