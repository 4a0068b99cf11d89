"""Aggregates for the charts and the "lines to work on" lists.

These answer the actor's real questions — am I rehearsing more, am I getting faster on
this script, which kinds of direction do I take worst, which lines do I keep dropping — and
are computed in SQL. The per-line lists scan the line events of one script, which can take
longer than a frame on a big history, so the window runs them off the GUI thread.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, Float, cast, func, select
from sqlalchemy.orm import Session

from rehearsal.store.activity_records import HistorySummary, ScriptActivity, SessionSpan
from rehearsal.store.history_repo import apply_filter, duration_expression
from rehearsal.store.listening_models import LineListening
from rehearsal.store.models import LineEvent, Rating, RehearsalSession, StoredScript, Take
from rehearsal.store.records import (
    ALL_SESSIONS,
    CategoryRating,
    ChartData,
    LineStat,
    LineStats,
    ResponsePoint,
    SessionFilter,
    WeeklyTime,
    script_display_title,
)
from rehearsal.store.scripts_repo import line_texts

RS = RehearsalSession


def weekly_time(engine: Engine, where: SessionFilter = ALL_SESSIONS) -> list[WeeklyTime]:
    """Total rehearsal time per week (Monday-based, UTC), oldest week first."""
    # date(x, '-6 days', 'weekday 1') is the Monday on or before x.
    week = func.date(RS.started_at, "-6 days", "weekday 1").label("week")
    statement = apply_filter(
        select(week, func.sum(duration_expression()), func.count()).group_by(week), where
    ).order_by(week)
    with Session(engine) as session:
        rows = session.execute(statement).all()
    return [
        WeeklyTime(date.fromisoformat(w), max(0.0, float(s or 0.0)), int(n)) for w, s, n in rows
    ]


def response_trend(engine: Engine, where: SessionFilter = ALL_SESSIONS) -> list[ResponsePoint]:
    """Mean response time per script per day, from the sessions' running totals."""
    day = func.date(RS.started_at).label("day")
    statement = (
        select(
            RS.script_id,
            StoredScript.title,
            StoredScript.source_path,
            day,
            func.sum(RS.response_total_s),
            func.sum(RS.response_count),
        )
        .join(StoredScript, StoredScript.id == RS.script_id)
        .where(RS.response_count > 0)
        .group_by(RS.script_id, day)
    )
    statement = apply_filter(statement, where).order_by(RS.script_id, day)
    with Session(engine) as session:
        rows = session.execute(statement).all()
    return [
        ResponsePoint(
            script_id=script_id,
            script_title=script_display_title(script_id, title, path),
            day=date.fromisoformat(d),
            mean_response_s=float(total) / int(count),
            lines=int(count),
        )
        for script_id, title, path, d, total, count in rows
    ]


def rating_by_category(engine: Engine, where: SessionFilter = ALL_SESSIONS) -> list[CategoryRating]:
    """Mean self-rating per note category, lowest first (the weakest kind of direction)."""
    mean = func.avg(cast(Rating.score, Float))
    statement = (
        select(Rating.category, mean, func.count())
        .join(RS, RS.id == Rating.session_id)
        .where(Rating.category.is_not(None))
        .group_by(Rating.category)
    )
    statement = apply_filter(statement, where).order_by(mean, Rating.category)
    with Session(engine) as session:
        rows = session.execute(statement).all()
    return [CategoryRating(str(c), float(m), int(n)) for c, m, n in rows]


SLOW_PICKUP_S = 1.0
"""A cue picked up slower than this on average starts to count as needing work."""


def work_need(
    times: int,
    skipped: int,
    mean_accuracy: float | None,
    prompts: int,
    mean_pickup_s: float | None,
) -> float:
    """How much a line needs work, 0 upwards: what "Lines to work on" ranks by.

    Each part is about one "unit" at its worst, so no single measure swamps the others:
    the words missing (1 - accuracy), the share of times a prompt was asked (each prompt
    counts), the share of times the line was skipped, and a slow pickup (one unit per
    second beyond :data:`SLOW_PICKUP_S`, at most two). A line never followed by the
    listening is ranked by its prompts, skips and pickup alone.
    """
    if times <= 0:
        return 0.0
    need = 0.0 if mean_accuracy is None else 1.0 - mean_accuracy
    need += prompts / times + skipped / times
    if mean_pickup_s is not None:
        need += min(2.0, max(0.0, mean_pickup_s - SLOW_PICKUP_S))
    return round(need, 6)


def line_stats(
    engine: Engine, script_id: int, role: str | None = None, limit: int = 10
) -> LineStats:
    """The actor's lines in one script most often skipped, slowest on average, and the
    ones needing work most (accuracy, prompts, skips and slow pickup together)."""
    times = func.count(LineEvent.id)
    skipped = func.sum(cast(LineEvent.skipped, Float))
    mean_response = func.avg(LineEvent.response_s)
    mean_accuracy = func.avg(LineListening.accuracy)
    prompts = func.coalesce(func.sum(LineListening.prompts), 0)
    mean_pickup = func.avg(LineListening.pickup_s)
    base = (
        select(
            LineEvent.scene_index,
            LineEvent.element_index,
            times,
            skipped,
            mean_response,
            mean_accuracy,
            prompts,
            mean_pickup,
        )
        .join(Take, Take.id == LineEvent.take_id)
        .join(RS, RS.id == Take.session_id)
        .outerjoin(LineListening, LineListening.line_event_id == LineEvent.id)
        .where(RS.script_id == script_id)
        .group_by(LineEvent.scene_index, LineEvent.element_index)
    )
    if role is not None:
        base = base.where(RS.role == role)
    key = (LineEvent.scene_index, LineEvent.element_index)
    with Session(engine) as session:
        most_skipped = session.execute(
            base.having(skipped > 0).order_by(skipped.desc(), times.desc(), *key).limit(limit)
        ).all()
        slowest = session.execute(
            base.having(mean_response.is_not(None))
            .order_by(mean_response.desc(), *key)
            .limit(limit)
        ).all()
        every_line = session.execute(base).all()
        stored = session.execute(
            select(StoredScript.snapshot, StoredScript.corrections).where(
                StoredScript.id == script_id
            )
        ).one_or_none()
    texts = line_texts(stored[0], stored[1]) if stored and stored[0] else {}

    def stat(row: Any) -> LineStat:
        scene_index, element_index, count, skip_sum, response, accuracy, asked, pickup = row
        accuracy = None if accuracy is None else float(accuracy)
        pickup = None if pickup is None else float(pickup)
        return LineStat(
            scene_index=scene_index,
            element_index=element_index,
            text=texts.get((scene_index, element_index)),
            times=int(count),
            skipped=int(skip_sum or 0),
            mean_response_s=None if response is None else float(response),
            mean_accuracy=accuracy,
            prompts=int(asked or 0),
            mean_pickup_s=pickup,
            need=work_need(int(count), int(skip_sum or 0), accuracy, int(asked or 0), pickup),
        )

    ranked = sorted(
        (s for s in map(stat, every_line) if s.need > 0),
        key=lambda s: (-s.need, s.scene_index, s.element_index),
    )
    return LineStats(
        most_skipped=tuple(map(stat, most_skipped)),
        slowest=tuple(map(stat, slowest)),
        to_work_on=tuple(ranked[:limit]),
    )


def chart_data(engine: Engine, where: SessionFilter = ALL_SESSIONS) -> ChartData:
    """All three progress charts' data for ``where``, read in one go off the GUI thread."""
    return ChartData(
        weekly=tuple(weekly_time(engine, where)),
        response=tuple(response_trend(engine, where)),
        ratings=tuple(rating_by_category(engine, where)),
    )


def script_activity(engine: Engine, limit: int = 5) -> list[ScriptActivity]:
    """The scripts rehearsed most recently, each with its last session, newest first.

    ``lines_to_work_on`` counts the distinct lines skipped in that last session: what the
    home suggests going back to.
    """
    last = (
        select(RS.script_id, func.max(RS.started_at).label("last"), func.count().label("n"))
        .group_by(RS.script_id)
        .subquery()
    )
    statement = (
        select(
            RS.id,
            RS.script_id,
            StoredScript.title,
            StoredScript.source_path,
            RS.started_at,
            RS.role,
            duration_expression(),
            last.c.n,
        )
        .join(last, (last.c.script_id == RS.script_id) & (last.c.last == RS.started_at))
        .join(StoredScript, StoredScript.id == RS.script_id)
        .order_by(RS.started_at.desc(), RS.id.desc())
        .limit(limit * 2)  # two sessions may share a start to the microsecond
    )
    skipped = (
        select(func.count(func.distinct(LineEvent.scene_index * 100_000 + LineEvent.element_index)))
        .join(Take, Take.id == LineEvent.take_id)
        .where(LineEvent.skipped.is_(True))
    )
    result: list[ScriptActivity] = []
    seen: set[int] = set()
    with Session(engine) as session:
        for session_id, script_id, title, path, started, role, seconds, count in session.execute(
            statement
        ):
            if script_id in seen or len(result) >= limit:
                continue
            seen.add(script_id)
            work = session.scalar(skipped.where(Take.session_id == session_id)) or 0
            result.append(
                ScriptActivity(
                    script_id=script_id,
                    title=script_display_title(script_id, title, path),
                    source_path=path,
                    last_started_at=started,
                    last_role=role,
                    last_duration_s=max(0.0, float(seconds or 0.0)),
                    sessions=int(count),
                    lines_to_work_on=int(work),
                )
            )
    return result


def session_spans(engine: Engine, since: datetime) -> list[SessionSpan]:
    """Every session started at or after ``since``, with its length (for week totals)."""
    statement = select(RS.started_at, duration_expression()).where(RS.started_at >= since)
    with Session(engine) as session:
        rows = session.execute(statement.order_by(RS.started_at)).all()
    return [SessionSpan(started, max(0.0, float(seconds or 0.0))) for started, seconds in rows]


def history_summary(
    engine: Engine,
    since: datetime,
    where: SessionFilter = ALL_SESSIONS,
    until: datetime | None = None,
) -> HistorySummary:
    """Sessions, time, mean self-rating and lines to work on from ``since`` to ``until``
    (exclusive; open-ended without it), in ``where``."""
    period = [RS.started_at >= since]
    if until is not None:
        period.append(RS.started_at < until)
    totals = apply_filter(
        select(
            func.count(),
            func.sum(duration_expression()),
            func.sum(RS.rating_total),
            func.sum(RS.rating_count),
        ).where(*period),
        where,
    )
    line_key = func.distinct(
        RS.script_id * 10_000_000_000 + LineEvent.scene_index * 100_000 + LineEvent.element_index
    )
    lines = apply_filter(
        select(func.count(line_key))
        .select_from(LineEvent)
        .join(Take, Take.id == LineEvent.take_id)
        .join(RS, RS.id == Take.session_id)
        .where(*period, LineEvent.skipped.is_(True)),
        where,
    )
    with Session(engine) as session:
        count, seconds, rating_total, rating_count = session.execute(totals).one()
        work = session.scalar(lines) or 0
    return HistorySummary(
        since=since,
        sessions=int(count or 0),
        seconds=max(0.0, float(seconds or 0.0)),
        mean_rating=float(rating_total) / int(rating_count) if rating_count else None,
        lines_to_work_on=int(work),
    )
