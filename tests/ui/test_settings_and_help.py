"""Preferences, the Settings dialog, the first-run welcome and the shortcut cheat-sheet."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from rehearsal.engine.hiding import HideLevel
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
from rehearsal.ui.preferences import (
    Preferences,
    ScriptState,
    load_preferences,
    load_script_state,
    save_preferences,
    save_script_state,
)
from rehearsal.ui.settings_dialog import SettingsDialog
from rehearsal.ui.shortcuts_dialog import ShortcutsDialog, menu_shortcuts


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_preferences_round_trip(tmp_path: Path) -> None:
    prefs = Preferences(
        rehearsal=RehearsalSettings(wait_mode=WaitMode.TIMED, response_seconds=1.2),
        hide_level=HideLevel.CUE_ONLY,
        note_mode="mid_scene",
        note_probability=0.5,
        prep_seconds=120,
        font_size=16.0,
    )
    save_preferences(_settings(tmp_path), prefs)
    assert load_preferences(_settings(tmp_path)) == prefs


def test_broken_preferences_fall_back_to_defaults(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.setValue(
        "preferences/json", '{"rehearsal": {"response_seconds": 99}, "prep_seconds": -4'
    )
    assert load_preferences(settings) == Preferences()
    settings.setValue(
        "preferences/json", '{"rehearsal": {"response_seconds": 99}, "prep_seconds": -4}'
    )
    assert load_preferences(settings) == Preferences()


def test_script_state_is_per_file(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    one, two = tmp_path / "a.fountain", tmp_path / "b.fountain"
    save_script_state(
        settings, one, ScriptState("NINA", RehearsalSettings(), HideLevel.FIRST_WORDS)
    )
    assert load_script_state(settings, one).role == "NINA"
    assert load_script_state(settings, one).hide_level is HideLevel.FIRST_WORDS
    assert load_script_state(settings, two) == ScriptState()


@pytest.mark.gui
def test_settings_dialog_edits_a_copy(qtbot: QtBot, paths: Paths) -> None:
    original = Preferences()
    dialog = SettingsDialog(original, paths)
    qtbot.addWidget(dialog)
    dialog.wait_mode.setCurrentIndex(dialog.wait_mode.findData("voice"))
    dialog.response.setValue(1.5)
    dialog.prep.setValue(90)
    dialog.note_mode.setCurrentIndex(dialog.note_mode.findData("never"))
    result = dialog.preferences()
    assert result.rehearsal.wait_mode is WaitMode.VOICE
    assert result.rehearsal.response_seconds == 1.5
    assert result.prep_seconds == 90
    assert result.note_mode == "never"
    assert original == Preferences()
    assert any(str(paths.data) in label.text() for label in dialog.findChildren(QLabel))


@pytest.mark.gui
def test_the_prep_time_in_settings_is_typed_like_the_drill_setup(
    qtbot: QtBot, paths: Paths
) -> None:
    dialog = SettingsDialog(Preferences(), paths)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.prep.setFocus()
    QTest.keyClick(dialog.prep, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.prep, "15")
    QTest.keyClick(dialog.prep, Qt.Key.Key_Tab)
    assert dialog.prep.text() == "0:15"
    assert dialog.preferences().prep_seconds == 15


@pytest.mark.gui
def test_new_rehearsals_use_the_saved_preferences(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    dialog.wait_mode.setCurrentIndex(dialog.wait_mode.findData("timed"))
    dialog.hide_level.setCurrentIndex(dialog.hide_level.findData("first_letters"))
    dialog.accept()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    assert window.role_dialog is not None
    window.role_dialog.accept()
    controller = window.controller
    assert controller is not None
    assert controller.engine.settings.wait_mode is WaitMode.TIMED
    assert controller.hider.level is HideLevel.FIRST_LETTERS
    assert load_preferences(window.settings).rehearsal.wait_mode is WaitMode.TIMED


@pytest.mark.gui
def test_welcome_shows_once(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    first = window.maybe_show_welcome()
    assert first is not None
    assert first.isVisible()
    assert any("Timed pause" in label.text() for label in first.findChildren(QLabel))
    first.accept()
    assert window.maybe_show_welcome() is None
    again = window.maybe_show_welcome(force=True)
    assert again is not None
    again.accept()


@pytest.mark.gui
def test_shortcut_sheet_lists_the_rehearsal_keys(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    rows = menu_shortcuts(window.menuBar())
    by_action = {action: keys for _menu, action, keys in rows}
    assert "Space" in by_action["Done"]
    assert by_action["Open Sides…"]
    assert "Settings…" in by_action
    assert by_action["Self-Tape Takes…"] == "Ctrl+Shift+P"


@pytest.mark.gui
def test_no_two_menu_items_share_a_key(qtbot: QtBot, paths: Paths) -> None:
    """Qt fires neither of two actions bound to one key (an ambiguous shortcut)."""
    window = create_main_window(paths)
    qtbot.addWidget(window)
    owners: dict[str, list[str]] = {}
    for menu, action, keys in menu_shortcuts(window.menuBar()):
        for key in keys.split(", "):
            owners.setdefault(key, []).append(f"{menu} ▸ {action}")
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared


@pytest.mark.gui
def test_the_shortcut_sheet_is_as_wide_as_its_columns_and_they_fill_it(
    qtbot: QtBot, paths: Paths
) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    QTest.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    table = dialog.table
    header = table.horizontalHeader()
    needed = [max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(3)]
    widths = [table.columnWidth(c) for c in range(3)]
    assert all(w >= n for w, n in zip(widths, needed, strict=True)), (widths, needed)
    assert not table.horizontalScrollBar().isVisible()  # nothing cut off on the right
    viewport = table.viewport().width()
    assert header.length() == viewport  # the last column reaches the right edge
    assert viewport - sum(needed) < 80, "the sheet is much wider than what it lists"
    # One row a line of text, not a tall cell each: the rows fit their contents.
    assert table.rowHeight(0) <= table.fontMetrics().height() + 12
    assert abs(dialog.height() - dialog.sizeHint().height()) <= 0.1 * dialog.sizeHint().height()
    dialog.close()


@pytest.mark.gui
def test_on_first_run_the_role_is_asked_after_the_welcome(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    welcome = window.maybe_show_welcome()
    assert welcome is not None
    assert not window.rehearsal.action_start.isEnabled()  # nothing to run yet
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    assert window.role_dialog is None  # one dialog at a time
    welcome.accept()
    assert window.role_dialog is not None
    assert window.role_dialog.isVisible()
    window.role_dialog.accept()
    assert window.rehearsal.action_start.isEnabled()
