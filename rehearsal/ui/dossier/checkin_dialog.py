"""The check-in before a rehearsal or an audition: energy, focus, one line of intention.

It must never stand between the actor and the work: "Skip" is one click (or Escape), and
nothing is preselected, so a check-in only ever records what the actor actually chose.
The dialog stores the check-in itself; a rehearsal that starts afterwards attaches it with
:meth:`~rehearsal.store.checkins_repo.CheckInRepository.attach_session`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rehearsal.store.database import StoreError
from rehearsal.store.facade import MAX_LEVEL, MIN_LEVEL, CheckInError, CheckInRepository
from rehearsal.ui.theme import set_look

LEVEL_HINTS = {
    "energy": {
        1: str(QT_TRANSLATE_NOOP("LevelPicker", "drained")),
        3: str(QT_TRANSLATE_NOOP("LevelPicker", "steady")),
        5: str(QT_TRANSLATE_NOOP("LevelPicker", "buzzing")),
    },
    "focus": {
        1: str(QT_TRANSLATE_NOOP("LevelPicker", "scattered")),
        3: str(QT_TRANSLATE_NOOP("LevelPicker", "present")),
        5: str(QT_TRANSLATE_NOOP("LevelPicker", "locked in")),
    },
}
"""Words for some levels of each measure, shown as tooltips and at both ends of the row."""

MEASURE_NAMES = {
    "energy": str(QT_TRANSLATE_NOOP("LevelPicker", "Energy")),
    "focus": str(QT_TRANSLATE_NOOP("LevelPicker", "Focus")),
}
MAX_INTENTION = 200


class LevelPicker(QWidget):
    """Five toggle buttons, 1 to 5, none chosen at first."""

    chosen = Signal(int)

    def __init__(self, measure: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hints = {level: self.tr(hint) for level, hint in LEVEL_HINTS.get(measure, {}).items()}
        name = self.tr(MEASURE_NAMES[measure]) if measure in MEASURE_NAMES else measure
        for level in range(MIN_LEVEL, MAX_LEVEL + 1):
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setAccessibleName(self.tr("%s %d") % (name, level))
            if level in hints:
                button.setToolTip(hints[level])
            # Not a dialog's answer button: without auto-default Fusion drops its 80-pixel
            # minimum, and the digit's own width decides (it grows with the font).
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.group.addButton(button, level)
            layout.addWidget(button)
        low, high = hints.get(MIN_LEVEL, ""), hints.get(MAX_LEVEL, "")
        layout.addWidget(QLabel(self.tr("<small>%s … %s</small>") % (low, high)))
        layout.addStretch(1)
        self.group.buttonClicked.connect(self._on_clicked)

    def value(self) -> int | None:
        """The chosen level, or ``None``."""
        level = self.group.checkedId()
        return level if level >= MIN_LEVEL else None

    def button(self, level: int) -> QAbstractButton:
        """The button for ``level`` (for keyboard focus and tests)."""
        button = self.group.button(level)
        if button is None:
            raise ValueError(f"no level {level}")
        return button

    @Slot(QAbstractButton)
    def _on_clicked(self, button: QAbstractButton) -> None:
        self.chosen.emit(self.group.id(button))


class CheckInDialog(QDialog):
    """Ask how the actor arrives; accepted = saved, rejected = skipped."""

    checkedIn = Signal(int)  # check-in id
    skipped = Signal()

    def __init__(
        self,
        repo: CheckInRepository,
        parent: QWidget | None = None,
        *,
        audition_id: int | None = None,
        session_id: int | None = None,
        context: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check in"))
        self.repo = repo
        self.audition_id = audition_id
        self.session_id = session_id
        self.checkin_id: int | None = None

        self.heading = QLabel(context or self.tr("Before you start: how are you arriving?"))
        self.heading.setWordWrap(True)
        self.energy = LevelPicker("energy")
        self.focus = LevelPicker("focus")
        self.intention = QLineEdit()
        self.intention.setAccessibleName(self.tr("Intention"))
        self.intention.setMaxLength(MAX_INTENTION)
        self.intention.setPlaceholderText(self.tr("One line: what I want from this (optional)"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        set_look(self.error, "error")
        self.error.setVisible(False)
        self.save_button = QPushButton(self.tr("Save check-in"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setAccessibleName(self.tr("Skip the check-in"))
        form = QFormLayout()
        form.addRow(self.tr("&Energy"), self.energy)
        form.addRow(self.tr("F&ocus"), self.focus)
        form.addRow(self.tr("&Intention"), self.intention)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.energy.chosen.connect(self._on_level_chosen)
        self.focus.chosen.connect(self._on_level_chosen)
        self.save_button.clicked.connect(self.save)
        self.skip_button.clicked.connect(self.reject)
        self.rejected.connect(self.skipped.emit)

    @Slot()
    def save(self) -> int | None:
        """Store the check-in and close; returns its id (``None`` if not complete or failed)."""
        energy, focus = self.energy.value(), self.focus.value()
        if energy is None or focus is None:
            return None
        try:
            checkin_id = self.repo.record(
                energy,
                focus,
                self.intention.text(),
                session_id=self.session_id,
                audition_id=self.audition_id,
            )
        except (StoreError, CheckInError) as exc:
            self.error.setText(self.tr("The check-in could not be saved: %s") % exc)
            self.error.setVisible(True)
            return None
        self.checkin_id = checkin_id
        self.checkedIn.emit(checkin_id)
        self.accept()
        return checkin_id

    @Slot(int)
    def _on_level_chosen(self, _level: int) -> None:
        self.save_button.setEnabled(
            self.energy.value() is not None and self.focus.value() is not None
        )
