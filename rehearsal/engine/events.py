"""What can happen to a run, as values: the same events the UI sends through methods.

Events as data let a drill pass them on to the run it wraps, and let tests throw random
sequences of them at the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from rehearsal.engine.timing import Rating


@dataclass(frozen=True, slots=True)
class Start:
    """Begin a take, at line ``at`` (default: the loop start or the first line)."""

    at: int | None = None


@dataclass(frozen=True, slots=True)
class ActorDone:
    """The actor finished their line (key, pedal, or a click)."""


@dataclass(frozen=True, slots=True)
class Skip:
    """Leave the current line unfinished and go on."""


@dataclass(frozen=True, slots=True)
class Back:
    """Go to the previous line and run from there."""


@dataclass(frozen=True, slots=True)
class Pause:
    """Hold everything; the clock that matters stops."""


@dataclass(frozen=True, slots=True)
class Resume:
    """Carry on from where the pause held the run."""


@dataclass(frozen=True, slots=True)
class Stop:
    """End the take here."""


@dataclass(frozen=True, slots=True)
class Restart:
    """End the take and start a new one from its first line."""


@dataclass(frozen=True, slots=True)
class JumpTo:
    """Make line ``index`` current and run from there."""

    index: int


@dataclass(frozen=True, slots=True)
class SetLoop:
    """Loop lines ``start`` to ``end`` (inclusive); every pass is a take."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ClearLoop:
    """Stop looping; the run continues to the end."""


@dataclass(frozen=True, slots=True)
class PartnerFinished:
    """The voice finished an utterance (None: whatever is being said now)."""

    utterance: int | None = None


@dataclass(frozen=True, slots=True)
class VoiceLevel:
    """A microphone level, 0 (silence) to 1 (loudest)."""

    level: float


@dataclass(frozen=True, slots=True)
class LineHeard:
    """Follow-my-words: the listener decided the actor's line has ended.

    ``complete`` is False when the partner came in after the long silence with the line
    unfinished (None when only the voice was heard); ``accuracy`` (0..1, prompts already
    counted against it) and ``differing`` (the words said differently, as "-word",
    "word>heard", "+word") describe what was said; ``pickup`` is the seconds from the cue's
    end to the actor's first voiced sound, measured on the audio itself.

    ``by_key`` says the actor ended the line with the key rather than the listener, and
    ``at`` when (on the engine's clock): the words heard up to the key press arrive a
    moment after it, and the line still ends, and the response gap still starts, at the
    press itself.
    """

    complete: bool | None = None
    accuracy: float | None = None
    differing: tuple[str, ...] = ()
    pickup: float | None = None
    by_key: bool = False
    at: float | None = None


@dataclass(frozen=True, slots=True)
class Prompt:
    """ "Line?": the actor asked for the next words of their line while the partner waits."""


@dataclass(frozen=True, slots=True)
class Tick:
    """Time passed: check deadlines. The UI sends it from a timer (every 50 ms is plenty)."""


@dataclass(frozen=True, slots=True)
class Proceed:
    """Drills: end the prep or the note briefing now, the actor is ready."""


@dataclass(frozen=True, slots=True)
class Rate:
    """Drills: the self-rating for the last take (None: the actor skipped rating)."""

    rating: Rating | None


@dataclass(frozen=True, slots=True)
class Finish:
    """Drills: end the drill now."""


Event = (
    Start
    | ActorDone
    | Skip
    | Back
    | Pause
    | Resume
    | Stop
    | Restart
    | JumpTo
    | SetLoop
    | ClearLoop
    | PartnerFinished
    | VoiceLevel
    | LineHeard
    | Prompt
    | Tick
)
DrillEvent = Event | Proceed | Rate | Finish
