"""audition tapes: the self-tapes exported for each audition

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 22:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audition_tapes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audition_id", sa.Integer(), nullable=False),
        sa.Column("take_number", sa.Integer(), nullable=False),
        sa.Column("file_path", sa.Text(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_audition_tapes_audition_id_auditions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audition_tapes")),
    )
    with op.batch_alter_table("audition_tapes", schema=None) as batch_op:
        batch_op.create_index("ix_audition_tapes_audition_id", ["audition_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audition_tapes", schema=None) as batch_op:
        batch_op.drop_index("ix_audition_tapes_audition_id")
    op.drop_table("audition_tapes")
