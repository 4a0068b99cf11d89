"""Loading the modules of the first rehearsal in the background, once the page is up.

Starting a rehearsal needs the engine, the controller, the speech pipeline and the store's
repositories: together a few hundred milliseconds of Python imports. Done on the GUI
thread when the actor picks a role, that would be a visible stall; done before the window
shows, it would delay the first view. So the app shows the page first and then imports
them on a worker thread: Python hands the interpreter back to the GUI thread every few
milliseconds, so the window stays responsive, and by the time the actor has chosen a part
everything is loaded. Importing a module twice is free, so a start that comes first simply
finds the work done or finishes it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from rehearsal.ui.background import Task, TaskContext

log = logging.getLogger(__name__)

FIRST_REHEARSAL_MODULES = (
    "rehearsal.store.facade",
    "rehearsal.store.scripts_repo",
    "rehearsal.store.sessions_repo",
    "rehearsal.store.take_log",
    "rehearsal.ui.role_dialog",
    "rehearsal.ui.rehearsal_controller",
    "rehearsal.ui.speech_support",
    "rehearsal.store.auditions_repo",
    "rehearsal.ui.dossier.followup_widgets",
)
"""What the first rehearsal needs, in the order it needs it, then the startup reminders."""


class ModulePreloader(QObject):
    """Imports ``modules`` on a worker thread; ``loaded`` arrives on the GUI thread."""

    loaded = Signal()

    def __init__(
        self, modules: Sequence[str] = FIRST_REHEARSAL_MODULES, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.modules = tuple(modules)
        self._task = Task(self._run, "preload", self)
        self._task.finished.connect(self.loaded)

    def start(self) -> None:
        """Start loading (once; later calls do nothing)."""
        self._task.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the loading to finish; True when it has."""
        return self._task.wait(timeout)

    def shutdown(self, timeout: float | None = None) -> bool:
        """Stop after the module being imported (the window is closing) and wait."""
        return self._task.shutdown(timeout)

    def _run(self, context: TaskContext) -> None:
        for name in self.modules:
            if context.cancelled:
                return
            try:
                importlib.import_module(name)
            except Exception:  # the GUI thread will meet the same error and report it there
                log.exception("preloading %s failed", name)
