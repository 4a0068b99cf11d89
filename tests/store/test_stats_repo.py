"""The chart and "lines to work on" aggregates, against a history with known numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from rehearsal.store import stats_repo
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.records import LineStats, SessionFilter, SessionMode
from rehearsal.store.sessions_repo import SessionRecorder
from tests.store.sample_data import History, StepClock, add_scripts, record_session


@pytest.fixture
def db(populated: tuple[OpenedDatabase, History]) -> OpenedDatabase:
    return populated[0]


@pytest.fixture
def history(populated: tuple[OpenedDatabase, History]) -> History:
    return populated[1]


def test_weekly_time_groups_by_monday(db: OpenedDatabase) -> None:
    weeks = stats_repo.weekly_time(db.engine)
    assert [(w.week_start, round(w.seconds, 2), w.sessions) for w in weeks] == [
        (date(2024, 3, 4), 270.0, 2),  # 110 s + 160 s
        (date(2024, 3, 11), 220.0, 3),  # 60 + 60 + 100 (the unended session counts too)
    ]
    drills = stats_repo.weekly_time(db.engine, SessionFilter(mode=SessionMode.DRILL))
    assert [(w.week_start, round(w.seconds, 2)) for w in drills] == [
        (date(2024, 3, 4), 160.0),
        (date(2024, 3, 11), 100.0),
    ]


def test_response_trend_per_script_and_day(db: OpenedDatabase, history: History) -> None:
    night, dawn = history.scripts["Night Shift"], history.scripts["Dawn"]
    points = stats_repo.response_trend(db.engine)
    assert [(p.script_id, p.day, round(p.mean_response_s, 3), p.lines) for p in points] == sorted(
        [
            (night, date(2024, 3, 4), 1.0, 6),
            (night, date(2024, 3, 5), 1.5, 6),  # three skipped lines have no response
            (night, date(2024, 3, 13), 0.5, 3),
            (dawn, date(2024, 3, 12), 2.5, 3),
            (dawn, date(2024, 3, 14), 1.0, 6),
        ]
    )
    assert {p.script_title for p in points} == {"Night Shift", "Dawn"}
    only_cal = stats_repo.response_trend(db.engine, SessionFilter(role="CAL"))
    assert [(p.day, p.mean_response_s) for p in only_cal] == [(date(2024, 3, 13), 0.5)]


def test_rating_by_category_weakest_first(db: OpenedDatabase) -> None:
    ratings = stats_repo.rating_by_category(db.engine)
    assert [(r.category, round(r.mean_score, 3), r.count) for r in ratings] == [
        ("emotion", round(17 / 6, 3), 6),
        ("tempo", 3.0, 1),
    ]
    cold = stats_repo.rating_by_category(db.engine, SessionFilter(mode=SessionMode.COLD_READ))
    assert [(r.category, r.mean_score) for r in cold] == [("emotion", 5.0)]


def test_lines_most_skipped_and_slowest(db: OpenedDatabase, history: History) -> None:
    stats = stats_repo.line_stats(db.engine, history.scripts["Night Shift"])
    assert [(s.scene_index, s.element_index, s.times, s.skipped) for s in stats.most_skipped] == [
        (1, 1, 6, 3)
    ]
    assert stats.most_skipped[0].text == "I need a new life."
    assert [
        (s.scene_index, s.element_index, round(s.mean_response_s or 0, 4)) for s in stats.slowest
    ] == [(0, 1, round(7 / 6, 4)), (0, 3, round(7 / 6, 4)), (1, 1, round(2.5 / 3, 4))]
    assert stats.slowest[0].text == "The bus never came."


def test_line_stats_by_role_and_for_an_unrehearsed_script(
    db: OpenedDatabase, history: History
) -> None:
    cal = stats_repo.line_stats(db.engine, history.scripts["Night Shift"], role="CAL")
    assert cal.most_skipped == ()
    assert {s.mean_response_s for s in cal.slowest} == {0.5}
    assert stats_repo.line_stats(db.engine, 9999) == LineStats((), ())


def test_script_activity_names_each_script_by_its_last_session(
    db: OpenedDatabase, history: History
) -> None:
    recent = stats_repo.script_activity(db.engine)
    assert [
        (s.title, s.last_role, s.sessions, round(s.last_duration_s), s.lines_to_work_on)
        for s in recent
    ] == [("Dawn", "NINA", 2, 100, 0), ("Night Shift", "CAL", 3, 60, 0)]
    assert recent[0].source_path == "/sides/dawn.fountain"
    assert recent[0].last_started_at == datetime(2024, 3, 14, 18, 0, tzinfo=UTC)
    assert [s.title for s in stats_repo.script_activity(db.engine, limit=1)] == ["Dawn"]


def test_script_activity_counts_the_lines_skipped_in_the_last_session(
    store: OpenedDatabase,
) -> None:

    clock = StepClock()
    history = History(scripts=add_scripts(store.engine, clock))
    recorder = SessionRecorder(store.engine, now=clock)
    night = history.scripts["Night Shift"]
    record_session(recorder, clock, history, night, "NINA", "rehearse", 2, skip_every=2)
    (activity,) = stats_repo.script_activity(store.engine)
    # Lines 2, 4 and 6 of two takes over three lines: (0, 3), (0, 1) and (1, 1).
    assert activity.lines_to_work_on == 3
    clock.advance(3600)
    record_session(recorder, clock, history, night, "NINA", "rehearse", 1, skip_every=3)
    (activity,) = stats_repo.script_activity(store.engine)
    assert (activity.sessions, activity.lines_to_work_on) == (2, 1)


def test_session_spans_since_a_moment(db: OpenedDatabase) -> None:
    spans = stats_repo.session_spans(db.engine, datetime(2024, 3, 11, tzinfo=UTC))
    assert [(s.started_at.day, round(s.duration_s)) for s in spans] == [
        (12, 60),
        (13, 60),
        (14, 100),
    ]


def test_history_summary_of_a_week_and_of_a_filter(db: OpenedDatabase) -> None:
    week = stats_repo.history_summary(db.engine, datetime(2024, 3, 11, tzinfo=UTC))
    assert (week.sessions, round(week.seconds), week.mean_rating, week.lines_to_work_on) == (
        3,
        220,
        4.0,
        0,
    )
    both = stats_repo.history_summary(db.engine, datetime(2024, 3, 4, tzinfo=UTC))
    assert (both.sessions, round(both.seconds), both.lines_to_work_on) == (5, 490, 1)
    assert both.mean_rating == pytest.approx(20 / 7)
    drills = stats_repo.history_summary(
        db.engine, datetime(2024, 3, 4, tzinfo=UTC), SessionFilter(mode=SessionMode.DRILL)
    )
    assert (drills.sessions, drills.mean_rating, drills.lines_to_work_on) == (2, 2.0, 1)
    first_week = stats_repo.history_summary(
        db.engine, datetime(2024, 3, 4, tzinfo=UTC), until=datetime(2024, 3, 11, tzinfo=UTC)
    )
    assert (first_week.sessions, round(first_week.seconds), first_week.lines_to_work_on) == (
        2,
        270,
        1,
    )
    empty = stats_repo.history_summary(db.engine, datetime(2030, 1, 1, tzinfo=UTC))
    assert (empty.sessions, empty.seconds, empty.mean_rating, empty.lines_to_work_on) == (
        0,
        0.0,
        None,
        0,
    )
