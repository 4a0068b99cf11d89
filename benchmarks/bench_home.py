"""Startup to the home page: a returning actor's launch, against the plain text viewer.

The home is what opens when no script is given: ``rehearsal gui`` on a profile that has
been used before (the welcome already seen, sides in the recent list). Each run is a fresh
process, offscreen, timed from the moment this script starts it to the moment the home is
painted (``time.monotonic()``, the same clock in every process). The references are the
ones ``bench_startup.py`` uses, measured in the same run and alternated with the app:

* **plain text viewer**: menus, a tool bar and the demo file as plain text — the goal is
  the home within 1.5× its time;
* **baseline**: an empty ``QMainWindow``.

The history opens in the background after the home is painted (its part of the home fills
in later), so the time to the history being read is shown too.

    python benchmarks/bench_home.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import (  # the sibling script, not an installed module
    BASELINE_MARKS,
    DEMO_SCENE,
    LaunchFailed,
    baseline_command,
    launch,
    viewer_command,
)

GOAL_RATIO = 1.5

HOME_CODE = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rehearsal.ui.app import launch

window = launch(data_dir=sys.argv[1])
app = QApplication.instance()


def shown():
    window.repaint()
    print(f"startup: home-shown {time.monotonic():.6f}", flush=True)
    if window.home.digest is not None:
        done()
    else:
        window.home.digest_shown.connect(done)


def done():
    print(f"startup: home-filled {time.monotonic():.6f}", flush=True)
    window.close()
    app.exit(0)


QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""
HOME_MARKS = ("home-shown", "home-filled")


def returning_profile(data: Path) -> None:
    """A data folder as an actor leaves it: welcome seen, the demo in the recent files."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.ini").write_text(
        f"[first_run]\ndone=true\n\n[recent]\nfiles={DEMO_SCENE}\n", encoding="utf-8"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Time the home against the viewer and the bare window; print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed launches of each (default 7)")
    args = parser.parse_args(argv)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="rehearsal-bench-home-") as tmp:
        data = Path(tmp) / "data"
        returning_profile(data)
        home = [sys.executable, "-c", HOME_CODE, str(data)]
        try:
            launch(home, env, HOME_MARKS)  # warm-up: creates and migrates the history
            launch(viewer_command(), env, BASELINE_MARKS)
            launch(baseline_command(), env, BASELINE_MARKS)
            shown, filled, viewer, floor = [], [], [], []
            for _ in range(args.runs):
                marks = launch(home, env, HOME_MARKS)
                shown.append(marks["home-shown"])
                filled.append(marks["home-filled"])
                viewer.append(launch(viewer_command(), env, BASELINE_MARKS)["window-shown"])
                floor.append(launch(baseline_command(), env, BASELINE_MARKS)["window-shown"])
        except LaunchFailed as exc:
            print(f"bench_home: a launch failed: {exc}", file=sys.stderr)
            return 1
    rows = (
        ("app: home painted", shown),
        ("app: home filled in", filled),
        ("plain text viewer", viewer),
        ("baseline: window shown", floor),
    )
    print(f"{'':<26}{'median':>10}{'min':>10}{'max':>10}   (runs: {args.runs})")
    for name, seconds in rows:
        print(
            f"{name:<26}{statistics.median(seconds) * 1000:>8.0f}ms"
            f"{min(seconds) * 1000:>8.0f}ms{max(seconds) * 1000:>8.0f}ms"
        )
    ratio = statistics.median(shown) / statistics.median(viewer)
    verdict = "meets" if ratio <= GOAL_RATIO else "misses"
    print(
        f"ratio home/viewer: {ratio:.2f}x ({verdict} the goal of <= {GOAL_RATIO}x); "
        f"home/baseline: {statistics.median(shown) / statistics.median(floor):.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
