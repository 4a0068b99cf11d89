"""Opening the store the way the app and the CLI do at startup: check, migrate, replay, go."""

from __future__ import annotations

import logging
from typing import Any, cast

from rehearsal.paths import Paths
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import OpenedDatabase, StoreError, open_database
from rehearsal.store.schema_version import HEAD, is_current, is_known, stored_revision

log = logging.getLogger(__name__)


class SchemaNeedsUpdateError(StoreError):
    """A command that only reads found a schema it cannot use without migrating."""


def open_store(paths: Paths, *, now: WallClock = utc_now) -> OpenedDatabase:
    """Open ``paths.database``, rescuing a damaged file, and bring its schema to head.

    Then the journals of rehearsals that ended before all their events were saved (a
    crash, a quit while the database was locked) are replayed. Raises
    :class:`~rehearsal.store.database.StoreError` subclasses with a message for the actor
    (locked, cannot open, migration failed); show ``notices`` once in the UI.
    """
    opened = open_database(paths.database, now=now)
    if opened.read_only:
        _require_current(opened)
        return opened
    if not is_current(paths.database):
        from rehearsal.store.migrate import BACKUP_FOLDER, upgrade_database

        try:
            upgrade_database(paths.database, backups_dir=paths.data / BACKUP_FOLDER, now=now)
        except BaseException:
            opened.close()
            raise
    _replay(opened)
    return opened


def open_store_for_reading(paths: Paths) -> OpenedDatabase:
    """Open ``paths.database`` for a command that only reads (``rehearsal history``).

    Never creates, moves, migrates or writes the file: a damaged file is read through a
    salvage into memory, and a schema other than this version's is an error saying that
    the app must open it first.
    """
    opened = open_database(paths.database, read_only=True)
    _require_current(opened)
    return opened


def _require_current(opened: OpenedDatabase) -> None:
    """Close and explain when a database opened read-only is not at this app's schema."""
    with opened.engine.connect() as connection:
        try:
            revision = stored_revision(cast(Any, connection.connection.driver_connection))
        except Exception:
            revision = None
    if revision == HEAD:
        return
    opened.close()
    if revision is not None and not is_known(revision):
        raise SchemaNeedsUpdateError(
            f"{opened.path}: the history database was written by a newer version of "
            "Rehearsal. Update Rehearsal to read it."
        )
    raise SchemaNeedsUpdateError(
        f"{opened.path}: the history database is from an older version of Rehearsal "
        "and must be updated first: open the Rehearsal app once (it keeps a copy of the "
        "old file), then try again."
    )


def _replay(opened: OpenedDatabase) -> None:
    """Save what interrupted rehearsals left in their journals (failures wait for later)."""
    from rehearsal.store.take_journal import journal_folder, replay_journals

    try:
        replayed = replay_journals(opened.engine, journal_folder(opened.path))
    except StoreError as exc:
        log.warning("history journals left for the next start: %s", exc)
        return
    if replayed:
        log.info("replayed %d events of interrupted rehearsals", replayed)
