"""Rehearsals become reviews: real line events from the take log, marks, "all good", a week."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Rating

from rehearsal.engine.hiding import HideLevel, LineHider
from rehearsal.engine.lines import build_lines
from rehearsal.engine.timing import LineTiming, Outcome, TakeInfo
from rehearsal.memory.book_store import open_book, save_reviewed
from rehearsal.memory.grades import Mark
from rehearsal.memory.hiding_by_memory import apply_to_hider, levels_by_line
from rehearsal.memory.take_reviews import TakeReviewer, review_stored_take, timing_event
from rehearsal.memory.today import todays_run
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.memory_repo import MemoryRepository
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.take_log import StoreTakeRecorder
from tests.memory.helpers import KITCHEN, MONDAY, fountain, many_lines, mary

WPM = 150.0


def _said(index: int, line_id: object, response_s: float, *, skipped: bool = False) -> LineTiming:
    return LineTiming(
        index=index,
        line_id=line_id,  # type: ignore[arg-type]
        own=True,
        outcome=Outcome.SKIPPED if skipped else Outcome.ACTOR,
        started_s=float(index),
        cue_end_s=float(index),
        done_s=float(index) + response_s,
        response_s=response_s,
    )


def test_grades_come_from_the_line_events_the_take_log_wrote(store: OpenedDatabase) -> None:
    script = fountain(KITCHEN)
    script_id = import_script(store.engine, script, None, KITCHEN.encode())
    part = mary()
    log = StoreTakeRecorder(SessionRecorder(store.engine), script_id, "MARY", journal_dir=False)
    log.on_take_started(TakeInfo(1, 0.0, 0, 10))
    quick = part[0].words * 60 / WPM + 0.5  # the words at pace and a quick pickup
    slow = part[1].words * 60 / WPM + 6.0  # a long search for the line
    log.on_line_done(1, _said(1, part[0].line_id, quick))
    log.on_line_done(1, _said(3, part[1].line_id, slow))
    log.on_line_done(1, _said(5, part[2].line_id, 0.0, skipped=True))
    log.flush()
    detail = HistoryRepository(store.engine).session_detail(log.session_id or 0)
    assert detail is not None
    stored_lines = detail.takes[0].lines
    assert len(stored_lines) == 3
    repo = MemoryRepository(store.engine)
    opened = open_book(repo, script_id, "MARY", part, UTC)
    given = review_stored_take(opened.book, part, opened.keys, stored_lines, MONDAY)
    keys = opened.keys
    assert given == {keys[0]: Rating.Good, keys[1]: Rating.Hard, keys[2]: Rating.Again}
    repo.save_part(opened.as_stored())
    log.close()

    again = open_book(repo, script_id, "MARY", part, UTC)
    assert [m.last_rating for m in again.book.lines.values()][:4] == [
        Rating.Good,
        Rating.Hard,
        Rating.Again,
        None,
    ]
    assert again.book.lines[keys[0]].due == opened.book.lines[keys[0]].due


def test_a_reveal_is_again_and_the_actors_key_replaces_the_timing_grade() -> None:
    part = mary()
    from rehearsal.memory.book import MemoryBook

    book = MemoryBook.for_part("MARY", part)
    keys = list(book.lines)
    reviewer = TakeReviewer(book, part, keys, now=lambda: MONDAY, words_per_minute=WPM)
    reviewer.take_started()
    assert reviewer.line_done(_said(1, part[0].line_id, 2.0), revealed=True) is Rating.Again
    assert reviewer.mark(Mark.EASY) == (keys[0], Rating.Easy)
    assert [r.rating for r in book.lines[keys[0]].reviews] == [Rating.Easy], "one run, one review"
    slow = part[1].words * 60 / WPM + 8.0
    assert reviewer.line_done(_said(3, part[1].line_id, slow), revealed=False) is Rating.Hard
    assert reviewer.all_good() == [keys[1]]
    assert [r.rating for r in book.lines[keys[1]].reviews] == [Rating.Good]
    assert [r.rating for r in book.lines[keys[0]].reviews] == [Rating.Easy], "the key stands"
    assert reviewer.drain() == [keys[0], keys[1]]
    assert reviewer.drain() == []
    # a line the engine left before the actor's turn is no run at all
    left = LineTiming(5, part[2].line_id, True, Outcome.LEFT, 5.0)
    assert reviewer.line_done(left, revealed=False) is None
    assert book.lines[keys[2]].is_new


def test_the_microphone_pickup_wins_over_the_estimate() -> None:
    part = mary()
    timing = LineTiming(
        1, part[0].line_id, True, Outcome.VOICE, 0.0, cue_end_s=1.0, done_s=9.0,
        response_s=8.0, onset_s=1.4,
    )  # fmt: skip
    assert timing_event(timing, part[0].words, WPM, revealed=False).pickup_seconds == pytest.approx(
        0.4
    )


def test_hiding_follows_memory_in_the_engine() -> None:
    part = mary()
    from rehearsal.memory.book import MemoryBook

    book = MemoryBook.for_part("MARY", part)
    keys = list(book.lines)
    book.review(keys[0], Rating.Good, MONDAY - timedelta(days=10))
    book.review(keys[0], Rating.Easy, MONDAY - timedelta(days=9))
    book.review(keys[0], Rating.Easy, MONDAY - timedelta(days=1))
    book.review(keys[1], Rating.Again, MONDAY)
    book.review(keys[2], Rating.Good, MONDAY)
    lines = build_lines(fountain(KITCHEN), "MARY")
    hider = LineHider(level=HideLevel.FIRST_LETTERS)
    apply_to_hider(hider, levels_by_line(part, keys, book.lines, MONDAY))
    own = [line for line in lines if line.own]
    by_id = {line.id: line for line in own}
    assert hider.level_for(by_id[part[0].line_id]) is HideLevel.CUE_ONLY
    assert hider.level_for(by_id[part[1].line_id]) is HideLevel.FULL
    assert hider.level_for(by_id[part[2].line_id]) is HideLevel.FIRST_LETTERS
    assert hider.level_for(by_id[part[3].line_id]) is HideLevel.FULL, "new: in full"
    assert hider.text(by_id[part[0].line_id]) == "…"
    partner = next(line for line in lines if not line.own)
    assert hider.level_for(partner) is HideLevel.FULL


def test_a_week_of_todays_runs_through_the_store(store: OpenedDatabase) -> None:
    """Monday to Sunday, today's run each morning, every line said well but a few missed."""
    text = many_lines(3, 6)
    script = fountain(text)
    script_id = import_script(store.engine, script, None, text.encode())
    part = mary(text)
    now = [MONDAY]
    repo = MemoryRepository(store.engine, now=lambda: now[0])
    repo.set_deadline(script_id, "MARY", date(2026, 12, 14))
    ran: list[int] = []
    for day in range(7):
        now[0] = MONDAY + timedelta(days=day)
        opened = open_book(repo, script_id, "MARY", part, UTC)
        assert opened.book.off_book_by == date(2026, 12, 14)
        run = todays_run(opened.book, part, opened.keys, now[0], UTC)
        ran.append(len(run.lines))
        reviewer = TakeReviewer(opened.book, part, opened.keys, now=lambda: now[0])
        reviewer.take_started()
        for n, line in enumerate(run.lines):
            missed = day == 1 and n == 0
            said = _said(n, line.line.line_id, line.line.words * 60 / WPM + 0.8)
            reviewer.line_done(said, revealed=missed)
            now[0] += timedelta(seconds=20)
        save_reviewed(repo, script_id, opened.book, reviewer.drain())
    final = open_book(repo, script_id, "MARY", part, UTC)
    sunday = MONDAY + timedelta(days=6, hours=12)
    assert all(not m.is_new for m in final.book.lines.values()), "every line met before the eve"
    assert ran[0] >= 8
    assert sum(ran) > len(part), "lines come back for review"
    latest = datetime.combine(date(2026, 12, 14), datetime.min.time(), tzinfo=UTC)
    assert all(m.due is not None and m.due <= latest for m in final.book.lines.values())
    secure = sum(m.is_secure(sunday) for m in final.book.lines.values())
    assert secure >= len(part) // 2
    history = repo.reviews(script_id, "MARY")
    assert len(history) == sum(ran)
    assert any(r.rating == int(Rating.Again) for r in history)
