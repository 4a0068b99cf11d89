"""``rehearsal history`` output: recent sessions as text, the full record as JSON."""

from __future__ import annotations

import json
import sqlite3

import pytest

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase, StoreError
from rehearsal.store.history_cli import format_duration, print_history
from tests.store.sample_data import History


@pytest.fixture
def filled(populated: tuple[OpenedDatabase, History]) -> Paths:
    """The folders of the module's sample history (read-only tests)."""
    return Paths.under(populated[0].path.parent.parent)


def test_without_a_database_nothing_is_created(paths: Paths) -> None:
    assert print_history(paths, 10, False) == "No rehearsals recorded yet."
    assert json.loads(print_history(paths, 10, True))["sessions"] == []
    assert not paths.database.exists()


def test_recent_sessions_newest_first_with_a_limit(filled: Paths) -> None:
    output = print_history(filled, 2, False)
    lines = output.splitlines()
    assert lines[0] == "5 sessions (the 2 most recent, newest first):"
    assert len(lines) == 3
    assert "Dawn  NINA  drill  1m 40s  2 takes  6 lines  0 skipped" in lines[1]
    assert lines[1].endswith("(not ended)")
    assert "Night Shift  CAL  cold_read  1m 00s  1 take  3 lines" in lines[2]
    assert "response 0.5s  rating 5.0/5" in lines[2]
    everything = print_history(filled, None, False).splitlines()
    assert everything[0] == "5 sessions (all, newest first):"
    assert len(everything) == 6


def test_json_is_the_full_record_of_the_most_recent(filled: Paths) -> None:
    document = json.loads(print_history(filled, 2, True))
    sessions = document["sessions"]
    assert [s["summary"]["role"] for s in sessions] == ["CAL", "NINA"]  # oldest first
    assert [len(s["takes"]) for s in sessions] == [1, 2]
    assert sessions[0]["takes"][0]["lines"][0]["text"] == "The bus never came."
    assert len(json.loads(print_history(filled, None, True))["sessions"]) == 5


def test_a_file_that_is_no_database_is_explained_and_left_alone(paths: Paths) -> None:
    paths.database.write_bytes(b"garbage" * 100)
    with pytest.raises(StoreError, match="damaged and nothing in it can be read") as caught:
        print_history(paths, 10, False)
    assert "\n" not in str(caught.value)
    assert paths.database.read_bytes() == b"garbage" * 100  # not moved, not replaced
    assert sorted(p.name for p in paths.data.iterdir()) == ["rehearsal.sqlite3"]


def test_the_history_reads_while_another_program_writes(filled: Paths) -> None:
    # Reading only, the command needs no write lock: a rehearsal in progress in the app
    # (or a backup tool) does not stop it.
    holder = sqlite3.connect(filled.database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        assert "sessions (all, newest first)" in print_history(filled, 10, False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (45.4, "45s"), (750, "12m 30s"), (3720, "1h 02m")],
)
def test_durations_read_like_a_clock(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text
