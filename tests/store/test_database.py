"""Opening the database: pragmas, damaged files moved aside, locks reported quickly."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from rehearsal.paths import Paths
from rehearsal.store.database import (
    DatabaseLockedError,
    DatabaseOpenError,
    OpenedDatabase,
    open_database,
)
from rehearsal.store.scripts_repo import import_script, list_scripts
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store
from tests.store.sample_data import StepClock, sample_script, speech


def _fill(paths: Paths, clock: StepClock) -> int:
    """A database of a few dozen pages: one long script, so one commit."""
    big = sample_script()
    big.scenes[0].elements.extend(speech("NINA", f"Line number {i}.") for i in range(3000))
    opened = open_store(paths, now=clock)
    try:
        return import_script(opened.engine, big, None, b"x", now=clock)
    finally:
        opened.close()


def test_every_connection_has_the_store_pragmas(store: OpenedDatabase) -> None:
    with store.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    assert pragma == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "busy_timeout": 1500,
    }


def test_a_new_database_opens_without_notices(paths: Paths) -> None:
    opened = open_store(paths)
    try:
        assert opened.notices == ()
        assert paths.database.exists()
        assert list_scripts(opened.engine) == []
    finally:
        opened.close()


def test_a_file_that_is_not_sqlite_is_moved_aside(paths: Paths, wall_clock: StepClock) -> None:
    garbage = b"these are my notes, not a database\n" * 50
    paths.database.write_bytes(garbage)
    opened = open_store(paths, now=wall_clock)
    try:
        (notice,) = opened.notices
        assert notice.moved_to is not None
        assert notice.moved_to.name == "rehearsal.sqlite3.corrupt-20240304T180000"
        assert notice.moved_to.read_bytes() == garbage
        assert str(notice.moved_to) in notice.message
        # The fresh database works.
        import_script(opened.engine, sample_script(), None, b"fresh")
        assert len(list_scripts(opened.engine)) == 1
    finally:
        opened.close()


def test_a_damaged_sqlite_file_and_its_wal_are_moved_aside(
    paths: Paths, wall_clock: StepClock
) -> None:
    _fill(paths, wall_clock)
    data = bytearray(paths.database.read_bytes())
    assert len(data) > 8 * 4096
    # Keep the header page, scribble over the b-tree pages behind it.
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 64] = b"\xff" * 64
    paths.database.write_bytes(bytes(data))
    wal = paths.database.with_name(paths.database.name + "-wal")
    wal.write_bytes(b"stale wal")
    opened = open_store(paths, now=wall_clock)
    try:
        (notice,) = opened.notices
        assert notice.moved_to is not None
        assert notice.moved_to.exists()
        moved_wal = notice.moved_to.with_name(notice.moved_to.name + "-wal")
        assert moved_wal.read_bytes() == b"stale wal"
        assert list_scripts(opened.engine) == []
        with opened.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        opened.close()


def test_moving_aside_twice_in_one_second_keeps_both(paths: Paths, wall_clock: StepClock) -> None:
    for content in (b"first", b"second"):
        paths.database.write_bytes(content * 100)
        open_database(paths.database, now=wall_clock).close()
        paths.database.unlink(missing_ok=True)
        for sidecar in paths.data.glob("rehearsal.sqlite3-*"):
            sidecar.unlink()
    moved = sorted(p.name for p in paths.data.glob("*.corrupt-*"))
    assert moved == [
        "rehearsal.sqlite3.corrupt-20240304T180000",
        "rehearsal.sqlite3.corrupt-20240304T180000-2",
    ]


def test_a_locked_database_fails_fast_with_a_clear_message(paths: Paths) -> None:
    open_store(paths).close()
    holder = sqlite3.connect(paths.database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        began = time.monotonic()
        with pytest.raises(DatabaseLockedError) as caught:
            open_database(paths.database, busy_timeout_ms=200)
        assert time.monotonic() - began < 5
        assert "locked" in str(caught.value)
        assert "already running" in str(caught.value)
        assert str(paths.database) in str(caught.value)
        assert paths.database.exists()  # a lock is never mistaken for damage
        assert not list(paths.data.glob("*.corrupt-*"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_lock_taken_while_running_becomes_a_clear_error(paths: Paths) -> None:
    open_store(paths).close()
    opened = open_database(paths.database, busy_timeout_ms=100)
    script_id = import_script(opened.engine, sample_script(), None, b"x")
    holder = sqlite3.connect(paths.database, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseLockedError):
            SessionRecorder(opened.engine).start_session(script_id, "NINA", "rehearse")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Once the other writer is gone the same engine works again.
    assert SessionRecorder(opened.engine).start_session(script_id, "NINA", "rehearse") == 1
    opened.close()


def test_a_folder_in_the_way_is_reported(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    database.mkdir()
    with pytest.raises(DatabaseOpenError, match="is a folder"):
        open_database(database)


def test_naive_datetimes_are_refused(store: OpenedDatabase) -> None:
    from datetime import datetime

    script_id = import_script(store.engine, sample_script(), None, b"x")
    recorder = SessionRecorder(store.engine, now=lambda: datetime(2024, 1, 1))
    with pytest.raises(Exception, match="naive datetime"):
        recorder.start_session(script_id, "NINA", "rehearse")
    with store.engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM rehearsal_sessions")).scalar()
    assert count == 0


def test_writers_on_two_threads_wait_for_each_other_instead_of_failing(paths: Paths) -> None:
    """An import saving its script while the take log starts a session: both must land.

    Deferred transactions that read before they write fail at once with "locked" when
    another thread has written meanwhile; the store must wait for the lock instead.
    """
    import threading

    store = open_store(paths)
    script_id = import_script(store.engine, sample_script(), None, b"seed")
    errors: list[BaseException] = []

    def imports() -> None:
        try:
            for n in range(25):
                import_script(store.engine, sample_script(f"Draft {n}"), None, f"d{n}".encode())
        except BaseException as exc:  # the test reports it below
            errors.append(exc)

    def sessions() -> None:
        try:
            recorder = SessionRecorder(store.engine)
            for _ in range(25):
                recorder.start_session(script_id, "NINA", "rehearse")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=imports), threading.Thread(target=sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert len(list_scripts(store.engine)) == 26
    store.close()
