"""line listening: accuracy, differing words, completeness, prompts and pickup per line event

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 20:37:46.681155
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "line_listening",
        sa.Column("line_event_id", sa.Integer(), nullable=False),
        sa.Column("accuracy", sa.Float(), nullable=True),
        sa.Column("differing", sa.Text(), server_default="[]", nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=True),
        sa.Column("prompts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pickup_s", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "accuracy IS NULL OR (accuracy >= 0 AND accuracy <= 1)",
            name=op.f("ck_line_listening_accuracy_range"),
        ),
        sa.CheckConstraint("prompts >= 0", name=op.f("ck_line_listening_prompts_not_negative")),
        sa.ForeignKeyConstraint(
            ["line_event_id"],
            ["line_events.id"],
            name=op.f("fk_line_listening_line_event_id_line_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("line_event_id", name=op.f("pk_line_listening")),
    )


def downgrade() -> None:

    op.drop_table("line_listening")
