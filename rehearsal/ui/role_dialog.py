"""Choosing the role the actor plays: the parts listed with their line counts.

The preselected part is the one the actor played in this script before (the caller passes
the remembered one), else the one the sides name in their ``Role:`` header, else the
most-spoken part: most sides are sent for the lead, and re-opening sides should put the
actor straight back where they were. A cue two speakers share counts under each of them
(see :mod:`rehearsal.script.roles`). Large casts get a filter: typing anywhere in the list
narrows it, the arrows move through what is left, Enter chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rehearsal.script.model import Script
from rehearsal.script.roles import RoleChoice, named_role, role_choices
from rehearsal.ui.theme import SPACING, text_width

FILTER_FROM = 8
"""Casts larger than this get the filter box: a short list is quicker to read than to type."""
LIST_ROWS = (4, 14)
"""The fewest and most parts the list shows before it scrolls: two parts in a list sixteen
rows high looked like something had failed to load."""


class RoleDialog(QDialog):
    """A list of the script's parts; the chosen one is :meth:`role`."""

    def __init__(
        self, script: Script, remembered: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose your role"))
        self.setAccessibleName(self.tr("Choose your role"))
        choices = role_choices(script)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which part do you play? The reader takes the others.")))
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to find a part"))
        self.filter.setAccessibleName(self.tr("Find a part"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setVisible(len(choices) > FILTER_FROM)
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Characters"))
        self.list.setUniformItemSizes(True)
        for choice in choices:
            item = QListWidgetItem(self._label(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice.name)
            self.list.addItem(item)
        names = [choice.name for choice in choices]
        named = named_role(script)
        chosen = next((n for n in (remembered, named) if n in names), names[0] if names else None)
        if chosen is not None:
            self.list.setCurrentRow(names.index(chosen))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Rehearse"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self._on_accept())
        self.list.currentItemChanged.connect(lambda *_: self._update_ok())
        self.filter.textChanged.connect(self._on_filter)
        self.filter.returnPressed.connect(self._on_accept)
        self.filter.installEventFilter(self)
        self.list.installEventFilter(self)
        self._fit_rows(len(choices))
        self.list.setFocus()
        self._update_ok()

    def _fit_rows(self, count: int) -> None:
        """Open as tall as the parts (within :data:`LIST_ROWS`) and wide enough to read."""
        fewest, most = LIST_ROWS
        rows = min(max(count, fewest), most)
        row = self.list.sizeHintForRow(0) if count else self.list.fontMetrics().lineSpacing()
        wanted = rows * max(row, 1) + 2 * self.list.frameWidth() + SPACING.tight
        height = self.sizeHint().height() - self.list.sizeHint().height() + wanted
        self.resize(max(self.sizeHint().width(), text_width(self, SPACING.measure)), height)

    def _label(self, choice: RoleChoice) -> str:
        if choice.lines == 1:
            text = self.tr("%s — 1 line") % choice.name
        else:
            text = self.tr("%s — %d lines") % (choice.name, choice.lines)
        if choice.shared:
            text += self.tr(" (%d shared)") % choice.shared
        return text

    def role(self) -> str | None:
        """The selected character's canonical name (None when the filter hides them all)."""
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _on_accept(self) -> None:
        if self.role() is not None:
            self.accept()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.role() is not None)

    def _visible_rows(self) -> list[int]:
        return [i for i in range(self.list.count()) if not self.list.item(i).isHidden()]

    def _on_filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = str(item.data(Qt.ItemDataRole.UserRole)).casefold()
            item.setHidden(bool(wanted) and wanted not in name)
        visible = self._visible_rows()
        # Names that start with what was typed come first in the eye: pick the first of them.
        starting = [r for r in visible if self._name(r).casefold().startswith(wanted)]
        current = self.list.currentRow()
        if current not in visible or (starting and current not in starting):
            target = (starting or visible or [-1])[0]
            self.list.setCurrentRow(target)
        self._update_ok()

    def _name(self, row: int) -> str:
        return str(self.list.item(row).data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Typing on the list goes to the filter; arrows in the filter move the list."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.list and self.filter.isVisible():
            text = event.text()
            if text and text.isprintable() and (self.filter.text() or not text.isspace()):
                self.filter.setFocus()
                self.filter.insert(text)
                return True
        if watched is self.filter and key in (
            Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
        ):  # fmt: skip
            self._step(-1 if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) else 1)
            return True
        return super().eventFilter(watched, event)

    def _step(self, direction: int) -> None:
        visible = self._visible_rows()
        if not visible:
            return
        current = self.list.currentRow()
        if current not in visible:
            self.list.setCurrentRow(visible[0])
            return
        at = visible.index(current) + direction
        self.list.setCurrentRow(visible[max(0, min(len(visible) - 1, at))])
