"""Rehearse > Voices from the main window: choices are stored per script and heard at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.speech.script_voice import load_voice_prefs
from rehearsal.ui.app import create_main_window
from rehearsal.ui.casting_table import COL_RATE

pytestmark = pytest.mark.gui


def test_voices_are_stored_with_the_script(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_demo()
    assert window.role_dialog is not None
    window.role_dialog.accept()
    window.open_voices()
    dialog = window.voices_dialog
    assert dialog is not None
    assert dialog.isVisible()
    # Preview says each character's own words: a line of this script, not a greeting.
    script = window._script
    assert script is not None
    for name in script.characters:
        said = {d.speech for d in script.dialogues() if d.character == name}
        if name in dialog.sample_lines:
            assert dialog.sample_lines[name] in said
    assert dialog.sample_lines
    model = dialog.model
    assert model.setData(model.index(0, COL_RATE), 123, Qt.ItemDataRole.EditRole)
    dialog.read_parentheticals.setChecked(True)
    with qtbot.waitSignal(dialog.casting_changed, timeout=5000):
        dialog.accept()
    assert window.store is not None
    assert window._script_id is not None
    stored = window.store.voices.get_casting(window._script_id)
    first = script.characters[0]
    assert stored[first]["rate"] == 123
    assert load_voice_prefs(window.store.voices, window._script_id).read_parentheticals
    window.close()
