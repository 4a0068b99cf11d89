"""Check-ins: how the actor felt before working, and how the work then went.

A check-in is usually taken *before* the session it belongs to exists (the dialog comes up,
then the rehearsal starts), so it is recorded on its own and attached to the session once
the recorder has given it an id. The chart queries join check-ins to the sessions' running
rating totals, so "energy 2 days" and "energy 5 days" can be compared by mean self-rating.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Engine, Float, case, cast, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.dossier_models import CheckInRow
from rehearsal.store.dossier_records import CheckIn, CheckInChartData, CheckInPoint, LevelRating
from rehearsal.store.history_repo import apply_filter
from rehearsal.store.models import RehearsalSession
from rehearsal.store.records import ALL_SESSIONS, SessionFilter

RS = RehearsalSession
MIN_LEVEL = 1
MAX_LEVEL = 5
MEASURES = ("energy", "focus")


class CheckInError(ValueError):
    """A check-in was out of range or pointed at a session or audition that does not exist."""


def checkin_record(row: CheckInRow) -> CheckIn:
    """The frozen record of a check-in row."""
    return CheckIn(
        id=row.id,
        taken_at=row.taken_at,
        energy=row.energy,
        focus=row.focus,
        intention=row.intention,
        session_id=row.session_id,
        audition_id=row.audition_id,
    )


def _check_level(name: str, value: int) -> None:
    if not isinstance(value, int) or not MIN_LEVEL <= value <= MAX_LEVEL:
        raise CheckInError(f"{name} is rated {MIN_LEVEL} to {MAX_LEVEL}, not {value!r}")


def _filtered(statement: Any, where: SessionFilter) -> Any:
    """Restrict check-ins by the history's filter.

    Script, role and mode are properties of the session, so a filter on them keeps only
    check-ins attached to matching sessions; the date range applies to when the check-in
    was taken, so check-ins before auditions show up in a date-only filter too.
    """
    return apply_filter(statement, where, moment=CheckInRow.taken_at)


def _session_mean() -> ColumnElement[float | None]:
    return case((RS.rating_count > 0, cast(RS.rating_total, Float) / RS.rating_count), else_=None)


class CheckInRepository:
    """Records and reads check-ins; holds only the engine and a clock."""

    def __init__(self, engine: Engine, now: WallClock = utc_now) -> None:
        self._engine = engine
        self._now = now

    def record(
        self,
        energy: int,
        focus: int,
        intention: str = "",
        *,
        session_id: int | None = None,
        audition_id: int | None = None,
    ) -> int:
        """Store a check-in taken now and return its id."""
        _check_level("energy", energy)
        _check_level("focus", focus)
        with Session(self._engine) as session, session.begin():
            row = CheckInRow(
                taken_at=self._now(),
                energy=energy,
                focus=focus,
                intention=" ".join(intention.split()),
                session_id=session_id,
                audition_id=audition_id,
            )
            session.add(row)
            try:
                session.flush()
            except IntegrityError as exc:
                raise CheckInError(
                    f"no rehearsal session {session_id} or audition {audition_id} to attach "
                    "the check-in to"
                ) from exc
            return row.id

    def attach_session(self, checkin_id: int, session_id: int) -> None:
        """Attach a check-in to the session that started after it."""
        with Session(self._engine) as session, session.begin():
            try:
                result = session.execute(
                    update(CheckInRow)
                    .where(CheckInRow.id == checkin_id)
                    .values(session_id=session_id)
                )
            except IntegrityError as exc:
                raise CheckInError(f"no rehearsal session with id {session_id}") from exc
            if not getattr(result, "rowcount", 0):
                raise CheckInError(f"no check-in with id {checkin_id}")

    def get(self, checkin_id: int) -> CheckIn | None:
        """One check-in, or ``None``."""
        with Session(self._engine) as session:
            row = session.get(CheckInRow, checkin_id)
            return checkin_record(row) if row is not None else None

    def delete(self, checkin_id: int) -> bool:
        """Forget a check-in."""
        with Session(self._engine) as session, session.begin():
            result = session.execute(delete(CheckInRow).where(CheckInRow.id == checkin_id))
            return bool(getattr(result, "rowcount", 0))

    def recent(self, limit: int = 50) -> list[CheckIn]:
        """The latest check-ins, newest first."""
        statement = (
            select(CheckInRow)
            .order_by(CheckInRow.taken_at.desc(), CheckInRow.id.desc())
            .limit(limit)
        )
        with Session(self._engine) as session:
            return [checkin_record(row) for row in session.scalars(statement)]

    def for_audition(self, audition_id: int) -> list[CheckIn]:
        """Check-ins taken before an audition (not those of its rehearsal sessions)."""
        statement = (
            select(CheckInRow)
            .where(CheckInRow.audition_id == audition_id)
            .order_by(CheckInRow.taken_at, CheckInRow.id)
        )
        with Session(self._engine) as session:
            return [checkin_record(row) for row in session.scalars(statement)]

    def for_sessions(self, session_ids: Sequence[int]) -> dict[int, CheckIn]:
        """The check-in of each session that has one (the latest if several).

        This is what the history table shows beside each session; one query per page.
        """
        if not session_ids:
            return {}
        statement = (
            select(CheckInRow)
            .where(CheckInRow.session_id.in_(session_ids))
            .order_by(CheckInRow.taken_at, CheckInRow.id)
        )
        found: dict[int, CheckIn] = {}
        with Session(self._engine) as session:
            for row in session.scalars(statement):
                if row.session_id is not None:
                    found[row.session_id] = checkin_record(row)
        return found

    def chart_points(self, where: SessionFilter = ALL_SESSIONS) -> list[CheckInPoint]:
        """Check-ins, oldest first, each with its session's mean self-rating (if rated)."""
        statement = _filtered(
            select(
                CheckInRow.id,
                CheckInRow.taken_at,
                CheckInRow.energy,
                CheckInRow.focus,
                CheckInRow.session_id,
                _session_mean().label("mean_rating"),
                func.coalesce(RS.rating_count, 0).label("rating_count"),
            ).outerjoin(RS, RS.id == CheckInRow.session_id),
            where,
        ).order_by(CheckInRow.taken_at, CheckInRow.id)
        with Session(self._engine) as session:
            rows = session.execute(statement).all()
        return [
            CheckInPoint(
                checkin_id=row.id,
                taken_at=row.taken_at,
                energy=row.energy,
                focus=row.focus,
                session_id=row.session_id,
                mean_rating=None if row.mean_rating is None else float(row.mean_rating),
                rating_count=int(row.rating_count),
            )
            for row in rows
        ]

    def rating_by_level(self, where: SessionFilter = ALL_SESSIONS) -> list[LevelRating]:
        """Mean self-rating of rated sessions by the energy, then focus, checked in before.

        The mean is over every rating of those sessions (not a mean of session means), so a
        long session counts for as many takes as it had.
        """
        levels: list[LevelRating] = []
        with Session(self._engine) as session:
            for measure in MEASURES:
                level = getattr(CheckInRow, measure)
                statement = _filtered(
                    select(
                        level,
                        func.sum(RS.rating_total),
                        func.sum(RS.rating_count),
                        func.count(func.distinct(RS.id)),
                    )
                    .join(RS, RS.id == CheckInRow.session_id)
                    .where(RS.rating_count > 0)
                    .group_by(level),
                    where,
                ).order_by(level)
                for value, total, count, sessions in session.execute(statement):
                    levels.append(
                        LevelRating(measure, int(value), float(total) / float(count), int(sessions))
                    )
        return levels

    def chart_data(self, where: SessionFilter = ALL_SESSIONS) -> CheckInChartData:
        """Both check-in charts' data for ``where`` (safe to run on a worker thread)."""
        return CheckInChartData(
            points=tuple(self.chart_points(where)), levels=tuple(self.rating_by_level(where))
        )
