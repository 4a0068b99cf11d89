"""What a take leaves behind: per-line timings, notes, ratings, and who gets told.

The engine does not store anything itself. It reports each take to a :class:`TakeRecorder`
(the store implements one; :class:`MemoryRecorder` is the in-process one tests and previews
use) as it happens, so a crash mid-take still leaves the lines done so far logged. Times
inside a take are seconds from the take's start on the engine's monotonic clock, which keeps
them meaningful whatever the wall clock does.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol

from rehearsal.engine.direction import NoteEvent
from rehearsal.engine.lines import LineId


class Outcome(enum.StrEnum):
    """How a line ended."""

    SPOKEN = "spoken"
    """A partner or narrator line read to the end."""
    ACTOR = "actor"
    """The actor said they were done (key, pedal)."""
    TIMER = "timer"
    """The timed wait ran out."""
    VOICE = "voice"
    """The microphone heard speech and then silence."""
    HEARD = "heard"
    """Follow my words: the listener heard the end of the line (or gave up waiting)."""
    SKIPPED = "skipped"
    LEFT = "left"
    """Back, jump, restart or stop moved away before the line ended."""


class EndReason(enum.StrEnum):
    """Why a take ended; only ``FINISHED`` and ``LOOPED`` ran to the planned end."""

    FINISHED = "finished"
    LOOPED = "looped"
    RESTARTED = "restarted"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class LineTiming:
    """One line's timing in a take, seconds from the take's start.

    For the actor's lines ``cue_end_s`` is when their turn began (the cue ended) and
    ``response_s`` is how long they took from there to done, paused time left out. For
    partner lines the cue end and done time are both when the partner stopped speaking.
    ``onset_s`` is when the microphone first heard the actor (voice mode only): the gap from
    the cue end is how fast they picked up the cue, kept as ``pickup_s`` (voice and
    follow-my-words modes). In follow-my-words mode ``accuracy``, ``differing`` and
    ``complete`` say what was said; ``prompts`` counts the "Line?" asked in every mode.
    """

    index: int
    line_id: LineId
    own: bool
    outcome: Outcome
    started_s: float
    cue_end_s: float | None = None
    done_s: float | None = None
    response_s: float | None = None
    onset_s: float | None = None
    paused_s: float = 0.0
    pickup_s: float | None = None
    accuracy: float | None = None
    differing: tuple[str, ...] = ()
    complete: bool | None = None
    prompts: int = 0

    @property
    def skipped(self) -> bool:
        """Skipped on purpose: what the store counts as a line the actor passed over."""
        return self.outcome is Outcome.SKIPPED


@dataclass(frozen=True, slots=True)
class TakeInfo:
    """A take as it starts: its number in this run, the lines it covers, and a clock time."""

    number: int
    started_at: float
    start_index: int
    end_index: int
    drill: str | None = None


@dataclass(frozen=True, slots=True)
class TakeResult:
    """A take as it ended, with every line timing in the order the lines were left."""

    info: TakeInfo
    ended_at: float
    reason: EndReason
    timings: tuple[LineTiming, ...]
    paused_s: float = 0.0
    notes: tuple[NoteEvent, ...] = ()

    @property
    def completed(self) -> bool:
        """Ran to its planned last line (rather than stopped or restarted)."""
        return self.reason in (EndReason.FINISHED, EndReason.LOOPED)

    @property
    def duration_s(self) -> float:
        """Length of the take without the time it spent paused."""
        return self.ended_at - self.info.started_at - self.paused_s


@dataclass(frozen=True, slots=True)
class Rating:
    """A self-rating after a take: did I commit to the note? 1-5 and a one-line comment."""

    score: int
    comment: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.score, bool) or not isinstance(self.score, int):
            raise ValueError(f"a rating is a whole number from 1 to 5, not {self.score!r}")
        if not 1 <= self.score <= 5:
            raise ValueError(f"a rating is from 1 to 5, not {self.score}")
        if self.comment is not None:
            one_line = " ".join(self.comment.split())
            object.__setattr__(self, "comment", one_line or None)


class TakeRecorder(Protocol):
    """Receives a run's history as it happens; the store's implementation writes SQLite.

    Calls come in order: ``on_take_started``, then for that take any ``on_note`` and
    ``on_line_done``, then ``on_take_ended``; ``on_rating`` follows the take it rates.
    """

    def on_take_started(self, info: TakeInfo) -> None: ...

    def on_line_done(self, take: int, timing: LineTiming) -> None: ...

    def on_note(self, take: int, event: NoteEvent) -> None: ...

    def on_take_ended(self, result: TakeResult) -> None: ...

    def on_rating(self, take: int, rating: Rating, notes: tuple[NoteEvent, ...]) -> None: ...


@dataclass
class MemoryRecorder:
    """Keeps everything in lists: for tests, and for a run without a database."""

    started: list[TakeInfo] = field(default_factory=list)
    lines: list[tuple[int, LineTiming]] = field(default_factory=list)
    notes: list[tuple[int, NoteEvent]] = field(default_factory=list)
    ended: list[TakeResult] = field(default_factory=list)
    ratings: list[tuple[int, Rating, tuple[NoteEvent, ...]]] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)

    def on_take_started(self, info: TakeInfo) -> None:
        self.calls.append(f"started {info.number}")
        self.started.append(info)

    def on_line_done(self, take: int, timing: LineTiming) -> None:
        self.calls.append(f"line {take}:{timing.index}:{timing.outcome.value}")
        self.lines.append((take, timing))

    def on_note(self, take: int, event: NoteEvent) -> None:
        self.calls.append(f"note {take}:{event.placement.value}")
        self.notes.append((take, event))

    def on_take_ended(self, result: TakeResult) -> None:
        self.calls.append(f"ended {result.info.number}:{result.reason.value}")
        self.ended.append(result)

    def on_rating(self, take: int, rating: Rating, notes: tuple[NoteEvent, ...]) -> None:
        self.calls.append(f"rating {take}:{rating.score}")
        self.ratings.append((take, rating, notes))
