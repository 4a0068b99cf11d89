"""A cheat-sheet of every keyboard shortcut, read from the menus so it is never stale."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, shortcuts) for every action with a shortcut, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def walk(title: str, actions: list[QAction]) -> None:
        for action in actions:
            if action.menu() is not None:
                continue
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            keys = [k for k in keys if k]
            if keys and not action.isSeparator():
                rows.append((title, action.text().replace("&", ""), ", ".join(keys)))

    for top in menu_bar.actions():
        menu = top.menu()
        if menu is not None:
            walk(top.text().replace("&", ""), menu.actions())  # type: ignore[attr-defined]
    return rows


class ShortcutsDialog(QDialog):
    """A table of shortcuts."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self._list_height = 0  # set by _fit
        rows = menu_shortcuts(menu_bar) + self._home_keys()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Shortcuts"))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Menu and action as wide as their words, the keys taking the rest to the right edge.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        rows_header = self.table.verticalHeader()
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit()

    def _home_keys(self) -> list[tuple[str, str, str]]:
        """The home's own keys (they act on its rows, so no menu lists them)."""
        home = self.tr("Home")
        return [
            (home, self.tr("The suggested step, or the row with focus"), self.tr("Enter")),
            (home, self.tr("Open a recent script"), self.tr("Ctrl+1 … Ctrl+5")),
            (home, self.tr("Back to the script"), self.tr("Esc")),
        ]

    def _fit(self) -> None:
        """Size the sheet to its columns, and to its rows up to most of the screen's height,
        so it shows no empty band beside or below the list."""
        table = self.table
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        columns = sum(
            max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(table.columnCount())
        )
        frame = 2 * table.frameWidth()
        scroll = table.verticalScrollBar().sizeHint().width()
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        screen = self.screen()
        most = int(screen.availableGeometry().height() * 0.8) if screen is not None else 700
        # The table may shrink to a few rows when the actor makes the sheet smaller; the
        # wanted height (every row, within the screen) goes into the dialog's size hint.
        self._list_height = min(most, header.sizeHint().height() + rows + frame)
        table.setMinimumWidth(columns + frame + scroll + 4)
        table.setMinimumHeight(min(self._list_height, 240))
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:
        """As wide as the columns need, as tall as the whole list up to most of the screen."""
        hint = super().sizeHint()
        grow = self._list_height - self.table.minimumHeight()
        return QSize(hint.width(), hint.height() + max(0, grow))
