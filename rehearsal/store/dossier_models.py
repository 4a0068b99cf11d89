"""Tables for auditions and their dossiers, and for the actor's check-ins.

They live on the same ``Base`` as the rehearsal tables (``schema`` imports both modules so
every metadata user — migrations, the drift check — sees them). The dossier's parts are
one-to-one side tables keyed by the audition id rather than columns of ``auditions``,
because the editor saves one part at a time and a part that was never opened costs no row.

Deleting an audition cascades to its parts and its links to scripts and sessions; deleting
a script or a session only removes the link. Check-ins outlive what they were linked to
(``SET NULL``): how the actor felt that day stays true when a session is deleted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rehearsal.store.dossier_records import AuditionRound, Outcome
from rehearsal.store.models import Base

_ROUNDS = ", ".join(f"'{r.value}'" for r in AuditionRound)
_OUTCOMES = ", ".join(f"'{o.value}'" for o in Outcome)


def _text() -> Mapped[str]:
    """A Markdown/plain text field that is empty rather than NULL when unset."""
    return mapped_column(Text, default="", server_default="")


class AuditionRow(Base):
    """One audition or callback, with its follow-up state."""

    __tablename__ = "auditions"
    __table_args__ = (
        CheckConstraint(f"round IN ({_ROUNDS})", name="round_known"),
        CheckConstraint(f"outcome IN ({_OUTCOMES})", name="outcome_known"),
        Index("ix_auditions_scheduled_at", "scheduled_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_title: Mapped[str] = mapped_column(String(500), default="", server_default="")
    role: Mapped[str] = mapped_column(String(200), default="", server_default="")
    round: Mapped[str] = mapped_column(
        String(32), default=AuditionRound.FIRST_READ.value, server_default="first_read"
    )
    scheduled_at: Mapped[datetime | None]
    location: Mapped[str] = _text()
    self_tape_deadline: Mapped[datetime | None]
    casting_director: Mapped[str] = _text()
    director: Mapped[str] = _text()
    writer: Mapped[str] = _text()
    producers: Mapped[str] = _text()
    agent: Mapped[str] = _text()
    links: Mapped[str] = _text()
    outcome: Mapped[str] = mapped_column(
        String(16), default=Outcome.PENDING.value, server_default="pending"
    )
    thank_you_text: Mapped[str] = _text()
    thank_you_sent_at: Mapped[datetime | None]
    followup_dismissed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


def _audition_key() -> Mapped[int]:
    return mapped_column(ForeignKey("auditions.id", ondelete="CASCADE"), primary_key=True)


class AuditionResearch(Base):
    """Research notes for one audition (Markdown plus the guided fields)."""

    __tablename__ = "audition_research"

    audition_id: Mapped[int] = _audition_key()
    notes: Mapped[str] = _text()
    tone_genre: Mapped[str] = _text()
    director_work: Mapped[str] = _text()
    casting_director: Mapped[str] = _text()
    network_studio: Mapped[str] = _text()
    comparable_roles: Mapped[str] = _text()
    updated_at: Mapped[datetime]


class CharacterWorksheet(Base):
    """The character worksheet for one audition."""

    __tablename__ = "character_worksheets"

    audition_id: Mapped[int] = _audition_key()
    who_am_i: Mapped[str] = _text()
    where_am_i: Mapped[str] = _text()
    when_is_it: Mapped[str] = _text()
    what_i_want: Mapped[str] = _text()
    obstacle: Mapped[str] = _text()
    what_i_do: Mapped[str] = _text()
    stakes: Mapped[str] = _text()
    backstory: Mapped[str] = _text()
    moment_before: Mapped[str] = _text()
    beats: Mapped[str] = _text()
    updated_at: Mapped[datetime]


class WorksheetRelationship(Base):
    """What the actor's character is to one other character (by name, as in the script)."""

    __tablename__ = "worksheet_relationships"
    __table_args__ = (UniqueConstraint("audition_id", "character"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audition_id: Mapped[int] = mapped_column(ForeignKey("auditions.id", ondelete="CASCADE"))
    character: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = _text()
    updated_at: Mapped[datetime]


class AuditionWardrobe(Base):
    """Wardrobe for one audition; the photo path is relative to the data folder."""

    __tablename__ = "audition_wardrobe"

    audition_id: Mapped[int] = _audition_key()
    first_round_outfit: Mapped[str] = _text()
    first_round_photo: Mapped[str | None] = mapped_column(Text)
    callback_outfit: Mapped[str] = _text()
    consistency_note: Mapped[str] = _text()
    updated_at: Mapped[datetime]


class AuditionScript(Base):
    """An imported script (the sides) an audition uses."""

    __tablename__ = "audition_scripts"
    __table_args__ = (Index("ix_audition_scripts_script_id", "script_id"),)

    audition_id: Mapped[int] = _audition_key()
    script_id: Mapped[int] = mapped_column(
        ForeignKey("scripts.id", ondelete="CASCADE"), primary_key=True
    )
    linked_at: Mapped[datetime]


class AuditionSession(Base):
    """A rehearsal session done to prepare for an audition."""

    __tablename__ = "audition_sessions"
    __table_args__ = (Index("ix_audition_sessions_session_id", "session_id"),)

    audition_id: Mapped[int] = _audition_key()
    session_id: Mapped[int] = mapped_column(
        ForeignKey("rehearsal_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    linked_at: Mapped[datetime]


class AuditionTape(Base):
    """A self-tape exported for an audition: which take, the file made, and when.

    A row of its own rather than a line in the dossier's text, so the dossier's autosave
    (which rewrites a whole part) can never lose it, and the tape outlives a rename of the
    project. The path is where the file was written; it may since have moved or gone.
    """

    __tablename__ = "audition_tapes"
    __table_args__ = (Index("ix_audition_tapes_audition_id", "audition_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    audition_id: Mapped[int] = mapped_column(ForeignKey("auditions.id", ondelete="CASCADE"))
    take_number: Mapped[int] = mapped_column(Integer)
    file_path: Mapped[str] = mapped_column(Text)
    exported_at: Mapped[datetime]


class CheckInRow(Base):
    """Energy and focus (1-5) and an intention, taken before a rehearsal or an audition."""

    __tablename__ = "checkins"
    __table_args__ = (
        CheckConstraint("energy BETWEEN 1 AND 5", name="energy_range"),
        CheckConstraint("focus BETWEEN 1 AND 5", name="focus_range"),
        Index("ix_checkins_taken_at", "taken_at"),
        Index("ix_checkins_session_id", "session_id"),
        Index("ix_checkins_audition_id", "audition_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    taken_at: Mapped[datetime]
    energy: Mapped[int] = mapped_column(Integer)
    focus: Mapped[int] = mapped_column(Integer)
    intention: Mapped[str] = _text()
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("rehearsal_sessions.id", ondelete="SET NULL")
    )
    audition_id: Mapped[int | None] = mapped_column(ForeignKey("auditions.id", ondelete="SET NULL"))
