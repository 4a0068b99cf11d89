"""line memory: each line of a part with its FSRS card and reviews

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 20:35:18.576316
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "line_memory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("line_key", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("cue", sa.Text(), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("card", sa.JSON(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_line_memory_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_memory")),
        sa.UniqueConstraint(
            "script_id", "role", "line_key", name=op.f("uq_line_memory_script_id_role_line_key")
        ),
    )
    with op.batch_alter_table("line_memory", schema=None) as batch_op:
        batch_op.create_index("ix_line_memory_part", ["script_id", "role"], unique=False)

    op.create_table(
        "part_memory",
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("off_book_by", sa.Date(), nullable=True),
        sa.Column("audition_id", sa.Integer(), nullable=True),
        sa.Column("imported_from", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_part_memory_audition_id_auditions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_part_memory_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("script_id", "role", name=op.f("pk_part_memory")),
    )
    op.create_table(
        "line_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("line_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 4", name=op.f("ck_line_reviews_rating_range")),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["line_memory.id"],
            name=op.f("fk_line_reviews_line_id_line_memory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_reviews")),
    )
    with op.batch_alter_table("line_reviews", schema=None) as batch_op:
        batch_op.create_index("ix_line_reviews_line_id", ["line_id"], unique=False)
        batch_op.create_index("ix_line_reviews_reviewed_at", ["reviewed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("line_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_line_reviews_reviewed_at")
        batch_op.drop_index("ix_line_reviews_line_id")

    op.drop_table("line_reviews")
    op.drop_table("part_memory")
    with op.batch_alter_table("line_memory", schema=None) as batch_op:
        batch_op.drop_index("ix_line_memory_part")

    op.drop_table("line_memory")
