"""Reading the history back: pages of sessions, one session in full, and deleting.

Filtering, sorting and paging all happen in SQL, so the history window asks for 200 rows of
10 000 and gets them from an index; the summary columns come from the running totals the
recorder keeps on each session row. Nothing here holds a session beyond one call.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TypeAlias

from sqlalchemy import (
    ColumnElement,
    Engine,
    Float,
    Select,
    case,
    cast,
    delete,
    func,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from rehearsal.store.listening_models import LineListening
from rehearsal.store.models import (
    LineEvent,
    NoteGiven,
    Rating,
    RehearsalSession,
    StoredScript,
    Take,
)
from rehearsal.store.records import (
    ALL_SESSIONS,
    FilterChoices,
    LineRecord,
    ListeningTotals,
    NoteRecord,
    RatingRecord,
    SessionDetail,
    SessionFilter,
    SessionMode,
    SessionSummary,
    SortKey,
    TakeRecord,
    script_display_title,
)
from rehearsal.store.scripts_repo import line_texts

RS = RehearsalSession
AnySelect: TypeAlias = Select[*tuple[Any, ...]]
SortColumn: TypeAlias = ColumnElement[Any] | InstrumentedAttribute[Any]
SECONDS_PER_DAY = 86400.0


def duration_expression() -> ColumnElement[float]:
    """Seconds from start to end, or to the last event for a session that never ended."""
    end = func.coalesce(RS.ended_at, RS.last_event_at)
    return (func.julianday(end) - func.julianday(RS.started_at)) * SECONDS_PER_DAY


def _mean_response() -> ColumnElement[float | None]:
    return case((RS.response_count > 0, RS.response_total_s / RS.response_count), else_=None)


def _mean_rating() -> ColumnElement[float | None]:
    return case((RS.rating_count > 0, cast(RS.rating_total, Float) / RS.rating_count), else_=None)


def _script_title() -> ColumnElement[Any]:
    return func.coalesce(StoredScript.title, StoredScript.source_path, "")


def apply_filter(
    statement: AnySelect, where: SessionFilter, moment: Any = RS.started_at
) -> AnySelect:
    """Restrict a statement over ``rehearsal_sessions`` to the filter (index-friendly).

    ``moment`` is the column the date range applies to: when the session started, unless
    the caller counts something else in time (a check-in, when it was taken).
    """
    if where.script_id is not None:
        statement = statement.where(RS.script_id == where.script_id)
    if where.role is not None:
        statement = statement.where(RS.role == where.role)
    if where.mode is not None:
        statement = statement.where(RS.mode == where.mode)
    if where.start is not None:
        statement = statement.where(moment >= where.start)
    if where.end is not None:
        statement = statement.where(moment < where.end)
    return statement


def _order_column(key: SortKey) -> SortColumn:
    columns: dict[SortKey, SortColumn] = {
        SortKey.STARTED: RS.started_at,
        SortKey.SCRIPT: _script_title(),
        SortKey.ROLE: RS.role,
        SortKey.MODE: RS.mode,
        SortKey.DURATION: duration_expression(),
        SortKey.TAKES: RS.take_count,
        SortKey.LINES: RS.line_count,
        SortKey.SKIPPED: RS.skipped_count,
        SortKey.RESPONSE: _mean_response(),
        SortKey.RATING: _mean_rating(),
    }
    return columns[key]


def _summary_select() -> AnySelect:
    return select(
        RS.id,
        RS.script_id,
        StoredScript.title,
        StoredScript.source_path,
        RS.role,
        RS.mode,
        RS.scene_index,
        RS.started_at,
        RS.ended_at,
        duration_expression().label("duration_s"),
        RS.take_count,
        RS.line_count,
        RS.skipped_count,
        _mean_response().label("mean_response_s"),
        _mean_rating().label("mean_rating"),
    ).join(StoredScript, StoredScript.id == RS.script_id)


def _summary(row: Any) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        script_id=row.script_id,
        script_title=script_display_title(row.script_id, row.title, row.source_path),
        role=row.role,
        mode=SessionMode(row.mode),
        scene_index=row.scene_index,
        started_at=row.started_at,
        ended_at=row.ended_at,
        duration_s=max(0.0, float(row.duration_s or 0.0)),
        take_count=row.take_count,
        line_count=row.line_count,
        skipped_count=row.skipped_count,
        mean_response_s=row.mean_response_s,
        mean_rating=row.mean_rating,
    )


class HistoryRepository:
    """The history as the window and the exporters see it; holds only the engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def count_sessions(self, where: SessionFilter = ALL_SESSIONS) -> int:
        """How many sessions match the filter."""
        with Session(self._engine) as session:
            statement = apply_filter(select(func.count()).select_from(RS), where)
            return int(session.scalar(statement) or 0)

    def list_sessions(
        self,
        where: SessionFilter = ALL_SESSIONS,
        sort: SortKey = SortKey.STARTED,
        descending: bool = True,
        offset: int = 0,
        limit: int | None = 200,
    ) -> list[SessionSummary]:
        """One page of session summaries, filtered and ordered in SQL."""
        column = _order_column(sort)
        ordering = column.desc() if descending else column.asc()
        tiebreak = RS.id.desc() if descending else RS.id.asc()
        statement = apply_filter(_summary_select(), where).order_by(ordering, tiebreak)
        statement = statement.offset(offset).limit(limit)
        with Session(self._engine) as session:
            return [_summary(row) for row in session.execute(statement)]

    def summaries(self, session_ids: Sequence[int]) -> list[SessionSummary]:
        """Summary rows of the given sessions, in the given order (missing ids skipped)."""
        if not session_ids:
            return []
        with Session(self._engine) as session:
            rows = session.execute(_summary_select().where(RS.id.in_(session_ids)))
            by_id = {row.id: _summary(row) for row in rows}
        return [by_id[i] for i in session_ids if i in by_id]

    def get_summary(self, session_id: int) -> SessionSummary | None:
        """One session's summary row."""
        found = self.summaries([session_id])
        return found[0] if found else None

    def filter_choices(self) -> FilterChoices:
        """The scripts, roles and modes that occur in the history, for the filter menus."""
        with Session(self._engine) as session:
            scripts = session.execute(
                select(StoredScript.id, StoredScript.title, StoredScript.source_path)
                .where(StoredScript.id.in_(select(RS.script_id).distinct()))
                .order_by(_script_title(), StoredScript.id)
            ).all()
            roles = session.scalars(select(RS.role).distinct().order_by(RS.role)).all()
            modes = session.scalars(select(RS.mode).distinct().order_by(RS.mode)).all()
        return FilterChoices(
            scripts=tuple((i, script_display_title(i, t, p)) for i, t, p in scripts),
            roles=tuple(roles),
            modes=tuple(SessionMode(m) for m in modes),
        )

    def session_details(self, session_ids: Sequence[int]) -> list[SessionDetail]:
        """Full records of several sessions in the given order (missing ids are skipped)."""
        if not session_ids:
            return []
        with Session(self._engine) as session:
            summaries = {
                row.id: _summary(row)
                for row in session.execute(_summary_select().where(RS.id.in_(session_ids)))
            }
            takes = session.scalars(
                select(Take)
                .where(Take.session_id.in_(session_ids))
                .order_by(Take.session_id, Take.number)
            ).all()
            take_ids = [take.id for take in takes]
            lines = session.scalars(
                select(LineEvent).where(LineEvent.take_id.in_(take_ids)).order_by(LineEvent.id)
            ).all()
            notes = session.scalars(
                select(NoteGiven)
                .where(NoteGiven.session_id.in_(session_ids))
                .order_by(NoteGiven.id)
            ).all()
            ratings = session.scalars(
                select(Rating).where(Rating.session_id.in_(session_ids)).order_by(Rating.id)
            ).all()
            texts = _session_texts(session, session_ids)
            line_ids = [line.id for line in lines]
            heard = {
                row.line_event_id: row
                for row in session.scalars(
                    select(LineListening).where(LineListening.line_event_id.in_(line_ids))
                )
            }
            return _assemble(session_ids, summaries, takes, lines, notes, ratings, texts, heard)

    def listening_totals(self, session_ids: Sequence[int]) -> dict[int, ListeningTotals]:
        """What listening heard, per session: the export's per-session columns.

        Sessions run without Follow my words have no row and are left out of the result.
        """
        if not session_ids:
            return {}
        statement = (
            select(
                Take.session_id,
                func.avg(LineListening.accuracy),
                func.coalesce(func.sum(LineListening.prompts), 0),
                func.avg(LineListening.pickup_s),
            )
            .join(LineEvent, LineEvent.take_id == Take.id)
            .join(LineListening, LineListening.line_event_id == LineEvent.id)
            .where(Take.session_id.in_(session_ids))
            .group_by(Take.session_id)
        )
        with Session(self._engine) as session:
            return {
                row[0]: ListeningTotals(
                    mean_accuracy=None if row[1] is None else float(row[1]),
                    prompts=int(row[2]),
                    mean_pickup_s=None if row[3] is None else float(row[3]),
                )
                for row in session.execute(statement)
            }

    def session_detail(self, session_id: int) -> SessionDetail | None:
        """One session in full: takes with per-line timings, notes drawn, ratings."""
        found = self.session_details([session_id])
        return found[0] if found else None

    def delete_session(self, session_id: int) -> bool:
        """Delete a session and (by cascade) everything recorded in it."""
        with Session(self._engine) as session, session.begin():
            result = session.execute(delete(RS).where(RS.id == session_id))
            return bool(getattr(result, "rowcount", 0))

    def session_ids(self, where: SessionFilter = ALL_SESSIONS) -> list[int]:
        """Ids of every matching session, oldest first: what an export walks through."""
        statement = apply_filter(select(RS.id), where).order_by(RS.started_at, RS.id)
        with Session(self._engine) as session:
            return list(session.scalars(statement))


def _session_texts(
    session: Session, session_ids: Sequence[int]
) -> dict[int, dict[tuple[int, int], str]]:
    """Each session's line words, read from the script as corrected when it was rehearsed."""
    versions = session.execute(
        select(RS.id, RS.script_id, RS.corrections).where(RS.id.in_(session_ids))
    ).all()
    snapshots: dict[int, Any] = dict(
        session.execute(
            select(StoredScript.id, StoredScript.snapshot).where(
                StoredScript.id.in_({script_id for _, script_id, _ in versions})
            )
        ).all()
    )
    cache: dict[tuple[int, str | None], dict[tuple[int, int], str]] = {}
    texts: dict[int, dict[tuple[int, int], str]] = {}
    for session_id, script_id, corrections in versions:
        key = (script_id, corrections)
        if key not in cache:
            snapshot = snapshots.get(script_id)
            cache[key] = line_texts(snapshot, corrections) if snapshot else {}
        texts[session_id] = cache[key]
    return texts


def _listening_fields(row: LineListening | None) -> dict[str, Any]:
    """The :class:`LineRecord` fields from a line's listening row (none: the defaults)."""
    if row is None:
        return {}
    try:
        differing = json.loads(row.differing or "[]")
    except ValueError:  # a hand-edited or damaged value: the rest of the line still shows
        differing = []
    return {
        "pickup_s": row.pickup_s,
        "accuracy": row.accuracy,
        "differing": tuple(str(d) for d in differing) if isinstance(differing, list) else (),
        "complete": row.complete,
        "prompts": row.prompts,
    }


def _assemble(
    order: Iterable[int],
    summaries: dict[int, SessionSummary],
    takes: Sequence[Take],
    lines: Sequence[LineEvent],
    notes: Sequence[NoteGiven],
    ratings: Sequence[Rating],
    texts: dict[int, dict[tuple[int, int], str]],
    heard: dict[int, LineListening] | None = None,
) -> list[SessionDetail]:
    take_session = {take.id: take.session_id for take in takes}
    lines_by_take: dict[int, list[LineRecord]] = {}
    heard = heard or {}
    for line in lines:
        session_id = take_session[line.take_id]
        listened = heard.get(line.id)
        lines_by_take.setdefault(line.take_id, []).append(
            LineRecord(
                id=line.id,
                scene_index=line.scene_index,
                element_index=line.element_index,
                cue_end_s=line.cue_end_s,
                actor_done_s=line.actor_done_s,
                response_s=line.response_s,
                skipped=line.skipped,
                recorded_at=line.recorded_at,
                text=texts.get(session_id, {}).get((line.scene_index, line.element_index)),
                **_listening_fields(listened),
            )
        )
    takes_by_session: dict[int, list[TakeRecord]] = {}
    for take in takes:
        takes_by_session.setdefault(take.session_id, []).append(
            TakeRecord(
                id=take.id,
                number=take.number,
                started_at=take.started_at,
                ended_at=take.ended_at,
                lines=tuple(lines_by_take.get(take.id, ())),
            )
        )
    notes_by_session: dict[int, list[NoteRecord]] = {}
    for note in notes:
        notes_by_session.setdefault(note.session_id, []).append(
            NoteRecord(
                id=note.id,
                take_id=note.take_id,
                note_key=note.note_key,
                text=note.text,
                category=note.category,
                level=note.level,
                timing=note.timing,
                scene_index=note.scene_index,
                element_index=note.element_index,
                given_at=note.given_at,
            )
        )
    ratings_by_session: dict[int, list[RatingRecord]] = {}
    for rating in ratings:
        ratings_by_session.setdefault(rating.session_id, []).append(
            RatingRecord(
                id=rating.id,
                take_id=rating.take_id,
                note_id=rating.note_id,
                category=rating.category,
                score=rating.score,
                comment=rating.comment,
                rated_at=rating.rated_at,
            )
        )
    return [
        SessionDetail(
            summary=summaries[session_id],
            takes=tuple(takes_by_session.get(session_id, ())),
            notes=tuple(notes_by_session.get(session_id, ())),
            ratings=tuple(ratings_by_session.get(session_id, ())),
        )
        for session_id in order
        if session_id in summaries
    ]
