"""One way in to the history database: the object the app asks for records.

The app opens the database once (:func:`rehearsal.store.startup.open_store`) and wraps it
in a :class:`Store`; from then on every window, dialog and background job goes through
that one object. It holds the engine privately and hands out only plain records
(:mod:`rehearsal.store.records`, :mod:`rehearsal.store.dossier_records`), so no caller
ever sees SQLAlchemy, holds a session or builds a repository of its own.

The work itself stays in the repositories (scripts, sessions, statistics, auditions,
check-ins, voices), each call one short session as before; the facade binds them to the
database and to the clock once. Groups with many operations (the history list,
auditions, check-ins) are reached as attributes typed by what they offer; the rest are
methods here. Every call may block on the disk, so the UI runs the slow ones through
:mod:`rehearsal.ui.background`.

Errors the UI reacts to, the check-in scale and the types of the sections are
re-exported here, so a window needs no repository module (a contract in
``pyproject.toml`` keeps it so).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from rehearsal.script.corrections import Correction
from rehearsal.script.model import Script
from rehearsal.store import scripts_repo, stats_repo
from rehearsal.store.activity_records import HistorySummary, ScriptActivity, SessionSpan
from rehearsal.store.auditions_repo import AuditionNotFoundError, AuditionsRepository, LinkError
from rehearsal.store.checkins_repo import MAX_LEVEL, MIN_LEVEL, CheckInError, CheckInRepository
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import Notice, OpenedDatabase, StoreError
from rehearsal.store.dossier_records import CheckInChartData
from rehearsal.store.export import export_csv, export_json
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.memory_repo import MemoryRepository
from rehearsal.store.memory_repo import PartListing as PartListing
from rehearsal.store.memory_repo import StoredAudition as StoredAudition
from rehearsal.store.records import (
    ALL_SESSIONS,
    CategoryRating,
    ChartData,
    LineStats,
    ScriptInfo,
    SessionFilter,
)
from rehearsal.store.scripts_repo import content_hash as content_hash  # how scripts are known
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.voice_repo import ScriptVoiceRepository

__all__ = [
    "MAX_LEVEL",
    "MIN_LEVEL",
    "AuditionNotFoundError",
    "AuditionsRepository",
    "CheckInError",
    "CheckInRepository",
    "HistoryRepository",
    "LinkError",
    "ScriptVoiceRepository",
    "Store",
    "StoreError",
]

EXPORT_KINDS = ("csv", "json")
"""The formats :meth:`Store.export_history` writes."""


class Store:
    """The opened history database, as records.

    Safe to share between threads: it keeps no state but the engine and the clock, and
    every call opens and closes its own session (``BEGIN IMMEDIATE`` when it writes).
    """

    def __init__(self, opened: OpenedDatabase, *, now: WallClock = utc_now) -> None:
        self._opened = opened
        self._engine = opened.engine
        self._now = now
        self.history = HistoryRepository(self._engine)
        """Sessions as the history lists them: counts, pages, details, filters, deletion."""
        self.auditions = AuditionsRepository(self._engine, now=now)
        """Auditions, their dossiers, follow-ups and links to scripts and sessions."""
        self.checkins = CheckInRepository(self._engine, now=now)
        """How the actor felt before working, and the charts of it against the work."""
        self.voices = ScriptVoiceRepository(self._engine)
        """Casting and voice preferences per script (speech's ``ScriptVoiceStore``)."""
        self.memory = MemoryRepository(self._engine)
        """Each line's memory of the actor's parts, their reviews and off-book dates."""

    # The database itself -----------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The database file."""
        return self._opened.path

    @property
    def notices(self) -> tuple[Notice, ...]:
        """What opening it found worth telling the actor once (a salvage, a backup)."""
        return self._opened.notices

    @property
    def read_only(self) -> bool:
        """True when the file could only be opened for reading: nothing new is kept."""
        return self._opened.read_only

    def close(self) -> None:
        """Close every connection (the last one checkpoints the WAL into the file)."""
        self._opened.close()

    # Scripts -----------------------------------------------------------------------------

    def import_script(self, script: Script, source_path: Path | str | None, raw: bytes) -> int:
        """Remember an imported script (or find it again by its bytes); its id."""
        return scripts_repo.import_script(self._engine, script, source_path, raw, now=self._now)

    def get_script(self, script_id: int) -> ScriptInfo | None:
        """One stored script, or None when it is not (or no longer) kept."""
        return scripts_repo.get_script(self._engine, script_id)

    def load_snapshot(self, script_id: int) -> Script | None:
        """The script as it was imported and stored (None when it is not kept)."""
        return scripts_repo.load_snapshot(self._engine, script_id)

    def list_scripts(self) -> list[ScriptInfo]:
        """Every stored script, most recently imported first."""
        return scripts_repo.list_scripts(self._engine)

    def script_settings(self, script_id: int) -> dict[str, Any]:
        """A script's stored preferences (its voice settings among them)."""
        return scripts_repo.get_settings(self._engine, script_id)

    def update_script_settings(self, script_id: int, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Merge ``changes`` into a script's stored preferences; the result."""
        return scripts_repo.update_settings(self._engine, script_id, changes)

    def find_corrections(self, raw: bytes) -> tuple[Correction, ...]:
        """The actor's corrections to the script with these bytes (none when not kept)."""
        return scripts_repo.find_corrections(self._engine, raw)

    def load_corrections(self, script_id: int) -> tuple[Correction, ...]:
        """The corrections kept with a stored script, oldest first."""
        return scripts_repo.load_corrections(self._engine, script_id)

    def save_corrections(self, script_id: int, corrections: Sequence[Correction]) -> bool:
        """Keep ``corrections`` as the script's list; False when the script is gone."""
        return scripts_repo.save_corrections(self._engine, script_id, corrections)

    # What the home and the history's summary strip show --------------------------------

    def script_activity(self, limit: int = 5) -> list[ScriptActivity]:
        """The scripts rehearsed most recently, each with its last session, newest first."""
        return stats_repo.script_activity(self._engine, limit)

    def session_spans(self, since: datetime) -> list[SessionSpan]:
        """Every session started at or after ``since``, with its length."""
        return stats_repo.session_spans(self._engine, since)

    def history_summary(
        self,
        since: datetime,
        where: SessionFilter = ALL_SESSIONS,
        until: datetime | None = None,
    ) -> HistorySummary:
        """Sessions, time, mean rating and lines to work on from ``since`` to ``until``."""
        return stats_repo.history_summary(self._engine, since, where, until)

    # Sessions and takes --------------------------------------------------------------------

    def session_recorder(self) -> SessionRecorder:
        """The writer of sessions, takes and line events, for the take log."""
        return SessionRecorder(self._engine, now=self._now)

    def export_history(self, kind: str, path: Path, where: SessionFilter = ALL_SESSIONS) -> int:
        """Write the matching sessions to ``path`` as ``csv`` or ``json``; how many."""
        if kind == "csv":
            return export_csv(self.history, path, where)
        if kind == "json":
            return export_json(self.history, path, where)
        raise ValueError(f"unknown export format {kind!r}; expected one of {EXPORT_KINDS}")

    # Statistics ----------------------------------------------------------------------------

    def chart_data(self, where: SessionFilter = ALL_SESSIONS) -> ChartData:
        """The history's progress charts: time per week, response trend, ratings by note."""
        return stats_repo.chart_data(self._engine, where)

    def checkin_chart_data(self, where: SessionFilter = ALL_SESSIONS) -> CheckInChartData:
        """The check-in charts: energy and focus over time, and ratings by level."""
        return self.checkins.chart_data(where)

    def line_stats(self, script_id: int, role: str | None = None) -> LineStats:
        """The actor's lines in one script most often skipped, and the slowest."""
        return stats_repo.line_stats(self._engine, script_id, role=role)

    def rating_by_category(self, where: SessionFilter = ALL_SESSIONS) -> list[CategoryRating]:
        """Mean self-rating per category of director note (what a drill should work on)."""
        return stats_repo.rating_by_category(self._engine, where)
