"""The home page's wording and its choice of next step, at fixed moments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from rehearsal.home.digest import (
    HomeFacts,
    StepKind,
    countdown,
    digest,
    next_step,
    upcoming,
    week_start,
    week_totals,
)
from rehearsal.store.activity_records import ScriptActivity, SessionSpan
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionRound,
    FollowUpState,
)

NOW = datetime(2026, 12, 8, 20, 0, tzinfo=UTC)  # a Tuesday evening
PARIS = timezone(timedelta(hours=1))


def audition(
    number: int,
    when: datetime | None,
    *,
    deadline: bool = False,
    round_: AuditionRound = AuditionRound.CALLBACK,
    sent: bool = False,
) -> Audition:
    details = AuditionDetails(
        project_title=f"Project {number}",
        role="Nina",
        round=round_,
        scheduled_at=None if deadline else when,
        self_tape_deadline=when if deadline else None,
    )
    follow_up = FollowUpState(thank_you_sent_at=NOW if sent else None)
    return Audition(number, details, follow_up, NOW, NOW)


def script(number: int, days_ago: float, lines: int = 0, path: bool = True) -> ScriptActivity:
    return ScriptActivity(
        script_id=number,
        title=f"Script {number}",
        source_path=f"/sides/{number}.fountain" if path else None,
        last_started_at=NOW - timedelta(days=days_ago),
        last_role="NINA",
        last_duration_s=600,
        sessions=2,
        lines_to_work_on=lines,
    )


def test_countdown_in_days_hours_and_minutes() -> None:
    thursday = datetime(2026, 12, 10, 10, 30, tzinfo=UTC)
    assert countdown(thursday, NOW, UTC) == "Thursday 10:30 — 2 days"
    assert countdown(NOW + timedelta(hours=3), NOW, UTC) == "Today 23:00 — 3 hours"
    assert countdown(NOW + timedelta(minutes=1), NOW, UTC) == "Today 20:01 — 1 minute"
    assert countdown(NOW + timedelta(minutes=59), NOW, UTC) == "Today 20:59 — 59 minutes"
    assert countdown(NOW + timedelta(hours=13), NOW, UTC) == "Tomorrow 09:00 — 1 day"
    assert countdown(NOW + timedelta(days=12), NOW, UTC) == "Sun 20 Dec 20:00 — 12 days"
    assert countdown(NOW - timedelta(hours=1), NOW, UTC) == "Today 19:00 — passed"


def test_countdown_counts_calendar_days_where_the_actor_is() -> None:
    # 23:30 UTC on Tuesday is already Wednesday 00:30 in Paris: "Tomorrow" there.
    late = NOW + timedelta(hours=3, minutes=30)
    assert countdown(late, NOW, UTC) == "Today 23:30 — 3 hours"
    assert countdown(late, NOW, PARIS) == "Tomorrow 00:30 — 1 day"


def test_upcoming_lists_what_is_ahead_soonest_first() -> None:
    items = upcoming(
        [
            audition(1, NOW + timedelta(days=5)),
            audition(2, NOW + timedelta(days=1), deadline=True, round_=AuditionRound.SELF_TAPE),
            audition(3, NOW - timedelta(days=1)),  # passed
            audition(4, NOW + timedelta(days=30)),  # too far
            audition(5, None),  # not dated yet
        ],
        NOW,
        UTC,
        scripts={1: "/sides/one.pdf"},
    )
    assert [(u.audition.id, u.is_deadline, u.script_path) for u in items] == [
        (2, True, None),
        (1, False, "/sides/one.pdf"),
    ]
    assert items[0].headline == "Project 2 — self-tape due (Nina)"
    assert items[1].headline == "Project 1 — callback (Nina)"
    assert items[1].countdown == "Sunday 20:00 — 5 days"


def test_week_totals_split_at_local_monday() -> None:
    assert week_start(NOW.date()) == datetime(2026, 12, 7).date()
    spans = [
        SessionSpan(datetime(2026, 12, 7, 9, 0, tzinfo=UTC), 1200),  # this Monday
        SessionSpan(datetime(2026, 12, 8, 19, 0, tzinfo=UTC), 1800),
        SessionSpan(datetime(2026, 12, 6, 23, 30, tzinfo=UTC), 600),  # Sunday in UTC
        SessionSpan(datetime(2026, 12, 1, 12, 0, tzinfo=UTC), 300),
        SessionSpan(datetime(2026, 11, 25, 12, 0, tzinfo=UTC), 999),  # two weeks ago
    ]
    week = week_totals(spans, NOW, UTC)
    assert (week.this_week_s, week.this_week_sessions) == (3000, 2)
    assert (week.last_week_s, week.last_week_sessions) == (900, 2)
    # In Paris the Sunday-night session already began on Monday.
    paris = week_totals(spans, NOW, PARIS)
    assert (paris.this_week_s, paris.last_week_s) == (3600, 300)


def test_next_step_runs_the_sides_of_an_audition_within_three_days() -> None:
    soon = upcoming([audition(1, NOW + timedelta(days=2))], NOW, UTC, {1: "/sides/1.fountain"})
    thank = digest(HomeFacts(auditions=(audition(2, NOW - timedelta(days=1)),)), NOW).thank_yous
    step = next_step(soon, thank, [script(1, 1)], NOW)
    assert (step.kind, step.script_path, step.audition_id) == (
        StepKind.RUN_SCRIPT,
        "/sides/1.fountain",
        1,
    )
    assert step.text == "Run Script 1 for the callback (Project 1)"
    # Further away, the thank-you note that is due comes first.
    later = upcoming([audition(1, NOW + timedelta(days=5))], NOW, UTC, {1: "/sides/1.fountain"})
    step = next_step(later, thank, [script(1, 1)], NOW)
    assert (step.kind, step.audition_id) == (StepKind.THANK_YOU, 2)
    assert step.text == "Send the thank-you note for Project 2 (Nina, callback)"


def test_next_step_without_auditions() -> None:
    step = next_step([], [], [script(1, 1), script(2, 3, lines=12)], NOW)
    assert (step.kind, step.text, step.script_path) == (
        StepKind.RUN_SCRIPT,
        "12 lines to work on in Script 2",
        "/sides/2.fountain",
    )
    step = next_step([], [], [script(1, 1, path=False), script(2, 3)], NOW)
    assert (step.text, step.script_path) == ("Run Script 2 again as NINA", "/sides/2.fountain")
    assert next_step([], [], [], NOW).kind is StepKind.DEMO
    assert next_step([], [], [], NOW, has_demo=False).kind is StepKind.OPEN_SIDES


def test_digest_puts_it_together() -> None:
    facts = HomeFacts(
        auditions=(
            audition(1, NOW + timedelta(days=1)),
            audition(2, NOW - timedelta(days=3)),
            audition(3, NOW - timedelta(days=3), sent=True),
        ),
        scripts=tuple(script(n, days_ago=n) for n in range(1, 8)),
        spans=(SessionSpan(NOW - timedelta(hours=2), 900),),
    )
    home = digest(facts, NOW, UTC)
    assert [u.audition.id for u in home.upcoming] == [1]
    assert [d.audition.id for d in home.thank_yous] == [2]
    assert home.thank_yous[0].overdue
    assert [s.script_id for s in home.recent] == [1, 2, 3, 4, 5]
    assert home.week.this_week_s == 900
    assert home.next_step.kind is StepKind.THANK_YOU  # no sides linked to audition 1
