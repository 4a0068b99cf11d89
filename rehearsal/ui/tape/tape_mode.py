"""Callback ▸ Self-Tape in the main window: the action, and what tape mode asks of the app.

Kept apart from the main window so it only composes: this object builds the tape window on
first use (Qt Multimedia, PyAV and the takes list load then, not at startup), hands it the
rehearsal controller of the script on screen, the one partner player, and what the take is
for (the script, the part, the audition linked to the script in the dossier).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:  # loaded when tape mode first opens
    from rehearsal.store.dossier_records import Audition
    from rehearsal.store.facade import Store
    from rehearsal.tape.library import TakeInfo
    from rehearsal.tape.slate import SlateInfo
    from rehearsal.ui.background import BackgroundRunner
    from rehearsal.ui.main_window import MainWindow
    from rehearsal.ui.rehearsal_controller import RehearsalController
    from rehearsal.ui.tape.tape_prefs import TapePreferences
    from rehearsal.ui.tape.tape_window import SourceFactory, TapeWindow

log = logging.getLogger(__name__)

SELF_TAPE_KEY = "Ctrl+Shift+T"
AUDITION_JOB = "tape audition"


def audition_for_script(store: Store, script_id: int) -> Audition | None:
    """The audition the script is linked to: the nearest self-tape deadline, else the newest."""
    linked = [
        audition
        for audition in store.auditions.list_auditions()
        if any(info.id == script_id for info in store.auditions.scripts(audition.id))
    ]
    if not linked:
        return None
    deadlines = [
        (audition.details.self_tape_deadline, audition.id, audition)
        for audition in linked
        if audition.details.self_tape_deadline is not None
    ]
    if deadlines:
        return min(deadlines, key=lambda item: (item[0], item[1]))[2]
    return max(linked, key=lambda audition: audition.created_at)


class TapeMode(QObject):
    """The Self-Tape action and the window behind it (one, raised when open)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._main = window
        self.tape_window: TapeWindow | None = None
        self.runner: BackgroundRunner | None = None
        self.audition: Audition | None = None
        self._audition_for: int | None = None
        self.source_factory: SourceFactory | None = None
        """Tests and the journeys put generated frames in the camera's place here."""
        self.action_self_tape = QAction(self.tr("&Self-Tape…"), self)
        self.action_self_tape.setShortcut(QKeySequence(SELF_TAPE_KEY))
        self.action_self_tape.setStatusTip(
            self.tr("Record an audition tape with the reader off camera")
        )
        self.action_self_tape.triggered.connect(self.open)

    @Slot()
    def open(self) -> TapeWindow:
        """Show tape mode (built on first use)."""
        if self.tape_window is None:
            self.tape_window = self._build()
        takes = self.tape_window.takes
        if takes is not None:
            takes.store = self._main.store  # the history may have opened meanwhile
        self._look_up_audition()
        self.tape_window.show()
        self.tape_window.raise_()
        self.tape_window.activateWindow()
        return self.tape_window

    def _build(self) -> TapeWindow:
        from rehearsal.tape.library import TapeLibrary
        from rehearsal.ui.background import BackgroundRunner
        from rehearsal.ui.tape.takes_panel import TakesPanel
        from rehearsal.ui.tape.tape_window import TapeWindow, device_source

        main = self._main
        library = TapeLibrary(main.paths.data)
        self.runner = BackgroundRunner(self, name="self-tape")
        self.runner.finished.connect(self._on_job_done)
        speech = main.services.speech()
        takes = TakesPanel(library, self.runner, main.settings, store=main.store)
        factory = self.source_factory or device_source
        return TapeWindow(
            library,
            main.settings,
            self.runner,
            self,
            speech.player,
            main,
            takes=takes,
            source_factory=factory,
        )

    # -- the audition behind the script ----------------------------------------------------
    def _look_up_audition(self) -> None:
        store = self._main.store
        _script, _path, script_id = self._main.script_on_screen
        if store is None or script_id is None or self.runner is None:
            self.audition, self._audition_for = None, None
            return
        if script_id == self._audition_for:
            return
        self._audition_for = script_id
        self.runner.submit(AUDITION_JOB, lambda: audition_for_script(store, script_id))

    @Slot(str, object)
    def _on_job_done(self, name: str, result: object) -> None:
        if name == AUDITION_JOB:
            from rehearsal.store.dossier_records import Audition

            self.audition = result if isinstance(result, Audition) else None

    # -- TapeHost --------------------------------------------------------------------------
    def controller(self) -> RehearsalController | None:
        return self._main.controller

    def _titles(self) -> tuple[str | None, str | None, str | None]:
        script, path, _script_id = self._main.script_on_screen
        title = (script.title if script is not None else None) or (path.stem if path else None)
        controller = self._main.controller
        role = controller.role if controller is not None else None
        project = title
        if self.audition is not None:
            details = self.audition.details
            role = details.role or role
            project = details.project_title or project
        return title, role, project

    def take_info(self, audio_only: bool) -> TakeInfo:
        from rehearsal.tape.library import TakeInfo

        title, role, project = self._titles()
        audition_id = self.audition.id if self.audition is not None else None
        return TakeInfo(title, role, project, audition_id, audio_only)

    def slate_info(self, prefs: TapePreferences) -> SlateInfo:
        from rehearsal.tape.slate import SlateInfo

        _title, role, project = self._titles()
        return SlateInfo(
            name=prefs.actor_name,
            role=(role or "").title() if role and role.isupper() else (role or ""),
            project=project or "",
            agency=prefs.agency,
            height=prefs.height,
        )

    def shutdown(self) -> None:
        """The app quits: stop recording; a take not finished yet is repaired next start."""
        if self.tape_window is not None:
            self.tape_window.shutdown()
        if self.runner is not None:
            self.runner.shutdown()
