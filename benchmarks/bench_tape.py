"""Recording a self-tape: dropped frames and the GUI's event-loop gap, reader on and off.

    .venv/bin/python benchmarks/bench_tape.py [--seconds 60] [--fps 30]

Records 1280x720 at 30 fps from generated frames (``QVideoFrameInput`` and
``QAudioBufferInput``, through the same capture session and recorder as a camera) into a
temporary tape library, twice: with the reader off (the baseline), then with the reader's
eSpeak NG lines playing one after another through the partner's player and journalled
into the take as cues, as in tape mode. For each run it prints the frames the recorder
refused or that came a whole frame late, the frames PyAV counts in the file against the
frames due, and the longest and 99th-percentile gap of a 4 ms timer on the GUI thread
(goal: 0 dropped, gap under 16 ms), then the reader run's figures as ratios of the
baseline's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

import av
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSize, Qt, QTimer
from PySide6.QtWidgets import QApplication

from rehearsal.paths import Paths
from rehearsal.speech.availability import engine_unavailable_reason
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import plan_text
from rehearsal.speech.render import RenderCache, Renderer, SpeechEngine
from rehearsal.tape.library import TakeInfo, TapeLibrary
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.qt_player import PartnerPlayer
from rehearsal.ui.tape.capture import GeneratedSource, TapeCapture
from rehearsal.ui.tape.reader_log import ReaderLog

LINES = (
    "You're late. The truck's been loaded for an hour.",
    "I know what you saw. I saw it too.",
    "Then say it. Say it out loud, just once, so we both hear it.",
    "Not here. Not with the engine running.",
)
TICK_MS = 4


@dataclass
class Run:
    due: int
    sent: int
    dropped: int
    in_file: int
    max_gap_ms: float
    p99_gap_ms: float
    cues: int


def wait(app: QApplication, condition: Callable[[], bool], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def frames_in(path: Path) -> int:
    with av.open(str(path)) as container:
        video = container.streams.video[0]
        return sum(1 for packet in container.demux(video) if packet.size > 0)


def record(
    app: QApplication, folder: Path, seconds: float, fps: float, wavs: list[Path] | None
) -> Run:
    library = TapeLibrary(folder)
    source = GeneratedSource(QSize(1280, 720), fps, realtime=True, seconds=seconds)
    capture = TapeCapture(source)
    runner = BackgroundRunner(name="bench journal")
    player = PartnerPlayer() if wavs else None
    log = ReaderLog(player, runner, capture.elapsed_s)
    take = library.begin(TakeInfo("Bench", "NINA", "Bench", None), capture.suffix)
    log.begin(take)
    gaps: list[float] = []
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setTimerType(Qt.TimerType.PreciseTimer)
    ticker.setInterval(TICK_MS)

    def on_tick() -> None:
        gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    ticker.timeout.connect(on_tick)
    token = 0

    def next_line() -> None:
        nonlocal token
        if player is not None and wavs and capture.is_recording():
            token += 1
            player.play(wavs[token % len(wavs)], token)

    if player is not None:
        player.finished.connect(lambda _t: QTimer.singleShot(300, next_line))
    stopped: list[str] = []
    capture.stopped.connect(stopped.append)

    def begin() -> None:
        clock.start()
        ticker.start()
        next_line()

    capture.started.connect(begin)
    capture.record(take.raw_path)
    wait(app, lambda: capture.elapsed_s() >= seconds + 0.2, seconds + 30)
    ticker.stop()
    log.end()
    capture.stop()
    wait(app, lambda: bool(stopped), 30)
    wait(app, lambda: runner.pending == 0, 10)
    runner.shutdown()
    if player is not None:
        player.close()
    gaps = [gap - TICK_MS for gap in gaps[1:]] or [0.0]
    return Run(
        due=int(seconds * fps),
        sent=source.sent,
        dropped=source.dropped,
        in_file=frames_in(Path(stopped[0])) if stopped else 0,
        max_gap_ms=max(gaps),
        p99_gap_ms=statistics.quantiles(gaps, n=100)[98] if len(gaps) > 100 else max(gaps),
        cues=len(take.cues),
    )


def render_lines(cache_dir: Path) -> tuple[list[Path], str | None]:
    reason = engine_unavailable_reason()
    if reason is not None:
        return [], reason
    renderer = Renderer(RenderCache(cache_dir), SpeechEngine())
    voice = VoiceSettings("gmw/en-us+m3")
    return [renderer.render(plan_text(text, voice)).path for text in LINES], None


def show(label: str, run: Run) -> None:
    print(
        f"{label:<12} frames due {run.due:5d}  sent {run.sent:5d}  dropped {run.dropped:3d}  "
        f"in file {run.in_file:5d}  gap max {run.max_gap_ms:6.1f} ms  p99 "
        f"{run.p99_gap_ms:5.1f} ms  cues {run.cues}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--fps", type=float, default=30.0)
    args = parser.parse_args(argv[1:])
    app = QApplication(argv[:1])
    with tempfile.TemporaryDirectory(prefix="bench-tape-") as scratch:
        root = Paths.under(Path(scratch)).ensure()
        wavs, reason = render_lines(root.cache / "speech")
        print(f"1280x720 at {args.fps:g} fps for {args.seconds:g} s from generated frames")
        off = record(app, root.data / "off", args.seconds, args.fps, None)
        show("reader off", off)
        if reason is not None:
            print(f"reader on    skipped: {reason}")
            return 0
        on = record(app, root.data / "on", args.seconds, args.fps, wavs)
        show("reader on", on)
        base = max(off.max_gap_ms, 0.1)
        print(
            f"reader on / off: gap max {on.max_gap_ms / base:.2f}x, p99 "
            f"{on.p99_gap_ms / max(off.p99_gap_ms, 0.1):.2f}x, dropped "
            f"{on.dropped - off.dropped:+d}, frames in file {on.in_file - off.in_file:+d}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
