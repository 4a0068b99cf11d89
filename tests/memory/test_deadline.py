"""An off-book date: reviews fitted before it, retention raised as it nears."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from fsrs import Rating

from rehearsal.memory import deadline
from rehearsal.memory.book import MemoryBook
from rehearsal.memory.grades import LineEvent, Mark
from rehearsal.memory.part import part_lines
from rehearsal.memory.summary import PartSummary, format_summary, summarise
from rehearsal.memory.today import todays_run
from tests.memory.helpers import MONDAY, fountain, many_lines, mary

THURSDAY = date(2026, 12, 10)
EVE = datetime(2026, 12, 9, tzinfo=UTC)


def test_retention_rises_over_the_last_week_and_falls_back_after() -> None:
    values = [
        deadline.retention_for(MONDAY + timedelta(days=d), date(2026, 12, 20), UTC)
        for d in range(16)
    ]
    assert values[0] == deadline.BASE_RETENTION  # 13 days ahead
    ramp = values[6:13]
    assert ramp == sorted(ramp)
    assert values[12] == deadline.PEAK_RETENTION  # the eve
    assert values[13] == deadline.PEAK_RETENTION  # the day
    assert values[14] == deadline.BASE_RETENTION  # after it
    assert deadline.retention_for(MONDAY, None, UTC) == deadline.BASE_RETENTION


def _learnt(book: MemoryBook, key: str) -> None:
    book.review(key, Rating.Good, MONDAY)
    book.review(key, Rating.Good, MONDAY + timedelta(minutes=15))


def test_no_review_is_planned_past_the_eve() -> None:
    free = MemoryBook.for_part("MARY", mary())
    dated = MemoryBook.for_part("MARY", mary())
    dated.off_book_by = THURSDAY
    key = next(iter(free.lines))
    for book in (free, dated):
        _learnt(book, key)
        book.review(key, Rating.Easy, MONDAY + timedelta(hours=1))
    spaced = free.lines[key].due
    assert spaced is not None
    assert spaced > EVE + timedelta(days=2), "without a date FSRS spaces it out"
    assert dated.lines[key].due == EVE


def test_on_the_eve_the_last_run_is_the_mornings() -> None:
    book = MemoryBook.for_part("MARY", mary())
    book.off_book_by = THURSDAY
    key = next(iter(book.lines))
    _learnt(book, key)
    book.review(key, Rating.Easy, EVE + timedelta(hours=20))
    assert book.lines[key].due == datetime(2026, 12, 10, tzinfo=UTC)


def test_after_the_date_spacing_is_ordinary_again() -> None:
    book = MemoryBook.for_part("MARY", mary())
    book.off_book_by = THURSDAY
    key = next(iter(book.lines))
    _learnt(book, key)
    after = datetime(2026, 12, 11, 10, tzinfo=UTC)
    book.review(key, Rating.Easy, after)
    due = book.lines[key].due
    assert due is not None
    assert due - after > timedelta(days=3)


def test_the_eve_is_the_actors_eve_not_utcs() -> None:
    new_york = timezone(timedelta(hours=-5))
    book = MemoryBook.for_part("MARY", mary())
    book.off_book_by = THURSDAY
    key = next(iter(book.lines))
    _learnt(book, key)
    book.review(key, Rating.Easy, MONDAY + timedelta(hours=1), new_york)
    assert book.lines[key].due == datetime(2026, 12, 9, tzinfo=new_york)


def test_every_line_is_met_before_the_eve_and_run_on_it() -> None:
    part = part_lines(fountain(many_lines(scenes=4, per_scene=8)), "MARY")
    book = MemoryBook.for_part("MARY", part)
    book.off_book_by = THURSDAY
    keys = book.reconcile(part)
    per_day = []
    for day in range(3):  # Monday to Wednesday, the eve
        now = MONDAY + timedelta(days=day)
        run = todays_run(book, part, keys, now, UTC, new_per_day=5)
        per_day.append(run.new_count)
        for item in run.lines:
            book.record(item.key, LineEvent(mark=Mark.GOOD), now)
    assert per_day[0] > 5, "the date raises the day's share of new lines"
    assert per_day[2] == 0, "nothing new on the eve"
    introduced = [book.lines[k].introduced for k in keys]
    assert None not in introduced
    assert all(day is not None and day < EVE for day in introduced)
    on_the_eve = {k for k in keys if any(r.at >= EVE for r in book.lines[k].reviews)}
    assert on_the_eve == set(keys), "every line is run on the eve"


def test_summary_counts_and_sentence() -> None:
    part = mary()
    book = MemoryBook.for_part("MARY", part)
    book.off_book_by = THURSDAY
    keys = book.reconcile(part)
    for key in keys[:3]:
        _learnt(book, key)
    for key in keys[:2]:
        book.review(key, Rating.Easy, MONDAY + timedelta(days=1))
    tuesday = MONDAY + timedelta(days=1, hours=2)
    summary = summarise(book, part, keys, tuesday, UTC)
    assert summary.total == len(part) == 6
    assert summary.secure == 2
    assert summary.new == 3
    assert summary.days_left == 2
    assert summary.due_today == 4  # the third line, due today, and the three new ones
    assert summary.minutes >= 1
    text = format_summary(summary)
    assert (
        text == f"Off book by 2026-12-10: 2 of 6 lines secure, 4 due today ({summary.minutes} min)"
    )


def test_the_sentence_is_built_from_translated_templates() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return text.replace("lines secure", "Zeilen sicher").replace("due today", "heute fällig")

    summary = PartSummary(41, 34, 0, 12, 8, None, None)
    assert format_summary(summary, translate) == "34 of 41 Zeilen sicher, 12 heute fällig (8 min)"
    assert seen == [
        ("MemorySummary", "{secure} of {total} lines secure, {due} due today ({minutes} min)")
    ]
