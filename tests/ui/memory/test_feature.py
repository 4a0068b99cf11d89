"""Line memory in the main window: the setting, the deadline dialog, a take's reviews."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from rehearsal.engine.hiding import HideLevel
from rehearsal.paths import Paths
from rehearsal.store.dossier_records import AuditionDetails, AuditionRound
from rehearsal.ui.app import create_main_window
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.memory.deadline_dialog import DeadlineDialog
from rehearsal.ui.preferences import Preferences, load_preferences, save_preferences
from rehearsal.ui.settings_dialog import SettingsDialog
from tests.memory.helpers import KITCHEN

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, paths: Paths, tmp_path: Path) -> Iterator[MainWindow]:
    win = create_main_window(paths)
    win.prefs.check_in = False
    qtbot.addWidget(win)
    win.show()
    sides = tmp_path / "kitchen.fountain"
    sides.write_text(KITCHEN, encoding="utf-8")
    with qtbot.waitSignal(win.script_loaded, timeout=10_000):
        win.open_file(sides)
    with qtbot.waitSignal(win.memory.opened, timeout=10_000):
        win.choose_role("MARY")
    yield win
    win.close()


def test_hide_by_memory_is_a_setting_kept_with_the_others(qtbot: QtBot, paths: Paths) -> None:
    settings = QSettings(str(paths.data / "s.ini"), QSettings.Format.IniFormat)
    save_preferences(settings, Preferences(hide_by_memory=True))
    assert load_preferences(settings).hide_by_memory
    dialog = SettingsDialog(Preferences(), paths)
    qtbot.addWidget(dialog)
    assert not dialog.hide_by_memory.isChecked()
    dialog.hide_by_memory.setChecked(True)
    assert dialog.preferences().hide_by_memory


def test_the_setting_from_settings_hides_by_memory_at_once(window: MainWindow) -> None:
    feature = window.memory
    controller = window.controller
    assert controller is not None
    controller.hider.level = HideLevel.CUE_ONLY
    first = feature.part[0].line_id
    assert first not in controller.hider.overrides
    prefs = Preferences(hide_by_memory=True)
    window._apply_preferences(prefs)
    assert feature.action_hide_by_memory.isChecked()
    assert controller.hider.overrides[first] is HideLevel.FULL, "a new line is shown in full"
    window._apply_preferences(Preferences(hide_by_memory=False))
    assert first not in controller.hider.overrides, "the screen's own level is back"


def test_learning_for_a_linked_callback(qtbot: QtBot, window: MainWindow) -> None:
    store = window.store
    assert store is not None
    auditions = store.auditions
    when = datetime.now(UTC) + timedelta(days=3)
    audition = auditions.create(
        AuditionDetails(project_title="Kitchen", round=AuditionRound.CALLBACK, scheduled_at=when)
    )
    script_id = window.memory.script_id
    assert script_id is not None, "the window's script is kept in the history"
    auditions.link_script(audition, script_id)
    feature = window.memory
    feature.open_deadline()
    dialog = feature.deadline_dialog
    assert isinstance(dialog, DeadlineDialog)
    qtbot.waitUntil(lambda: dialog.for_audition.isEnabled(), timeout=10_000)
    assert dialog.audition.count() == 1
    dialog.for_audition.setChecked(True)
    with qtbot.waitSignal(feature.saved, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: feature.runner.pending == 0, timeout=10_000)
    assert "callback: 0 of 6 lines secure" in feature.headline.text()
    assert feature.script_id is not None
    stored = store.memory.load_part(feature.script_id, "MARY")
    assert stored is not None
    assert stored.audition is not None
    assert stored.audition.id == audition
    memory = feature.memory
    assert memory is not None
    assert memory.book.off_book_by == when.astimezone(feature.tz).date()
