"""Nothing is lost: a rehearsal killed with SIGKILL at random moments keeps every event it
reported as committed, and the database stays consistent.

Each round forks a real process (from a fork server that has already imported the store, so
a round costs milliseconds instead of a second of imports) which opens the store the way
the app does — migrations included — and records sessions, takes, lines, notes and ratings,
reporting each id only after the recorder returned it. The test kills it after a random
number of events (sometimes while it is still opening or migrating a brand-new database),
then checks with a plain sqlite3 connection that every reported event is there, that
``PRAGMA integrity_check`` is ``ok`` and that each session's running totals still match its
rows.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import sqlite3
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from rehearsal.paths import Paths
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store
from tests.store.sample_data import sample_script

MIN_ROUNDS = 12
MAX_ROUNDS = 60
TIME_BUDGET_S = 10.0
FRESH_DATABASE_EVERY = 4
STALL_TIMEOUT_S = 20.0

TABLE_OF = {
    "session": "rehearsal_sessions",
    "session_end": "rehearsal_sessions",
    "take": "takes",
    "take_end": "takes",
    "line": "line_events",
    "note": "notes_given",
    "rating": "ratings",
}


def rehearse_forever(root: str, report_to: Connection) -> None:
    """The child: rehearse in a loop, reporting ``"<kind> <id>"`` after each commit."""

    def report(kind: str, ident: int) -> None:
        report_to.send_bytes(f"{kind} {ident}".encode())

    report("opening", 0)
    opened = open_store(Paths.under(Path(root)).ensure())
    script_id = import_script(opened.engine, sample_script(), None, b"sigkill")
    report("opened", script_id)
    recorder = SessionRecorder(opened.engine)
    while True:
        session_id = recorder.start_session(script_id, "NINA", "drill")
        report("session", session_id)
        for _ in range(2):
            take_id = recorder.start_take(session_id)
            report("take", take_id)
            note_id = recorder.record_note(
                session_id, "Angrier.", "emotion", "before_take", take_id=take_id
            )
            report("note", note_id)
            for index in range(4):
                line_id = recorder.record_line(
                    take_id,
                    0,
                    index,
                    cue_end_s=float(index),
                    actor_done_s=index + 0.5,
                    skipped=index == 3,
                )
                report("line", line_id)
            recorder.end_take(take_id)
            report("take_end", take_id)
            report("rating", recorder.rate(session_id, 3, take_id=take_id, note_id=note_id))
        recorder.end_session(session_id)
        report("session_end", session_id)


def _check(database: Path, reported: list[tuple[str, int]]) -> None:
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "rehearsal_sessions" not in tables:
            # Killed while migrating a new database: the whole migration rolled back.
            assert tables <= {"alembic_version"}, f"half-migrated schema: {sorted(tables)}"
            assert not [kind for kind, _ in reported if kind in TABLE_OF]
            return
        for kind, ident in reported:
            table = TABLE_OF.get(kind)
            if table is None:
                continue
            column = "ended_at" if kind.endswith("_end") else "id"
            row = connection.execute(
                f"SELECT {column} FROM {table} WHERE id = ?", (ident,)
            ).fetchone()
            assert (row or (None,))[0] is not None, f"lost {kind} {ident}"
        mismatched = connection.execute(
            """
            SELECT s.id FROM rehearsal_sessions AS s
            WHERE s.take_count != (SELECT count(*) FROM takes t WHERE t.session_id = s.id)
               OR s.line_count != (SELECT count(*) FROM line_events l JOIN takes t
                                   ON t.id = l.take_id WHERE t.session_id = s.id)
               OR s.skipped_count != (SELECT count(*) FROM line_events l JOIN takes t
                                      ON t.id = l.take_id
                                      WHERE t.session_id = s.id AND l.skipped)
               OR s.rating_count != (SELECT count(*) FROM ratings r WHERE r.session_id = s.id)
            """
        ).fetchall()
        assert mismatched == [], "running totals disagree with the rows"
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_sigkill_at_random_moments_loses_no_reported_event(tmp_path: Path) -> None:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    rng = random.Random(20240304)
    started = time.monotonic()
    rounds = 0
    root = tmp_path / "db-0"
    reported: list[tuple[str, int]] = []
    total_events = 0
    while rounds < MIN_ROUNDS or (
        rounds < MAX_ROUNDS and time.monotonic() - started < TIME_BUDGET_S
    ):
        if rounds % FRESH_DATABASE_EVERY == 0:
            root = tmp_path / f"db-{rounds}"
            reported = []
        # 0 kills right after the child starts opening (and perhaps migrating) the store.
        stop_after = 0 if rounds % FRESH_DATABASE_EVERY == 0 else rng.randint(1, 120)
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=rehearse_forever, args=(str(root), sender), daemon=True)
        child.start()
        sender.close()
        seen = 0
        try:
            while seen <= stop_after:
                assert receiver.poll(STALL_TIMEOUT_S), "the rehearsal stopped reporting"
                try:
                    kind, ident = receiver.recv_bytes().decode().split()
                except EOFError:
                    pytest.fail(f"the rehearsal died on its own (exit code {child.exitcode})")
                reported.append((kind, int(ident)))
                seen += 1
        finally:
            assert child.pid is not None
            os.kill(child.pid, signal.SIGKILL)
            child.join()
        assert child.exitcode == -signal.SIGKILL
        # Events committed and reported between our last read and the kill count too.
        while receiver.poll(0):
            try:
                kind, ident = receiver.recv_bytes().decode().split()
            except EOFError:
                break
            reported.append((kind, int(ident)))
        receiver.close()
        total_events += seen
        database = Paths.under(root).database
        if database.exists():
            _check(database, reported)
        rounds += 1
    assert rounds >= MIN_ROUNDS
    assert total_events > MIN_ROUNDS * 10
