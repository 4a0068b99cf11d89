"""Every run of a line in a rehearsal becomes a review: what happened, graded, scheduled.

The engine reports each take with a timing per line (skipped, how long the actor took,
when the microphone first heard them); the screen knows which lines were revealed (R);
the listening partner adds accuracy, completeness and prompts to the stored line events;
the actor can mark a line with a key (1 again, 2 hard, 3 good, 4 easy) or the whole take
"all good". :func:`line_event` turns any of that into one
:class:`~rehearsal.memory.grades.LineEvent`, the same way for a take in memory and for
line events read back from the history, and :class:`TakeReviewer` keeps the reviews of a
rehearsal: a mark or "all good" given after the fact replaces the grade the line got from
its timing, rather than adding a second review of the same run.

Without a microphone the pickup is estimated: the time the actor took, less what the
line's words take at their pace. A skipped line is graded like a reveal: it was passed over
because it was not there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, tzinfo

from fsrs import Card, Rating

from rehearsal.engine.lines import LineId
from rehearsal.engine.timing import LineTiming
from rehearsal.engine.waits import speaking_seconds
from rehearsal.memory.book import MemoryBook
from rehearsal.memory.grades import LineEvent, Mark, grade
from rehearsal.memory.part import PartLine


def line_event(
    *,
    words: int,
    words_per_minute: float,
    skipped: bool = False,
    revealed: bool = False,
    response_s: float | None = None,
    pickup_s: float | None = None,
    accuracy: float | None = None,
    completeness: float | None = None,
    prompted: bool = False,
) -> LineEvent:
    """What happened to one run of a line, from whatever is known of it.

    ``pickup_s`` (cue end to first word, heard by the microphone) wins over the estimate
    from ``response_s``; accuracy, completeness and prompts come from the listening
    partner when it ran.
    """
    pickup = pickup_s
    if pickup is None and response_s is not None and not skipped:
        pickup = max(0.0, response_s - speaking_seconds(words, words_per_minute))
    return LineEvent(
        accuracy=accuracy,
        completeness=completeness,
        prompted=prompted or skipped,
        revealed=revealed,
        pickup_seconds=pickup,
    )


def timing_event(
    timing: LineTiming, words: int, words_per_minute: float, revealed: bool
) -> LineEvent:
    """The event of a line as the engine timed it in this take."""
    pickup = None
    if timing.onset_s is not None and timing.cue_end_s is not None:
        pickup = max(0.0, timing.onset_s - timing.cue_end_s)
    return line_event(
        words=words,
        words_per_minute=words_per_minute,
        skipped=timing.skipped,
        revealed=revealed,
        response_s=timing.response_s,
        pickup_s=pickup,
    )


def stored_event(record: object, words: int, words_per_minute: float) -> LineEvent:
    """The event of a line read back from the history (a ``LineRecord``).

    The listening partner's fields (``accuracy``, ``completeness``, ``prompted``,
    ``pickup_s``) are used when the record has them.
    """

    def field_(name: str) -> object:
        return getattr(record, name, None)

    def number(name: str) -> float | None:
        value = field_(name)
        return float(value) if isinstance(value, int | float) else None

    return line_event(
        words=words,
        words_per_minute=words_per_minute,
        skipped=bool(field_("skipped")),
        revealed=bool(field_("revealed")),
        response_s=number("response_s"),
        pickup_s=number("pickup_s"),
        accuracy=number("accuracy"),
        completeness=number("completeness"),
        prompted=bool(field_("prompted")),
    )


@dataclass(slots=True)
class _Given:
    """A review given in this rehearsal, with what the card was before it (to replace it)."""

    key: str
    before: Card | None
    reviews_before: int
    rating: Rating
    from_mark: bool
    event: LineEvent


@dataclass(slots=True)
class TakeReviewer:
    """The reviews of one rehearsal of a part: lines graded as takes end, marks after.

    ``changed`` collects the keys whose memory changed since it was last drained, which
    is what the caller writes to the store.
    """

    book: MemoryBook
    part: Sequence[PartLine]
    keys: Sequence[str]
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    tz: tzinfo = UTC
    words_per_minute: float = 150.0
    changed: set[str] = field(default_factory=set)
    _by_line: dict[LineId, int] = field(default_factory=dict)
    _last_take: list[_Given] = field(default_factory=list)
    _last_line: _Given | None = None

    def __post_init__(self) -> None:
        self._by_line = {line.line_id: i for i, line in enumerate(self.part)}

    def key_for(self, line_id: LineId) -> str | None:
        """The memory key of an own line (None for lines not in the part)."""
        index = self._by_line.get(line_id)
        return self.keys[index] if index is not None else None

    def _review(self, key: str, event: LineEvent, rating: Rating, from_mark: bool) -> _Given:
        memory = self.book.lines[key]
        given = _Given(key, memory.card, len(memory.reviews), rating, from_mark, event)
        self.book.review(key, rating, self.now(), self.tz)
        self.changed.add(key)
        return given

    def _replace(self, given: _Given, rating: Rating, from_mark: bool) -> _Given:
        """Undo ``given`` and review the same run again with ``rating``."""
        memory = self.book.lines[given.key]
        at = (
            memory.reviews[given.reviews_before].at
            if len(memory.reviews) > given.reviews_before
            else self.now()
        )
        memory.card = given.before
        del memory.reviews[given.reviews_before :]
        self.book.review(given.key, rating, at, self.tz)
        self.changed.add(given.key)
        return replace(given, rating=rating, from_mark=from_mark)

    def line_done(self, timing: LineTiming, revealed: bool) -> Rating | None:
        """Grade one own line of a take as the engine timed it; None if it was not run."""
        key = self.key_for(timing.line_id)
        if key is None or not timing.own:
            return None
        if timing.response_s is None and not timing.skipped:
            return None  # left before the actor's turn (back, jump, stop)
        words = self.part[self._by_line[timing.line_id]].words
        event = timing_event(timing, words, self.words_per_minute, revealed)
        rating = grade(event)
        if rating is None:
            return None
        given = self._review(key, event, rating, from_mark=False)
        self._last_take.append(given)
        self._last_line = given
        return rating

    def take_started(self) -> None:
        """A new take: "all good" now means this one."""
        self._last_take = []

    def mark(self, mark: Mark, line_id: LineId | None = None) -> tuple[str, Rating] | None:
        """The actor's key for a line: the last line run, or ``line_id`` if given.

        Replaces the grade that line's run got; a line not run yet in this rehearsal is
        reviewed now. Returns the key and the grade, or None when there is no line to mark.
        """
        rating = Rating(int(mark))
        if line_id is not None:
            key = self.key_for(line_id)
            if key is None:
                return None
            given = next((g for g in reversed(self._last_take) if g.key == key), None)
            if given is None and self._last_line is not None and self._last_line.key == key:
                given = self._last_line
        else:
            given = self._last_line
            if given is None:
                return None
            key = given.key
        if given is None:
            new = self._review(key, LineEvent(mark=mark), rating, from_mark=True)
            self._last_line = new
            return key, rating
        updated = self._replace(given, rating, from_mark=True)
        self._last_take = [updated if g is given else g for g in self._last_take]
        self._last_line = updated
        return key, rating

    def review_now(self, line_id: LineId, mark: Mark) -> Rating | None:
        """A run of one line on its own (today's run), graded by the actor's key.

        Always a new review, never a replacement: the line was run again.
        """
        key = self.key_for(line_id)
        if key is None:
            return None
        self._last_line = self._review(key, LineEvent(mark=mark), Rating(int(mark)), True)
        return Rating(int(mark))

    def all_good(self) -> list[str]:
        """The take was all good: lines graded only by their timing count as good.

        A reveal, a skip, a prompt or the actor's own key still stands. Returns the keys
        whose grade changed.
        """
        changed: list[str] = []
        updated: list[_Given] = []
        for given in self._last_take:
            event = given.event
            weak = given.rating in (Rating.Hard, Rating.Again)
            only_timing = not (event.revealed or event.prompted) and event.accuracy is None
            if not given.from_mark and weak and only_timing:
                given = self._replace(given, Rating.Good, from_mark=False)
                changed.append(given.key)
            updated.append(given)
        self._last_take = updated
        return changed

    def drain(self) -> list[str]:
        """The keys changed since the last call, in part order (what to save now)."""
        order = {key: i for i, key in enumerate(self.keys)}
        keys = sorted(self.changed, key=lambda k: order.get(k, len(order)))
        self.changed.clear()
        return keys


def review_stored_take(
    book: MemoryBook,
    part: Sequence[PartLine],
    keys: Sequence[str],
    lines: Sequence[object],
    at: datetime,
    tz: tzinfo = UTC,
    *,
    words_per_minute: float = 150.0,
    all_good: bool = False,
) -> dict[str, Rating]:
    """Review a take from its line events as the history kept them (``LineRecord``\\ s).

    For a take whose reviews were not made while it ran (the app closed first, or the
    events were replayed from the journal): each stored own line of the part is graded
    as :func:`stored_event` reads it. Returns the grades given.
    """
    index = {(line.line_id.scene, line.line_id.element): i for i, line in enumerate(part)}
    order: list[str] = []
    events: dict[str, LineEvent] = {}
    for record in lines:
        where = (getattr(record, "scene_index", None), getattr(record, "element_index", None))
        found = index.get(where)  # type: ignore[arg-type]
        if found is None:
            continue
        key = keys[found]
        order.append(key)
        events[key] = stored_event(record, part[found].words, words_per_minute)
    return book.record_take(order, events, at, tz, all_good=all_good)
