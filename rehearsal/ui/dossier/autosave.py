"""Saving as the actor types: a debounce timer and a set of dirty parts.

Each edit marks its part dirty with the function that saves it; the functions read the
widgets when they run, so a burst of typing becomes one small write a moment after the
last key. Writes are single-row SQLite transactions of a few milliseconds, so they run on
the GUI thread; a failure keeps the part dirty (the next edit or the close retries) and is
reported once through :attr:`Autosaver.failed`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from rehearsal.store.facade import AuditionNotFoundError, StoreError

DEFAULT_DELAY_MS = 600
SaveFn = Callable[[], None]


class Autosaver(QObject):
    """Debounces saves of named parts; :meth:`flush` writes everything pending now."""

    saved = Signal(str)  # part name, after it is on disk
    failed = Signal(str)  # message for the actor
    gone = Signal()  # the audition was deleted: nothing can be saved any more

    def __init__(self, delay_ms: int = DEFAULT_DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timeout)
        self._dirty: dict[str, SaveFn] = {}
        self._suspended = 0

    @property
    def pending(self) -> tuple[str, ...]:
        """Parts changed but not saved yet."""
        return tuple(self._dirty)

    def mark(self, part: str, save: SaveFn) -> None:
        """``part`` changed; save it with ``save`` once the typing pauses."""
        if self._suspended:
            return
        self._dirty[part] = save
        self._timer.start()

    def suspend(self) -> None:
        """Ignore marks while widgets are filled from the store (nested calls allowed)."""
        self._suspended += 1

    def resume(self) -> None:
        """Undo one :meth:`suspend`."""
        self._suspended = max(0, self._suspended - 1)

    def discard(self) -> None:
        """Forget pending changes (the audition is gone)."""
        self._timer.stop()
        self._dirty.clear()

    def flush(self) -> bool:
        """Save every pending part now; returns whether all of them were saved."""
        self._timer.stop()
        for part, save in list(self._dirty.items()):
            try:
                save()
            except AuditionNotFoundError as exc:
                self.discard()
                self.failed.emit(str(exc))
                self.gone.emit()
                return False
            except (StoreError, ValueError) as exc:
                self.failed.emit(self.tr("Could not save: %s") % exc)
                return False
            if self._dirty.get(part) is save:
                del self._dirty[part]
            self.saved.emit(part)
        return True

    @Slot()
    def _on_timeout(self) -> None:
        self.flush()
