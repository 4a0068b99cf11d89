"""Hide by memory: each line's level follows its memory, up as it is learnt, down when lost."""

from __future__ import annotations

from datetime import timedelta

from fsrs import Rating

from rehearsal.engine.hiding import HIDDEN, HideLevel, LineHider
from rehearsal.engine.lines import build_lines
from rehearsal.memory.book import MemoryBook
from rehearsal.memory.hiding_by_memory import apply_to_hider, hide_level, levels_by_line
from rehearsal.memory.part import part_lines
from tests.memory.helpers import KITCHEN, MONDAY, fountain, mary


def test_a_line_climbs_the_levels_as_it_is_learnt_and_falls_when_missed() -> None:
    book = MemoryBook.for_part("MARY", mary())
    key = next(iter(book.lines))
    memory = book.lines[key]
    assert hide_level(memory, MONDAY) is HideLevel.FULL
    book.review(key, Rating.Good, MONDAY)
    assert hide_level(memory, MONDAY) is HideLevel.FIRST_LETTERS  # learning
    now = MONDAY + timedelta(minutes=15)
    book.review(key, Rating.Good, now)
    assert hide_level(memory, now) is HideLevel.FIRST_WORDS  # spaced, not yet secure
    levels = []
    for _ in range(3):
        assert memory.due is not None
        now = memory.due
        book.review(key, Rating.Good, now)
        levels.append(hide_level(memory, now))
    assert levels[-1] is HideLevel.CUE_ONLY
    book.review(key, Rating.Again, now + timedelta(days=1))
    assert hide_level(memory, now + timedelta(days=1)) is HideLevel.FULL


def test_time_wears_a_line_back_to_its_first_letters() -> None:
    book = MemoryBook.for_part("MARY", mary())
    key = next(iter(book.lines))
    book.review(key, Rating.Good, MONDAY)
    book.review(key, Rating.Good, MONDAY + timedelta(minutes=15))
    memory = book.lines[key]
    assert hide_level(memory, MONDAY + timedelta(hours=1)) is HideLevel.FIRST_WORDS
    assert hide_level(memory, MONDAY + timedelta(days=10)) is HideLevel.FIRST_LETTERS


def test_the_engines_hider_shows_each_line_as_memory_says() -> None:
    script = fountain(KITCHEN)
    part = part_lines(script, "MARY")
    book = MemoryBook.for_part("MARY", part)
    keys = book.reconcile(part)
    # First line secure, second just learnt, the rest new.
    now = MONDAY
    for _ in range(5):
        book.review(keys[0], Rating.Easy, now)
        now = now + timedelta(days=1)
    book.review(keys[1], Rating.Good, now)
    levels = levels_by_line(part, keys, book.lines, now)
    hider = LineHider(level=HideLevel.FULL)
    apply_to_hider(hider, levels)
    run = {line.id: line for line in build_lines(script, "MARY")}
    first, second, third = (run[line.line_id] for line in part[:3])
    assert hider.level_for(first) is HideLevel.CUE_ONLY
    assert hider.text(first) == HIDDEN
    assert hider.text(second) == "F a l a i t."  # first letters of "For as long as it took."
    assert hider.text(third) == "I know you did."
    partner = next(line for line in run.values() if not line.own)
    assert hider.text(partner) == partner.text, "partner lines stay in full"
    hider.reveal(first.id)
    assert hider.text(first) == first.text, "a reveal still shows the line"
