"""Two takes side by side: started together, one heard at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.ui.tape.compare_view import LEFT, RIGHT, CompareView
from tests.ui.tape.media import make_take

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> CompareView:
    widget = CompareView()
    qtbot.addWidget(widget)
    widget.show()
    left = make_take(tmp_path / "take-001.mp4", 3.0, size=(160, 90))
    right = make_take(tmp_path / "take-002.mp4", 3.0, size=(160, 90), tone_hz=660)
    widget.show_takes((left, "Take 1"), (right, "Take 2"))
    return widget


def test_both_start_together_from_the_beginning(qtbot: QtBot, view: CompareView) -> None:
    with qtbot.waitSignal(view.started, timeout=8000):
        view.play_both()  # asked before the files are open: it waits for both
    qtbot.waitUntil(lambda: all(p.playing for p in view.players), timeout=3000)
    qtbot.waitUntil(lambda: all(p.player.position() > 300 for p in view.players), timeout=5000)
    left, right = (p.player.position() for p in view.players)
    assert abs(left - right) < 250
    view.pause_both()
    qtbot.waitUntil(lambda: not any(p.playing for p in view.players), timeout=3000)
    view.players[0].player.setPosition(2000)
    with qtbot.waitSignal(view.started, timeout=5000):
        view.play_both()  # from the start again, both
    qtbot.waitUntil(lambda: all(p.player.position() < 1500 for p in view.players), timeout=3000)


def test_only_one_take_is_heard_and_tab_switches(qtbot: QtBot, view: CompareView) -> None:
    assert view.heard == LEFT
    assert [p.audio.isMuted() for p in view.players] == [False, True]
    view.setFocus()
    with qtbot.waitSignal(view.heard_changed) as changed:
        QTest.keyClick(view, Qt.Key.Key_Tab)
    assert changed.args == [RIGHT]
    assert [p.audio.isMuted() for p in view.players] == [True, False]
    view.hear_left.click()
    assert [p.audio.isMuted() for p in view.players] == [False, True]


def test_space_plays_and_pauses_both(qtbot: QtBot, view: CompareView) -> None:
    qtbot.waitUntil(lambda: all(p.ready for p in view.players), timeout=8000)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: all(p.playing for p in view.players), timeout=3000)
    QTest.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not any(p.playing for p in view.players), timeout=3000)
    view.close()
    qtbot.waitUntil(lambda: all(p.player.source().isEmpty() for p in view.players), timeout=3000)
