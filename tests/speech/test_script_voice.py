"""A script's respellings and reading choice survive a restart and never break its settings."""

from __future__ import annotations

import pytest

from rehearsal.paths import Paths
from rehearsal.script.loader import parse_bytes
from rehearsal.speech.direction import Pronunciations
from rehearsal.speech.script_voice import (
    PRONUNCIATIONS_KEY,
    READ_PARENTHETICALS_KEY,
    VoicePrefs,
    load_voice_prefs,
    save_voice_prefs,
    voice_prefs_from_settings,
)
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.scripts_repo import get_settings, import_script, update_settings
from rehearsal.store.startup import open_store
from rehearsal.store.voice_repo import ScriptVoiceRepository

SCENE = b"""INT. PUB - NIGHT

SIOBHAN
(under her breath)
Niamh said you'd come.

AOIFE
Did she now.
"""


@pytest.fixture
def script_id(store: OpenedDatabase) -> int:
    return import_script(store.engine, parse_bytes(SCENE, ".fountain"), "pub.fountain", SCENE)


def test_nothing_saved_gives_the_defaults(store: OpenedDatabase, script_id: int) -> None:
    prefs = load_voice_prefs(ScriptVoiceRepository(store.engine), script_id)
    assert prefs == VoicePrefs()
    assert len(prefs.pronunciations) == 0
    assert prefs.read_parentheticals is False
    assert prefs.problems == ()


def test_saved_prefs_come_back_after_reopening_the_store(paths: Paths, script_id: int) -> None:
    with_names = Pronunciations({"Siobhan": "Shiv-awn", "Niamh": "Neev"})
    first = open_store(paths)
    try:
        saved = save_voice_prefs(ScriptVoiceRepository(first.engine), script_id, with_names, True)
    finally:
        first.close()
    again = open_store(paths)
    try:
        prefs = load_voice_prefs(ScriptVoiceRepository(again.engine), script_id)
    finally:
        again.close()
    assert prefs == saved
    assert prefs.read_parentheticals is True
    assert prefs.pronunciations.apply("Siobhan met Niamh.") == "Shiv-awn met Neev."
    assert prefs.problems == ()


def test_saving_keeps_other_settings_and_removing_a_word_sticks(
    store: OpenedDatabase, script_id: int
) -> None:
    update_settings(store.engine, script_id, {"last_role": "AOIFE"})
    names = Pronunciations({"Siobhan": "Shiv-awn", "Aoife": "Ee-fa"})
    save_voice_prefs(ScriptVoiceRepository(store.engine), script_id, names, False)
    names.remove("aoife")
    save_voice_prefs(ScriptVoiceRepository(store.engine), script_id, names, True)
    settings = get_settings(store.engine, script_id)
    assert settings["last_role"] == "AOIFE"
    assert settings[PRONUNCIATIONS_KEY] == {"siobhan": "Shiv-awn"}
    assert settings[READ_PARENTHETICALS_KEY] is True
    prefs = load_voice_prefs(ScriptVoiceRepository(store.engine), script_id)
    assert prefs.pronunciations.apply("Aoife and Siobhan") == "Aoife and Shiv-awn"


def test_bad_stored_entries_are_dropped_and_named(store: OpenedDatabase, script_id: int) -> None:
    update_settings(
        store.engine,
        script_id,
        {
            PRONUNCIATIONS_KEY: {"siobhan": "Shiv-awn", "niamh": 3, "---": "dash", "aoife": "!!"},
            READ_PARENTHETICALS_KEY: "yes",
        },
    )
    prefs = load_voice_prefs(ScriptVoiceRepository(store.engine), script_id)
    assert prefs.pronunciations.to_dict() == {"siobhan": "Shiv-awn"}
    assert prefs.read_parentheticals is False
    assert len(prefs.problems) == 4
    joined = " | ".join(prefs.problems)
    assert "'niamh'" in joined
    assert "'aoife'" in joined
    assert "read_parentheticals" in joined


def test_pronunciations_that_are_not_an_object_are_reported() -> None:
    prefs = voice_prefs_from_settings({PRONUNCIATIONS_KEY: ["Siobhan", "Shiv-awn"]})
    assert len(prefs.pronunciations) == 0
    assert prefs.problems == ("pronunciations must be an object, not list",)
