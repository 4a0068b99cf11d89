"""When damage hits the table list itself: a readable copy, and the tables it no longer names.

SQLite reads the whole table list (``sqlite_schema``) before the first query; one damaged
page of it makes every table unreadable, although their own pages are intact. So the
salvage works on a copy of the file in which the table list's damaged pages are unlinked
from their parent page: the tables listed on the other pages read normally again. The
tables whose entry was lost are then created empty from the app's own schema, so the
rescued database is complete, and the actor is told which kinds of record were lost.

This reads the file format directly (https://www.sqlite.org/fileformat2.html), only as far
as the table list's pages: their b-tree headers, cell pointers and record headers.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

_TABLE_INTERIOR = 5
_TABLE_LEAF = 13
_SCHEMA_COLUMNS = 5


def _varint(data: bytes, offset: int) -> tuple[int, int]:
    """A SQLite varint at ``offset``: (value, offset after it); raises IndexError."""
    value = 0
    for i in range(9):
        byte = data[offset + i]
        if i == 8:
            return (value << 8) | byte, offset + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, offset + i + 1
    raise IndexError("varint too long")  # pragma: no cover - the loop always returns


class _File:
    def __init__(self, data: bytes) -> None:
        self.data = data
        size = int.from_bytes(data[16:18], "big")
        self.page_size = 65536 if size == 1 else size
        if self.page_size < 512 or self.page_size & (self.page_size - 1):
            raise ValueError("the file header is damaged")
        self.pages = len(data) // self.page_size

    def page(self, number: int) -> tuple[bytes, int]:
        start = (number - 1) * self.page_size
        return self.data[start : start + self.page_size], 100 if number == 1 else 0

    def children(self, number: int) -> list[int]:
        """The child pages of an interior table page (raises ValueError if damaged)."""
        page, header = self.page(number)
        count = int.from_bytes(page[header + 3 : header + 5], "big")
        pointers = header + 12
        children = [int.from_bytes(page[header + 8 : header + 12], "big")]
        for i in range(count):
            cell = int.from_bytes(page[pointers + 2 * i : pointers + 2 * i + 2], "big")
            if not pointers + 2 * count <= cell < self.page_size - 4:
                raise ValueError("a cell points outside its page")
            children.append(int.from_bytes(page[cell : cell + 4], "big"))
        if any(not 1 < child <= self.pages for child in children):
            raise ValueError("a child page number is out of range")
        return children

    def leaf_is_sound(self, number: int) -> bool:
        """Whether a leaf of the table list holds well-formed five-column records."""
        page, header = self.page(number)
        if page[header] != _TABLE_LEAF:
            return False
        count = int.from_bytes(page[header + 3 : header + 5], "big")
        pointers = header + 8
        if pointers + 2 * count > self.page_size:
            return False
        try:
            for i in range(count):
                cell = int.from_bytes(page[pointers + 2 * i : pointers + 2 * i + 2], "big")
                if not pointers + 2 * count <= cell < self.page_size:
                    return False
                _payload, at = _varint(page, cell)
                _rowid, at = _varint(page, at)
                header_size, field = _varint(page, at)
                columns = []
                while field < at + header_size:
                    serial, field = _varint(page, field)
                    columns.append(serial)
                if len(columns) != _SCHEMA_COLUMNS or not (columns[0] >= 13 and columns[0] % 2):
                    return False
        except IndexError:
            return False
        return True


def damaged_schema_pages(path: Path) -> dict[int, list[int]] | None:
    """The table list's damaged pages by parent page, or None if it cannot be walked."""
    try:
        file = _File(path.read_bytes())
        page, header = file.page(1)
        if page[header] != _TABLE_INTERIOR:
            return None  # a one-page table list (or a damaged first page): nothing to unlink
        damaged: dict[int, list[int]] = {}
        stack = [(1, child) for child in file.children(1)]
        while stack:
            parent, number = stack.pop()
            if file.page(number)[0][0] == _TABLE_INTERIOR:
                try:
                    stack.extend((number, child) for child in file.children(number))
                    continue
                except ValueError:
                    pass
            elif file.leaf_is_sound(number):
                continue
            damaged.setdefault(parent, []).append(number)
        return damaged
    except (OSError, ValueError, IndexError):
        return None


def _unlink_children(page: bytearray, header: int, damaged: set[int]) -> None:
    """Drop the cells of an interior page that point at ``damaged`` children."""
    count = int.from_bytes(page[header + 3 : header + 5], "big")
    pointers = header + 12
    cells = [
        int.from_bytes(page[pointers + 2 * i : pointers + 2 * i + 2], "big") for i in range(count)
    ]
    kept = [cell for cell in cells if int.from_bytes(page[cell : cell + 4], "big") not in damaged]
    right = int.from_bytes(page[header + 8 : header + 12], "big")
    if right in damaged:
        if not kept:
            raise ValueError("every child of the table list is damaged")
        last = kept.pop()
        page[header + 8 : header + 12] = page[last : last + 4]
    page[header + 3 : header + 5] = len(kept).to_bytes(2, "big")
    for i, cell in enumerate(kept):
        page[pointers + 2 * i : pointers + 2 * i + 2] = cell.to_bytes(2, "big")


def readable_copy(path: Path) -> Path | None:
    """A temporary copy of ``path`` without the table list's damaged pages.

    Returns None when the table list is not what failed (or cannot be mended this way);
    the caller deletes the copy's folder (``result.parent``) when done.
    """
    damaged = damaged_schema_pages(path)
    if not damaged:
        return None
    folder = Path(tempfile.mkdtemp(prefix="rehearsal-salvage-"))
    copy = folder / path.name
    shutil.copyfile(path, copy)
    size = _File(copy.read_bytes()[:100]).page_size
    try:
        with copy.open("r+b") as handle:
            for parent, children in damaged.items():
                handle.seek((parent - 1) * size)
                page = bytearray(handle.read(size))
                _unlink_children(page, 100 if parent == 1 else 0, set(children))
                handle.seek((parent - 1) * size)
                handle.write(page)
    except (OSError, ValueError) as exc:
        log.warning("salvage: the table list cannot be mended (%s)", exc)
        shutil.rmtree(folder, ignore_errors=True)
        return None
    log.warning("salvage: unlinked %d damaged pages of the table list", len(damaged))
    return copy


def reference_schema() -> list[tuple[str, str, str, str]]:
    """This version's schema as (type, name, table, sql), from the models."""
    from sqlalchemy import create_engine

    from rehearsal.store.models import Base

    connection = sqlite3.connect(":memory:")
    engine = create_engine("sqlite://", creator=lambda: connection)
    try:
        Base.metadata.create_all(engine)
        rows = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL"
        ).fetchall()
    finally:
        engine.dispose()
        connection.close()
    return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]


def add_missing_tables(target: sqlite3.Connection) -> list[str]:
    """Create (empty) every table of this version the rescued copy lacks; their names.

    A lost ``alembic_version`` is stamped with this version's revision, the schema the
    missing tables were just created in.
    """
    from rehearsal.store.schema_version import HEAD

    present = {
        str(row[0]) for row in target.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    reference = reference_schema()
    missing = [name for kind, name, _t, _s in reference if kind == "table" and name not in present]
    for kind, _name, table, sql in reference:
        if table in missing and kind in ("table", "index"):
            target.execute(sql)
    if "alembic_version" not in present:
        target.execute(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
        target.execute("INSERT INTO alembic_version VALUES (?)", (HEAD,))
    return missing
