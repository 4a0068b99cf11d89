"""Today's run: the lines due, each on its cue, a few new ones a day, and its length."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone

from fsrs import Rating

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.part import PartLine, part_lines
from rehearsal.memory.today import RunOrder, estimate_minutes, line_seconds, todays_run
from tests.memory.helpers import MONDAY, fountain, many_lines, mary


def _long_part() -> tuple[MemoryBook, list[PartLine], list[str]]:
    part = part_lines(fountain(many_lines(scenes=3, per_scene=5)), "MARY")
    book = MemoryBook.for_part("MARY", part)
    return book, part, book.reconcile(part)


def test_new_lines_come_a_few_a_day_in_script_order() -> None:
    book, part, keys = _long_part()
    run = todays_run(book, part, keys, MONDAY, UTC, new_per_day=4)
    assert [t.key for t in run.lines] == keys[:4]
    assert run.new_count == 4
    assert run.due_count == 0
    assert all(t.is_new for t in run.lines)
    for item in run.lines:
        book.review(item.key, Rating.Good, MONDAY)
    again = todays_run(book, part, keys, MONDAY + timedelta(hours=2), UTC, new_per_day=4)
    assert again.new_count == 0, "running again today brings no more new lines"
    assert [t.key for t in again.lines] == keys[:4], "the learning lines are due again today"
    tuesday = todays_run(book, part, keys, MONDAY + timedelta(days=1), UTC, new_per_day=4)
    assert [t.key for t in tuesday.lines if t.is_new] == keys[4:8]
    assert {t.line.scene for t in tuesday.lines if t.is_new} == {0, 1}, "scene 1 done first"


def test_each_line_comes_with_its_cue_and_a_short_cue() -> None:
    part = mary()
    book = MemoryBook.for_part("MARY", part)
    keys = book.reconcile(part)
    run = todays_run(book, part, keys, MONDAY, UTC)
    item = run.lines[4]
    assert item.line.text == "Home. Wherever that is now."
    assert item.cue_speaker == "JOHN"
    assert item.cue == "Where are you going?"
    assert item.short_cue == "Where are you going?"
    long_cue = run.lines[3]
    assert long_cue.cue == "Did you even try to call?"
    assert long_cue.short_cue == "… you even try to call?"


def test_shuffled_runs_are_seeded() -> None:
    book, part, keys = _long_part()
    now = MONDAY
    first = todays_run(book, part, keys, now, UTC, order=RunOrder.SHUFFLED, seed=7, new_per_day=10)
    second = todays_run(book, part, keys, now, UTC, order=RunOrder.SHUFFLED, seed=7, new_per_day=10)
    plain = todays_run(book, part, keys, now, UTC, new_per_day=10)
    assert [t.key for t in first.lines] == [t.key for t in second.lines]
    assert sorted(t.key for t in first.lines) == sorted(t.key for t in plain.lines)
    assert [t.key for t in first.lines] != [t.key for t in plain.lines]
    other = todays_run(book, part, keys, now, UTC, order=RunOrder.SHUFFLED, seed=8, new_per_day=10)
    assert [t.key for t in other.lines] != [t.key for t in first.lines]


def test_due_lines_are_those_due_before_the_actors_midnight() -> None:
    part = mary()
    book = MemoryBook.for_part("MARY", part)
    keys = book.reconcile(part)
    for key in keys:
        book.review(key, Rating.Good, MONDAY)
        book.review(key, Rating.Good, MONDAY + timedelta(minutes=15))
    due = book.lines[keys[0]].due
    assert due is not None
    day_before = due - timedelta(hours=12)
    assert todays_run(book, part, keys, day_before, UTC).due_count == 0
    # Twelve hours ahead of UTC, the due moment already falls on the actor's "today".
    east = timezone(timedelta(hours=12))
    assert todays_run(book, part, keys, day_before, east).due_count == len(keys)


def test_minutes_come_from_the_words_of_line_and_cue() -> None:
    part = mary()
    seconds = [line_seconds(line) for line in part]
    assert seconds[0] > seconds[2], "a longer line and cue take longer"
    assert estimate_minutes(part) == -(-int(sum(seconds) * 1000) // 60000)
    assert estimate_minutes([]) == 0
    book = MemoryBook.for_part("MARY", part)
    run = todays_run(book, part, list(book.lines), MONDAY, UTC)
    assert run.minutes == estimate_minutes(part)
