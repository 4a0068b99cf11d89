"""The GUI's one way to work in the background: run a plain function, get its outcome back.

Everything slow the window starts goes through here: importing a script
(:mod:`rehearsal.ui.import_worker`), opening the history database
(:mod:`rehearsal.ui.store_opener`), loading the first rehearsal's modules
(:mod:`rehearsal.ui.preload`) and the history's queries and exports
(:mod:`rehearsal.ui.history.history_window`). Two shapes cover them:

- :class:`Task` runs one function once on a thread of its own, with progress reports and
  cancellation; the outcome (``succeeded``, ``failed`` or ``cancelled``, then
  ``finished``) arrives on the GUI thread.
- :class:`BackgroundRunner` runs named jobs one after another on one thread and keeps only
  the newest result of each name, so quickly changing a filter never paints old data.

The functions are plain Python and know nothing of Qt: they get a :class:`TaskContext`
(a cancel flag to look at, a ``report`` for progress) or nothing at all, and they are
tested without a window. Only signals cross between threads; no widget is ever touched off
the GUI thread. The threads are plain Python threads, joined on :meth:`Task.wait` and
:meth:`BackgroundRunner.shutdown`, so no ``QThread`` can be destroyed while it runs, and a
job that finishes after its owner is gone is dropped quietly.

This is our own small generalisation of the history's runner rather than superqt's
``thread_worker``: the two shapes above are all the app needs, the "newest result per
name" rule is ours, and a new dependency for a small module of threading is not worth it.

Two pieces of background work deliberately stay outside this module, because they are not
"run a function, hand back the result": the take log's writer thread
(:mod:`rehearsal.store.take_log`), a core queue that must keep writing a rehearsal's events
in order while the window does other things and that has no Qt at all; and the speech
worker, a separate process (:mod:`rehearsal.speech.render`) polled by a timer in
:mod:`rehearsal.ui.qt_player`, so a crash in a speech engine cannot take the app down.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

Job = Callable[[], object]
"""A job for :class:`BackgroundRunner`: no arguments, a plain result."""


class Cancelled(Exception):
    """Raised inside a task's function to stop it early (see :meth:`TaskContext.check`)."""


class TaskContext:
    """What a task's function may use from its thread: the cancel flag and progress."""

    def __init__(self, cancel: threading.Event, report: Callable[[object], None]) -> None:
        self.cancel = cancel
        """Set when the task is cancelled; functions look at it between steps."""
        self._report = report

    @property
    def cancelled(self) -> bool:
        """True once :meth:`Task.cancel` was called."""
        return self.cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when the task was cancelled (a convenient stop point)."""
        if self.cancel.is_set():
            raise Cancelled()

    def report(self, value: object) -> None:
        """Send ``value`` to ``Task.progress`` on the GUI thread (dropped once cancelled)."""
        if not self.cancel.is_set():
            self._report(value)


def failure_message(exc: BaseException) -> str:
    """What a failed job says: the store's own sentence, else the error's type and text.

    The store's errors are written for the actor; anything else is a bug, named plainly.
    The store is imported here, not at the top, so the launch path stays free of it.
    """
    from rehearsal.store.database import StoreError

    if isinstance(exc, StoreError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _emit(signal: Any, *args: object) -> None:
    """Emit from a worker thread; the receiver may be gone with its window, which is fine."""
    try:
        signal.emit(*args)
    except RuntimeError:  # the QObject was deleted: nobody is waiting for this any more
        log.debug("a background result arrived after its owner closed")


class Task(QObject):
    """One call of ``function(context)`` on its own thread, started by :meth:`start`.

    Exactly one of ``succeeded(result)``, ``failed(exception)`` and ``cancelled()`` arrives
    on the GUI thread, then ``finished()``. A task cancelled before its outcome arrives
    reports ``cancelled`` even if the function went on to finish: whoever cancelled it no
    longer wants the result.
    """

    progress = Signal(object)  # whatever the function reported
    succeeded = Signal(object)  # the function's result
    failed = Signal(object)  # the exception it raised
    cancelled = Signal()
    finished = Signal()

    _outcome = Signal(str, object)  # from the worker thread: "ok" | "error" | "cancelled"

    def __init__(
        self,
        function: Callable[[TaskContext], object],
        name: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self._function = function
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._done = False
        self._outcome.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)

    @property
    def started(self) -> bool:
        """True once :meth:`start` ran."""
        return self._thread is not None

    @property
    def running(self) -> bool:
        """True while the function runs on its thread."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def done(self) -> bool:
        """True once the outcome has been delivered on the GUI thread."""
        return self._done

    def start(self) -> None:
        """Run the function in the background (once; later calls do nothing)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name=self.name, daemon=False)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the function to stop (it looks at its context) and drop its result."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the function to return; True when it has (or never started).

        Safe from the GUI thread: the outcome is queued, not waited for, so a caller
        blocking here never deadlocks with the delivery.
        """
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def shutdown(self, timeout: float | None = None) -> bool:
        """Cancel and wait: what the owner does before it goes away."""
        self.cancel()
        return self.wait(timeout)

    def _run(self) -> None:
        context = TaskContext(self._cancel, lambda value: _emit(self.progress, value))
        try:
            result = self._function(context)
        except Cancelled:
            _emit(self._outcome, "cancelled", None)
        except Exception as exc:  # reported on the GUI thread, never lost on this one
            _emit(self._outcome, "error", exc)
        else:
            _emit(self._outcome, "ok", result)

    @Slot(str, object)
    def _on_outcome(self, kind: str, value: object) -> None:
        if self._thread is not None:
            self._thread.join()  # it emitted its last signal: this returns at once
        self._done = True
        if kind == "cancelled" or self._cancel.is_set():
            self.cancelled.emit()
        elif kind == "error":
            self.failed.emit(value)
        else:
            self.succeeded.emit(value)
        self.finished.emit()


class BackgroundRunner(QObject):
    """Runs named jobs in order on one thread; emits their results on the GUI thread.

    A result is dropped when a newer job of the same name was submitted meanwhile. The
    runner may be shut down (the window hides) and started again (it shows).
    """

    finished = Signal(str, object)  # job name, result
    failed = Signal(str, str)  # job name, message
    idle = Signal()

    _delivered = Signal(int, bool, object)  # ticket, ok, result or message

    def __init__(self, parent: QObject | None = None, *, name: str = "history queries") -> None:
        super().__init__(parent)
        self._name = name
        self._thread: threading.Thread | None = None
        self._jobs: deque[tuple[int, Job]] = deque()
        self._wake = threading.Condition()
        self._stop = False
        self._next_ticket = 0
        self._names: dict[int, str] = {}
        self._latest: dict[str, int] = {}
        self._delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)
        self.start()

    @property
    def running(self) -> bool:
        """Whether jobs submitted now will run (between :meth:`start` and :meth:`shutdown`)."""
        return self._thread is not None

    @property
    def pending(self) -> int:
        """Jobs submitted whose results have not come back yet."""
        return len(self._names)

    def start(self) -> None:
        """Start the thread, unless it is running already.

        The window that owns the runner may be shut down and shown again later; its jobs
        must then run, not wait forever on a stopped thread.
        """
        if self._thread is not None:
            return
        with self._wake:
            self._stop = False
            self._jobs.clear()
        self._thread = threading.Thread(target=self._serve, name=self._name, daemon=False)
        self._thread.start()

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
        with self._wake:
            self._jobs.append((ticket, job))
            self._wake.notify()
        return ticket

    def shutdown(self) -> None:
        """Finish the running job, drop the rest, and stop the thread (until :meth:`start`)."""
        with self._wake:  # stopped before ``running`` turns False: nothing queued runs
            self._stop = True
            self._jobs.clear()
            self._wake.notify()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        self._names.clear()

    def _serve(self) -> None:
        while True:
            with self._wake:
                while not self._jobs and not self._stop:
                    self._wake.wait()
                if self._stop:
                    return
                ticket, job = self._jobs.popleft()
            try:
                result = job()
            except Exception as exc:  # a bug in a query must not take the window down
                _emit(self._delivered, ticket, False, failure_message(exc))
            else:
                _emit(self._delivered, ticket, True, result)

    def _current(self, ticket: int) -> str | None:
        """The job's name if its result is still wanted (no newer job of that name)."""
        name = self._names.pop(ticket, None)
        if name is None or self._latest.get(name) != ticket:
            return None
        return name

    @Slot(int, bool, object)
    def _on_delivered(self, ticket: int, ok: bool, value: object) -> None:
        name = self._current(ticket)
        if name is not None:
            if ok:
                self.finished.emit(name, value)
            else:
                self.failed.emit(name, str(value))
        if not self._names:
            self.idle.emit()
