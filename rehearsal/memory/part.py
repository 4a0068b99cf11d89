"""The actor's part as lines to learn: each own line with the cue that leads into it.

Memory is kept per line of the part, and a line is learnt *on its cue*: the words heard
just before it are what trigger it in the room. So each line carries the line before it in
the same scene (usually the partner's), and a normalised form of both that later imports
can be matched on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rehearsal.engine.lines import LineId, build_lines, word_count
from rehearsal.script.model import Script

_NOT_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

SHORT_CUE_WORDS = 5
"""How many closing words of a cue a shortened cue keeps: enough to hear it coming."""


def normalise(text: str) -> str:
    """Text reduced to what a correction rarely changes: case, punctuation, spacing, accents.

    ``"Don’t go,  Mary!"`` and ``"don't go mary"`` are the same line to an actor.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    folded = folded.replace("'", "")
    return " ".join(_NOT_WORD.sub(" ", folded).split())


def short_cue(text: str, words: int = SHORT_CUE_WORDS) -> str:
    """The last ``words`` words of a cue, with ``…`` in front when something was cut."""
    parts = text.split()
    if len(parts) <= words:
        return text.strip()
    return "… " + " ".join(parts[-words:])


@dataclass(frozen=True, slots=True)
class PartLine:
    """One line of the part: where it is, what is said, and the line that cues it.

    ``position`` counts the part's lines from 0 in script order; ``cue_speaker`` and
    ``cue_text`` are None for a line that opens its scene.
    """

    line_id: LineId
    position: int
    scene_heading: str | None
    text: str
    cue_speaker: str | None
    cue_text: str | None

    @property
    def scene(self) -> int:
        """The scene index, which is how new lines are introduced: scene by scene."""
        return self.line_id.scene

    @property
    def words(self) -> int:
        """Spoken words of the line."""
        return word_count(self.text)

    @property
    def cue_words(self) -> int:
        """Spoken words of the cue (0 for a line that opens a scene)."""
        return word_count(self.cue_text or "")

    @property
    def normalised(self) -> str:
        """The line as it is matched across imports."""
        return normalise(self.text)

    @property
    def normalised_cue(self) -> str:
        """The cue as it is matched across imports ("" when there is none)."""
        return normalise(self.cue_text or "")


def part_lines(script: Script, role: str) -> list[PartLine]:
    """The lines ``role`` says, in script order, each with its cue.

    An unknown role raises ``ValueError`` naming the characters there are (from
    :func:`rehearsal.engine.lines.build_lines`). Lines with no spoken words (a speech
    that is only a parenthetical) are left out: there is nothing to learn in them.
    """
    lines = build_lines(script, role)
    out: list[PartLine] = []
    previous = None
    for line in lines:
        if not line.text.strip():
            continue
        cue = previous if previous is not None and previous.id.scene == line.id.scene else None
        previous = line
        if not line.own:
            continue
        out.append(
            PartLine(
                line_id=line.id,
                position=len(out),
                scene_heading=script.scenes[line.id.scene].heading,
                text=line.text,
                cue_speaker=cue.speaker if cue else None,
                cue_text=cue.text if cue else None,
            )
        )
    return out
