"""Format sniffing: which importer reads this file.

Content decides before the file name: a PDF renamed ``.txt`` is still a PDF, and an
``.fdx`` that is really a PDF export would otherwise fail with a baffling XML error. The
extension only breaks the tie between Fountain and a plain-text play, which are both text.
"""

from __future__ import annotations

import re

from rehearsal.script.errors import ScriptImportError
from rehearsal.script.layout_text import is_layout_screenplay
from rehearsal.script.model import SourceFormat

FOUNTAIN_SUFFIXES = frozenset({".fountain", ".spmd"})
FDX_SUFFIXES = frozenset({".fdx", ".xml"})

_SCENE_HEADING = re.compile(r"^(?:INT|EXT|EST|INT\.?/EXT|I/E)[\. ]", re.IGNORECASE | re.MULTILINE)
_FORCED_HEADING = re.compile(r"^\.[A-Za-z0-9]", re.MULTILINE)
_TITLE_KEY = re.compile(r"^(?:Title|Credit|Author|Authors|Source|Draft date|Contact):", re.I)


_UNSUPPORTED = {
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "an RTF document",
    ".pages": "a Pages document",
    ".celtx": "a Celtx project",
}


def sniff_bytes(data: bytes, suffix: str) -> SourceFormat | None:
    """The format of ``data``, or None for text whose kind :func:`sniff_text` decides.

    ``suffix`` is the lower-cased file extension with its dot (``.fdx``) or ``""``.
    Raises :class:`ScriptImportError` for document formats we know but do not read, with
    a hint of what to export instead.
    """
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return SourceFormat.PDF
    lowered = head.lower()
    stripped = lowered.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"<finaldraft" in lowered or (stripped.startswith(b"<?xml") and suffix in FDX_SUFFIXES):
        return SourceFormat.FDX
    if suffix == ".pdf":
        return SourceFormat.PDF  # no %PDF header: the PDF importer says it is damaged
    if suffix in FDX_SUFFIXES:
        return SourceFormat.FDX
    if stripped.startswith(b"{\\rtf"):
        suffix = ".rtf"
    if suffix in _UNSUPPORTED:
        raise ScriptImportError(
            f"{_UNSUPPORTED[suffix]} is not supported; export it as PDF, "
            "Final Draft (.fdx), Fountain or plain text"
        )
    if suffix in FOUNTAIN_SUFFIXES:
        return SourceFormat.FOUNTAIN
    return None


def sniff_text(text: str) -> SourceFormat:
    """Fountain or a stage play, for text whose extension does not say.

    A screenplay has scene headings (``INT. HOUSE - DAY``) or a Fountain title page; a
    play text has neither. A screenplay written out with its printed indents is text, not
    Fountain: the text importer reads it by its layout.
    """
    sample = text[:20_000]
    if _TITLE_KEY.match(sample.lstrip()):
        return SourceFormat.FOUNTAIN
    if is_layout_screenplay(sample):
        return SourceFormat.TEXT  # a printed page in spaces: the text importer reads its layout
    if len(_SCENE_HEADING.findall(sample)) + len(_FORCED_HEADING.findall(sample)) >= 1:
        return SourceFormat.FOUNTAIN
    return SourceFormat.TEXT
