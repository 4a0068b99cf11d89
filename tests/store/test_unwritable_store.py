"""Read-only files and full disks are found at start and explained in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from rehearsal.paths import Paths
from rehearsal.store.database import (
    DatabaseReadOnlyError,
    DiskFullError,
    StoreError,
    describe_failure,
)
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store
from tests.mounts import fill, read_only, small_disk
from tests.store.sample_data import StepClock, populate

RAW = ("SELECT", "INSERT", "UPDATE", "sqlalche.me", "OperationalError", "[SQL")


def _populated(paths: Paths) -> None:
    opened = open_store(paths)
    try:
        populate(opened.engine, StepClock())
    finally:
        opened.close()


def test_a_read_only_database_is_announced_and_still_read(tmp_path: Path) -> None:
    paths = Paths.under(tmp_path / "home").ensure()
    _populated(paths)
    with read_only(paths.data):
        opened = open_store(paths)
        try:
            assert opened.read_only
            (notice,) = opened.notices
            assert f"{paths.database} is read-only, so this run cannot save anything new" in (
                notice.message
            )
            assert "you can rehearse and look through your history" in notice.message
            assert HistoryRepository(opened.engine).count_sessions() == 5
            with pytest.raises(DatabaseReadOnlyError) as caught:
                SessionRecorder(opened.engine).start_session(1, "NINA", "rehearse")
            assert not any(raw in str(caught.value) for raw in RAW)
            assert describe_failure(caught.value) == "the database is read-only"
        finally:
            opened.close()


def test_a_full_disk_at_start_is_called_a_full_disk(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "4m") as disk:
        paths = Paths.under(disk).ensure()
        _populated(paths)
        fill(disk)
        opened = open_store(paths)
        try:
            (notice,) = opened.notices
            assert notice.message.startswith(
                f"The disk holding your history ({paths.data}) is full"
            )
            assert "I/O" not in notice.message
            assert HistoryRepository(opened.engine).count_sessions() == 5
        finally:
            opened.close()


def test_a_new_history_on_a_full_disk_says_so_in_one_plain_sentence(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "1m") as disk:
        paths = Paths.under(disk).ensure()
        fill(disk)
        with pytest.raises(StoreError) as raised:  # the app shows this sentence as it is
            open_store(paths)
        problem = str(raised.value)
        assert problem == (
            f"{paths.database}: the disk is full, so the history cannot be saved until some "
            "space is freed. Nothing already saved is lost."
        )
        assert not paths.database.exists()  # no empty file left behind
        assert not any(raw in problem for raw in RAW)


def test_plain_words_for_each_failure() -> None:
    path = Path("/data/rehearsal.sqlite3")
    assert describe_failure(DiskFullError(path)) == "the disk is full"
    assert describe_failure(OSError(28, "No space left on device")) == "the disk is full"
    assert "SELECT" not in str(DiskFullError(path))
