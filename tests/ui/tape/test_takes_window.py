"""Callback ▸ Self-Tape Takes…: every take, reachable without recording."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.tape.library import TakeInfo, TapeLibrary
from rehearsal.ui.app import create_main_window
from rehearsal.ui.tape.takes_feature import TapeTakesFeature
from tests.ui.tape.media import recorded_take

pytestmark = pytest.mark.gui


def test_the_callback_menu_opens_every_take(qtbot: QtBot, paths: Paths) -> None:
    library = TapeLibrary(paths.data)
    recorded_take(library, TakeInfo("Night Shift", "Nina", "Night Shift", 3))
    recorded_take(library, TakeInfo("The Lighthouse", "Cal", None, None))
    window = create_main_window(paths)
    qtbot.addWidget(window)
    feature = window.findChild(TapeTakesFeature)
    assert feature is not None
    callback = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Callback")
    assert isinstance(callback, QMenu)
    assert feature.action_takes in callback.actions()
    feature.action_takes.trigger()
    takes = feature.takes_window
    assert takes is not None
    with qtbot.waitSignal(takes.panel.loaded, timeout=10_000):
        pass
    assert takes.isVisible()
    titles = sorted(t.folder_key for t in takes.panel.model.takes())
    assert titles == ["The-Lighthouse", "audition-3"]
    assert takes.panel.store is window.store
    window.close()
    assert not takes.runner.running  # the window's close stops the takes' thread


def test_at_start_a_close_deadline_is_announced_and_opens_its_audition(
    qtbot: QtBot, paths: Paths
) -> None:
    from datetime import UTC, datetime, timedelta

    from rehearsal.store.dossier_records import AuditionDetails

    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    assert window.store is not None
    audition = window.store.auditions.create(
        AuditionDetails(
            project_title="Night Shift",
            role="Nina",
            self_tape_deadline=datetime.now(UTC) + timedelta(days=1, hours=2),
        )
    )
    feature = window.findChild(TapeTakesFeature)
    assert feature is not None
    feature.at_start()  # what the services' "ready" does
    assert feature.deadlines is not None
    assert feature.repair is not None
    told: list[str] = []
    feature.repair.finished.connect(told.append)
    with qtbot.waitSignal(feature.deadlines.checked, timeout=10_000) as checked:
        pass
    assert checked.args == [1]
    assert feature.deadlines.banner is not None
    (row,) = feature.deadlines.banner.rows()
    assert row.text().startswith("Self-tape for Night Shift (Nina) due ")
    row.click()
    auditions = window.prep.auditions_window
    assert auditions is not None
    assert audition in auditions.editors
    qtbot.waitUntil(lambda: told == [""], timeout=10_000)  # nothing was cut short
    assert feature.repair.bar is None
    window.close()
