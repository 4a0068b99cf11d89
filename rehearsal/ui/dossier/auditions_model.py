"""The auditions table: a model over the stored auditions and a proxy to sort and search.

An actor has tens or hundreds of auditions, not tens of thousands of sessions, so the
model holds them all and a ``QSortFilterProxyModel`` sorts and searches in memory; the
proxy also splits upcoming from past, against an injected clock.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.dossier_records import OUTCOME_NAMES, ROUND_NAMES, Audition
from rehearsal.ui.dates import datetime_text, local_date_text
from rehearsal.ui.dossier.fields import audition_title, record_label
from rehearsal.ui.rows_model import Index as _Index
from rehearsal.ui.rows_model import RowsTableModel

COL_WHEN = 0
COL_PROJECT = 1
COL_ROLE = 2
COL_ROUND = 3
COL_CASTING = 4
COL_OUTCOME = 5
COL_THANK_YOU = 6
COLUMN_COUNT = 7

HEADERS = {
    COL_WHEN: str(QT_TRANSLATE_NOOP("AuditionTableModel", "When")),
    COL_PROJECT: str(QT_TRANSLATE_NOOP("AuditionTableModel", "Project")),
    COL_ROLE: str(QT_TRANSLATE_NOOP("AuditionTableModel", "Role")),
    COL_ROUND: str(QT_TRANSLATE_NOOP("AuditionTableModel", "Round")),
    COL_CASTING: str(QT_TRANSLATE_NOOP("AuditionTableModel", "Casting director")),
    COL_OUTCOME: str(QT_TRANSLATE_NOOP("AuditionTableModel", "Outcome")),
    COL_THANK_YOU: str(QT_TRANSLATE_NOOP("AuditionTableModel", "Thank-you")),
}
"""Column titles, translated when shown (``RowsTableModel.headerData``)."""

AUDITION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the audition id of any cell of a row."""

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role returning a value that sorts the column sensibly (undated auditions last)."""

UNDATED = float("inf")


class Scope(enum.Enum):
    """Which auditions the list shows."""

    UPCOMING = "upcoming"
    PAST = "past"
    ALL = "all"


def when_text(audition: Audition, now: datetime | None = None) -> str:
    """The date cell: local time, "tape due" for a self-tape deadline, blank when unset.

    Given ``now``, a self-tape deadline still ahead also says how long is left ("tape due
    Thu 14/03 18:00 · 1 day 6 hours left"): the tape is the one date the actor must beat.
    """
    details = audition.details
    if details.scheduled_at is not None:
        return datetime_text(details.scheduled_at)
    if details.self_tape_deadline is not None:
        due = datetime_text(details.self_tape_deadline)
        text = QCoreApplication.translate("AuditionTableModel", "tape due %s") % due
        if now is not None and details.self_tape_deadline > now:
            from rehearsal.home.deadlines import time_left
            from rehearsal.ui.tape.deadline_notice import time_left_words

            text += " · " + time_left_words(time_left(details.self_tape_deadline, now))
        return text
    return ""


def thank_you_text(audition: Audition) -> str:
    """The thank-you cell: when it was sent, or that it was skipped."""
    state = audition.follow_up
    if state.thank_you_sent_at is not None:
        sent = local_date_text(state.thank_you_sent_at)
        return QCoreApplication.translate("AuditionTableModel", "sent %s") % sent
    if state.dismissed_at is not None:
        return QCoreApplication.translate("AuditionTableModel", "not sending")
    return ""


def display_text(audition: Audition, column: int, now: datetime | None = None) -> str:
    """The text of a cell (``now`` adds the countdown to a self-tape deadline)."""
    details = audition.details
    if column == COL_WHEN:
        return when_text(audition, now)
    if column == COL_THANK_YOU:
        return thank_you_text(audition)
    texts = {
        COL_PROJECT: audition_title(details),
        COL_ROLE: details.role,
        COL_ROUND: record_label(ROUND_NAMES[details.round]),
        COL_CASTING: details.casting_director,
        COL_OUTCOME: record_label(OUTCOME_NAMES[audition.follow_up.outcome]),
    }
    return texts[column]


def sort_value(audition: Audition, column: int) -> float | str:
    """What the column sorts by: timestamps for dates, case-folded text otherwise."""
    if column == COL_WHEN:
        when = audition.when
        return UNDATED if when is None else when.timestamp()
    if column == COL_THANK_YOU:
        sent = audition.follow_up.thank_you_sent_at
        return UNDATED if sent is None else sent.timestamp()
    return display_text(audition, column).casefold()


def search_text(audition: Audition) -> str:
    """Everything the search box looks in, case-folded."""
    details = audition.details
    parts = (
        details.project_title,
        details.role,
        display_text(audition, COL_ROUND),  # as shown, so in the language shown
        details.location,
        details.casting_director,
        details.director,
        details.writer,
        details.producers,
        details.agent,
        display_text(audition, COL_OUTCOME),
    )
    return "\n".join(parts).casefold()


class AuditionTableModel(RowsTableModel[Audition]):
    """Every audition as a row; :meth:`set_auditions` replaces them."""

    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None, *, now: WallClock | None = None) -> None:
        super().__init__((), parent)
        self.now = now
        """The clock of the deadlines' countdown (None: no countdown)."""

    def tick(self) -> None:
        """Time has passed: the When column's countdowns are worded again."""
        if self._rows:
            top, bottom = self.index(0, COL_WHEN), self.index(len(self._rows) - 1, COL_WHEN)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    def set_auditions(self, auditions: Sequence[Audition]) -> None:
        """Show ``auditions`` (e.g. after a reload from the store)."""
        self.set_rows(auditions)

    def audition_at(self, row: int) -> Audition | None:
        """The audition in ``row``."""
        return self.row_item(row)

    def row_of(self, audition_id: int) -> int | None:
        """The row showing ``audition_id``."""
        return self.find_row(lambda audition: audition.id == audition_id)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        audition = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(audition, column, self.now() if self.now is not None else None)
        if role == AUDITION_ID_ROLE:
            return audition.id
        if role == SORT_ROLE:
            return sort_value(audition, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_PROJECT:
            details = audition.details
            people = [
                label % value
                for label, value in (
                    (self.tr("Director: %s"), details.director),
                    (self.tr("Writer: %s"), details.writer),
                    (self.tr("Place: %s"), details.location),
                )
                if value
            ]
            return "\n".join(people) or None
        return None


class AuditionFilterProxy(QSortFilterProxyModel):
    """Upcoming/past/all, plus a search over names, places and people."""

    def __init__(self, now: WallClock = utc_now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._scope = Scope.UPCOMING
        self._terms: tuple[str, ...] = ()
        self._cutoff: datetime = now()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def scope(self) -> Scope:
        """Which auditions are shown."""
        return self._scope

    def set_scope(self, scope: Scope) -> None:
        """Show upcoming (undated count as upcoming), past, or all auditions."""

        def change() -> None:
            self._scope = scope
            self._cutoff = self._now()

        self._refilter(change)

    def set_search(self, text: str) -> None:
        """Keep rows containing every word of ``text`` (in any searchable field)."""
        terms = tuple(text.casefold().split())

        def change() -> None:
            self._terms = terms

        self._refilter(change)

    def _refilter(self, change: Callable[[], None]) -> None:
        """Apply ``change`` to the filter the way this Qt version wants to hear about it."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt before 6.10
            change()
            self.invalidateRowsFilter()

    def refresh_clock(self) -> None:
        """Re-split upcoming and past at the current time."""
        self.set_scope(self._scope)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, AuditionTableModel):
            return True
        audition = model.audition_at(source_row)
        if audition is None:
            return False
        when = audition.when
        if self._scope is Scope.UPCOMING and when is not None and when < self._cutoff:
            return False
        if self._scope is Scope.PAST and (when is None or when >= self._cutoff):
            return False
        haystack = search_text(audition)
        return all(term in haystack for term in self._terms)
