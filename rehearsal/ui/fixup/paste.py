"""Sides pasted from the clipboard (an email body), imported like a file.

The text is sniffed exactly as a file's would be (Fountain, a play, or screenplay-shaped
text), by the same loader, and kept as a file in the data folder named by its content,
so pasting the same sides again finds the first import, its history and corrections.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from rehearsal.script.cues import collapse_whitespace
from rehearsal.script.detect import sniff_text
from rehearsal.script.model import SourceFormat
from rehearsal.store.facade import content_hash

PASTED_FOLDER = "pasted"
_HEADING = re.compile(r"^\s*(?:INT|EXT|EST|INT\.?/EXT|I/E)[\. ].+|^\s*\.[A-Za-z0-9].*", re.I)
_ACT = re.compile(r"^\s*(?:ACT|SCENE|Actus|Scaena)\b.*", re.I)


def pasted_bytes(text: str) -> bytes:
    """The clipboard's text as the bytes of a file: UTF-8, one kind of line end."""
    return text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")


def pasted_title(text: str, today: date) -> str:
    """The name of pasted sides whose text names none: its first heading, else the date.

    (A Fountain title page's ``Title:`` wins over this: the importer reads it.)
    """
    for line in text.splitlines()[:400]:
        if _HEADING.match(line) or _ACT.match(line):
            return collapse_whitespace(line).lstrip(".")[:80]
    return f"Pasted sides {today.isoformat()}"


def pasted_path(data_folder: Path, text: str) -> Path:
    """Where pasted sides are kept: named by content, with the extension the text sniffs as."""
    data = pasted_bytes(text)
    suffix = ".fountain" if sniff_text(data.decode("utf-8")) is SourceFormat.FOUNTAIN else ".txt"
    return data_folder / PASTED_FOLDER / f"{content_hash(data)[:16]}{suffix}"
