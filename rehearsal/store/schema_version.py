"""The schema revision this version of the app expects, known without importing Alembic.

Alembic and its templating take about a fifth of a second to import; at startup the
database is almost always already at this revision, so :func:`is_current` answers from the
``alembic_version`` table with plain ``sqlite3`` and Alembic loads only when a migration
must really run. A test keeps :data:`HEAD` equal to the newest migration.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

HEAD = "0006"


def stored_revision(connection: sqlite3.Connection) -> str | None:
    """The revision stamped in an open database (None: not stamped, or unreadable)."""
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def is_known(revision: str) -> bool:
    """Whether this version of the app has a migration ``revision`` (else it is newer)."""
    versions = Path(__file__).resolve().parent / "migrations" / "versions"
    return any(versions.glob(f"{revision}_*.py"))


def is_current(path: Path) -> bool:
    """True when the database at ``path`` is exactly at :data:`HEAD` (no upgrade needed)."""
    if not path.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return False
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return [row[0] for row in rows] == [HEAD]
