"""Focus mode (F11): only the page, who is speaking and a thin line of progress, full screen.

For the run-through where nothing may distract: the menus, the run controls, the options
and the status line go, and come back exactly as they were when the actor leaves (F11 or
Esc). While focus mode is on, Esc leaves it instead of stopping the take, so the key the
actor reaches for first never ends a run by surprise.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget

from rehearsal.ui.theme import SPACING, TYPE, font_scaled, set_look

PROGRESS_STEPS = 1000


class FocusHeader(QWidget):
    """The current speaker above the page and a thin progress line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focus_header")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING.large, SPACING.medium, SPACING.large, 0)
        layout.setSpacing(SPACING.small)
        self.speaker = QLabel(self)
        self.speaker.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.speaker.setAccessibleName(self.tr("Current speaker"))
        font_scaled(self.speaker, TYPE.speaker, bold=True)
        set_look(self.speaker, "muted")
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress through the scene"))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(3)
        layout.addWidget(self.speaker)
        layout.addWidget(self.progress)

    def show_position(self, speaker: str, fraction: float) -> None:
        """``speaker`` (empty between lines) and how far through the page the run is."""
        self.speaker.setText(speaker)
        self.progress.setValue(round(max(0.0, min(1.0, fraction)) * PROGRESS_STEPS))


@dataclass
class _Before:
    """What focus mode changed, to put back."""

    hidden: list[QWidget]
    menu_bar: bool
    status_bar: bool
    full_screen: bool
    maximized: bool


class FocusMode(QObject):
    """Enters and leaves focus mode for a screen; ``action`` is its F11 toggle."""

    toggled = Signal(bool)

    def __init__(
        self,
        screen: QWidget,
        header: FocusHeader,
        chrome: list[QWidget],
        stop: QAction,
    ) -> None:
        super().__init__(screen)
        self._screen, self._header, self._chrome, self._stop = screen, header, chrome, stop
        self._before: _Before | None = None
        self._stop_keys: list[QKeySequence] = []
        self.action = QAction(self.tr("Focus Mode"), screen)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F11"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip(self.tr("Focus mode: only the page, full screen (F11; Esc leaves)"))
        self.action.setStatusTip(self.tr("Only the page, full screen"))
        self.action.toggled.connect(self._on_toggled)
        self._header.hide()

    @property
    def active(self) -> bool:
        """Whether focus mode is on."""
        return self._before is not None

    def leave(self) -> None:
        """Leave focus mode (Esc), if it is on."""
        self.action.setChecked(False)

    def _on_toggled(self, on: bool) -> None:
        if on == self.active:
            return
        if on and not self._screen.isVisible():
            self.action.setChecked(False)  # only the page can be in focus
            return
        if on:
            self._enter()
        else:
            self._leave()
        self.toggled.emit(on)

    def _enter(self) -> None:
        window = self._screen.window()
        main = window if isinstance(window, QMainWindow) else None
        hidden = [w for w in self._chrome if w.isVisible()]
        self._before = _Before(
            hidden=hidden,
            menu_bar=main is not None and main.menuBar().isVisible(),
            status_bar=main is not None and main.statusBar().isVisible(),
            full_screen=window.isFullScreen(),
            maximized=window.isMaximized(),
        )
        for widget in hidden:
            widget.hide()
        if main is not None:
            main.menuBar().hide()
            main.statusBar().hide()
        self._header.show()
        # Esc leaves focus mode now; the stop key comes back with the chrome.
        self._stop_keys = self._stop.shortcuts()
        self._stop.setShortcuts([k for k in self._stop_keys if k != QKeySequence("Esc")])
        self.action.setShortcuts([QKeySequence("F11"), QKeySequence("Esc")])
        window.showFullScreen()
        self._screen.setFocus(Qt.FocusReason.OtherFocusReason)

    def _leave(self) -> None:
        before, self._before = self._before, None
        if before is None:
            return
        window = self._screen.window()
        self._header.hide()
        for widget in before.hidden:
            widget.show()
        if isinstance(window, QMainWindow):
            window.menuBar().setVisible(before.menu_bar)
            window.statusBar().setVisible(before.status_bar)
        self.action.setShortcuts([QKeySequence("F11")])
        self._stop.setShortcuts(self._stop_keys)
        if not before.full_screen:
            if before.maximized:
                window.showMaximized()
            else:
                window.showNormal()
        self._screen.setFocus(Qt.FocusReason.OtherFocusReason)
