"""Self-tape deadlines: which are close, and how long is left, at a given moment.

A self-tape is due by a time casting sets, often a day or two after the sides arrive; the
actor needs to see the hours going, not a date. The rules here take ``now`` and never read
the clock, so the notice at start (within :data:`NOTICE_WITHIN`), the countdown on the
audition and the home's rows are tested with fixed moments; the wording is the UI's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from rehearsal.store.dossier_records import Audition

NOTICE_WITHIN = timedelta(days=2)
"""A deadline this close is announced when the app starts."""


@dataclass(frozen=True, slots=True)
class TimeLeft:
    """What is left until a deadline, in the units a countdown shows.

    ``days``, ``hours`` and ``minutes`` are whole parts of what remains, rounded *down*
    (one minute before the deadline reads "0 minutes" only in its last seconds, never
    "1 minute" when it has passed); ``passed`` says the deadline is behind ``now``.
    """

    days: int
    hours: int
    minutes: int
    passed: bool

    @property
    def urgent(self) -> bool:
        """Under a day to go: the countdown is shown as a warning."""
        return not self.passed and self.days == 0


@dataclass(frozen=True, slots=True)
class TapeDeadline:
    """One audition's self-tape deadline that has not passed yet."""

    audition: Audition
    due: datetime

    def left(self, now: datetime) -> TimeLeft:
        """The time left at ``now``."""
        return time_left(self.due, now)


def time_left(due: datetime, now: datetime) -> TimeLeft:
    """Days, hours and minutes from ``now`` until ``due`` (zeros once it has passed)."""
    seconds = int((due - now).total_seconds())
    if seconds <= 0:
        return TimeLeft(0, 0, 0, passed=True)
    minutes_total = seconds // 60
    days, rest = divmod(minutes_total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    return TimeLeft(days, hours, minutes, passed=False)


def tape_deadlines(
    auditions: Iterable[Audition], now: datetime, within: timedelta | None = None
) -> list[TapeDeadline]:
    """Self-tape deadlines still ahead at ``now`` (up to ``within``, if given), soonest first.

    Only the self-tape deadline counts, whatever the round: an audition in the room may
    also ask for a tape first, and the tape's deadline is the one that slips by.
    """
    ahead = []
    for audition in auditions:
        due = audition.details.self_tape_deadline
        if due is None or due <= now:
            continue
        if within is not None and due - now > within:
            continue
        ahead.append(TapeDeadline(audition, due))
    return sorted(ahead, key=lambda d: (d.due, d.audition.id))


def notice_due(
    deadlines: Iterable[TapeDeadline],
    now: datetime,
    last_shown: date | None,
    tz: tzinfo | None = None,
) -> list[TapeDeadline]:
    """The deadlines to announce at start: those within two days, once per local day.

    ``last_shown`` is the local day the notice was last shown (or dismissed); on that day
    it stays quiet, the next day it speaks again while a deadline is still that close.
    """
    if last_shown is not None and last_shown >= now.astimezone(tz).date():
        return []
    return [d for d in deadlines if d.due - now <= NOTICE_WITHIN and d.due > now]
