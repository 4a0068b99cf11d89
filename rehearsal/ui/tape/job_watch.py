"""Watching a tape job (trim, export, repair) from the GUI: a timer polls, signals report.

The encoding runs in a process of its own (:mod:`rehearsal.tape.jobs`), so it never holds
the window's interpreter; this object only asks it, a few times a second and without
waiting, what it has to say, and turns that into Qt signals on the GUI thread. Every dialog
that starts a tape job goes through here, so there is one way a job is polled, cancelled
and cleaned up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from rehearsal.tape.jobs import JobKind, TapeJob

POLL_MS = 100
"""How often the job is asked for news: progress bars move smoothly at 10 a second."""


class JobWatcher(QObject):
    """Starts one tape job and reports ``progress`` (0–1), then exactly one outcome.

    ``stopped(sentence)`` comes with ``failed`` and with ``cancelled``: a dialog shows either
    the same way, with ``cancelled_text`` saying what a cancel left behind.
    """

    progress = Signal(float)
    succeeded = Signal(object)  # the job's result
    failed = Signal(str)  # one sentence for the actor (the core's TapeError names the file)
    cancelled = Signal()
    stopped = Signal(str)  # failed or cancelled, in one sentence
    finished = Signal()  # after the outcome

    def __init__(self, parent: QObject | None = None, *, cancelled_text: str = "") -> None:
        super().__init__(parent)
        self.cancelled_text = cancelled_text
        self._job: TapeJob | None = None
        self._cancelling = False
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        """Whether a job was started and has not reported its outcome yet."""
        return self._job is not None

    def start(self, kind: JobKind, **kwargs: Any) -> None:
        """Start ``kind`` (``"trim"``, ``"export"``, ``"repair"``, …) with its arguments."""
        from rehearsal.tape.jobs import TapeJob

        if self._job is not None:
            raise RuntimeError("a tape job is already running here")
        self._cancelling = False
        self._job = TapeJob.start(kind, **kwargs)
        self._timer.start()

    @Slot()
    def cancel(self) -> None:
        """Ask the job to stop; ``cancelled`` follows once it has (what it made is removed)."""
        if self._job is not None and not self._cancelling:
            self._cancelling = True
            self._job.cancel()

    def shutdown(self) -> None:
        """Cancel and stop polling (the dialog is going away); nothing more is reported."""
        self._timer.stop()
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            job.close()

    @Slot()
    def _poll(self) -> None:
        from rehearsal.tape.jobs import JobError, JobProgress, JobResult

        job = self._job
        if job is None:
            self._timer.stop()
            return
        while True:
            news = job.poll()
            if news is None:
                return
            if isinstance(news, JobProgress):
                self.progress.emit(float(news.fraction))
                continue
            self._timer.stop()
            self._job = None
            if isinstance(news, JobResult):
                self.succeeded.emit(news.value)
            elif isinstance(news, JobError) and news.cancelled:
                self.cancelled.emit()
                self.stopped.emit(self.cancelled_text)
            elif isinstance(news, JobError):
                self.failed.emit(news.message)
                self.stopped.emit(news.message)
            self.finished.emit()
            return
