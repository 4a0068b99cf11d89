"""What the rehearsal screen says, state by state: only what is true now.

Covers the messages an actor reads while choosing a role, running a take and opening
other sides, and the notice that there is no partner voice on this machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import rehearsal.ui.speech_support as speech_support_module
from rehearsal.engine.commands import State
from rehearsal.paths import Paths
from rehearsal.speech.availability import speech_status
from rehearsal.ui.app import create_main_window
from rehearsal.ui.main_window import MainWindow
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui

SCENE = """Title: Keys

INT. KITCHEN - NIGHT

BOB
You came back.

ANNA
I forgot my keys.
"""


@pytest.fixture
def window(qtbot: QtBot, paths: Paths, clock: FakeClock) -> Iterator[MainWindow]:
    win = create_main_window(paths)
    qtbot.addWidget(win)
    win.show()
    win.clock = clock
    yield win
    win.close()


def _open(qtbot: QtBot, window: MainWindow, path: Path | None = None) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        if path is None:
            window.open_demo()
        else:
            window.open_file(path)


def _choose_role(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.role_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    QTest.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window.controller is not None
    check_in = QApplication.activeModalWidget()  # the pre-take check-in, when it is on
    if check_in is not None:
        QTest.keyClick(check_in, Qt.Key.Key_Escape)
    window.activateWindow()  # keys go to the window once the dialogs are gone
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _tick_until(qtbot: QtBot, window: MainWindow, clock: FakeClock, done: object) -> None:
    controller = window.controller
    assert controller is not None
    for _ in range(400):
        if callable(done) and done():
            return
        clock.advance(0.25)
        controller.send_tick()
    raise AssertionError("the run never got there")


def test_each_state_shows_only_what_is_true_now(
    qtbot: QtBot, window: MainWindow, clock: FakeClock, tmp_path: Path
) -> None:
    screen = window.rehearsal
    _open(qtbot, window)
    assert screen.status.text() == "Choose a role and press Start."
    _choose_role(qtbot, window)
    assert window.controller is not None
    role = window.controller.role
    assert role is not None
    assert "Choose a role" not in screen.status.text()
    assert role in screen.status.text()
    assert "Press Start" in screen.status.text()

    QTest.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.engine.state is not State.IDLE
    assert "Press Start" not in screen.status.text()
    assert "Press Start" not in window.statusBar().currentMessage()
    _tick_until(qtbot, window, clock, lambda: screen.prompt.text() != "")

    path = tmp_path / "keys.fountain"
    path.write_text(SCENE, encoding="utf-8")
    _open(qtbot, window, path)
    assert screen.prompt.text() == ""  # the caption no longer shows the other script's line
    assert screen.status.text() == "Choose a role and press Start."


def test_without_a_voice_a_banner_says_so_once_and_partner_lines_are_shown(
    qtbot: QtBot, paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speech_support_module, "current_speech_status", lambda: speech_status([]))
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    window.clock = clock
    screen = window.rehearsal
    _open(qtbot, window)
    assert screen.voice_notice.isHidden()
    _choose_role(qtbot, window)
    controller = window.controller
    assert controller is not None
    assert controller.reader is None
    assert screen.voice_notice.isVisible()
    assert "shown as text" in screen.voice_notice.text()

    QTest.keyClick(screen, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _tick_until(qtbot, window, clock, lambda: controller.engine.state is State.SPEAKING)
    line = controller.engine.line
    assert line is not None
    assert not line.own
    assert screen.status.text() == f"{line.speaker}'s line (shown, not spoken)"
    assert "speaking" not in screen.status.text()
    assert screen.voice_notice.isVisible()  # the run does not hide the notice

    QTest.mouseClick(screen.voice_notice.dismiss, Qt.MouseButton.LeftButton)
    assert screen.voice_notice.isHidden()
    window.ask_role()  # another role in the same session: told once is enough
    _choose_role(qtbot, window)
    assert screen.voice_notice.isHidden()
    window.close()
