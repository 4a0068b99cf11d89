"""Fountain: the import the tests call and the view of dialogue they assert on."""

from __future__ import annotations

from rehearsal.script.import_fountain import import_bytes
from rehearsal.script.model import Script

Block = tuple[str, str | None, bool, list[tuple[str, str]]]


def parse(text: str) -> Script:
    return import_bytes(text.encode("utf-8"))


def blocks(script: Script) -> list[Block]:
    """Dialogue as (character, extension, dual, [(part kind, text)]) for compact asserts."""
    return [
        (d.character, d.extension, d.dual, [(p.kind.value, p.text) for p in d.parts])
        for d in script.dialogues()
    ]


def speech(text: str) -> list[tuple[str, str]]:
    return [("speech", text)]
