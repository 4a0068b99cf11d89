"""Startup time: launching Rehearsal on the demo scene against launching an empty Qt window.

Each run is a fresh process, timed from start to exit, offscreen:

* **app**: ``rehearsal gui --demo --quit-after-load``, which shows the main window, imports
  the demo scene in the background, displays it and exits;
* **baseline**: a bare ``QApplication`` with an empty ``QMainWindow`` shown, then exits.

Both pay the interpreter's and Qt's start and teardown, so the ratio of the medians is the
cost of the app's own work: its imports, the window, the import of the scene. The goal is
at most 1.5x. Runs alternate between the two so that a busy machine slows both alike; one
warm-up of each is not counted (it fills the disk cache and creates the data folder, so
the timed runs are a returning user's launch).

    python benchmarks/bench_startup.py [--runs N] [--exe path/to/bundle/rehearsal]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

GOAL_RATIO = 1.5
RUN_TIMEOUT_S = 120.0

BASELINE_CODE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1000, 760)
window.show()
QTimer.singleShot(50, lambda: app.exit(0))
sys.exit(app.exec())
"""


class LaunchFailed(RuntimeError):
    """A launch exited with an error or hung: the numbers would mean nothing."""


@dataclass(frozen=True, slots=True)
class Timings:
    """Wall-clock seconds of each timed launch of one command."""

    name: str
    seconds: list[float]

    @property
    def median(self) -> float:
        """The median launch: robust to one run hit by another process."""
        return statistics.median(self.seconds)


def app_command(exe: Path | None, data_dir: Path) -> list[str]:
    """The app's launch: the bundle binary when given, else this interpreter's package."""
    program = [str(exe)] if exe else [sys.executable, "-m", "rehearsal"]
    return [*program, "--data-dir", str(data_dir), "gui", "--demo", "--quit-after-load"]


def baseline_command() -> list[str]:
    """An empty main window in a fresh interpreter: the floor any Qt app starts from."""
    return [sys.executable, "-c", BASELINE_CODE]


def launch(command: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from starting ``command`` to its exit; raises when it fails or hangs."""
    start = time.perf_counter()
    try:
        result = subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            env=env,
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise LaunchFailed(f"did not exit within {RUN_TIMEOUT_S:.0f} s") from None
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise LaunchFailed(f"exit status {result.returncode}: {last}")
    return elapsed


def measure(app: Sequence[str], baseline: Sequence[str], runs: int) -> tuple[Timings, Timings]:
    """Time ``runs`` launches of each after one warm-up each, alternating between them."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for command in (app, baseline):
        launch(command, env)
    app_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(runs):
        app_times.append(launch(app, env))
        baseline_times.append(launch(baseline, env))
    return Timings("app (demo scene loaded)", app_times), Timings("baseline", baseline_times)


def report(app: Timings, baseline: Timings) -> str:
    """The table and verdict printed at the end."""
    lines = [f"{'':<26}{'median':>10}{'min':>10}{'max':>10}   (runs: {len(app.seconds)})"]
    for timings in (app, baseline):
        lines.append(
            f"{timings.name:<26}{timings.median * 1000:>8.0f}ms"
            f"{min(timings.seconds) * 1000:>8.0f}ms{max(timings.seconds) * 1000:>8.0f}ms"
        )
    ratio = app.median / baseline.median
    verdict = "meets" if ratio <= GOAL_RATIO else "misses"
    lines.append(f"ratio app/baseline: {ratio:.2f}x ({verdict} the goal of <= {GOAL_RATIO}x)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print medians and the ratio; exit 1 if a launch failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed launches of each (default 7)")
    parser.add_argument(
        "--exe", type=Path, help="time this built bundle binary instead of python -m rehearsal"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.exe is not None and not args.exe.is_file():
        parser.error(f"--exe {args.exe}: no such file")
    with tempfile.TemporaryDirectory(prefix="rehearsal-bench-") as tmp:
        app = app_command(args.exe, Path(tmp) / "data")
        try:
            app_timings, baseline_timings = measure(app, baseline_command(), args.runs)
        except LaunchFailed as exc:
            print(f"bench_startup: a launch failed: {exc}", file=sys.stderr)
            return 1
    print(report(app_timings, baseline_timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
