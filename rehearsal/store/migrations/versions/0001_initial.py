"""initial: scripts, characters, sessions, takes, line events, notes, ratings, casting, settings

Revision ID: 0001
Revises:
Create Date: 2026-11-27 15:24:29.180785
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scripts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=True),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scripts")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_scripts_content_hash")),
    )
    op.create_table(
        "casting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("character", sa.String(length=200), nullable=False),
        sa.Column("voice", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_casting_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_casting")),
        sa.UniqueConstraint("script_id", "character", name=op.f("uq_casting_script_id_character")),
    )
    op.create_table(
        "characters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("line_count", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_characters_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_characters")),
        sa.UniqueConstraint("script_id", "name", name=op.f("uq_characters_script_id_name")),
    )
    op.create_table(
        "rehearsal_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=False),
        sa.Column("scene_index", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("last_event_at", sa.DateTime(), nullable=False),
        sa.Column("take_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("line_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("skipped_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("response_total_s", sa.Float(), server_default="0", nullable=False),
        sa.Column("response_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rating_total", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rating_count", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_rehearsal_sessions_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rehearsal_sessions")),
    )
    with op.batch_alter_table("rehearsal_sessions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rehearsal_sessions_mode_started", ["mode", "started_at"], unique=False
        )
        batch_op.create_index(
            "ix_rehearsal_sessions_role_started", ["role", "started_at"], unique=False
        )
        batch_op.create_index(
            "ix_rehearsal_sessions_script_started", ["script_id", "started_at"], unique=False
        )
        batch_op.create_index("ix_rehearsal_sessions_started_at", ["started_at"], unique=False)

    op.create_table(
        "script_settings",
        sa.Column("script_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["script_id"],
            ["scripts.id"],
            name=op.f("fk_script_settings_script_id_scripts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("script_id", name=op.f("pk_script_settings")),
    )
    op.create_table(
        "takes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["rehearsal_sessions.id"],
            name=op.f("fk_takes_session_id_rehearsal_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takes")),
        sa.UniqueConstraint("session_id", "number", name=op.f("uq_takes_session_id_number")),
    )
    op.create_table(
        "line_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("take_id", sa.Integer(), nullable=False),
        sa.Column("scene_index", sa.Integer(), nullable=False),
        sa.Column("element_index", sa.Integer(), nullable=False),
        sa.Column("cue_end_s", sa.Float(), nullable=True),
        sa.Column("actor_done_s", sa.Float(), nullable=True),
        sa.Column("response_s", sa.Float(), nullable=True),
        sa.Column("skipped", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["take_id"], ["takes.id"], name=op.f("fk_line_events_take_id_takes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_line_events")),
    )
    with op.batch_alter_table("line_events", schema=None) as batch_op:
        batch_op.create_index("ix_line_events_take_id", ["take_id"], unique=False)

    op.create_table(
        "notes_given",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("take_id", sa.Integer(), nullable=True),
        sa.Column("note_key", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("timing", sa.String(length=16), nullable=False),
        sa.Column("scene_index", sa.Integer(), nullable=True),
        sa.Column("element_index", sa.Integer(), nullable=True),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "timing IN ('before_take', 'after_take', 'mid_scene')",
            name=op.f("ck_notes_given_timing_known"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["rehearsal_sessions.id"],
            name=op.f("fk_notes_given_session_id_rehearsal_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["take_id"], ["takes.id"], name=op.f("fk_notes_given_take_id_takes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes_given")),
    )
    with op.batch_alter_table("notes_given", schema=None) as batch_op:
        batch_op.create_index("ix_notes_given_category", ["category"], unique=False)
        batch_op.create_index("ix_notes_given_session_id", ["session_id"], unique=False)
        batch_op.create_index("ix_notes_given_take_id", ["take_id"], unique=False)

    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("take_id", sa.Integer(), nullable=True),
        sa.Column("note_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name=op.f("ck_ratings_score_range")),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["notes_given.id"],
            name=op.f("fk_ratings_note_id_notes_given"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["rehearsal_sessions.id"],
            name=op.f("fk_ratings_session_id_rehearsal_sessions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["take_id"], ["takes.id"], name=op.f("fk_ratings_take_id_takes"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
    )
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.create_index("ix_ratings_category", ["category"], unique=False)
        batch_op.create_index("ix_ratings_session_id", ["session_id"], unique=False)
        batch_op.create_index("ix_ratings_take_id", ["take_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        batch_op.drop_index("ix_ratings_take_id")
        batch_op.drop_index("ix_ratings_session_id")
        batch_op.drop_index("ix_ratings_category")

    op.drop_table("ratings")
    with op.batch_alter_table("notes_given", schema=None) as batch_op:
        batch_op.drop_index("ix_notes_given_take_id")
        batch_op.drop_index("ix_notes_given_session_id")
        batch_op.drop_index("ix_notes_given_category")

    op.drop_table("notes_given")
    with op.batch_alter_table("line_events", schema=None) as batch_op:
        batch_op.drop_index("ix_line_events_take_id")

    op.drop_table("line_events")
    op.drop_table("takes")
    op.drop_table("script_settings")
    with op.batch_alter_table("rehearsal_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_rehearsal_sessions_started_at")
        batch_op.drop_index("ix_rehearsal_sessions_script_started")
        batch_op.drop_index("ix_rehearsal_sessions_role_started")
        batch_op.drop_index("ix_rehearsal_sessions_mode_started")

    op.drop_table("rehearsal_sessions")
    op.drop_table("characters")
    op.drop_table("casting")
    op.drop_table("scripts")
