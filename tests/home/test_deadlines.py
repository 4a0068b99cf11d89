"""Self-tape deadlines at fixed moments: which are close, how long is left, once a day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from rehearsal.home.deadlines import notice_due, tape_deadlines, time_left
from rehearsal.home.digest import upcoming
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionRound,
    FollowUpState,
)

NOW = datetime(2026, 12, 8, 20, 0, tzinfo=UTC)  # a Tuesday evening
TOKYO = timezone(timedelta(hours=9))


def audition(number: int, deadline: datetime | None, scheduled: datetime | None = None) -> Audition:
    details = AuditionDetails(
        project_title=f"Project {number}",
        role="Nina",
        round=AuditionRound.SELF_TAPE,
        scheduled_at=scheduled,
        self_tape_deadline=deadline,
    )
    return Audition(number, details, FollowUpState(), NOW, NOW)


def test_time_left_rounds_down_and_says_when_passed() -> None:
    left = time_left(NOW + timedelta(days=1, hours=6, minutes=30, seconds=59), NOW)
    assert (left.days, left.hours, left.minutes, left.passed) == (1, 6, 30, False)
    assert not left.urgent
    soon = time_left(NOW + timedelta(minutes=59, seconds=59), NOW)
    assert (soon.days, soon.hours, soon.minutes) == (0, 0, 59)
    assert soon.urgent
    assert time_left(NOW, NOW).passed
    assert time_left(NOW - timedelta(hours=3), NOW).passed


def test_deadlines_ahead_soonest_first_and_past_ones_left_out() -> None:
    later = audition(1, NOW + timedelta(days=5))
    sooner = audition(2, NOW + timedelta(hours=4))
    gone = audition(3, NOW - timedelta(minutes=1))
    undated = audition(4, None, scheduled=NOW + timedelta(days=1))
    found = tape_deadlines([later, sooner, gone, undated], NOW)
    assert [d.audition.id for d in found] == [2, 1]
    assert [d.audition.id for d in tape_deadlines([later, sooner], NOW, timedelta(days=2))] == [2]


def test_notice_speaks_within_two_days_once_per_local_day() -> None:
    close = tape_deadlines([audition(1, NOW + timedelta(days=1, hours=23))], NOW)
    far = tape_deadlines([audition(2, NOW + timedelta(days=2, minutes=1))], NOW)
    assert [d.audition.id for d in notice_due(close, NOW, None)] == [1]
    assert notice_due(far, NOW, None) == []
    # Shown today (UTC): quiet until tomorrow; yesterday's showing does not count.
    assert notice_due(close, NOW, date(2026, 12, 8)) == []
    assert notice_due(close, NOW, date(2026, 12, 7)) != []
    # In Tokyo it is already Wednesday: a showing on Tuesday no longer silences it.
    assert notice_due(close, NOW, date(2026, 12, 8), TOKYO) != []


def test_home_lists_a_tape_deadline_beside_the_meeting() -> None:
    both = audition(1, NOW + timedelta(days=1), scheduled=NOW + timedelta(days=4, hours=2))
    rows = upcoming([both], NOW)
    assert [(r.is_deadline, r.at) for r in rows] == [
        (True, NOW + timedelta(days=1)),
        (False, NOW + timedelta(days=4, hours=2)),
    ]
    assert rows[0].headline == "Project 1 — self-tape due (Nina)"
    assert rows[0].countdown.endswith("— 1 day")
