"""Regenerate the README's screenshots from the journey tests, offscreen.

    .venv/bin/python packaging/screenshots.py [--theme light|dark] [--size WxH] [--all] [DIR]

The journeys in ``tests/journeys`` start the real app on fresh profiles and use it as an
actor does; with ``REHEARSAL_SCREENSHOTS`` set they save the screens they pass through.
This runs them that way (default ``docs/screenshots``), so every picture in the README is
a screen a tested journey reached, not a view staged for the camera. A journey marked as
an expected failure saves the screens up to the point where it stops.

``--theme`` forces the light or dark palette and ``--size`` the virtual screen (and the
main window's size in the journeys that set one), to check the pictures at 1280×720 and
1920×1080 in both looks; the README's are light at 1280×720, and one dark
(``NAME-dark.png``) to show that the app follows the desktop. Only the README's pictures
are written unless ``--all`` asks for every screen the journeys reached (to look them over;
dark ones are named ``NAME-dark.png`` either way).

Run it under a virtual X server on a headless machine, as the checks were
(``xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python packaging/screenshots.py``); the
pictures themselves are drawn by Qt's offscreen platform on a screen of ``--size``, so
they do not depend on the X server's size or a window manager.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS_ENV = "REHEARSAL_SCREENSHOTS"  # read by tests/journeys/harness.py
SIZE_ENV = "REHEARSAL_SCREENSHOT_SIZE"  # read by the journeys that size the main window
THEME_ENV = "REHEARSAL_THEME"  # read by rehearsal/ui/theme.py

# The pictures the README shows in each look; the run fails when a journey no longer
# reaches one.
README_PICTURES = {
    "light": ("home", "rehearsal-screen", "focus-mode", "director-note", "history"),
    "dark": ("rehearsal-screen",),
}


def target_name(name: str, theme: str) -> str:
    """``focus-mode`` → ``focus-mode.png`` in the light look, ``focus-mode-dark.png`` in dark."""
    return f"{name}-dark.png" if theme == "dark" else f"{name}.png"


def screen_config(folder: Path, width: int, height: int) -> Path:
    """A virtual screen of ``width``×``height`` for the offscreen platform (focus mode and
    maximised windows take its size)."""
    path = folder / "screen.json"
    screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return path


def run_journeys(folder: Path, size: tuple[int, int], theme: str | None) -> int:
    """Run the journeys with screenshots going to ``folder``; returns pytest's status."""
    config = screen_config(folder.parent, *size)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        **{SCREENSHOTS_ENV: str(folder), SIZE_ENV: f"{size[0]}x{size[1]}"},
    )
    if theme:
        env[THEME_ENV] = theme
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/journeys"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def parse_size(text: str) -> tuple[int, int]:
    """``1280x720`` → (1280, 720)."""
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT") from None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--size", type=parse_size, default=(1280, 720))
    parser.add_argument("--all", action="store_true", help="every screen, not only the README's")
    args = parser.parse_args(argv[1:])
    out = args.output.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "shots"
        status = run_journeys(fresh, args.size, args.theme)
        wanted = README_PICTURES[args.theme]
        pictures = sorted(p for p in fresh.glob("*.png") if args.all or p.stem in wanted)
        missing = [name for name in wanted if not (fresh / f"{name}.png").exists()]
        for picture in pictures:  # replaced only once the run made them all
            target = out / target_name(picture.stem, args.theme)
            target.write_bytes(picture.read_bytes())
            print(f"wrote {target}")
    if status != 0:
        print(f"screenshots: the journeys failed (pytest status {status})", file=sys.stderr)
    if missing:
        print(f"screenshots: no journey reached {', '.join(missing)}", file=sys.stderr)
    return 1 if status != 0 or missing or not pictures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
