"""Compact views of an imported script, so that an assert shows a whole scene at a glance."""

from __future__ import annotations

from rehearsal.script.model import ElementKind, Script, TextElement

Speech = tuple[str, list[tuple[str, str]]]


def speeches(script: Script) -> list[Speech]:
    """Each speech as (character, [(first five letters of the part's kind, text)])."""
    return [
        (d.character, [(p.kind.value[:5], p.text) for p in d.parts]) for d in script.dialogues()
    ]


def texts(script: Script, kind: ElementKind) -> list[str]:
    """The text of every element of one kind, in script order, across scenes."""
    return [
        e.text
        for scene in script.scenes
        for e in scene.elements
        if isinstance(e, TextElement) and e.kind is kind
    ]


def actions(script: Script) -> list[str]:
    """The action paragraphs: where a play's directions and prose end up."""
    return texts(script, ElementKind.ACTION)
