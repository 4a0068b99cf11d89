"""A cheat-sheet of every keyboard shortcut, read from the menus so it is never stale."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
        rows = menu_shortcuts(menu_bar)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Shortcuts"))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)
