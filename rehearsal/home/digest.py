"""The home page's content, worked out from plain records at a given moment.

An actor opens the app the night before a callback, tired: the home must say what matters
today in a few lines. Everything here takes ``now`` and a time zone, never reads the
clock, so the countdown wording, the week's totals and the suggested next step are tested
with fixed moments.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from rehearsal.dossier.followup import DueFollowUp, audition_label, due_followups
from rehearsal.store.activity_records import ScriptActivity, SessionSpan
from rehearsal.store.dossier_records import ROUND_NAMES, Audition

UPCOMING_WITHIN = timedelta(days=14)
"""How far ahead the home lists auditions and self-tape deadlines."""
UPCOMING_SHOWN = 4
RECENT_SHOWN = 5
RUN_FOR_AUDITION_WITHIN = timedelta(days=3)
"""An audition this close, with sides linked to it, makes running them the next step."""


@dataclass(frozen=True, slots=True)
class HomeFacts:
    """What the store knows, read in one go off the GUI thread."""

    auditions: tuple[Audition, ...] = ()
    scripts: tuple[ScriptActivity, ...] = ()
    spans: tuple[SessionSpan, ...] = ()
    audition_scripts: dict[int, str] = field(default_factory=dict)
    """Audition id → the source file of the sides linked to it (when there are any)."""


@dataclass(frozen=True, slots=True)
class WeekTotals:
    """Rehearsal time this (Monday-based, local) week against last week."""

    this_week_s: float
    last_week_s: float
    this_week_sessions: int
    last_week_sessions: int


@dataclass(frozen=True, slots=True)
class Upcoming:
    """An audition or self-tape deadline ahead, with its countdown."""

    audition: Audition
    headline: str  # "Night Shift — callback (Nina)"
    countdown: str  # "Thursday 10:30 — 2 days"
    what: str  # "callback", "self-tape due"
    is_deadline: bool
    script_path: str | None
    at: datetime | None = None
    """The moment counted down to (the home re-words the countdown as time passes)."""


class StepKind(enum.StrEnum):
    """What acting on the suggestion does."""

    RUN_SCRIPT = "run_script"
    THANK_YOU = "thank_you"
    OPEN_SIDES = "open_sides"
    DEMO = "demo"


@dataclass(frozen=True, slots=True)
class NextStep:
    """The one thing the home suggests doing now."""

    kind: StepKind
    text: str
    script_path: str | None = None
    audition_id: int | None = None


@dataclass(frozen=True, slots=True)
class HomeDigest:
    """Everything the home page shows, worded."""

    upcoming: tuple[Upcoming, ...]
    thank_yous: tuple[DueFollowUp, ...]
    recent: tuple[ScriptActivity, ...]
    week: WeekTotals
    next_step: NextStep


def week_start(day: date) -> date:
    """The Monday on or before ``day``."""
    return day - timedelta(days=day.weekday())


def week_totals(spans: Iterable[SessionSpan], now: datetime, tz: tzinfo | None) -> WeekTotals:
    """Time and sessions this local week and last, each session counted in the week it began."""
    this_monday = week_start(now.astimezone(tz).date())
    last_monday = this_monday - timedelta(days=7)
    totals = {this_monday: [0.0, 0], last_monday: [0.0, 0]}
    for span in spans:
        monday = week_start(span.started_at.astimezone(tz).date())
        if monday in totals:
            totals[monday][0] += max(0.0, span.duration_s)
            totals[monday][1] += 1
    return WeekTotals(
        this_week_s=float(totals[this_monday][0]),
        last_week_s=float(totals[last_monday][0]),
        this_week_sessions=int(totals[this_monday][1]),
        last_week_sessions=int(totals[last_monday][1]),
    )


def countdown(moment: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """ "Thursday 10:30 — 2 days", "Today 18:00 — 3 hours", "Fri 14 Mar 09:00 — 12 days".

    Days are calendar days in ``tz`` (an audition tomorrow morning is "1 day" away at
    11 pm), hours are counted only on the day itself; a moment passed says so.
    """
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    clock = local.strftime("%H:%M")
    days = (local.date() - today).days
    if days == 0:
        name = "Today"
    elif days == 1:
        name = "Tomorrow"
    elif 1 < days < 7:
        name = local.strftime("%A")
    else:
        name = local.strftime("%a %d %b")
    if moment <= now:
        distance = "passed"
    elif days == 0:
        left = moment - now
        hours = int(left.total_seconds() // 3600)
        if hours >= 1:
            distance = f"{hours} hour" + ("" if hours == 1 else "s")
        else:
            minutes = max(1, int(left.total_seconds() // 60))
            distance = f"{minutes} minute" + ("" if minutes == 1 else "s")
    else:
        distance = f"{days} day" + ("" if days == 1 else "s")
    return f"{name} {clock} — {distance}"


def _moments(audition: Audition) -> list[tuple[datetime, bool]]:
    """The moments of an audition the home counts down to: the meeting, and a self-tape
    deadline beside it (an audition in the room may ask for a tape first)."""
    details = audition.details
    moments = []
    if details.scheduled_at is not None:
        moments.append((details.scheduled_at, False))
    if details.self_tape_deadline is not None:
        moments.append((details.self_tape_deadline, True))
    return moments


def upcoming(
    auditions: Iterable[Audition],
    now: datetime,
    tz: tzinfo | None = None,
    scripts: dict[int, str] | None = None,
    within: timedelta = UPCOMING_WITHIN,
) -> list[Upcoming]:
    """Auditions and self-tape deadlines from now to ``within``, soonest first."""
    ahead = sorted(
        (
            (moment, deadline, audition)
            for audition in auditions
            for moment, deadline in _moments(audition)
            if now <= moment <= now + within
        ),
        key=lambda item: (item[0], item[2].id, item[1]),
    )
    result = []
    for moment, deadline, audition in ahead:
        details = audition.details
        what = "self-tape due" if deadline else ROUND_NAMES[details.round].lower()
        headline = f"{details.display_title} — {what}"
        if details.role.strip():
            headline += f" ({details.role.strip()})"
        result.append(
            Upcoming(
                audition=audition,
                headline=headline,
                countdown=countdown(moment, now, tz),
                what=what,
                is_deadline=deadline,
                script_path=(scripts or {}).get(audition.id),
                at=moment,
            )
        )
    return result


def _script_name(path: str, recent: Sequence[ScriptActivity]) -> str:
    for script in recent:
        if script.source_path == path:
            return script.title
    return path.rsplit("/", 1)[-1]


def next_step(
    soon: Sequence[Upcoming],
    thank_yous: Sequence[DueFollowUp],
    recent: Sequence[ScriptActivity],
    now: datetime,
    has_demo: bool = True,
) -> NextStep:
    """The one step the home suggests, most pressing first.

    Sides linked to an audition in the next three days come first (run them); then a
    thank-you note that is due; then the lines skipped in the last session; then the
    script rehearsed last; with no history at all, the actor's own sides or the demo.
    """
    for item in soon:
        when = item.at
        if item.script_path and when is not None and when - now <= RUN_FOR_AUDITION_WITHIN:
            name = _script_name(item.script_path, recent)
            project = item.audition.details.display_title
            text = f"Run {name} for the {item.what}"
            if project != name:
                text += f" ({project})"
            return NextStep(
                StepKind.RUN_SCRIPT,
                text,
                script_path=item.script_path,
                audition_id=item.audition.id,
            )
    if thank_yous:
        first = thank_yous[0]
        return NextStep(
            StepKind.THANK_YOU,
            f"Send the thank-you note for {audition_label(first.audition)}",
            audition_id=first.audition.id,
        )
    for script in recent:
        if script.lines_to_work_on and script.source_path:
            count = script.lines_to_work_on
            lines = f"{count} line" + ("" if count == 1 else "s")
            return NextStep(
                StepKind.RUN_SCRIPT,
                f"{lines} to work on in {script.title}",
                script_path=script.source_path,
            )
    for script in recent:
        if script.source_path:
            return NextStep(
                StepKind.RUN_SCRIPT,
                f"Run {script.title} again as {script.last_role}",
                script_path=script.source_path,
            )
    if has_demo:
        return NextStep(StepKind.DEMO, "Try the demo scene, Night Shift")
    return NextStep(StepKind.OPEN_SIDES, "Open the sides you were sent")


def digest(
    facts: HomeFacts, now: datetime, tz: tzinfo | None = None, has_demo: bool = True
) -> HomeDigest:
    """The home's content at ``now``."""
    soon = upcoming(facts.auditions, now, tz, facts.audition_scripts)
    thanks = due_followups(facts.auditions, now)
    recent = sorted(facts.scripts, key=lambda s: s.last_started_at, reverse=True)
    return HomeDigest(
        upcoming=tuple(soon[:UPCOMING_SHOWN]),
        thank_yous=tuple(thanks),
        recent=tuple(recent[:RECENT_SHOWN]),
        week=week_totals(facts.spans, now, tz),
        next_step=next_step(soon, thanks, recent, now, has_demo),
    )
