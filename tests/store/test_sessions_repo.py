"""Recording: every event committed on return, totals kept in step, bad events refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta

import pytest

from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.models import NoteTiming, SessionMode
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import RecordingError, SessionRecorder
from tests.store.sample_data import START, StepClock, sample_script


@pytest.fixture
def script_id(store: OpenedDatabase) -> int:
    return import_script(store.engine, sample_script(), "/sides/night.fountain", b"night")


@pytest.fixture
def recorder(store: OpenedDatabase, wall_clock: StepClock) -> SessionRecorder:
    return SessionRecorder(store.engine, now=wall_clock)


def _count(store: OpenedDatabase, table: str) -> int:
    """Count rows through a separate plain connection: only committed rows are visible."""
    connection = sqlite3.connect(store.path)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_each_event_is_committed_when_the_call_returns(
    store: OpenedDatabase, recorder: SessionRecorder, script_id: int
) -> None:
    session_id = recorder.start_session(script_id, "NINA", SessionMode.REHEARSE)
    assert _count(store, "rehearsal_sessions") == 1
    take_id = recorder.start_take(session_id)
    assert _count(store, "takes") == 1
    recorder.record_line(take_id, 0, 1, cue_end_s=1.0, actor_done_s=2.0)
    assert _count(store, "line_events") == 1
    note_id = recorder.record_note(session_id, "Angrier.", "emotion", NoteTiming.MID_SCENE)
    assert _count(store, "notes_given") == 1
    recorder.rate(session_id, 4, take_id=take_id, note_id=note_id)
    assert _count(store, "ratings") == 1


def test_a_full_session_reads_back_with_its_totals(
    store: OpenedDatabase, recorder: SessionRecorder, script_id: int, wall_clock: StepClock
) -> None:
    session_id = recorder.start_session(script_id, "NINA", "drill", scene_index=0)
    wall_clock.advance(5)
    take_one = recorder.start_take(session_id)
    note_id = recorder.record_note(
        session_id,
        "You just found out she's lying.",
        "subtext",
        "before_take",
        take_id=take_one,
        note_key="subtext-07",
        level=2,
    )
    recorder.record_line(take_one, 0, 1, cue_end_s=3.0, actor_done_s=4.5)
    recorder.record_line(take_one, 0, 3, cue_end_s=8.0, actor_done_s=11.0, skipped=True)
    recorder.record_line(take_one, 1, 1, cue_end_s=20.0, actor_done_s=20.5, response_s=0.25)
    recorder.end_take(take_one)
    recorder.rate(session_id, 2, take_id=take_one, note_id=note_id, comment="did not commit")
    take_two = recorder.start_take(session_id)
    recorder.record_line(take_two, 0, 1, cue_end_s=2.0, actor_done_s=3.0)
    recorder.rate(session_id, 5, take_id=take_two, category="tempo")
    wall_clock.advance(120)
    recorder.end_session(session_id)

    detail = HistoryRepository(store.engine).session_detail(session_id)
    assert detail is not None
    summary = detail.summary
    assert (summary.role, summary.mode, summary.scene_index) == ("NINA", "drill", 0)
    assert summary.started_at == START
    assert summary.ended_at == START + timedelta(seconds=125)
    assert summary.duration_s == pytest.approx(125.0, abs=0.01)
    assert (summary.take_count, summary.line_count, summary.skipped_count) == (2, 4, 1)
    assert summary.mean_response_s == pytest.approx((1.5 + 0.25 + 1.0) / 3)
    assert summary.mean_rating == pytest.approx(3.5)
    assert [t.number for t in detail.takes] == [1, 2]
    first = detail.takes[0]
    assert [(line.scene_index, line.element_index) for line in first.lines] == [
        (0, 1),
        (0, 3),
        (1, 1),
    ]
    assert [line.response_s for line in first.lines] == [1.5, None, 0.25]
    assert [line.skipped for line in first.lines] == [False, True, False]
    assert first.lines[2].text == "I need a new life."
    assert first.ended_at is not None
    assert detail.takes[1].ended_at is None
    (note,) = detail.notes
    assert (note.take_id, note.note_key, note.level, note.timing) == (
        take_one,
        "subtext-07",
        2,
        "before_take",
    )
    assert [(r.score, r.category, r.comment) for r in detail.ratings] == [
        (2, "subtext", "did not commit"),  # category taken from the note rated
        (5, "tempo", None),
    ]


def test_takes_are_numbered_per_session(
    store: OpenedDatabase, recorder: SessionRecorder, script_id: int
) -> None:
    one = recorder.start_session(script_id, "NINA", "rehearse")
    two = recorder.start_session(script_id, "CAL", "rehearse")
    recorder.start_take(one)
    recorder.start_take(two)
    recorder.start_take(one, number=5)
    recorder.start_take(one)
    detail = HistoryRepository(store.engine).session_detail(one)
    assert detail is not None
    assert [t.number for t in detail.takes] == [1, 5, 6]


def test_a_session_killed_mid_take_has_a_duration_up_to_its_last_event(
    store: OpenedDatabase, recorder: SessionRecorder, script_id: int, wall_clock: StepClock
) -> None:
    session_id = recorder.start_session(script_id, "NINA", "rehearse")
    take_id = recorder.start_take(session_id)
    wall_clock.advance(42)
    recorder.record_line(take_id, 0, 1, cue_end_s=1.0, actor_done_s=2.0)
    summary = HistoryRepository(store.engine).get_summary(session_id)
    assert summary is not None
    assert summary.ended_at is None
    assert summary.duration_s == pytest.approx(42.0, abs=0.01)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda r, s, t: r.start_session(999, "NINA", "rehearse"), "no stored script"),
        (lambda r, s, t: r.start_session(s, " ", "rehearse"), "role"),
        (lambda r, s, t: r.start_take(12345), "no rehearsal session"),
        (lambda r, s, t: r.start_take(s, number=1), "already has a take 1"),
        (lambda r, s, t: r.record_line(12345, 0, 1), "no take"),
        (lambda r, s, t: r.record_note(s, "x", "emotion", "sometime"), "unknown note timing"),
        (lambda r, s, t: r.rate(s, 6), "1 to 5"),
        (lambda r, s, t: r.rate(s, 0), "1 to 5"),
        (lambda r, s, t: r.rate(s, 3, note_id=777), "was not given"),
        (lambda r, s, t: r.end_take(12345), "no take"),
        (lambda r, s, t: r.end_session(12345), "no rehearsal session"),
    ],
)
def test_invalid_events_are_refused_and_leave_nothing_behind(
    store: OpenedDatabase,
    recorder: SessionRecorder,
    script_id: int,
    call: Callable[[SessionRecorder, int, int], object],
    message: str,
) -> None:
    session_id = recorder.start_session(script_id, "NINA", "rehearse")
    take_id = recorder.start_take(session_id)
    before = {t: _count(store, t) for t in ("rehearsal_sessions", "takes", "ratings")}
    with pytest.raises(RecordingError, match=message):
        call(recorder, session_id, take_id)
    assert {t: _count(store, t) for t in before} == before
    summary = HistoryRepository(store.engine).get_summary(session_id)
    assert summary is not None
    assert (summary.take_count, summary.line_count, summary.mean_rating) == (1, 0, None)


def test_a_take_of_another_session_is_refused(
    store: OpenedDatabase, recorder: SessionRecorder, script_id: int
) -> None:
    one = recorder.start_session(script_id, "NINA", "rehearse")
    two = recorder.start_session(script_id, "NINA", "rehearse")
    foreign_take = recorder.start_take(two)
    with pytest.raises(RecordingError, match="not part of session"):
        recorder.record_note(one, "x", "emotion", "after_take", take_id=foreign_take)
    with pytest.raises(RecordingError, match="not part of session"):
        recorder.rate(one, 3, take_id=foreign_take)
    summary = HistoryRepository(store.engine).get_summary(one)
    assert summary is not None
    assert summary.mean_rating is None
