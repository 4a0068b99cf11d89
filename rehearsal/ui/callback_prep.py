"""Callback prep in the main window: the Auditions window, due follow-ups, check-ins.

Kept apart from the main window so it only composes: this object owns the dossier side of
the app (which needs the store) and tells the window which check-in, if any, belongs to
the rehearsal that is starting.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from rehearsal.paths import Paths

if TYPE_CHECKING:  # the store and the dossier's widgets load on first use, not at startup
    from rehearsal.store.facade import Store
    from rehearsal.ui.dossier.auditions_window import AuditionsWindow
    from rehearsal.ui.dossier.checkin_dialog import CheckInDialog
    from rehearsal.ui.dossier.followup_widgets import FollowUpPanel

log = logging.getLogger(__name__)


class CallbackPrep(QObject):
    """The Auditions action, the startup follow-up reminder and pre-rehearsal check-ins."""

    def __init__(self, window: QWidget, paths: Paths) -> None:
        super().__init__(window)
        self._window = window
        self.paths = paths
        self.store: Store | None = None
        self.auditions_window: AuditionsWindow | None = None
        self.followups: FollowUpPanel | None = None
        self.checkin_dialog: CheckInDialog | None = None
        self.pending_checkin: int | None = None
        self._checked_in_for: set[str] = set()
        self.action_auditions = QAction(self.tr("&Auditions…"), self)
        self.action_auditions.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.action_auditions.setEnabled(False)  # until the history database is open
        self.action_auditions.triggered.connect(self.open_auditions)

    def attach_store(self, store: Store | None) -> None:
        """The history database has opened (or is off for this run)."""
        self.store = store
        self.action_auditions.setEnabled(store is not None)

    @Slot()
    def open_auditions(self) -> AuditionsWindow | None:
        """Show the auditions list (one window, raised when already open)."""
        if self.store is None:
            return None
        if self.auditions_window is None:
            from rehearsal.ui.dossier.auditions_window import AuditionsWindow

            self.auditions_window = AuditionsWindow(self.store, self.paths, self._window)
        self.auditions_window.show()
        self.auditions_window.raise_()
        return self.auditions_window

    def show_due_followups(self) -> FollowUpPanel | None:
        """At startup: thank-you notes that are due and auditions coming up, if any."""
        if self.store is None:
            return None
        from rehearsal.store.database import StoreError
        from rehearsal.ui.dossier.followup_widgets import show_followups_on_startup

        try:
            panel = show_followups_on_startup(self.store.auditions, self.paths, self._window)
        except StoreError as exc:
            log.warning("could not read the auditions: %s", exc)
            return None
        if panel is not None:
            panel.openDossierRequested.connect(self._open_dossier)
        self.followups = panel
        return panel

    @Slot(int)
    def _open_dossier(self, audition_id: int) -> None:
        window = self.open_auditions()
        if window is not None:
            window.open_dossier(audition_id)

    def offer_check_in(self, script_key: str, context: str) -> CheckInDialog | None:
        """Before the first rehearsal of a script in this run: energy, focus, intention."""
        if self.store is None or script_key in self._checked_in_for:
            return None
        self._checked_in_for.add(script_key)
        self.pending_checkin = None
        from rehearsal.ui.dossier.checkin_dialog import CheckInDialog

        dialog = CheckInDialog(self.store.checkins, self._window, context=context)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.checkedIn.connect(self._on_checked_in)
        self.checkin_dialog = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_checked_in(self, checkin_id: int) -> None:
        self.pending_checkin = checkin_id

    def on_session_started(self, session_id: int) -> None:
        """Link a new session to its check-in and to the auditions it prepares for.

        Called on the history writer thread, so it may touch the database but no widget.
        """
        if self.store is None:
            return
        checkin, self.pending_checkin = self.pending_checkin, None
        if checkin is not None:
            self.store.checkins.attach_session(checkin, session_id)
        self.store.auditions.link_session_to_upcoming(session_id)

    def shutdown(self) -> None:
        """Save open dossiers before the app quits."""
        if self.auditions_window is not None:
            self.auditions_window.shutdown()
