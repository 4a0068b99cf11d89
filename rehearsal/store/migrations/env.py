"""Alembic's entry point for the store's migrations, run only through :mod:`..migrate`.

There is no ``alembic.ini``: :func:`rehearsal.store.migrate.alembic_config` builds the
configuration in code and hands over an open connection in ``config.attributes``, so the
migration runs in the caller's transaction, with the caller's pragmas (foreign keys off,
``BEGIN IMMEDIATE``) and against the caller's file — never one named in a config file.
"""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection

from rehearsal.store.models import UtcDateTime
from rehearsal.store.schema import metadata


def render_item(kind: str, obj: Any, autogen_context: AutogenContext) -> str | Literal[False]:
    """Write store-specific column types as plain SQLAlchemy types in new revisions.

    A revision must keep working after the models change, so it never imports them.
    """
    if kind == "type" and isinstance(obj, UtcDateTime):
        return "sa.DateTime()"
    return False


def run_migrations(connection: Connection) -> None:
    """Migrate with batch mode, because SQLite can only ALTER by copying tables."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("the Rehearsal store has no offline (SQL script) migrations")
_connection = context.config.attributes.get("connection")
if not isinstance(_connection, Connection):
    raise RuntimeError("run migrations through rehearsal.store.migrate, which passes a connection")
run_migrations(_connection)
