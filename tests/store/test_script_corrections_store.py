"""Corrections stored with a script: saved, read back by content, applied to history texts,
and carried through the 0003 migration in both directions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from rehearsal.paths import Paths
from rehearsal.script.corrections import (
    CorrectionsFormatError,
    RenameCharacter,
    SetExcluded,
    SetKind,
)
from rehearsal.script.lines import LineId, LineKind
from rehearsal.store.database import OpenedDatabase, create_store_engine
from rehearsal.store.migrate import alembic_config, current_revision, upgrade_database
from rehearsal.store.scripts_repo import (
    find_corrections,
    import_script,
    line_texts,
    load_corrections,
    load_snapshot,
    save_corrections,
)
from rehearsal.store.startup import open_store
from tests.store.sample_data import sample_script


def test_corrections_are_saved_replaced_and_found_by_content(store: OpenedDatabase) -> None:
    script_id = import_script(store.engine, sample_script(), "/sides/a.fountain", b"bytes")
    assert load_corrections(store.engine, script_id) == ()
    ops = (RenameCharacter("CAL", "CALVIN"), SetExcluded((LineId(0, 0),)))
    assert save_corrections(store.engine, script_id, ops)
    assert load_corrections(store.engine, script_id) == ops
    assert find_corrections(store.engine, b"bytes") == ops
    assert find_corrections(store.engine, b"other bytes") == ()
    assert save_corrections(store.engine, script_id, ops[:1])  # an undo
    assert load_corrections(store.engine, script_id) == ops[:1]
    assert save_corrections(store.engine, script_id, ())
    assert load_corrections(store.engine, script_id) == ()
    assert not save_corrections(store.engine, script_id + 99, ops)


def test_the_snapshot_stays_the_original_import(store: OpenedDatabase) -> None:
    script_id = import_script(store.engine, sample_script(), None, b"bytes")
    save_corrections(store.engine, script_id, (RenameCharacter("CAL", "CALVIN"),))
    again = import_script(store.engine, sample_script(), None, b"bytes")
    assert again == script_id
    snapshot = load_snapshot(store.engine, script_id)
    assert snapshot is not None
    assert "CAL" in snapshot.characters


def test_damaged_corrections_are_reported_not_dropped(store: OpenedDatabase) -> None:
    script_id = import_script(store.engine, sample_script(), None, b"bytes")
    with store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE scripts SET corrections = '{not json'")
    with pytest.raises(CorrectionsFormatError, match="not valid JSON"):
        load_corrections(store.engine, script_id)


def test_history_texts_follow_the_corrected_script() -> None:
    from rehearsal.script.corrections import corrections_to_json
    from rehearsal.script.serialize import script_to_dict

    snapshot = script_to_dict(sample_script())
    assert line_texts(snapshot)[(0, 0)] == "You're late."
    # Leaving CAL's first speech out moves every later element of the scene up by one.
    excluded = corrections_to_json((SetExcluded((LineId(0, 0),)),))
    corrected = line_texts(snapshot, excluded)
    assert corrected[(0, 0)] == "The bus never came."
    assert corrected[(0, 2)] == "Is that for me?"
    assert line_texts(snapshot, "{damaged") == {}


def _upgrade_to(path: Path, target: str) -> None:
    upgrade_database(path, target=target)


def _downgrade_to(path: Path, target: str) -> None:
    engine = create_store_engine(path, for_migrations=True)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection, None), target)
    finally:
        engine.dispose()


def test_0003_adds_the_column_to_existing_scripts_and_drops_it_again(paths: Paths) -> None:
    paths.data.mkdir(parents=True, exist_ok=True)
    _upgrade_to(paths.database, "0002")
    connection = sqlite3.connect(paths.database)
    connection.execute(
        "INSERT INTO scripts (id, content_hash, title, format, source_path, snapshot, "
        "imported_at) VALUES (1, 'abc', 'Night Shift', 'fountain', NULL, "
        '\'{"title": "Night Shift", "format": "fountain", "scenes": []}\', '
        "'2024-03-04 18:00:00.000000')"
    )
    connection.commit()
    connection.close()
    _upgrade_to(paths.database, "head")
    opened = open_store(paths)
    try:
        assert load_corrections(opened.engine, 1) == ()
        ops = (SetKind((LineId(0, 2),), LineKind.CUE),)
        save_corrections(opened.engine, 1, ops)
        assert load_corrections(opened.engine, 1) == ops
    finally:
        opened.close()
    _downgrade_to(paths.database, "0002")
    connection = sqlite3.connect(paths.database)
    try:
        for table in ("scripts", "rehearsal_sessions"):
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            assert "corrections" not in columns
        assert connection.execute("SELECT title FROM scripts").fetchall() == [("Night Shift",)]
    finally:
        connection.close()
    engine = create_store_engine(paths.database)
    try:
        with engine.connect() as connection_:
            assert current_revision(connection_) == "0002"
    finally:
        engine.dispose()


def _session_line_text(store: OpenedDatabase, script_id: int, element: int) -> str | None:
    """Rehearse one line at (0, element) and read its words back from the history."""
    from rehearsal.store.history_repo import HistoryRepository
    from rehearsal.store.sessions_repo import SessionRecorder

    recorder = SessionRecorder(store.engine)
    session_id = recorder.start_session(script_id, "NINA", "rehearse")
    take_id = recorder.start_take(session_id)
    recorder.record_line(take_id, 0, element, cue_end_s=1.0, actor_done_s=2.0)
    recorder.end_session(session_id)
    detail = HistoryRepository(store.engine).session_detail(session_id)
    assert detail is not None
    (take,) = detail.takes
    (line,) = take.lines
    return line.text


def test_each_session_reads_its_lines_as_corrected_when_it_was_rehearsed(
    store: OpenedDatabase,
) -> None:
    script_id = import_script(store.engine, sample_script(), None, b"bytes")
    assert _session_line_text(store, script_id, 1) == "The bus never came."
    # CAL's first speech left out: NINA's line now stands at element 0.
    save_corrections(store.engine, script_id, (SetExcluded((LineId(0, 0),)),))
    assert _session_line_text(store, script_id, 0) == "The bus never came."
    save_corrections(store.engine, script_id, ())  # undone after both were rehearsed
    from rehearsal.store.history_repo import HistoryRepository

    repo = HistoryRepository(store.engine)
    texts = [
        detail.takes[0].lines[0].text
        for detail in repo.session_details([s.id for s in repo.list_sessions()])
    ]
    assert texts == ["The bus never came.", "The bus never came."]
