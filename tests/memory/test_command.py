"""``rehearsal lines FILE --role NAME``: the part with its memory, as a table and as JSON."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fsrs import Rating

from rehearsal.cli import build_parser
from rehearsal.memory import command
from rehearsal.memory.book import MemoryBook
from rehearsal.memory.book_store import open_book, save_reviewed
from rehearsal.memory.part import part_lines
from rehearsal.memory.state_file import memory_path, save_books
from rehearsal.paths import Paths
from rehearsal.script.loader import load_script
from rehearsal.store.memory_repo import MemoryRepository, StoredPart
from rehearsal.store.scripts_repo import find_script
from rehearsal.store.startup import open_store
from tests.memory.helpers import KITCHEN, MONDAY


def _sides(tmp_path: Path, text: str = KITCHEN, name: str = "kitchen.fountain") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _run(
    paths: Paths, *argv: str, now: Any = MONDAY, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    args = build_parser().parse_args(["--data-dir", str(paths.data.parent), "lines", *argv])
    status = command.run(args, now=now, tz=UTC)
    out, err = capsys.readouterr()
    return status, out, err


def _json(paths: Paths, *argv: str, capsys: pytest.CaptureFixture[str], now: Any = MONDAY) -> Any:
    status, out, err = _run(paths, *argv, "--json", now=now, capsys=capsys)
    assert status == 0, err
    return json.loads(out)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stored(paths: Paths, sides: Path) -> StoredPart:
    """The part of MARY as the database has it (the command wrote it)."""
    opened = open_store(paths)
    try:
        script = find_script(opened.engine, sides.read_bytes())
        assert script is not None
        part = MemoryRepository(opened.engine).load_part(script.id, "MARY")
        assert part is not None
        return part
    finally:
        opened.close()


def _review_all_in_store(paths: Paths, sides: Path) -> MemoryBook:
    """Run every line of MARY once, good, as the app would, straight into the database."""
    opened = open_store(paths)
    try:
        script = find_script(opened.engine, sides.read_bytes())
        assert script is not None
        repo = MemoryRepository(opened.engine)
        part = part_lines(load_script(sides), "MARY")
        book = open_book(repo, script.id, "MARY", part, UTC).book
        for key in book.lines:
            book.review(key, Rating.Good, MONDAY)
        save_reviewed(repo, script.id, book, list(book.lines))
        return book
    finally:
        opened.close()


def test_a_part_never_rehearsed(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    sides = _sides(tmp_path)
    record = _json(paths, str(sides), "--role", "mary", capsys=capsys)
    assert record["role"] == "MARY"
    assert record["script_hash"] == _digest(sides)
    assert record["summary"] == {
        "total": 6,
        "secure": 0,
        "new": 6,
        "due_today": 6,
        "minutes": record["today"]["minutes"],
        "days_left": None,
    }
    first = record["lines"][0]
    assert first["text"] == "The train was stopped outside the station."
    assert first["cue_speaker"] == "JOHN"
    assert first["cue"] == "You're late again."
    assert first["state"] == "new"
    assert first["due"] is None
    assert first["hide_level"] == "full"
    assert record["today"]["keys"] == [line["key"] for line in record["lines"]]
    assert not (paths.data / "memory").exists(), "looking writes nothing"
    assert not paths.database.exists(), "not even a database"


def test_the_memory_shows_with_states_due_dates_and_levels(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    sides = _sides(tmp_path)
    keys = [
        line["key"] for line in _json(paths, str(sides), "--role", "MARY", capsys=capsys)["lines"]
    ]

    part = part_lines(load_script(sides), "MARY")
    book = MemoryBook.for_part("MARY", part)
    assert list(book.lines) == keys
    book.review(keys[0], Rating.Good, MONDAY)
    book.review(keys[0], Rating.Good, MONDAY + timedelta(minutes=15))
    book.review(keys[1], Rating.Again, MONDAY)
    save_books(memory_path(paths.data, _digest(sides)), _digest(sides), {"MARY": book})

    later = MONDAY + timedelta(hours=1)
    record = _json(paths, str(sides), "--role", "MARY", capsys=capsys, now=later)
    first, second = record["lines"][:2]
    assert first["state"] == "review"
    assert first["reviews"] == 2
    assert first["last_grade"] == "good"
    assert first["hide_level"] == "first_words"
    due = book.lines[keys[0]].due
    assert due is not None
    assert first["due"] == due.isoformat(timespec="minutes")
    assert first["in_todays_run"] is False
    assert second["state"] == "learning"
    assert second["hide_level"] == "full"
    assert second["in_todays_run"] is True
    assert record["summary"]["new"] == 4

    status, out, _err = _run(paths, str(sides), "--role", "MARY", now=later, capsys=capsys)
    assert status == 0
    assert out.splitlines()[0] == f"MARY: {record['sentence']}"
    assert "first words" in out
    assert "The train was stopped outside the station." in out


def test_today_lists_the_run_with_cues(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    sides = _sides(tmp_path)
    status, out, _ = _run(paths, str(sides), "--role", "MARY", "--today", capsys=capsys)
    assert status == 0
    assert "cue JOHN: You're late again." in out
    status, shuffled, _ = _run(
        paths, str(sides), "--role", "MARY", "--today", "--shuffle", "--seed", "3", capsys=capsys
    )
    assert status == 0
    assert shuffled != out
    assert sorted(shuffled.splitlines()) == sorted(out.splitlines())


def test_off_book_by_is_stored_and_cleared(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    sides = _sides(tmp_path)
    record = _json(
        paths, str(sides), "--role", "MARY", "--off-book-by", "2026-12-10", capsys=capsys
    )
    assert record["off_book_by"] == "2026-12-10"
    assert record["summary"]["days_left"] == 3
    assert record["sentence"].startswith("Off book by 2026-12-10: 0 of 6 lines secure")
    assert _stored(paths, sides).off_book_by == date(2026, 12, 10)
    assert not memory_path(paths.data, _digest(sides)).exists(), "kept in the database"
    assert _json(paths, str(sides), "--role", "MARY", capsys=capsys)["off_book_by"] == "2026-12-10"
    cleared = _json(paths, str(sides), "--role", "MARY", "--off-book-by", "none", capsys=capsys)
    assert cleared["off_book_by"] is None


def test_a_corrected_script_takes_over_the_memory(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    sides = _sides(tmp_path)
    _json(paths, str(sides), "--role", "MARY", "--off-book-by", "2026-12-10", capsys=capsys)
    book = _review_all_in_store(paths, sides)

    fixed = _sides(
        tmp_path, KITCHEN.replace("stopped outside", "stopped just outside"), "v2.fountain"
    )
    status, out, err = _run(paths, str(fixed), "--role", "MARY", "--json", capsys=capsys)
    assert status == 0
    assert "carried over from an earlier version" in err
    record = json.loads(out)
    assert record["off_book_by"] == "2026-12-10"
    assert [line["key"] for line in record["lines"]] == list(book.lines)
    assert record["lines"][0]["text"] == "The train was stopped just outside the station."
    assert all(line["state"] == "learning" for line in record["lines"])
    assert _stored(paths, sides).lines, "the earlier version keeps its memory"
    assert len(_stored(paths, fixed).lines) == 6
    _status, _out, err = _run(paths, str(fixed), "--role", "MARY", capsys=capsys)
    assert err == "", "carried over once"


def test_a_damaged_memory_file_is_reported_once_and_kept(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    sides = _sides(tmp_path)
    path = memory_path(paths.data, _digest(sides))
    path.parent.mkdir(parents=True)
    path.write_text("{ not json", encoding="utf-8")
    status, _out, err = _run(paths, str(sides), "--role", "MARY", capsys=capsys)
    assert status == 0
    assert err.startswith(f"rehearsal: warning: {path}: damaged memory file")
    assert path.read_text(encoding="utf-8") == "{ not json"
    assert len(list(path.parent.glob("*.damaged-*"))) == 1
    status, _out, err = _run(paths, str(sides), "--role", "MARY", capsys=capsys)
    assert err == ""


def test_a_json_memory_is_taken_over_once_and_looking_leaves_the_database_alone(
    tmp_path: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    sides = _sides(tmp_path)
    part = part_lines(load_script(sides), "MARY")
    book = MemoryBook.for_part("MARY", part)
    first = next(iter(book.lines))
    book.review(first, Rating.Good, MONDAY)
    path = memory_path(paths.data, _digest(sides))
    save_books(path, _digest(sides), {"MARY": book})

    status, _out, err = _run(paths, str(sides), "--role", "MARY", capsys=capsys)
    assert status == 0
    assert f"taken over from {path}" in err
    stored = _stored(paths, sides)
    assert stored.imported_from == str(path)
    assert [len(line.reviews) for line in stored.lines] == [1, 0, 0, 0, 0, 0]

    book.review(first, Rating.Again, MONDAY + timedelta(hours=1))
    save_books(path, _digest(sides), {"MARY": book})  # an old copy of the app wrote again
    before = paths.database.read_bytes()
    record = _json(paths, str(sides), "--role", "MARY", capsys=capsys)
    assert record["lines"][0]["reviews"] == 1, "the file is taken over once, not merged again"
    assert paths.database.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "what"),
    [
        (["--role", "Ophelia"], "no character OPHELIA"),
        (["--role", "MARY", "--off-book-by", "Thursday"], "is not a date"),
    ],
)
def test_bad_input_is_one_line(
    tmp_path: Path,
    paths: Paths,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    what: str,
) -> None:
    sides = _sides(tmp_path)
    status, out, err = _run(paths, str(sides), *argv, capsys=capsys)
    assert status == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("rehearsal: error: ")
    assert what in err


def test_the_real_command(tmp_path: Path) -> None:
    sides = _sides(tmp_path)
    missing = tmp_path / "missing.fountain"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rehearsal",
            "--data-dir",
            str(tmp_path / "app"),
            "lines",
            str(sides),
            "--role",
            "MARY",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert len(record["lines"]) == 6
    assert record["sentence"].startswith("0 of 6 lines secure, 6 due today (")
    result = subprocess.run(
        [sys.executable, "-m", "rehearsal", "lines", str(missing), "--role", "MARY"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"rehearsal: error: {missing}: no such file"
