"""Importing a script off the GUI thread, with progress and Cancel.

The worker is a ``QObject`` moved to a ``QThread`` and talks only through signals, so the
GUI never touches a half-built script and never waits on a large PDF. Cancellation is a
``threading.Event`` checked from the importer's progress callback, which raises
:class:`ImportCancelled` inside the importer: no importer needs to know about Qt.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from sqlalchemy import Engine

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.importer import ProgressCallback
from rehearsal.script.loader import parse_bytes, read_script_bytes
from rehearsal.script.model import Script


def _import(path: Path, progress: ProgressCallback, store: Engine | None) -> tuple[Script, int]:
    """Read, parse and (with a store) remember the script; returns it and its stored id.

    Storing happens here, in the worker, because hashing and writing the snapshot of a
    feature-length script is database work the GUI thread must not wait for.
    """
    data = read_script_bytes(path)
    try:
        script = parse_bytes(data, path.suffix, progress)
    except ImportCancelled:
        raise
    except ScriptImportError as exc:
        exc.path = path
        raise
    script_id = -1
    if store is not None:
        from rehearsal.store.scripts_repo import import_script

        script_id = import_script(store, script, path, data)
    return script, script_id


class ImportWorker(QObject):
    """Runs :func:`load_script` for one file in its own thread."""

    progress = Signal(int)  # percent
    finished = Signal(object, str, int)  # Script, path, stored script id (-1: none)
    failed = Signal(str, str)  # message, path
    cancelled = Signal(str)  # path

    def __init__(self, path: Path, store: Engine | None = None) -> None:
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

    @Slot()
    def run(self) -> None:
        """Import the file and emit exactly one of finished / failed / cancelled."""
        path = str(self._path)
        try:
            script, script_id = _import(self._path, self._on_progress, self._store)
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
    """Owns one worker and its thread; emits the worker's outcome on the GUI thread."""

    progress = Signal(int)
    finished = Signal(object, str, int)
    failed = Signal(str, str)
    cancelled = Signal(str)
    done = Signal()

    def __init__(
        self, path: Path, parent: QObject | None = None, store: Engine | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._thread = QThread(self)
        self._thread.setObjectName(f"import {path.name}")
        self._worker = ImportWorker(path, store)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
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
        """Wait for the thread to end (for shutdown and tests)."""
        return self._thread.wait(msecs)

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.done.emit()

    @Slot(object, str, int)
    def _on_finished(self, script: Script, path: str, script_id: int) -> None:
        self._finish()
        self.finished.emit(script, path, script_id)

    @Slot(str, str)
    def _on_failed(self, message: str, path: str) -> None:
        self._finish()
        self.failed.emit(message, path)

    @Slot(str)
    def _on_cancelled(self, path: str) -> None:
        self._finish()
        self.cancelled.emit(path)
