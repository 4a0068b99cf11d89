"""A script's casting is remembered, extended for new characters and written back, without Qt."""

from __future__ import annotations

import logging

import pytest

from rehearsal.script.loader import parse_bytes
from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import Pronunciations
from rehearsal.speech.script_casting import (
    cast_script,
    remember_voices,
    starting_casting,
    stored_casting,
)
from rehearsal.speech.script_voice import load_voice_prefs
from rehearsal.speech.voices import VoiceCatalog, VoiceInfo
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.scripts_repo import get_casting, import_script, set_casting
from rehearsal.store.voice_repo import ScriptVoiceRepository

SCENE = b"""INT. KITCHEN - DAY

MAEVE
You kept the key.

TOMAS
I kept everything.
"""

CATALOG = VoiceCatalog(
    (
        VoiceInfo("a/en-gb", "English (Great Britain)", "en-gb"),
        VoiceInfo("a/en-us", "English (America)", "en-us"),
        VoiceInfo("a/en-sc", "English (Scotland)", "en-gb-scotland"),
    ),
    (),
)


@pytest.fixture
def script_id(store: OpenedDatabase) -> int:
    return import_script(store.engine, parse_bytes(SCENE, ".fountain"), "kitchen.fountain", SCENE)


@pytest.fixture
def rows(store: OpenedDatabase) -> ScriptVoiceRepository:
    return ScriptVoiceRepository(store.engine)


def test_first_casting_is_stored_and_comes_back_the_same(
    rows: ScriptVoiceRepository, script_id: int
) -> None:
    first = cast_script(["MAEVE", "TOMAS"], CATALOG, rows, script_id)
    assert set(first) == {"MAEVE", "TOMAS"}
    assert first["MAEVE"] != first["TOMAS"]
    assert stored_casting(rows, script_id) == first
    assert cast_script(["MAEVE", "TOMAS"], CATALOG, rows, script_id) == first


def test_a_new_character_is_cast_without_recasting_the_others(
    store: OpenedDatabase, rows: ScriptVoiceRepository, script_id: int
) -> None:
    kept = VoiceSettings("a/en-sc", rate=150, pitch=20, volume=0.7)
    set_casting(store.engine, script_id, "MAEVE", kept.to_dict())
    cast = cast_script(["MAEVE", "TOMAS", "NIAMH"], CATALOG, rows, script_id)
    assert cast["MAEVE"] == kept
    assert len(set(cast.values())) == 3
    assert set(get_casting(store.engine, script_id)) == {"MAEVE", "TOMAS", "NIAMH"}


def test_a_broken_stored_voice_is_recast_and_logged(
    store: OpenedDatabase,
    rows: ScriptVoiceRepository,
    script_id: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    set_casting(store.engine, script_id, "TOMAS", {"voice_id": "a/en-us", "rate": "fast"})
    with caplog.at_level(logging.WARNING, logger="rehearsal.speech.script_casting"):
        cast = cast_script(["MAEVE", "TOMAS"], CATALOG, rows, script_id)
    assert "TOMAS" in caplog.text
    assert isinstance(cast["TOMAS"].rate, int)
    assert get_casting(store.engine, script_id)["TOMAS"] == cast["TOMAS"].to_dict()


def test_while_the_engine_starts_voices_differ_and_nothing_is_stored(
    store: OpenedDatabase, rows: ScriptVoiceRepository, script_id: int
) -> None:
    cast = cast_script(["MAEVE", "TOMAS"], None, rows, script_id)
    assert cast == starting_casting(["MAEVE", "TOMAS"], {})
    assert cast["MAEVE"].pitch != cast["TOMAS"].pitch
    assert get_casting(store.engine, script_id) == {}


def test_without_a_store_the_casting_is_for_this_rehearsal_only() -> None:
    cast = cast_script(["MAEVE", "TOMAS"], CATALOG, None, None)
    assert set(cast) == {"MAEVE", "TOMAS"}


def test_remembered_voices_and_prefs_survive_together(
    store: OpenedDatabase, rows: ScriptVoiceRepository, script_id: int
) -> None:
    chosen = {
        "MAEVE": VoiceSettings("a/en-gb", rate=140),
        "TOMAS": VoiceSettings("a/en-us", pitch=70),
    }
    words = Pronunciations({"Tomas": "Toe-mass"})
    remember_voices(rows, script_id, chosen, words, True)
    assert stored_casting(rows, script_id) == chosen
    prefs = load_voice_prefs(rows, script_id)
    assert prefs.read_parentheticals is True
    assert prefs.pronunciations.apply("Tomas left.") == "Toe-mass left."
