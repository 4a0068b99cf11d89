"""Cue latency: how long after the actor finishes does the partner's voice start?

Three ways of voicing the same scene, measured in the same run:

* **pre-rendered**: the app's way. A worker process renders the partner's next lines
  while the actor speaks (render-ahead); on the cue the GUI thread only starts
  ``QMediaPlayer`` on a file that is already on disk.
* **on demand**: the same worker and player, but each line is rendered when it is cued.
* **naive say()**: ``engine.say(text); engine.runAndWait()`` in the GUI thread, as most
  pyttsx3 programs do. Its audio starts when pyttsx3 launches ``aplay`` on the finished
  synthesis, so that moment is taken as its start (``aplay`` itself is only run when it
  is installed, so the benchmark is silent on machines without it).

Cue latency is the time from "actor finished" to "partner audio started" (``QMediaPlayer``
in the playing state, or ``aplay`` launched). Between cues the actor "speaks" for
``--actor-ms`` with the event loop running, which is when render-ahead works. All the
while a ``QTimer`` ticks every 5 ms and the largest gap between its ticks is recorded: the
worst the GUI would have frozen. Goals: median latency <= 30 ms with pre-rendering, and
no gap over 16 ms while the worker renders.

    python benchmarks/bench_cue.py [--lines N] [--actor-ms MS]

Runs offscreen; without a sound card Qt still plays (silently) in real time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from rehearsal.speech.availability import engine_unavailable_reason
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import LinePlan, plan_text
from rehearsal.speech.render import RenderCache
from rehearsal.ui.qt_player import PartnerPlayer, RenderService

GOAL_MEDIAN_MS = 30.0
GOAL_GAP_MS = 16.0
TICK_MS = 5
VOICE = VoiceSettings("gmw/en-us+f3", rate=175)

SCENE = [
    "You're late.",
    "I said I would come, and I came. That has to count for something.",
    "It counted for something an hour ago.",
    "Don't. Not tonight. I drove three hundred miles with the heater broken.",
    "Then sit down before you fall down.",
    "Is that coffee? Tell me that's coffee.",
    "It was coffee this morning. Now it's a decision.",
    "I'll take it. I'll take anything warm.",
    "She called, you know. Twice. She wanted to know if you were still coming.",
    "What did you tell her?",
    "That you never say no to anything, you just arrive late to all of it.",
    "That's not fair.",
    "No. But it's true, and true is what we've got left in this house.",
    "Then let's have the rest of it. All of it. I'm not leaving until we do.",
    "Good. Because the roads are closed, and neither am I.",
]


class GapMeter:
    """A 5 ms QTimer that remembers the longest wait between two of its ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0

    @property
    def largest(self) -> float:
        return max(self.gaps, default=0.0)

    @property
    def p99(self) -> float:
        ordered = sorted(self.gaps)
        return ordered[int(len(ordered) * 0.99)] if ordered else 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    @contextmanager
    def running(self) -> Iterator[None]:
        self._last = time.perf_counter()
        self.gaps = []
        self.timer.start()
        try:
            yield
        finally:
            self.timer.stop()


def run_loop_until(done: Callable[[], bool], timeout: float) -> None:
    """Run the event loop until ``done()``; a nested loop, so timers keep ticking.

    Checks every millisecond with ``QTimer.singleShot`` rather than a started/stopped
    ``QTimer``: PySide6 6.12 on Python 3.11 drops a reference to ``None`` on every call of
    a void Qt method, and thousands of ``start()``/``stop()`` calls end in a fatal error.
    """
    if done():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout

    def check() -> None:
        if done() or time.perf_counter() > deadline:
            loop.quit()
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(1, check)
    loop.exec()
    if not done():
        raise RuntimeError(f"timed out after {timeout} s")


def actor_speaks(milliseconds: int) -> None:
    """The actor's own line: the event loop runs (render-ahead happens now)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    largest_gap: float = 0.0
    p99_gap: float = 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies) * 1000

    @property
    def worst_ms(self) -> float:
        return max(self.latencies) * 1000


def idle_mode(seconds: float) -> Result:
    """The same 5 ms timer with nothing else to do: this machine's own scheduling noise."""
    meter = GapMeter()
    with meter.running():
        actor_speaks(int(seconds * 1000))
    return Result("idle loop", [0.0], meter.largest, meter.p99)


def warm_up_multimedia(folder: Path) -> float:
    """Qt Multimedia loads its backend on first use (~0.1 s); an app pays that at start."""
    silent = folder / "silence.wav"
    with wave.open(str(silent), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(22050)
        writer.writeframes(bytes(4410))
    started = time.perf_counter()
    player = PartnerPlayer()
    player.setPlaybackRate(4.0)
    done: list[int] = []
    player.finished.connect(done.append)
    player.failed.connect(lambda token, _message: done.append(token))
    player.play(silent, 0)
    run_loop_until(lambda: bool(done), 10)
    elapsed = time.perf_counter() - started
    closed: list[object] = []
    player.destroyed.connect(lambda *_: closed.append(True))
    player.close()
    run_loop_until(lambda: bool(closed), 10)
    return elapsed


def has_path(service: RenderService, plan: LinePlan) -> bool:
    return service.ahead.path(plan) is not None


def answered_or_failed(ready: dict[int, Path], request: int, failures: list[str]) -> bool:
    return request in ready or bool(failures)


def longer_than(items: list[float], count: int) -> bool:
    return len(items) > count


def worker_mode(name: str, plans: list[LinePlan], actor_ms: int, prefetch: bool) -> Result:
    """Pre-rendered (``prefetch=True``) or on-demand cues through the worker and player."""
    result = Result(name)
    with tempfile.TemporaryDirectory(prefix="bench-cue-") as folder:
        cache = RenderCache(Path(folder))
        service = RenderService(cache)
        player = PartnerPlayer()
        started: list[float] = []
        player.started.connect(lambda _token: started.append(time.perf_counter()))
        ready: dict[int, Path] = {}
        service.rendered.connect(lambda request, path: ready.__setitem__(request, Path(path)))
        failures: list[str] = []
        service.failed.connect(lambda _request, message: failures.append(message))
        upcoming: list[LinePlan] = []

        def preload_next(*_args: object) -> None:
            """Open the next cue's file on the player's spare deck as soon as it exists."""
            path = service.ahead.path(upcoming[0]) if upcoming else None
            if path is not None:
                player.preload(path)

        if prefetch:
            service.rendered.connect(preload_next)
        answered: list[object] = []
        service.ready.connect(answered.append)
        service.unavailable.connect(answered.append)
        service.start()
        run_loop_until(lambda: bool(answered), 30)
        if service.worker.state != "ready":
            raise RuntimeError(f"speech worker unavailable: {service.worker.unavailable_reason}")
        meter = GapMeter()
        try:
            with meter.running():
                for cue, plan in enumerate(plans):
                    if prefetch:
                        upcoming[:] = [plan]
                        service.prefetch(plans[cue:])
                        preload_next()
                    actor_speaks(actor_ms)
                    t0 = time.perf_counter()  # the actor has finished their line
                    if prefetch:
                        path = service.take(plan)
                        if path is None:  # fell behind: wait for the urgent render
                            run_loop_until(partial(has_path, service, plan), 30)
                            path = service.ahead.path(plan)
                    else:
                        request = service.submit(plan)
                        run_loop_until(partial(answered_or_failed, ready, request, failures), 30)
                        path = ready.get(request)
                    if path is None:
                        raise RuntimeError(f"line {cue} failed to render: {failures}")
                    before = len(started)  # a preloaded line may start inside play()
                    player.play(path, cue)
                    run_loop_until(partial(longer_than, started, before), 10)
                    result.latencies.append(started[-1] - t0)
                    player.stop()
            result.largest_gap, result.p99_gap = meter.largest, meter.p99
        finally:
            closed: list[object] = []
            player.destroyed.connect(lambda *_: closed.append(True))
            player.close()
            service.shutdown()
            run_loop_until(lambda: bool(closed), 10)
    return result


def naive_mode(plans: list[LinePlan], actor_ms: int) -> Result:
    """``engine.say()`` + ``runAndWait()`` in the GUI thread, as pyttsx3 programs do."""
    import pyttsx3
    from pyttsx3.drivers import _espeak
    from pyttsx3.drivers import espeak as espeak_driver

    result = Result("naive say()")
    engine: Any = pyttsx3.init()
    aplay_started = threading.Event()
    stamps: list[float] = []
    real_os = espeak_driver.os
    has_aplay = shutil.which("aplay") is not None

    class RecordingOs:
        """pyttsx3 plays with ``os.system("aplay …")``: note when, then play if we can."""

        def __getattr__(self, name: str) -> Any:
            return getattr(real_os, name)

        @staticmethod
        def system(command: str) -> int:
            stamps.append(time.perf_counter())
            aplay_started.set()
            return real_os.system(command) if has_aplay else 0

    espeak_driver.os = RecordingOs()
    meter = GapMeter()
    try:
        with meter.running():
            for plan in plans:
                actor_speaks(actor_ms)
                text = " ".join(getattr(s, "text", "") for s in plan)
                aplay_started.clear()
                t0 = time.perf_counter()
                engine.setProperty("voice", VOICE.voice_id)
                engine.setProperty("rate", VOICE.rate)
                engine.say(text)
                engine.runAndWait()
                run_loop_until(aplay_started.is_set, 30)
                result.latencies.append(stamps[-1] - t0)
                run_loop_until(lambda: not _espeak.IsPlaying(), 30)
        result.largest_gap, result.p99_gap = meter.largest, meter.p99
    finally:
        espeak_driver.os = real_os
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=len(SCENE), help="partner lines to cue")
    parser.add_argument("--actor-ms", type=int, default=300, help="the actor's line, in ms")
    args = parser.parse_args(argv)
    reason = engine_unavailable_reason()
    if reason is not None:
        print(f"bench_cue: cannot run: {reason}", file=sys.stderr)
        return 2
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    texts = [
        SCENE[i % len(SCENE)] + ("" if i < len(SCENE) else f" Take {i}.") for i in range(args.lines)
    ]
    plans = [plan_text(text, VOICE) for text in texts]
    print(f"Cueing {len(plans)} partner lines, actor lines of {args.actor_ms} ms, offscreen.")
    with tempfile.TemporaryDirectory(prefix="bench-cue-") as folder:
        warm = warm_up_multimedia(Path(folder))
    print(f"(Qt Multimedia start-up, paid once before timing: {warm * 1000:.0f} ms)")
    results = [
        worker_mode("pre-rendered", plans, args.actor_ms, prefetch=True),
        worker_mode("on demand", plans, args.actor_ms, prefetch=False),
        naive_mode(plans, args.actor_ms),
    ]
    idle = idle_mode(len(plans) * args.actor_ms / 1000)
    app.processEvents()
    base = results[0]
    print()
    print(f"{'mode':<14} {'median':>9} {'worst':>9}   5 ms timer gap: {'largest':>8} {'p99':>7}")
    for result in results:
        print(
            f"{result.name:<14} {result.median_ms:>7.1f}ms {result.worst_ms:>7.1f}ms "
            f"{'':17}{result.largest_gap * 1000:>7.1f}ms {result.p99_gap * 1000:>5.1f}ms"
        )
    print(
        f"{idle.name:<14} {'':>9} {'':>9} {'':17}"
        f"{idle.largest_gap * 1000:>7.1f}ms {idle.p99_gap * 1000:>5.1f}ms  (machine noise)"
    )
    print()
    for result in results[1:]:
        ratio = result.median_ms / base.median_ms if base.median_ms else float("inf")
        print(f"median {result.name} / pre-rendered = {ratio:.1f}x")
    worker_gap = max(r.largest_gap for r in results[:2]) * 1000
    latency_ok = base.median_ms <= GOAL_MEDIAN_MS
    gap_ok = worker_gap <= GOAL_GAP_MS
    print(
        f"goal: pre-rendered median <= {GOAL_MEDIAN_MS:g} ms: "
        f"{'PASS' if latency_ok else 'FAIL'} ({base.median_ms:.1f} ms)"
    )
    print(
        f"goal: largest GUI gap <= {GOAL_GAP_MS:g} ms while the worker renders: "
        f"{'PASS' if gap_ok else 'FAIL'} ({worker_gap:.1f} ms; idle loop "
        f"{idle.largest_gap * 1000:.1f} ms on this machine)"
    )
    return 0


if __name__ == "__main__":
    status = main()
    import PySide6

    if sys.version_info < (3, 12) and tuple(PySide6.__version_info__[:2]) == (6, 12):
        # PySide6 6.12.0 on Python 3.11 drops a reference to True on every Signal.emit and
        # to None on every void Qt call; the interpreter then aborts while tearing down.
        # The results are printed by now, so leave without the teardown.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)
