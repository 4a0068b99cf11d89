"""The status bar says, in words, when the history waits for the database and catches up."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.engine.timing import Rating
from rehearsal.paths import Paths
from rehearsal.ui.app import build_main_window
from tests.store.lock_holder import lock_held

pytestmark = pytest.mark.gui


def test_a_lock_mid_rehearsal_is_told_in_the_status_bar(qtbot: QtBot, paths: Paths) -> None:
    window = build_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.script_shown, timeout=10_000) as shown:
        window.open_demo()
    role = str(shown.args[0].characters[0])
    window.choose_role(role)
    window.services.start()
    qtbot.waitUntil(lambda: window._take_log is not None, timeout=20_000)
    take_log = window._take_log
    assert take_log is not None
    status = window.statusBar()
    with lock_held(paths.database):  # a backup tool holds the database mid-rehearsal
        take_log.on_rating(1, Rating(4, "a good one"), ())
        qtbot.waitUntil(
            lambda: "History is waiting for the database" in status.currentMessage(),
            timeout=30_000,
        )
        message = status.currentMessage()
        assert "in use by another program" in message
        assert "SELECT" not in message
        assert "sqlalche" not in message
    qtbot.waitUntil(lambda: status.currentMessage() == "History saved.", timeout=30_000)
    window.close()
