"""Tables for learning the lines: each line of a part with its FSRS card and its reviews.

A part is one role in one stored script. Its lines are keyed by the stable key that
:mod:`rehearsal.memory.matching` gives them, and carry the fingerprint (text, cue,
position) that lets a corrected or re-exported script find them again. The card is FSRS's
own ``Card.to_dict()``: its fields mean exactly what the scheduler means by them, and a
new ``fsrs`` release that adds one does not need a migration. Lines that left the script
are kept as *retired* rather than deleted, so they come back with their memory.

Everything hangs off the script with ``ON DELETE CASCADE``: deleting a script forgets its
memory. A part's link to an audition is ``SET NULL``: deleting the audition keeps the
memory and the date.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from rehearsal.store.models import Base


class PartMemoryRow(Base):
    """One role of one script as a part being learnt: its date and where its memory came from."""

    __tablename__ = "part_memory"

    script_id: Mapped[int] = mapped_column(
        ForeignKey("scripts.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(200), primary_key=True)
    off_book_by: Mapped[date | None] = mapped_column(Date)
    audition_id: Mapped[int | None] = mapped_column(ForeignKey("auditions.id", ondelete="SET NULL"))
    # The JSON memory file this part was taken over from, so it is taken over only once.
    imported_from: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]


class LineMemoryRow(Base):
    """One line of a part: its fingerprint to find it again and its FSRS card (None: new)."""

    __tablename__ = "line_memory"
    __table_args__ = (
        UniqueConstraint("script_id", "role", "line_key"),
        Index("ix_line_memory_part", "script_id", "role"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(200))
    line_key: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    cue: Mapped[str] = mapped_column(Text, default="", server_default="")
    position: Mapped[int] = mapped_column(Integer)
    retired: Mapped[bool] = mapped_column(default=False, server_default="0")
    card: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    due_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class LineReviewRow(Base):
    """One run of a line and its grade (1 again … 4 easy), and what the grade came from."""

    __tablename__ = "line_reviews"
    __table_args__ = (
        CheckConstraint("rating BETWEEN 1 AND 4", name="rating_range"),
        Index("ix_line_reviews_line_id", "line_id"),
        Index("ix_line_reviews_reviewed_at", "reviewed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line_memory.id", ondelete="CASCADE"))
    reviewed_at: Mapped[datetime]
    rating: Mapped[int] = mapped_column(Integer)
