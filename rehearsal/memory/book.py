"""The memory of one role in one script: every line's card, kept across re-imports.

A :class:`MemoryBook` is what the JSON file (and later the database table) holds for a
role. :meth:`MemoryBook.reconcile` lines it up with the part as it is imported now, so the
memory follows each line through corrections and moves, and lines that left the script are
retired rather than deleted: they come back with their memory if the line returns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, tzinfo

from fsrs import Card, Rating, Scheduler

from rehearsal.memory import deadline
from rehearsal.memory.grades import LineEvent, grade
from rehearsal.memory.line_memory import LineMemory, Review, card_id_for
from rehearsal.memory.matching import assign_keys, fingerprint
from rehearsal.memory.part import PartLine

NO_LIMIT_DAYS = 36500
"""FSRS's own default longest interval (a hundred years)."""


def scheduler_for(now: datetime, off_book_by: date | None, tz: tzinfo) -> Scheduler:
    """The FSRS scheduler for a review made now, fitted to the date.

    Fuzzing is off: it spreads a large deck's load over days, which a part of a few dozen
    lines does not need, and the actor should see the same plan the command printed.
    """
    limit = deadline.maximum_interval(now, off_book_by, tz)
    return Scheduler(
        desired_retention=deadline.retention_for(now, off_book_by, tz),
        maximum_interval=NO_LIMIT_DAYS if limit is None else limit,
        enable_fuzzing=False,
    )


@dataclass(slots=True)
class MemoryBook:
    """Every line of ``role``'s part with its memory, in the part's order.

    ``lines`` maps key → memory for the lines in the script now; ``retired`` keeps the
    memory of lines that are no longer in it.
    """

    role: str
    lines: dict[str, LineMemory] = field(default_factory=dict)
    retired: dict[str, LineMemory] = field(default_factory=dict)
    off_book_by: date | None = None

    @classmethod
    def for_part(cls, role: str, part: Sequence[PartLine]) -> MemoryBook:
        """A book for a part never rehearsed: every line new."""
        book = cls(role=role)
        book.reconcile(part)
        return book

    def reconcile(self, part: Sequence[PartLine]) -> list[str]:
        """Line the book up with ``part`` and return each line's key, in order.

        Known lines keep their memory under their key, with the fingerprint updated to the
        line as it reads now; lines no longer in the part are retired.
        """
        known = [m.fingerprint for m in (*self.lines.values(), *self.retired.values())]
        keys = assign_keys(known, part)
        everything = {**self.retired, **self.lines}
        lines: dict[str, LineMemory] = {}
        for key, line in zip(keys, part, strict=True):
            memory = everything.pop(key, None) or LineMemory(fingerprint(key, line))
            memory.fingerprint = fingerprint(key, line)
            lines[key] = memory
        self.lines = lines
        self.retired = everything
        return keys

    def review(self, key: str, rating: Rating, now: datetime, tz: tzinfo = UTC) -> LineMemory:
        """Record one run of a line graded ``rating`` at ``now`` and schedule the next."""
        memory = self.lines[key]
        moment = now.astimezone(UTC)
        card = memory.card or Card(card_id=card_id_for(key), due=moment)
        card, _log = scheduler_for(moment, self.off_book_by, tz).review_card(card, rating, moment)
        card.due = deadline.cap_due(card.due, moment, self.off_book_by, tz)
        memory.card = card
        memory.reviews.append(Review(moment, rating))
        return memory

    def record(self, key: str, event: LineEvent, now: datetime, tz: tzinfo = UTC) -> Rating | None:
        """Grade what happened to a line and review it; None (and no review) if nothing did."""
        rating = grade(event)
        if rating is not None:
            self.review(key, rating, now, tz)
        return rating

    def record_take(
        self,
        keys: Sequence[str],
        events: Mapping[str, LineEvent],
        now: datetime,
        tz: tzinfo = UTC,
        *,
        all_good: bool = False,
    ) -> dict[str, Rating]:
        """Review every line of a take (``keys``, in the order they came up).

        ``events`` holds what is known per line; with ``all_good`` (the actor's one key at
        the end of a take) a line without an event counts as good, and a line whose event
        says nothing more is graded as "all good" too. Returns the grades given.
        """
        given: dict[str, Rating] = {}
        for key in keys:
            event = events.get(key, LineEvent())
            if all_good and not event.take_all_good:
                event = replace(event, take_all_good=True)
            rating = self.record(key, event, now, tz)
            if rating is not None:
                given[key] = rating
        return given
