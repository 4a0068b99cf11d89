"""The Self-Tape page of Settings: shown from QSettings, stored on OK, the name checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.ui.preferences import Preferences
from rehearsal.ui.settings_dialog import SettingsDialog
from rehearsal.ui.tape.tape_prefs import (
    DEFAULT_NAME_TEMPLATE,
    TapePreferences,
    load_tape_preferences,
    save_tape_preferences,
)
from rehearsal.ui.tape.tape_settings import TapeSettingsPage, template_preview

pytestmark = pytest.mark.gui


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot: QtBot, paths: Paths, settings: QSettings) -> SettingsDialog:
    dialog = SettingsDialog(Preferences(), paths, settings=settings)
    qtbot.addWidget(dialog)
    return dialog


def test_the_tab_shows_what_is_stored_and_ok_stores_the_edits(
    qtbot: QtBot, tmp_path: Path, paths: Paths
) -> None:
    settings = _settings(tmp_path)
    save_tape_preferences(
        settings, TapePreferences(actor_name="Ada Lane", reader_level_db=-9.0, mix_reader=False)
    )
    dialog = _dialog(qtbot, paths, settings)
    page = dialog.tape
    assert page is not None
    assert dialog.tabs.count() == 2
    assert page.actor_name.text() == "Ada Lane"
    assert page.reader_level.value() == -9.0
    assert page.rely_on_mic.isChecked()
    page.agency.setText("North Talent")
    page.height_box.setText("170 cm")
    page.mix_reader.setChecked(True)
    page.director_notes.setChecked(True)
    page.slate.setChecked(False)
    page.prompter.setCurrentIndex(page.prompter.findData("hidden"))
    page.overlay_thirds.setChecked(True)
    page.name_template.setText("{role}_{name}_{take}")
    dialog.accept()
    stored = load_tape_preferences(settings)
    assert stored.agency == "North Talent"
    assert stored.height == "170 cm"
    assert stored.mix_reader
    assert stored.director_notes
    assert not stored.slate
    assert stored.prompter == "hidden"
    assert stored.overlay_thirds
    assert stored.name_template == "{role}_{name}_{take}"


def test_cancel_stores_nothing_and_defaults_restore_the_page(
    qtbot: QtBot, tmp_path: Path, paths: Paths
) -> None:
    settings = _settings(tmp_path)
    dialog = _dialog(qtbot, paths, settings)
    page = dialog.tape
    assert page is not None
    page.actor_name.setText("Ada Lane")
    dialog.reject()
    assert load_tape_preferences(settings) == TapePreferences()
    dialog = _dialog(qtbot, paths, settings)
    page = dialog.tape
    assert page is not None
    page.agency.setText("North")
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
    restore.click()
    assert page.agency.text() == ""
    assert page.preferences() == TapePreferences()


def test_the_name_template_is_previewed_and_a_broken_one_is_not_stored(
    qtbot: QtBot, tmp_path: Path, paths: Paths
) -> None:
    settings = _settings(tmp_path)
    dialog = _dialog(qtbot, paths, settings)
    page = dialog.tape
    assert page is not None
    page.actor_name.setText("Ada Lane")
    assert page.name_preview.text() == "e.g. AdaLane_Nina_NightShift_Take2.mp4"
    page.name_template.setText("{name}_{agent}_{take}")
    assert "{agent}" in page.name_preview.text()
    assert page.name_preview.property("look") == "error"
    assert not page.template_ok()
    dialog.accept()
    assert load_tape_preferences(settings).name_template == DEFAULT_NAME_TEMPLATE


def test_template_preview_names_a_date() -> None:
    assert template_preview("{name}_{date}", "Ada", date(2026, 12, 8)) == (
        "e.g. Ada_2026-12-08.mp4"
    )


def test_a_device_chosen_before_but_unplugged_stays_chosen(qtbot: QtBot) -> None:
    prefs = TapePreferences(camera_id="00ff", microphone_id="abcd")
    page = TapeSettingsPage(prefs)
    qtbot.addWidget(page)
    assert page.camera.currentData() == "00ff"
    assert "not connected" in page.camera.currentText()
    assert page.preferences().camera_id == "00ff"
    assert page.preferences().microphone_id == "abcd"
    page.camera.setCurrentIndex(0)
    assert page.preferences().camera_id == ""  # the system's default


def test_without_a_camera_the_page_says_tapes_are_sound_only(qtbot: QtBot) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    page = TapeSettingsPage(TapePreferences())
    qtbot.addWidget(page)
    page.show()
    assert page.no_camera.isVisible() == (not QMediaDevices.videoInputs())


def test_the_settings_dialog_without_qsettings_has_no_tape_tab(qtbot: QtBot, paths: Paths) -> None:
    dialog = SettingsDialog(Preferences(), paths)
    qtbot.addWidget(dialog)
    assert dialog.tape is None
    assert dialog.tabs.count() == 1


def test_settings_from_the_window_carry_the_tape_tab(qtbot: QtBot, paths: Paths) -> None:
    from rehearsal.ui.app import create_main_window

    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    assert dialog.tape is not None
    dialog.tape.actor_name.setText("Ada Lane")
    dialog.accept()
    assert load_tape_preferences(window.settings).actor_name == "Ada Lane"
