"""One script's corrections while the app is open: apply, undo, redo, save.

The corrections (:mod:`rehearsal.script.corrections`) are the state: the script on screen
is always the import as read with the list applied, so every undo command holds one
operation, and redo/undo append or drop it and apply the list again (milliseconds, even
for a feature). Saving writes the whole list in the background through the app's one
background runner, so the GUI never waits on the database; the latest list always wins
because the runner runs jobs in order on one thread.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from rehearsal.script.confidence import Report, assess
from rehearsal.script.corrections import Applied, Correction, apply_with_report, describe
from rehearsal.script.model import Script
from rehearsal.ui.background import BackgroundRunner

if TYPE_CHECKING:
    from rehearsal.store.facade import Store

log = logging.getLogger(__name__)


class _CorrectionCommand(QUndoCommand):
    """One correction on the undo stack: redo appends it, undo drops it."""

    def __init__(
        self,
        session: FixupSession,
        op: Correction,
        done: bool = False,
        prepared: Applied | None = None,
    ) -> None:
        template, values = describe(op)
        super().__init__(QCoreApplication.translate("Corrections", template).format(**values))
        self._session = session
        self.op = op
        self._done = done  # made in an earlier sitting: already in the list
        self._prepared = prepared  # the first redo's result, worked out to check it

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        prepared, self._prepared = self._prepared, None
        self._session._set((*self._session.corrections, self.op), prepared)

    def undo(self) -> None:
        ops = self._session.corrections
        if ops and ops[-1] == self.op:
            self._session._set(ops[:-1])


class FixupSession(QObject):
    """The import as read, the actor's corrections on it, and the script that results."""

    changed = Signal(object)  # the corrected Script, after every change
    saved = Signal()
    save_failed = Signal(str)

    def __init__(
        self,
        raw: Script,
        corrections: Sequence[Correction] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.raw = raw
        self.corrections: tuple[Correction, ...] = tuple(corrections)
        self.undo_stack = QUndoStack(self)
        self._store: Store | None = None
        self._script_id: int | None = None
        self._runner: BackgroundRunner | None = None
        self.applied: Applied = apply_with_report(raw, self.corrections)
        self.report: Report = assess(self.applied.script, self.applied.ids)
        for op in self.corrections:  # what was corrected before stays undoable
            self.undo_stack.push(_CorrectionCommand(self, op, done=True))

    @property
    def script(self) -> Script:
        """The script as the actor rehearses it."""
        return self.applied.script

    def attach_store(self, store: Store | None, script_id: int | None) -> None:
        """Save changes to this stored script from now on (the database opened late)."""
        self._store, self._script_id = store, script_id

    @property
    def can_save(self) -> bool:
        """Whether changes reach the database (an import not in the history does not)."""
        return self._store is not None and self._script_id is not None

    def _start_runner(self) -> BackgroundRunner:
        """The saving thread, started with the first change (most imports need none)."""
        if self._runner is None:
            self._runner = BackgroundRunner(self)
            self._runner.finished.connect(self._on_saved)
            self._runner.failed.connect(self._on_save_failed)
        return self._runner

    def _on_saved(self, _name: str, _result: object) -> None:
        self.saved.emit()

    def _on_save_failed(self, _name: str, message: str) -> None:
        self.save_failed.emit(message)

    def apply(self, op: Correction) -> bool:
        """Make ``op`` (undoably); False, and nothing on the stack, if it changed nothing."""
        before = self.applied
        trial = apply_with_report(self.raw, (*self.corrections, op))
        if len(trial.skipped) > len(before.skipped) or trial.script == before.script:
            if trial.skipped:
                log.info("correction not applied: %s", trial.skipped[-1].reason)
            return False
        self.undo_stack.push(_CorrectionCommand(self, op, prepared=trial))  # calls redo()
        return True

    def _set(self, ops: tuple[Correction, ...], applied: Applied | None = None) -> None:
        self.corrections = ops
        self.applied = applied or apply_with_report(self.raw, ops)
        self.report = assess(self.applied.script, self.applied.ids)
        self._save()
        self.changed.emit(self.applied.script)

    def _save(self) -> None:
        store, script_id, ops = self._store, self._script_id, self.corrections
        if store is None or script_id is None:
            return
        self._start_runner().submit("save", lambda: store.save_corrections(script_id, ops))

    def shutdown(self) -> None:
        """Stop the thread; a save still queued is written now, so no change is lost.

        The runner drops queued jobs when it stops, and each save holds the whole list, so
        only the latest one matters: it is written here, once, as the window closes.
        """
        runner, self._runner = self._runner, None
        if runner is None:
            return
        behind = runner.pending > 0
        runner.shutdown()
        if behind and self._store is not None and self._script_id is not None:
            from rehearsal.store.database import StoreError

            try:
                self._store.save_corrections(self._script_id, self.corrections)
            except StoreError as exc:
                log.warning("corrections not saved: %s", exc)
