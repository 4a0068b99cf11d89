"""Callback prep from the main window: the check-in before a rehearsal and the Auditions menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
from rehearsal.ui.history.table_model import COL_CHECKIN, SessionTableModel
from rehearsal.ui.main_window import MainWindow
from tests.conftest import FakeClock

pytestmark = pytest.mark.gui


def _open_and_choose(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    assert window.role_dialog is not None
    window.role_dialog.accept()


def test_a_check_in_is_linked_to_the_session_that_follows(
    qtbot: QtBot, paths: Paths, clock: FakeClock
) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.clock = clock
    _open_and_choose(qtbot, window)
    dialog = window.prep.checkin_dialog
    assert dialog is not None
    assert dialog.isVisible()
    QTest.mouseClick(dialog.energy.button(4), Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.focus.button(2), Qt.MouseButton.LeftButton)
    dialog.intention.setText("Listen before answering")
    checkin_id = dialog.save()
    assert checkin_id is not None
    controller = window.controller
    assert controller is not None
    controller.tick_timer.setInterval(1)
    controller.screen.action_start.trigger()
    for _ in range(2000):
        if controller.engine.take_number is not None and controller.engine.index > 1:
            break
        if controller.engine.state is State.WAITING:
            controller.screen.action_done.trigger()
        clock.advance(0.5)
        with qtbot.waitSignal(controller.tick_timer.timeout, timeout=2000):
            pass
    controller.screen.action_stop.trigger()
    window.close()
    assert window.store is not None
    checkin = window.store.checkins.get(checkin_id)
    assert checkin is not None
    assert checkin.session_id is not None  # linked to the session the take started
    assert (checkin.energy, checkin.focus) == (4, 2)
    assert checkin.intention == "Listen before answering"

    model = SessionTableModel(window.store)
    row = model.row_of(checkin.session_id)
    assert row is not None
    cell = model.index(row, COL_CHECKIN)
    assert model.data(cell) == "E4 F2"  # shown beside the session in the history
    assert "Listen before answering" in model.data(cell, Qt.ItemDataRole.ToolTipRole)


def test_check_in_is_offered_once_per_script_and_can_be_turned_off(
    qtbot: QtBot, paths: Paths
) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    _open_and_choose(qtbot, window)
    first = window.prep.checkin_dialog
    assert first is not None
    first.reject()
    window.ask_role()
    assert window.role_dialog is not None
    window.role_dialog.accept()
    assert window.prep.checkin_dialog is first  # not offered again for the same script

    window.prefs.check_in = False
    other = create_main_window(paths)
    qtbot.addWidget(other)
    other.prefs.check_in = False
    _open_and_choose(qtbot, other)
    assert other.prep.checkin_dialog is None


def test_auditions_window_opens_from_the_menu(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.prep.action_auditions.trigger()
    auditions = window.prep.auditions_window
    assert auditions is not None
    assert auditions.isVisible()
    window.close()
