"""Take numbers printed beside cues (``12 STEEL``, ``STEEL 12``) off the characters' names.

Programs that number every speech for dubbing, ADR or a table read print the number right
beside the name, often with one space between, so the layout cannot set it apart as a margin
mark. The numbers are told from names that really end in a digit (``GUARD 2``) by how they
behave over the whole script: take numbers count up from one speech to the next, whoever
speaks, while a digit in a name comes back with every speech of that character.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict

from rehearsal.script.model import Script

_LEADING = re.compile(r"^(\d{1,4}[A-Z]?)\.?\s+(\S.*)$")
_TRAILING = re.compile(r"^(.*\S)\s+(\d{1,4}[A-Z]?)$")
#: Share of the cues that must carry a number before numbers are taken for takes.
_NUMBERED_SHARE = 0.5
#: Share of consecutive numbered cues whose number goes up (numbering may restart per scene).
_RISING_SHARE = 0.7


def _split(name: str, pattern: re.Pattern[str], leading: bool) -> tuple[str, str] | None:
    match = pattern.match(name)
    if not match:
        return None
    number, rest = (match.group(1), match.group(2)) if leading else (match.group(2), match.group(1))
    if not any(ch.isalpha() for ch in rest):
        return None
    return rest, number


def strip_cue_numbers(script: Script) -> bool:
    """Rename ``12 STEEL`` to ``STEEL`` throughout when the numbers are speech numbers.

    Returns whether numbers were taken off. One side is decided for the whole file (the
    side most cues carry a number on), so a name such as ``GUARD 2`` in a script numbered
    on the left keeps its digit.
    """
    dialogues = list(script.dialogues())
    if len(dialogues) < 3:
        return False
    best: tuple[int, bool] | None = None
    for leading, pattern in ((True, _LEADING), (False, _TRAILING)):
        numbers: dict[str, set[str]] = defaultdict(set)
        sequence: list[int] = []
        for dialogue in dialogues:
            split = _split(dialogue.character, pattern, leading)
            if split is not None:
                numbers[split[0]].add(split[1])
                sequence.append(int(split[1].rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")))
        numbered = len(sequence)
        varies = any(len(found) > 1 for found in numbers.values())
        rising = sum(b > a for a, b in itertools.pairwise(sequence))
        enough = (
            numbered >= max(3, _NUMBERED_SHARE * len(dialogues))
            and varies
            and rising >= _RISING_SHARE * (numbered - 1)
        )
        if enough and (best is None or numbered > best[0]):
            best = (numbered, leading)
    if best is None:
        return False
    leading = best[1]
    pattern = _LEADING if leading else _TRAILING
    for dialogue in dialogues:
        split = _split(dialogue.character, pattern, leading)
        if split is not None:
            dialogue.character = split[0]
    return True


__all__ = ["strip_cue_numbers"]
