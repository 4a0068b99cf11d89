"""The database schema as typed ORM classes: the single source the migrations are checked against.

Every table hangs off a script or a rehearsal session with ``ON DELETE CASCADE`` so that
deleting a session (the only delete the history window offers) removes its takes, line
events, notes and ratings in one statement, enforced by SQLite itself (foreign keys are
switched on for every connection in :mod:`rehearsal.store.database`).

The session row carries running totals (takes, lines, skips, response and rating sums).
They are updated in the same transaction as the event that changes them, so they can never
disagree with the detail rows, and they let the history table sort and page 10 000 sessions
with an index instead of aggregating a million line events per keystroke.

Later features add tables with new migrations; nothing here needs to change for that. The
audition and check-in tables live in :mod:`rehearsal.store.dossier_models` on the same
``Base``; :mod:`rehearsal.store.schema` gathers both for the migrations.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from rehearsal.store.records import SessionMode as SessionMode  # the models store its values

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out.

    SQLite has no time zone type; storing naive UTC text keeps ``julianday()`` and
    ``date()`` usable in SQL, and this decorator makes sure no local time ever slips in.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given; the store keeps aware UTC times")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class NoteTiming(enum.StrEnum):
    """When a director note was given: it changes what the rating of the take means."""

    BEFORE_TAKE = "before_take"
    AFTER_TAKE = "after_take"
    MID_SCENE = "mid_scene"


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so batch migrations can name constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
    }


class StoredScript(Base):
    """An imported script with a snapshot of its parsed text, so history outlives the file."""

    __tablename__ = "scripts"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(16))
    source_path: Mapped[str | None] = mapped_column(Text)
    snapshot: Mapped[dict[str, Any]]
    imported_at: Mapped[datetime]
    # The actor's corrections on top of the snapshot (``script/corrections.py`` JSON), so the
    # import itself stays as it was read; NULL when there are none.
    corrections: Mapped[str | None] = mapped_column(Text)

    characters: Mapped[list[Character]] = relationship(
        back_populates="script",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Character.position",
    )
    sessions: Mapped[list[RehearsalSession]] = relationship(
        back_populates="script", cascade="all, delete-orphan", passive_deletes=True
    )


class Character(Base):
    """A speaking character of a script, in order of first speech."""

    __tablename__ = "characters"
    __table_args__ = (UniqueConstraint("script_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    line_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    script: Mapped[StoredScript] = relationship(back_populates="characters")


class RehearsalSession(Base):
    """One sitting with one script and one role, from start to end (or to a crash)."""

    __tablename__ = "rehearsal_sessions"
    __table_args__ = (
        Index("ix_rehearsal_sessions_started_at", "started_at"),
        Index("ix_rehearsal_sessions_script_started", "script_id", "started_at"),
        Index("ix_rehearsal_sessions_role_started", "role", "started_at"),
        Index("ix_rehearsal_sessions_mode_started", "mode", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(32))
    scene_index: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    # When the last event was recorded: a session killed mid-take still has a duration.
    last_event_at: Mapped[datetime]
    take_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    line_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    skipped_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    response_total_s: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    response_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rating_total: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rating_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The script's corrections when the session began: its line events index into the
    # script as corrected then, whatever is corrected later. NULL: the import as read.
    corrections: Mapped[str | None] = mapped_column(Text)

    script: Mapped[StoredScript] = relationship(back_populates="sessions")
    takes: Mapped[list[Take]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Take.number",
    )
    notes: Mapped[list[NoteGiven]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )
    ratings: Mapped[list[Rating]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )


class Take(Base):
    """One run of the scene within a session."""

    __tablename__ = "takes"
    __table_args__ = (UniqueConstraint("session_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("rehearsal_sessions.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]

    session: Mapped[RehearsalSession] = relationship(back_populates="takes")
    lines: Mapped[list[LineEvent]] = relationship(
        back_populates="take",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="LineEvent.id",
    )


class LineEvent(Base):
    """One of the actor's lines in a take: when the cue ended, when the actor was done.

    Times are seconds from the start of the take on the engine's clock, so they stay
    meaningful whatever the wall clock did; the line is addressed by scene and element index
    into the script snapshot, which is why the snapshot must never be rewritten.
    """

    __tablename__ = "line_events"
    __table_args__ = (Index("ix_line_events_take_id", "take_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    take_id: Mapped[int] = mapped_column(ForeignKey("takes.id", ondelete="CASCADE"))
    scene_index: Mapped[int] = mapped_column(Integer)
    element_index: Mapped[int] = mapped_column(Integer)
    cue_end_s: Mapped[float | None] = mapped_column(Float)
    actor_done_s: Mapped[float | None] = mapped_column(Float)
    response_s: Mapped[float | None] = mapped_column(Float)
    skipped: Mapped[bool] = mapped_column(default=False, server_default="0")
    recorded_at: Mapped[datetime]

    take: Mapped[Take] = relationship(back_populates="lines")


class NoteGiven(Base):
    """A director note drawn during a session, with the deck's id so stats survive edits."""

    __tablename__ = "notes_given"
    __table_args__ = (
        CheckConstraint(
            "timing IN ('before_take', 'after_take', 'mid_scene')", name="timing_known"
        ),
        Index("ix_notes_given_session_id", "session_id"),
        Index("ix_notes_given_take_id", "take_id"),
        Index("ix_notes_given_category", "category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("rehearsal_sessions.id", ondelete="CASCADE"))
    take_id: Mapped[int | None] = mapped_column(ForeignKey("takes.id", ondelete="CASCADE"))
    note_key: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(100))
    level: Mapped[int | None] = mapped_column(Integer)
    timing: Mapped[str] = mapped_column(String(16))
    scene_index: Mapped[int | None] = mapped_column(Integer)
    element_index: Mapped[int | None] = mapped_column(Integer)
    given_at: Mapped[datetime]

    session: Mapped[RehearsalSession] = relationship(back_populates="notes")


class Rating(Base):
    """A self-rating (1-5) with an optional comment, for a take and the note it answered."""

    __tablename__ = "ratings"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        Index("ix_ratings_session_id", "session_id"),
        Index("ix_ratings_take_id", "take_id"),
        Index("ix_ratings_category", "category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("rehearsal_sessions.id", ondelete="CASCADE"))
    take_id: Mapped[int | None] = mapped_column(ForeignKey("takes.id", ondelete="CASCADE"))
    note_id: Mapped[int | None] = mapped_column(ForeignKey("notes_given.id", ondelete="SET NULL"))
    category: Mapped[str | None] = mapped_column(String(100))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[datetime]

    session: Mapped[RehearsalSession] = relationship(back_populates="ratings")


class Casting(Base):
    """Which voice reads a character of a script; the settings are the speech layer's JSON."""

    __tablename__ = "casting"
    __table_args__ = (UniqueConstraint("script_id", "character"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    script_id: Mapped[int] = mapped_column(ForeignKey("scripts.id", ondelete="CASCADE"))
    character: Mapped[str] = mapped_column(String(200))
    voice: Mapped[dict[str, Any]]


class ScriptSettings(Base):
    """Per-script preferences (last role, wait mode …) as one JSON object, merged on update."""

    __tablename__ = "script_settings"

    script_id: Mapped[int] = mapped_column(
        ForeignKey("scripts.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime]
