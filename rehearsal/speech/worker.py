"""One long-lived renderer that owns the pyttsx3 engine, in its own *spawned* process.

Why a process and not a thread:

* eSpeak keeps one global state per process and pyttsx3 shares one engine per driver, so
  whoever owns the engine must own it alone; a separate process makes that structural.
* A render cannot be interrupted from outside: ``engine.stop()`` from another thread does
  nothing. A stuck or crashed render in a process is ended with ``terminate()`` and the
  process started again; a stuck thread could only be abandoned, holding eSpeak forever.
* pyttsx3 runs eSpeak asynchronously: eSpeak synthesises on a thread of its own and calls
  back into Python for every audio chunk (taking the GIL to append to a buffer). In a
  separate process none of that competes with the GUI thread.
* That eSpeak thread is also why forking after eSpeak is initialised hangs (the child
  inherits eSpeak's locks but not its thread). The GUI process therefore never initialises
  eSpeak, and the worker is started with ``spawn`` — a fresh interpreter, ready in ~0.3 s
  including eSpeak's start and a test render — which works the same on every platform.
  (A program that starts the worker must guard its entry point with
  ``if __name__ == "__main__":``, as ``spawn`` re-imports the main module.)

The same process runs Flite and Festival (:mod:`rehearsal.speech.backends`) when they are
installed, so every voice shares one queue, one cache and one watchdog; finding them adds
20-50 ms to the start with Flite and ~0.5 s with Festival (it asks Festival for its
voice list), and if pyttsx3 cannot start, their voices still speak.

Requests and results are small picklable dataclasses on two ``multiprocessing`` queues;
audio travels as files in the render cache. The child drains its request queue before each
render and renders the most urgent request first (priority 0 = "the actor just finished
their line"), so a cue jumps ahead of render-ahead work. The parent side
(:class:`RenderWorker`) never blocks in :meth:`RenderWorker.poll`, answers cache hits
without a round trip, and watches the child: a render that overruns ``render_timeout`` or
a child that dies is reported as a failed line and the child is started again (after a
few restarts with no line rendered in between, speech is declared unavailable).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import multiprocessing
import os
import queue
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.context import SpawnProcess
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

from rehearsal.speech.availability import default_driver_name
from rehearsal.speech.backends import EXTRA_BACKENDS, SpeechBackends
from rehearsal.speech.direction import LinePlan
from rehearsal.speech.render import (
    EngineBrokenError,
    RenderCache,
    Renderer,
    RenderError,
)
from rehearsal.speech.voices import SpeechUnavailableError, VoiceCatalog

PRIORITY_NOW = 0
"""The line the actor is waiting for; render-ahead uses 1, 2, … by distance."""
DEFAULT_CACHE_LIMIT = 256 * 1024 * 1024
_PARENT_CHECK_SECONDS = 1.0


# --- messages to the child -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RenderRequest:
    request_id: int
    plan: LinePlan
    priority: int = PRIORITY_NOW


@dataclass(frozen=True, slots=True)
class CancelRequests:
    request_ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class StopWorker:
    pass


# --- messages from the child -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WorkerReady:
    """The engine started; ``catalog`` is what it offers (the app lists voices from it)."""

    catalog: VoiceCatalog
    pid: int


@dataclass(frozen=True, slots=True)
class WorkerUnavailable:
    """No speech on this machine; ``reason`` is for the actor."""

    reason: str


@dataclass(frozen=True, slots=True)
class RenderStarted:
    request_id: int


@dataclass(frozen=True, slots=True)
class Rendered:
    request_id: int
    path: Path
    cached: bool
    seconds: float


@dataclass(frozen=True, slots=True)
class RenderFailed:
    request_id: int
    message: str


WorkerEvent = WorkerReady | WorkerUnavailable | Rendered | RenderFailed


def serve(
    requests: Queue[Any],
    results: Queue[Any],
    cache_root: str,
    driver_name: str | None,
    cache_limit: int,
    parent_pid: int,
    extra_backends: tuple[str, ...] = EXTRA_BACKENDS,
) -> None:
    """The child process: start the engine, then render requests until told to stop."""
    # Ctrl+C reaches the whole process group; the parent decides when the worker stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cache = RenderCache(Path(cache_root))
    with contextlib.suppress(OSError):
        cache.prune(cache_limit)
    try:
        engine = SpeechBackends.start(driver_name, extra_backends)
    except SpeechUnavailableError as exc:
        results.put(WorkerUnavailable(str(exc)))
        return
    except Exception as exc:
        results.put(WorkerUnavailable(f"the speech engine failed to start: {exc}"))
        return
    renderer = Renderer(cache, engine)
    results.put(WorkerReady(engine.catalog, os.getpid()))
    pending: list[tuple[int, int, RenderRequest]] = []
    while True:
        try:
            if not _receive(requests, pending, block=not pending):
                return
        except (EOFError, OSError):
            return
        if not pending:
            if os.getppid() != parent_pid:
                return
            continue
        request = heapq.heappop(pending)[2]
        results.put(RenderStarted(request.request_id))
        try:
            result = renderer.render(request.plan)
        except EngineBrokenError as exc:
            results.put(RenderFailed(request.request_id, str(exc)))
            return
        except RenderError as exc:
            results.put(RenderFailed(request.request_id, str(exc)))
        except Exception as exc:
            results.put(
                RenderFailed(request.request_id, f"unexpected error while rendering: {exc}")
            )
        else:
            results.put(Rendered(request.request_id, result.path, result.cached, result.seconds))


def _receive(
    requests: Queue[Any], pending: list[tuple[int, int, RenderRequest]], *, block: bool
) -> bool:
    """Move every waiting message into ``pending``; False when told to stop."""
    while True:
        try:
            if block:
                message = requests.get(timeout=_PARENT_CHECK_SECONDS)
            else:
                message = requests.get_nowait()
        except queue.Empty:
            return True
        block = False
        if isinstance(message, StopWorker):
            return False
        if isinstance(message, CancelRequests):
            pending[:] = [p for p in pending if p[2].request_id not in message.request_ids]
            heapq.heapify(pending)
        elif isinstance(message, RenderRequest):
            heapq.heappush(pending, (message.priority, message.request_id, message))


class RenderWorker:
    """The app's handle on the render process; see the module docstring for why a process.

    Not thread-safe: use it from one thread (the GUI thread, through ``RenderService``).
    """

    def __init__(
        self,
        cache: RenderCache,
        *,
        driver_name: str | None = None,
        extra_backends: tuple[str, ...] = EXTRA_BACKENDS,
        start_timeout: float = 15.0,
        render_timeout: float = 20.0,
        max_restarts: int = 3,
        cache_limit: int = DEFAULT_CACHE_LIMIT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.cache = cache
        self.driver_name = driver_name
        self.extra_backends = extra_backends
        """Which of Flite and Festival to offer when installed (tests narrow it)."""
        self.start_timeout = start_timeout
        self.render_timeout = render_timeout
        self.max_restarts = max_restarts
        self.cache_limit = cache_limit
        self._clock = clock
        self._context = multiprocessing.get_context("spawn")
        self._process: SpawnProcess | None = None
        self._requests: Queue[Any] | None = None
        self._results: Queue[Any] | None = None
        self._ids = itertools.count(1)
        self._outstanding: dict[int, RenderRequest] = {}
        self._in_flight: tuple[int, float] | None = None
        self._events: deque[WorkerEvent] = deque()
        self._started_at = 0.0
        self.state = "stopped"
        self.restarts = 0
        self._restarts_in_a_row = 0
        self.catalog: VoiceCatalog | None = None
        self.unavailable_reason: str | None = None

    # --- lifecycle ---------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def is_alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def start(self) -> None:
        """Spawn the process; returns at once (``WorkerReady`` arrives through ``poll``)."""
        if self.state in ("starting", "ready"):
            return
        self.unavailable_reason = None
        self._spawn()

    def _spawn(self) -> None:
        self._requests = self._context.Queue()
        self._results = self._context.Queue()
        self._process = self._context.Process(
            target=serve,
            args=(
                self._requests,
                self._results,
                str(self.cache.root),
                self.driver_name,
                self.cache_limit,
                os.getpid(),
                self.extra_backends,
            ),
            name="rehearsal-speech",
            daemon=True,
        )
        self._process.start()
        self._started_at = self._clock()
        self._in_flight = None
        self.state = "starting"
        for request in sorted(self._outstanding.values(), key=lambda r: (r.priority, r.request_id)):
            self._requests.put(request)

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop the process: ask, then terminate, then kill; never hangs past ~timeout + 2 s."""
        process = self._process
        if process is not None:
            if self._requests is not None and process.is_alive():
                with contextlib.suppress(Exception):
                    self._requests.put(StopWorker())
            process.join(timeout)
            if process.is_alive():
                process.terminate()
                process.join(1.0)
            if process.is_alive():
                process.kill()
                process.join(1.0)
            with contextlib.suppress(Exception):
                process.close()
        self._close_queues()
        self._process = None
        self._outstanding.clear()
        self._in_flight = None
        if self.state != "unavailable":
            self.state = "stopped"

    def _close_queues(self) -> None:
        for q in (self._requests, self._results):
            if q is not None:
                q.cancel_join_thread()
                q.close()
        self._requests = self._results = None

    def __enter__(self) -> RenderWorker:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    # --- requests ----------------------------------------------------------------------

    def submit(self, plan: LinePlan, priority: int = PRIORITY_NOW) -> int:
        """Queue a line; its ``Rendered`` / ``RenderFailed`` comes back through ``poll``.

        A line already in the cache is answered from here without a round trip.
        """
        request_id = next(self._ids)
        if not plan:
            self._events.append(RenderFailed(request_id, "there is nothing to say in this line"))
            return request_id
        found = self.cache.lookup(plan, self.driver_name or default_driver_name())
        if found is not None:
            self._events.append(Rendered(request_id, found, cached=True, seconds=0.0))
            return request_id
        if self.state == "unavailable":
            reason = self.unavailable_reason or "speech is unavailable"
            self._events.append(RenderFailed(request_id, reason))
            return request_id
        if self.state == "stopped":
            self.start()
        request = RenderRequest(request_id, plan, priority)
        self._outstanding[request_id] = request
        assert self._requests is not None
        self._requests.put(request)
        return request_id

    def cancel(self, request_ids: Iterable[int]) -> None:
        """Drop queued requests (render-ahead that is no longer ahead); no result follows."""
        ids = frozenset(i for i in request_ids if i in self._outstanding)
        if not ids:
            return
        for request_id in ids:
            del self._outstanding[request_id]
        if self._requests is not None:
            self._requests.put(CancelRequests(ids))

    @property
    def rendering(self) -> int | None:
        """The request the worker is rendering right now, if any."""
        return self._in_flight[0] if self._in_flight else None

    @property
    def outstanding(self) -> int:
        """Requests sent and not yet answered."""
        return len(self._outstanding)

    # --- results -----------------------------------------------------------------------

    def poll(self, timeout: float = 0.0) -> list[WorkerEvent]:
        """Everything that happened since the last call.

        With the default ``timeout=0`` this never blocks (the GUI thread's use); a positive
        timeout waits up to that long for the worker's next message when none is waiting.
        """
        self._collect(timeout if not self._events else 0.0)
        events = list(self._events)
        self._events.clear()
        return events

    def wait(self, request_id: int, timeout: float = 10.0) -> Rendered | RenderFailed:
        """Block until one request is answered (CLI, benchmarks); other events stay queued."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self._events:
                if isinstance(event, Rendered | RenderFailed) and event.request_id == request_id:
                    self._events.remove(event)
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return RenderFailed(request_id, f"no answer from the speech worker in {timeout} s")
            self._collect(min(remaining, 0.05))

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Block until the engine has started or failed; True when it is ready."""
        if self.state == "stopped":
            self.start()
        deadline = time.monotonic() + timeout
        while self.state == "starting" and time.monotonic() < deadline:
            self._collect(min(deadline - time.monotonic(), 0.05))
        return self.state == "ready"

    def _collect(self, timeout: float) -> None:
        results = self._results
        if results is not None:
            block_for = timeout
            while True:
                try:
                    if block_for > 0:
                        message = results.get(timeout=block_for)
                    else:
                        message = results.get_nowait()
                except (queue.Empty, EOFError, OSError):
                    break
                block_for = 0.0
                self._handle(message)
        self._check_health()

    def _handle(self, message: object) -> None:
        if isinstance(message, WorkerReady):
            self.state = "ready"
            if self.catalog is None:
                self._events.append(message)  # once: a restarted engine offers the same voices
            self.catalog = message.catalog
        elif isinstance(message, WorkerUnavailable):
            self._give_up(message.reason)
        elif isinstance(message, RenderStarted):
            if message.request_id in self._outstanding:
                self._in_flight = (message.request_id, self._clock())
        elif isinstance(message, Rendered | RenderFailed):
            if self._in_flight and self._in_flight[0] == message.request_id:
                self._in_flight = None
            if isinstance(message, Rendered):
                self._restarts_in_a_row = 0  # an occasional crash is survivable
            if self._outstanding.pop(message.request_id, None) is not None:
                self._events.append(message)

    def _give_up(self, reason: str) -> None:
        self.state = "unavailable"
        self.unavailable_reason = reason
        self._events.append(WorkerUnavailable(reason))
        for request_id in sorted(self._outstanding):
            self._events.append(RenderFailed(request_id, reason))
        self._outstanding.clear()
        self._in_flight = None

    def _check_health(self) -> None:
        process = self._process
        if process is None or self.state not in ("starting", "ready"):
            if process is not None and self.state == "unavailable":
                self._stop_process()
            return
        now = self._clock()
        if self.state == "starting" and now - self._started_at > self.start_timeout:
            self._stop_process()
            self._give_up(f"the speech engine did not start within {self.start_timeout:g} s")
            return
        if self._in_flight and now - self._in_flight[1] > self.render_timeout:
            self._restart(
                self._in_flight[0],
                f"rendering took longer than {self.render_timeout:g} s and was stopped",
            )
            return
        if not process.is_alive():
            # Read what the child sent before it went, so a finished line is not lost.
            self._drain_dead()
            if self.state == "unavailable":
                return
            crashed = self._in_flight[0] if self._in_flight else None
            self._restart(crashed, f"the speech engine stopped (exit code {process.exitcode})")

    def _drain_dead(self) -> None:
        results = self._results
        while results is not None:
            try:
                message = results.get_nowait()
            except (queue.Empty, EOFError, OSError):
                break
            self._handle(message)

    def _stop_process(self) -> None:
        process = self._process
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(1.0)
        self._close_queues()
        self._process = None

    def _restart(self, failed_id: int | None, message: str) -> None:
        self._stop_process()
        if failed_id is not None and self._outstanding.pop(failed_id, None) is not None:
            self._events.append(RenderFailed(failed_id, message))
        self.restarts += 1
        self._restarts_in_a_row += 1
        if self._restarts_in_a_row > self.max_restarts:
            self._give_up(f"{message}; gave up after {self.max_restarts} restarts in a row")
            return
        self._spawn()
