"""The script model: what every importer produces and every other part consumes.

Plain dataclasses with no Qt and no I/O, so the rehearsal engine, speech, storage and the
CLI can all share one picture of a script. The shape mirrors ``rehearsal parse --json``
(see :mod:`rehearsal.script.serialize`): a script is a list of scenes, a scene an ordered
list of elements, and a dialogue element an ordered list of parts (parentheticals and
speech), because actors rehearse *lines* and the order of direction inside a line matters.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field


class SourceFormat(enum.StrEnum):
    """The file format a script was imported from."""

    FOUNTAIN = "fountain"
    FDX = "fdx"
    PDF = "pdf"
    TEXT = "text"


class ElementKind(enum.StrEnum):
    """Kinds of non-dialogue element; the values are the JSON ``type`` strings."""

    ACTION = "action"
    TRANSITION = "transition"
    LYRIC = "lyric"
    CENTERED = "centered"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    NOTE = "note"
    PAGE_BREAK = "page_break"


class PartKind(enum.StrEnum):
    """Kinds of part inside a dialogue element."""

    PARENTHETICAL = "parenthetical"
    SPEECH = "speech"


@dataclass(slots=True)
class Part:
    """One piece of a dialogue: a parenthetical keeps its parentheses, speech is the words."""

    kind: PartKind
    text: str


@dataclass(slots=True)
class TextElement:
    """Every element that is not dialogue: action, transitions, lyrics, sections …

    ``level`` is only meaningful for sections (``#`` = 1, ``##`` = 2, …) and is 0 otherwise.
    """

    kind: ElementKind
    text: str
    level: int = 0


@dataclass(slots=True)
class Dialogue:
    """A speech by one character.

    ``character`` is the canonical name (upper-cased, without extension or CONT'D) so that
    ``MARY (CONT'D)``, ``MARY (V.O.)`` and ``Mary`` are one person; ``extension`` keeps
    what stood in parentheses after the name (``V.O.``, ``O.S.``) or ``None``.
    """

    character: str
    parts: list[Part] = field(default_factory=list)
    extension: str | None = None
    dual: bool = False

    @property
    def speech(self) -> str:
        """The spoken words only, parentheticals left out: what a reader voice says."""
        return " ".join(p.text for p in self.parts if p.kind is PartKind.SPEECH)


Element = TextElement | Dialogue


@dataclass(slots=True)
class Scene:
    """A scene: an optional heading and number (as printed) and its elements in order."""

    heading: str | None = None
    number: str | None = None
    elements: list[Element] = field(default_factory=list)

    def dialogues(self) -> Iterator[Dialogue]:
        """The dialogue elements of this scene, in order."""
        return (e for e in self.elements if isinstance(e, Dialogue))


@dataclass(slots=True)
class Script:
    """An imported script.

    ``title_page`` keeps the key/value pairs of a title page (Fountain ``Title:``, FDX
    ``TitlePage``) for display; ``warnings`` collects problems the importer worked around
    (an undecodable glyph, a page with no text) so the UI can show them without failing.
    """

    format: SourceFormat
    scenes: list[Scene] = field(default_factory=list)
    title: str | None = None
    title_page: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def dialogues(self) -> Iterator[Dialogue]:
        """Every dialogue element of the script, in reading order."""
        for scene in self.scenes:
            yield from scene.dialogues()

    @property
    def characters(self) -> list[str]:
        """Canonical character names in order of first speech."""
        seen: dict[str, None] = {}
        for dialogue in self.dialogues():
            seen.setdefault(dialogue.character, None)
        return list(seen)

    def line_counts(self) -> Counter[str]:
        """How many dialogue elements each character has: what an actor picks a role by."""
        return Counter(d.character for d in self.dialogues())
