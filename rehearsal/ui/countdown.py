"""The cold read's clocks: a big prep countdown and a perform clock.

The drill keeps the time (on the engine's injected clock); this widget only shows what it
is told, so a test with a fake clock sees exactly what an actor would. The prep clock rounds
*up* (it reads 00:01 until the last second is really gone, then 00:00 as prep ends), the
perform clock rounds down like a stopwatch. The beep that goes with the prep clock is in
:mod:`rehearsal.ui.warning_tone`.
"""

from __future__ import annotations

import enum
import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rehearsal.ui.theme import OVERLAY, SPACING, TYPE, font_scaled


class ClockMode(enum.StrEnum):
    """Which clock is showing."""

    PREP = "prep"
    PERFORM = "perform"


def format_clock(seconds: float, *, round_up: bool = False) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour on); negative and NaN times show as zero."""
    if not math.isfinite(seconds) or seconds <= 0:
        whole = 0
    else:
        # A hair of float noise must not turn 60.0000001 s of prep into 01:01.
        whole = math.ceil(seconds - 1e-6) if round_up else math.floor(seconds + 1e-6)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def _style(warning: bool) -> str:
    """The clock's sheet: the overlay's own colours (see :class:`~rehearsal.ui.theme.Overlay`)."""
    o = OVERLAY
    clock, caption, background = (
        (o.warning_clock, o.warning_caption, o.warning_background)
        if warning
        else (o.clock, o.caption, o.background)
    )
    return (
        f"#countdown_clock {{ color: {clock}; }}"
        f" #countdown_caption {{ color: {caption}; letter-spacing: 2px; }}"
        f" #countdown {{ background: {background}; border: 1px solid {o.edge};"
        f" border-radius: {2 * SPACING.radius}px; }}"
    )


class CountdownWidget(QWidget):
    """A caption ("PREP" / "PERFORM") over a big ``mm:ss`` clock.

    In prep mode the warning look switches on by itself once ``warning_seconds`` or less
    remain (and off again if time is added); :meth:`set_warning` forces it either way.
    """

    warning_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, warning_seconds: float = 10.0) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.warning_seconds = warning_seconds
        self._mode = ClockMode.PREP
        self._seconds = 0.0
        self._warning = False
        self.caption = QLabel(self)
        self.caption.setObjectName("countdown_caption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock = QLabel(self)
        self.clock.setObjectName("countdown_clock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        font_scaled(self.caption, TYPE.speaker, bold=True)
        font_scaled(self.clock, TYPE.clock, bold=True)
        layout.setContentsMargins(SPACING.huge, SPACING.medium, SPACING.huge, SPACING.large)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.clock)
        self._apply_style()
        self.show_prep(0.0)

    # -- what the controller calls -----------------------------------------------------------

    @property
    def mode(self) -> ClockMode:
        return self._mode

    @property
    def seconds(self) -> float:
        """The time last shown: prep left, or perform elapsed."""
        return self._seconds

    def text(self) -> str:
        return self.clock.text()

    def is_warning(self) -> bool:
        return self._warning

    def show_prep(self, remaining: float) -> None:
        """Show the prep countdown with ``remaining`` seconds left."""
        self._set_mode(ClockMode.PREP)
        self._seconds = max(0.0, remaining)
        self.clock.setText(format_clock(remaining, round_up=True))
        self._set_warning(0 < self._seconds <= self.warning_seconds)

    def show_perform(self, elapsed: float) -> None:
        """Show the perform clock, ``elapsed`` seconds into the take."""
        self._set_mode(ClockMode.PERFORM)
        self._seconds = max(0.0, elapsed)
        self.clock.setText(format_clock(elapsed))
        self._set_warning(False)

    def set_warning(self, on: bool) -> None:
        """Force the warning look (e.g. when the engine's ``PrepWarning`` arrives)."""
        self._set_warning(on)

    # -- internals ---------------------------------------------------------------------------

    def _set_mode(self, mode: ClockMode) -> None:
        if mode is self._mode and self.caption.text():
            return
        self._mode = mode
        if mode is ClockMode.PREP:
            self.caption.setText(self.tr("PREP"))
            self.setAccessibleName(self.tr("Prep time left"))
        else:
            self.caption.setText(self.tr("PERFORM"))
            self.setAccessibleName(self.tr("Perform clock"))
        self.clock.setAccessibleName(self.accessibleName())

    def _set_warning(self, on: bool) -> None:
        if on == self._warning:
            return
        self._warning = on
        self._apply_style()
        self.setAccessibleDescription(self.tr("Ten seconds left") if on else "")
        self.warning_changed.emit(on)

    def _apply_style(self) -> None:
        self.setStyleSheet(_style(self._warning))
