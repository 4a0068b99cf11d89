"""Self-tape takes in the main window: the menu item, and what the app does at start.

Kept out of the main window so it only composes: Callback ▸ Self-Tape Takes… opens the
takes of every audition and script; once the app's services are up, a self-tape due
within two days is announced (:mod:`rehearsal.ui.tape.deadline_notice`) and a take cut
short last time is repaired (:mod:`rehearsal.ui.tape.repair_at_start`). Both wait for the
services, so the first view and the history come first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:  # loaded at the first use or once the services are up, not at launch
    from rehearsal.ui.main_window import MainWindow
    from rehearsal.ui.tape.deadline_notice import DeadlineNotice
    from rehearsal.ui.tape.repair_at_start import RepairAtStart
    from rehearsal.ui.tape.takes_window import TakesWindow

TAKES_KEY = "Ctrl+Shift+P"  # P for playback; Ctrl+Shift+T is tape mode itself


class TapeTakesFeature(QObject):
    """The takes window, the deadline notice and the repair of cut-short takes."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self.takes_window: TakesWindow | None = None
        self.repair: RepairAtStart | None = None
        self.deadlines: DeadlineNotice | None = None
        self.action_takes = QAction(self.tr("Self-Tape &Takes…"), window)
        self.action_takes.setShortcut(QKeySequence(TAKES_KEY))
        self.action_takes.triggered.connect(self.open_takes)
        menu.addAction(self.action_takes)
        window.services.ready.connect(self.at_start)
        window.installEventFilter(self)

    @Slot()
    def open_takes(self) -> TakesWindow:
        """Show every take (one window, raised when already open)."""
        if self.takes_window is None:
            from rehearsal.ui.tape.takes_window import TakesWindow

            w = self._window
            self.takes_window = TakesWindow(w.paths, w.settings, w, store=w.store)
        self.takes_window.panel.store = self._window.store
        self.takes_window.show()
        self.takes_window.raise_()
        self.takes_window.activateWindow()
        return self.takes_window

    @Slot()
    def at_start(self) -> None:
        """The services are up: announce a close deadline, repair cut-short takes."""
        from rehearsal.ui.tape.deadline_notice import DeadlineNotice
        from rehearsal.ui.tape.repair_at_start import RepairAtStart

        if self.deadlines is None:
            self.deadlines = DeadlineNotice(self._window, self._window.settings)
            self.deadlines.open_audition.connect(self._on_open_audition)
            self.deadlines.check(self._window.store)
        if self.repair is None:
            self.repair = RepairAtStart(self._window, self._window.paths, self._window.settings)
            self.repair.show_takes.connect(self.open_takes)
            self.repair.start()

    def shutdown(self) -> None:
        """Stop everything started here (the window is closing)."""
        if self.deadlines is not None:
            self.deadlines.shutdown()
        if self.repair is not None:
            self.repair.shutdown()
        if self.takes_window is not None:
            self.takes_window.shutdown()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window closes: stop the takes' threads and processes with it."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    @Slot(int)
    def _on_open_audition(self, audition_id: int) -> None:
        auditions = self._window.prep.open_auditions()
        if auditions is not None:
            auditions.open_dossier(audition_id)
