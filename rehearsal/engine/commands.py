"""What the engine asks of the screen and the voices, as plain values.

The engine never calls into Qt or the speech layer: each event returns a list of these
commands, in the order they must be carried out, and the UI renders them. That keeps the
whole rehearsal flow testable as data and lets the UI be swapped or scripted.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from rehearsal.engine.direction import NoteEvent
from rehearsal.engine.lines import RehearsalLine
from rehearsal.engine.settings import WaitMode
from rehearsal.engine.timing import LineTiming, Rating, TakeInfo, TakeResult


class State(enum.StrEnum):
    """Where a run is; the UI enables its controls from this."""

    IDLE = "idle"
    DELAY = "delay"
    """A silent gap: response time, a written beat, a note sinking in, a loop restart."""
    SPEAKING = "speaking"
    WAITING = "waiting"
    """The actor's turn."""
    PAUSED = "paused"
    FINISHED = "finished"


class DrillPhase(enum.StrEnum):
    """Where a drill is, around the takes the engine runs."""

    READY = "ready"
    PREP = "prep"
    BRIEFING = "briefing"
    RUNNING = "running"
    RATING = "rating"
    DONE = "done"


class Voice(enum.StrEnum):
    """Which kind of voice reads a line."""

    CHARACTER = "character"
    NARRATOR = "narrator"


class DelayReason(enum.StrEnum):
    """Why the run is silent for a moment."""

    RESPONSE = "response"
    BEAT = "beat"
    NOTE = "note"
    LOOP = "loop"


@dataclass(frozen=True, slots=True)
class ShowLine:
    """Make ``index`` the current line: highlight it and keep it in view."""

    index: int
    line: RehearsalLine


@dataclass(frozen=True, slots=True)
class SpeakLine:
    """Say ``text`` in ``character``'s voice (None: the narrator) and report
    ``partner_finished(utterance)`` when done, also when the voice failed."""

    index: int
    utterance: int
    text: str
    character: str | None
    voice: Voice


@dataclass(frozen=True, slots=True)
class SpeakNote:
    """Say a director note in the director's voice; report ``partner_finished(utterance)``."""

    utterance: int
    text: str


@dataclass(frozen=True, slots=True)
class StopSpeech:
    """Cut the voice off now; a late ``partner_finished`` for it is ignored."""

    utterance: int


@dataclass(frozen=True, slots=True)
class Delay:
    """Nothing is said until ``deadline`` (engine clock); the UI may show the gap."""

    index: int
    seconds: float
    reason: DelayReason
    deadline: float


@dataclass(frozen=True, slots=True)
class WaitForActor:
    """The actor's turn. ``deadline`` is set in timed mode (when the wait runs out) and in
    voice mode once speech was heard (when the silence tail would end); None otherwise."""

    index: int
    mode: WaitMode
    deadline: float | None


@dataclass(frozen=True, slots=True)
class PromptGiven:
    """ "Line?" was asked on line ``index``: reveal the next ``words`` words (``count`` is
    the prompts on this line so far, so the UI reveals further each time)."""

    index: int
    count: int
    words: int


@dataclass(frozen=True, slots=True)
class StateChanged:
    """The run moved to another state."""

    state: State


@dataclass(frozen=True, slots=True)
class LoopChanged:
    """The looped section (first and last line index), or None when looping stopped."""

    loop: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class TakeStarted:
    """A take began: a good moment to start recording the microphone."""

    info: TakeInfo


@dataclass(frozen=True, slots=True)
class LineDone:
    """A line ended, with its timing; lets the screen mark skipped lines."""

    timing: LineTiming


@dataclass(frozen=True, slots=True)
class TakeEnded:
    """A take ended, with every line timing."""

    result: TakeResult


@dataclass(frozen=True, slots=True)
class NoteInjected:
    """Show a director note big on screen (``event.shown``)."""

    event: NoteEvent


@dataclass(frozen=True, slots=True)
class Problem:
    """Something failed outside the run (the history could not be saved); show, don't stop."""

    message: str


@dataclass(frozen=True, slots=True)
class PhaseChanged:
    """A drill moved to another phase."""

    phase: DrillPhase


@dataclass(frozen=True, slots=True)
class RatingRequested:
    """Ask the actor to rate the take they just did (1-5, optional comment)."""

    take: int


@dataclass(frozen=True, slots=True)
class TakeRated:
    """A rating was recorded for ``take``."""

    take: int
    rating: Rating


@dataclass(frozen=True, slots=True)
class PrepStarted:
    """Cold read: show the page and count down to ``deadline``."""

    seconds: float
    deadline: float


@dataclass(frozen=True, slots=True)
class PrepWarning:
    """Cold read: ``seconds_left`` of prep remain; play the warning tone."""

    seconds_left: float


@dataclass(frozen=True, slots=True)
class PerformStarted:
    """Cold read: prep is over, the perform clock starts at ``at`` (engine clock)."""

    take: int
    at: float


@dataclass(frozen=True, slots=True)
class DrillEnded:
    """The drill is over after ``takes`` takes; offer to review or start again."""

    takes: int


Command = (
    ShowLine
    | SpeakLine
    | SpeakNote
    | StopSpeech
    | Delay
    | WaitForActor
    | PromptGiven
    | StateChanged
    | LoopChanged
    | TakeStarted
    | LineDone
    | TakeEnded
    | NoteInjected
    | Problem
    | PhaseChanged
    | RatingRequested
    | TakeRated
    | PrepStarted
    | PrepWarning
    | PerformStarted
    | DrillEnded
)
