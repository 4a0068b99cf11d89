"""Today's run: the lines due today, each on its cue, and a few new ones scene by scene.

A run of today's lines is what the actor does with the sides in the morning: every line
whose review falls today, fed its cue, in script order (the scene's logic helps) or
shuffled (so no line leans on the one before). Lines never rehearsed are introduced a few
a day, in script order, so a scene is learnt before the next one starts; with an
off-book date the daily share grows until every line is met before the eve.
"""

from __future__ import annotations

import enum
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from rehearsal.engine.hiding import HideLevel
from rehearsal.engine.waits import speaking_seconds
from rehearsal.memory import deadline
from rehearsal.memory.book import MemoryBook
from rehearsal.memory.hiding_by_memory import hide_level
from rehearsal.memory.part import PartLine, short_cue

NEW_LINES_PER_DAY = 8
"""New lines a day without a date: about one short scene's worth of the part."""
ACTOR_WORDS_PER_MINUTE = 150.0
PARTNER_WORDS_PER_MINUTE = 170.0
SECONDS_AROUND_A_LINE = 6.0
"""Pickup, grading and moving on, per line: what makes a run longer than its words."""


class RunOrder(enum.StrEnum):
    """Script order, or shuffled with a seed so the same run can be repeated."""

    SCRIPT = "script"
    SHUFFLED = "shuffled"


@dataclass(frozen=True, slots=True)
class TodayLine:
    """A line in today's run with its cue (full and shortened) and how it is shown."""

    key: str
    line: PartLine
    is_new: bool
    due: datetime | None
    level: HideLevel

    @property
    def cue_speaker(self) -> str | None:
        """Who gives the cue (None when the line opens its scene)."""
        return self.line.cue_speaker

    @property
    def cue(self) -> str | None:
        """The cue as written."""
        return self.line.cue_text

    @property
    def short_cue(self) -> str | None:
        """The cue's last words, for a quicker drill."""
        return short_cue(self.line.cue_text) if self.line.cue_text else None


@dataclass(frozen=True, slots=True)
class TodaysRun:
    """The run, how many lines were due and how many are new, and its length in minutes."""

    lines: tuple[TodayLine, ...]
    due_count: int
    new_count: int
    minutes: int


def line_seconds(line: PartLine) -> float:
    """How long one line takes in a run: its cue heard, the line said, and the moment after."""
    cue = speaking_seconds(line.cue_words, PARTNER_WORDS_PER_MINUTE) if line.cue_words else 0.0
    return cue + speaking_seconds(line.words, ACTOR_WORDS_PER_MINUTE) + SECONDS_AROUND_A_LINE


def estimate_minutes(lines: Sequence[PartLine]) -> int:
    """Whole minutes a run of ``lines`` takes (rounded up; 0 for no lines)."""
    return math.ceil(sum(line_seconds(line) for line in lines) / 60.0)


def end_of_day(now: datetime, tz: tzinfo) -> datetime:
    """The start of tomorrow in the actor's time zone: today's reviews are due before it."""
    return deadline.day_start(deadline.local_day(now, tz) + timedelta(days=1), tz)


def due_today(book: MemoryBook, keys: Sequence[str], now: datetime, tz: tzinfo) -> list[str]:
    """Keys of the lines already met whose next run falls today (or earlier)."""
    end = end_of_day(now, tz)
    return [key for key in keys if (due := book.lines[key].due) is not None and due < end]


def new_lines_today(
    book: MemoryBook,
    keys: Sequence[str],
    now: datetime,
    tz: tzinfo,
    per_day: int = NEW_LINES_PER_DAY,
) -> list[str]:
    """Keys of the new lines to bring in today, in script order.

    Lines first run today count against the day's share, so running today's lines twice
    does not bring in twice as many.
    """
    today: date = deadline.local_day(now, tz)
    fresh = [key for key in keys if book.lines[key].is_new]
    met_today = sum(
        1
        for key in keys
        if (first := book.lines[key].introduced) is not None
        and deadline.local_day(first, tz) == today
    )
    share = deadline.new_lines_per_day(len(fresh) + met_today, today, book.off_book_by, per_day)
    return fresh[: max(0, share - met_today)]


def todays_run(
    book: MemoryBook,
    part: Sequence[PartLine],
    keys: Sequence[str],
    now: datetime,
    tz: tzinfo,
    *,
    order: RunOrder = RunOrder.SCRIPT,
    seed: int | None = None,
    new_per_day: int = NEW_LINES_PER_DAY,
) -> TodaysRun:
    """Today's run of ``book``'s part (``keys`` as :meth:`MemoryBook.reconcile` gave them)."""
    due = set(due_today(book, keys, now, tz))
    new = set(new_lines_today(book, keys, now, tz, new_per_day))
    until = deadline.secure_until(book.off_book_by, tz)
    chosen = [
        TodayLine(
            key=key,
            line=line,
            is_new=key in new,
            due=book.lines[key].due,
            level=hide_level(book.lines[key], now, until),
        )
        for line, key in zip(part, keys, strict=True)
        if key in due or key in new
    ]
    if order is RunOrder.SHUFFLED:
        random.Random(seed).shuffle(chosen)
    return TodaysRun(
        lines=tuple(chosen),
        due_count=len(due),
        new_count=len(new),
        minutes=estimate_minutes([c.line for c in chosen]),
    )
