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

Corrections the actor made to the same bytes before are applied here too: when the
database is already open they are applied before ``parsed`` (the page never shows the
uncorrected import), otherwise once it is. ``stored`` hands the import as read and its
corrections to the fix-up editor either way. Sides pasted from the clipboard come as
``pasted`` bytes: the import first writes them to their file, so they import like any other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from rehearsal.script.errors import ImportCancelled, ScriptImportError
from rehearsal.script.importer import ProgressCallback
from rehearsal.script.loader import parse_bytes, read_script_bytes
from rehearsal.script.model import Script
from rehearsal.ui.background import Cancelled, Task, TaskContext
from rehearsal.ui.store_opener import PendingStore

if TYPE_CHECKING:
    from rehearsal.script.corrections import Correction
    from rehearsal.store.facade import Store

log = logging.getLogger(__name__)


def _parse(
    path: Path, progress: ProgressCallback, pasted: bytes | None = None
) -> tuple[Script, bytes]:
    """Read and parse the file; returns the script and the bytes it came from.

    ``pasted`` bytes are written to ``path`` first (atomically), then read back as a file.
    """
    if pasted is not None:
        from rehearsal.atomic_file import write_bytes

        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_bytes(path, pasted)
        except OSError as exc:
            raise ScriptImportError(f"cannot save the pasted sides ({exc})", path) from None
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
    """Reported when the history could not keep the script (or its corrections): why."""

    message: str


@dataclass(frozen=True, slots=True)
class Stored:
    """The import as read, the actor's corrections to it, its id, and whether the script
    reported as :class:`Parsed` already had them (for the fix-up editor)."""

    raw: Script
    corrections: tuple[Correction, ...]
    script_id: int | None
    early: bool


@dataclass(frozen=True, slots=True)
class Imported:
    """The result: the script as shown (corrected) and its id in the history (None: not
    kept there)."""

    script: Script
    script_id: int | None


def _corrected(script: Script, corrections: tuple[Correction, ...]) -> Script:
    """``script`` with the actor's corrections (the module loads only when there are some)."""
    if not corrections:
        return script
    from rehearsal.script.corrections import apply_corrections

    return apply_corrections(script, corrections)


def _remember(
    path: Path, script: Script, data: bytes, opened: Store | None, context: TaskContext
) -> int | None:
    """Store the script; its id, or None without history.

    Storing happens here, on the import's thread, because hashing and writing the snapshot
    of a feature-length script must not hold up the GUI.
    """
    if opened is None or context.cancelled:
        return None
    try:
        return opened.import_script(script, path, data)
    except Exception as exc:  # the history is optional; the rehearsal is not
        log.warning("could not remember %s in the history: %s", path, exc)
        context.report(NotStored(f"{path.name} is not saved in your history: {exc}"))
        return None


def _corrections(
    path: Path, opened: Store | None, data: bytes, context: TaskContext
) -> tuple[Correction, ...]:
    """The stored corrections to these bytes; none when they cannot be read."""
    if opened is None:
        return ()
    try:
        return opened.find_corrections(data)
    except Exception as exc:  # damaged or newer: the import as read is still usable
        log.warning("corrections for %s not applied: %s", path, exc)
        context.report(NotStored(f"Your corrections to {path.name} were not applied: {exc}"))
        return ()


def import_file(
    path: Path,
    store: PendingStore | None,
    context: TaskContext,
    pasted: bytes | None = None,
    title: str | None = None,
) -> Imported:
    """Parse ``path``, report :class:`Parsed`, then store it; runs on the import's thread.

    When the database is already open the actor's corrections are applied before
    :class:`Parsed` (the page never shows the uncorrected import), otherwise once it is.
    A failure to store (a full disk, say) does not fail the import: the script is already
    on screen, so it is reported as :class:`NotStored` and the actor rehearses without
    history, as with a locked database.
    """

    def on_progress(fraction: float) -> None:
        if context.cancelled:
            raise ImportCancelled()
        context.report(int(fraction * 100))

    try:
        script, data = _parse(path, on_progress, pasted)
    except ImportCancelled:
        raise Cancelled() from None
    context.check()
    if script.title is None and title:
        script.title = title
    early: tuple[Correction, ...] = ()
    if store is not None and store.resolved:
        early = _corrections(path, store.wait(context.cancel), data, context)
    shown = _corrected(script, early)
    context.report(Parsed(shown))
    opened = store.wait(context.cancel) if store is not None else None
    if context.cancelled:
        raise Cancelled()
    script_id = _remember(path, script, data, opened, context)
    corrections = early
    if script_id is not None and not early:
        corrections = _corrections(path, opened, data, context)
        shown = _corrected(script, corrections)
    context.report(Stored(script, corrections, script_id, bool(early)))
    return Imported(shown, script_id)


class ImportJob(QObject):
    """One file imported in the background; its outcome arrives on the GUI thread.

    Exactly one of ``finished``, ``failed`` and ``cancelled`` arrives, then ``done``.
    ``storing`` turns True once ``parsed`` has gone out: the script is on screen and the
    job is only saving it to the history.
    """

    progress = Signal(int)  # percent
    parsed = Signal(object, str)  # Script, path: ready to show
    store_failed = Signal(str)  # why the script could not be remembered
    # The import as read, its corrections, path, script id (None: not kept), whether
    # ``parsed`` already carried the corrections: for the fix-up editor.
    stored = Signal(object, object, str, object, bool)
    finished = Signal(object, str, object)  # Script, path, stored script id (None: not kept)
    failed = Signal(str, str)  # message, path
    cancelled = Signal(str)  # path
    done = Signal()

    def __init__(
        self,
        path: Path,
        parent: QObject | None = None,
        store: PendingStore | None = None,
        pasted: bytes | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.storing = False
        self._task = Task(
            lambda context: import_file(path, store, context, pasted, title),
            f"import {path.name}",
            self,
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
        elif isinstance(value, Stored):
            path = str(self.path)
            self.stored.emit(value.raw, value.corrections, path, value.script_id, value.early)

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
