"""Opening the store the way the app and the CLI do at startup: check, migrate, go."""

from __future__ import annotations

from rehearsal.paths import Paths
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import OpenedDatabase, open_database
from rehearsal.store.schema_version import is_current


def open_store(paths: Paths, *, now: WallClock = utc_now) -> OpenedDatabase:
    """Open ``paths.database``, moving a damaged file aside, and bring its schema to head.

    Raises :class:`~rehearsal.store.database.StoreError` subclasses with a message for the
    actor (locked, cannot open, migration failed); show ``notices`` once in the UI.
    """
    opened = open_database(paths.database, now=now)
    if is_current(paths.database):
        return opened  # the usual case: no need to load Alembic at all
    from rehearsal.store.migrate import BACKUP_FOLDER, upgrade_database

    try:
        upgrade_database(paths.database, backups_dir=paths.data / BACKUP_FOLDER, now=now)
    except BaseException:
        opened.close()
        raise
    return opened
