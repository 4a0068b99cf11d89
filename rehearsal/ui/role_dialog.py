"""Choosing the role the actor plays: characters listed with their line counts.

The most-spoken part is preselected unless the actor played another role in this script
before (the caller passes the remembered one): most sides are sent for the lead, and
re-opening sides should put the actor straight back where they were.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rehearsal.script.model import Script


class RoleDialog(QDialog):
    """A list of the script's characters; the chosen one is :meth:`role`."""

    def __init__(
        self, script: Script, remembered: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose your role"))
        self.setAccessibleName(self.tr("Choose your role"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which part do you play? The reader takes the others.")))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Characters"))
        counts = script.line_counts()
        ordered = sorted(script.characters, key=lambda name: -counts[name])
        for name in ordered:
            lines = counts[name]
            item = QListWidgetItem(
                self.tr("%s — %d lines") % (name, lines)
                if lines != 1
                else self.tr("%s — 1 line") % name
            )
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
        chosen = remembered if remembered in ordered else (ordered[0] if ordered else None)
        if chosen is not None:
            self.list.setCurrentRow(ordered.index(chosen))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Rehearse"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(buttons)

    def role(self) -> str | None:
        """The selected character's canonical name."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
