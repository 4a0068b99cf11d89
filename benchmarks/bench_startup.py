"""Startup time: launching Rehearsal on the demo scene against launching an empty Qt window.

Each run is a fresh process, offscreen, timed from the moment this script starts it to the
moment the window is painted on screen (both print ``time.monotonic()``, which is the same
clock for every process on the machine):

* **app**: ``rehearsal gui --demo --quit-after-load``, which shows the main window, imports
  the demo scene in the background and prints ``scene-shown`` once the page is painted;
* **baseline**: a bare ``QApplication`` with an empty ``QMainWindow``, painted, the same way;
* **plain text viewer**, for context only: menus, a tool bar and the demo file as plain text
  in a ``QTextEdit``, which shows what any real window costs over an empty one.

Both pay the interpreter's and Qt's start, so the ratio of the medians is the cost of the
app's own work: its imports, the window, the import of the scene. The goal is at most 1.5x.
The app goes on after that in the background and prints ``history-ready`` (the history
open and the script saved in it) and ``services-ready`` (the first rehearsal's modules
loaded and the speech worker started); those times are shown too, so nothing the app
defers is hidden. Teardown is left out of both. Runs alternate
between the two so that a busy machine slows both alike; one warm-up of each is not
counted (it fills the disk cache, compiles the bytecode and creates the data folder, so the
timed runs are a returning user's launch).

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
MARK_PREFIX = "startup: "

PAINTED_AND_EXIT = """

def shown():
    window.repaint()
    print(f"startup: window-shown {time.monotonic():.6f}", flush=True)
    app.exit(0)


QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""
"""The end of both reference programs: paint ``window``, print the mark, leave."""

BASELINE_CODE = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1000, 760)
window.show()
"""

VIEWER_CODE = """
import sys
import time
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QTextEdit, QToolBar

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1000, 760)
for title in ("&File", "&View", "&Rehearse", "&Drill", "&Help"):
    menu = window.menuBar().addMenu(title)
    for number in range(6):
        action = QAction(f"Item {number}", window)
        action.setShortcut(QKeySequence(f"Ctrl+Shift+{number}"))
        menu.addAction(action)
bar = QToolBar(window)
window.addToolBar(bar)
for number in range(8):
    bar.addAction(QAction(f"Tool {number}", window))
combo = QComboBox()
combo.addItems(["one", "two"])
bar.addWidget(combo)
page = QTextEdit()
page.setReadOnly(True)
page.setFont(QFont("Courier", 12))
page.setAlignment(Qt.AlignmentFlag.AlignLeft)
page.setPlainText(Path(sys.argv[1]).read_text(encoding="utf-8"))
window.setCentralWidget(page)
window.statusBar().showMessage("ready")
window.show()
"""
DEMO_SCENE = (
    Path(__file__).resolve().parents[1] / "resources" / "scenes" / "demo-night-shift.fountain"
)


class LaunchFailed(RuntimeError):
    """A launch exited with an error, hung or printed no marks: the numbers would be void."""


@dataclass(frozen=True, slots=True)
class Timings:
    """Seconds from process start to one mark, for each timed launch."""

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
    return [sys.executable, "-c", BASELINE_CODE + PAINTED_AND_EXIT]


def viewer_command() -> list[str]:
    """For context: a plain text viewer (menus, a tool bar, the demo file as plain text).

    Not the goal's baseline; it shows what any real window costs over an empty one
    (touching the ``Qt`` namespace alone makes PySide build about ninety enum types).
    """
    return [sys.executable, "-c", VIEWER_CODE + PAINTED_AND_EXIT, str(DEMO_SCENE)]


def parse_marks(stdout: str, start: float) -> dict[str, float]:
    """``{mark: seconds since start}`` from the ``startup: NAME MONOTONIC`` lines."""
    marks: dict[str, float] = {}
    for line in stdout.splitlines():
        if line.startswith(MARK_PREFIX):
            name, _, stamp = line.removeprefix(MARK_PREFIX).partition(" ")
            marks[name] = float(stamp) - start
    return marks


def launch(command: Sequence[str], env: dict[str, str], wanted: Sequence[str]) -> dict[str, float]:
    """Start ``command`` and return the seconds to each of its marks in ``wanted``."""
    start = time.monotonic()
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
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise LaunchFailed(f"exit status {result.returncode}: {last}")
    marks = parse_marks(result.stdout, start)
    missing = [name for name in wanted if name not in marks]
    if missing:
        raise LaunchFailed(f"no {', '.join(missing)} mark in the output of {command[0]}")
    return marks


APP_MARKS = ("scene-shown", "history-ready", "services-ready")
BASELINE_MARKS = ("window-shown",)


def measure(
    app: Sequence[str], baseline: Sequence[str], viewer: Sequence[str], runs: int
) -> list[Timings]:
    """Time ``runs`` launches of each after one warm-up each, alternating between them."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # An installed app has its bytecode compiled; let the warm-up write it for a source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    launch(app, env, APP_MARKS)
    launch(baseline, env, BASELINE_MARKS)
    launch(viewer, env, BASELINE_MARKS)
    shown: list[float] = []
    ready: list[float] = []
    services: list[float] = []
    floor: list[float] = []
    plain: list[float] = []
    for _ in range(runs):
        marks = launch(app, env, APP_MARKS)
        shown.append(marks["scene-shown"])
        ready.append(marks["history-ready"])
        services.append(marks["services-ready"])
        floor.append(launch(baseline, env, BASELINE_MARKS)["window-shown"])
        plain.append(launch(viewer, env, BASELINE_MARKS)["window-shown"])
    return [
        Timings("app: demo scene shown", shown),
        Timings("baseline: window shown", floor),
        Timings("app: history ready", ready),
        Timings("plain text viewer", plain),
        Timings("app: speech started", services),
    ]


def report(timings: list[Timings]) -> str:
    """The table and verdict printed at the end."""
    shown, baseline, ready, viewer, services = timings
    lines = [f"{'':<26}{'median':>10}{'min':>10}{'max':>10}   (runs: {len(shown.seconds)})"]
    for row in timings:
        lines.append(
            f"{row.name:<26}{row.median * 1000:>8.0f}ms"
            f"{min(row.seconds) * 1000:>8.0f}ms{max(row.seconds) * 1000:>8.0f}ms"
        )
    ratio = shown.median / baseline.median
    verdict = "meets" if ratio <= GOAL_RATIO else "misses"
    lines.append(f"ratio app/baseline: {ratio:.2f}x ({verdict} the goal of <= {GOAL_RATIO}x)")
    lines.append(
        f"the history is open and the script stored {ready.median * 1000:.0f} ms after start "
        f"({ready.median / baseline.median:.2f}x the baseline), in the background while the "
        "page is on screen"
    )
    lines.append(
        f"the rehearsal's modules are loaded and the speech worker started "
        f"{services.median * 1000:.0f} ms after start"
    )
    lines.append(
        f"for context, a plain text viewer with menus is {viewer.median / baseline.median:.2f}x "
        f"the baseline; the app is {shown.median / viewer.median:.2f}x that viewer"
    )
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
            timings = measure(app, baseline_command(), viewer_command(), args.runs)
        except LaunchFailed as exc:
            print(f"bench_startup: a launch failed: {exc}", file=sys.stderr)
            return 1
    print(report(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
