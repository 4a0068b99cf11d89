"""What the store says about recent work, for the home page and the history's summary.

Frozen dataclasses without SQLAlchemy, so the plain-Python rules that word them
(:mod:`rehearsal.home.digest`) load without the database layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ScriptActivity:
    """A script rehearsed before: when last, as whom, and what is still shaky."""

    script_id: int
    title: str
    source_path: str | None
    last_started_at: datetime
    last_role: str
    last_duration_s: float
    sessions: int
    lines_to_work_on: int = 0
    """The actor's lines skipped in the script's last session."""


@dataclass(frozen=True, slots=True)
class SessionSpan:
    """One session's start and length, for the week's totals."""

    started_at: datetime
    duration_s: float


@dataclass(frozen=True, slots=True)
class HistorySummary:
    """The strip above the history table: the sessions since ``since``, at a glance."""

    since: datetime
    sessions: int
    seconds: float
    mean_rating: float | None
    lines_to_work_on: int
    """Distinct lines of the actor's skipped at least once in those sessions."""
