"""The sessions table: a lazily paged model over the history repository.

Only one page is in memory at first; the view asks for more with ``fetchMore`` as the actor
scrolls. Sorting and filtering reset the model and re-query SQL (both are index-backed and
take a few milliseconds even with 10 000 sessions, see ``benchmarks/bench_history.py``), so
the model never sorts or filters in Python and opening the window costs the same at any size.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from rehearsal.store.dossier_records import CheckIn
from rehearsal.store.facade import Store
from rehearsal.store.records import (
    ALL_SESSIONS,
    SessionFilter,
    SessionMode,
    SessionSummary,
    SortKey,
)
from rehearsal.ui.dates import datetime_text

COL_STARTED = 0
COL_SCRIPT = 1
COL_ROLE = 2
COL_MODE = 3
COL_DURATION = 4
COL_TAKES = 5
COL_LINES = 6
COL_SKIPPED = 7
COL_RESPONSE = 8
COL_RATING = 9
COL_CHECKIN = 10
COLUMN_COUNT = 11

HEADERS = {
    COL_STARTED: str(QT_TRANSLATE_NOOP("SessionTableModel", "Started")),
    COL_SCRIPT: str(QT_TRANSLATE_NOOP("SessionTableModel", "Script")),
    COL_ROLE: str(QT_TRANSLATE_NOOP("SessionTableModel", "Role")),
    COL_MODE: str(QT_TRANSLATE_NOOP("SessionTableModel", "Mode")),
    COL_DURATION: str(QT_TRANSLATE_NOOP("SessionTableModel", "Duration")),
    COL_TAKES: str(QT_TRANSLATE_NOOP("SessionTableModel", "Takes")),
    COL_LINES: str(QT_TRANSLATE_NOOP("SessionTableModel", "Lines")),
    COL_SKIPPED: str(QT_TRANSLATE_NOOP("SessionTableModel", "Skipped")),
    COL_RESPONSE: str(QT_TRANSLATE_NOOP("SessionTableModel", "Response")),
    COL_RATING: str(QT_TRANSLATE_NOOP("SessionTableModel", "Rating")),
    COL_CHECKIN: str(QT_TRANSLATE_NOOP("SessionTableModel", "Check-in")),
}

SORT_KEYS = {
    COL_STARTED: SortKey.STARTED,
    COL_SCRIPT: SortKey.SCRIPT,
    COL_ROLE: SortKey.ROLE,
    COL_MODE: SortKey.MODE,
    COL_DURATION: SortKey.DURATION,
    COL_TAKES: SortKey.TAKES,
    COL_LINES: SortKey.LINES,
    COL_SKIPPED: SortKey.SKIPPED,
    COL_RESPONSE: SortKey.RESPONSE,
    COL_RATING: SortKey.RATING,
}

MODE_NAMES: dict[SessionMode, str] = {
    SessionMode.REHEARSE: str(QT_TRANSLATE_NOOP("SessionTableModel", "Rehearse")),
    SessionMode.DRILL: str(QT_TRANSLATE_NOOP("SessionTableModel", "Drill")),
    SessionMode.COLD_READ: str(QT_TRANSLATE_NOOP("SessionTableModel", "Cold read")),
}

NUMERIC_COLUMNS = frozenset(
    {COL_DURATION, COL_TAKES, COL_LINES, COL_SKIPPED, COL_RESPONSE, COL_RATING}
)

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the session id of any cell of a row."""

RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role returning the cell's unformatted value (datetime, float, int or str)."""

PAGE_SIZE = 100

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def duration_text(seconds: float) -> str:
    """``1h 02m``, ``12m 30s`` or ``45s`` in the language shown (the CLI has its own)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return QCoreApplication.translate("SessionTableModel", "%dh %02dm") % (hours, minutes)
    if minutes:
        return QCoreApplication.translate("SessionTableModel", "%dm %02ds") % (minutes, secs)
    return QCoreApplication.translate("SessionTableModel", "%ds") % secs


def mode_name(mode: SessionMode) -> str:
    """How a session mode is shown, in the language shown."""
    return QCoreApplication.translate("SessionTableModel", MODE_NAMES[mode])


def raw_value(summary: SessionSummary, column: int) -> Any:
    """The value behind a cell."""
    values = {
        COL_STARTED: summary.started_at,
        COL_SCRIPT: summary.script_title,
        COL_ROLE: summary.role,
        COL_MODE: summary.mode,
        COL_DURATION: summary.duration_s,
        COL_TAKES: summary.take_count,
        COL_LINES: summary.line_count,
        COL_SKIPPED: summary.skipped_count,
        COL_RESPONSE: summary.mean_response_s,
        COL_RATING: summary.mean_rating,
    }
    return values[column]


def display_text(summary: SessionSummary, column: int) -> str:
    """The text of a cell: local times, human durations, blanks for "no data"."""
    if column == COL_STARTED:
        return datetime_text(summary.started_at)
    if column == COL_MODE:
        return mode_name(summary.mode)
    if column == COL_DURATION:
        return duration_text(summary.duration_s)
    if column == COL_RESPONSE:
        value = summary.mean_response_s
        return "" if value is None else f"{value:.1f} s"
    if column == COL_RATING:
        rating = summary.mean_rating
        return "" if rating is None else f"{rating:.1f}"
    return str(raw_value(summary, column))


class SessionTableModel(QAbstractTableModel):
    """Sessions matching a filter, in SQL order, fetched a page at a time."""

    totalChanged = Signal(int)

    def __init__(
        self,
        store: Store,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._repo = store.history
        self._page_size = page_size
        self._filter = ALL_SESSIONS
        self._sort = SortKey.STARTED
        self._descending = True
        self._rows: list[SessionSummary] = []
        self._checkins: dict[int, CheckIn] = {}
        self._total = 0
        self._announcing_change = False
        self.reload()

    @property
    def total(self) -> int:
        """How many sessions match the filter (loaded or not)."""
        return self._total

    @property
    def session_filter(self) -> SessionFilter:
        """The filter in effect."""
        return self._filter

    def set_filter(self, where: SessionFilter) -> None:
        """Show only sessions matching ``where`` (queried again from the first page)."""
        if where != self._filter:
            self._filter = where
            self.reload()

    def reload(self) -> None:
        """Re-query the count and the first page, e.g. after a delete or a new session."""
        # Query first: if the database fails, the model keeps showing the old rows intact.
        total = self._repo.count_sessions(self._filter)
        rows = self._repo.list_sessions(
            self._filter, self._sort, self._descending, offset=0, limit=self._page_size
        )
        checkins = self._checkins_for(rows)
        with self._announcing():
            self.beginResetModel()
            self._total, self._rows, self._checkins = total, rows, checkins
            self.endResetModel()
        self.totalChanged.emit(self._total)

    @contextmanager
    def _announcing(self) -> Iterator[None]:
        """While a change is made and announced, listeners asking for more rows get none.

        A listener of ``modelReset`` or ``rows(AboutToBe)Inserted`` may call ``fetchMore``
        at once; a page inserted inside another change's notification would be fetched at
        the same offset twice, and the view asks again when it next needs rows anyway.
        """
        self._announcing_change = True
        try:
            yield
        finally:
            self._announcing_change = False

    def _checkins_for(self, page: list[SessionSummary]) -> dict[int, CheckIn]:
        """How the actor checked in before each session of a page: one query per page."""
        return self._store.checkins.for_sessions([s.id for s in page])

    def checkin_for(self, session_id: int) -> CheckIn | None:
        """The check-in shown beside a loaded session, if it had one."""
        return self._checkins.get(session_id)

    def session_at(self, row: int) -> SessionSummary | None:
        """The session shown in ``row``, if that row is loaded."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: int) -> int | None:
        """The loaded row showing ``session_id``, if any."""
        for row, summary in enumerate(self._rows):
            if summary.id == session_id:
                return row
        return None

    # Qt interface -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if column == COL_CHECKIN:
            return self._checkin_data(summary.id, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(summary, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and summary.ended_at is None:
            return self.tr("This session was not ended (the app was closed or stopped during it).")
        if role == SESSION_ID_ROLE:
            return summary.id
        if role == RAW_VALUE_ROLE:
            return raw_value(summary, column)
        return None

    def _checkin_data(self, session_id: int, role: int) -> Any:
        checkin = self._checkins.get(session_id)
        if role == SESSION_ID_ROLE:
            return session_id
        if checkin is None:
            return "" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return checkin.short_text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Energy {checkin.energy}/5, focus {checkin.focus}/5" + (
                f"\n{checkin.intention}" if checkin.intention else ""
            )
        if role == RAW_VALUE_ROLE:
            return (checkin.energy, checkin.focus)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and section in HEADERS
        ):
            return self.tr(HEADERS[section])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        key, descending = SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending):
            return  # the view re-applies its sort indicator on setup: no second query
        self._sort, self._descending = key, descending
        self.reload()

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        if parent.isValid() or self._announcing_change:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._repo.list_sessions(
            self._filter,
            self._sort,
            self._descending,
            offset=len(self._rows),
            limit=self._page_size,
        )
        if not page:
            # Sessions were deleted elsewhere since the count: stop asking for more.
            self._total = len(self._rows)
            self.totalChanged.emit(self._total)
            return
        first = len(self._rows)
        checkins = self._checkins_for(page)
        with self._announcing():
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._checkins.update(checkins)
            self._rows.extend(page)
            self.endInsertRows()
