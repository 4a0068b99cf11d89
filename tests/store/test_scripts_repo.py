"""Scripts: dedupe by content, snapshots that outlive the file, casting and settings."""

from __future__ import annotations

import hashlib

from rehearsal.script.serialize import script_to_dict
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.scripts_repo import (
    content_hash,
    delete_script,
    find_script,
    get_casting,
    get_script,
    get_settings,
    import_script,
    line_texts,
    list_scripts,
    load_snapshot,
    set_casting,
    update_settings,
)
from rehearsal.store.sessions_repo import SessionRecorder
from tests.store.sample_data import StepClock, sample_script


def test_import_stores_snapshot_characters_and_hash(
    store: OpenedDatabase, wall_clock: StepClock
) -> None:
    script = sample_script()
    script_id = import_script(store.engine, script, "/sides/night.fountain", b"raw", now=wall_clock)
    info = get_script(store.engine, script_id)
    assert info is not None
    assert info.title == "Night Shift"
    assert info.format == "fountain"
    assert info.source_path == "/sides/night.fountain"
    assert info.content_hash == content_hash(b"raw") == hashlib.sha256(b"raw").hexdigest()
    assert info.imported_at == wall_clock.now
    assert info.characters == ("CAL", "NINA")
    snapshot = load_snapshot(store.engine, script_id)
    assert snapshot is not None
    assert script_to_dict(snapshot) == script_to_dict(script)


def test_same_bytes_find_the_first_import_and_remember_the_new_path(
    store: OpenedDatabase,
) -> None:
    first = import_script(store.engine, sample_script(), "/old/place.fountain", b"same")
    again = import_script(store.engine, sample_script("Renamed"), "/new/place.fountain", b"same")
    assert again == first
    info = get_script(store.engine, first)
    assert info is not None
    assert info.source_path == "/new/place.fountain"
    assert info.title == "Night Shift"  # the snapshot is never rewritten
    other = import_script(store.engine, sample_script(), "/old/place.fountain", b"revised")
    assert other != first
    assert [s.id for s in list_scripts(store.engine)] == [other, first]
    found = find_script(store.engine, b"revised")
    assert found is not None
    assert found.id == other
    assert find_script(store.engine, b"never imported") is None


def test_untitled_scripts_are_named_after_their_file(store: OpenedDatabase) -> None:
    untitled = sample_script()
    untitled.title = None
    script_id = import_script(store.engine, untitled, "/sides/scene 4.fountain", b"u")
    info = get_script(store.engine, script_id)
    assert info is not None
    assert info.display_title == "scene 4.fountain"
    nameless = import_script(store.engine, untitled, None, b"n")
    info = get_script(store.engine, nameless)
    assert info is not None
    assert info.display_title == f"Script {nameless}"


def test_line_texts_address_dialogue_by_scene_and_element() -> None:
    texts = line_texts(script_to_dict(sample_script()))
    assert texts[(0, 1)] == "The bus never came."
    assert texts[(1, 1)] == "I need a new life."
    assert (0, 2) not in texts  # action, not a line


def test_casting_is_per_script_and_replaced(store: OpenedDatabase) -> None:
    one = import_script(store.engine, sample_script(), None, b"1")
    two = import_script(store.engine, sample_script(), None, b"2")
    set_casting(store.engine, one, "CAL", {"voice": "en-us", "rate": 160})
    set_casting(store.engine, one, "CAL", {"voice": "en-gb", "rate": 150})
    set_casting(store.engine, two, "CAL", {"voice": "de"})
    assert get_casting(store.engine, one) == {"CAL": {"voice": "en-gb", "rate": 150}}
    assert get_casting(store.engine, two) == {"CAL": {"voice": "de"}}


def test_settings_merge_and_remove_keys(store: OpenedDatabase, wall_clock: StepClock) -> None:
    script_id = import_script(store.engine, sample_script(), None, b"s")
    assert get_settings(store.engine, script_id) == {}
    update_settings(store.engine, script_id, {"last_role": "NINA", "wait": "key"}, now=wall_clock)
    merged = update_settings(store.engine, script_id, {"wait": None, "speed": 1.2})
    assert merged == {"last_role": "NINA", "speed": 1.2}
    assert get_settings(store.engine, script_id) == merged


def test_deleting_a_script_deletes_its_sessions(store: OpenedDatabase) -> None:
    script_id = import_script(store.engine, sample_script(), None, b"d")
    keep = import_script(store.engine, sample_script(), None, b"k")
    recorder = SessionRecorder(store.engine)
    recorder.start_take(recorder.start_session(script_id, "NINA", "rehearse"))
    kept = recorder.start_session(keep, "NINA", "rehearse")
    set_casting(store.engine, script_id, "CAL", {"voice": "x"})
    assert delete_script(store.engine, script_id)
    assert not delete_script(store.engine, script_id)
    assert get_script(store.engine, script_id) is None
    assert get_casting(store.engine, script_id) == {}
    assert HistoryRepository(store.engine).session_ids() == [kept]
    assert load_snapshot(store.engine, script_id) is None
