"""Opening the history database off the GUI thread, once the window is on screen.

Opening the store means importing SQLAlchemy, checking the schema and, after an update,
backing up and migrating: a few hundred milliseconds on a good day, seconds on a large
history. Showing the window and the script needs none of it, so the app shows them first
and the store arrives a moment later through :class:`StoreOpener`, a
:class:`~rehearsal.ui.background.Task` that also wraps the opened database in the store
facade (:class:`~rehearsal.store.facade.Store`), so the repositories load off the GUI thread
too. Work that needs the
store (remembering an imported script) waits for it on a :class:`PendingStore` from its
own worker thread; the GUI thread never waits.

Nothing here imports SQLAlchemy at module level: that is the point of the module.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from rehearsal.paths import Paths
from rehearsal.ui.background import Task, TaskContext

if TYPE_CHECKING:
    from rehearsal.store.facade import Store

log = logging.getLogger(__name__)

WAIT_POLL_S = 0.05
"""How often a waiting worker looks at its cancel flag: short enough to feel instant."""


def open_store_or_explain(paths: Paths) -> tuple[Store | None, str | None]:
    """Open the history database; on failure the app runs without it and says why.

    A second instance (locked database) or an unreadable file must not stop an actor from
    rehearsing: the run works, only the history is off until the problem is solved.
    """
    from rehearsal.store.database import StoreError
    from rehearsal.store.facade import Store
    from rehearsal.store.startup import open_store

    try:
        return Store(open_store(paths)), None
    except StoreError as exc:
        log.warning("history database unavailable: %s", exc)
        return None, str(exc)


class PendingStore:
    """The store as it will be once opened: worker threads wait on it, the GUI never does.

    Resolved exactly once, with the opened store or with None when the app runs without
    history; later resolutions are ignored so a late opener cannot swap the database under
    a running session.
    """

    def __init__(self) -> None:
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._store: Store | None = None

    @property
    def resolved(self) -> bool:
        """True once the store is known (opened, or known to be unavailable)."""
        return self._ready.is_set()

    def resolve(self, store: Store | None) -> None:
        """Hand the store (or None: no history this run) to everyone waiting."""
        with self._lock:
            if self._ready.is_set():
                return
            self._store = store
            self._ready.set()

    def wait(self, cancel: threading.Event) -> Store | None:
        """Block a worker thread until resolved or ``cancel`` is set (then None)."""
        while not self._ready.wait(WAIT_POLL_S):
            if cancel.is_set():
                return None
        return self._store


class StoreOpener(QObject):
    """Opens the store on a worker thread and reports ``opened`` on the GUI thread."""

    opened = Signal(object, str)  # Store | None, problem ("" when there is none)

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self._task = Task(self._run, "open history", self)
        self._task.succeeded.connect(self._on_opened)

    def start(self) -> None:
        """Start opening (once; later calls do nothing)."""
        self._task.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the opening to finish (at shutdown, so a migration is never cut short).

        Never cancelled: a migration half done is worse than a shutdown a moment later.
        """
        return self._task.wait(timeout)

    @Slot(object)
    def _on_opened(self, outcome: object) -> None:
        store, problem = outcome if isinstance(outcome, tuple) else (None, "")
        self.opened.emit(store, problem)

    def _run(self, context: TaskContext) -> tuple[Store | None, str]:
        try:
            store, problem = open_store_or_explain(self.paths)
        except Exception as exc:  # any surprise means "no history", never a dead app
            log.exception("opening the history database failed")
            from rehearsal.store.database import describe_failure

            reason = describe_failure(exc) or "an unexpected error; the log file has details"
            store, problem = (
                None,
                (
                    f"The history database {self.paths.database} could not be opened ({reason}). "
                    "You can rehearse, but this run keeps no history."
                ),
            )
        return store, problem or ""
