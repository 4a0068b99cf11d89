"""A table model over a plain list of rows: the part every list-like table shares.

Auditions, director notes, recorded takes and the casting are each a Python list shown
as a table with fixed, headed columns. Row counting, headers, looking a row up and
replacing the rows live here once; each model only says how a row is displayed (and
edited, where it can be).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class RowsTableModel(QAbstractTableModel, Generic[T]):
    """One row per item of ``_rows``; subclasses set :attr:`HEADERS` and write ``data``."""

    HEADERS: ClassVar[Mapping[int, str]] = {}

    def __init__(self, rows: Iterable[T] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = list(rows)

    def set_rows(self, rows: Iterable[T]) -> None:
        """Replace every row (a reload); views keep their sorting and filtering."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_item(self, row: int) -> T | None:
        """The item shown in ``row``, or None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find_row(self, match: Callable[[T], bool]) -> int | None:
        """The first row whose item ``match`` accepts."""
        return next((row for row, item in enumerate(self._rows) if match(item)), None)

    def item_for(self, index: Index) -> T | None:
        """The item behind a model index, for ``data`` and ``setData``."""
        return self.row_item(index.row()) if index.isValid() else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and section in self.HEADERS
        ):
            return self.tr(self.HEADERS[section])
        return None
