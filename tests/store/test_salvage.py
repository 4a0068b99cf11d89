"""Salvage, not discard: real database files, really damaged, every readable row kept."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from rehearsal.paths import Paths
from rehearsal.store.history_cli import print_history
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.salvage import LOST_SCRIPT_TITLE, has_lost_text
from rehearsal.store.scripts_repo import import_script, load_snapshot
from rehearsal.store.startup import open_store
from tests.store.damage import (
    LINES,
    SESSIONS,
    SOURCE,
    BuiltHistory,
    big_script,
    build_history,
    copy_history,
    page_size,
    pages_of,
    write_garbage,
)

GARBAGE = 64 * 1024


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltHistory:
    return build_history(tmp_path_factory.mktemp("built"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [str(r[0]) for r in connection.execute("PRAGMA integrity_check").fetchall()]
    finally:
        connection.close()


def open_damaged(paths: Paths) -> tuple[str, Path, int]:
    """Open the store as the app does: the notice, the file kept aside, sessions now."""
    damaged = digest(paths.database)
    opened = open_store(paths)
    try:
        assert len(opened.notices) == 1
        notice = opened.notices[0]
        assert notice.moved_to is not None
        assert digest(notice.moved_to) == damaged  # the damaged file is kept untouched
        sessions = HistoryRepository(opened.engine).count_sessions()
    finally:
        opened.close()
    assert integrity(paths.database) == ["ok"]
    return notice.message, notice.moved_to, sessions


def test_garbage_in_the_middle_of_the_file_loses_no_session(
    built: BuiltHistory, tmp_path: Path
) -> None:
    paths = copy_history(built, tmp_path)
    middle = paths.database.stat().st_size // 2 - GARBAGE // 2
    write_garbage(paths.database, middle, GARBAGE)
    message, _moved, sessions = open_damaged(paths)
    assert sessions == SESSIONS
    assert f"{SESSIONS} of {SESSIONS} sessions, " in message
    assert f"{LINES} of {LINES} lines" in message


def test_damaged_script_text_keeps_the_history_and_is_read_again(
    built: BuiltHistory, tmp_path: Path
) -> None:
    paths = copy_history(built, tmp_path)
    text_pages = pages_of(paths.database, "scripts", "overflow")
    assert len(text_pages) * page_size(paths.database) > GARBAGE
    write_garbage(paths.database, text_pages[4] * page_size(paths.database), GARBAGE)
    message, _moved, sessions = open_damaged(paths)
    assert sessions == SESSIONS
    assert (
        f"{SESSIONS} of {SESSIONS} sessions, 12 of 12 takes, {LINES} of {LINES} lines, "
        "6 of 6 ratings, 1 of 1 script; the text of 1 script was lost and will be read "
        "again from its file the next time you open it"
    ) in message
    opened = open_store(paths)
    try:
        script_id = HistoryRepository(opened.engine).list_sessions(limit=1)[0].script_id
        snapshot = load_snapshot(opened.engine, script_id)
        assert snapshot is not None
        assert snapshot.scenes == []
        # Opening the same file again brings the text back, under the same script.
        assert import_script(opened.engine, big_script(), "long.fountain", SOURCE) == script_id
        restored = load_snapshot(opened.engine, script_id)
        assert restored is not None
        assert len(restored.scenes) == len(big_script().scenes)
    finally:
        opened.close()


def test_a_damaged_page_of_lines_costs_only_those_lines(
    built: BuiltHistory, tmp_path: Path
) -> None:
    paths = copy_history(built, tmp_path)
    leaf = pages_of(paths.database, "line_events", "leaf")[1]
    size = page_size(paths.database)
    write_garbage(paths.database, (leaf - 1) * size, size)
    message, _moved, sessions = open_damaged(paths)
    assert sessions == SESSIONS
    opened = open_store(paths)
    try:
        lines = sum(s.line_count for s in HistoryRepository(opened.engine).list_sessions())
        with opened.engine.connect() as connection:
            kept = connection.exec_driver_sql("SELECT count(*) FROM line_events").scalar_one()
    finally:
        opened.close()
    assert lines == LINES  # the sessions' totals still say how many there were
    assert 0 < kept < LINES
    assert f"{kept} of {LINES} lines" in message


def test_a_lost_script_row_keeps_its_sessions_under_a_stand_in(
    built: BuiltHistory, tmp_path: Path
) -> None:
    paths = copy_history(built, tmp_path)
    (leaf,) = pages_of(paths.database, "scripts", "leaf")
    size = page_size(paths.database)
    write_garbage(paths.database, (leaf - 1) * size, size)
    message, _moved, sessions = open_damaged(paths)
    assert sessions == SESSIONS
    assert (
        f'1 script could not be read at all, so its sessions are kept under "{LOST_SCRIPT_TITLE}"'
        in message
    )


def test_history_reads_a_damaged_file_without_touching_it(
    built: BuiltHistory, tmp_path: Path
) -> None:
    paths = copy_history(built, tmp_path)
    text_pages = pages_of(paths.database, "scripts", "overflow")
    write_garbage(paths.database, text_pages[4] * page_size(paths.database), GARBAGE)
    before = digest(paths.database)
    names = sorted(p.name for p in paths.data.iterdir())
    output = print_history(paths, None, False)
    assert output.startswith("Note: The history database")
    assert f"{SESSIONS} of {SESSIONS} sessions" in output
    assert f"{SESSIONS} sessions (all, newest first):" in output
    assert digest(paths.database) == before
    assert sorted(p.name for p in paths.data.iterdir()) == names


def test_history_needs_the_app_for_an_older_schema(built: BuiltHistory, tmp_path: Path) -> None:
    paths = copy_history(built, tmp_path)
    connection = sqlite3.connect(paths.database)
    connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.commit()
    connection.close()
    before = digest(paths.database)
    from rehearsal.store.database import StoreError

    with pytest.raises(StoreError, match="open the Rehearsal app once"):
        print_history(paths, None, False)
    assert digest(paths.database) == before
    assert not (paths.data / "backups").exists()  # no migration, not even its backup


def test_lost_text_marker() -> None:
    assert has_lost_text({"format": "text", "scenes": [], "lost_text": True})
    assert not has_lost_text({"format": "fountain", "scenes": []})
