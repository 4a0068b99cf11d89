"""The lines of a part as History's memory view lists them, each coloured by how secure it is.

A table model (``COL_*`` columns) over :class:`~rehearsal.memory.progress.LineProgress`
records: the colour says at a glance where the part stands (green secure, light green
spaced, amber learning, red missed or relearning, grey not met yet), and the text says it
too, for those who cannot tell the colours apart.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from rehearsal.engine.hiding import HideLevel
from rehearsal.memory.progress import LineProgress
from rehearsal.ui.theme import colours

COL_SCENE, COL_LINE, COL_STATE, COL_RECALL, COL_DUE = range(5)
Index = QModelIndex | QPersistentModelIndex


def security(line: LineProgress) -> str:
    """The line's standing in one word: secure, spaced, learning, missed or new."""
    if line.secure:
        return "secure"
    if line.state == "new":
        return "new"
    if line.level is HideLevel.FULL:
        return "missed"
    if line.state == "learning" or line.level is HideLevel.FIRST_LETTERS:
        return "learning"
    return "spaced"


def standing_colour(standing: str) -> QColor:
    """The background for a line of this standing, in the look in use (the text keeps the
    palette's colour, so it reads in both)."""
    c = colours()
    return QColor(
        {
            "secure": c.secure,
            "spaced": c.spaced,
            "learning": c.learning,
            "missed": c.missed,
        }.get(standing, c.unmet)
    )


class MemoryLinesModel(QAbstractTableModel):
    """One row per line of the part, in script order."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._lines: list[LineProgress] = []
        self._names = {
            "secure": self.tr("secure"),
            "spaced": self.tr("spaced"),
            "learning": self.tr("learning"),
            "missed": self.tr("missed"),
            "new": self.tr("not met yet"),
        }
        self._headers = (
            self.tr("Scene"),
            self.tr("Line"),
            self.tr("How well"),
            self.tr("Recall now"),
            self.tr("Next run"),
        )

    def set_lines(self, lines: tuple[LineProgress, ...]) -> None:
        """Show these lines (a part was chosen or read again)."""
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line_at(self, row: int) -> LineProgress | None:
        """The record shown in ``row``."""
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        line = self.line_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        standing = security(line)
        if role == Qt.ItemDataRole.BackgroundRole:
            return standing_colour(standing)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_LINE:
            return line.text
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_SCENE:
            return str(line.scene + 1)
        if column == COL_LINE:
            return " ".join(line.text.split())
        if column == COL_STATE:
            return self._names[standing]
        if column == COL_RECALL:
            return "" if line.state == "new" else f"{line.recall:.0%}"
        if column == COL_DUE:
            return _when(line.due)
        return None


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%a %d %b %H:%M")
