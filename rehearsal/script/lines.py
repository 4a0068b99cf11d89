"""A script seen as lines: what an actor points at when an import needs putting right.

The model groups text into scenes, elements and dialogue parts, but an actor correcting an
import thinks in printed lines: "this is a cue", "these two lines are speech". This module
defines that view and converts both ways, so corrections (:mod:`rehearsal.script.corrections`)
can change lines and let the rebuild decide which dialogues and scenes result.

What a line is
    Every scene contributes a *heading line* (element index :data:`HEADING`), present even
    when the scene has no heading so that scene breaks survive. A text element (action,
    transition, lyric …) is one line. A dialogue element is its *cue line* (line 0: the
    character, extension and dual flag) followed by one line per part (line ``k`` is part
    ``k - 1``), so a parenthetical and the speech after it are separate lines.

How ids stay stable
    A line is named by where its text stands in the *original* import, ``LineId(scene,
    element, line, offset)``: scene and element indices, the line within the element, and
    the character offset where the piece starts (0 unless a split cut the line). Corrections
    never renumber anything, so an id given before other corrections still names the same
    words afterwards, and re-importing the same file gives the same ids.

How lines become a script again (:func:`rebuild`)
    Lines are read in order. A heading line starts a scene; a cue line starts a dialogue; a
    speech or parenthetical line joins the dialogue open just before it. When no dialogue
    is open (a line above it was made action), the line continues its own cue's speaker, as
    a script prints ``NAME (CONT'D)``; a speech line with no cue to belong to is kept as
    action and reported. Any other line closes the open dialogue and is a text element.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple

from rehearsal.script.model import (
    Dialogue,
    ElementKind,
    Part,
    PartKind,
    Scene,
    Script,
    TextElement,
)

#: The element index of a scene's heading line.
HEADING = -1


class LineKind(enum.StrEnum):
    """What a line is; the text-element kinds share their values with :class:`ElementKind`."""

    HEADING = "heading"
    CUE = "cue"
    SPEECH = "speech"
    PARENTHETICAL = "parenthetical"
    ACTION = "action"
    TRANSITION = "transition"
    LYRIC = "lyric"
    CENTERED = "centered"
    SECTION = "section"
    SYNOPSIS = "synopsis"
    NOTE = "note"
    PAGE_BREAK = "page_break"


#: The kinds an actor can give a line; the rest only come from importers.
EDITABLE_KINDS = frozenset(
    {
        LineKind.HEADING,
        LineKind.CUE,
        LineKind.SPEECH,
        LineKind.PARENTHETICAL,
        LineKind.ACTION,
        LineKind.TRANSITION,
    }
)

_PART_KINDS = {PartKind.SPEECH: LineKind.SPEECH, PartKind.PARENTHETICAL: LineKind.PARENTHETICAL}
PART_LINE_KINDS = frozenset({LineKind.SPEECH, LineKind.PARENTHETICAL})


class LineId(NamedTuple):
    """A line of the original import; see the module docstring for the rule.

    A named tuple rather than a dataclass: a rebuild hashes thousands of them, and a
    tuple's hash is native.
    """

    scene: int
    element: int
    line: int = 0
    offset: int = 0

    def as_list(self) -> list[int]:
        """The JSON form: four integers."""
        return [self.scene, self.element, self.line, self.offset]

    @classmethod
    def from_list(cls, data: object) -> LineId:
        """Read :meth:`as_list` output; raises ``ValueError`` on anything else."""
        if (
            not isinstance(data, list)
            or len(data) not in (3, 4)
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in data)
        ):
            raise ValueError(f"a line id is three or four integers, not {data!r}")
        return cls(*data)


#: Where a line stands in a script: (scene, element, line), with the same line numbering.
Position = tuple[int, int, int]


@dataclass(slots=True)
class Line:
    """One line while corrections are applied; the rebuild reads only these fields.

    ``source`` is the whole original text of the line the piece was cut from and ``end``
    where this piece stops in it, so a later split can cut the same piece again.
    """

    id: LineId
    kind: LineKind
    text: str | None
    source: str = ""
    end: int = 0
    character: str = ""
    extension: str | None = None
    dual: bool = False
    level: int = 0
    number: str | None = None
    owner: LineId | None = None
    excluded: bool = False
    joined_by: int | None = None
    starts_speech: bool = False
    new_speaker: str | None = None


@dataclass(slots=True)
class Rebuilt:
    """The rebuilt script and how its lines map to the original ones.

    ``positions`` maps an original line id to where it now stands (excluded lines and
    joined cues have none); ``ids`` is the reverse, for a UI that knows where the actor
    clicked. ``orphans`` are speech lines kept as action for want of a cue, and
    ``failed_joins`` the indices of join corrections whose speeches were not consecutive.
    """

    script: Script
    positions: dict[LineId, Position] = field(default_factory=dict)
    ids: dict[Position, LineId] = field(default_factory=dict)
    orphans: list[LineId] = field(default_factory=list)
    failed_joins: list[int] = field(default_factory=list)


def cue_text(character: str, extension: str | None) -> str:
    """A cue as printed, for a cue line that becomes another kind of line."""
    return f"{character} ({extension})" if extension else character


def flatten(script: Script) -> list[Line]:
    """The script's lines in reading order, each named by its position in ``script``."""
    lines: list[Line] = []
    for s, scene in enumerate(script.scenes):
        heading = scene.heading
        lines.append(
            Line(
                LineId(s, HEADING),
                LineKind.HEADING,
                heading,
                source=heading or "",
                end=len(heading or ""),
                number=scene.number,
            )
        )
        for e, element in enumerate(scene.elements):
            if isinstance(element, Dialogue):
                cue = LineId(s, e)
                printed = cue_text(element.character, element.extension)
                lines.append(
                    Line(
                        cue,
                        LineKind.CUE,
                        printed,
                        source=printed,
                        end=len(printed),
                        character=element.character,
                        extension=element.extension,
                        dual=element.dual,
                    )
                )
                for k, part in enumerate(element.parts, start=1):
                    lines.append(
                        Line(
                            LineId(s, e, k),
                            _PART_KINDS[part.kind],
                            part.text,
                            source=part.text,
                            end=len(part.text),
                            owner=cue,
                        )
                    )
            else:
                lines.append(
                    Line(
                        LineId(s, e),
                        LineKind(element.kind.value),
                        element.text,
                        source=element.text,
                        end=len(element.text),
                        level=element.level,
                    )
                )
    return lines


class _Builder:
    """The state of one rebuild: the scene being filled and the dialogue still open."""

    def __init__(self, script: Script) -> None:
        self.out = Script(
            format=script.format,
            title=script.title,
            title_page=dict(script.title_page),
            warnings=list(script.warnings),
        )
        self.result = Rebuilt(self.out)
        self.scene: Scene | None = None
        self.open: Dialogue | None = None
        self.live_cues: dict[LineId, Dialogue] = {}
        self.excluded_cues: set[LineId] = set()

    def _scene(self) -> Scene:
        if self.scene is None:  # the first heading line was made something else
            self.scene = Scene()
            self.out.scenes.append(self.scene)
        return self.scene

    def _place(self, line: Line, element: int, part: int) -> None:
        position = (len(self.out.scenes) - 1, element, part)
        self.result.positions[line.id] = position
        self.result.ids[position] = line.id

    def _add(self, element: TextElement | Dialogue) -> int:
        scene = self._scene()
        scene.elements.append(element)
        return len(scene.elements) - 1

    def feed(self, line: Line) -> None:
        if line.joined_by is not None and line.kind is not LineKind.CUE:
            self.result.failed_joins.append(line.joined_by)  # the cue was made another kind
        if line.excluded:
            if line.kind is LineKind.CUE:
                self.open = None
                self.excluded_cues.add(line.id)
            elif line.kind is LineKind.HEADING:  # the heading goes, the scene stays
                self.open = None
                self.scene = Scene()
                self.out.scenes.append(self.scene)
            return
        if line.kind is LineKind.HEADING:
            self.open = None
            self.scene = Scene(heading=line.text, number=line.number)
            self.out.scenes.append(self.scene)
            self._place(line, HEADING, 0)
        elif line.kind is LineKind.CUE:
            self._cue(line)
        elif line.kind in PART_LINE_KINDS:
            self._part(line)
        else:
            self.open = None
            kind = ElementKind(line.kind.value)
            index = self._add(TextElement(kind, line.text or "", line.level))
            self._place(line, index, 0)

    def _cue(self, line: Line) -> None:
        if line.joined_by is not None:
            if self.open is not None:
                self.live_cues[line.id] = self.open
                return
            self.result.failed_joins.append(line.joined_by)
        dialogue = Dialogue(line.character, extension=line.extension, dual=line.dual)
        self.open = dialogue
        self.live_cues[line.id] = dialogue
        self._place(line, self._add(dialogue), 0)

    def _part(self, line: Line) -> None:
        text = line.text or ""
        if line.starts_speech and self.open is not None and not self.open.parts:
            if line.new_speaker:  # cut where the speech starts: only the speaker changes
                self.open.character, self.open.extension = line.new_speaker, None
        elif line.starts_speech:
            before = self.open or (self.live_cues.get(line.owner) if line.owner else None)
            speaker = line.new_speaker or (before.character if before else "")
            if speaker:
                same = before is not None and before.character == speaker
                self.open = Dialogue(
                    speaker, extension=before.extension if same and before else None
                )
                self._add(self.open)
        if self.open is None and line.owner is not None:
            if line.owner in self.excluded_cues:
                return  # a speech goes with its excluded cue
            cue = self.live_cues.get(line.owner)
            if cue is not None:  # a line above was made action: the speaker goes on
                self.open = Dialogue(cue.character, extension=cue.extension, dual=cue.dual)
                self._add(self.open)
        if self.open is None:
            self.result.orphans.append(line.id)
            self._place(line, self._add(TextElement(ElementKind.ACTION, text)), 0)
            return
        kind = PartKind.SPEECH if line.kind is LineKind.SPEECH else PartKind.PARENTHETICAL
        self.open.parts.append(Part(kind, text))
        scene = self._scene()
        self._place(line, len(scene.elements) - 1, len(self.open.parts))


def rebuild(script: Script, lines: list[Line]) -> Rebuilt:
    """Group ``lines`` into scenes and elements again; ``script`` gives title and format."""
    builder = _Builder(script)
    for line in lines:
        builder.feed(line)
    return builder.result
