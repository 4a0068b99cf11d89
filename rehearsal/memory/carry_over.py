"""Finding the memory of an earlier version of a script, so a corrected file keeps it.

Memory files are named by the script's content hash, and a corrected or re-exported script
has a new one. When a role has no memory under the new hash, the files of other scripts
are searched for the same role whose rehearsed lines mostly match this part (by
:func:`~rehearsal.memory.matching.match_lines`); the best one is carried over. The old file
stays where it is.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.matching import match_lines
from rehearsal.memory.part import PartLine
from rehearsal.memory.state_file import parse_books

CARRY_SHARE = 0.6
"""Share of an earlier book's rehearsed lines that must be found in this part."""


@dataclass(frozen=True, slots=True)
class Predecessor:
    """An earlier version's memory of the role, where it was found and how well it fits."""

    path: Path
    book: MemoryBook
    share: float


def matched_share(book: MemoryBook, part: Sequence[PartLine]) -> float:
    """Share of ``book``'s rehearsed lines that ``part`` still has (0 if none rehearsed)."""
    rehearsed = [m.fingerprint for m in (*book.lines.values(), *book.retired.values()) if m.card]
    if not rehearsed:
        return 0.0
    return len(match_lines(rehearsed, part)) / len(rehearsed)


def find_predecessor(
    folder: Path, role: str, part: Sequence[PartLine], exclude: Path
) -> Predecessor | None:
    """The earlier memory of ``role`` that fits ``part`` best, if one fits well enough.

    Files that cannot be read are passed over here; they are reported when their own
    script is opened.
    """
    best: Predecessor | None = None
    try:
        candidates = sorted(folder.glob("*.json"))
    except OSError:
        return None
    for path in candidates:
        if path == exclude:
            continue
        try:
            loaded = parse_books(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, json.JSONDecodeError):
            continue
        book = loaded.books.get(role)
        if book is None:
            continue
        share = matched_share(book, part)
        if share >= CARRY_SHARE and (best is None or share > best.share):
            best = Predecessor(path, book, share)
    return best
