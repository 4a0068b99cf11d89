"""The memory of a script's parts on disk: ``<data>/memory/<script hash>.json``.

One JSON file per script (by the SHA-256 of the imported file, the same digest the history
database keys scripts by), holding every role's :class:`~rehearsal.memory.book.MemoryBook`.
This is the home of the memory until the history database gains a table for it with a
migration; the file format is then what that migration imports.

Saving writes a temporary file in the same folder, flushes it to disk and renames it over
the old one, so a crash leaves either the old file or the new one, never half of one; the
file is readable by its owner only (mode 0600), as a rehearsal record is private. A file
that cannot be read is copied aside as ``<name>.damaged-<time>`` and whatever could be read
from it is kept, so nothing is lost and the actor is told once where the old file went.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fsrs import Card, Rating

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.line_memory import LineMemory, Review
from rehearsal.memory.matching import LineFingerprint

FORMAT = "rehearsal-memory"
VERSION = 1


class MemoryFileError(Exception):
    """The memory file could not be written; the message names the file and the problem."""


@dataclass(slots=True)
class LoadedBooks:
    """The roles read from a file, and what went wrong reading it (one line each)."""

    books: dict[str, MemoryBook] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def memory_folder(data: Path) -> Path:
    """The folder under the data folder that holds the memory files."""
    return data / "memory"


def memory_path(data: Path, script_hash: str) -> Path:
    """The memory file of the script with this content hash."""
    return memory_folder(data) / f"{script_hash}.json"


def _line_to_json(memory: LineMemory) -> dict[str, Any]:
    fp = memory.fingerprint
    return {
        "key": fp.key,
        "text": fp.text,
        "cue": fp.cue,
        "position": fp.position,
        "card": memory.card.to_dict() if memory.card else None,
        "reviews": [[r.at.isoformat(), int(r.rating)] for r in memory.reviews],
    }


def _line_from_json(raw: Any) -> LineMemory:
    if not isinstance(raw, dict):
        raise TypeError("a line is not an object")
    fp = LineFingerprint(str(raw["key"]), str(raw["text"]), str(raw["cue"]), int(raw["position"]))
    card = Card.from_dict(raw["card"]) if raw.get("card") is not None else None
    reviews = [Review(datetime.fromisoformat(at), Rating(int(r))) for at, r in raw["reviews"]]
    for moment in [*(r.at for r in reviews), *([card.due] if card else [])]:
        if moment.tzinfo is None:
            raise ValueError("a time without a time zone")
    return LineMemory(fp, card, reviews)


def book_to_json(book: MemoryBook) -> dict[str, Any]:
    """One role's memory as JSON-ready data."""
    return {
        "off_book_by": book.off_book_by.isoformat() if book.off_book_by else None,
        "lines": [_line_to_json(m) for m in book.lines.values()],
        "retired": [_line_to_json(m) for m in book.retired.values()],
    }


def _lines(raw: Any, problems: list[str], role: str) -> Iterator[LineMemory]:
    for entry in raw if isinstance(raw, list) else []:
        try:
            yield _line_from_json(entry)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"a line of {role} could not be read ({exc})")


def _book_from_json(role: str, raw: Any, problems: list[str]) -> MemoryBook:
    if not isinstance(raw, dict):
        raise TypeError(f"the part of {role} is not an object")
    off = raw.get("off_book_by")
    book = MemoryBook(role=role, off_book_by=date.fromisoformat(off) if off else None)
    book.lines = {m.key: m for m in _lines(raw.get("lines"), problems, role)}
    book.retired = {m.key: m for m in _lines(raw.get("retired"), problems, role)}
    return book


def parse_books(text: str) -> LoadedBooks:
    """Every role in a memory file's text; raises ``ValueError`` if the file is not one.

    Parts and lines that cannot be read are left out and listed in ``problems``.
    """
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a Rehearsal memory file")
    if data.get("version") != VERSION:
        raise ValueError(f"memory file version {data.get('version')} is not {VERSION}")
    roles = data.get("roles")
    if not isinstance(roles, dict):
        raise ValueError("the file has no parts")
    loaded = LoadedBooks()
    for role, raw in roles.items():
        try:
            loaded.books[role] = _book_from_json(role, raw, loaded.problems)
        except (TypeError, ValueError) as exc:
            loaded.problems.append(f"the part of {role} could not be read ({exc})")
    return loaded


def load_books(path: Path, now: datetime) -> LoadedBooks:
    """The roles kept in ``path`` (none if it does not exist yet).

    When the file is damaged, in part or whole, a copy is put aside first and the problem
    is reported with its name, so the next save loses nothing that was there.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedBooks()
    except (OSError, UnicodeDecodeError) as exc:
        return _aside(path, now, LoadedBooks(), f"cannot be read ({exc})")
    try:
        loaded = parse_books(text)
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        return _aside(path, now, LoadedBooks(), str(exc))
    if loaded.problems:
        return _aside(path, now, loaded, "; ".join(loaded.problems))
    return loaded


def _aside(path: Path, now: datetime, loaded: LoadedBooks, why: str) -> LoadedBooks:
    target = path.with_name(f"{path.name}.damaged-{now.strftime('%Y%m%dT%H%M%S')}")
    try:
        shutil.copy2(path, target)
        kept = f"a copy was kept as {target.name}"
    except OSError as exc:
        kept = f"no copy could be kept ({exc.strerror or exc})"
    loaded.problems = [f"{path}: damaged memory file: {why}; {kept}"]
    return loaded


def save_books(path: Path, script_hash: str, books: Mapping[str, MemoryBook]) -> None:
    """Write every role's memory to ``path`` in one atomic step, private to the user."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "script_hash": script_hash,
        "roles": {role: book_to_json(book) for role, book in books.items()},
    }
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise MemoryFileError(f"{path}: cannot save the memory ({exc.strerror or exc})") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise MemoryFileError(f"{path}: cannot save the memory ({exc.strerror or exc})") from None
    with contextlib.suppress(OSError):  # the rename itself reaches the disk with the folder
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
