"""No event is ever dropped: locks of any length, a crash, a full disk, a lost take start."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rehearsal.engine.commands import State
from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings
from rehearsal.paths import Paths, resources_dir
from rehearsal.script.loader import load_script, read_script_bytes
from rehearsal.store.clock import utc_now
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store
from rehearsal.store.take_journal import JOURNAL_FOLDER, journal_folder, replay_journals
from rehearsal.store.take_log import SAVED, StoreTakeRecorder
from tests.conftest import FakeClock
from tests.mounts import fill, small_disk
from tests.store.lock_holder import lock_held

DEMO = resources_dir() / "scenes" / "demo-night-shift.fountain"


class Status:
    """What the take log told the status bar, with a way to wait for a message."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._changed = threading.Condition()

    def __call__(self, message: str) -> None:
        with self._changed:
            self.messages.append(message)
            self._changed.notify_all()

    def wait_for(self, text: str, timeout: float = 60) -> str:
        with self._changed:
            assert self._changed.wait_for(lambda: any(text in m for m in self.messages), timeout), (
                f"never said {text!r}: {self.messages}"
            )
            return next(m for m in self.messages if text in m)


def _setup(engine_store: OpenedDatabase) -> tuple[int, str, int]:
    script = load_script(DEMO)
    script_id = import_script(engine_store.engine, script, DEMO, read_script_bytes(DEMO))
    role = script.characters[0]
    own = sum(1 for line in build_lines(script, role) if line.own)
    return script_id, role, own


def _run_take(log: StoreTakeRecorder, role: str) -> None:
    clock = FakeClock()
    lines = build_lines(load_script(DEMO), role)
    engine = RehearsalEngine(lines, RehearsalSettings(speech=False), clock=clock, recorder=log)
    engine.start()
    for _ in range(10_000):
        if engine.state is State.FINISHED:
            return
        clock.advance(0.7 if engine.state is State.WAITING else 0.25)
        if engine.state is State.WAITING:
            engine.actor_done()
        else:
            engine.tick()
    raise AssertionError("the take never finished")


def _times(store: OpenedDatabase, session_id: int) -> list[datetime]:
    detail = HistoryRepository(store.engine).session_detail(session_id)
    assert detail is not None
    (take,) = detail.takes
    assert take.ended_at is not None, "the take was not closed"
    return [take.started_at, *(line.recorded_at for line in take.lines), take.ended_at]


def test_a_long_lock_delays_the_history_but_loses_and_late_dates_nothing(
    store: OpenedDatabase,
) -> None:
    script_id, role, own = _setup(store)
    status = Status()
    log = StoreTakeRecorder(SessionRecorder(store.engine), script_id, role, on_status=status)
    with lock_held(store.path):
        _run_take(log, role)  # every event happens while another program holds the lock
        waiting = status.wait_for("History is waiting for the database")
        released = utc_now()
    assert "in use by another program" in waiting
    assert "kept and will be saved" in waiting
    log.flush()
    status.wait_for(SAVED)
    log.close()
    assert log.session_id is not None
    detail = HistoryRepository(store.engine).session_detail(log.session_id)
    assert detail is not None
    assert len(detail.takes) == 1
    assert len(detail.takes[0].lines) == own  # no event dropped
    times = _times(store, log.session_id)
    assert all(t is not None and t < released for t in times), "dated when written, not when done"
    assert times == sorted(times), "events were reordered"
    assert not any(journal_folder(store.path).iterdir()), "the journal was not cleared"


CHILD = """
import sys
from pathlib import Path
from rehearsal.paths import Paths
from rehearsal.store.startup import open_store
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.take_log import StoreTakeRecorder
from tests.store.test_take_log_faults import _run_take

store = open_store(Paths.under(Path(sys.argv[1])))
log = StoreTakeRecorder(SessionRecorder(store.engine), int(sys.argv[2]), sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
_run_take(log, sys.argv[3])
log.wait_journaled()
print("journaled", flush=True)
sys.stdin.readline()
"""


def test_a_crash_while_waiting_is_replayed_at_the_next_start(
    store: OpenedDatabase, paths: Paths
) -> None:
    script_id, role, own = _setup(store)
    store.close()
    root = paths.data.parent
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root), str(script_id), role],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        with lock_held(paths.database):
            child.stdin.write("go\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "journaled"
            os.kill(child.pid, signal.SIGKILL)  # the app dies before the lock is released
            child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert len(list((paths.data / JOURNAL_FOLDER).iterdir())) == 1
    reopened = open_store(paths)
    try:
        history = HistoryRepository(reopened.engine)
        (summary,) = history.list_sessions()
        assert summary.take_count == 1
        assert summary.line_count == own
        assert summary.role == role
    finally:
        reopened.close()
    assert not any((paths.data / JOURNAL_FOLDER).iterdir())


def _journal(folder: Path, events: list[dict[str, object]], torn: bytes = b"") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "20240101T000000-1-abcdef01.jsonl"
    path.write_bytes(b"".join(json.dumps(e).encode() + b"\n" for e in events) + torn)
    return path


def _at(seconds: float) -> str:
    return (datetime(2024, 5, 1, 19, 0, tzinfo=UTC) + timedelta(seconds=seconds)).isoformat()


def test_lines_of_a_take_whose_start_was_lost_are_kept_and_replay_twice_is_once(
    store: OpenedDatabase, paths: Paths
) -> None:
    script_id, role, _own = _setup(store)
    store.close()
    events: list[dict[str, object]] = [
        {
            "seq": 1,
            "kind": "session",
            "at": _at(0),
            "script_id": script_id,
            "role": role,
            "mode": "rehearse",
            "scene_index": None,
        },
    ]
    # no "take" event: its start never reached the journal
    events.extend(
        {
            "seq": 2 + n,
            "kind": "line",
            "at": _at(10 + n),
            "take": 1,
            "take_at": _at(5),
            "scene": 0,
            "element": n,
            "cue_end_s": 1.0,
            "done_s": 2.0,
            "skipped": False,
            "response_s": None,
        }
        for n in range(3)
    )
    journal = _journal(journal_folder(paths.database), events, torn=b'{"seq": 9, "ki')
    copy = journal.read_bytes()
    for _ in range(2):  # the second start replays the same journal again
        _journal(journal_folder(paths.database), [], torn=copy)
        reopened = open_store(paths)
        try:
            (summary,) = HistoryRepository(reopened.engine).list_sessions()
            assert summary.take_count == 1
            assert summary.line_count == 3
            with reopened.engine.connect() as connection:
                started = connection.exec_driver_sql("SELECT started_at FROM takes").scalar_one()
            assert str(started).startswith("2024-05-01 19:00:05")
        finally:
            reopened.close()


def test_a_full_disk_mid_session_keeps_the_events_and_says_so(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "8m") as disk:
        paths = Paths.under(disk).ensure()
        opened = open_store(paths)
        try:
            script_id, role, own = _setup(opened)
            status = Status()
            errors: list[str] = []
            log = StoreTakeRecorder(
                SessionRecorder(opened.engine),
                script_id,
                role,
                on_status=status,
                on_error=errors.append,
            )
            checkpoint = sqlite3.connect(paths.database)
            checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no spare room in the WAL
            checkpoint.close()
            fill(disk)
            _run_take(log, role)
            waiting = status.wait_for("History is waiting for the database")
            assert "the disk is full" in waiting
            assert not any(raw in waiting for raw in ("SELECT", "INSERT", "sqlalche"))
            (disk / "filler").unlink()  # the actor frees some space
            log.flush()
            status.wait_for(SAVED)
            log.close()
            assert errors == []
            assert log.session_id is not None
            detail = HistoryRepository(opened.engine).session_detail(log.session_id)
            assert detail is not None
            assert len(detail.takes[0].lines) == own
        finally:
            opened.close()


def test_a_running_take_logs_journal_is_never_replayed_by_another_start(
    store: OpenedDatabase,
) -> None:
    script_id, role, _own = _setup(store)
    status = Status()
    log = StoreTakeRecorder(SessionRecorder(store.engine), script_id, role, on_status=status)
    with lock_held(store.path):
        _run_take(log, role)
        log.wait_journaled()
        journal = log.journal_path
        assert journal is not None
        assert journal.stat().st_size > 0
        # A second copy of the app starting now must leave this journal to its owner.
        assert replay_journals(store.engine, journal.parent) == 0
        assert journal.exists()
    log.flush()
    log.close()
    assert not journal.exists()
