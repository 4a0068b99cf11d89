"""What the listening heard on each of the actor's lines: a side table of ``line_events``.

Kept one-to-one beside :class:`~rehearsal.store.models.LineEvent` rather than as its
columns because most lines have nothing to add (a key-mode line has no accuracy, no pickup
and no prompt), a line that has no row costs nothing, and the history's older queries do
not change. A row exists when a line has a pickup time, a word comparison or a prompt.

``differing`` holds the words said differently as a JSON list of short strings ("-word"
missed, "word>heard" changed, "+word" added), in the order of the line.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from rehearsal.store.models import Base


class LineListening(Base):
    """Accuracy, differing words, completeness, prompts and pickup of one line event."""

    __tablename__ = "line_listening"
    __table_args__ = (
        CheckConstraint("accuracy IS NULL OR (accuracy >= 0 AND accuracy <= 1)", "accuracy_range"),
        CheckConstraint("prompts >= 0", "prompts_not_negative"),
    )

    line_event_id: Mapped[int] = mapped_column(
        ForeignKey("line_events.id", ondelete="CASCADE"), primary_key=True
    )
    accuracy: Mapped[float | None] = mapped_column(Float)
    differing: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    complete: Mapped[bool | None] = mapped_column()
    prompts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    pickup_s: Mapped[float | None] = mapped_column(Float)
