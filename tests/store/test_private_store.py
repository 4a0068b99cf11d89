"""The history is private: the database, its WAL files, backups and journals are 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from rehearsal.engine.timing import Rating
from rehearsal.paths import Paths
from rehearsal.store.migrate import backup_database
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store, open_store_for_reading
from rehearsal.store.take_log import NOT_SAVED, StoreTakeRecorder
from tests.store.sample_data import StepClock, populate


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual umask of a desktop session: new files readable by everyone."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_the_database_and_its_wal_files_are_private(paths: Paths) -> None:
    opened = open_store(paths)
    try:
        populate(opened.engine, StepClock())
        files = sorted(p.name for p in paths.data.iterdir() if p.is_file())
        assert "rehearsal.sqlite3-wal" in files
        for name in files:
            assert mode(paths.data / name) == 0o600, name
        backup = backup_database(paths.database, paths.data / "backups", "test")
        assert mode(backup) == 0o600
        assert mode(backup.parent) == 0o700
    finally:
        opened.close()


@pytest.mark.usefixtures("open_umask")
def test_an_old_world_readable_database_is_tightened(paths: Paths) -> None:
    open_store(paths).close()
    paths.database.chmod(0o644)
    open_store(paths).close()
    assert mode(paths.database) == 0o600


def test_a_read_only_history_says_the_rehearsal_is_not_saved(paths: Paths) -> None:
    opened = open_store(paths)
    try:
        history = populate(opened.engine, StepClock())
    finally:
        opened.close()
    reading = open_store_for_reading(paths)
    try:
        said: list[str] = []
        log = StoreTakeRecorder(
            SessionRecorder(reading.engine),
            history.scripts["Night Shift"],
            "NINA",
            on_status=said.append,
        )
        assert log.journal_path is None  # nothing is written beside a file opened read-only
        log.on_rating(1, Rating(4, "good"), ())  # the first event of the run
        log.flush()
        log.close()
        assert said == [NOT_SAVED]
    finally:
        reading.close()
