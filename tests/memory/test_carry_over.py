"""Carrying memory over to a corrected script, and never to a different one."""

from __future__ import annotations

from pathlib import Path

from fsrs import Rating

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.carry_over import find_predecessor, matched_share
from rehearsal.memory.state_file import memory_folder, memory_path, save_books
from tests.memory.helpers import KITCHEN, MONDAY, many_lines, mary

OTHER_PLAY = many_lines(scenes=1, per_scene=6)


def _save(data: Path, name: str, text: str, rehearsed: bool = True) -> MemoryBook:
    book = MemoryBook.for_part("MARY", mary(text))
    if rehearsed:
        for key in book.lines:
            book.review(key, Rating.Good, MONDAY)
    save_books(memory_path(data, name), name, {"MARY": book})
    return book


def test_the_closest_earlier_version_is_chosen(tmp_path: Path) -> None:
    _save(tmp_path, "other", OTHER_PLAY)
    first = _save(tmp_path, "v1", KITCHEN)
    corrected = mary(KITCHEN.replace("I know you did.", "I know you did, love."))
    found = find_predecessor(memory_folder(tmp_path), "MARY", corrected, tmp_path / "v2.json")
    assert found is not None
    assert found.path.name == "v1.json"
    assert list(found.book.lines) == list(first.lines)
    assert found.share == 1.0


def test_a_different_play_with_the_same_role_is_not_taken(tmp_path: Path) -> None:
    _save(tmp_path, "other", OTHER_PLAY)
    assert find_predecessor(memory_folder(tmp_path), "MARY", mary(), tmp_path / "x.json") is None


def test_memory_never_rehearsed_is_not_worth_carrying(tmp_path: Path) -> None:
    book = _save(tmp_path, "v1", KITCHEN, rehearsed=False)
    assert matched_share(book, mary()) == 0.0
    assert find_predecessor(memory_folder(tmp_path), "MARY", mary(), tmp_path / "x.json") is None


def test_damaged_files_and_other_roles_are_passed_over(tmp_path: Path) -> None:
    folder = memory_folder(tmp_path)
    folder.mkdir()
    (folder / "broken.json").write_text("{", encoding="utf-8")
    john = MemoryBook.for_part("JOHN", [])
    save_books(memory_path(tmp_path, "john"), "john", {"JOHN": john})
    assert find_predecessor(folder, "MARY", mary(), folder / "x.json") is None
    assert find_predecessor(tmp_path / "nowhere", "MARY", mary(), folder / "x.json") is None
