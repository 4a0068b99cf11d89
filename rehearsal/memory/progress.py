"""How the learning of a part has gone and what comes next: what History's memory view shows.

Three things an actor asks the week before a callback: which lines are secure and which
are not (each line with its state, its hiding level and its predicted recall), whether
the part is holding (retention: the share of runs each day that were not missed), and how
much work the next days bring (lines due per day). Read from the database in one short
call, for a worker thread.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from rehearsal.engine.hiding import HideLevel
from rehearsal.memory import deadline
from rehearsal.memory.hiding_by_memory import hide_level
from rehearsal.memory.home import Headline, headline_for, open_stored_part
from rehearsal.memory.summary import Translate
from rehearsal.store.facade import PartListing, Store

DAYS_AHEAD = 7


@dataclass(frozen=True, slots=True)
class LineProgress:
    """One line of the part as the memory view lists it."""

    position: int
    scene: int
    text: str
    state: str
    level: HideLevel
    recall: float
    due: datetime | None
    secure: bool
    reviews: int


@dataclass(frozen=True, slots=True)
class DayRetention:
    """The runs of one day: how many, and the share that were not missed."""

    day: date
    runs: int
    retention: float


@dataclass(frozen=True, slots=True)
class PartProgress:
    """Everything the memory view shows for one part."""

    headline: Headline
    lines: tuple[LineProgress, ...]
    retention: tuple[DayRetention, ...]
    due_by_day: tuple[tuple[date, int], ...]


def list_parts(store: Store) -> list[PartListing]:
    """The parts with memory, the most recently rehearsed first."""
    return store.memory.parts()


def part_progress(
    store: Store,
    script_id: int,
    role: str,
    now: datetime,
    tz: tzinfo,
    translate: Translate | None = None,
    days_ahead: int = DAYS_AHEAD,
) -> PartProgress | None:
    """The progress of ``role`` in the script ``script_id`` (None if it cannot be read)."""
    found = open_stored_part(store, script_id, role, tz)
    if found is None:
        return None
    part, opened = found
    repo = store.memory
    book = opened.book
    until = deadline.secure_until(book.off_book_by, tz)
    lines = tuple(
        LineProgress(
            position=line.position,
            scene=line.scene,
            text=line.text,
            state=book.lines[key].state.value,
            level=hide_level(book.lines[key], now, until),
            recall=book.lines[key].recall(now),
            due=book.lines[key].due,
            secure=book.lines[key].is_secure(now, until),
            reviews=len(book.lines[key].reviews),
        )
        for line, key in zip(part, opened.keys, strict=True)
    )
    runs: dict[date, Counter[bool]] = defaultdict(Counter)
    for review in repo.reviews(script_id, role):
        runs[review.reviewed_at.astimezone(tz).date()][review.rating > 1] += 1
    retention = tuple(
        DayRetention(day, sum(c.values()), c[True] / sum(c.values()))
        for day, c in sorted(runs.items())
    )
    today = now.astimezone(tz).date()
    due: Counter[date] = Counter()
    for line in lines:
        if line.due is not None:
            due[max(today, line.due.astimezone(tz).date())] += 1
    due_by_day = tuple(
        (today + timedelta(days=n), due[today + timedelta(days=n)]) for n in range(days_ahead)
    )
    headline = (
        headline_for(opened, part, now, tz, translate)
        if translate
        else headline_for(opened, part, now, tz)
    )
    return PartProgress(headline, lines, retention, due_by_day)
