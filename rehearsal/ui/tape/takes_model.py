"""The takes as a table: star, take, when, length, slate — the newest first.

A plain model over :class:`~rehearsal.tape.library.TapeTake` records, which the library
reads off the GUI thread; the star column is checkable, so a click or the space bar on it
stars the take (the panel writes it to disk).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal

from rehearsal.tape.library import TapeTake
from rehearsal.ui.countdown import format_clock
from rehearsal.ui.dates import datetime_text
from rehearsal.ui.rows_model import ROOT, Index, RowsTableModel

COL_STAR = 0
COL_TAKE = 1
COL_WHEN = 2
COL_LENGTH = 3
COL_SLATE = 4

HEADERS = {
    COL_STAR: str(QT_TRANSLATE_NOOP("TakesModel", "★")),
    COL_TAKE: str(QT_TRANSLATE_NOOP("TakesModel", "Take")),
    COL_WHEN: str(QT_TRANSLATE_NOOP("TakesModel", "Recorded")),
    COL_LENGTH: str(QT_TRANSLATE_NOOP("TakesModel", "Length")),
    COL_SLATE: str(QT_TRANSLATE_NOOP("TakesModel", "Slate")),
}

TAKE_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the :class:`TapeTake` of any cell of a row."""


def take_title(take: TapeTake, with_folder: bool = False) -> str:
    """ "Take 3", or "Night Shift (Nina) — Take 3" when takes of several folders are listed."""
    title = QCoreApplication.translate("TakesModel", "Take %d") % take.number
    if not with_folder:
        return title
    info = take.info
    what = info.project or info.script_title or take.folder_key
    if info.role:
        what = f"{what} ({info.role})"
    return f"{what} — {title}"


def length_text(take: TapeTake) -> str:
    """ "1:32", "cut short" for a take not finished yet, "?" when unknown."""
    if not take.finished:
        return QCoreApplication.translate("TakesModel", "cut short")
    if take.duration_s is None:
        return "?"
    return format_clock(take.duration_s)


def slate_text(take: TapeTake) -> str:
    """ "0:05" of slate at the start, or "—" without one; "sound" marks an audio-only take."""
    text = format_clock(take.slate_s) if take.slate_s > 0 else "—"
    if take.info.audio_only:
        text += QCoreApplication.translate("TakesModel", " · sound only")
    return text


class TakesModel(RowsTableModel[TapeTake]):
    """One row per take, newest first (the library's order)."""

    HEADERS = HEADERS

    star_requested = Signal(object, bool)  # TapeTake, starred: the panel writes it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.with_folder = False
        """Name each take's audition or script too (the list shows several folders)."""

    def set_takes(self, takes: Sequence[TapeTake], with_folder: bool = False) -> None:
        """Show ``takes`` (a reload)."""
        self.with_folder = with_folder
        self.set_rows(takes)

    def takes(self) -> list[TapeTake]:
        """The takes listed, top to bottom."""
        return list(self._rows)

    def row_of(self, take: TapeTake) -> int | None:
        """The row of the take with ``take``'s folder and number."""
        return self.find_row(lambda t: (t.folder_key, t.number) == (take.folder_key, take.number))

    def insert_take(self, take: TapeTake) -> int:
        """A new take goes on top (or replaces the row of the same take); returns its row."""
        row = self.row_of(take)
        if row is not None:
            self.replace_take(take)
            return row
        self.beginInsertRows(ROOT, 0, 0)
        self._rows.insert(0, take)
        self.endInsertRows()
        return 0

    def replace_take(self, take: TapeTake) -> None:
        """The take changed on disk (starred, trimmed, finished): show it as it is now."""
        row = self.row_of(take)
        if row is None:
            return
        self._rows[row] = take
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def remove_take(self, take: TapeTake) -> None:
        """The take was deleted."""
        row = self.row_of(take)
        if row is None:
            return
        self.beginRemoveRows(ROOT, row, row)
        del self._rows[row]
        self.endRemoveRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == COL_STAR:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A click on the star asks for it; the row changes once the sidecar is written."""
        take = self.item_for(index)
        if take is None or role != Qt.ItemDataRole.CheckStateRole or index.column() != COL_STAR:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.star_requested.emit(take, checked)
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        take = self.item_for(index)
        if take is None:
            return None
        column = index.column()
        if role == TAKE_ROLE:
            return take
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_STAR:
            return Qt.CheckState.Checked if take.starred else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_STAR:
                return "★" if take.starred else ""
            if column == COL_TAKE:
                return take_title(take, self.with_folder)
            if column == COL_WHEN:
                return datetime_text(take.recorded_at, weekday=True)
            if column == COL_LENGTH:
                return length_text(take)
            if column == COL_SLATE:
                return slate_text(take)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_STAR:
            return (
                QCoreApplication.translate("TakesModel", "Starred")
                if take.starred
                else QCoreApplication.translate("TakesModel", "Not starred")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if not take.finished:
                return QCoreApplication.translate(
                    "TakesModel",
                    "Cut short: it is kept as far as it was written on the next start.",
                )
            if column == COL_STAR:
                return QCoreApplication.translate(
                    "TakesModel", "Star the take to send (click, or S)"
                )
            return str(take.path)
        return None
