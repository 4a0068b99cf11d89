"""How much of the actor's own lines the screen shows: the crutch comes off step by step.

Off book work goes from reading, to first letters (the shape and rhythm of the line stay
visible), to the first few words (just enough to start), to nothing but the cue. Partner
lines are always shown in full: hiding them would only hide the cue the actor listens for.
Parentheticals and written beats stay visible at every level, because they are direction,
not lines to learn.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from rehearsal.engine.lines import LineId, RehearsalLine
from rehearsal.script.model import Part, PartKind

HIDDEN = "…"
"""What stands in for words that are hidden."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Parenthesised marks inside speech ("(beat)") are direction and stay readable.
_MARK = re.compile(r"(\([^()]*\))")


class HideLevel(enum.StrEnum):
    """From fully on book to fully off book."""

    FULL = "full"
    FIRST_LETTERS = "first_letters"
    FIRST_WORDS = "first_words"
    CUE_ONLY = "cue_only"


def first_letters(text: str) -> str:
    """Each word cut to its first letter, punctuation kept: ``Don't go, Mary!`` → ``D g, M!``."""
    pieces = _MARK.split(text)
    return "".join(p if _MARK.fullmatch(p) else _WORD.sub(lambda m: m[0][0], p) for p in pieces)


def _first_words(texts: list[str], count: int) -> list[str]:
    """The first ``count`` words over several speech parts, the rest replaced by ``…``."""
    out: list[str] = []
    left = count
    for text in texts:
        if left <= 0:
            out.append(HIDDEN)
            continue
        words = list(_WORD.finditer(text))
        if len(words) <= left:
            out.append(text)
            left -= len(words)
            continue
        cut = words[left - 1].end()
        tail = re.match(r"[^\w\s(]*", text[cut:])
        keep = text[: cut + (tail.end() if tail else 0)]
        out.append(f"{keep} {HIDDEN}")
        left = 0
    return out


def hide_text(text: str, level: HideLevel, words: int = 3) -> str:
    """One speech text at a hiding level (``words`` is N for ``FIRST_WORDS``)."""
    if level is HideLevel.FULL:
        return text
    if level is HideLevel.FIRST_LETTERS:
        return first_letters(text)
    if level is HideLevel.FIRST_WORDS:
        return _first_words([text], words)[0]
    return HIDDEN if text.strip() else text


@dataclass
class LineHider:
    """A session's hiding level, per-line overrides and the lines revealed for now.

    Kept separate from the engine so the screen can change levels while a run is paused
    or even between runs without touching the run's state.
    """

    level: HideLevel = HideLevel.FULL
    words: int = 3
    overrides: dict[LineId, HideLevel] = field(default_factory=dict)
    revealed: set[LineId] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.set_words(self.words)

    def set_words(self, words: int) -> None:
        """N for the first-words level; at least one word, or the level means nothing."""
        if words < 1:
            raise ValueError(f"the first-words level needs at least 1 word, not {words}")
        self.words = words

    def set_override(self, line_id: LineId, level: HideLevel | None) -> None:
        """Give one line its own level (a speech the actor has nailed), or None to follow."""
        if level is None:
            self.overrides.pop(line_id, None)
        else:
            self.overrides[line_id] = level

    def reveal(self, line_id: LineId) -> None:
        """Show a line in full until it is passed (:meth:`conceal_passed`) or concealed:
        the actor went up and needs a prompt for this line, not for every later pass."""
        self.revealed.add(line_id)

    def conceal(self, line_id: LineId) -> None:
        """Hide a revealed line again."""
        self.revealed.discard(line_id)

    def toggle_reveal(self, line_id: LineId) -> bool:
        """The reveal key: flips the line and says whether it is now revealed."""
        if line_id in self.revealed:
            self.revealed.discard(line_id)
            return False
        self.revealed.add(line_id)
        return True

    def clear_reveals(self) -> None:
        """Hide every revealed line again: a new take, or a loop back to its top, is a fresh
        try at the lines."""
        self.revealed.clear()

    def conceal_passed(self, current: LineId) -> bool:
        """The run is now at ``current``: hide again every revealed line before it.

        A prompt helps with the line the actor is stuck on; once the run has moved past
        it, the next pass should test the line again. Going back (to hear the cue again)
        keeps a reveal of a later line. Returns whether anything was hidden again.
        """
        passed = {line_id for line_id in self.revealed if line_id < current}
        self.revealed -= passed
        return bool(passed)

    def level_for(self, line: RehearsalLine) -> HideLevel:
        """The level that applies to a line: partner lines and revealed lines are in full."""
        if not line.own or line.id in self.revealed:
            return HideLevel.FULL
        return self.overrides.get(line.id, self.level)

    def parts(self, line: RehearsalLine) -> list[Part]:
        """The line's parts as the screen should show them, parentheticals untouched."""
        level = self.level_for(line)
        if level is HideLevel.FULL:
            return [Part(p.kind, p.text) for p in line.parts]
        speech = [p.text for p in line.parts if p.kind is PartKind.SPEECH]
        if level is HideLevel.FIRST_WORDS:
            hidden = iter(_first_words(speech, self.words))
        else:
            hidden = iter([hide_text(t, level, self.words) for t in speech])
        return [
            Part(p.kind, next(hidden) if p.kind is PartKind.SPEECH else p.text) for p in line.parts
        ]

    def text(self, line: RehearsalLine) -> str:
        """The spoken text at the line's level, for one-line displays and the cue-only label."""
        level = self.level_for(line)
        if line.parts:
            return " ".join(p.text for p in self.parts(line) if p.kind is PartKind.SPEECH)
        return hide_text(line.text, level, self.words)
