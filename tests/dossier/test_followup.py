"""When thank-you notes fall due, with a wall clock that moves only when told."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rehearsal.dossier.followup import (
    OVERDUE_AFTER,
    StartupReport,
    describe_age,
    describe_when,
    due_followups,
    due_followups_message,
    is_follow_up_due,
    startup_report,
    upcoming_auditions,
)
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionRound,
    FollowUpState,
)
from tests.store.sample_data import StepClock

CALL = datetime(2024, 3, 7, 10, 30, tzinfo=UTC)  # a Thursday


def audition(
    audition_id: int = 1,
    *,
    when: datetime | None = CALL,
    deadline: datetime | None = None,
    follow_up: FollowUpState | None = None,
    title: str = "Night Shift",
    role: str = "Nina",
    round: AuditionRound = AuditionRound.CALLBACK,
) -> Audition:
    details = AuditionDetails(
        project_title=title,
        role=role,
        round=round,
        scheduled_at=when,
        self_tape_deadline=deadline,
    )
    return Audition(audition_id, details, follow_up or FollowUpState(), CALL, CALL)


def test_a_thank_you_is_due_from_the_audition_until_it_is_sent() -> None:
    clock = StepClock(CALL - timedelta(days=1))
    item = audition()
    assert due_followups([item], clock()) == []
    clock.at(CALL - timedelta(seconds=1))
    assert not is_follow_up_due(item, clock())
    clock.at(CALL)
    (due,) = due_followups([item], clock())
    assert due.audition is item
    assert due.due_since == CALL
    assert not due.overdue
    clock.advance(OVERDUE_AFTER.total_seconds() - 1)
    assert not due_followups([item], clock())[0].overdue
    clock.advance(1)
    assert due_followups([item], clock())[0].overdue
    sent = audition(follow_up=FollowUpState(thank_you_sent_at=CALL + timedelta(hours=3)))
    assert due_followups([sent], clock()) == []
    dismissed = audition(follow_up=FollowUpState(dismissed_at=CALL + timedelta(hours=3)))
    assert due_followups([dismissed], clock()) == []


def test_undated_auditions_are_never_due_and_self_tapes_count_from_the_deadline() -> None:
    now = CALL + timedelta(days=1)
    undated = audition(1, when=None)
    tape = audition(2, when=None, deadline=CALL - timedelta(days=1), round=AuditionRound.SELF_TAPE)
    later_tape = audition(3, when=None, deadline=now + timedelta(hours=1))
    due = due_followups([undated, tape, later_tape], now)
    assert [d.audition.id for d in due] == [2]


def test_the_longest_waiting_comes_first() -> None:
    now = CALL + timedelta(days=10)
    items = [
        audition(1, when=CALL + timedelta(days=2)),
        audition(2, when=CALL),
        audition(3, when=CALL + timedelta(days=9)),
    ]
    assert [d.audition.id for d in due_followups(items, now)] == [2, 1, 3]


def test_upcoming_auditions_are_the_next_two_days() -> None:
    now = CALL
    items = [
        audition(1, when=CALL + timedelta(days=1)),
        audition(2, when=CALL + timedelta(hours=2)),
        audition(3, when=CALL + timedelta(days=3)),
        audition(4, when=CALL - timedelta(minutes=1)),
        audition(5, when=None),
    ]
    assert [a.id for a in upcoming_auditions(items, now)] == [2, 1]


def test_ages_and_times_read_naturally() -> None:
    assert describe_age(CALL, CALL + timedelta(hours=5), UTC) == "today"
    assert describe_age(CALL, CALL + timedelta(hours=14), UTC) == "yesterday"  # past midnight
    assert describe_age(CALL, CALL + timedelta(days=3), UTC) == "3 days ago"
    assert describe_when(CALL, CALL - timedelta(hours=1), UTC) == "today 10:30"
    assert describe_when(CALL, CALL - timedelta(hours=12), UTC) == "tomorrow 10:30"
    assert describe_when(CALL, CALL - timedelta(days=3), UTC) == "Thu 07 Mar 10:30"


def test_the_startup_message_names_what_is_due_and_what_is_coming() -> None:
    now = CALL + timedelta(days=3)
    items = [
        audition(1),
        audition(
            2, when=now - timedelta(hours=1), title="Dawn", role="", round=AuditionRound.FIRST_READ
        ),
        audition(3, when=now + timedelta(hours=20), title="Harbour", role="Mae"),
    ]
    report = startup_report(items, now)
    assert [d.audition.id for d in report.due] == [1, 2]
    assert [a.id for a in report.upcoming] == [3]
    message = due_followups_message(report, now, UTC)
    assert message == (
        "2 thank-you notes are due: Night Shift (Nina, callback), 3 days ago — overdue; "
        "Dawn (first read), today. Coming up: Harbour (Mae, callback) tomorrow 06:30."
    )
    assert due_followups_message(StartupReport(), now) is None
    assert StartupReport().empty


def test_a_self_tape_coming_up_is_named_as_a_tape_to_send() -> None:
    now = CALL
    tape = audition(
        4,
        when=None,
        deadline=now + timedelta(hours=23),
        title="Harbour",
        round=AuditionRound.SELF_TAPE,
    )
    message = due_followups_message(startup_report([tape], now), now, UTC)
    assert message == "Coming up: Harbour (Nina, self-tape), self-tape due tomorrow 09:30."


def test_marking_sent_in_the_store_clears_it(store: OpenedDatabase) -> None:
    clock = StepClock(CALL - timedelta(days=1))
    repo = AuditionsRepository(store.engine, now=clock)
    audition_id = repo.create(AuditionDetails("Night Shift", "Nina", scheduled_at=CALL))
    assert due_followups(repo.list_auditions(), clock()) == []
    clock.at(CALL + timedelta(hours=4))
    assert [d.audition.id for d in due_followups(repo.list_auditions(), clock())] == [audition_id]
    repo.mark_thank_you_sent(audition_id)
    assert due_followups(repo.list_auditions(), clock()) == []
    repo.mark_thank_you_unsent(audition_id)
    repo.dismiss_follow_up(audition_id)
    assert due_followups(repo.list_auditions(), clock()) == []
