"""corrections kept with each script and session

The actor's corrections on top of a script's import, and on each session the corrections
its line events were recorded against (NULL before this revision: the import as read).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 20:26:58.654596
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rehearsal_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("corrections", sa.Text(), nullable=True))

    with op.batch_alter_table("scripts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("corrections", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scripts", schema=None) as batch_op:
        batch_op.drop_column("corrections")

    with op.batch_alter_table("rehearsal_sessions", schema=None) as batch_op:
        batch_op.drop_column("corrections")
