"""The two corrections that need more than a selection: merging/renaming and splitting.

Both are small dialogs opened with ``open()`` (never ``exec()``), fully usable from the
keyboard: the list and the text field take focus in turn with Tab, Return accepts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rehearsal.script.corrections import Correction, MergeCharacters, RenameCharacter
from rehearsal.script.cues import split_cue


class MergeDialog(QDialog):
    """Pick one character to rename, or several to make one, and the name they go by."""

    def __init__(
        self,
        counts: Counter[str],
        order: Sequence[str],
        chosen: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge or Rename Characters"))
        self.setAccessibleName(self.tr("Merge or rename characters"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Select one character to rename it, or several to make them one "
                    "(Space or Ctrl+click selects)."
                ),
                self,
            )
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Characters"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for name in order:
            item = QListWidgetItem(self.tr("%s — %d lines") % (name, counts[name]))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
            item.setSelected(name in chosen)
        first = next((i for i, n in enumerate(order) if n in chosen), 0)
        # The current row only moves the keyboard focus: the selection stays as chosen.
        self.list.setCurrentRow(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        form.addRow(self.tr("&Name:"), self.name)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemSelectionChanged.connect(self._on_selection)
        self._on_selection()

    def names(self) -> list[str]:
        """The selected characters, in script order."""
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [str(self.list.item(r).data(Qt.ItemDataRole.UserRole)) for r in rows]

    def _on_selection(self) -> None:
        names = self.names()
        if names and (not self.name.isModified() or not self.name.text().strip()):
            self.name.setText(names[0])
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Merge") if len(names) > 1 else self.tr("Rename"))

    def correction(self) -> Correction | None:
        """What the dialog asks for, or None when it would change nothing."""
        names = self.names()
        into = split_cue(self.name.text().strip())[0] if self.name.text().strip() else ""
        if not names or not into:
            return None
        if len(names) == 1:
            return None if names[0] == into else RenameCharacter(names[0], into)
        return MergeCharacters(tuple(names), into)


class SplitDialog(QDialog):
    """Where a speech splits (the text cursor) and who says the second part."""

    def __init__(
        self,
        text: str,
        speaker: str,
        characters: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split Speech"))
        self.setAccessibleName(self.tr("Split speech"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Put the cursor where the new speech starts (at the start: before this "
                    "line), and choose who says it."
                ),
                self,
            )
        )
        self.text = QLineEdit(text, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Line to split"))
        self.text.setCursorPosition(0)
        layout.addWidget(self.text)
        form = QFormLayout()
        # Names are the script's, not texts to translate: typed with completion, not listed.
        self.speaker = QLineEdit(speaker, self)
        self.speaker.setAccessibleName(self.tr("Said by"))
        completer = QCompleter(list(characters), self.speaker)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.speaker.setCompleter(completer)
        self._same = speaker
        form.addRow(self.tr("&Said by:"), self.speaker)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Split"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text.setFocus()

    def at(self) -> int:
        """The split point, in characters of the shown text."""
        return self.text.cursorPosition()

    def character(self) -> str | None:
        """The second part's speaker, or None for the same one."""
        typed = self.speaker.text().strip()
        name = split_cue(typed)[0] if typed else ""
        return None if not name or name == self._same else name
