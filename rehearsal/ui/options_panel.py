"""The run options beside the page: how the partner waits, how much of my lines shows,
response time, pace and the reader's speed.

They are set once before a run and rarely touched during it, so they live in a panel that
folds away (F9, or its ✕) and the page keeps the width; whether it is open is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.ui.theme import SPACING, TYPE, font_scaled, set_look

OPEN_KEY = "rehearsal/options_open"


class OptionsPanel(QFrame):
    """A titled column of labelled option widgets, with a button that folds it away."""

    fold_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("options_panel")
        self.setAccessibleName(self.tr("Run options"))
        set_look(self, "panel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACING.medium, SPACING.medium, SPACING.medium, SPACING.medium)
        outer.setSpacing(SPACING.medium)
        header = QHBoxLayout()
        title = QLabel(self.tr("Options"), self)
        font_scaled(title, TYPE.heading * 0.85, bold=True)
        header.addWidget(title, 1)
        self.fold = QToolButton(self)
        self.fold.setText("✕")
        self.fold.setAutoRaise(True)
        self.fold.setAccessibleName(self.tr("Hide the options"))
        self.fold.setToolTip(self.tr("Hide the options (F9)"))
        self.fold.clicked.connect(self.fold_requested)
        header.addWidget(self.fold, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.form.setVerticalSpacing(SPACING.tight)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.setMinimumWidth(200)
        self.setMaximumWidth(300)

    def add_option(self, caption: str | None, widget: QWidget) -> QLabel | None:
        """One option under its caption (the caption is the widget's buddy: Alt+letter);
        ``None`` for a widget that says what it is itself (a check box)."""
        if caption is None:
            self.form.addRow(widget)
            return None
        label = QLabel(caption, self)
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        return label

    def show_option(self, widget: QWidget, shown: bool) -> None:
        """Show or hide an option with its caption (options of one wait mode, say)."""
        self.form.setRowVisible(widget, shown)

    def remove_option(self, widget: QWidget) -> None:
        """Take an option away, caption and all (both are deleted)."""
        self.form.removeRow(widget)


def remembered_open(settings: QSettings | None) -> bool:
    """Whether the panel was open when the app last closed (open the first time)."""
    if settings is None:
        return True
    return bool(settings.value(OPEN_KEY, True, type=bool))


def remember_open(settings: QSettings | None, is_open: bool) -> None:
    """Remember the panel's state for the next start."""
    if settings is not None:
        settings.setValue(OPEN_KEY, is_open)
