"""The corrections stored for a file's bytes, read without changing anything.

``rehearsal parse`` shows a script as the actor rehearses it, corrections included, but a
command that only prints must never create, migrate or lock the database: it opens it the
way ``rehearsal history`` does (read-only, damaged files salvaged into memory). No
database, or one from before corrections were stored, means there are none.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from rehearsal.paths import Paths
from rehearsal.script.corrections import Correction, CorrectionsFormatError
from rehearsal.store.database import StoreError
from rehearsal.store.scripts_repo import find_corrections
from rehearsal.store.startup import SchemaNeedsUpdateError, open_store_for_reading


def stored_corrections(paths: Paths, raw_bytes: bytes) -> tuple[tuple[Correction, ...], str | None]:
    """The corrections for these bytes, and a sentence when they could not be read."""
    if not paths.database.exists():
        return (), None
    try:
        opened = open_store_for_reading(paths)
    except SchemaNeedsUpdateError as exc:
        if "newer version" in str(exc):
            return (), f"corrections not applied: {exc}"
        return (), None  # an older schema holds no corrections
    except StoreError as exc:
        return (), f"corrections not applied: {exc}"
    try:
        return find_corrections(opened.engine, raw_bytes), None
    except CorrectionsFormatError as exc:
        return (), f"corrections not applied: {exc}"
    except (StoreError, SQLAlchemyError) as exc:
        return (), f"corrections not applied: {exc}"
    finally:
        opened.close()
