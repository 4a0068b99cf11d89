"""A box for a cold read's prep time that takes what an actor types, not only arrow keys.

A time edit splits ``mm:ss`` into sections and ignores "15" typed over "01:00"; an actor
thinks "fifteen seconds", "1:30" or "2 min". This spin box keeps whole seconds, shows them as
``m:ss`` and reads typed text with :func:`~rehearsal.engine.drill_config.parse_prep_time`;
the arrow keys still step by fifteen seconds.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget

from rehearsal.engine.drill_config import MAX_PREP_SECONDS, format_prep_time, parse_prep_time

#: What may still become a time as more is typed: digits, a colon, spaces and unit letters.
_PARTIAL = re.compile(r"[\d\s:a-z]{0,16}")


class PrepTimeBox(QSpinBox):
    """Whole seconds from 0 to ten minutes, typed or stepped; shown as ``m:ss``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, int(MAX_PREP_SECONDS))
        self.setSingleStep(15)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.setToolTip(
            self.tr(
                "Type a time such as 1:30, 45 s or 2 min; a plain number up to 10 is "
                "minutes, a larger one seconds. The arrow keys step by 15 seconds."
            )
        )
        # Typing "15" already set the value; once the actor moves on, show it as 0:15.
        self.editingFinished.connect(self._show_value)

    def _show_value(self) -> None:
        shown = self.textFromValue(self.value())
        if self.lineEdit().text() != shown:
            self.lineEdit().setText(shown)

    def textFromValue(self, value: int) -> str:
        return format_prep_time(value)

    def valueFromText(self, text: str) -> int:
        seconds = parse_prep_time(text)
        return self.value() if seconds is None else round(seconds)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Acceptable when it reads as a time in range; keystrokes that could still become
        one are let through; anything else (or a time past ten minutes) is refused."""
        seconds = parse_prep_time(text)
        if seconds is not None:
            if 0 <= seconds <= self.maximum():
                return QValidator.State.Acceptable, text, pos
            return QValidator.State.Invalid, text, pos
        if _PARTIAL.fullmatch(text.lower()):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        """Leave a half-typed time to the correction mode (back to the last good value)."""
        return text
