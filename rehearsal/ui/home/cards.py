"""The home page's building blocks: a titled card and a row that acts when clicked.

Every row is a flat button, so it takes focus with Tab and acts on Enter or Space as well
as a click: everything on the home is one click or one key away.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rehearsal.ui.theme import SPACING, TYPE, font_scaled, set_look


class Card(QFrame):
    """A titled box on the home page; rows are added under the title."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_look(self, "card")
        self.setAccessibleName(title)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(SPACING.large, SPACING.medium, SPACING.large, SPACING.large)
        self._layout.setSpacing(SPACING.tight)
        self.title = QLabel(title, self)
        font_scaled(self.title, TYPE.heading * 0.8, bold=True)
        self._layout.addWidget(self.title)
        self._rows: list[QWidget] = []
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        set_look(self.empty, "muted")
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)

    def clear_rows(self, empty_text: str = "") -> None:
        """Remove every row; ``empty_text`` says why there are none."""
        for row in self._rows:
            row.hide()
            row.deleteLater()
        self._rows.clear()
        self.empty.setText(empty_text)
        self.empty.setVisible(bool(empty_text))

    def add_row(self, widget: QWidget) -> QWidget:
        """Add ``widget`` under the others (before the stretch)."""
        self._layout.insertWidget(self._layout.count() - 1, widget)
        self._rows.append(widget)
        self.empty.hide()
        return widget

    def rows(self) -> list[QWidget]:
        """The rows shown, top to bottom."""
        return list(self._rows)


def link_row(text: str, detail: str = "", parent: QWidget | None = None) -> QPushButton:
    """A flat, focusable row: ``text`` and, on a second line, ``detail`` (muted)."""
    button = QPushButton(parent)
    set_look(button, "link")
    button.setText(text if not detail else f"{text}\n{detail}")
    button.setAccessibleName(text)
    button.setAccessibleDescription(detail)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAutoDefault(True)  # Enter acts on the row with focus, as Space does
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return button


def figure_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A big number (this week's time)."""
    label = QLabel(text, parent)
    font_scaled(label, TYPE.figure, bold=True)
    return label
