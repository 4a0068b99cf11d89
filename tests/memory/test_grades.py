"""Grades from what happened: every source of line events maps to one FSRS rating."""

from __future__ import annotations

import pytest
from fsrs import Rating

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.grades import LineEvent, Mark, grade
from tests.memory.helpers import MONDAY, mary


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # The actor's own key.
        (LineEvent(mark=Mark.AGAIN), Rating.Again),
        (LineEvent(mark=Mark.HARD), Rating.Hard),
        (LineEvent(mark=Mark.GOOD), Rating.Good),
        (LineEvent(mark=Mark.EASY), Rating.Easy),
        # A prompt or a reveal: the line was not there.
        (LineEvent(prompted=True, accuracy=1.0, completeness=1.0), Rating.Again),
        (LineEvent(revealed=True), Rating.Again),
        # The listening partner's measures.
        (LineEvent(accuracy=0.95, completeness=0.4), Rating.Again),
        (LineEvent(accuracy=0.5, completeness=1.0), Rating.Again),
        (LineEvent(accuracy=0.8, completeness=1.0), Rating.Hard),
        (LineEvent(accuracy=1.0, completeness=0.85), Rating.Hard),
        (LineEvent(accuracy=0.95, completeness=1.0, pickup_seconds=4.2), Rating.Hard),
        (LineEvent(accuracy=0.92, completeness=0.95, pickup_seconds=1.5), Rating.Good),
        (LineEvent(accuracy=0.99, completeness=1.0, pickup_seconds=0.6), Rating.Easy),
        (LineEvent(accuracy=0.99, completeness=1.0), Rating.Good),  # no pickup: not easy
        (LineEvent(accuracy=0.9, completeness=1.0, pickup_seconds=0.5), Rating.Good),
        # Only a pickup time: the line was said.
        (LineEvent(pickup_seconds=0.8), Rating.Good),
        (LineEvent(pickup_seconds=5.0), Rating.Hard),
        # "All good" for the take.
        (LineEvent(take_all_good=True), Rating.Good),
    ],
)
def test_mapping(event: LineEvent, expected: Rating) -> None:
    assert grade(event) is expected


def test_the_actors_key_outranks_everything_measured() -> None:
    assert grade(LineEvent(mark=Mark.GOOD, prompted=True, accuracy=0.1)) is Rating.Good
    assert grade(LineEvent(mark=Mark.AGAIN, accuracy=1.0, completeness=1.0)) is Rating.Again


def test_a_prompt_in_an_all_good_take_still_counts_as_a_miss() -> None:
    assert grade(LineEvent(take_all_good=True, prompted=True)) is Rating.Again
    assert grade(LineEvent(take_all_good=True, accuracy=0.7)) is Rating.Hard


def test_nothing_known_is_no_review() -> None:
    assert grade(LineEvent()) is None


@pytest.mark.parametrize(
    "kwargs",
    [{"accuracy": 1.2}, {"completeness": -0.1}, {"pickup_seconds": -1.0}],
)
def test_impossible_measures_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"not|cannot"):
        LineEvent(**kwargs)  # type: ignore[arg-type]


def test_a_take_marked_all_good_grades_the_lines_nothing_else_graded() -> None:
    book = MemoryBook.for_part("MARY", mary())
    keys = list(book.lines)[:4]
    events = {
        keys[1]: LineEvent(prompted=True),
        keys[2]: LineEvent(accuracy=0.8, completeness=1.0),
    }
    given = book.record_take(keys, events, MONDAY, all_good=True)
    assert given == {
        keys[0]: Rating.Good,
        keys[1]: Rating.Again,
        keys[2]: Rating.Hard,
        keys[3]: Rating.Good,
    }
    assert [book.lines[k].last_rating for k in keys] == list(given.values())


def test_a_take_without_marks_reviews_only_the_lines_it_knows_about() -> None:
    book = MemoryBook.for_part("MARY", mary())
    keys = list(book.lines)[:3]
    given = book.record_take(keys, {keys[0]: LineEvent(revealed=True)}, MONDAY)
    assert given == {keys[0]: Rating.Again}
    assert book.lines[keys[1]].is_new
    assert book.lines[keys[2]].is_new
