"""The director-note table: every note of the deck in rows, filtered by kind, size and words.

A plain ``QAbstractTableModel`` over :class:`~rehearsal.notes.deck.NoteDeck` (the deck is
the single source of truth: the ``On`` checkbox disables or enables the note in it), and a
``QSortFilterProxyModel`` so that sorting and the editor's filters never touch the deck.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from rehearsal.notes.deck import NoteDeck
from rehearsal.notes.note import Category, Level, Note
from rehearsal.ui.note_labels import category_name, level_name, origin_name
from rehearsal.ui.rows_model import Index as _Index
from rehearsal.ui.rows_model import RowsTableModel
from rehearsal.ui.theme import colours

COL_ENABLED = 0
COL_CATEGORY = 1
COL_LEVEL = 2
COL_TEXT = 3
COL_SPOKEN = 4
COL_ORIGIN = 5
COL_ID = 6
COLUMN_COUNT = 7

HEADERS = {
    COL_ENABLED: str(QT_TRANSLATE_NOOP("NotesTableModel", "On")),
    COL_CATEGORY: str(QT_TRANSLATE_NOOP("NotesTableModel", "Category")),
    COL_LEVEL: str(QT_TRANSLATE_NOOP("NotesTableModel", "Level")),
    COL_TEXT: str(QT_TRANSLATE_NOOP("NotesTableModel", "Note")),
    COL_SPOKEN: str(QT_TRANSLATE_NOOP("NotesTableModel", "Spoken as")),
    COL_ORIGIN: str(QT_TRANSLATE_NOOP("NotesTableModel", "Source")),
    COL_ID: str(QT_TRANSLATE_NOOP("NotesTableModel", "Id")),
}

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role returning the note id of any cell of a row."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role returning a value that sorts a column sensibly (deck order for categories)."""

_CATEGORY_ORDER = {category: index for index, category in enumerate(Category)}


class NotesTableModel(RowsTableModel[Note]):
    """Every note of the deck, disabled ones included; the ``On`` column toggles them."""

    toggled = Signal(str, bool)  # note id, enabled

    HEADERS = HEADERS

    def __init__(self, deck: NoteDeck, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._deck = deck
        self.reload()

    def set_deck(self, deck: NoteDeck) -> None:
        self._deck = deck
        self.reload()

    def reload(self) -> None:
        """Re-read the deck after a change (a few hundred notes: a reset is instant)."""
        self.set_rows(self._deck.notes(include_disabled=True))

    def note_at(self, row: int) -> Note | None:
        return self.row_item(row)

    def row_of(self, note_id: str) -> int | None:
        return self.find_row(lambda note: note.id == note_id)

    # Qt interface -----------------------------------------------------------------------

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_ENABLED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        note = self._rows[index.row()]
        column = index.column()
        disabled = self._deck.is_disabled(note.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(note, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_ENABLED:
            return Qt.CheckState.Unchecked if disabled else Qt.CheckState.Checked
        if role == NOTE_ID_ROLE:
            return note.id
        if role == SORT_ROLE:
            return self._sort_value(note, column, disabled)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_TEXT, COL_SPOKEN):
            if note.has_own_spoken:
                return self.tr("%s\nSpoken: %s") % (note.text, note.spoken)
            return note.text
        if role == Qt.ItemDataRole.ForegroundRole and disabled:
            return QColor(colours().muted)
        return None

    def _display(self, note: Note, column: int) -> str | None:
        if column == COL_CATEGORY:
            return category_name(note.category)
        if column == COL_LEVEL:
            return level_name(note.level)
        if column == COL_TEXT:
            return note.text
        if column == COL_SPOKEN:
            return note.spoken if note.has_own_spoken else ""
        if column == COL_ORIGIN:
            return origin_name(note.origin)
        if column == COL_ID:
            return note.id
        return None

    @staticmethod
    def _sort_value(note: Note, column: int, disabled: bool) -> Any:
        if column == COL_ENABLED:
            return int(not disabled)
        if column == COL_CATEGORY:
            return _CATEGORY_ORDER[note.category]
        if column == COL_LEVEL:
            return int(note.level)
        if column == COL_SPOKEN:
            return note.spoken.casefold() if note.has_own_spoken else ""
        if column == COL_ORIGIN:
            return note.origin.value
        if column == COL_ID:
            return note.id
        return note.text.casefold()

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != COL_ENABLED
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        note = self._rows[index.row()]
        enabled = Qt.CheckState(value) == Qt.CheckState.Checked
        if enabled:
            self._deck.enable(note.id)
        else:
            self._deck.disable(note.id)
        first = self.index(index.row(), 0)
        last = self.index(index.row(), COLUMN_COUNT - 1)
        self.dataChanged.emit(first, last)
        self.toggled.emit(note.id, enabled)
        return True


class NotesFilterProxy(QSortFilterProxyModel):
    """Filters by category, level and words (in the text, the spoken version or the id)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category: Category | None = None
        self._level: Level | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filter(
        self, category: Category | None = None, level: Level | None = None, search: str = ""
    ) -> None:
        """Show only notes of ``category`` and ``level`` (None: any) containing every word."""

        def change() -> None:
            self._category, self._level = category, level
            self._words = search.casefold().split()

        # Qt 6.10 replaced invalidateRowsFilter() by begin/endFilterChange(); pyproject
        # allows older PySide6 too.
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, NotesTableModel):
            return True
        note = model.note_at(source_row)
        if note is None:
            return False
        if self._category is not None and note.category is not self._category:
            return False
        if self._level is not None and note.level is not self._level:
            return False
        haystack = f"{note.text} {note.spoken} {note.id}".casefold()
        return all(word in haystack for word in self._words)
