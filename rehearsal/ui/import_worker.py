"""Importing a script off the GUI thread, with progress and Cancel.

The worker is a ``QObject`` moved to a ``QThread`` and talks only through signals, so the
GUI never touches a half-built script and never waits on a large PDF. Cancellation is a
``threading.Event`` checked from the importer's progress callback, which raises
:class:`ImportCancelled` inside the importer: no importer needs to know about Qt.

An import has two steps with a signal each: ``parsed`` as soon as the script can be shown,
then ``finished`` once it is remembered in the history database. The database may still be
opening when the app starts (see :mod:`rehearsal.ui.store_opener`); the worker waits for it
in its own thread, so the page is on screen without waiting for the history.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.importer import ProgressCallback
from rehearsal.script.loader import parse_bytes, read_script_bytes
from rehearsal.script.model import Script
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


class ImportWorker(QObject):
    """Parses one file, then remembers it in the history, in its own thread."""

    progress = Signal(int)  # percent
    parsed = Signal(object, str)  # Script, path: ready to show
    store_failed = Signal(str)  # why the script could not be remembered
    finished = Signal(object, str, object)  # Script, path, stored script id (None: not kept)
    failed = Signal(str, str)  # message, path
    cancelled = Signal(str)  # path

    def __init__(self, path: Path, store: PendingStore | None = None) -> None:
        super().__init__()
        self._path = path
        self._store = store
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the import to stop at its next progress report (thread-safe)."""
        self._cancel.set()

    def _on_progress(self, fraction: float) -> None:
        if self._cancel.is_set():
            raise ImportCancelled()
        self.progress.emit(int(fraction * 100))

    def _remember(self, script: Script, data: bytes) -> int | None:
        """Store the script once the database is open; its id, or None without history.

        Storing happens here, in the worker, because waiting for the database and hashing
        and writing the snapshot of a feature-length script must not hold up the GUI.
        """
        store = self._store.wait(self._cancel) if self._store is not None else None
        if store is None or self._cancel.is_set():
            return None
        try:
            return store.import_script(script, self._path, data)
        except Exception as exc:  # the history is optional; the rehearsal is not
            log.warning("could not remember %s in the history: %s", self._path, exc)
            self.store_failed.emit(f"{self._path.name} is not saved in your history: {exc}")
            return None

    @Slot()
    def run(self) -> None:
        """Import the file and emit exactly one of finished / failed / cancelled.

        ``parsed`` comes before ``finished``. A failure to store (a full disk, say) does not
        fail the import: the script is already on screen, so it is reported through
        ``store_failed`` and the actor rehearses without history, as with a locked database.
        """
        path = str(self._path)
        try:
            script, data = _parse(self._path, self._on_progress)
            if self._cancel.is_set():
                raise ImportCancelled()
            self.parsed.emit(script, path)
            script_id = self._remember(script, data)
        except ImportCancelled:
            self.cancelled.emit(path)
        except ScriptImportError as exc:
            self.failed.emit(str(exc), path)
        except Exception as exc:  # an importer bug must not take the app down
            self.failed.emit(f"{path}: could not be imported ({type(exc).__name__}: {exc})", path)
        else:
            if self._cancel.is_set():
                self.cancelled.emit(path)
            else:
                self.finished.emit(script, path, script_id)


class ImportJob(QObject):
    """Owns one worker and its thread; emits the worker's outcome on the GUI thread.

    Exactly one of ``finished``, ``failed`` and ``cancelled`` arrives, then ``done``.
    ``storing`` turns True once ``parsed`` has gone out: the script is on screen and the
    job is only saving it to the history.
    """

    progress = Signal(int)
    parsed = Signal(object, str)
    store_failed = Signal(str)
    finished = Signal(object, str, object)
    failed = Signal(str, str)
    cancelled = Signal(str)
    done = Signal()

    def __init__(
        self, path: Path, parent: QObject | None = None, store: PendingStore | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.storing = False
        self._thread = QThread(self)
        self._thread.setObjectName(f"import {path.name}")
        self._worker = ImportWorker(path, store)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.parsed.connect(self._on_parsed)
        self._worker.store_failed.connect(self.store_failed)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._worker.cancelled.connect(self._on_cancelled)

    def start(self) -> None:
        """Start importing in the background."""
        self._thread.start()

    def cancel(self) -> None:
        """Stop the import as soon as the importer reports progress."""
        self._worker.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for the worker to return and its thread to end (after :meth:`cancel`).

        The thread is told to quit here rather than when the outcome reaches the GUI
        thread, because a caller waiting on the GUI thread would keep that from happening.
        """
        self._thread.quit()  # takes effect once the worker's run returns
        return self._thread.wait(msecs)

    def _end_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()

    @Slot(object, str)
    def _on_parsed(self, script: Script, path: str) -> None:
        self.storing = True
        self.parsed.emit(script, path)

    @Slot(object, str, object)
    def _on_finished(self, script: Script, path: str, script_id: int | None) -> None:
        self._end_thread()
        self.finished.emit(script, path, script_id)
        self.done.emit()

    @Slot(str, str)
    def _on_failed(self, message: str, path: str) -> None:
        self._end_thread()
        self.failed.emit(message, path)
        self.done.emit()

    @Slot(str)
    def _on_cancelled(self, path: str) -> None:
        self._end_thread()
        self.cancelled.emit(path)
        self.done.emit()
