"""Opening the SQLite file safely: pragmas, damaged files, read-only and full disks.

Each thing that can go wrong before (or during) a query must end in a sentence the actor
can act on rather than a traceback, SQL text or a frozen window:

* the file is damaged or is not a SQLite database at all: it is moved aside untouched
  (with its WAL files, so recovery tools still see a consistent set), every readable row
  is salvaged into a fresh database (:mod:`rehearsal.store.salvage`), and the caller gets
  a :class:`Notice` saying what was recovered and where the old file went;
* another process holds the write lock (a second copy of the app mid-write, a DB browser):
  after a short busy timeout :class:`DatabaseLockedError` says so, instead of waiting forever;
* the file or its disk cannot take writes: a write probe at start finds a read-only file
  (opened for reading, with a notice saying what still works) and a full disk; later
  failures become :class:`DatabaseReadOnlyError`, :class:`DiskFullError` or
  :class:`DiskIOError`, and :func:`describe_failure` words any of them for a status bar;
* the file cannot be opened (a folder in the way, no permission): :class:`DatabaseOpenError`.

Every connection gets ``foreign_keys=ON`` (cascading deletes are the schema's contract),
WAL (the history window reads while the engine writes) and ``synchronous=FULL`` (a commit
that returned is on disk). SQLAlchemy emits ``BEGIN`` itself so DDL is transactional too:
a migration killed half-way leaves the old schema, not half of the new one.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, ExceptionContext

from rehearsal.store.clock import WallClock, utc_now

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 1500
WRITE_PROBE_BYTES = 64 * 1024
"""Room the write probe asks for at start: enough for the WAL to take a few events."""
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


class DatabaseReadOnlyError(StoreError):
    """The database (or its folder) cannot be written: a restored backup, a mounted share."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the history database is read-only, so nothing new can be saved "
            "(is it on a read-only drive or share, or was its permission changed?)."
        )
        self.path = path


class DiskFullError(StoreError):
    """The disk holding the database has no room left."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the disk is full, so the history cannot be saved until some space "
            "is freed. Nothing already saved is lost."
        )
        self.path = path


class DiskIOError(StoreError):
    """The disk reported an error reading or writing the database."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the disk reported an error while reading or writing the history "
            "database (a removed drive, a network share that went away?)."
        )
        self.path = path


_REASONS = (
    (("SQLITE_BUSY", "SQLITE_LOCKED"), "the database is in use by another program"),
    (("SQLITE_READONLY",), "the database is read-only"),
    (("SQLITE_FULL",), "the disk is full"),
    (("SQLITE_IOERR",), "the disk reported a read or write error"),
    (("SQLITE_CORRUPT", "SQLITE_NOTADB"), "the database is damaged"),
    (("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"), "the database file cannot be opened"),
)

_STORE_REASONS: tuple[tuple[type[StoreError], str], ...] = (
    (DatabaseLockedError, "the database is in use by another program"),
    (DatabaseReadOnlyError, "the database is read-only"),
    (DiskFullError, "the disk is full"),
    (DiskIOError, "the disk reported a read or write error"),
    (DatabaseCorruptError, "the database is damaged"),
)


def describe_failure(exc: BaseException) -> str | None:
    """A database failure in plain words (``the disk is full``), or None when unknown.

    Follows the exception's causes, so SQLAlchemy's wrapped errors are recognised too;
    the words never include SQL or driver text, which mean nothing to an actor.
    """
    seen: BaseException | None = exc
    while seen is not None:
        for kind, words in _STORE_REASONS:
            if isinstance(seen, kind):
                return words
        name = str(getattr(seen, "sqlite_errorname", ""))
        for prefixes, words in _REASONS:
            if name.startswith(prefixes):
                return words
        if isinstance(seen, OSError) and seen.errno is not None:
            return {
                errno.ENOSPC: "the disk is full",
                errno.EROFS: "the database is read-only",
                errno.EACCES: "the database folder cannot be written",
                errno.EIO: "the disk reported a read or write error",
            }.get(seen.errno)
        seen = seen.__cause__ or seen.__context__
    return None


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
    read_only: bool = False
    """Nothing can be written this run (a read-only file or disk, or a salvage in memory)."""

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints the WAL)."""
        self.engine.dispose()


class Damaged(Exception):
    """The probe found the file unusable as a database (it is salvaged, not used)."""


def is_lock_error(exc: BaseException) -> bool:
    name = str(getattr(exc, "sqlite_errorname", ""))
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _is_damage_error(exc: BaseException) -> bool:
    name = str(getattr(exc, "sqlite_errorname", ""))
    return name == "SQLITE_NOTADB" or name.startswith("SQLITE_CORRUPT")


def create_store_engine(
    path: Path,
    *,
    for_migrations: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    read_only: bool = False,
    immutable: bool = False,
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

    ``read_only`` opens the file with ``mode=ro`` (and ``immutable`` where even the WAL's
    index cannot be created, on a read-only folder): SQLite itself then refuses writes,
    and nothing about the file changes, not even its WAL.
    """
    foreign_keys = not for_migrations
    begin = "BEGIN" if read_only else "BEGIN IMMEDIATE"
    if read_only:
        query = {"mode": "ro", "uri": "true"} | ({"immutable": "1"} if immutable else {})
        url = URL.create("sqlite+pysqlite", database=path.resolve().as_uri(), query=query)
    else:
        url = URL.create("sqlite+pysqlite", database=str(path))
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _onconnect(dbapi_connection: Any, _record: Any) -> None:
        # Leave transaction control to SQLAlchemy (see the "begin" listener below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            if not read_only:
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
        translated = store_error(path, original)
        if translated is not None:
            raise translated from original

    return engine


def store_error(path: Path, exc: BaseException) -> StoreError | None:
    """The store's own error, in plain words, for a driver error (None: not one of ours)."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    if is_lock_error(exc):
        return DatabaseLockedError(path)
    if _is_damage_error(exc):
        return DatabaseCorruptError(path, "the file's pages do not read back as written")
    if name.startswith("SQLITE_READONLY"):
        return DatabaseReadOnlyError(path)
    if name.startswith("SQLITE_FULL"):
        return DiskFullError(path)
    if name.startswith("SQLITE_IOERR"):
        return DiskIOError(path)
    return None


def check_header(path: Path) -> None:
    """Raise :class:`Damaged` unless ``path`` starts as a SQLite file does (one that cannot
    be read at all is a :class:`DatabaseOpenError`)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if header != SQLITE_HEADER:
        raise Damaged("not a SQLite database")


def _probe(path: Path, busy_timeout_ms: int) -> None:
    """Open ``path`` with the plain driver and prove it is a healthy, writable database.

    Raises :class:`Damaged` for a file that must be moved aside, and the public errors for
    a lock or a file that cannot be opened. A missing or empty file is a new database.
    """
    if path.is_dir():
        raise DatabaseOpenError(f"{path}: is a folder, not the history database file")
    if not path.exists() or path.stat().st_size == 0:
        return
    check_header(path)
    # Read-only first: a read-only connection never checkpoints or deletes the WAL, so a
    # damaged file is moved aside with its WAL exactly as it was found.
    try:
        reader = connect(path, "ro", busy_timeout_ms)
        try:
            rows = reader.execute("PRAGMA quick_check").fetchall()
        finally:
            reader.close()
    except sqlite3.Error as exc:
        classify(path, exc)
        rows = [("ok",)]  # not damage: let the read-write probe name the problem
    if [tuple(r) for r in rows] != [("ok",)]:
        raise Damaged("; ".join(str(r[0]) for r in rows[:3]))
    # Whether it can be written (a lock, a read-only file, a full disk) is the write
    # probe's question, asked next.


def connect(path: Path, mode: str, busy_timeout_ms: int) -> sqlite3.Connection:
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}",
        uri=True,
        timeout=busy_timeout_ms / 1000,
        isolation_level=None,
    )


def classify(path: Path, exc: sqlite3.Error) -> None:
    """Raise the store's meaning of a driver error if it is a lock or damage."""
    if is_lock_error(exc):
        raise DatabaseLockedError(path) from exc
    if _is_damage_error(exc):
        raise Damaged(str(exc)) from exc


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


def create_private(path: Path) -> None:
    """Create ``path`` empty and 0600 if missing, and tighten it (and its WAL files) if not.

    SQLite creates a database with the process's umask (usually 0644: readable by every
    user of the machine) and gives its -wal and -shm files the database's own mode, so
    the whole history is private once the main file is. An empty file is a new database
    to SQLite.
    """
    if os.name == "nt":  # pragma: no cover - per-user folders are private on Windows
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    from rehearsal.atomic_file import make_private

    for file in (path, *_sidecars(path)):
        make_private(file)


def _write_probe(path: Path, busy_timeout_ms: int) -> type[StoreError] | None:
    """Prove the folder and the database can take a write now; the error class if not.

    A read-only file (a restored backup, a mounted share, ``chattr +i``) or a full disk
    would otherwise show up only mid-rehearsal. The folder gets a small file written,
    fsync'd and removed (room for the WAL to grow); the database a real committed write
    that changes nothing (its ``user_version`` set to itself).
    """
    probe = path.with_name(f".{path.name}.write-probe-{os.getpid()}")
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\0" * WRITE_PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            return DiskFullError
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return DatabaseReadOnlyError
        raise DatabaseOpenError(f"{path.parent}: cannot be written ({exc.strerror})") from exc
    finally:
        with contextlib.suppress(OSError):
            probe.unlink()
    if not path.exists():
        return None
    try:
        writer = connect(path, "rw", busy_timeout_ms)
        try:
            writer.execute("BEGIN IMMEDIATE")
            version = int(writer.execute("PRAGMA user_version").fetchone()[0])
            writer.execute(f"PRAGMA user_version = {version}")
            writer.execute("COMMIT")
        finally:
            writer.close()
    except sqlite3.Error as exc:
        translated = store_error(path, exc)
        if isinstance(translated, DatabaseLockedError):
            raise translated from exc
        if translated is not None:
            return type(translated)
        raise DatabaseOpenError(f"{path}: cannot be written") from exc
    return None


def _salvaged(path: Path, damage: Damaged, now: WallClock) -> Notice:
    """Move the damaged file aside untouched and rescue what it still holds into ``path``."""
    from rehearsal.store.salvage import SalvageError, salvage_file

    try:
        moved = move_aside(path, now)
    except OSError as exc:
        raise DatabaseOpenError(
            f"{path}: is damaged and could not be moved aside ({exc.strerror or exc})"
        ) from exc
    try:
        report = salvage_file(moved, path)
    except (SalvageError, sqlite3.Error, OSError) as exc:
        log.warning("nothing could be rescued from %s: %s", moved, exc)
        return Notice(
            f"The history database {path} was damaged ({damage}) and nothing in it could be "
            f"read. It was kept as {moved} and a new, empty history was started.",
            moved_to=moved,
        )
    return Notice(
        f"The history database {path} was damaged. Everything that could still be read "
        f"was saved into a new one: {report.summary()}. The damaged file was kept, "
        f"untouched, as {moved}.",
        moved_to=moved,
    )


READ_ONLY_NOTICE = (
    "{path} is read-only, so this run cannot save anything new: you can rehearse and "
    "look through your history and dossiers, but sessions, notes and changes will not be "
    "kept. Check the file's permissions (or that its drive is writable), or start "
    "Rehearsal with --data-dir on a writable folder."
)

FULL_DISK_NOTICE = (
    "The disk holding your history ({folder}) is full. Rehearsing works, and each "
    "rehearsal's events are kept and saved as soon as there is space again; free some "
    "space to be sure nothing is lost."
)


FULL_DISK_READ_ONLY = (
    "The disk holding your history ({folder}) is full, so this run cannot save anything "
    "new: you can rehearse and look through your history, but sessions and changes will "
    "not be kept. Free some space on that disk and start Rehearsal again."
)


def open_database(
    path: Path,
    *,
    now: WallClock = utc_now,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    read_only: bool = False,
) -> OpenedDatabase:
    """Open (or create) the database at ``path``, rescuing a damaged file first.

    A damaged file is moved aside untouched and every readable row copied into a fresh
    database (:mod:`rehearsal.store.salvage`); a read-only file or a full disk is found by
    a write probe and explained in a :class:`Notice` (a read-only database is opened for
    reading). ``read_only`` is for commands that only read: they never create, move,
    migrate or write the file, and read a damaged one through a salvage into memory.

    Raises :class:`DatabaseLockedError` or :class:`DatabaseOpenError`; damage is never an
    error, only a :class:`Notice`, because the actor can still rehearse.
    """
    from rehearsal.store.read_only import open_for_reading

    if read_only:
        return open_for_reading(path, busy_timeout_ms)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno != errno.EROFS or not path.parent.is_dir():
            raise DatabaseOpenError(
                f"{path.parent}: cannot create the data folder ({exc})"
            ) from exc
    notices: list[Notice] = []
    try:
        _probe(path, busy_timeout_ms)
    except Damaged as damage:
        notices.append(_salvaged(path, damage, now))
    problem = _write_probe(path, busy_timeout_ms)
    if problem is None:
        create_private(path)
    if problem is DatabaseReadOnlyError:
        if not path.exists():
            raise DatabaseReadOnlyError(path)
        opened = open_for_reading(path, busy_timeout_ms)
        notices.append(Notice(READ_ONLY_NOTICE.format(path=path)))
        return OpenedDatabase(opened.engine, path, (*notices, *opened.notices), read_only=True)
    existed = path.exists() and path.stat().st_size > 0
    engine = create_store_engine(path, busy_timeout_ms=busy_timeout_ms)
    if problem is DiskFullError:
        try:
            with engine.connect():
                pass  # WAL needs a few bytes for its index: a full disk can refuse even that
        except StoreError:
            engine.dispose()
            if not existed:
                for leftover in (path, *_sidecars(path)):
                    if leftover.exists() and leftover.stat().st_size == 0:
                        leftover.unlink()
                raise DiskFullError(path) from None
            opened = open_for_reading(path, busy_timeout_ms)
            notices.append(Notice(FULL_DISK_READ_ONLY.format(folder=path.parent)))
            return OpenedDatabase(opened.engine, path, (*notices, *opened.notices), True)
        notices.append(Notice(FULL_DISK_NOTICE.format(folder=path.parent)))
    return OpenedDatabase(engine=engine, path=path, notices=tuple(notices))
