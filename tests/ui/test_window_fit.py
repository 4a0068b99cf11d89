"""Nothing cut off at 1280×720 or at 200 % scaling, in any window or dialog.

Qt fixes the screen's size and scale when it starts, so each screen is a fresh process
running ``tests/ui/probe_fit.py`` on a virtual screen of the offscreen platform: 1280×720
at 100 %, and 2560×1440 at 200 % (the same 1280×720 in logical pixels, with every font
and icon twice the pixels). The probe opens every window and dialog, walks their tabs and
fails naming each widget shown smaller than it needs or a window larger than the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.fit import clipped, off_screen, problems_of

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("probe_fit.py")


def _run_probe(tmp_path: Path, width: int, height: int, scale: int, theme: str) -> None:
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": str(scale),
        "REHEARSAL_THEME": theme,
        "REHEARSAL_PROBE_SCREEN": f"{width // scale}x{height // scale}@{scale}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(PROBE)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout, result.stdout[-2000:]


@pytest.mark.slow
def test_every_window_fits_1280_by_720(tmp_path: Path) -> None:
    _run_probe(tmp_path, 1280, 720, 1, "light")


@pytest.mark.slow
def test_every_window_fits_at_200_percent(tmp_path: Path) -> None:
    """A 2560×1440 screen at 200 % (dark, the other look, to cover its sheet too)."""
    _run_probe(tmp_path, 2560, 1440, 2, "dark")


def test_the_check_finds_what_is_cut_off(qtbot: QtBot) -> None:
    """The check itself: a squeezed button, a label cut below its lines, a window too big;
    a page in a scroll area may reach past its viewport."""
    host = QWidget()
    qtbot.addWidget(host)
    button = QPushButton("A button with a long text that needs room", host)
    button.setObjectName("squeezed")
    button.setGeometry(0, 0, 40, 30)
    label = QLabel("Words " * 40, host)
    label.setObjectName("short")
    label.setWordWrap(True)
    label.setGeometry(0, 40, 120, 20)
    host.resize(200, 100)
    host.show()
    qtbot.waitExposed(host)
    found = clipped(host)
    assert any("QPushButton#squeezed" in p and "needs" in p for p in found), found
    assert any("QLabel#short" in p and "its text needs" in p for p in found), found

    button.setGeometry(0, 0, button.sizeHint().width(), button.sizeHint().height())
    label.setGeometry(150, 40, 400, label.heightForWidth(400))
    assert any("QLabel#short" in p and "leaves its parent" in p for p in clipped(host))

    free = host.screen().availableGeometry()
    host.setMinimumSize(free.width() + 10, 10)
    assert any("the screen has" in p for p in off_screen(host))


def test_a_scrolled_page_and_a_fitting_window_pass(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    page = QWidget()
    column = QVBoxLayout(page)
    for n in range(40):
        column.addWidget(QPushButton(f"Row {n}"))
    area.setWidget(page)
    area.resize(QSize(300, 200))
    area.show()
    qtbot.waitExposed(area)
    assert problems_of(area) == []
