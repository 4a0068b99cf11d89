"""Finishing, trimming, exporting and repairing tapes in a child process.

Encoding a take holds a core for tens of seconds. In a thread of the app it would also
hold the GIL between FFmpeg calls (every frame passes through Python: the reader's mix,
the frame slots), and the window would stutter; and FFmpeg failing hard (it can crash on
a damaged file) would take the app with it. So the work runs in a *spawned* process (a
fork would copy Qt's threads), one per job, and talks back through a queue:

* :meth:`TapeJob.start` returns at once; the UI calls :meth:`TapeJob.poll` from a timer,
  which never blocks and returns the newest :class:`JobProgress`, then one
  :class:`JobResult` or :class:`JobError`.
* :meth:`TapeJob.cancel` asks the work to stop (it checks between frames and leaves the
  raw recording as it was); if it has not stopped after a grace period it is terminated.
* A child that dies without a word is reported as an error, never as a hang.

Qt-free, so it is tested here with real encodes; a program that starts jobs must guard its
entry point with ``if __name__ == "__main__":``, as ``spawn`` re-imports the main module.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import multiprocessing
import os
import queue
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.context import SpawnProcess
from multiprocessing.synchronize import Event
from typing import Any, Literal

JobKind = Literal["finish", "trim", "export", "repair"]
WORK: dict[str, tuple[str, str]] = {
    "finish": ("rehearsal.tape.finish", "finish_take"),
    "trim": ("rehearsal.tape.trim", "trim_take"),
    "export": ("rehearsal.tape.export", "export_takes"),
    "repair": ("rehearsal.tape.repair", "repair_unfinished"),
}
PROGRESS_STEP = 0.005
"""Report progress only when it moved this much: a frame-by-frame stream would flood the queue."""
CANCEL_GRACE_S = 5.0


@dataclass(frozen=True, slots=True)
class JobProgress:
    """How far the work is, from 0 to 1."""

    fraction: float


@dataclass(frozen=True, slots=True)
class JobResult:
    """What the work returned (a ``TapeTake``, a list of paths or of repair reports)."""

    value: Any


@dataclass(frozen=True, slots=True)
class JobError:
    """Why the work failed, in words for the actor (naming the file), or that it was stopped."""

    message: str
    cancelled: bool = False


JobEvent = JobProgress | JobResult | JobError


class TapeJob:
    """One piece of tape work running in its own process."""

    def __init__(
        self,
        kind: JobKind,
        kwargs: dict[str, Any],
        *,
        grace_s: float = CANCEL_GRACE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if kind not in WORK:
            raise ValueError(f"no such tape work: {kind!r}")
        self.kind = kind
        self._kwargs = kwargs
        self._grace_s = grace_s
        self._clock = clock
        context = multiprocessing.get_context("spawn")
        self._events: multiprocessing.Queue[tuple[str, Any]] = context.Queue()
        self._cancel: Event = context.Event()
        self._process: SpawnProcess = context.Process(
            target=_child,
            args=(kind, kwargs, self._events, self._cancel),
            name=f"rehearsal-tape-{kind}",
            daemon=True,
        )
        self._cancel_at: float | None = None
        self.outcome: JobResult | JobError | None = None

    @classmethod
    def start(cls, kind: JobKind, **kwargs: Any) -> TapeJob:
        """Start ``kind`` with the work function's keyword arguments; returns at once."""
        job = cls(kind, kwargs)
        job._process.start()
        return job

    def begin(self) -> TapeJob:
        """Start a job built with :meth:`__init__` (a test's clock or grace period)."""
        self._process.start()
        return self

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def done(self) -> bool:
        return self.outcome is not None

    def poll(self) -> JobEvent | None:
        """The newest news, without blocking: the outcome once, else the latest progress."""
        if self.outcome is not None:
            return None
        progress: JobProgress | None = None
        while True:
            try:
                tag, value = self._events.get_nowait()
            except (queue.Empty, OSError, ValueError):
                break
            event = _event(tag, value)
            if isinstance(event, JobProgress):
                progress = event
            else:
                return self._finish(event)
        if progress is None and not self._process.is_alive():
            return self._finish(self._silent_end())
        if (
            self._cancel_at is not None
            and self._clock() - self._cancel_at > self._grace_s
            and self._process.is_alive()
        ):
            self._stop()
            return self._finish(JobError("Stopped.", cancelled=True))
        return progress

    @property
    def sentinel(self) -> int:
        """Ready when the process has ended (for ``multiprocessing.connection.wait``)."""
        return self._process.sentinel

    def wait(
        self, timeout: float, on_progress: Callable[[float], None] | None = None
    ) -> JobResult | JobError | None:
        """Block until the outcome or ``timeout`` seconds (for the CLI and tests)."""
        deadline = time.monotonic() + timeout
        while self.outcome is None and time.monotonic() < deadline:
            try:
                left = max(0.0, deadline - time.monotonic())
                tag, value = self._events.get(timeout=min(0.2, left))
            except queue.Empty:
                self.poll()
                continue
            event = _event(tag, value)
            if isinstance(event, JobProgress):
                if on_progress is not None:
                    on_progress(event.fraction)
            else:
                self._finish(event)
        return self.outcome

    def cancel(self) -> None:
        """Ask the work to stop; :meth:`poll` reports it, terminating it after the grace period."""
        if self.outcome is None and self._cancel_at is None:
            self._cancel.set()
            self._cancel_at = self._clock()

    def close(self) -> None:
        """Stop the process if it still runs and release the queue (at window close)."""
        if self._process.is_alive():
            self._cancel.set()
            self._process.join(1.0)
            self._stop()
        self._events.cancel_join_thread()
        self._events.close()

    def _stop(self) -> None:
        """Terminate, then kill: a stopped or stuck child ignores a polite signal."""
        with contextlib.suppress(AssertionError, ValueError):
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(0.5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(1.0)

    def _finish(self, event: JobResult | JobError) -> JobResult | JobError:
        self.outcome = event
        with contextlib.suppress(AssertionError):
            self._process.join(1.0)
        return event

    def _silent_end(self) -> JobResult | JobError:
        """The child is gone: one last look for its word, else say it stopped."""
        try:
            tag, value = self._events.get(timeout=0.5)
        except (queue.Empty, OSError, ValueError):
            code = self._process.exitcode
            return JobError(f"The tape work stopped unexpectedly (exit code {code}).")
        event = _event(tag, value)
        if isinstance(event, JobProgress):
            return self._silent_end()
        return event


def _event(tag: str, value: Any) -> JobEvent:
    if tag == "progress":
        return JobProgress(float(value))
    if tag == "result":
        return JobResult(value)
    return JobError(str(value), cancelled=tag == "cancelled")


def _child(
    kind: str,
    kwargs: dict[str, Any],
    events: multiprocessing.Queue[tuple[str, Any]],
    cancel: Event,
) -> None:
    """The child process: run the work, report progress, send the outcome, exit."""
    if os.name != "nt":
        os.umask(0o077)  # what FFmpeg creates is private too
    from rehearsal.tape.errors import TapeCancelled, TapeError

    module_name, function_name = WORK[kind]
    work = getattr(importlib.import_module(module_name), function_name)
    accepted = inspect.signature(work).parameters
    last = [-1.0]

    def on_progress(fraction: float) -> None:
        if fraction >= 1.0 or fraction - last[0] >= PROGRESS_STEP:
            last[0] = fraction
            events.put(("progress", fraction))

    extra: dict[str, Any] = {}
    if "on_progress" in accepted:
        extra["on_progress"] = on_progress
    if "cancelled" in accepted:
        extra["cancelled"] = cancel.is_set
    try:
        result = work(**kwargs, **extra)
    except TapeCancelled as exc:
        events.put(("cancelled", str(exc)))
    except TapeError as exc:
        events.put(("error", str(exc)))
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        events.put(("error", f"The tape work failed ({type(exc).__name__}: {exc})."))
    else:
        events.put(("result", result))
    events.close()
    events.join_thread()
