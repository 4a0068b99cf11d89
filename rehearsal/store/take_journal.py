"""The rehearsal's events on disk before the database has them: a journal, replayed at start.

The take log must never drop an event, yet the database can be away for any length of
time: a backup tool or a second copy of the app holding its lock, a full disk, a share
that went read-only. So every event is first appended to a small journal file beside the
database (one line of JSON each, fsync'd), then written to the database, as often as it
takes. A run that ends normally deletes its journal once everything is in; a run killed
before that leaves the journal, and the next start replays it.

Events name what they refer to by when it happened (a session's, a take's start time)
rather than by database ids, so a replay can tell what is already stored: writing an
event twice changes nothing. Each running take log holds an exclusive lock on its own
journal file, so a second copy of the app never replays a journal that is still in use.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import uuid
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from rehearsal.store.models import LineEvent, NoteGiven, Rating, RehearsalSession, Take
from rehearsal.store.sessions_repo import SessionRecorder

log = logging.getLogger(__name__)

JOURNAL_FOLDER = "history-pending"
JOURNAL_SUFFIX = ".jsonl"

Event = dict[str, Any]
"""One event: ``seq``, ``kind``, ``at`` (ISO time it happened) and the kind's fields."""


def journal_folder(database: Path) -> Path:
    """Where the journals of ``database`` are kept: a folder beside it."""
    return database.parent / JOURNAL_FOLDER


def database_path(engine: Engine) -> Path | None:
    """The file behind ``engine`` (None for an in-memory database)."""
    name = engine.url.database
    if not name or name == ":memory:" or engine.url.query.get("mode") == "memory":
        return None
    if name.startswith("file:"):
        return None  # opened read-only through a URI: nothing may be written beside it
    return Path(name)


def _lock(handle: IO[bytes], *, wait: bool) -> bool:
    """Take the journal's exclusive lock; False when another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


class JournalFile:
    """This run's journal: appended to, fsync'd, locked while the take log lives."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        self.path = folder / f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}{JOURNAL_SUFFIX}"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._handle: IO[bytes] = os.fdopen(fd, "ab")
        _lock(self._handle, wait=True)

    def append(self, events: list[Event]) -> None:
        """Add ``events`` and wait until they are on disk; raises :class:`OSError`."""
        data = b"".join(
            json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
            for event in events
        )
        self._handle.write(data)
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self, *, delete: bool) -> None:
        """Close (releasing the lock); ``delete`` once every event is in the database."""
        with contextlib.suppress(OSError):
            self._handle.close()
        if delete:
            with contextlib.suppress(OSError):
                self.path.unlink()


def read_events(lines: bytes) -> list[Event]:
    """The events of a journal; a line torn by a crash mid-write (the last) is skipped."""
    events = []
    for raw in lines.splitlines():
        try:
            event = json.loads(raw)
        except ValueError:
            log.warning("skipping a torn line in a history journal")
            continue
        if isinstance(event, dict) and "kind" in event and "at" in event:
            events.append(event)
    return events


class EventWriter:
    """Writes journal events to the database, each at most once.

    With ``check_first`` an event is looked up by when it happened before it is written:
    what a replay or a retry after an uncertain commit must do. The first write of an
    event skips the look-up, which costs one query per event.
    """

    def __init__(self, recorder: SessionRecorder, engine: Engine) -> None:
        self._recorder = recorder
        self._engine = engine
        self.session_id: int | None = None
        self._takes: dict[datetime, int] = {}  # by when each take started
        self._notes: dict[int, int] = {}
        self._session_event: Event | None = None

    def apply(self, event: Mapping[str, Any], check_first: bool) -> int | None:
        """Write one event; returns the new session's id when this event created it."""
        kind = event["kind"]
        at = datetime.fromisoformat(event["at"])
        if kind == "session":
            return self._start_session(dict(event), at, check_first)
        session_id = self._require_session()
        if kind == "take":
            self._take(session_id, at, check_first)
        elif kind == "line":
            self._line(session_id, event, at, check_first)
        elif kind == "note":
            self._note(session_id, event, at, check_first)
        elif kind == "rating":
            self._rating(session_id, event, at, check_first)
        elif kind == "take_end":
            take_id = self._take(session_id, _take_at(event), True)
            self._recorder.end_take(take_id, at=at)
        elif kind == "session_end":
            self._recorder.end_session(session_id, at=at)
        else:
            log.warning("unknown history event %r skipped", kind)
        return None

    def _require_session(self) -> int:
        if self.session_id is None:
            raise LookupError("an event came before its session was stored")
        return self.session_id

    def _find(self, statement: Any) -> int | None:
        with Session(self._engine) as session:
            found = session.scalar(statement)
        return None if found is None else int(found)

    def _start_session(self, event: Event, at: datetime, check_first: bool) -> int | None:
        if check_first:
            found = self._find(
                select(RehearsalSession.id).where(
                    RehearsalSession.script_id == event["script_id"],
                    RehearsalSession.role == event["role"],
                    RehearsalSession.started_at == at,
                )
            )
            if found is not None:
                self.session_id = found
                return None
        self.session_id = self._recorder.start_session(
            int(event["script_id"]),
            str(event["role"]),
            str(event["mode"]),
            scene_index=event.get("scene_index"),
            at=at,
        )
        return self.session_id

    def _take(self, session_id: int, at: datetime, check_first: bool) -> int:
        """The stored take that started at ``at``; started now if it never was.

        A take is known by its start time, not the engine's number, which a new run of
        the same session may use again. Its lines never depend on its start having been
        written: the first of them starts it.
        """
        if at in self._takes:
            return self._takes[at]
        found = None
        if check_first:
            found = self._find(
                select(Take.id).where(Take.session_id == session_id, Take.started_at == at)
            )
        self._takes[at] = found or self._recorder.start_take(session_id, at=at)
        return self._takes[at]

    def _line(
        self, session_id: int, event: Mapping[str, Any], at: datetime, check_first: bool
    ) -> None:
        take_id = self._take(session_id, _take_at(event), True)
        if check_first and self._find(
            select(LineEvent.id).where(
                LineEvent.take_id == take_id,
                LineEvent.recorded_at == at,
                LineEvent.scene_index == event["scene"],
                LineEvent.element_index == event["element"],
            )
        ):
            return
        self._recorder.record_line(
            take_id,
            int(event["scene"]),
            int(event["element"]),
            cue_end_s=event.get("cue_end_s"),
            actor_done_s=event.get("done_s"),
            skipped=bool(event.get("skipped")),
            response_s=event.get("response_s"),
            pickup_s=event.get("pickup_s"),
            accuracy=event.get("accuracy"),
            differing=[str(d) for d in event.get("differing") or ()],
            complete=event.get("complete"),
            prompts=int(event.get("prompts") or 0),
            at=at,
        )

    def _optional_take(self, session_id: int, event: Mapping[str, Any]) -> int | None:
        if event.get("take") is None:
            return None
        return self._take(session_id, _take_at(event), True)

    def _note(
        self, session_id: int, event: Mapping[str, Any], at: datetime, check_first: bool
    ) -> None:
        take_id = self._optional_take(session_id, event)
        found = None
        if check_first:
            found = self._find(
                select(NoteGiven.id).where(
                    NoteGiven.session_id == session_id, NoteGiven.given_at == at
                )
            )
        self._notes[int(event["seq"])] = found or self._recorder.record_note(
            session_id,
            str(event["text"]),
            str(event["category"]),
            str(event["timing"]),
            take_id=take_id,
            note_key=event.get("note_key"),
            level=event.get("level"),
            at=at,
        )

    def _rating(
        self, session_id: int, event: Mapping[str, Any], at: datetime, check_first: bool
    ) -> None:
        take_id = self._optional_take(session_id, event)
        if check_first and self._find(
            select(Rating.id).where(Rating.session_id == session_id, Rating.rated_at == at)
        ):
            return
        note_seq = event.get("note_seq")
        self._recorder.rate(
            session_id,
            int(event["score"]),
            take_id=take_id,
            note_id=self._notes.get(int(note_seq)) if note_seq is not None else None,
            comment=event.get("comment"),
            at=at,
        )


def _take_at(event: Mapping[str, Any]) -> datetime:
    return datetime.fromisoformat(event["take_at"])


def replay_journals(engine: Engine, folder: Path) -> int:
    """Write the events of journals left by runs that ended early; returns how many.

    A journal still locked (its take log is running in another copy of the app) is left
    alone. A journal is deleted once all its events are in; one that cannot be finished
    now (the database is locked or full) stays for the next start.
    """
    from rehearsal.store.sessions_repo import RecordingError

    if not folder.is_dir():
        return 0
    replayed = 0
    for path in sorted(folder.glob(f"*{JOURNAL_SUFFIX}")):
        try:
            handle = path.open("rb")
        except OSError:
            continue
        with handle:
            if not _lock(handle, wait=False):
                continue  # a running take log's journal
            events = read_events(handle.read())
            writer = EventWriter(SessionRecorder(engine), engine)
            for event in events:
                try:
                    writer.apply(event, check_first=True)
                except (RecordingError, LookupError, KeyError, ValueError) as exc:
                    log.warning("history journal %s: event skipped (%s)", path.name, exc)
                    continue
                replayed += 1
        path.unlink(missing_ok=True)
        log.info("replayed %d events from %s", len(events), path.name)
    return replayed
