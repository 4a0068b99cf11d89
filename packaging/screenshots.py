"""Regenerate the README's screenshots from the journey tests, offscreen.

    .venv/bin/python packaging/screenshots.py [OUTPUT_DIR]

The journeys in ``tests/journeys`` start the real app on fresh profiles and use it as an
actor does; with ``REHEARSAL_SCREENSHOTS`` set they save the screens they pass through.
This runs them that way (default ``docs/screenshots``), so every picture in the README is
a screen a tested journey reached, not a view staged for the camera. A journey marked as
an expected failure saves the screens up to the point where it stops.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS_ENV = "REHEARSAL_SCREENSHOTS"  # read by tests/journeys/harness.py

# The pictures the README shows; the run fails when a journey no longer reaches one.
README_PICTURES = ("rehearsal", "director-note", "history")


def run_journeys(folder: Path) -> int:
    """Run the journeys with screenshots going to ``folder``; returns pytest's status."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{SCREENSHOTS_ENV: str(folder)})
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/journeys"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def main(argv: list[str]) -> int:
    out = Path(argv[1]).resolve() if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        status = run_journeys(fresh)
        pictures = sorted(fresh.glob("*.png"))
        missing = [name for name in README_PICTURES if not (fresh / f"{name}.png").exists()]
        for picture in pictures:  # replaced only once the run made them all
            target = out / picture.name
            target.write_bytes(picture.read_bytes())
            print(f"wrote {target}")
    if status != 0:
        print(f"screenshots: the journeys failed (pytest status {status})", file=sys.stderr)
    if missing:
        print(f"screenshots: no journey reached {', '.join(missing)}", file=sys.stderr)
    return 1 if status != 0 or missing or not pictures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
