"""Scheduling through FSRS with an injected clock: a simulated week of rehearsals."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.grades import LineEvent, Mark
from rehearsal.memory.line_memory import MemoryState, card_id_for
from rehearsal.memory.part import part_lines
from rehearsal.memory.summary import summarise
from rehearsal.memory.today import todays_run
from tests.memory.helpers import MONDAY, fountain, many_lines, mary


def test_a_review_is_exactly_what_fsrs_schedules() -> None:
    book = MemoryBook.for_part("MARY", mary())
    key = next(iter(book.lines))
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card(card_id=card_id_for(key), due=MONDAY)
    moments = [MONDAY, MONDAY + timedelta(minutes=12), MONDAY + timedelta(days=2, hours=1)]
    ratings = [Rating.Good, Rating.Good, Rating.Hard]
    for moment, rating in zip(moments, ratings, strict=True):
        card, _ = scheduler.review_card(card, rating, moment)
        memory = book.review(key, rating, moment)
        assert memory.card is not None
        assert memory.card.due == card.due
        assert memory.card.stability == card.stability
        assert memory.card.difficulty == card.difficulty
    assert [r.rating for r in book.lines[key].reviews] == ratings


def test_a_line_run_well_every_time_it_is_due_is_spaced_further_and_further() -> None:
    book = MemoryBook.for_part("MARY", mary())
    key = next(iter(book.lines))
    now = MONDAY
    gaps: list[timedelta] = []
    for _ in range(6):
        memory = book.review(key, Rating.Good, now)
        assert memory.due is not None
        gaps.append(memory.due - now)
        now = memory.due
    assert book.lines[key].state is MemoryState.REVIEW
    assert gaps[0] < timedelta(hours=1), "a new line comes back within the session"
    day_gaps = gaps[2:]
    assert all(b > a for a, b in itertools.pairwise(day_gaps)), gaps


def test_a_missed_line_comes_back_the_same_day_and_loses_stability() -> None:
    book = MemoryBook.for_part("MARY", mary())
    key = next(iter(book.lines))
    book.review(key, Rating.Good, MONDAY)
    book.review(key, Rating.Good, MONDAY + timedelta(minutes=15))
    later = MONDAY + timedelta(days=3)
    before = book.lines[key].stability
    assert before is not None
    memory = book.record(key, LineEvent(prompted=True), later)
    assert memory is Rating.Again
    line = book.lines[key]
    assert line.card is not None
    assert line.card.state is State.Relearning
    assert line.stability is not None
    assert line.stability < before
    assert line.due is not None
    assert line.due - later < timedelta(hours=1)


def test_an_event_with_nothing_to_say_is_no_review() -> None:
    book = MemoryBook.for_part("MARY", mary())
    key = next(iter(book.lines))
    assert book.record(key, LineEvent(), MONDAY) is None
    assert book.lines[key].is_new


def test_a_simulated_week_of_todays_runs() -> None:
    """Two runs a day for a week; three lines keep slipping, the rest go well."""
    part = part_lines(fountain(many_lines(scenes=3, per_scene=6)), "MARY")
    book = MemoryBook.for_part("MARY", part)
    keys = book.reconcile(part)
    shaky = set(keys[:3])
    secure_by_day: list[int] = []
    runs_of: dict[str, int] = dict.fromkeys(keys, 0)
    for day in range(7):
        for hour in (9, 19):
            now = MONDAY.replace(hour=hour) + timedelta(days=day)
            run = todays_run(book, part, keys, now, UTC)
            for item in run.lines:
                runs_of[item.key] += 1
                slipped = item.key in shaky and day < 4
                event = LineEvent(prompted=True) if slipped else LineEvent(mark=Mark.GOOD)
                book.record(item.key, event, now)
        secure_by_day.append(summarise(book, part, keys, now, UTC).secure)
    assert all(not book.lines[k].is_new for k in keys), "every line met within the week"
    firsts: list[datetime] = []
    for k in keys:
        introduced = book.lines[k].introduced
        assert introduced is not None, f"{k} was never introduced"
        firsts.append(introduced)
    assert firsts == sorted(firsts), "new lines came in script order, scene by scene"
    steady = [runs_of[k] for k in keys if k not in shaky]
    assert min(runs_of[k] for k in shaky) > max(steady), runs_of
    assert secure_by_day[-1] > secure_by_day[1]
    assert secure_by_day[-1] >= len(keys) - len(shaky)
    evening = datetime(2026, 12, 13, 20, tzinfo=UTC)
    dues = [book.lines[k].due for k in keys]
    assert all(due is not None and due > evening for due in dues[3:]), "steady lines rest"
