"""One background thread for the history's slow work: charts, line statistics, exports.

A worker ``QObject`` lives in a ``QThread`` and only ever talks through signals; jobs are
plain callables from the store (testable without Qt) and their results are plain data.
Each job has a name, and a result is dropped when a newer job of the same name was
submitted meanwhile, so quickly changing a filter never paints yesterday's chart.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from rehearsal.store.database import StoreError

Job = Callable[[], object]


class _Worker(QObject):
    """Runs jobs in the thread it was moved to."""

    finished = Signal(int, object)  # ticket, result
    failed = Signal(int, str)  # ticket, message

    @Slot(int, object)
    def run(self, ticket: int, job: Job) -> None:
        try:
            result = job()
        except StoreError as exc:
            self.failed.emit(ticket, str(exc))
        except Exception as exc:  # a bug in a query must not take the window down
            self.failed.emit(ticket, f"{type(exc).__name__}: {exc}")
        else:
            self.finished.emit(ticket, result)


class BackgroundRunner(QObject):
    """Submits named jobs to one worker thread; emits results on the GUI thread."""

    finished = Signal(str, object)  # job name, result
    failed = Signal(str, str)  # job name, message
    idle = Signal()

    _submit = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._next_ticket = 0
        self._names: dict[int, str] = {}
        self._latest: dict[str, int] = {}
        self.start()

    @property
    def running(self) -> bool:
        """Whether jobs submitted now will run (between :meth:`start` and :meth:`shutdown`)."""
        return self._thread is not None

    def start(self) -> None:
        """Start a fresh thread and worker, unless they are running already.

        The window that owns the runner may be shut down and shown again later; its jobs
        must then run, not wait forever on a stopped thread.
        """
        if self._thread is not None:
            return
        thread = QThread()
        thread.setObjectName("history queries")
        worker = _Worker()
        worker.moveToThread(thread)
        self._submit.connect(worker.run)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start()

    @property
    def pending(self) -> int:
        """Jobs submitted whose results have not come back yet."""
        return len(self._names)

    def submit(self, name: str, job: Job) -> int:
        """Run ``job`` in the background; its result arrives as ``finished(name, result)``.

        After :meth:`shutdown` (and before the next :meth:`start`) the job is dropped and 0
        returned: the window is going away, and a thread started now would outlive it.
        """
        if self._thread is None:
            return 0
        self._next_ticket += 1
        ticket = self._next_ticket
        self._names[ticket] = name
        self._latest[name] = ticket
        self._submit.emit(ticket, job)
        return ticket

    def shutdown(self) -> None:
        """Finish the running job, drop the rest, and stop the thread (until :meth:`start`)."""
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            self._submit.disconnect(worker.run)
        if thread is not None and thread.isRunning():
            thread.quit()
            thread.wait()
        self._names.clear()

    def _current(self, ticket: int) -> str | None:
        """The job's name if its result is still wanted (no newer job of that name)."""
        name = self._names.pop(ticket, None)
        if name is None or self._latest.get(name) != ticket:
            return None
        return name

    def _after(self) -> None:
        if not self._names:
            self.idle.emit()

    @Slot(int, object)
    def _on_finished(self, ticket: int, result: object) -> None:
        name = self._current(ticket)
        if name is not None:
            self.finished.emit(name, result)
        self._after()

    @Slot(int, str)
    def _on_failed(self, ticket: int, message: str) -> None:
        name = self._current(ticket)
        if name is not None:
            self.failed.emit(name, message)
        self._after()
