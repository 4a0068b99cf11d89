"""The schema revision this version of the app expects, known without importing Alembic.

Alembic and its templating take about a fifth of a second to import; at startup the
database is almost always already at this revision, so :func:`is_current` answers from the
``alembic_version`` table with plain ``sqlite3`` and Alembic loads only when a migration
must really run. A test keeps :data:`HEAD` equal to the newest migration.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

HEAD = "0002"


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
