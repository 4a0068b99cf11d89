"""When the partner comes in: the end of the line, not the first pause inside it.

A plain silence timer cannot tell a held beat from the end of a line, which is the
complaint actors have about listening partners. Knowing the words, this state machine can:
the partner comes in once the actor has *said the end of the line* and then paused briefly
(``end_pause``); a pause with the line unfinished — a held beat of 1.5 s, a breath — only
starts the long ``give_up`` wait (4 s by default), after which the partner comes in anyway
and the line counts as incomplete. Without recognition (a language with no model) it falls
back to the old rule: a silence of ``level_tail`` after speech ends the line.

It knows nothing about audio: the pipeline reports voice starts and stops (with the time of
the sound itself) and whether the heard words reached the end; time comes from an injected
clock, so tests drive it without sleeping and a file is judged as fast as it can be read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Reason = Literal["finished", "gave_up", "silence"]


@dataclass(frozen=True)
class LineEndSettings:
    end_pause: float = 0.15  # silence after the line's last word before coming in
    give_up: float = 4.0  # silence with the line unfinished before coming in anyway
    level_tail: float = 0.8  # voice-only mode: the silence that ends a line

    def __post_init__(self) -> None:
        if not 0.0 <= self.end_pause <= self.give_up:
            raise ValueError("end_pause must be between 0 and give_up")
        if self.level_tail <= 0.0:
            raise ValueError("level_tail must be positive")


@dataclass(frozen=True)
class LineEnd:
    at: float  # clock time of the decision: when the partner comes in
    complete: bool | None  # None in voice-only mode, where the words are not known
    reason: Reason


class LineEndDetector:
    """Voice and word events in, one :class:`LineEnd` out."""

    def __init__(
        self,
        clock: Callable[[], float],
        settings: LineEndSettings | None = None,
        *,
        words: bool = True,
    ) -> None:
        self.clock = clock
        self.settings = settings or LineEndSettings()
        self.words = words
        self.cue_end = clock()
        self.speech_start: float | None = None
        self._speaking = False
        self._last_voice: float | None = None
        self._reached_end = False
        self.result: LineEnd | None = None

    @property
    def pickup(self) -> float | None:
        """Seconds from the end of the cue to the actor's first voiced sound."""
        return None if self.speech_start is None else self.speech_start - self.cue_end

    def voice_started(self, at: float) -> None:
        """The actor's voice began at clock time ``at``."""
        if self.speech_start is None:
            self.speech_start = at
        self._speaking = True

    def voice_stopped(self, at: float) -> None:
        """The actor's voice stopped; ``at`` is the end of the last voiced sound."""
        self._speaking = False
        self._last_voice = at

    def heard(self, reached_end: bool) -> None:
        """Whether the words heard so far reach the end of the line."""
        self._reached_end = reached_end

    def poll(self) -> LineEnd | None:
        """The decision, once made (it does not change afterwards)."""
        if self.result is not None:
            return self.result
        if self._speaking or self._last_voice is None:
            return None  # nothing said yet, or still speaking: the partner waits
        now = self.clock()
        quiet = now - self._last_voice
        s = self.settings
        if not self.words:
            if quiet >= s.level_tail:
                self.result = LineEnd(now, None, "silence")
        elif self._reached_end and quiet >= s.end_pause:
            self.result = LineEnd(now, True, "finished")
        elif quiet >= s.give_up:
            self.result = LineEnd(now, False, "gave_up")
        return self.result
