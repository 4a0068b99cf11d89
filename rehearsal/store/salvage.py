"""Rescuing every readable row of a damaged history database into a fresh one.

One damaged page must not cost an actor months of history: usually the damage hits one
table's pages (often the large stored script text) while every session, take and line
event is still readable. SQLite's own ``.recover`` lives in the command-line shell, not in
the library Python ships, so this does the same with the standard library's ``sqlite3``:

* the schema is read from ``sqlite_master`` and created in the new database;
* each table's row ids are collected with range scans that step over unreadable pages
  (a failed scan is resumed after the damage, found by doubling then bisecting the start);
* rows are copied in chunks, row by row where a chunk fails, and column by column where a
  row fails, so a script whose stored text is damaged keeps its title and its history;
* rows whose parent was lost are dropped (the foreign keys must hold), indexes are rebuilt,
  and the result must pass ``PRAGMA integrity_check`` before anyone uses it.

The damaged file is never written: the caller has moved it aside (the app) or opened it
read-only (``rehearsal history``). :class:`SalvageReport` says what came through, counted
against what the file still says it held (an intact index, the sessions' running totals),
in the words the actor is shown.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rehearsal.store.salvage_pages import add_missing_tables, readable_copy

log = logging.getLogger(__name__)

CHUNK = 500
MAX_ROWID = 2**63 - 1

#: What the actor calls each table, in the order they are told about them.
TABLE_WORDS: dict[str, tuple[str, str]] = {
    "rehearsal_sessions": ("session", "sessions"),
    "takes": ("take", "takes"),
    "line_events": ("line", "lines"),
    "notes_given": ("note", "notes"),
    "ratings": ("rating", "ratings"),
    "scripts": ("script", "scripts"),
    "auditions": ("audition", "auditions"),
    "checkins": ("check-in", "check-ins"),
}

#: The running totals on each session: how many child rows the file held, even when the
#: child table's pages are the ones that were damaged.
SESSION_TOTALS = {"takes": "take_count", "line_events": "line_count", "ratings": "rating_count"}

LOST_SCRIPT_TITLE = "(a script lost in a repair)"
LOST_TEXT_KEY = "lost_text"
"""Marks a stored script whose text was lost in a salvage (read again on the next import)."""


class SalvageError(Exception):
    """Nothing could be read at all (the file's first page or its table list is gone)."""


@dataclass(slots=True)
class TableCount:
    """How many rows of one table were found and copied."""

    name: str
    recovered: int = 0
    expected: int | None = None
    lost_columns: int = 0


@dataclass(slots=True)
class SalvageReport:
    """What a salvage recovered, table by table."""

    tables: dict[str, TableCount] = field(default_factory=dict)
    lost_text: int = 0
    """Scripts kept without their stored text (read again from the file on next import)."""
    lost_scripts: int = 0
    """Scripts lost entirely; their sessions are kept under a stand-in script."""
    dropped_orphans: int = 0
    lost_tables: list[str] = field(default_factory=list)
    """Tables whose entry in the file's table list was destroyed (created empty)."""

    def count(self, table: str) -> TableCount:
        """The counts of ``table`` (zeros for a table the file did not have)."""
        return self.tables.get(table) or TableCount(table)

    def summary(self) -> str:
        """``6 of 6 sessions, 319 of 319 lines; the text of 1 script was lost …``."""
        parts = []
        for table, (one, many) in TABLE_WORDS.items():
            counted = self.tables.get(table)
            if counted is None or (not counted.recovered and not counted.expected):
                continue
            word = one if (counted.expected or counted.recovered) == 1 else many
            if counted.expected is not None and counted.expected >= counted.recovered:
                parts.append(f"{counted.recovered} of {counted.expected} {word}")
            else:
                parts.append(f"{counted.recovered} {word}")
        text = ", ".join(parts) if parts else "no rehearsals"
        lost = [TABLE_WORDS[name][1] for name in TABLE_WORDS if name in self.lost_tables]
        if lost:
            text += f"; the {' and '.join(lost)} could not be read at all (if there were any)"
        if self.lost_text:
            script = "script" if self.lost_text == 1 else "scripts"
            text += (
                f"; the text of {self.lost_text} {script} was lost and will be read again "
                "from its file the next time you open it"
            )
        if self.lost_scripts:
            script = "script" if self.lost_scripts == 1 else "scripts"
            text += (
                f"; {self.lost_scripts} {script} could not be read at all, so "
                f"{'its' if self.lost_scripts == 1 else 'their'} "
                f'sessions are kept under "{LOST_SCRIPT_TITLE}"'
            )
        return text


def open_damaged(path: Path) -> sqlite3.Connection:
    """Open ``path`` strictly read-only, so salvaging never changes what it reads.

    Without a WAL beside it the file is opened ``immutable`` (SQLite then creates no WAL
    files either: nothing in the folder changes). With one, ``mode=ro`` still reads the
    recent commits in it; where even that cannot work (a read-only folder without the
    WAL's index file) ``immutable=1`` reads the main file.
    """
    uri = path.resolve().as_uri()
    wal = path.with_name(path.name + "-wal")
    choices = ("mode=ro", "mode=ro&immutable=1") if wal.exists() else ("mode=ro&immutable=1",)
    for flags in choices:
        connection = sqlite3.connect(f"{uri}?{flags}", uri=True, isolation_level=None)
        try:
            connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            name = str(getattr(exc, "sqlite_errorname", ""))
            if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR")):
                connection.close()
                continue
        return connection
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _schema(source: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    try:
        rows = source.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise SalvageError(f"its list of tables cannot be read ({exc})") from exc
    return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]


def _index_names(source: sqlite3.Connection) -> dict[str, list[str]]:
    """Each table's indexes, the automatic ones of UNIQUE constraints included."""
    names: dict[str, list[str]] = {}
    try:
        rows = source.execute("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index'")
        for name, table in rows.fetchall():
            names.setdefault(str(table), []).append(str(name))
    except sqlite3.DatabaseError:
        pass
    return names


def _first_from(source: sqlite3.Connection, table: str, start: int) -> int | None:
    """The first row id >= ``start``; raises when the seek hits damage."""
    row = source.execute(
        f"SELECT rowid FROM {_quote(table)} WHERE rowid >= ? ORDER BY rowid LIMIT 1", (start,)
    ).fetchone()
    return None if row is None else int(row[0])


def _readable_start(source: sqlite3.Connection, table: str, damaged: int) -> int | None:
    """The smallest start after ``damaged`` from which a scan works again (None: the end)."""
    step = 1
    good: int | None = None
    while damaged + step <= MAX_ROWID:
        try:
            _first_from(source, table, damaged + step)
            good = damaged + step
            break
        except sqlite3.DatabaseError:
            step *= 2
    if good is None:
        return None
    low = damaged  # fails
    while good - low > 1:
        middle = (low + good) // 2
        try:
            _first_from(source, table, middle)
            good = middle
        except sqlite3.DatabaseError:
            low = middle
    return good


def _rowids(source: sqlite3.Connection, table: str) -> Iterator[int]:
    """Every readable row id of ``table``, in order, stepping over damaged pages."""
    start = -MAX_ROWID
    while True:
        try:
            for (rowid,) in source.execute(
                f"SELECT rowid FROM {_quote(table)} WHERE rowid >= ? ORDER BY rowid", (start,)
            ):
                start = int(rowid) + 1
                yield int(rowid)
            return
        except sqlite3.DatabaseError:
            log.info("salvage: %s is damaged after row id %d", table, start - 1)
            resumed = _readable_start(source, table, start)
            if resumed is None:
                return
            start = resumed


def _expected(source: sqlite3.Connection, table: str, indexes: list[str]) -> int | None:
    """How many rows the file says ``table`` held: the largest count any index can give."""
    counts = []
    for index in (None, *indexes):
        hint = f" INDEXED BY {_quote(index)}" if index else " NOT INDEXED"
        try:
            row = source.execute(f"SELECT count(*) FROM {_quote(table)}{hint}").fetchone()
        except sqlite3.Error:
            continue
        counts.append(int(row[0]))
    return max(counts) if counts else None


class _TableCopier:
    """Copies one table's readable rows, coarse to fine as damage demands."""

    def __init__(
        self,
        source: sqlite3.Connection,
        target: sqlite3.Connection,
        table: str,
        columns: list[tuple[str, bool]],
        placeholders: dict[str, object],
    ) -> None:
        self.source, self.target, self.table = source, target, table
        self.names = [name for name, _ in columns]
        self.required = {name for name, not_null in columns if not_null}
        self.placeholders = placeholders
        listed = ", ".join(_quote(n) for n in self.names)
        self.select = f"SELECT rowid, {listed} FROM {_quote(table)}"
        marks = ", ".join("?" for _ in range(len(self.names) + 1))
        self.insert = f"INSERT OR IGNORE INTO {_quote(table)} (rowid, {listed}) VALUES ({marks})"
        self.copied = 0
        self.lost_columns = 0

    def copy(self, rowids: list[int]) -> None:
        for begin in range(0, len(rowids), CHUNK):
            chunk = rowids[begin : begin + CHUNK]
            try:
                rows = self.source.execute(
                    f"{self.select} WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
                    (chunk[0], chunk[-1]),
                ).fetchall()
            except sqlite3.DatabaseError:
                for rowid in chunk:
                    self._copy_one(rowid)
                continue
            self._write(rows)

    def _write(self, rows: list[tuple[object, ...]]) -> None:
        for row in rows:
            self.copied += self.target.execute(self.insert, row).rowcount

    def _copy_one(self, rowid: int) -> None:
        try:
            row = self.source.execute(f"{self.select} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            row = self._by_column(rowid)
        if row is not None:
            self._write([tuple(row)])

    def _by_column(self, rowid: int) -> tuple[object, ...] | None:
        values: list[object] = [rowid]
        lost = 0
        for name in self.names:
            try:
                cell = self.source.execute(
                    f"SELECT {_quote(name)} FROM {_quote(self.table)} WHERE rowid = ?", (rowid,)
                ).fetchone()
                values.append(None if cell is None else cell[0])
            except sqlite3.DatabaseError:
                if name in self.placeholders:
                    values.append(self.placeholders[name])
                elif name in self.required:
                    return None  # a row without its identity is no row
                else:
                    values.append(None)
                lost += 1
        self.lost_columns += bool(lost)
        return tuple(values)


LOST_SNAPSHOT = json.dumps({"format": "text", "scenes": [], LOST_TEXT_KEY: True})


def _now_text() -> str:
    """The current time as the store writes it (naive UTC), for a lost import time."""
    return datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _placeholders(table: str) -> dict[str, object]:
    """Stand-ins for a script's unreadable columns: its history matters more than its text.

    A stored script's text sits in the file's largest record, the one damage hits most;
    losing the script row would orphan (and so lose) every session rehearsed with it.
    """
    if table == "scripts":
        return {"snapshot": LOST_SNAPSHOT, "imported_at": _now_text()}
    return {}


def _restore_lost_scripts(target: sqlite3.Connection, report: SalvageReport) -> None:
    """Give sessions whose script row was lost a stand-in script, so they are kept."""
    try:
        missing = target.execute(
            "SELECT DISTINCT script_id FROM rehearsal_sessions WHERE script_id NOT IN "
            "(SELECT id FROM scripts)"
        ).fetchall()
    except sqlite3.Error:
        return  # a file without these tables
    for (script_id,) in missing:
        target.execute(
            "INSERT INTO scripts (id, content_hash, title, format, source_path, snapshot, "
            "imported_at) VALUES (?, ?, ?, 'text', NULL, ?, ?)",
            (
                script_id,
                f"lost-{script_id}",
                LOST_SCRIPT_TITLE,
                LOST_SNAPSHOT,
                _now_text(),
            ),
        )
        report.lost_scripts += 1


def _drop_orphans(target: sqlite3.Connection, report: SalvageReport) -> None:
    """Delete rows whose parent row was lost, until every foreign key holds."""
    for _ in range(16):  # each pass removes one level of a cascade
        violations = target.execute("PRAGMA foreign_key_check").fetchall()
        if not violations:
            return
        for table, rowid, _parent, _fk in violations:
            if rowid is None:
                continue
            target.execute(f"DELETE FROM {_quote(table)} WHERE rowid = ?", (rowid,))
            report.dropped_orphans += 1
            counted = report.tables.get(table)
            if counted is not None:
                counted.recovered -= 1


def _apply_session_totals(target: sqlite3.Connection, report: SalvageReport) -> None:
    """Take the expected number of takes, lines and ratings from the sessions' totals."""
    for table, column in SESSION_TOTALS.items():
        counted = report.tables.get(table)
        if counted is None:
            continue
        try:
            total = target.execute(
                f"SELECT coalesce(sum({column}), 0) FROM rehearsal_sessions"
            ).fetchone()[0]
        except sqlite3.Error:
            continue
        counted.expected = max(counted.expected or 0, int(total), counted.recovered)


def salvage(
    source: sqlite3.Connection, target: sqlite3.Connection, *, mended: bool = False
) -> SalvageReport:
    """Copy every readable row of ``source`` into the empty ``target`` and check it.

    ``mended``: the source is a copy whose damaged table-list pages were emptied, so
    tables it no longer names are created empty from this version's schema. Raises
    :class:`SalvageError` when nothing can be read or the copy does not pass
    ``PRAGMA integrity_check``.
    """
    report = SalvageReport()
    schema = _schema(source)
    target.isolation_level = None
    target.execute("PRAGMA foreign_keys = OFF")
    target.execute("BEGIN")
    tables = [
        (name, sql)
        for kind, name, _t, sql in schema
        if kind == "table" and not name.startswith("sqlite_")
    ]
    for _name, sql in tables:
        target.execute(sql)
    indexes = _index_names(source)
    for name, _sql in tables:
        columns = [
            (str(row[1]), bool(row[3]))
            for row in target.execute(f"PRAGMA table_info({_quote(name)})")
        ]
        counted = TableCount(name, expected=_expected(source, name, indexes.get(name, [])))
        copier = _TableCopier(source, target, name, columns, _placeholders(name))
        copier.copy(list(_rowids(source, name)))
        counted.recovered = copier.copied
        counted.lost_columns = copier.lost_columns
        if counted.expected is not None and counted.expected < counted.recovered:
            counted.expected = counted.recovered
        report.tables[name] = counted
        if name == "scripts":
            report.lost_text = copier.lost_columns
    for kind, name, _table, sql in schema:
        if kind in ("index", "trigger", "view"):
            try:
                target.execute(sql)
            except sqlite3.Error as exc:  # a unique index over rows damage duplicated
                log.warning("salvage: could not rebuild %s %s: %s", kind, name, exc)
    if mended:
        report.lost_tables = add_missing_tables(target)
    _restore_lost_scripts(target, report)
    _drop_orphans(target, report)
    _apply_session_totals(target, report)
    target.execute("COMMIT")
    target.execute("PRAGMA foreign_keys = ON")
    check = [str(r[0]) for r in target.execute("PRAGMA integrity_check").fetchall()]
    if check != ["ok"]:
        raise SalvageError(f"the rescued copy failed its check ({'; '.join(check[:3])})")
    log.info("salvage: %s", report.summary())
    return report


@contextlib.contextmanager
def _readable_source(damaged: Path) -> Iterator[tuple[sqlite3.Connection, bool]]:
    """The damaged file opened read-only, or a mended copy if its table list is hit."""
    source = open_damaged(damaged)
    try:
        _schema(source)
    except SalvageError:
        source.close()
        copy = readable_copy(damaged)
        if copy is None:
            raise
        try:
            mended = open_damaged(copy)
            try:
                yield mended, True
            finally:
                mended.close()
        finally:
            shutil.rmtree(copy.parent, ignore_errors=True)
        return
    try:
        yield source, False
    finally:
        source.close()


def salvage_file(damaged: Path, fresh: Path) -> SalvageReport:
    """Salvage the database at ``damaged`` (never written) into a new file ``fresh``.

    ``fresh`` is written beside as a temporary file and renamed into place only once it
    passed its check, so a crash mid-salvage leaves no half-copied history behind.
    """
    temporary = fresh.with_name(fresh.name + ".salvage")
    temporary.unlink(missing_ok=True)
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private
    try:
        with _readable_source(damaged) as (source, mended):
            target = sqlite3.connect(temporary, isolation_level=None)
            try:
                report = salvage(source, target, mended=mended)
                target.execute("PRAGMA journal_mode = WAL")
            finally:
                target.close()
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    temporary.replace(fresh)
    return report


def salvage_into_memory(damaged: Path) -> tuple[sqlite3.Connection, SalvageReport]:
    """Salvage ``damaged`` into an in-memory database: for commands that only read."""
    target = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        with _readable_source(damaged) as (source, mended):
            report = salvage(source, target, mended=mended)
    except BaseException:
        target.close()
        raise
    return target, report


def has_lost_text(snapshot: object) -> bool:
    """Whether a stored script's snapshot is the placeholder a salvage left for lost text."""
    return isinstance(snapshot, dict) and bool(snapshot.get(LOST_TEXT_KEY))
