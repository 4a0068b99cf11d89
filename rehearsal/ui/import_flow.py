"""The imports the main window waits for: one at a time on screen, the replaced ones finishing.

Opening a file starts an :class:`~rehearsal.ui.import_worker.ImportJob` off the GUI thread
with a progress dialog and Cancel. A second file opened meanwhile cancels the first while it
is still being read; once the first is on screen and only being saved to the history, it is
let finish in the background (its script must be stored like any other). Only the import
the window waits for may change what is on screen, so every result is checked against it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

if TYPE_CHECKING:
    from rehearsal.ui.import_worker import ImportJob
    from rehearsal.ui.store_opener import PendingStore


class ImportFlow(QObject):
    """Starts imports and reports them; the window decides what to show.

    ``parsed(script, path)`` and ``failed(message, path)`` and ``cancelled(path)`` come only
    for the current import; ``loaded(script, path, script_id)`` for any import whose script
    was stored (the window checks it is still the one on screen); ``settled`` when the
    current import ended, however it ended.
    """

    parsed = Signal(object, str)
    loaded = Signal(object, str, object)
    stored = Signal(object, object, str, object, bool)  # as ``ImportJob.stored``: for fix-up
    store_failed = Signal(str)
    failed = Signal(str, str)
    cancelled = Signal(str)
    settled = Signal()

    def __init__(self, window: QWidget, pending_store: PendingStore) -> None:
        super().__init__(window)
        self._window = window
        self._pending_store = pending_store
        self.job: ImportJob | None = None
        """The import the window is waiting for."""
        self.saving: set[ImportJob] = set()
        """Replaced imports still saving their script to the history."""
        self._progress: QProgressDialog | None = None

    @property
    def current_path(self) -> Path | None:
        return self.job.path if self.job is not None else None

    def start(self, path: Path, pasted: bytes | None = None, title: str | None = None) -> None:
        """Import ``path`` in the background, replacing the import under way."""
        previous = self.job
        if previous is not None:
            self._drop_progress()
            if previous.storing:
                self.saving.add(previous)
            else:
                previous.cancel()
                previous.wait()
        from rehearsal.ui.import_worker import ImportJob

        job = ImportJob(path, self._window, self._pending_store, pasted, title)
        self.job = job
        progress = QProgressDialog(
            self.tr("Importing %s…") % path.name, self.tr("Cancel"), 0, 100, self._window
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # small files never flash a dialog
        progress.setAutoClose(True)
        progress.canceled.connect(job.cancel)
        job.progress.connect(progress.setValue)
        job.parsed.connect(self._if_current(job, self.parsed.emit))
        job.store_failed.connect(self.store_failed)
        job.stored.connect(self.stored)  # for whichever script is on screen
        job.finished.connect(self.loaded)  # applies to whichever script is on screen
        job.failed.connect(self._if_current(job, self._on_failed))
        job.cancelled.connect(self._if_current(job, self.cancelled.emit))
        job.done.connect(lambda: self._on_done(job))
        self._progress = progress
        job.start()

    def close(self) -> None:
        """Cancel every import and wait for its thread (the window is closing)."""
        for job in [*self.saving, *([self.job] if self.job is not None else [])]:
            job.cancel()
            job.wait()

    def _if_current(self, job: ImportJob, slot: Callable[..., None]) -> Callable[..., None]:
        """``slot``, called only while ``job`` is the import the window waits for."""

        def call(*args: object) -> None:
            if job is self.job:
                slot(*args)

        return call

    def _drop_progress(self) -> None:
        if self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _on_done(self, job: ImportJob) -> None:
        self.saving.discard(job)
        job.deleteLater()
        if job is self.job:
            self._drop_progress()
            self.job = None
            self.settled.emit()

    def _on_failed(self, message: str, path: str) -> None:
        """Say why in a box that does not block the app (``open``, not ``exec``)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Could not open the file"),
            message,
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setObjectName("import_error_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.failed.emit(message, path)
