"""Reading and writing the memory of the actor's lines: plain records in, plain records out.

The store sits below :mod:`rehearsal.memory` in the layers, so it knows nothing of FSRS or
of :class:`~rehearsal.memory.book.MemoryBook`: a part is a :class:`StoredPart` of
:class:`StoredLine` records holding the card as the JSON FSRS writes, and
:mod:`rehearsal.memory.book_store` turns them into a book and back. Each call is one short
transaction; saving a part writes only the lines given, so a review after every line costs
one small write, not the whole part.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.orm import Session

from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.dossier_models import AuditionRow, AuditionScript
from rehearsal.store.memory_models import LineMemoryRow, LineReviewRow, PartMemoryRow
from rehearsal.store.models import StoredScript
from rehearsal.store.records import script_display_title


@dataclass(frozen=True, slots=True)
class StoredLine:
    """One line's memory as stored: fingerprint, card (FSRS JSON, None while new), reviews."""

    key: str
    text: str
    cue: str
    position: int
    card: dict[str, Any] | None
    reviews: tuple[tuple[datetime, int], ...] = ()
    retired: bool = False


@dataclass(frozen=True, slots=True)
class StoredAudition:
    """The audition a part is learnt for: what the summary calls it, and when it is."""

    id: int
    project_title: str
    round: str
    scheduled_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredPart:
    """One role of one script being learnt."""

    script_id: int
    role: str
    off_book_by: date | None = None
    audition: StoredAudition | None = None
    imported_from: str | None = None
    lines: tuple[StoredLine, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class PartListing:
    """A part with memory, for choosing one (the home page, the history's memory view)."""

    script_id: int
    script_title: str
    """The title page's title, else the file's name (as the history names scripts)."""
    content_hash: str
    role: str
    line_count: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredReview:
    """One review of a line of a part, for retention over time."""

    key: str
    reviewed_at: datetime
    rating: int


def _audition(row: AuditionRow | None) -> StoredAudition | None:
    if row is None:
        return None
    return StoredAudition(row.id, row.project_title, row.round, row.scheduled_at)


class MemoryRepository:
    """The memory tables behind one engine; holds only the engine and a clock."""

    def __init__(self, engine: Engine, now: WallClock = utc_now) -> None:
        self.engine = engine
        self._now = now

    # -- reading ---------------------------------------------------------------------------
    def load_part(self, script_id: int, role: str) -> StoredPart | None:
        """The part's memory, or None when this role of this script was never learnt."""
        with Session(self.engine) as session:
            part = session.get(PartMemoryRow, (script_id, role))
            rows = session.scalars(
                select(LineMemoryRow)
                .where(LineMemoryRow.script_id == script_id, LineMemoryRow.role == role)
                .order_by(LineMemoryRow.retired, LineMemoryRow.position, LineMemoryRow.id)
            ).all()
            if part is None and not rows:
                return None
            reviews: dict[int, list[tuple[datetime, int]]] = {row.id: [] for row in rows}
            if rows:
                for line_id, at, rating in session.execute(
                    select(LineReviewRow.line_id, LineReviewRow.reviewed_at, LineReviewRow.rating)
                    .where(LineReviewRow.line_id.in_(list(reviews)))
                    .order_by(LineReviewRow.reviewed_at, LineReviewRow.id)
                ):
                    reviews[line_id].append((at, rating))
            audition = None
            if part is not None and part.audition_id is not None:
                audition = _audition(session.get(AuditionRow, part.audition_id))
            lines = tuple(
                StoredLine(
                    key=row.line_key,
                    text=row.text,
                    cue=row.cue,
                    position=row.position,
                    card=row.card,
                    reviews=tuple(reviews[row.id]),
                    retired=row.retired,
                )
                for row in rows
            )
            return StoredPart(
                script_id=script_id,
                role=role,
                off_book_by=part.off_book_by if part else None,
                audition=audition,
                imported_from=part.imported_from if part else None,
                lines=lines,
            )

    def parts(self) -> list[PartListing]:
        """Every part with memory, the most recently changed first."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(
                    LineMemoryRow.script_id,
                    StoredScript.title,
                    StoredScript.source_path,
                    StoredScript.content_hash,
                    LineMemoryRow.role,
                    func.count(LineMemoryRow.id),
                    func.max(LineMemoryRow.updated_at),
                )
                .join(StoredScript, StoredScript.id == LineMemoryRow.script_id)
                .where(LineMemoryRow.retired.is_(False))
                .group_by(LineMemoryRow.script_id, LineMemoryRow.role)
            ).all()
        listings = [
            PartListing(r[0], script_display_title(r[0], r[1], r[2]), r[3], r[4], r[5], r[6])
            for r in rows
        ]
        return sorted(listings, key=lambda p: p.updated_at, reverse=True)

    def other_parts(self, role: str, script_id: int) -> list[StoredPart]:
        """The same role's memory in every other script: where a corrected script's comes from."""
        with Session(self.engine) as session:
            ids = session.scalars(
                select(LineMemoryRow.script_id)
                .where(LineMemoryRow.role == role, LineMemoryRow.script_id != script_id)
                .distinct()
            ).all()
        return [part for sid in ids if (part := self.load_part(sid, role)) is not None]

    def reviews(
        self, script_id: int, role: str, since: datetime | None = None
    ) -> list[StoredReview]:
        """Every review of the part's lines (retired ones too), oldest first."""
        statement = (
            select(LineMemoryRow.line_key, LineReviewRow.reviewed_at, LineReviewRow.rating)
            .join(LineMemoryRow, LineMemoryRow.id == LineReviewRow.line_id)
            .where(LineMemoryRow.script_id == script_id, LineMemoryRow.role == role)
            .order_by(LineReviewRow.reviewed_at, LineReviewRow.id)
        )
        if since is not None:
            statement = statement.where(LineReviewRow.reviewed_at >= since)
        with Session(self.engine) as session:
            return [StoredReview(k, at, r) for k, at, r in session.execute(statement)]

    # -- writing ---------------------------------------------------------------------------
    def _part_row(self, session: Session, script_id: int, role: str) -> PartMemoryRow:
        row = session.get(PartMemoryRow, (script_id, role))
        if row is None:
            row = PartMemoryRow(script_id=script_id, role=role, updated_at=self._now())
            session.add(row)
        return row

    def save_lines(self, script_id: int, role: str, lines: Iterable[StoredLine]) -> None:
        """Write these lines of the part (insert or replace, reviews included), nothing else."""
        now = self._now()
        with Session(self.engine) as session, session.begin():
            self._part_row(session, script_id, role).updated_at = now
            existing = {
                row.line_key: row
                for row in session.scalars(
                    select(LineMemoryRow).where(
                        LineMemoryRow.script_id == script_id, LineMemoryRow.role == role
                    )
                )
            }
            for line in lines:
                row = existing.get(line.key)
                if row is None:
                    row = LineMemoryRow(script_id=script_id, role=role, line_key=line.key)
                    session.add(row)
                row.text, row.cue, row.position = line.text, line.cue, line.position
                row.retired, row.card, row.updated_at = line.retired, line.card, now
                row.due_at = _due(line.card)
                session.flush()
                session.execute(delete(LineReviewRow).where(LineReviewRow.line_id == row.id))
                session.add_all(
                    LineReviewRow(line_id=row.id, reviewed_at=at, rating=rating)
                    for at, rating in line.reviews
                )

    def save_part(self, part: StoredPart) -> None:
        """Write the whole part: its lines, its date and link, and where it came from."""
        self.save_lines(part.script_id, part.role, part.lines)
        keys = {line.key for line in part.lines}
        with Session(self.engine) as session, session.begin():
            row = self._part_row(session, part.script_id, part.role)
            row.off_book_by = part.off_book_by
            row.audition_id = part.audition.id if part.audition else None
            row.imported_from = part.imported_from
            stale = session.scalars(
                select(LineMemoryRow).where(
                    LineMemoryRow.script_id == part.script_id,
                    LineMemoryRow.role == part.role,
                    LineMemoryRow.line_key.not_in(keys),
                )
            ).all()
            for line in stale:
                session.delete(line)

    def set_deadline(
        self, script_id: int, role: str, off_book_by: date | None, audition_id: int | None = None
    ) -> None:
        """Learn the part for a date, or for an audition (whose date then wins), or for neither."""
        with Session(self.engine) as session, session.begin():
            row = self._part_row(session, script_id, role)
            row.off_book_by = off_book_by
            row.audition_id = audition_id
            row.updated_at = self._now()

    def auditions_for_script(self, script_id: int) -> list[StoredAudition]:
        """The auditions this script is linked to in the dossier, soonest first."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(AuditionRow)
                .join(AuditionScript, AuditionScript.audition_id == AuditionRow.id)
                .where(AuditionScript.script_id == script_id)
                .order_by(AuditionRow.scheduled_at)
            ).all()
            return [a for row in rows if (a := _audition(row)) is not None]


def _due(card: dict[str, Any] | None) -> datetime | None:
    """The card's due time, kept in its own column so "due in the next days" is a query."""
    if not card or not card.get("due"):
        return None
    return datetime.fromisoformat(str(card["due"]))
