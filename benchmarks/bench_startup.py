"""Startup time: launching Rehearsal on the home and on the demo scene, against plain windows.

Each run is a fresh process, offscreen, timed from the moment this script starts it to the
moment a mark is printed (every program prints ``time.monotonic()``, which is the same clock
for every process on the machine):

* **home**: ``rehearsal gui --quit-after-load`` on a returning actor's data folder (the
  welcome seen, the demo stored, three sessions in the history), the launch that shows
  the home. It prints ``home-shown`` once the home's first frame is painted,
  ``home-ready`` once what the history says is painted on it, and ``services-ready``
  (the first rehearsal's modules loaded and the speech worker started);
* **demo scene**: ``rehearsal gui --demo --quit-after-load``, which shows the page once the
  scene is imported (``scene-shown``), then stores it (``history-ready``);
* **plain text viewer**: menus, a tool bar, a combo box and the demo file as plain text in a
  ``QTextEdit`` (none of the app's code): the goal is the home within 1.5x its time;
* **baseline**: a bare ``QApplication`` with an empty ``QMainWindow``.

The two references print once their first frame has been painted, as the app's home does
(a repaint asked for before the window is exposed paints nothing, so they wait for the
paint itself). Their ratios are what the goal is about; absolute times depend on the load.

**Opening the demo from the home**: the home launched, then its "Open the demo" button
clicked, timed from the click to the page painted: at the first frame (the actor clicks at
once, while the history and the rehearsal's modules are still loading) and once everything
has loaded. This is the first thing the actor does, and what the launch defers must not
make it slower.

Runs alternate between the programs so that a busy machine slows all alike; one warm-up of
each is not counted (it fills the disk cache, compiles the bytecode and creates the data
folders, so the timed runs are a returning user's launch). Teardown is left out.

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
from PySide6.QtCore import QEvent, QObject


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            QTimer.singleShot(0, shown)  # once the frame this paint belongs to is out
        return False


def shown():
    print(f"startup: window-shown {time.monotonic():.6f}", flush=True)
    app.exit(0)


first_paint = FirstPaint()
window.installEventFilter(first_paint)
window.show()
sys.exit(app.exec())
"""
"""The end of both reference programs: print the mark once the first frame is painted
(as the app's ``FirstFrame`` does for the home), then leave."""

BASELINE_CODE = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1000, 760)
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
"""
DEMO_FROM_HOME_CODE = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rehearsal.ui.app import FirstFrame, launch

window = launch(data_dir=sys.argv[1])
app = QApplication.instance()


def mark(name):
    print(f"startup: {name} {time.monotonic():.6f}", flush=True)


def click():
    mark("demo-clicked")
    window.home.demo_button.click()


def shown(*_):
    window.repaint()
    mark("demo-shown")
    QTimer.singleShot(0, lambda: (window.close(), app.exit(0)))


window.script_shown.connect(shown)
if sys.argv[2] == "at-once":
    window.findChild(FirstFrame).painted.connect(click)
else:
    window.services.ready.connect(lambda: QTimer.singleShot(0, click))
sys.exit(app.exec())
"""
"""The home launched as ``rehearsal gui`` launches it, then its demo button clicked."""

SEED_CODE = """
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from rehearsal.paths import Paths
from rehearsal.store.facade import Store
from rehearsal.store.startup import open_store

paths = Paths.under(Path(sys.argv[1]))
store = Store(open_store(paths))
(script,) = store.list_scripts()
recorder = store.session_recorder()
now = datetime.now(UTC)
for days in (1, 3, 8):
    at = now - timedelta(days=days)
    session = recorder.start_session(script.id, "NINA", "rehearse", at=at)
    take = recorder.start_take(session, at=at)
    for n in range(5):
        recorder.record_line(take, 0, 2 * n + 1, cue_end_s=n, actor_done_s=n + 1.2, at=at)
    recorder.end_take(take, at=at + timedelta(minutes=12))
    recorder.end_session(session, at=at + timedelta(minutes=12))
store.close()
settings = paths.data / "settings.ini"
settings.write_text(settings.read_text(encoding="utf-8") + "\\n[first_run]\\ndone=true\\n")
"""
"""Makes a data folder where the demo has been opened a returning actor's: three sessions
of the last week and a half, the welcome seen."""

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


def app_command(exe: Path | None, data_dir: Path, *, demo: bool = True) -> list[str]:
    """The app's launch on the demo scene (or, ``demo=False``, on what a launch without a
    file opens: the home, once the data folder is past its first run): the bundle binary
    when given, else this interpreter's package."""
    program = [str(exe)] if exe else [sys.executable, "-m", "rehearsal"]
    scene = ["--demo"] if demo else []
    return [*program, "--data-dir", str(data_dir), "gui", *scene, "--quit-after-load"]


def demo_from_home_command(data_dir: Path, when: str) -> list[str]:
    """The home launched in this interpreter, its demo button clicked ``at-once`` (at the
    first frame) or ``settled`` (once the services are ready)."""
    return [sys.executable, "-c", DEMO_FROM_HOME_CODE, str(data_dir), when]


def returning_actor(exe: Path | None, data_dir: Path, env: dict[str, str]) -> None:
    """Open the demo once in ``data_dir`` (a first run), then give it a history."""
    launch(app_command(exe, data_dir), env, APP_MARKS)
    result = subprocess.run(
        [sys.executable, "-c", SEED_CODE, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise LaunchFailed(f"could not seed the history: {last}")


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
HOME_MARKS = ("home-shown", "home-ready", "services-ready")
BASELINE_MARKS = ("window-shown",)
CLICK_MARKS = ("demo-clicked", "demo-shown")


@dataclass(frozen=True, slots=True)
class Run:
    """One round: a launch of each program, one after the other."""

    home: dict[str, float]
    demo: dict[str, float]
    viewer: float
    baseline: float
    click_at_once: float  # seconds from the click to the page painted
    click_settled: float


def measure_round(
    home: Sequence[str],
    demo: Sequence[str],
    clicks: tuple[Sequence[str], Sequence[str]],
    env: dict[str, str],
) -> Run:
    """Launch each program once: the home, the viewer, the demo, the baseline, the clicks."""
    home_marks = launch(home, env, HOME_MARKS)
    viewer = launch(viewer_command(), env, BASELINE_MARKS)["window-shown"]
    demo_marks = launch(demo, env, APP_MARKS)
    baseline = launch(baseline_command(), env, BASELINE_MARKS)["window-shown"]
    at_once, settled = (launch(command, env, CLICK_MARKS) for command in clicks)
    return Run(
        home_marks,
        demo_marks,
        viewer,
        baseline,
        at_once["demo-shown"] - at_once["demo-clicked"],
        settled["demo-shown"] - settled["demo-clicked"],
    )


def measure(exe: Path | None, folder: Path, runs: int) -> list[Run]:
    """Time ``runs`` rounds after one warm-up round."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # An installed app has its bytecode compiled; let the warm-up write it for a source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    returning_actor(exe, folder / "home", env)
    home = app_command(exe, folder / "home", demo=False)
    demo = app_command(exe, folder / "demo")
    clicks = (
        demo_from_home_command(folder / "home", "at-once"),
        demo_from_home_command(folder / "home", "settled"),
    )
    measure_round(home, demo, clicks, env)
    return [measure_round(home, demo, clicks, env) for _ in range(runs)]


def _row(name: str, seconds: Sequence[float]) -> str:
    return (
        f"{name:<34}{statistics.median(seconds) * 1000:>7.0f} ms"
        f"{min(seconds) * 1000:>7.0f} ms{max(seconds) * 1000:>7.0f} ms"
    )


def _ratio(name: str, values: Sequence[float]) -> str:
    return f"{name:<34}{statistics.median(values):>7.2f}x {min(values):>7.2f}x {max(values):>7.2f}x"


def report(runs: list[Run]) -> str:
    """The table (median, min, max) and the verdict printed at the end."""
    viewer = [r.viewer for r in runs]
    shown = [r.home["home-shown"] for r in runs]
    lines = [f"{'':<34}{'median':>10}{'min':>10}{'max':>10}   (runs: {len(runs)})"]
    lines += [
        _row("app: home painted", shown),
        _row("app: home filled in", [r.home["home-ready"] for r in runs]),
        _row("app: services ready (home)", [r.home["services-ready"] for r in runs]),
        _row("app: demo scene painted", [r.demo["scene-shown"] for r in runs]),
        _row("app: demo scene stored", [r.demo["history-ready"] for r in runs]),
        _row("plain text viewer", viewer),
        _row("baseline: empty window", [r.baseline for r in runs]),
        _row("open the demo from the home, at once", [r.click_at_once for r in runs]),
        _row("open the demo from the home, later", [r.click_settled for r in runs]),
        "ratios, each round against its own references:",
        _ratio("  home / plain text viewer", [h / v for h, v in zip(shown, viewer, strict=True)]),
        _ratio("  home / baseline", [r.home["home-shown"] / r.baseline for r in runs]),
        _ratio(
            "  demo scene / plain text viewer", [r.demo["scene-shown"] / r.viewer for r in runs]
        ),
        _ratio("  plain text viewer / baseline", [r.viewer / r.baseline for r in runs]),
    ]
    ratio = statistics.median(shown) / statistics.median(viewer)
    verdict = "meets" if ratio <= GOAL_RATIO else "misses"
    lines.append(
        f"goal: the home painted within {GOAL_RATIO}x the plain text viewer; the ratio of the "
        f"medians is {ratio:.2f}x ({verdict} it)"
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
        try:
            runs = measure(args.exe, Path(tmp), args.runs)
        except LaunchFailed as exc:
            print(f"bench_startup: a launch failed: {exc}", file=sys.stderr)
            return 1
    print(report(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
