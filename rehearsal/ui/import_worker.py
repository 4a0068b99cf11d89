"""Importing a script off the GUI thread, with progress and Cancel.

The import is a plain function (:func:`import_file`) run as a
:class:`~rehearsal.ui.background.Task`, so the GUI never touches a half-built script and
never waits on a large PDF. Cancellation is the task's flag, checked from the importer's
progress callback, which raises :class:`ImportCancelled` inside the importer: no importer
needs to know about Qt.

An import has two steps with a signal each: ``parsed`` as soon as the script can be shown,
then ``finished`` once it is remembered in the history database. The database may still be
opening when the app starts (see :mod:`rehearsal.ui.store_opener`); the import waits for it
in its own thread, so the page is on screen without waiting for the history.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.importer import ProgressCallback
from rehearsal.script.loader import parse_bytes, read_script_bytes
from rehearsal.script.model import Script
from rehearsal.ui.background import Cancelled, Task, TaskContext
from rehearsal.ui.store_opener import PendingStore

log = logging.getLogger(__name__)


def _parse(path: Path, progress: ProgressCallback) -> tuple[Script, bytes]:
    """Read and parse the file; returns the script and the bytes it came from."""
    data = read_script_bytes(path)
    try:
        return parse_bytes(data, path.suffix, progress), data
    except ImportCancelled:
        raise
    except ScriptImportError as exc:
        exc.path = path
        raise


@dataclass(frozen=True, slots=True)
class Parsed:
    """Reported as soon as the script can be shown, before it is stored."""

    script: Script


@dataclass(frozen=True, slots=True)
class NotStored:
    """Reported when the history could not keep the script: why, in a sentence."""

    message: str


@dataclass(frozen=True, slots=True)
class Imported:
    """The result: the script and its id in the history (None: not kept there)."""

    script: Script
    script_id: int | None


def _remember(
    path: Path, script: Script, data: bytes, store: PendingStore | None, context: TaskContext
) -> int | None:
    """Store the script once the database is open; its id, or None without history.

    Storing happens here, on the import's thread, because waiting for the database and
    hashing and writing the snapshot of a feature-length script must not hold up the GUI.
    """
    opened = store.wait(context.cancel) if store is not None else None
    if opened is None or context.cancelled:
        return None
    try:
        return opened.import_script(script, path, data)
    except Exception as exc:  # the history is optional; the rehearsal is not
        log.warning("could not remember %s in the history: %s", path, exc)
        context.report(NotStored(f"{path.name} is not saved in your history: {exc}"))
        return None


def import_file(path: Path, store: PendingStore | None, context: TaskContext) -> Imported:
    """Parse ``path``, report :class:`Parsed`, then store it; runs on the import's thread.

    A failure to store (a full disk, say) does not fail the import: the script is already
    on screen, so it is reported as :class:`NotStored` and the actor rehearses without
    history, as with a locked database.
    """

    def on_progress(fraction: float) -> None:
        if context.cancelled:
            raise ImportCancelled()
        context.report(int(fraction * 100))

    try:
        script, data = _parse(path, on_progress)
    except ImportCancelled:
        raise Cancelled() from None
    context.check()
    context.report(Parsed(script))
    return Imported(script, _remember(path, script, data, store, context))


class ImportJob(QObject):
    """One file imported in the background; its outcome arrives on the GUI thread.

    Exactly one of ``finished``, ``failed`` and ``cancelled`` arrives, then ``done``.
    ``storing`` turns True once ``parsed`` has gone out: the script is on screen and the
    job is only saving it to the history.
    """

    progress = Signal(int)  # percent
    parsed = Signal(object, str)  # Script, path: ready to show
    store_failed = Signal(str)  # why the script could not be remembered
    finished = Signal(object, str, object)  # Script, path, stored script id (None: not kept)
    failed = Signal(str, str)  # message, path
    cancelled = Signal(str)  # path
    done = Signal()

    def __init__(
        self, path: Path, parent: QObject | None = None, store: PendingStore | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.storing = False
        self._task = Task(
            lambda context: import_file(path, store, context), f"import {path.name}", self
        )
        self._task.progress.connect(self._on_progress)
        self._task.succeeded.connect(self._on_succeeded)
        self._task.failed.connect(self._on_failed)
        self._task.cancelled.connect(self._on_cancelled)
        self._task.finished.connect(self.done)

    def start(self) -> None:
        """Start importing in the background."""
        self._task.start()

    def cancel(self) -> None:
        """Stop the import as soon as the importer reports progress."""
        self._task.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for the import's thread to end (after :meth:`cancel`); True when it has."""
        return self._task.wait(msecs / 1000)

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        if isinstance(value, int):
            self.progress.emit(value)
        elif isinstance(value, Parsed):
            self.storing = True
            self.parsed.emit(value.script, str(self.path))
        elif isinstance(value, NotStored):
            self.store_failed.emit(value.message)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        if isinstance(result, Imported):
            self.finished.emit(result.script, str(self.path), result.script_id)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        path = str(self.path)
        if isinstance(exc, ScriptImportError):
            message = str(exc)
        else:  # an importer bug must not take the app down
            message = f"{path}: could not be imported ({type(exc).__name__}: {exc})"
        self.failed.emit(message, path)

    @Slot()
    def _on_cancelled(self) -> None:
        self.cancelled.emit(str(self.path))
