"""Reading a history database without changing it: read-only files, commands that only read.

``rehearsal history`` must never create, move, migrate or write the database, and a file
on a read-only disk (a restored backup, a mounted share) can only be read. SQLite's
``mode=ro`` reads it while another program writes (the WAL keeps readers apart); where
even the WAL's index cannot be created, ``immutable=1`` reads the main file. A damaged
file is read through the salvage into an in-memory copy, so the command still shows what
could be read and the file stays exactly as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from rehearsal.store.database import (
    Damaged,
    DatabaseLockedError,
    DatabaseOpenError,
    Notice,
    OpenedDatabase,
    check_header,
    classify,
    connect,
    create_store_engine,
    is_lock_error,
)


def memory_engine(connection: sqlite3.Connection) -> Engine:
    """An engine over one in-memory connection (a salvaged copy that must not be written)."""
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite+pysqlite://", creator=lambda: connection, poolclass=StaticPool)

    @event.listens_for(engine, "connect")
    def _onconnect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection_: Connection) -> None:
        connection_.exec_driver_sql("BEGIN")

    return engine


def open_for_reading(path: Path, busy_timeout_ms: int) -> OpenedDatabase:
    """Open ``path`` without changing it; a damaged file is salvaged into memory."""
    from rehearsal.store.salvage import SalvageError, salvage_into_memory

    if not path.is_file():
        raise DatabaseOpenError(f"{path}: there is no history database here")
    try:
        _check_readable(path, busy_timeout_ms)
    except Damaged:
        try:
            connection, report = salvage_into_memory(path)
        except (SalvageError, sqlite3.Error) as exc:
            raise DatabaseOpenError(
                f"{path}: the history database is damaged and nothing in it can be read. "
                "Open the Rehearsal app: it keeps the damaged file and starts a new one."
            ) from exc
        notice = Notice(
            f"The history database {path} is damaged; this is what could still be read "
            f"from it ({report.summary()}). Open Rehearsal to repair it for good."
        )
        return OpenedDatabase(memory_engine(connection), path, (notice,), read_only=True)
    immutable = _needs_immutable(path, busy_timeout_ms)
    engine = create_store_engine(
        path, busy_timeout_ms=busy_timeout_ms, read_only=True, immutable=immutable
    )
    return OpenedDatabase(engine, path, read_only=True)


def _check_readable(path: Path, busy_timeout_ms: int) -> None:
    """Raise :class:`Damaged` when the file is not a healthy database (reading only)."""
    check_header(path)
    from rehearsal.store.salvage import open_damaged

    reader = open_damaged(path)
    try:
        rows = reader.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as exc:
        classify(path, exc)
        raise DatabaseOpenError(f"{path}: cannot be read") from exc
    finally:
        reader.close()
    if [tuple(r) for r in rows] != [("ok",)]:
        raise Damaged("; ".join(str(r[0]) for r in rows[:3]))


def _needs_immutable(path: Path, busy_timeout_ms: int) -> bool:
    """Whether plain ``mode=ro`` fails (a WAL database in a folder that cannot be written)."""
    try:
        reader = connect(path, "ro", busy_timeout_ms)
        try:
            reader.execute("SELECT count(*) FROM sqlite_master").fetchall()
        finally:
            reader.close()
    except sqlite3.Error as exc:
        if is_lock_error(exc):
            raise DatabaseLockedError(path) from exc
        return True
    return False
