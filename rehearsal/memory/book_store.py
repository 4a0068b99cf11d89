"""A part's memory kept in the history database, beside the script it belongs to.

The store holds plain records (:mod:`rehearsal.store.memory_repo`); this module turns them
into a :class:`~rehearsal.memory.book.MemoryBook` and back, and opens the book of a part
the way every caller needs it: lined up with the script as it reads now. A part with no
memory yet takes it over, in this order, from the JSON file that kept it before the
database did (once: the part remembers which file it came from), or from the same role in
an earlier version of the script (a corrected or re-exported file); otherwise every line
is new.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path

from fsrs import Card, Rating

from rehearsal.memory.book import MemoryBook
from rehearsal.memory.carry_over import CARRY_SHARE, matched_share
from rehearsal.memory.line_memory import LineMemory, Review
from rehearsal.memory.matching import LineFingerprint
from rehearsal.memory.part import PartLine
from rehearsal.memory.state_file import parse_books
from rehearsal.store.memory_repo import MemoryRepository, StoredAudition, StoredLine, StoredPart


def stored_line(memory: LineMemory, *, retired: bool = False) -> StoredLine:
    """One line's memory as the store keeps it."""
    fp = memory.fingerprint
    return StoredLine(
        key=fp.key,
        text=fp.text,
        cue=fp.cue,
        position=fp.position,
        card=dict(memory.card.to_dict()) if memory.card else None,
        reviews=tuple((r.at, int(r.rating)) for r in memory.reviews),
        retired=retired,
    )


def line_memory(line: StoredLine) -> LineMemory:
    """A stored line as the memory model's :class:`LineMemory`."""
    return LineMemory(
        LineFingerprint(line.key, line.text, line.cue, line.position),
        Card.from_dict(line.card) if line.card else None,  # type: ignore[arg-type]
        [Review(at, Rating(rating)) for at, rating in line.reviews],
    )


def audition_day(audition: StoredAudition | None, tz: tzinfo) -> date | None:
    """The day of the audition in the actor's time zone (None without one or a date)."""
    if audition is None or audition.scheduled_at is None:
        return None
    return audition.scheduled_at.astimezone(tz).date()


def book_from_stored(part: StoredPart, tz: tzinfo) -> MemoryBook:
    """The book of a stored part; a linked audition's day is the date to be off book by."""
    book = MemoryBook(
        role=part.role, off_book_by=audition_day(part.audition, tz) or part.off_book_by
    )
    for line in part.lines:
        target = book.retired if line.retired else book.lines
        target[line.key] = line_memory(line)
    return book


def stored_part(
    script_id: int,
    book: MemoryBook,
    *,
    audition: StoredAudition | None = None,
    off_book_by: date | None = None,
    imported_from: str | None = None,
) -> StoredPart:
    """The whole book as a stored part."""
    lines = [stored_line(m) for m in book.lines.values()]
    lines += [stored_line(m, retired=True) for m in book.retired.values()]
    return StoredPart(
        script_id=script_id,
        role=book.role,
        off_book_by=off_book_by,
        audition=audition,
        imported_from=imported_from,
        lines=tuple(lines),
    )


@dataclass(slots=True)
class OpenedBook:
    """A part's book lined up with the script, and what opening it found.

    ``keys`` are the part's line keys in order; ``notes`` say where the memory came from
    when it was taken over; ``from_store`` says the database had the part already;
    ``dirty`` is True when the store should be written (a part
    seen for the first time, a take-over, a re-import that moved lines).
    """

    script_id: int | None
    book: MemoryBook
    keys: list[str]
    audition: StoredAudition | None = None
    off_book_by: date | None = None
    imported_from: str | None = None
    notes: list[str] = field(default_factory=list)
    dirty: bool = False
    from_store: bool = False

    def as_stored(self) -> StoredPart:
        """The book as the store keeps it, with the date and link it was opened with."""
        if self.script_id is None:
            raise ValueError("the script is not in the database yet")
        return stored_part(
            self.script_id,
            self.book,
            audition=self.audition,
            off_book_by=self.off_book_by,
            imported_from=self.imported_from,
        )


def _from_json_file(path: Path | None, role: str) -> MemoryBook | None:
    if path is None:
        return None
    try:
        loaded = parse_books(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return loaded.books.get(role)


def _predecessor(
    repo: MemoryRepository, script_id: int | None, role: str, part: Sequence[PartLine], tz: tzinfo
) -> tuple[MemoryBook, float] | None:
    best: tuple[MemoryBook, float] | None = None
    for other in repo.other_parts(role, -1 if script_id is None else script_id):
        book = book_from_stored(other, tz)
        share = matched_share(book, part)
        if share >= CARRY_SHARE and (best is None or share > best[1]):
            best = (book, share)
    return best


def open_book(
    repo: MemoryRepository | None,
    script_id: int | None,
    role: str,
    part: Sequence[PartLine],
    tz: tzinfo,
    *,
    json_file: Path | None = None,
) -> OpenedBook:
    """The book of ``role`` in the script ``script_id``, lined up with ``part``.

    Reads only; the caller saves ``as_stored()`` when ``dirty`` and it may write.
    ``json_file`` is where the memory was kept before the database (taken over once).
    Without ``repo`` (no database yet) only the JSON file is looked at; without
    ``script_id`` (a script the database has never seen) the part is new to it.
    """
    stored = repo.load_part(script_id, role) if repo and script_id is not None else None
    if stored is not None:
        book = book_from_stored(stored, tz)
        before = {k: m.fingerprint for k, m in book.lines.items()}
        keys = book.reconcile(part)
        opened = OpenedBook(
            script_id,
            book,
            keys,
            audition=stored.audition,
            off_book_by=stored.off_book_by,
            imported_from=stored.imported_from,
            from_store=True,
        )
        opened.dirty = before != {k: m.fingerprint for k, m in book.lines.items()}
        return opened
    notes: list[str] = []
    imported_from = None
    found = _from_json_file(json_file, role)
    if found is not None and json_file is not None:
        imported_from = str(json_file)
        notes.append(f"the memory of {role} was taken over from {json_file}")
    elif (
        repo is not None and (earlier := _predecessor(repo, script_id, role, part, tz)) is not None
    ):
        found = earlier[0]
        notes.append(
            f"the memory of {role} was carried over from an earlier version of the script "
            f"({earlier[1]:.0%} of its rehearsed lines found)"
        )
    book = found or MemoryBook(role=role)
    keys = book.reconcile(part)
    return OpenedBook(
        script_id,
        book,
        keys,
        off_book_by=book.off_book_by,
        imported_from=imported_from,
        notes=notes,
        dirty=True,
    )


def save_reviewed(
    repo: MemoryRepository, script_id: int, book: MemoryBook, keys: Iterable[str]
) -> None:
    """Write the lines just reviewed (one small transaction)."""
    repo.save_lines(script_id, book.role, [stored_line(book.lines[key]) for key in keys])


def open_for_rehearsal(
    repo: MemoryRepository,
    script_id: int,
    role: str,
    part: Sequence[PartLine],
    tz: tzinfo,
    *,
    json_file: Path | None = None,
) -> tuple[OpenedBook, str | None]:
    """The part's book for a rehearsal, saved first if it is new or was taken over.

    Returns the book and, when it could not be saved (a read-only history, a full disk),
    the reason: the rehearsal goes on with the memory it has.
    """
    from rehearsal.store.database import StoreError, describe_failure

    opened = open_book(repo, script_id, role, part, tz, json_file=json_file)
    if not opened.dirty:
        return opened, None
    try:
        repo.save_part(opened.as_stored())
    except Exception as exc:
        if not isinstance(exc, StoreError | OSError) and describe_failure(exc) is None:
            raise
        return opened, describe_failure(exc) or str(exc)
    opened.dirty = False
    return opened, None
