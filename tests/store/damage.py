"""A real history with many rows, and real damage done to its file, for the salvage tests.

The history is written through the app's own recorder into a real SQLite file: one big
stored script (its text fills dozens of overflow pages), 6 sessions and 319 line events.
Damage is done the way disks do it: bytes of garbage written over pages of the file.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rehearsal.paths import Paths
from rehearsal.script.model import Scene, Script, SourceFormat
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.startup import open_store
from tests.store.sample_data import StepClock, speech

SESSIONS = 6
LINES = 319
TAKES_PER_SESSION = 2
SOURCE = b"the bytes of the big script's file"


def big_script(scenes: int = 400) -> Script:
    """A script whose stored text is a few hundred kilobytes."""
    return Script(
        format=SourceFormat.FOUNTAIN,
        title="The Long Night",
        scenes=[
            Scene(
                heading=f"INT. ROOM {n} - NIGHT",
                elements=[
                    speech("NINA", f"Scene {n}: I waited all night, and the night waited too."),
                    speech("CAL", f"Scene {n}: Then we both lost, and the morning won."),
                ],
            )
            for n in range(scenes)
        ],
    )


@dataclass(frozen=True)
class BuiltHistory:
    """Where the pristine history file is, to be copied into each test."""

    database: Path


def build_history(root: Path) -> BuiltHistory:
    """Write the history once; tests copy the file and damage their copy."""
    paths = Paths.under(root).ensure()
    clock = StepClock()
    opened = open_store(paths, now=clock)
    try:
        script_id = import_script(opened.engine, big_script(), root / "long.fountain", SOURCE)
        recorder = SessionRecorder(opened.engine, now=clock)
        per_session = [LINES // SESSIONS + (1 if n < LINES % SESSIONS else 0) for n in range(6)]
        for lines in per_session:
            session = recorder.start_session(script_id, "NINA", "rehearse")
            takes = [recorder.start_take(session) for _ in range(TAKES_PER_SESSION)]
            for n in range(lines):
                clock.advance(3)
                recorder.record_line(takes[n % 2], n % 400, 0, cue_end_s=1.0, actor_done_s=2.0)
            for take in takes:
                recorder.end_take(take)
            recorder.rate(session, 4, take_id=takes[-1])
            recorder.end_session(session)
    finally:
        opened.close()  # the last connection checkpoints the WAL into the main file
    return BuiltHistory(paths.database)


def copy_history(built: BuiltHistory, root: Path) -> Paths:
    """A fresh data folder holding a copy of the built history."""
    paths = Paths.under(root).ensure()
    shutil.copyfile(built.database, paths.database)
    return paths


def pages_of(database: Path, table: str, kind: str) -> list[int]:
    """The page numbers of ``table`` of one kind ("leaf", "overflow", "internal")."""
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno",
            (table, kind),
        ).fetchall()
    finally:
        connection.close()
    return [int(row[0]) for row in rows]


def page_size(database: Path) -> int:
    connection = sqlite3.connect(database)
    try:
        return int(connection.execute("PRAGMA page_size").fetchone()[0])
    finally:
        connection.close()


def write_garbage(database: Path, offset: int, size: int, seed: int = 16) -> None:
    """Overwrite ``size`` bytes at ``offset`` with random garbage, as a bad disk would."""
    noise = random.Random(seed).randbytes(size)
    fd = os.open(database, os.O_WRONLY)
    try:
        os.pwrite(fd, noise, offset)
        os.fsync(fd)
    finally:
        os.close(fd)
