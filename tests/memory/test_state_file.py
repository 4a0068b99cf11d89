"""The memory file: a faithful round trip, private, atomic, and salvaged when damaged."""

from __future__ import annotations

import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from fsrs import Rating

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.state_file import (
    MemoryFileError,
    load_books,
    memory_path,
    save_books,
)
from tests.memory.helpers import KITCHEN, MONDAY, mary


def _book() -> MemoryBook:
    book = MemoryBook.for_part("MARY", mary())
    book.off_book_by = date(2026, 12, 10)
    keys = list(book.lines)
    book.review(keys[0], Rating.Good, MONDAY)
    book.review(keys[0], Rating.Hard, MONDAY + timedelta(minutes=20))
    book.review(keys[1], Rating.Again, MONDAY)
    book.reconcile(mary(KITCHEN.replace("JOHN\nI waited.\n\nMARY\nI know you did.\n\n", "")))
    return book


def test_round_trip_keeps_cards_reviews_retired_lines_and_the_date(tmp_path: Path) -> None:
    book = _book()
    path = memory_path(tmp_path, "abc")
    save_books(path, "abc", {"MARY": book})
    loaded = load_books(path, MONDAY)
    assert loaded.problems == []
    again = loaded.books["MARY"]
    assert again.off_book_by == book.off_book_by
    assert list(again.lines) == list(book.lines)
    assert list(again.retired) == list(book.retired)
    assert again.retired, "the cut line is kept"
    for key, memory in book.lines.items():
        other = again.lines[key]
        assert other.fingerprint == memory.fingerprint
        assert other.reviews == memory.reviews
        assert (other.card.to_dict() if other.card else None) == (
            memory.card.to_dict() if memory.card else None
        )


def test_the_file_is_private_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = memory_path(tmp_path, "abc")
    save_books(path, "abc", {"MARY": _book()})
    save_books(path, "abc", {"MARY": _book()})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["abc.json"]
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "rehearsal-memory"
    assert data["script_hash"] == "abc"


def test_a_failed_save_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = memory_path(tmp_path, "abc")
    save_books(path, "abc", {"MARY": _book()})
    before = path.read_bytes()

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("rehearsal.memory.state_file.os.replace", disk_full)
    with pytest.raises(MemoryFileError, match=r"abc\.json: cannot save the memory"):
        save_books(path, "abc", {"MARY": MemoryBook.for_part("MARY", mary())})
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["abc.json"]


def test_an_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "memory").write_text("a file where the folder should be")
    with pytest.raises(MemoryFileError, match="cannot save"):
        save_books(memory_path(tmp_path, "abc"), "abc", {"MARY": _book()})


def test_a_damaged_file_is_copied_aside_and_reported(tmp_path: Path) -> None:
    path = memory_path(tmp_path, "abc")
    path.parent.mkdir()
    path.write_text('{"format": "rehearsal-memory", "version": 1, "roles": {', encoding="utf-8")
    loaded = load_books(path, MONDAY)
    assert loaded.books == {}
    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}: damaged memory file")
    aside = path.with_name("abc.json.damaged-20261207T090000")
    assert aside.read_text(encoding="utf-8").endswith('"roles": {')
    assert aside.name in loaded.problems[0]


def test_a_damaged_line_loses_only_itself(tmp_path: Path) -> None:
    path = memory_path(tmp_path, "abc")
    save_books(path, "abc", {"MARY": _book()})
    data = json.loads(path.read_text(encoding="utf-8"))
    data["roles"]["MARY"]["lines"][1]["card"] = {"state": "nonsense"}
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_books(path, MONDAY)
    book = loaded.books["MARY"]
    assert len(book.lines) == len(_book().lines) - 1
    assert len(loaded.problems) == 1
    assert "a line of MARY could not be read" in loaded.problems[0]
    assert any(p.name.startswith("abc.json.damaged-") for p in path.parent.iterdir())


def test_a_file_of_something_else_is_not_taken_for_memory(tmp_path: Path) -> None:
    path = memory_path(tmp_path, "abc")
    path.parent.mkdir()
    path.write_text('{"hello": "world"}', encoding="utf-8")
    loaded = load_books(path, MONDAY)
    assert loaded.books == {}
    assert "not a Rehearsal memory file" in loaded.problems[0]


def test_a_missing_file_is_no_memory_yet(tmp_path: Path) -> None:
    loaded = load_books(memory_path(tmp_path, "abc"), MONDAY)
    assert loaded.books == {}
    assert loaded.problems == []
    assert not (tmp_path / "memory").exists()


def test_a_file_that_is_not_text_is_reported(tmp_path: Path) -> None:
    path = memory_path(tmp_path, "abc")
    path.parent.mkdir()
    path.write_bytes(b"\xff\xfe\x00binary")
    loaded = load_books(path, MONDAY)
    assert loaded.books == {}
    assert "cannot be read" in loaded.problems[0]
