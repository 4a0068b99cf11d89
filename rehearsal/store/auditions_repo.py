"""Auditions and their dossiers: one short transaction per save, frozen records out.

The dossier editor saves a part (details, research, worksheet, wardrobe, one relationship,
the follow-up) a moment after the actor stops typing, so every save is a single small
write. Each write first touches the audition row (its ``updated_at``), which both takes
SQLite's write lock at the first statement and proves the audition still exists: a dossier
left open while the audition was deleted elsewhere gets :class:`AuditionNotFoundError`
instead of a half-written orphan.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rehearsal.store.checkins_repo import checkin_record
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import StoreError
from rehearsal.store.dossier_models import (
    AuditionResearch,
    AuditionRow,
    AuditionScript,
    AuditionSession,
    AuditionTape,
    AuditionWardrobe,
    CharacterWorksheet,
    CheckInRow,
    WorksheetRelationship,
)
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionDossier,
    AuditionRound,
    ExportedTape,
    FollowUpState,
    Outcome,
    Relationship,
    Research,
    Wardrobe,
    Worksheet,
)
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.models import Character, RehearsalSession, StoredScript
from rehearsal.store.records import ScriptInfo, SessionSummary
from rehearsal.store.scripts_repo import script_info

Part = TypeVar("Part", Research, Worksheet, Wardrobe)

PART_TABLES: dict[type[Any], type[Any]] = {
    Research: AuditionResearch,
    Worksheet: CharacterWorksheet,
    Wardrobe: AuditionWardrobe,
}

UPCOMING_GRACE = timedelta(hours=12)
"""How long after its time an audition still counts as "upcoming" for linking sessions:
a warm-up run in the car park an hour after the call time still belongs to it."""


class AuditionNotFoundError(StoreError):
    """The audition was deleted (perhaps in another window) while something still used it."""

    def __init__(self, audition_id: int) -> None:
        super().__init__(
            f"The audition (number {audition_id}) no longer exists — it was deleted. "
            "Close its dossier; nothing more can be saved to it."
        )
        self.audition_id = audition_id


class LinkError(StoreError):
    """A script or session to link does not exist."""


def _details(row: AuditionRow) -> AuditionDetails:
    return AuditionDetails(
        project_title=row.project_title,
        role=row.role,
        round=AuditionRound(row.round),
        scheduled_at=row.scheduled_at,
        location=row.location,
        self_tape_deadline=row.self_tape_deadline,
        casting_director=row.casting_director,
        director=row.director,
        writer=row.writer,
        producers=row.producers,
        agent=row.agent,
        links=row.links,
    )


def audition_record(row: AuditionRow) -> Audition:
    """The frozen record of an audition row."""
    return Audition(
        id=row.id,
        details=_details(row),
        follow_up=FollowUpState(
            outcome=Outcome(row.outcome),
            thank_you_text=row.thank_you_text,
            thank_you_sent_at=row.thank_you_sent_at,
            dismissed_at=row.followup_dismissed_at,
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _detail_values(details: AuditionDetails) -> dict[str, Any]:
    try:
        round_value = AuditionRound(details.round).value
    except ValueError:
        known = ", ".join(r.value for r in AuditionRound)
        raise ValueError(f"unknown audition round {details.round!r} (one of {known})") from None
    values = dataclasses.asdict(details)
    values["round"] = round_value
    return values


def _part_values(part: Research | Worksheet | Wardrobe) -> dict[str, Any]:
    return dataclasses.asdict(part)


def _part_record(kind: type[Part], row: Any) -> Part:
    if row is None:
        return kind()
    return kind(**{f.name: getattr(row, f.name) for f in dataclasses.fields(kind)})


def merge_relationships(
    role: str, script_characters: Iterable[str], saved: Iterable[tuple[str, str]]
) -> tuple[Relationship, ...]:
    """Every other character of the sides, in script order, with what the actor wrote.

    The actor's own role is left out (compared without case, as cues are upper case but the
    actor may type "Nina"). Entries written for a character no longer in any linked script
    are kept after the script's characters as long as they hold text, so unlinking the
    wrong sides never throws work away.
    """
    notes = dict(saved)
    own = role.strip().casefold()
    listed: list[Relationship] = []
    seen: set[str] = set()
    for name in script_characters:
        key = name.casefold()
        if key == own or key in seen:
            continue
        seen.add(key)
        listed.append(Relationship(name, notes.get(name, ""), in_script=True))
    for name, text in notes.items():
        if name.casefold() not in seen and text.strip():
            listed.append(Relationship(name, text, in_script=False))
    return tuple(listed)


class AuditionsRepository:
    """Auditions, their dossier parts and their links; holds only the engine and a clock."""

    def __init__(self, engine: Engine, now: WallClock = utc_now) -> None:
        self._engine = engine
        self._now = now

    # Auditions ------------------------------------------------------------------------

    def create(self, details: AuditionDetails | None = None) -> int:
        """Store a new audition and return its id."""
        at = self._now()
        values = _detail_values(details or AuditionDetails())
        with Session(self._engine) as session, session.begin():
            row = AuditionRow(**values, created_at=at, updated_at=at)
            session.add(row)
            session.flush()
            return row.id

    def get(self, audition_id: int) -> Audition | None:
        """One audition, or ``None`` when it was deleted."""
        with Session(self._engine) as session:
            row = session.get(AuditionRow, audition_id)
            return audition_record(row) if row is not None else None

    def list_auditions(self) -> list[Audition]:
        """Every audition, latest date first (undated ones first: they are being planned)."""
        when = func.coalesce(AuditionRow.scheduled_at, AuditionRow.self_tape_deadline)
        statement = select(AuditionRow).order_by(
            when.is_(None).desc(), when.desc(), AuditionRow.id.desc()
        )
        with Session(self._engine) as session:
            return [audition_record(row) for row in session.scalars(statement)]

    def delete(self, audition_id: int) -> tuple[str, ...]:
        """Delete an audition and its dossier; returns the photo files it leaves unused.

        The caller removes those files (the store does not touch the data folder).
        """
        with Session(self._engine) as session, session.begin():
            photo = session.scalar(
                select(AuditionWardrobe.first_round_photo).where(
                    AuditionWardrobe.audition_id == audition_id
                )
            )
            session.execute(delete(AuditionRow).where(AuditionRow.id == audition_id))
            if not photo:
                return ()
            still_used = session.scalar(
                select(func.count())
                .select_from(AuditionWardrobe)
                .where(AuditionWardrobe.first_round_photo == photo)
            )
            return () if still_used else (photo,)

    def _touch(self, session: Session, audition_id: int, **values: Any) -> None:
        """Bump ``updated_at`` (and set ``values``); fail if the audition is gone."""
        values["updated_at"] = self._now()
        result = session.execute(
            update(AuditionRow).where(AuditionRow.id == audition_id).values(values)
        )
        if not getattr(result, "rowcount", 0):
            raise AuditionNotFoundError(audition_id)

    def save_details(self, audition_id: int, details: AuditionDetails) -> None:
        """Replace the audition's details (the editor's first tab)."""
        values = _detail_values(details)
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id, **values)

    # Follow-up ------------------------------------------------------------------------

    def set_outcome(self, audition_id: int, outcome: Outcome | str) -> None:
        """Record what came of the audition."""
        try:
            value = Outcome(outcome).value
        except ValueError:
            known = ", ".join(o.value for o in Outcome)
            raise ValueError(f"unknown outcome {outcome!r} (one of {known})") from None
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id, outcome=value)

    def save_thank_you(self, audition_id: int, text: str) -> None:
        """Keep the actor's draft of the thank-you note."""
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id, thank_you_text=text)

    def mark_thank_you_sent(self, audition_id: int, at: datetime | None = None) -> datetime:
        """Record that the note went out (now, unless ``at`` says when); returns the time."""
        sent_at = at or self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id, thank_you_sent_at=sent_at)
        return sent_at

    def mark_thank_you_unsent(self, audition_id: int) -> None:
        """Undo :meth:`mark_thank_you_sent` (and a dismissal): the note is due again."""
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id, thank_you_sent_at=None, followup_dismissed_at=None)

    def dismiss_follow_up(self, audition_id: int) -> None:
        """The actor will not send a thank-you for this one: stop offering it."""
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id, followup_dismissed_at=self._now())

    # Dossier parts ----------------------------------------------------------------------

    def get_part(self, audition_id: int, kind: type[Part]) -> Part:
        """The research, worksheet or wardrobe of an audition (empty if never saved)."""
        table = PART_TABLES[kind]
        with Session(self._engine) as session:
            return _part_record(kind, session.get(table, audition_id))

    def save_part(self, audition_id: int, part: Research | Worksheet | Wardrobe) -> None:
        """Replace one dossier part (research, worksheet or wardrobe) as a whole."""
        table = PART_TABLES[type(part)]
        values = _part_values(part)
        at = self._now()
        statement = insert(table).values(audition_id=audition_id, updated_at=at, **values)
        statement = statement.on_conflict_do_update(
            index_elements=["audition_id"], set_={**values, "updated_at": at}
        )
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id)
            session.execute(statement)

    def research(self, audition_id: int) -> Research:
        """The audition's research notes."""
        return self.get_part(audition_id, Research)

    def worksheet(self, audition_id: int) -> Worksheet:
        """The audition's character worksheet."""
        return self.get_part(audition_id, Worksheet)

    def wardrobe(self, audition_id: int) -> Wardrobe:
        """The audition's wardrobe notes."""
        return self.get_part(audition_id, Wardrobe)

    def relationships(self, audition_id: int) -> tuple[Relationship, ...]:
        """One entry per other character of the linked sides, plus any kept by the actor."""
        with Session(self._engine) as session:
            return self._relationships(session, audition_id)

    def _relationships(self, session: Session, audition_id: int) -> tuple[Relationship, ...]:
        role = session.scalar(select(AuditionRow.role).where(AuditionRow.id == audition_id))
        names = session.scalars(
            select(Character.name)
            .join(AuditionScript, AuditionScript.script_id == Character.script_id)
            .where(AuditionScript.audition_id == audition_id)
            .order_by(AuditionScript.linked_at, AuditionScript.script_id, Character.position)
        ).all()
        saved = session.execute(
            select(WorksheetRelationship.character, WorksheetRelationship.notes)
            .where(WorksheetRelationship.audition_id == audition_id)
            .order_by(WorksheetRelationship.id)
        ).all()
        return merge_relationships(role or "", names, [(c, n) for c, n in saved])

    def save_relationship(self, audition_id: int, character: str, notes: str) -> None:
        """Keep what the character is to ``character`` (one entry, saved on its own)."""
        name = character.strip()
        if not name:
            raise ValueError("a relationship needs the other character's name")
        at = self._now()
        statement = insert(WorksheetRelationship).values(
            audition_id=audition_id, character=name, notes=notes, updated_at=at
        )
        statement = statement.on_conflict_do_update(
            index_elements=["audition_id", "character"],
            set_={"notes": notes, "updated_at": at},
        )
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id)
            session.execute(statement)

    # Links ------------------------------------------------------------------------------

    def link_script(self, audition_id: int, script_id: int) -> None:
        """Say the audition uses these sides (linking twice is harmless)."""
        statement = (
            insert(AuditionScript)
            .values(audition_id=audition_id, script_id=script_id, linked_at=self._now())
            .on_conflict_do_nothing()
        )
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id)
            try:
                session.execute(statement)
            except IntegrityError as exc:
                raise LinkError(f"There is no stored script with id {script_id}.") from exc

    def unlink_script(self, audition_id: int, script_id: int) -> None:
        """Forget that the audition uses these sides (the script itself stays)."""
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id)
            session.execute(
                delete(AuditionScript).where(
                    AuditionScript.audition_id == audition_id,
                    AuditionScript.script_id == script_id,
                )
            )

    def scripts(self, audition_id: int) -> tuple[ScriptInfo, ...]:
        """The sides linked to the audition, in the order they were linked."""
        with Session(self._engine) as session:
            return self._scripts(session, audition_id)

    @staticmethod
    def _scripts(session: Session, audition_id: int) -> tuple[ScriptInfo, ...]:
        rows = session.scalars(
            select(StoredScript)
            .join(AuditionScript, AuditionScript.script_id == StoredScript.id)
            .where(AuditionScript.audition_id == audition_id)
            .order_by(AuditionScript.linked_at, StoredScript.id)
        ).all()
        return tuple(script_info(row) for row in rows)

    def link_session(self, audition_id: int, session_id: int) -> None:
        """Count a rehearsal session as preparation for the audition."""
        statement = (
            insert(AuditionSession)
            .values(audition_id=audition_id, session_id=session_id, linked_at=self._now())
            .on_conflict_do_nothing()
        )
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id)
            try:
                session.execute(statement)
            except IntegrityError as exc:
                raise LinkError(f"There is no rehearsal session with id {session_id}.") from exc

    def unlink_session(self, audition_id: int, session_id: int) -> None:
        """Stop counting a session as preparation for the audition."""
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id)
            session.execute(
                delete(AuditionSession).where(
                    AuditionSession.audition_id == audition_id,
                    AuditionSession.session_id == session_id,
                )
            )

    def session_ids(self, audition_id: int) -> list[int]:
        """Ids of the sessions linked to the audition, oldest first."""
        statement = (
            select(AuditionSession.session_id)
            .join(RehearsalSession, RehearsalSession.id == AuditionSession.session_id)
            .where(AuditionSession.audition_id == audition_id)
            .order_by(RehearsalSession.started_at, RehearsalSession.id)
        )
        with Session(self._engine) as session:
            return list(session.scalars(statement))

    def sessions(self, audition_id: int) -> tuple[SessionSummary, ...]:
        """Summaries of the sessions linked to the audition, oldest first."""
        return tuple(HistoryRepository(self._engine).summaries(self.session_ids(audition_id)))

    def candidate_sessions(self, audition_id: int, limit: int = 50) -> list[SessionSummary]:
        """Recent sessions with the audition's sides, newest first: what may be linked."""
        statement = (
            select(RehearsalSession.id)
            .join(AuditionScript, AuditionScript.script_id == RehearsalSession.script_id)
            .where(AuditionScript.audition_id == audition_id)
            .order_by(RehearsalSession.started_at.desc(), RehearsalSession.id.desc())
            .limit(limit)
        )
        with Session(self._engine) as session:
            ids = list(session.scalars(statement))
        return HistoryRepository(self._engine).summaries(ids)

    def link_session_to_upcoming(self, session_id: int) -> list[int]:
        """Link a just-started session to the auditions it prepares for; returns their ids.

        Those are the auditions that use the session's script and have not happened yet
        (or only just: see :data:`UPCOMING_GRACE`), or have no date yet.
        """
        cutoff = self._now() - UPCOMING_GRACE
        when = func.coalesce(AuditionRow.scheduled_at, AuditionRow.self_tape_deadline)
        script_id = (
            select(RehearsalSession.script_id)
            .where(RehearsalSession.id == session_id)
            .scalar_subquery()
        )
        with Session(self._engine) as session, session.begin():
            audition_ids = list(
                session.scalars(
                    select(AuditionRow.id)
                    .join(AuditionScript, AuditionScript.audition_id == AuditionRow.id)
                    .where(AuditionScript.script_id == script_id)
                    .where(when.is_(None) | (when >= cutoff))
                    .order_by(AuditionRow.id)
                )
            )
            if audition_ids:
                session.execute(
                    insert(AuditionSession)
                    .values(
                        [
                            {"audition_id": a, "session_id": session_id, "linked_at": self._now()}
                            for a in audition_ids
                        ]
                    )
                    .on_conflict_do_nothing()
                )
            return audition_ids

    def auditions_for_session(self, session_id: int) -> list[Audition]:
        """The auditions a session was linked to (for the history's detail view)."""
        statement = (
            select(AuditionRow)
            .join(AuditionSession, AuditionSession.audition_id == AuditionRow.id)
            .where(AuditionSession.session_id == session_id)
            .order_by(AuditionRow.id)
        )
        with Session(self._engine) as session:
            return [audition_record(row) for row in session.scalars(statement)]

    # Self-tapes ------------------------------------------------------------------------

    def record_tape(self, audition_id: int, take_number: int, file_path: str) -> ExportedTape:
        """Note that take ``take_number`` was exported for the audition as ``file_path``."""
        at = self._now()
        with Session(self._engine) as session, session.begin():
            self._touch(session, audition_id)
            row = AuditionTape(
                audition_id=audition_id,
                take_number=take_number,
                file_path=file_path,
                exported_at=at,
            )
            session.add(row)
            session.flush()
            return ExportedTape(row.id, take_number, file_path, at)

    def tapes(self, audition_id: int) -> tuple[ExportedTape, ...]:
        """The self-tapes exported for the audition, newest first."""
        statement = (
            select(AuditionTape)
            .where(AuditionTape.audition_id == audition_id)
            .order_by(AuditionTape.exported_at.desc(), AuditionTape.id.desc())
        )
        with Session(self._engine) as session:
            return tuple(
                ExportedTape(r.id, r.take_number, r.file_path, r.exported_at)
                for r in session.scalars(statement)
            )

    # Everything at once -----------------------------------------------------------------

    def dossier(self, audition_id: int) -> AuditionDossier | None:
        """The whole dossier, for opening the editor and for the prep sheet."""
        with Session(self._engine) as session:
            row = session.get(AuditionRow, audition_id)
            if row is None:
                return None
            audition = audition_record(row)
            research = _part_record(Research, session.get(AuditionResearch, audition_id))
            worksheet = _part_record(Worksheet, session.get(CharacterWorksheet, audition_id))
            wardrobe = _part_record(Wardrobe, session.get(AuditionWardrobe, audition_id))
            relationships = self._relationships(session, audition_id)
            scripts = self._scripts(session, audition_id)
            linked = select(AuditionSession.session_id).where(
                AuditionSession.audition_id == audition_id
            )
            checkins = session.scalars(
                select(CheckInRow)
                .where((CheckInRow.audition_id == audition_id) | CheckInRow.session_id.in_(linked))
                .order_by(CheckInRow.taken_at, CheckInRow.id)
            ).all()
            checkin_records = tuple(checkin_record(c) for c in checkins)
        return AuditionDossier(
            audition=audition,
            research=research,
            worksheet=worksheet,
            relationships=relationships,
            wardrobe=wardrobe,
            scripts=scripts,
            sessions=self.sessions(audition_id),
            checkins=checkin_records,
            tapes=self.tapes(audition_id),
        )
