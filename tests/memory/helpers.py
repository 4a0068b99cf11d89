"""Scripts for the memory tests, imported through the real Fountain importer."""

from __future__ import annotations

from datetime import UTC, datetime

from rehearsal.memory.part import PartLine, part_lines
from rehearsal.script.loader import parse_bytes
from rehearsal.script.model import Script

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
"""Sides arrive on a Monday morning."""

KITCHEN = """\
Title: Kitchen

INT. KITCHEN - NIGHT

JOHN
You're late again.

MARY
The train was stopped outside the station.

JOHN
For two hours?

MARY
(quietly)
For as long as it took.

JOHN
I waited.

MARY
I know you did.

JOHN
Did you even try to call?

MARY
My phone was dead. I told you that.

EXT. STREET - LATER

JOHN
Where are you going?

MARY
Home. Wherever that is now.

JOHN
This is home.

MARY
Not tonight it isn't.
"""


def fountain(text: str) -> Script:
    """A script from Fountain text, as an import of a file would give it."""
    return parse_bytes(text.encode(), ".fountain")


def mary(text: str = KITCHEN) -> list[PartLine]:
    """MARY's part in ``text``."""
    return part_lines(fountain(text), "MARY")


def many_lines(scenes: int, per_scene: int) -> str:
    """A longer two-hander: ``scenes`` scenes of ``per_scene`` exchanges, all lines distinct."""
    out = ["Title: Long", ""]
    for scene in range(scenes):
        out += [f"INT. ROOM {scene + 1} - DAY", ""]
        for n in range(per_scene):
            out += [
                "JOHN",
                f"Question {n} of scene {scene} about the {n}th thing that happened?",
                "",
                "MARY",
                f"Answer {n} in scene {scene}: it was the {n}th thing, and I remember it well.",
                "",
            ]
    return "\n".join(out)
