"""Hide by memory: each line hidden as far as the actor's memory of it allows.

The four levels of :mod:`rehearsal.engine.hiding` are the crutch coming off step by step;
memory says how far each line has come:

* **full text**: new, just missed (graded Again), or relearning;
* **first letters**: learning (met, not yet spaced), or a spaced line that time has worn
  (predicted recall now under 80 %);
* **first words**: spaced and still recalled;
* **cue only**: secure (it holds for three days, or until the date if that is sooner).

A line moves up as its runs go well and its stability grows, and back down when it is
missed or when time has worn it. Lines of the part that the book does not know are shown
in full.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from fsrs import Rating, State

from rehearsal.engine.hiding import HideLevel, LineHider
from rehearsal.engine.lines import LineId
from rehearsal.memory.line_memory import LineMemory
from rehearsal.memory.part import PartLine

FADED_RECALL = 0.8
"""Below this predicted recall a spaced line shows its first letters again."""


def hide_level(
    memory: LineMemory | None, now: datetime, until: datetime | None = None
) -> HideLevel:
    """The level a line is shown at, from its memory (``until``: the off-book date)."""
    if memory is None or memory.card is None or memory.last_rating is Rating.Again:
        return HideLevel.FULL
    state = memory.card.state
    if state is State.Relearning:
        return HideLevel.FULL
    if state is State.Learning:
        return HideLevel.FIRST_LETTERS
    if memory.is_secure(now, until):
        return HideLevel.CUE_ONLY
    if memory.recall(now) < FADED_RECALL:
        return HideLevel.FIRST_LETTERS
    return HideLevel.FIRST_WORDS


def levels_by_line(
    part: Sequence[PartLine],
    keys: Sequence[str],
    memories: Mapping[str, LineMemory],
    now: datetime,
    until: datetime | None = None,
) -> dict[LineId, HideLevel]:
    """Each line of the part's level, keyed as the engine's hider keys lines."""
    return {
        line.line_id: hide_level(memories.get(key), now, until)
        for line, key in zip(part, keys, strict=True)
    }


def apply_to_hider(hider: LineHider, levels: Mapping[LineId, HideLevel]) -> None:
    """Make ``hider`` follow memory: every line of the part gets its own level.

    Overrides are replaced for these lines only; reveals stay as they are, so a line the
    actor asked for stays shown until the take moves on.
    """
    for line_id, level in levels.items():
        hider.set_override(line_id, level)
