"""Callback ▸ Self-Tape Takes…: every take on this computer, without opening the camera.

The night before a deadline the actor wants to watch last week's takes, star the best and
export it, not to start recording again; this window hosts the same
:class:`~rehearsal.ui.tape.takes_panel.TakesPanel` tape mode shows, over every folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from rehearsal.paths import Paths
from rehearsal.tape.library import TapeLibrary
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.secondary_window import add_close_keys, fit_to_screen
from rehearsal.ui.tape.takes_panel import TakesPanel

if TYPE_CHECKING:
    from rehearsal.store.facade import Store


class TakesWindow(QWidget):
    """A window with the takes of every audition and script, newest first."""

    def __init__(
        self,
        paths: Paths,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        store: Store | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Rehearsal — Self-tape takes"))
        fit_to_screen(self, 1100, 640)
        self._close_shortcuts = add_close_keys(self)
        self.runner = BackgroundRunner(self, name="tape takes")
        self.panel = TakesPanel(TapeLibrary(paths.data), self.runner, settings, self, store=store)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def showEvent(self, event: QShowEvent) -> None:
        """Read the takes afresh each time the window comes up (tape mode may have added)."""
        super().showEvent(event)
        if not event.spontaneous():
            self.panel.show_folder(None)
            self.panel.table.setFocus()

    def shutdown(self) -> None:
        """Stop playing and the background work (the app is closing)."""
        self.panel.shutdown()
        self.runner.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing stops playback; the window comes back as it was when reopened."""
        self.panel.player.release()
        self.runner.shutdown()
        super().closeEvent(event)
