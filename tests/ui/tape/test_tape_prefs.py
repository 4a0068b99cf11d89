"""Tape settings survive a restart and shrug off values of the wrong type."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

from rehearsal.ui.tape.tape_prefs import (
    SETTINGS_KEY,
    TapePreferences,
    load_tape_preferences,
    save_tape_preferences,
)


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_round_trip(tmp_path: Path) -> None:
    prefs = TapePreferences(actor_name="Ada Lane", agency="North", reader_level_db=-9.0)
    prefs.overlay_thirds = True
    save_tape_preferences(_settings(tmp_path), prefs)
    assert load_tape_preferences(_settings(tmp_path)) == prefs


def test_bad_values_keep_defaults(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    raw = {"reader_level_db": "loud", "slate": 1, "prompter": "sideways", "agency": 5}
    settings.setValue(SETTINGS_KEY, json.dumps(raw))
    assert load_tape_preferences(settings) == TapePreferences()


def test_out_of_range_level_is_clamped(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.setValue(SETTINGS_KEY, json.dumps({"reader_level_db": -200, "slate_card_seconds": 99}))
    prefs = load_tape_preferences(settings)
    assert prefs.reader_level_db == -40.0
    assert prefs.slate_card_seconds == 10.0
