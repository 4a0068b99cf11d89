"""The one-line prompter at the top of tape mode, just under the camera.

An actor glancing at a script on the desk looks down on the tape; a line shown as one
large line right under the lens keeps the eyes near it. The prompter shows the line the
rehearsal is on (the actor's own as the hiding level shows it, the partner's with the
speaker's name), or the slate to say before the scene; "hidden" leaves the screen clear for
an actor who is off book.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from rehearsal.ui.theme import SPACING, STUDIO

LARGEST_PT = 26.0
SMALLEST_PT = 15.0


class Prompter(QLabel):
    """A single line of large text: shrunk to fit, and elided only below a readable size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tape_prompter")
        self.setAccessibleName(self.tr("Prompter"))
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._set_colour(STUDIO.prompter_text)
        self._full = ""
        self._own = False
        self._place = "top"
        font = QFont(self.font())
        font.setPointSizeF(LARGEST_PT)
        self.setFixedHeight(QFontMetrics(font).height() + 16)

    @property
    def full_text(self) -> str:
        """The whole line, before fitting (the label may show it elided)."""
        return self._full

    @property
    def place(self) -> str:
        return self._place

    def set_place(self, place: str) -> None:
        """``"top"`` shows the prompter, ``"hidden"`` keeps it out of sight."""
        self._place = place
        self.setVisible(place != "hidden")

    def show_line(self, speaker: str | None, text: str, *, own: bool) -> None:
        """The line the scene is on; the actor's own is set apart in colour."""
        self._own = own
        self._full = text if own or not speaker else f"{speaker}: {text}"
        self._fit()

    def show_text(self, text: str) -> None:
        """Any one line (the slate to say, a count-in)."""
        self._own = True
        self._full = text
        self._fit()

    def clear_line(self) -> None:
        self._full = ""
        self.clear()

    def _set_colour(self, colour: str) -> None:
        self.setStyleSheet(
            f"#tape_prompter {{ background: {STUDIO.prompter_background}; color: {colour};"
            f" padding: {SPACING.tight}px {SPACING.medium}px; }}"
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the line again to the new width."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self._set_colour(STUDIO.prompter_own_line if self._own else STUDIO.caption)
        width = max(50, self.width() - 40)
        font = QFont(self.font())
        size = LARGEST_PT
        while size > SMALLEST_PT:
            font.setPointSizeF(size)
            if QFontMetrics(font).horizontalAdvance(self._full) <= width:
                break
            size -= 1.0
        font.setPointSizeF(size)
        self.setFont(font)
        metrics = QFontMetrics(font)
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, width))
        self.setToolTip(self._full)
