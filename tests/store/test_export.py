"""Export: CSV and JSON of all or filtered sessions read back to the very same records."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from rehearsal.store.database import OpenedDatabase
from rehearsal.store.export import (
    CSV_COLUMNS,
    ExportError,
    export_csv,
    export_json,
    read_csv,
    read_json,
)
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.records import SessionFilter, SessionMode
from tests.store.sample_data import History, StepClock


@pytest.fixture
def repo(populated: tuple[OpenedDatabase, History]) -> HistoryRepository:
    return HistoryRepository(populated[0].engine)


@pytest.fixture
def history(populated: tuple[OpenedDatabase, History]) -> History:
    return populated[1]


def test_json_round_trip_of_the_full_record(
    repo: HistoryRepository, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "out" / "history.json"
    assert export_json(repo, path, now=StepClock()) == 5
    restored = read_json(path)
    assert restored == repo.session_details(sorted(history.sessions))
    assert sum(len(t.lines) for d in restored for t in d.takes) == 27
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "rehearsal-history"
    assert document["exported_at"] == "2024-03-04T18:00:00+00:00"
    assert document["sessions"][0]["summary"]["started_at"] == "2024-03-04T18:00:00+00:00"


def test_csv_round_trip_of_the_summaries(
    repo: HistoryRepository, history: History, tmp_path: Path
) -> None:
    path = tmp_path / "history.csv"
    assert export_csv(repo, path) == 5
    assert read_csv(path) == repo.summaries(sorted(history.sessions))
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1][CSV_COLUMNS.index("script_title")] == "Night Shift"
    assert rows[5][CSV_COLUMNS.index("ended_at")] == ""  # the unended session


def test_filtered_exports_hold_only_the_matching_sessions(
    repo: HistoryRepository, history: History, tmp_path: Path
) -> None:
    drills = SessionFilter(mode=SessionMode.DRILL)
    assert export_csv(repo, tmp_path / "drills.csv", drills) == 2
    assert [s.id for s in read_csv(tmp_path / "drills.csv")] == [
        history.sessions[1],
        history.sessions[4],
    ]
    dawn = SessionFilter(script_id=history.scripts["Dawn"])
    assert export_json(repo, tmp_path / "dawn.json", dawn) == 2
    assert {d.summary.script_title for d in read_json(tmp_path / "dawn.json")} == {"Dawn"}
    document = json.loads((tmp_path / "dawn.json").read_text(encoding="utf-8"))
    assert document["filter"]["script_id"] == history.scripts["Dawn"]


def test_an_unwritable_target_is_a_clear_error_and_leaves_no_temp_file(
    repo: HistoryRepository, tmp_path: Path
) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(ExportError, match="could not write the export"):
        export_csv(repo, target)
    assert list(tmp_path.iterdir()) == [target]
    assert list(target.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a readable history export"),
        ('{"format": "something else"}', "not a Rehearsal history export"),
        ('{"format": "rehearsal-history", "version": 99}', "version 99 is unknown"),
        ('{"format": "rehearsal-history", "version": 1, "sessions": [{}]}', "damaged"),
    ],
)
def test_reading_a_bad_json_export_names_the_problem(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ExportError, match=message):
        read_json(path)


def test_reading_a_foreign_csv_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ExportError, match="unexpected columns"):
        read_csv(path)
