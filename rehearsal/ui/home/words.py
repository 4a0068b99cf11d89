"""Durations and weeks in the actor's language, for the home and the history's strip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from rehearsal.home.digest import WeekTotals


def duration_words(seconds: float) -> str:
    """ "0 min", "45 min", "1 h 05 min": rehearsal time as an actor counts it."""
    minutes = round(max(0.0, seconds) / 60)
    if minutes < 60:
        return QCoreApplication.translate("RehearsalTime", "%d min") % minutes
    return QCoreApplication.translate("RehearsalTime", "%d h %02d min") % (
        minutes // 60,
        minutes % 60,
    )


def week_words(week: WeekTotals) -> str:
    """ "1 h 10 min in 3 sessions this week · 40 min last week"."""
    this = duration_words(week.this_week_s)
    last = duration_words(week.last_week_s)
    if week.this_week_sessions:
        text = QCoreApplication.translate(
            "RehearsalTime", "%(time)s in %(count)s this week · %(last)s last week"
        )
        count = week.this_week_sessions
        if count == 1:
            sessions = QCoreApplication.translate("RehearsalTime", "1 session")
        else:
            sessions = QCoreApplication.translate("RehearsalTime", "%d sessions") % count
        return text % {"time": this, "count": sessions, "last": last}
    text = QCoreApplication.translate("RehearsalTime", "Nothing yet this week · %(last)s last week")
    return text % {"last": last}
