"""What is known about one line: its FSRS card, its reviews, and how secure it is.

The card is ``fsrs.Card`` itself rather than a copy of its fields, so stability,
difficulty and the due date mean exactly what FSRS means by them; a line never run has no
card yet (it is *new*).
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from rehearsal.memory.matching import LineFingerprint

SECURE_RECALL = 0.9
"""Predicted recall a line must keep over the secure horizon to count as secure."""
SECURE_HORIZON = timedelta(days=3)
"""How long a secure line holds without review (or until the date, if that is sooner).

Three days is the stretch between sides arriving and a callback: a line that will still be
there then is one the actor can stop worrying about.
"""

# Retrievability depends only on FSRS's parameters, not on retention or limits.
_RECALL = Scheduler(enable_fuzzing=False)


class MemoryState(enum.StrEnum):
    """Where a line is in learning, as the command and the screens name it."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


_STATES = {
    State.Learning: MemoryState.LEARNING,
    State.Review: MemoryState.REVIEW,
    State.Relearning: MemoryState.RELEARNING,
}


def card_id_for(key: str) -> int:
    """A stable card id from the line key (FSRS otherwise uses the creation time)."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


@dataclass(frozen=True, slots=True)
class Review:
    """One run of the line: when, and the grade it got."""

    at: datetime
    rating: Rating


@dataclass(slots=True)
class LineMemory:
    """A line's fingerprint (to find it again), its card and the reviews that shaped it."""

    fingerprint: LineFingerprint
    card: Card | None = None
    reviews: list[Review] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The line's stable key."""
        return self.fingerprint.key

    @property
    def is_new(self) -> bool:
        """Never run yet: introduced a few a day, shown in full."""
        return self.card is None

    @property
    def state(self) -> MemoryState:
        """New, learning, review or relearning."""
        return MemoryState.NEW if self.card is None else _STATES[self.card.state]

    @property
    def introduced(self) -> datetime | None:
        """When the line was first run."""
        return self.reviews[0].at if self.reviews else None

    @property
    def last_rating(self) -> Rating | None:
        """The grade of the latest run."""
        return self.reviews[-1].rating if self.reviews else None

    @property
    def due(self) -> datetime | None:
        """When the line should next be run (None while new)."""
        return self.card.due if self.card else None

    @property
    def stability(self) -> float | None:
        """FSRS stability in days: how long until recall falls to 90 %."""
        return self.card.stability if self.card else None

    def recall(self, at: datetime) -> float:
        """Predicted probability of recalling the line at ``at`` (0 for a new line)."""
        if self.card is None:
            return 0.0
        return float(_RECALL.get_card_retrievability(self.card, at))

    def is_secure(self, now: datetime, until: datetime | None = None) -> bool:
        """Past learning and held at :data:`SECURE_RECALL` over the horizon.

        The horizon is :data:`SECURE_HORIZON`, or ``until`` (the end of the off-book day)
        when that is sooner: a line that will still be there on the day is secure for that
        day's purpose.
        """
        if self.card is None or self.card.state is not State.Review:
            return False
        horizon = now + SECURE_HORIZON
        if until is not None and now < until < horizon:
            horizon = until
        return self.recall(horizon) >= SECURE_RECALL
