"""Decoding text files as they really arrive: UTF-8 with or without BOM, UTF-16, cp1252.

Play texts and Fountain files come from every kind of editor. A byte-order mark decides
when there is one; otherwise strict UTF-8 is tried first (it almost never decodes wrong
text by accident), and only then ``charset-normalizer`` guesses among the legacy code
pages. Files that look binary are refused here, before any importer sees garbage.
"""

from __future__ import annotations

import codecs
import unicodedata

from rehearsal.script.errors import ScriptImportError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never appear in a text file (tab, LF, FF, CR and ESC-free text).
_BINARY_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1A)) | {0x1C, 0x1D, 0x1F}
_BINARY_TABLE = bytes(sorted(_BINARY_BYTES))  # for bytes.translate's fast delete


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` has a NUL or many control bytes and no text BOM."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_TABLE))
    return controls / len(sample) > 0.01


# Typography a Western text legitimately has outside ASCII (cp1252's 0x80-0x9F and friends).
_TYPOGRAPHIC = frozenset("‘’‚“”„–—…•€™«»¿¡°§©®·\u00a0")


def _plausible_western(text: str) -> bool:
    """True when cp1252 reads ``text`` as Western prose rather than mojibake.

    Western text has typography or a few accented Latin letters inside mostly-ASCII
    words; Cyrillic or Greek bytes read as cp1252 give whole words of accents, and other
    encodings give symbols that are not letters at all.
    """
    ascii_letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    accented = 0
    for ch in (c for c in text if ord(c) > 127):
        if ch in _TYPOGRAPHIC:
            continue
        if not (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")):
            return False
        accented += 1
    return accented <= 0.25 * max(1, ascii_letters)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes) -> str:
    """Decode a text file's bytes to ``str`` with ``\\n`` line ends, or raise.

    Raises :class:`ScriptImportError` for binary data and for bytes no encoding explains.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _normalise_newlines(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise ScriptImportError(
                    f"the file starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start + len(bom)})"
                ) from None
    if looks_binary(data):
        raise ScriptImportError("this is a binary file, not a script")
    try:
        return _normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _normalise_newlines(_decode_legacy(data))


def _decode_legacy(data: bytes) -> str:
    """Guess a legacy code page; cp1252 (Windows' Western default) is the usual answer.

    cp1252 is tried first when it reads as Western text: charset-normalizer alone mistakes
    short English text with curly quotes for Central European or Arabic code pages.
    """
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _plausible_western(western):
        return western
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            codec = codecs.lookup(best.encoding).name
            try:
                return data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                pass
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ScriptImportError(
            "the text encoding could not be recognised (tried UTF-8, UTF-16 and cp1252)"
        ) from None
