"""What to follow up and when: thank-you notes due after an audition, auditions coming up.

Time is always passed in (``now``), never read here, so the rules are tested with a fake
clock. A thank-you is due from the moment the audition (or a self-tape's deadline) has
passed until the actor marks it sent or says they will not send one; casting offices
remember a note sent within a day or two, so after :data:`OVERDUE_AFTER` it is flagged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from rehearsal.store.dossier_records import ROUND_NAMES, Audition

OVERDUE_AFTER = timedelta(days=2)
UPCOMING_WITHIN = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class DueFollowUp:
    """A thank-you note the actor has not sent yet."""

    audition: Audition
    due_since: datetime
    overdue: bool


@dataclass(frozen=True, slots=True)
class StartupReport:
    """What to tell the actor when the app starts."""

    due: tuple[DueFollowUp, ...] = ()
    upcoming: tuple[Audition, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing to say: no prompt should appear."""
        return not self.due and not self.upcoming


def is_follow_up_due(audition: Audition, now: datetime) -> bool:
    """Whether a thank-you for ``audition`` is due at ``now``."""
    when = audition.when
    state = audition.follow_up
    if when is None or when > now:
        return False
    return state.thank_you_sent_at is None and state.dismissed_at is None


def due_followups(auditions: Iterable[Audition], now: datetime) -> list[DueFollowUp]:
    """Thank-you notes due at ``now``, the longest-waiting first."""
    due = [
        DueFollowUp(a, a.when, now - a.when >= OVERDUE_AFTER)
        for a in auditions
        if is_follow_up_due(a, now) and a.when is not None
    ]
    return sorted(due, key=lambda d: (d.due_since, d.audition.id))


def upcoming_auditions(
    auditions: Iterable[Audition], now: datetime, within: timedelta = UPCOMING_WITHIN
) -> list[Audition]:
    """Auditions (or self-tape deadlines) in the next ``within``, soonest first."""
    soon = [a for a in auditions if a.when is not None and now <= a.when <= now + within]
    return sorted(soon, key=lambda a: (a.when, a.id))


def startup_report(auditions: Iterable[Audition], now: datetime) -> StartupReport:
    """The follow-ups due and the auditions coming up, for the prompt at startup."""
    listed = list(auditions)
    return StartupReport(
        due=tuple(due_followups(listed, now)), upcoming=tuple(upcoming_auditions(listed, now))
    )


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment.astimezone(tz)


def describe_age(since: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """ "today", "yesterday" or "N days ago", counted in calendar days of ``tz`` (local)."""
    days = (_local(now, tz).date() - _local(since, tz).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def describe_when(moment: datetime, now: datetime, tz: tzinfo | None = None) -> str:
    """ "today 10:30", "tomorrow 09:00" or "Fri 14 Mar 16:00" in ``tz`` (local)."""
    local, today = _local(moment, tz), _local(now, tz).date()
    clock = local.strftime("%H:%M")
    days = (local.date() - today).days
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"tomorrow {clock}"
    return local.strftime("%a %d %b %H:%M")


def audition_label(audition: Audition) -> str:
    """ "Night Shift (Nina, callback)": how prompts name an audition."""
    details = audition.details
    extras = [details.role.strip()] if details.role.strip() else []
    extras.append(ROUND_NAMES[details.round].lower())
    return f"{details.display_title} ({', '.join(extras)})"


def due_followups_message(
    report: StartupReport, now: datetime, tz: tzinfo | None = None
) -> str | None:
    """One paragraph for the startup prompt or a status bar; ``None`` if nothing to say."""
    if report.empty:
        return None
    parts: list[str] = []
    if report.due:
        count = len(report.due)
        items = []
        for item in report.due:
            text = f"{audition_label(item.audition)}, {describe_age(item.due_since, now, tz)}"
            items.append(text + (" — overdue" if item.overdue else ""))
        noun = "A thank-you note is" if count == 1 else f"{count} thank-you notes are"
        parts.append(f"{noun} due: " + "; ".join(items) + ".")
    if report.upcoming:
        items = []
        for audition in report.upcoming:
            when = audition.when
            label = audition_label(audition)
            if when is None:
                items.append(label)
            elif audition.details.scheduled_at is None:  # only a tape to send by then
                items.append(f"{label}, self-tape due {describe_when(when, now, tz)}")
            else:
                items.append(f"{label} {describe_when(when, now, tz)}")
        parts.append("Coming up: " + "; ".join(items) + ".")
    return " ".join(parts)
