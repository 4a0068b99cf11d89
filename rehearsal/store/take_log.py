"""The engine's takes written to the store: never dropped, never reordered, never late-dated.

:class:`StoreTakeRecorder` implements the engine's ``TakeRecorder`` protocol on top of
:class:`SessionRecorder`. Each event is stamped on the GUI thread with the time it
happened and handed to two background threads, because the GUI thread must never wait
for a disk:

* the *journal* thread appends each event to this run's journal beside the database
  (:mod:`rehearsal.store.take_journal`) and fsyncs it, so a crash loses at most the event
  in flight, however long the database has been unavailable;
* the *writer* thread writes the events to the database in order, one committed
  transaction each (``synchronous=FULL``). When the database is locked (a backup tool, a
  second copy of the app), read-only or the disk is full, it keeps the event and tries
  again, backing off up to :data:`MAX_BACKOFF_S`, for as long as it takes; the status
  callback says "History is waiting for the database…" and, once it caught up, "History
  saved.". Only an event that can never be written (its session was deleted) is skipped.

The session row is created on the first event, so opening a script without rehearsing
leaves no empty session behind. A take whose start could not be written still keeps its
lines: the writer starts it when its first line arrives.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import OperationalError

from rehearsal.engine.direction import NoteEvent
from rehearsal.engine.timing import LineTiming, Rating, TakeInfo, TakeResult
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import StoreError, describe_failure
from rehearsal.store.records import SessionMode
from rehearsal.store.sessions_repo import RecordingError, SessionRecorder
from rehearsal.store.take_journal import (
    Event,
    EventWriter,
    JournalFile,
    database_path,
    journal_folder,
)

log = logging.getLogger(__name__)

_MODES = {
    None: SessionMode.REHEARSE,
    "adjustment": SessionMode.DRILL,
    "cold_read": SessionMode.COLD_READ,
}

FIRST_BACKOFF_S = 0.2
MAX_BACKOFF_S = 5.0
CLOSE_WAIT_S = 10.0

WAITING = (
    "History is waiting for the database ({reason}). Your rehearsal is kept and will be saved."
)
SAVED = "History saved."
NOT_SAVED = "This rehearsal is not saved: the history is read-only in this run."

_TRANSIENT = (StoreError, OperationalError, OSError)
"""Failures that pass: a lock, a read-only or full disk, an I/O error. Retried forever."""


def _default_journal(recorder: SessionRecorder) -> Path | None:
    database = database_path(recorder.engine)
    return journal_folder(database) if database is not None else None


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
        on_status: Callable[[str], None] | None = None,
        on_written: Callable[[], None] | None = None,
        journal_dir: Path | bool | None = True,
        now: WallClock = utc_now,
    ) -> None:
        """``journal_dir``: True for the folder beside the database, False for none.

        ``on_error`` hears (once) that part of the rehearsal cannot be saved at all;
        ``on_status`` hears when the history starts waiting and when it has caught up.
        Both are called from a background thread, in plain words. ``on_written`` hears,
        from the same thread, each time everything sent so far is in the database, so a
        history on screen can show the line just rehearsed.
        """
        self._recorder = recorder
        self._script_id = script_id
        self._role = role
        self._scene_index = scene_index
        self._on_error = on_error
        self._on_session_started = on_session_started
        self._on_status = on_status
        self._on_written = on_written
        self._now = now
        self._writer = EventWriter(recorder, recorder.engine)
        self._read_only = recorder.engine.url.query.get("mode") == "ro" or (
            not recorder.engine.url.database
        )
        # GUI-thread state: what has been sent, so events refer to it by time.
        self._seq = 0
        self._session_sent = False
        self._take_starts: dict[int, str] = {}
        self._note_seqs: dict[int, int] = {}
        # Between the threads.
        self._incoming: queue.Queue[Event | None] = queue.Queue()
        self._pending: queue.Queue[Event | None] = queue.Queue()
        self._waiting = threading.Event()
        self._failed = False
        folder = _default_journal(recorder) if journal_dir is True else journal_dir or None
        self._journal_folder = folder if isinstance(folder, Path) and not self._read_only else None
        self._journal: JournalFile | None = None  # opened by its thread, with the first event
        self._journal_thread = threading.Thread(
            target=self._journal_loop, name="history journal", daemon=True
        )
        self._writer_thread = threading.Thread(
            target=self._write_loop, name="history writer", daemon=True
        )
        self._journal_thread.start()
        self._writer_thread.start()

    @property
    def session_id(self) -> int | None:
        """The stored session, once the first event is written (after :meth:`flush`)."""
        return self._writer.session_id

    @property
    def waiting(self) -> bool:
        """True while the database cannot take the next event (locked, read-only, full)."""
        return self._waiting.is_set()

    @property
    def journal_path(self) -> Path | None:
        """This run's journal file, once the first event is journaled (None: memory only)."""
        return self._journal.path if self._journal is not None else None

    def _open_journal(self, folder: Path) -> JournalFile | None:
        try:
            return JournalFile(folder)
        except OSError as exc:
            log.warning("no history journal in %s (%s); events are kept in memory", folder, exc)
            return None

    # -- the journal thread ------------------------------------------------------------------
    def _journal_loop(self) -> None:
        while True:
            batch = [self._incoming.get()]
            while True:  # everything that arrived meanwhile goes to disk in one fsync
                try:
                    batch.append(self._incoming.get_nowait())
                except queue.Empty:
                    break
            events = [event for event in batch if event is not None]
            if events and self._journal is None and self._journal_folder is not None:
                self._journal = self._open_journal(self._journal_folder)
                self._journal_folder = None  # tried once: a failure means memory only
            if events and self._journal is not None:
                try:
                    self._journal.append(events)
                except OSError as exc:  # a full disk: the events are still kept in memory
                    log.warning("could not append to the history journal: %s", exc)
            for event in batch:
                self._pending.put(event)
                self._incoming.task_done()
            if None in batch:
                return

    # -- the writer thread -------------------------------------------------------------------
    def _write_loop(self) -> None:
        complete = True
        while True:
            event = self._pending.get()
            try:
                if event is None:
                    if self._journal is not None:
                        self._journal.close(delete=complete)
                    return
                written = self._write(event)
                complete &= written
                if self._waiting.is_set() and self._pending.empty():
                    self._waiting.clear()
                    self._tell(self._on_status, SAVED)
                if written and self._pending.empty() and self._on_written is not None:
                    try:
                        self._on_written()
                    except Exception:  # pragma: no cover - a closed window must not stop it
                        log.exception("could not report the history's progress")
            finally:
                self._pending.task_done()

    def _write(self, event: Event) -> bool:
        """Write one event, retrying for as long as the database is unavailable.

        Returns False only for an event that can never be written (it was skipped), and
        for every event of a run whose history was opened read-only: the actor was told
        at start that nothing new is saved, and no retry could change that.
        """
        if self._read_only:
            if not self._failed:
                self._failed = True
                self._tell(self._on_status, NOT_SAVED)
            return False
        delay = FIRST_BACKOFF_S
        attempts = 0
        while True:
            try:
                created = self._writer.apply(event, check_first=attempts > 0)
            except _TRANSIENT as exc:
                attempts += 1
                reason = describe_failure(exc) or "it cannot be written just now"
                if not self._waiting.is_set():
                    log.warning("history waiting for the database: %s", reason)
                    self._waiting.set()
                    self._tell(self._on_status, WAITING.format(reason=reason))
                time.sleep(delay)
                delay = min(delay * 2, MAX_BACKOFF_S)
                continue
            except (RecordingError, LookupError, KeyError, ValueError) as exc:
                log.warning("a rehearsal event could not be saved: %s", exc)
                self._fail(f"Part of this rehearsal could not be saved to the history ({exc}).")
                return False
            except Exception:  # a defect: the run goes on, the actor is told once
                log.exception("could not save a rehearsal event")
                self._fail("Part of this rehearsal could not be saved to the history.")
                return False
            if created is not None and self._on_session_started is not None:
                self._on_session_started(created)
            return True

    def _fail(self, message: str) -> None:
        if not self._failed:
            self._failed = True
            self._tell(self._on_error, message)

    @staticmethod
    def _tell(callback: Callable[[str], None] | None, message: str) -> None:
        if callback is not None:
            try:
                callback(message)
            except Exception:  # pragma: no cover - a closed window must not stop the writer
                log.exception("could not report the history's state")

    # -- the GUI thread ----------------------------------------------------------------------
    def _send(self, kind: str, at: datetime | None = None, **fields: Any) -> int:
        self._seq += 1
        at = at or self._now()
        self._incoming.put({"seq": self._seq, "kind": kind, "at": at.isoformat(), **fields})
        return self._seq

    def _ensure_session(self, drill: str | None, at: datetime) -> None:
        if not self._session_sent:
            self._session_sent = True
            mode = _MODES.get(drill, SessionMode.DRILL)
            self._send(
                "session",
                at,
                script_id=self._script_id,
                role=self._role,
                mode=mode.value,
                scene_index=self._scene_index,
            )

    def _take_fields(self, take: int | None, at: datetime) -> dict[str, Any]:
        """The fields naming take ``take``; starts it first if its start was never sent."""
        if take is None:
            return {"take": None}
        if take not in self._take_starts:
            self._take_starts[take] = at.isoformat()
            self._send("take", at, take=take)
        return {"take": take, "take_at": self._take_starts[take]}

    def wait_journaled(self) -> None:
        """Wait until every event so far is in the journal on disk (not yet the database)."""
        self._incoming.join()

    def flush(self) -> None:
        """Wait until every event so far is in the database (tests, and before closing)."""
        self._incoming.join()
        self._pending.join()

    def close(self, timeout: float = CLOSE_WAIT_S) -> None:
        """End the session and stop the threads once everything is written.

        Waits at most ``timeout`` and not at all while the database is unavailable: the
        events are in the journal, the writer goes on in the background, and a run that
        ends first has them replayed at the next start.
        """
        if not self._journal_thread.is_alive():
            return
        if self._session_sent:
            self._send("session_end")
        self._incoming.put(None)
        self._journal_thread.join(timeout)
        deadline = time.monotonic() + timeout
        while self._writer_thread.is_alive() and time.monotonic() < deadline:
            if self._waiting.is_set():
                return
            self._writer_thread.join(0.05)

    # -- TakeRecorder ------------------------------------------------------------------------
    def on_take_started(self, info: TakeInfo) -> None:
        at = self._now()
        self._ensure_session(info.drill, at)
        self._take_starts.pop(info.number, None)  # a new take with a reused number
        self._take_fields(info.number, at)

    def on_line_done(self, take: int, timing: LineTiming) -> None:
        if not timing.own:
            return  # the partner's lines carry no response time worth keeping
        at = self._now()
        self._ensure_session(None, at)
        self._send(
            "line",
            at,
            **self._take_fields(take, at),
            scene=timing.line_id.scene,
            element=timing.line_id.element,
            cue_end_s=timing.cue_end_s,
            done_s=timing.done_s,
            skipped=timing.skipped,
            response_s=timing.response_s,
            pickup_s=timing.pickup_s,
            accuracy=timing.accuracy,
            differing=list(timing.differing),
            complete=timing.complete,
            prompts=timing.prompts,
        )

    def on_note(self, take: int, event: NoteEvent) -> None:
        at = self._now()
        self._ensure_session(None, at)
        note = event.note
        level = getattr(note, "level", None)
        take_fields = self._take_fields(take, at) if take in self._take_starts else {}
        self._note_seqs[id(event)] = self._send(
            "note",
            at,
            **(take_fields or {"take": None}),
            text=event.shown,
            category=str(note.category),
            timing=event.placement.value,
            note_key=getattr(note, "id", None),
            level=int(level) if isinstance(level, int) else None,
        )

    def on_take_ended(self, result: TakeResult) -> None:
        at = self._now()
        number = result.info.number
        if number not in self._take_starts:
            return  # nothing of this take was recorded
        self._send("take_end", at, **self._take_fields(number, at))

    def on_rating(self, take: int, rating: Rating, notes: tuple[NoteEvent, ...]) -> None:
        at = self._now()
        self._ensure_session(None, at)
        take_fields = self._take_fields(take, at) if take in self._take_starts else {}
        self._send(
            "rating",
            at,
            **(take_fields or {"take": None}),
            score=rating.score,
            comment=rating.comment,
            note_seq=self._note_seqs.get(id(notes[-1])) if notes else None,
        )
