"""The timed cold-read drill: a scene never rehearsed, a short prep, then perform.

Auditions hand out sides minutes before the actor goes in; this drill recreates that: the
page stays hidden until the prep countdown starts (``PrepStarted`` is the UI's cue to show
it), a warning comes ten seconds before the end, then the reader runs with a perform clock.
After a self-rating the director may give a note for a second take, as at a callback.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TypeVar

from rehearsal.engine.commands import DrillPhase, PerformStarted, PrepStarted, PrepWarning
from rehearsal.engine.direction import NotePlacement, NotePolicy, NoteSource
from rehearsal.engine.drills import Drill
from rehearsal.engine.events import DrillEvent, Pause, Proceed, Resume, Tick
from rehearsal.engine.session import RehearsalEngine

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ColdReadSettings:
    """Prep length (0-10 min), when the warning comes, and whether a callback take follows."""

    prep_seconds: float = 60.0
    warning_seconds: float = 10.0
    second_take: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.prep_seconds <= 600:
            raise ValueError(f"prep_seconds must be between 0 and 600, not {self.prep_seconds}")
        if not 0 <= self.warning_seconds <= 60:
            raise ValueError(
                f"warning_seconds must be between 0 and 60, not {self.warning_seconds}"
            )


def pick_cold_scene(candidates: Sequence[T], rehearsed: Collection[T], rng: random.Random) -> T:
    """A random scene the actor has not rehearsed; any scene once they have done them all.

    Raises ``ValueError`` when there is nothing to pick from.
    """
    if not candidates:
        raise ValueError("there is no scene to pick a cold read from")
    fresh = [c for c in candidates if c not in rehearsed]
    return rng.choice(fresh or list(candidates))


class ColdReadDrill(Drill):
    """Prep countdown → perform (one take) → rating → optional note and second take."""

    kind = "cold_read"

    def __init__(
        self,
        engine: RehearsalEngine,
        *,
        settings: ColdReadSettings | None = None,
        notes: NoteSource | None = None,
        policy: NotePolicy | None = None,
        rng: random.Random,
    ) -> None:
        super().__init__(engine, notes=notes, policy=policy or NotePolicy(), rng=rng)
        self.settings = settings or ColdReadSettings()
        self._prep_deadline: float | None = None
        self._prep_paused_at: float | None = None
        self._warned = False
        self._perform_started: float | None = None

    def prep_remaining(self) -> float:
        """Seconds of prep left, for the visible countdown; 0 outside the prep."""
        if self._phase is not DrillPhase.PREP or self._prep_deadline is None:
            return 0.0
        now = self._prep_paused_at if self._prep_paused_at is not None else self.engine.now()
        return max(0.0, self._prep_deadline - now)

    def perform_elapsed(self) -> float:
        """The perform clock: seconds into the current take, pauses left out."""
        return self.engine.take_elapsed()

    def _begin(self) -> None:
        seconds = self.settings.prep_seconds
        if seconds <= 0:
            self._run_take()
            return
        self._prep_deadline = self.engine.now() + seconds
        self._set_phase(DrillPhase.PREP)
        self._emit(PrepStarted(seconds, self._prep_deadline))

    def _other(self, event: DrillEvent) -> None:
        if self._phase is not DrillPhase.PREP:
            super()._other(event)
            return
        now = self.engine.now()
        match event:
            case Proceed():
                self._run_take()
            case Pause() if self._prep_paused_at is None:
                self._prep_paused_at = now
            case Resume() if self._prep_paused_at is not None and self._prep_deadline:
                self._prep_deadline += now - self._prep_paused_at
                self._prep_paused_at = None
            case Tick() if self._prep_paused_at is None and self._prep_deadline is not None:
                self._prep_tick(now, self._prep_deadline)

    def _prep_tick(self, now: float, deadline: float) -> None:
        warning = self.settings.warning_seconds
        if now >= deadline:
            self._run_take()
        elif (
            not self._warned
            and 0 < warning < self.settings.prep_seconds
            and now >= deadline - warning
        ):
            self._warned = True
            self._emit(PrepWarning(round(deadline - now, 3)))

    def _before_take(self) -> None:
        self._prep_deadline = self._prep_paused_at = None
        self._emit(PerformStarted(self._takes, self.engine.now()))

    def _after_rating(self) -> None:
        if self._takes == 1 and self.settings.second_take:
            self._brief(NotePlacement.AFTER_TAKE)
        else:
            self._end()
