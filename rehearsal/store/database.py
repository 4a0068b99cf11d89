"""Opening the SQLite file safely: pragmas, damaged files, and a second instance.

Three things can go wrong before the first query, and each must end in a sentence the actor
can act on rather than a traceback or a frozen window:

* the file is damaged or is not a SQLite database at all: it is moved aside (with its WAL
  files, so recovery tools still see a consistent set), a fresh database is started, and the
  caller gets a :class:`Notice` naming where the old file went;
* another process holds the write lock (a second copy of the app mid-write, a DB browser):
  after a short busy timeout :class:`DatabaseLockedError` says so, instead of waiting forever;
* the file cannot be opened (a folder in the way, no permission): :class:`DatabaseOpenError`.

Every connection gets ``foreign_keys=ON`` (cascading deletes are the schema's contract),
WAL (the history window reads while the engine writes) and ``synchronous=FULL`` (a commit
that returned is on disk). SQLAlchemy emits ``BEGIN`` itself so DDL is transactional too:
a migration killed half-way leaves the old schema, not half of the new one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, ExceptionContext

from rehearsal.store.clock import WallClock, utc_now

BUSY_TIMEOUT_MS = 1500
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A storage problem explained in one sentence for the actor (``str(exc)``)."""


class DatabaseLockedError(StoreError):
    """Another process holds the database's write lock for longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the history database is locked by another program — probably Rehearsal "
            "is already running. Close the other window (or wait for it to finish) and try again."
        )
        self.path = path


class DatabaseCorruptError(StoreError):
    """The database turned out to be damaged after it was opened."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path}: the history database is damaged ({detail}). Restart Rehearsal to move "
            "it aside and start a fresh one."
        )
        self.path = path


class DatabaseOpenError(StoreError):
    """The database file cannot be opened at all (a folder in the way, no permission …)."""


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the UI should tell the actor once, e.g. where a damaged file went."""

    message: str
    moved_to: Path | None = None


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """An engine ready for use and the notices produced while opening it."""

    engine: Engine
    path: Path
    notices: tuple[Notice, ...] = ()

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints the WAL)."""
        self.engine.dispose()


class _Damaged(Exception):
    """Internal: the probe found the file unusable as a database."""


def _is_lock_error(exc: BaseException) -> bool:
    name = str(getattr(exc, "sqlite_errorname", ""))
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _is_damage_error(exc: BaseException) -> bool:
    name = str(getattr(exc, "sqlite_errorname", ""))
    return name == "SQLITE_NOTADB" or name.startswith("SQLITE_CORRUPT")


def create_store_engine(
    path: Path, *, for_migrations: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Engine:
    """An engine for ``path`` with the store's pragmas and error translation.

    Every transaction begins ``IMMEDIATE``, taking the write lock up front. The app writes
    from several threads at once (an import saving its script, the take log, casting on
    the GUI thread); a deferred transaction that reads and then writes while another has
    written gets "database is locked" at once, without the busy timeout ever waiting, and
    the actor would be told another program holds the file. Taken at the start, the lock
    is simply waited for. It also means two instances starting at once cannot both decide
    to create the same tables.

    ``for_migrations`` switches foreign keys off, because SQLite's batch ``ALTER`` copies and
    drops tables and, with foreign keys on, dropping a parent would cascade-delete the
    children.
    """
    foreign_keys = not for_migrations
    begin = "BEGIN IMMEDIATE"
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        connect_args={"timeout": busy_timeout_ms / 1000},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Leave transaction control to SQLAlchemy (see the "begin" listener below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(begin)

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        original = context.original_exception
        if _is_lock_error(original):
            raise DatabaseLockedError(path) from original
        if _is_damage_error(original):
            raise DatabaseCorruptError(path, str(original)) from original

    return engine


def _probe(path: Path, busy_timeout_ms: int) -> None:
    """Open ``path`` with the plain driver and prove it is a healthy, writable database.

    Raises :class:`_Damaged` for a file that must be moved aside, and the public errors for
    a lock or a file that cannot be opened. A missing or empty file is a new database.
    """
    if path.is_dir():
        raise DatabaseOpenError(f"{path}: is a folder, not the history database file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if header != SQLITE_HEADER:
        raise _Damaged("not a SQLite database")
    # Read-only first: a read-only connection never checkpoints or deletes the WAL, so a
    # damaged file is moved aside with its WAL exactly as it was found.
    try:
        reader = _connect(path, "ro", busy_timeout_ms)
        try:
            rows = reader.execute("PRAGMA quick_check").fetchall()
        finally:
            reader.close()
    except sqlite3.Error as exc:
        _classify(path, exc)
        rows = [("ok",)]  # not damage: let the read-write probe name the problem
    if [tuple(r) for r in rows] != [("ok",)]:
        raise _Damaged("; ".join(str(r[0]) for r in rows[:3]))
    try:
        writer = _connect(path, "rw", busy_timeout_ms)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("ROLLBACK")
        finally:
            writer.close()
    except sqlite3.Error as exc:
        _classify(path, exc)
        raise DatabaseOpenError(f"{path}: cannot be opened ({exc})") from exc


def _connect(path: Path, mode: str, busy_timeout_ms: int) -> sqlite3.Connection:
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}",
        uri=True,
        timeout=busy_timeout_ms / 1000,
        isolation_level=None,
    )


def _classify(path: Path, exc: sqlite3.Error) -> None:
    """Raise the store's meaning of a driver error if it is a lock or damage."""
    if _is_lock_error(exc):
        raise DatabaseLockedError(path) from exc
    if _is_damage_error(exc):
        raise _Damaged(str(exc)) from exc


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def move_aside(path: Path, now: WallClock = utc_now) -> Path:
    """Rename a damaged database (and its WAL files) to ``<name>.corrupt-<timestamp>``."""
    stamp = now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.replace(target)
    for sidecar in _sidecars(path):
        if sidecar.exists():
            sidecar.replace(target.with_name(target.name + sidecar.name[len(path.name) :]))
    return target


def open_database(
    path: Path, *, now: WallClock = utc_now, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> OpenedDatabase:
    """Open (or create) the database at ``path``, moving a damaged file aside first.

    Raises :class:`DatabaseLockedError` or :class:`DatabaseOpenError`; a damaged file is
    never an error, only a :class:`Notice`, because the actor can still rehearse.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(f"{path.parent}: cannot create the data folder ({exc})") from exc
    notices: list[Notice] = []
    try:
        _probe(path, busy_timeout_ms)
    except _Damaged as damage:
        try:
            moved = move_aside(path, now)
        except OSError as exc:
            raise DatabaseOpenError(
                f"{path}: is damaged ({damage}) and could not be moved aside ({exc})"
            ) from exc
        notices.append(
            Notice(
                f"The history database {path} could not be read ({damage}). It was moved to "
                f"{moved} and a new, empty history was started.",
                moved_to=moved,
            )
        )
    engine = create_store_engine(path, busy_timeout_ms=busy_timeout_ms)
    return OpenedDatabase(engine=engine, path=path, notices=tuple(notices))
