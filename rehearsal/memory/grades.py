"""Grades from what happened when a line came up: the review that the schedule learns from.

Every run of a line is a review. The listening partner reports how much of the line was
said and how accurately, whether the actor called "Line?" and how long the pickup took; the
take log knows whether the line was revealed (R); without a microphone the actor marks the
line with a key, or the whole take as "all good". One plain :class:`LineEvent` carries any
of these, so every source feeds the same mapping.

The mapping, first rule that applies:

==============================================  ============
what happened                                   grade
==============================================  ============
the actor's own key 1 / 2 / 3 / 4               Again / Hard / Good / Easy
a prompt ("Line?") or a reveal (R)              Again
said less than half, or under 60 % accurate     Again
said under 90 %, or under 85 % accurate         Hard
a pickup slower than 3 s                        Hard
nearly all (≥ 99 %), ≥ 97 % accurate, pickup    Easy
≤ 1 s
otherwise heard from the listening partner      Good
only a pickup time (the line was said)          Good (Hard if slower than 3 s)
"all good" for the take                         Good
nothing at all                                  no review
==============================================  ============

The actor's own key comes first because the actor knows when a line was a lucky guess or a
paraphrase the partner accepted; a prompt or a reveal comes next because a line that had
to be given was not known, however well it was then said. "All good" only grades lines
that nothing else graded, so a prompt in an "all good" take still counts as a miss.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from fsrs import Rating

MISSED_COMPLETENESS = 0.5
MISSED_ACCURACY = 0.6
SHAKY_COMPLETENESS = 0.9
SHAKY_ACCURACY = 0.85
EASY_COMPLETENESS = 0.99
EASY_ACCURACY = 0.97
SLOW_PICKUP_SECONDS = 3.0
QUICK_PICKUP_SECONDS = 1.0


class Mark(enum.IntEnum):
    """The actor's own key after a line, the same four grades as Anki's."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


@dataclass(frozen=True, slots=True)
class LineEvent:
    """What happened when one own line came up in a take; every field is optional.

    ``accuracy`` and ``completeness`` are fractions (0–1) of the words right and of the
    line said; ``pickup_seconds`` is the time from the end of the cue to the first word.
    """

    accuracy: float | None = None
    completeness: float | None = None
    prompted: bool = False
    revealed: bool = False
    pickup_seconds: float | None = None
    mark: Mark | None = None
    take_all_good: bool = False

    def __post_init__(self) -> None:
        for name in ("accuracy", "completeness"):
            value = getattr(self, name)
            if value is not None and not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} is a fraction from 0 to 1, not {value}")
        if self.pickup_seconds is not None and self.pickup_seconds < 0:
            raise ValueError(f"a pickup cannot take {self.pickup_seconds} s")


def _from_listening(event: LineEvent) -> Rating:
    accuracy = 1.0 if event.accuracy is None else event.accuracy
    completeness = 1.0 if event.completeness is None else event.completeness
    pickup = event.pickup_seconds
    if completeness < MISSED_COMPLETENESS or accuracy < MISSED_ACCURACY:
        return Rating.Again
    if completeness < SHAKY_COMPLETENESS or accuracy < SHAKY_ACCURACY:
        return Rating.Hard
    if pickup is not None and pickup > SLOW_PICKUP_SECONDS:
        return Rating.Hard
    if (
        completeness >= EASY_COMPLETENESS
        and accuracy >= EASY_ACCURACY
        and pickup is not None
        and pickup <= QUICK_PICKUP_SECONDS
    ):
        return Rating.Easy
    return Rating.Good


def grade(event: LineEvent) -> Rating | None:
    """The FSRS rating for what happened, or None when nothing says how the line went."""
    if event.mark is not None:
        return Rating(int(event.mark))
    if event.prompted or event.revealed:
        return Rating.Again
    if event.accuracy is not None or event.completeness is not None:
        return _from_listening(event)
    if event.pickup_seconds is not None:
        return Rating.Hard if event.pickup_seconds > SLOW_PICKUP_SECONDS else Rating.Good
    if event.take_all_good:
        return Rating.Good
    return None
