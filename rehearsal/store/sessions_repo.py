"""Recording a rehearsal as it happens: one committed transaction per event.

The engine calls :class:`SessionRecorder` at each step (session start, take start, each of
the actor's lines, each note, each rating, take end, session end). Every call commits
before it returns, so if the app is killed the history loses at most the event that was
being written, and the returned id is proof the event is on disk.

Each event also bumps the session's running totals in the same transaction, which is what
lets the history table sort 10 000 sessions by "lines skipped" without touching the events.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.listening_models import LineListening
from rehearsal.store.models import (
    LineEvent,
    NoteGiven,
    NoteTiming,
    Rating,
    RehearsalSession,
    StoredScript,
    Take,
)

MIN_SCORE = 1
MAX_SCORE = 5


class RecordingError(ValueError):
    """An event referred to a session, take or script that does not exist, or was invalid."""


class SessionRecorder:
    """Writes the events of rehearsals; safe to share, it keeps no state between calls."""

    def __init__(self, engine: Engine, now: WallClock = utc_now) -> None:
        self._engine = engine
        self._now = now

    @property
    def engine(self) -> Engine:
        """The database the events go to."""
        return self._engine

    def start_session(
        self,
        script_id: int,
        role: str,
        mode: str,
        *,
        scene_index: int | None = None,
        at: datetime | None = None,
    ) -> int:
        """Begin a session with ``role`` in ``script_id``; ``mode`` is a :class:`SessionMode`.

        ``at`` (here and in every event) is when it happened, for events written later
        than they happened (a queue that waited for a lock); it defaults to now.
        """
        if not role.strip():
            raise RecordingError("a session needs the role the actor plays")
        if not mode.strip():
            raise RecordingError("a session needs a mode (rehearse, drill, cold_read …)")
        at = at or self._now()
        with Session(self._engine) as session, session.begin():
            row = RehearsalSession(
                script_id=script_id,
                role=role,
                mode=str(mode),
                scene_index=scene_index,
                started_at=at,
                last_event_at=at,
                # Line events index into the script as corrected now: keep which that is.
                corrections=select(StoredScript.corrections)
                .where(StoredScript.id == script_id)
                .scalar_subquery(),
            )
            session.add(row)
            try:
                session.flush()
            except IntegrityError as exc:  # the foreign key: written first, checked by SQLite
                raise RecordingError(f"no stored script with id {script_id}") from exc
            return row.id

    def _touch(
        self,
        session: Session,
        *,
        session_id: int | None = None,
        take_id: int | None = None,
        at: datetime | None = None,
        **increments: object,
    ) -> None:
        """Move the session's last-event time and totals; fail if the session is gone.

        Every event writes this first, so each transaction takes SQLite's write lock at its
        first statement and never has to upgrade a read snapshot (which WAL may refuse).
        """
        values: dict[str, object] = {"last_event_at": at or self._now()}
        for column, amount in increments.items():
            values[column] = getattr(RehearsalSession, column) + amount
        if take_id is not None:
            owner = select(Take.session_id).where(Take.id == take_id).scalar_subquery()
            target = RehearsalSession.id == owner
        else:
            target = RehearsalSession.id == session_id
        result = session.execute(update(RehearsalSession).where(target).values(values))
        if not getattr(result, "rowcount", 0):
            if take_id is not None:
                raise RecordingError(f"no take with id {take_id}")
            raise RecordingError(f"no rehearsal session with id {session_id}")

    def _check_take(self, session: Session, take_id: int | None, session_id: int) -> None:
        if take_id is None:
            return
        owner = session.scalar(select(Take.session_id).where(Take.id == take_id))
        if owner != session_id:
            raise RecordingError(f"take {take_id} is not part of session {session_id}")

    def start_take(
        self, session_id: int, number: int | None = None, *, at: datetime | None = None
    ) -> int:
        """Begin a take; without ``number`` it is the session's next one (1, 2, …)."""
        at = at or self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(session, session_id=session_id, at=at, take_count=1)
            if number is None:
                last = session.scalar(
                    select(func.max(Take.number)).where(Take.session_id == session_id)
                )
                number = (last or 0) + 1
            row = Take(session_id=session_id, number=number, started_at=at)
            session.add(row)
            try:
                session.flush()
            except IntegrityError as exc:
                raise RecordingError(f"session {session_id} already has a take {number}") from exc
            return row.id

    def record_line(
        self,
        take_id: int,
        scene_index: int,
        element_index: int,
        *,
        cue_end_s: float | None = None,
        actor_done_s: float | None = None,
        skipped: bool = False,
        response_s: float | None = None,
        pickup_s: float | None = None,
        accuracy: float | None = None,
        differing: Sequence[str] = (),
        complete: bool | None = None,
        prompts: int = 0,
        at: datetime | None = None,
    ) -> int:
        """Log one of the actor's lines; times are seconds from the take's start.

        ``response_s`` defaults to ``actor_done_s - cue_end_s``; a skipped line has none.
        What the listening heard (``pickup_s``, ``accuracy``, ``differing``, ``complete``)
        and the prompts asked go to the line's :class:`LineListening` row, written in the
        same transaction, and only when there is something to keep.
        """
        if accuracy is not None and not 0.0 <= accuracy <= 1.0:
            raise RecordingError(f"accuracy must be between 0 and 1, not {accuracy}")
        if prompts < 0:
            raise RecordingError(f"prompts cannot be negative ({prompts})")
        if skipped:
            response_s = None
        elif response_s is None and cue_end_s is not None and actor_done_s is not None:
            response_s = max(0.0, actor_done_s - cue_end_s)
        at = at or self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(
                session,
                take_id=take_id,
                at=at,
                line_count=1,
                skipped_count=int(skipped),
                response_total_s=response_s or 0.0,
                response_count=int(response_s is not None),
            )
            row = LineEvent(
                take_id=take_id,
                scene_index=scene_index,
                element_index=element_index,
                cue_end_s=cue_end_s,
                actor_done_s=actor_done_s,
                response_s=response_s,
                skipped=skipped,
                recorded_at=at,
            )
            session.add(row)
            session.flush()
            heard = (pickup_s, accuracy, complete)
            if any(v is not None for v in heard) or differing or prompts:
                session.add(
                    LineListening(
                        line_event_id=row.id,
                        accuracy=accuracy,
                        differing=json.dumps(list(differing)),
                        complete=complete,
                        prompts=prompts,
                        pickup_s=None if pickup_s is None else max(0.0, pickup_s),
                    )
                )
            return row.id

    def record_note(
        self,
        session_id: int,
        text: str,
        category: str,
        timing: NoteTiming | str,
        *,
        take_id: int | None = None,
        note_key: str | None = None,
        level: int | None = None,
        scene_index: int | None = None,
        element_index: int | None = None,
        at: datetime | None = None,
    ) -> int:
        """Log a director note: before or after a take, or mid-scene at a given line."""
        try:
            timing = NoteTiming(timing)
        except ValueError:
            known = ", ".join(t.value for t in NoteTiming)
            raise RecordingError(f"unknown note timing {timing!r} (one of {known})") from None
        at = at or self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(session, session_id=session_id, at=at)
            self._check_take(session, take_id, session_id)
            row = NoteGiven(
                session_id=session_id,
                take_id=take_id,
                note_key=note_key,
                text=text,
                category=category,
                level=level,
                timing=timing.value,
                scene_index=scene_index,
                element_index=element_index,
                given_at=at,
            )
            session.add(row)
            session.flush()
            return row.id

    def rate(
        self,
        session_id: int,
        score: int,
        *,
        take_id: int | None = None,
        note_id: int | None = None,
        category: str | None = None,
        comment: str | None = None,
        at: datetime | None = None,
    ) -> int:
        """Log a self-rating (1-5); the category defaults to that of the note rated."""
        if not MIN_SCORE <= score <= MAX_SCORE:
            raise RecordingError(f"a rating is {MIN_SCORE} to {MAX_SCORE}, not {score}")
        at = at or self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(session, session_id=session_id, at=at, rating_total=score, rating_count=1)
            self._check_take(session, take_id, session_id)
            if note_id is not None:
                note = session.get(NoteGiven, note_id)
                if note is None or note.session_id != session_id:
                    raise RecordingError(f"note {note_id} was not given in session {session_id}")
                category = category or note.category
            row = Rating(
                session_id=session_id,
                take_id=take_id,
                note_id=note_id,
                category=category,
                score=score,
                comment=comment or None,
                rated_at=at,
            )
            session.add(row)
            session.flush()
            return row.id

    def end_take(self, take_id: int, *, at: datetime | None = None) -> None:
        """Mark a take finished (writing it again changes nothing more)."""
        at = at or self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(session, take_id=take_id, at=at)
            session.execute(update(Take).where(Take.id == take_id).values(ended_at=at))

    def end_session(self, session_id: int, *, at: datetime | None = None) -> None:
        """Mark a session finished (a session never ended still shows up, with its events)."""
        at = at or self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(session, session_id=session_id, at=at)
            session.execute(
                update(RehearsalSession)
                .where(RehearsalSession.id == session_id)
                .values(ended_at=at)
            )
