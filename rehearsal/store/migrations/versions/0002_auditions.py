"""auditions: dossiers (research, worksheet, relationships, wardrobe), links, check-ins

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 16:03:15.994338
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "auditions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_title", sa.String(length=500), server_default="", nullable=False),
        sa.Column("role", sa.String(length=200), server_default="", nullable=False),
        sa.Column("round", sa.String(length=32), server_default="first_read", nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=True),
        sa.Column("location", sa.Text(), server_default="", nullable=False),
        sa.Column("self_tape_deadline", sa.DateTime(), nullable=True),
        sa.Column("casting_director", sa.Text(), server_default="", nullable=False),
        sa.Column("director", sa.Text(), server_default="", nullable=False),
        sa.Column("writer", sa.Text(), server_default="", nullable=False),
        sa.Column("producers", sa.Text(), server_default="", nullable=False),
        sa.Column("agent", sa.Text(), server_default="", nullable=False),
        sa.Column("links", sa.Text(), server_default="", nullable=False),
        sa.Column("outcome", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("thank_you_text", sa.Text(), server_default="", nullable=False),
        sa.Column("thank_you_sent_at", sa.DateTime(), nullable=True),
        sa.Column("followup_dismissed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('pending', 'callback', 'booked', 'released')",
            name=op.f("ck_auditions_outcome_known"),
        ),
        sa.CheckConstraint(
            "round IN ('first_read', 'callback', 'chemistry_read', 'producer_session', 'self_tape')",
            name=op.f("ck_auditions_round_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auditions")),
    )
    with op.batch_alter_table("auditions", schema=None) as batch_op:
        batch_op.create_index("ix_auditions_scheduled_at", ["scheduled_at"], unique=False)

    op.create_table(
        "audition_research",
        sa.Column("audition_id", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("tone_genre", sa.Text(), server_default="", nullable=False),
        sa.Column("director_work", sa.Text(), server_default="", nullable=False),
        sa.Column("casting_director", sa.Text(), server_default="", nullable=False),
        sa.Column("network_studio", sa.Text(), server_default="", nullable=False),
        sa.Column("comparable_roles", sa.Text(), server_default="", nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_audition_research_audition_id_auditions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audition_id", name=op.f("pk_audition_research")),
    )
    op.create_table(
        "audition_scripts",
        sa.Column("audition_id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_audition_scripts_audition_id_auditions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_audition_scripts_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audition_id", "script_id", name=op.f("pk_audition_scripts")),
    )
    with op.batch_alter_table("audition_scripts", schema=None) as batch_op:
        batch_op.create_index("ix_audition_scripts_script_id", ["script_id"], unique=False)

    op.create_table(
        "audition_wardrobe",
        sa.Column("audition_id", sa.Integer(), nullable=False),
        sa.Column("first_round_outfit", sa.Text(), server_default="", nullable=False),
        sa.Column("first_round_photo", sa.Text(), nullable=True),
        sa.Column("callback_outfit", sa.Text(), server_default="", nullable=False),
        sa.Column("consistency_note", sa.Text(), server_default="", nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_audition_wardrobe_audition_id_auditions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audition_id", name=op.f("pk_audition_wardrobe")),
    )
    op.create_table(
        "character_worksheets",
        sa.Column("audition_id", sa.Integer(), nullable=False),
        sa.Column("who_am_i", sa.Text(), server_default="", nullable=False),
        sa.Column("where_am_i", sa.Text(), server_default="", nullable=False),
        sa.Column("when_is_it", sa.Text(), server_default="", nullable=False),
        sa.Column("what_i_want", sa.Text(), server_default="", nullable=False),
        sa.Column("obstacle", sa.Text(), server_default="", nullable=False),
        sa.Column("what_i_do", sa.Text(), server_default="", nullable=False),
        sa.Column("stakes", sa.Text(), server_default="", nullable=False),
        sa.Column("backstory", sa.Text(), server_default="", nullable=False),
        sa.Column("moment_before", sa.Text(), server_default="", nullable=False),
        sa.Column("beats", sa.Text(), server_default="", nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_character_worksheets_audition_id_auditions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audition_id", name=op.f("pk_character_worksheets")),
    )
    op.create_table(
        "worksheet_relationships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audition_id", sa.Integer(), nullable=False),
        sa.Column("character", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), server_default="", nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_worksheet_relationships_audition_id_auditions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worksheet_relationships")),
        sa.UniqueConstraint(
            "audition_id",
            "character",
            name=op.f("uq_worksheet_relationships_audition_id_character"),
        ),
    )
    op.create_table(
        "audition_sessions",
        sa.Column("audition_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_audition_sessions_audition_id_auditions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["rehearsal_sessions.id"],
            name=op.f("fk_audition_sessions_session_id_rehearsal_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audition_id", "session_id", name=op.f("pk_audition_sessions")),
    )
    with op.batch_alter_table("audition_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_audition_sessions_session_id", ["session_id"], unique=False)

    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("energy", sa.Integer(), nullable=False),
        sa.Column("focus", sa.Integer(), nullable=False),
        sa.Column("intention", sa.Text(), server_default="", nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("audition_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("energy BETWEEN 1 AND 5", name=op.f("ck_checkins_energy_range")),
        sa.CheckConstraint("focus BETWEEN 1 AND 5", name=op.f("ck_checkins_focus_range")),
        sa.ForeignKeyConstraint(
            ["audition_id"],
            ["auditions.id"],
            name=op.f("fk_checkins_audition_id_auditions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["rehearsal_sessions.id"],
            name=op.f("fk_checkins_session_id_rehearsal_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index("ix_checkins_audition_id", ["audition_id"], unique=False)
        batch_op.create_index("ix_checkins_session_id", ["session_id"], unique=False)
        batch_op.create_index("ix_checkins_taken_at", ["taken_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index("ix_checkins_taken_at")
        batch_op.drop_index("ix_checkins_session_id")
        batch_op.drop_index("ix_checkins_audition_id")

    op.drop_table("checkins")
    with op.batch_alter_table("audition_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_audition_sessions_session_id")

    op.drop_table("audition_sessions")
    op.drop_table("worksheet_relationships")
    op.drop_table("character_worksheets")
    op.drop_table("audition_wardrobe")
    with op.batch_alter_table("audition_scripts", schema=None) as batch_op:
        batch_op.drop_index("ix_audition_scripts_script_id")

    op.drop_table("audition_scripts")
    op.drop_table("audition_research")
    with op.batch_alter_table("auditions", schema=None) as batch_op:
        batch_op.drop_index("ix_auditions_scheduled_at")

    op.drop_table("auditions")
