"""Check-ins in a real SQLite file, and their join to the sessions' self-ratings."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.checkins_repo import CheckInError, CheckInRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails, LevelRating
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.records import SessionFilter
from rehearsal.store.sessions_repo import SessionRecorder
from tests.store.sample_data import START, History, StepClock, add_scripts, record_session


@pytest.fixture
def checkins(store: OpenedDatabase, wall_clock: StepClock) -> CheckInRepository:
    return CheckInRepository(store.engine, now=wall_clock)


@pytest.fixture
def history(store: OpenedDatabase, wall_clock: StepClock) -> History:
    return History(scripts=add_scripts(store.engine, wall_clock))


def _session(
    store: OpenedDatabase,
    clock: StepClock,
    history: History,
    script: str,
    score: int | None,
    *,
    takes: int = 1,
    role: str = "NINA",
) -> int:
    recorder = SessionRecorder(store.engine, now=clock)
    return record_session(
        recorder, clock, history, history.scripts[script], role, "rehearse", takes, score=score
    )


def test_a_check_in_round_trips(checkins: CheckInRepository, wall_clock: StepClock) -> None:
    checkin_id = checkins.record(4, 2, "  Listen   more,\n push less ")
    checkin = checkins.get(checkin_id)
    assert checkin is not None
    assert (checkin.energy, checkin.focus) == (4, 2)
    assert checkin.intention == "Listen more, push less"  # one line, as the dialog asks
    assert checkin.taken_at == wall_clock.now
    assert checkin.short_text == "E4 F2"
    assert checkin.session_id is None
    assert checkin.audition_id is None


@pytest.mark.parametrize(("energy", "focus"), [(0, 3), (6, 3), (3, 0), (3, 9)])
def test_levels_outside_one_to_five_are_refused(
    checkins: CheckInRepository, energy: int, focus: int
) -> None:
    with pytest.raises(CheckInError, match="rated 1 to 5"):
        checkins.record(energy, focus)
    assert checkins.recent() == []


def test_the_database_itself_refuses_out_of_range_levels(store: OpenedDatabase) -> None:
    connection = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="energy_range"):
            connection.execute(
                "INSERT INTO checkins (taken_at, energy, focus) VALUES ('2024-03-04', 7, 3)"
            )
    finally:
        connection.close()


def test_links_to_missing_sessions_are_refused(checkins: CheckInRepository) -> None:
    with pytest.raises(CheckInError, match="no rehearsal session 42"):
        checkins.record(3, 3, session_id=42)
    checkin_id = checkins.record(3, 3)
    with pytest.raises(CheckInError, match="no rehearsal session with id 42"):
        checkins.attach_session(checkin_id, 42)
    with pytest.raises(CheckInError, match="no check-in with id 999"):
        checkins.attach_session(999, 42)


def test_a_check_in_is_attached_to_the_session_that_follows_and_outlives_it(
    store: OpenedDatabase, checkins: CheckInRepository, wall_clock: StepClock, history: History
) -> None:
    early = checkins.record(2, 2, "First try")
    wall_clock.advance(5)
    checkin_id = checkins.record(3, 4, "Second thoughts")
    session_id = _session(store, wall_clock, history, "Night Shift", 4)
    checkins.attach_session(early, session_id)
    checkins.attach_session(checkin_id, session_id)
    other = _session(store, wall_clock, history, "Dawn", 3)
    found = checkins.for_sessions([session_id, other])
    assert list(found) == [session_id]
    assert found[session_id].id == checkin_id  # the latest before the session
    assert checkins.for_sessions([]) == {}
    HistoryRepository(store.engine).delete_session(session_id)
    kept = checkins.get(checkin_id)
    assert kept is not None
    assert kept.session_id is None


def test_check_ins_for_an_audition(store: OpenedDatabase, checkins: CheckInRepository) -> None:
    audition_id = AuditionsRepository(store.engine).create(AuditionDetails("Night Shift"))
    mine = checkins.record(5, 5, "Have fun", audition_id=audition_id)
    checkins.record(1, 1, "Another day")
    assert [c.id for c in checkins.for_audition(audition_id)] == [mine]
    assert checkins.delete(mine)
    assert not checkins.delete(mine)
    assert checkins.for_audition(audition_id) == []


def test_chart_points_carry_each_sessions_mean_rating(
    store: OpenedDatabase, checkins: CheckInRepository, wall_clock: StepClock, history: History
) -> None:
    wall_clock.at(START)
    low = checkins.record(1, 2)
    low_session = _session(store, wall_clock, history, "Night Shift", 2, takes=2)
    checkins.attach_session(low, low_session)
    wall_clock.at(START + timedelta(days=1))
    high = checkins.record(5, 4)
    high_session = _session(store, wall_clock, history, "Dawn", 5)
    checkins.attach_session(high, high_session)
    wall_clock.at(START + timedelta(days=2))
    unrated = checkins.record(3, 3)
    unrated_session = _session(store, wall_clock, history, "Dawn", None)
    checkins.attach_session(unrated, unrated_session)
    wall_clock.at(START + timedelta(days=3))
    alone = checkins.record(4, 1, "Before the audition")

    points = checkins.chart_points()
    assert [(p.checkin_id, p.energy, p.focus, p.mean_rating, p.rating_count) for p in points] == [
        (low, 1, 2, 2.0, 2),
        (high, 5, 4, 5.0, 1),
        (unrated, 3, 3, None, 0),
        (alone, 4, 1, None, 0),
    ]
    dawn = SessionFilter(script_id=history.scripts["Dawn"])
    assert [p.checkin_id for p in checkins.chart_points(dawn)] == [high, unrated]
    window = SessionFilter(start=START + timedelta(days=1), end=START + timedelta(days=3))
    assert [p.checkin_id for p in checkins.chart_points(window)] == [high, unrated]


def test_rating_by_level_weights_every_rating(
    store: OpenedDatabase, checkins: CheckInRepository, wall_clock: StepClock, history: History
) -> None:
    # Two sessions after energy 4: one with two takes rated 2, one with one take rated 5.
    for score, takes in ((2, 2), (5, 1)):
        checkin_id = checkins.record(4, 3)
        session_id = _session(store, wall_clock, history, "Night Shift", score, takes=takes)
        checkins.attach_session(checkin_id, session_id)
    checkin_id = checkins.record(1, 3)
    checkins.attach_session(checkin_id, _session(store, wall_clock, history, "Dawn", 1))
    checkins.attach_session(
        checkins.record(2, 2), _session(store, wall_clock, history, "Dawn", None)
    )
    levels = [
        LevelRating(lv.measure, lv.level, round(lv.mean_rating, 9), lv.sessions)
        for lv in checkins.rating_by_level()
    ]
    assert levels == [
        LevelRating("energy", 1, 1.0, 1),
        LevelRating("energy", 4, 3.0, 2),  # (2 + 2 + 5) / 3
        LevelRating("focus", 3, 2.5, 3),  # (2 + 2 + 5 + 1) / 4
    ]
    only_dawn = checkins.rating_by_level(SessionFilter(script_id=history.scripts["Dawn"]))
    assert only_dawn == [LevelRating("energy", 1, 1.0, 1), LevelRating("focus", 3, 1.0, 1)]
