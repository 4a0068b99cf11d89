"""Migrations: no drift from the models, old databases upgrade with their data, backups kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase, create_store_engine
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.migrate import (
    MigrationError,
    backup_database,
    current_revision,
    head_revision,
    list_backups,
    main,
    schema_drift,
    script_directory,
    upgrade_database,
)
from rehearsal.store.scripts_repo import get_casting, get_settings, load_snapshot
from rehearsal.store.startup import open_store
from tests.store.sample_data import StepClock

MIGRATIONS = Path(__file__).resolve().parents[2] / "rehearsal" / "store" / "migrations"

# Rows written with plain SQL against the FIRST revision's schema: they must survive every
# later migration. Keep this in the shape of 0001, never of the current models.
FIRST_REVISION_ROWS = [
    """INSERT INTO scripts (id, content_hash, title, format, source_path, snapshot, imported_at)
       VALUES (1, 'abc', 'Night Shift', 'fountain', '/sides/night.fountain',
               '{"title": "Night Shift", "format": "fountain", "characters": ["NINA"],
                 "scenes": [{"heading": "INT. DINER", "number": null, "elements": [
                   {"type": "dialogue", "character": "NINA", "extension": null, "dual": false,
                    "content": [{"type": "speech", "text": "The bus never came."}]}]}]}',
               '2024-03-04 18:00:00.000000')""",
    "INSERT INTO characters (script_id, name, position, line_count) VALUES (1, 'NINA', 0, 1)",
    """INSERT INTO rehearsal_sessions (id, script_id, role, mode, started_at, ended_at,
           last_event_at, take_count, line_count, skipped_count, response_total_s,
           response_count, rating_total, rating_count)
       VALUES (1, 1, 'NINA', 'rehearse', '2024-03-04 18:00:00.000000',
               '2024-03-04 18:10:00.000000', '2024-03-04 18:10:00.000000',
               1, 1, 0, 1.5, 1, 4, 1)""",
    """INSERT INTO takes (id, session_id, number, started_at, ended_at)
       VALUES (1, 1, 1, '2024-03-04 18:01:00.000000', '2024-03-04 18:05:00.000000')""",
    """INSERT INTO line_events (take_id, scene_index, element_index, cue_end_s, actor_done_s,
           response_s, skipped, recorded_at)
       VALUES (1, 0, 0, 2.0, 3.5, 1.5, 0, '2024-03-04 18:02:00.000000')""",
    """INSERT INTO notes_given (id, session_id, take_id, note_key, text, category, timing,
           given_at)
       VALUES (1, 1, 1, 'e1', 'Angrier.', 'emotion', 'before_take',
               '2024-03-04 18:01:00.000000')""",
    """INSERT INTO ratings (session_id, take_id, note_id, category, score, comment, rated_at)
       VALUES (1, 1, 1, 'emotion', 4, 'good', '2024-03-04 18:06:00.000000')""",
    "INSERT INTO casting (script_id, character, voice) VALUES (1, 'CAL', '{\"rate\": 170}')",
    """INSERT INTO script_settings (script_id, data, updated_at)
       VALUES (1, '{"last_role": "NINA"}', '2024-03-04 18:00:00.000000')""",
]


def _write_first_revision_data(database: Path) -> None:
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for statement in FIRST_REVISION_ROWS:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _assert_first_revision_data_readable(paths: Paths) -> None:
    opened = open_store(paths)
    try:
        repo = HistoryRepository(opened.engine)
        detail = repo.session_detail(1)
        assert detail is not None
        assert detail.summary.script_title == "Night Shift"
        assert detail.summary.mean_response_s == 1.5
        assert detail.summary.mean_rating == 4.0
        assert detail.summary.duration_s == pytest.approx(600.0, abs=0.01)
        (take,) = detail.takes
        (line,) = take.lines
        assert line.text == "The bus never came."
        assert [n.text for n in detail.notes] == ["Angrier."]
        assert [(r.score, r.comment) for r in detail.ratings] == [(4, "good")]
        assert get_casting(opened.engine, 1) == {"CAL": {"rate": 170}}
        assert get_settings(opened.engine, 1) == {"last_role": "NINA"}
        snapshot = load_snapshot(opened.engine, 1)
        assert snapshot is not None
        assert snapshot.characters == ["NINA"]
    finally:
        opened.close()


def test_models_and_migrations_do_not_drift(tmp_path: Path) -> None:
    database = tmp_path / "head.sqlite3"
    upgrade_database(database)
    engine = create_store_engine(database)
    try:
        with engine.connect() as connection:
            assert schema_drift(connection) == []
            assert current_revision(connection) == head_revision()
    finally:
        engine.dispose()


def test_drift_is_detected(tmp_path: Path) -> None:
    """The drift check itself must be able to fail: drop an index and it notices."""
    database = tmp_path / "head.sqlite3"
    upgrade_database(database)
    engine = create_store_engine(database)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP INDEX ix_rehearsal_sessions_role_started")
        with engine.connect() as connection:
            drift = schema_drift(connection)
    finally:
        engine.dispose()
    assert [d[0] for d in drift] == ["add_index"]  # type: ignore[index]


def test_the_check_command_passes() -> None:
    assert main(["check"]) == 0


def test_a_database_from_the_first_revision_upgrades_with_its_data(paths: Paths) -> None:
    first = script_directory().get_base()
    assert first is not None
    result = upgrade_database(paths.database, target=first)
    assert result.to_revision == first
    _write_first_revision_data(paths.database)
    outcome = upgrade_database(paths.database)
    assert outcome.to_revision == head_revision()
    if outcome.changed:
        assert outcome.backup is not None
        assert outcome.backup.exists()
    _assert_first_revision_data_readable(paths)


def _migrations_with(tmp_path: Path, revision_body: str) -> Path:
    """A copy of the real migrations plus one more revision after head."""
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (location / "versions" / "9999_test.py").write_text(
        f'''"""A later revision, for testing upgrades."""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
{revision_body}


def downgrade() -> None:
    pass
''',
        encoding="utf-8",
    )
    return location


def test_a_table_rebuild_keeps_children_and_backs_up_first(
    paths: Paths, tmp_path: Path, wall_clock: StepClock
) -> None:
    upgrade_database(paths.database)
    _write_first_revision_data(paths.database)
    location = _migrations_with(
        tmp_path,
        """    with op.batch_alter_table("rehearsal_sessions", recreate="always") as batch:
        batch.add_column(sa.Column("energy", sa.Integer(), nullable=True))
    with op.batch_alter_table("scripts", recreate="always") as batch:
        batch.add_column(sa.Column("notes", sa.Text(), nullable=True))""",
    )
    result = upgrade_database(paths.database, script_location=location, now=wall_clock)
    assert (result.from_revision, result.to_revision) == (head_revision(), "9999")
    assert result.backup is not None
    connection = sqlite3.connect(paths.database)
    try:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("scripts", "rehearsal_sessions", "takes", "line_events", "ratings")
        }
        assert counts == dict.fromkeys(counts, 1)  # nothing cascaded away during the rebuild
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    backup = sqlite3.connect(result.backup)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        assert backup.execute("SELECT count(*) FROM line_events").fetchone() == (1,)
    finally:
        backup.close()


def test_a_failing_migration_leaves_the_database_as_it_was(paths: Paths, tmp_path: Path) -> None:
    upgrade_database(paths.database)
    _write_first_revision_data(paths.database)
    location = _migrations_with(
        tmp_path,
        """    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("DELETE FROM line_events")
    raise RuntimeError("disk on fire")""",
    )
    with pytest.raises(MigrationError, match="disk on fire") as caught:
        upgrade_database(paths.database, script_location=location)
    assert "left unchanged" in str(caught.value)
    connection = sqlite3.connect(paths.database)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        assert "half_done" not in tables  # DDL rolled back too
        assert connection.execute("SELECT count(*) FROM line_events").fetchone() == (1,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
    finally:
        connection.close()
    _assert_first_revision_data_readable(paths)


def test_an_up_to_date_database_is_left_alone(paths: Paths) -> None:
    open_store(paths).close()
    result = upgrade_database(paths.database)
    assert not result.changed
    assert result.backup is None
    assert not (paths.data / "backups").exists()  # a new database is never backed up


def test_only_the_last_three_backups_are_kept(paths: Paths, wall_clock: StepClock) -> None:
    open_store(paths).close()
    backups = paths.data / "backups"
    made = []
    for _ in range(5):
        wall_clock.advance(60)
        made.append(backup_database(paths.database, backups, "from-0001", now=wall_clock))
    assert list_backups(paths.database, backups) == made[-3:]
    assert not made[0].exists()
    check = sqlite3.connect(made[-1])
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()


def test_a_database_from_a_newer_version_is_refused_clearly(paths: Paths) -> None:
    upgrade_database(paths.database)
    connection = sqlite3.connect(paths.database)
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.close()
    with pytest.raises(MigrationError, match="newer version of Rehearsal"):
        open_store(paths)


def test_the_startup_fast_path_knows_the_newest_revision(store: OpenedDatabase) -> None:
    from rehearsal.store.migrate import head_revision
    from rehearsal.store.schema_version import HEAD, is_current

    assert head_revision() == HEAD
    assert is_current(store.path)
