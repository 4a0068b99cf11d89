"""The engine's takes written to the store, one committed transaction per event.

:class:`StoreTakeRecorder` implements the engine's ``TakeRecorder`` protocol on top of
:class:`SessionRecorder`. Writes happen on one background writer thread, in order: each is
a tiny transaction, but ``synchronous=FULL`` makes every commit wait for the disk, and the
GUI thread must never wait for a disk. The queue is drained as fast as events arrive, so a
crash still loses at most the event in flight. The session row is created on the first
take, so opening a script without rehearsing leaves no empty session behind.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from rehearsal.engine.direction import NoteEvent
from rehearsal.engine.timing import LineTiming, Rating, TakeInfo, TakeResult
from rehearsal.store.models import SessionMode
from rehearsal.store.sessions_repo import SessionRecorder

log = logging.getLogger(__name__)

_MODES = {
    None: SessionMode.REHEARSE,
    "adjustment": SessionMode.DRILL,
    "cold_read": SessionMode.COLD_READ,
}


class StoreTakeRecorder:
    """Records one rehearsal (a script, a role) as a session with its takes."""

    def __init__(
        self,
        recorder: SessionRecorder,
        script_id: int,
        role: str,
        *,
        scene_index: int | None = None,
        on_error: Callable[[str], None] | None = None,
        on_session_started: Callable[[int], None] | None = None,
    ) -> None:
        self._recorder = recorder
        self._on_session_started = on_session_started
        self._script_id = script_id
        self._role = role
        self._scene_index = scene_index
        self._on_error = on_error
        self._session_id: int | None = None
        self._takes: dict[int, int] = {}
        self._notes: dict[int, int] = {}
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._drain, name="history writer", daemon=True)
        self._thread.start()
        self._failed = False

    @property
    def session_id(self) -> int | None:
        """The stored session, once the first take started (after :meth:`flush`)."""
        return self._session_id

    # -- the writer thread ------------------------------------------------------------------
    def _drain(self) -> None:
        while True:
            job = self._queue.get()
            try:
                if job is None:
                    return
                job()
            except Exception as exc:  # the run goes on; the actor is told once
                log.exception("could not save a rehearsal event")
                if self._on_error is not None and not self._failed:
                    self._on_error(f"The history could not be saved: {exc}")
                self._failed = True
            finally:
                self._queue.task_done()

    def _submit(self, job: Callable[[], None]) -> None:
        self._queue.put(job)

    def flush(self) -> None:
        """Wait until every event so far is on disk (tests, and before closing)."""
        self._queue.join()

    def close(self) -> None:
        """End the session and stop the writer once everything is written."""
        if self._thread.is_alive():
            self._submit(self._end_session)
            self._queue.put(None)
            self._thread.join(timeout=10)

    # -- TakeRecorder ----------------------------------------------------------------------
    def _ensure_session(self, drill: str | None) -> int:
        if self._session_id is None:
            mode = _MODES.get(drill, SessionMode.DRILL)
            self._session_id = self._recorder.start_session(
                self._script_id, self._role, mode.value, scene_index=self._scene_index
            )
            if self._on_session_started is not None:
                self._on_session_started(self._session_id)
        return self._session_id

    def on_take_started(self, info: TakeInfo) -> None:
        def job() -> None:
            session_id = self._ensure_session(info.drill)
            self._takes[info.number] = self._recorder.start_take(session_id)

        self._submit(job)

    def on_line_done(self, take: int, timing: LineTiming) -> None:
        if not timing.own:
            return  # the partner's lines carry no response time worth keeping

        def job() -> None:
            take_id = self._takes.get(take)
            if take_id is None:
                return
            self._recorder.record_line(
                take_id,
                timing.line_id.scene,
                timing.line_id.element,
                cue_end_s=timing.cue_end_s,
                actor_done_s=timing.done_s,
                skipped=timing.skipped,
                response_s=timing.response_s,
            )

        self._submit(job)

    def on_note(self, take: int, event: NoteEvent) -> None:
        def job() -> None:
            session_id = self._ensure_session(None)
            note = event.note
            level = getattr(note, "level", None)
            self._notes[id(event)] = self._recorder.record_note(
                session_id,
                event.shown,
                str(note.category),
                event.placement.value,
                take_id=self._takes.get(take),
                note_key=getattr(note, "id", None),
                level=int(level) if isinstance(level, int) else None,
            )

        self._submit(job)

    def on_take_ended(self, result: TakeResult) -> None:
        def job() -> None:
            take_id = self._takes.get(result.info.number)
            if take_id is not None:
                self._recorder.end_take(take_id)

        self._submit(job)

    def on_rating(self, take: int, rating: Rating, notes: tuple[NoteEvent, ...]) -> None:
        def job() -> None:
            session_id = self._ensure_session(None)
            note_id = self._notes.get(id(notes[-1])) if notes else None
            self._recorder.rate(
                session_id,
                rating.score,
                take_id=self._takes.get(take),
                note_id=note_id,
                comment=rating.comment,
            )

        self._submit(job)

    def _end_session(self) -> None:
        if self._session_id is not None:
            self._recorder.end_session(self._session_id)
