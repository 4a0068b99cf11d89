"""Revision 0005: the line memory tables come and go without touching the rest."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from alembic import command
from fsrs import Card, Rating, Scheduler

from rehearsal.paths import Paths
from rehearsal.store.database import create_store_engine
from rehearsal.store.memory_repo import MemoryRepository, StoredLine, StoredPart
from rehearsal.store.migrate import alembic_config, upgrade_database
from rehearsal.store.startup import open_store

MEMORY_TABLES = {"part_memory", "line_memory", "line_reviews"}
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)

# Written with plain SQL in the shape of revision 0002 (never of the current models).
ROWS_0002 = [
    """INSERT INTO scripts (id, content_hash, title, format, source_path, snapshot, imported_at)
       VALUES (7, 'h7', 'Night Shift', 'fountain', '/sides/night.fountain',
               '{"title": "Night Shift", "format": "fountain", "characters": ["NINA"],
                 "scenes": []}', '2024-03-04 18:00:00.000000')""",
    """INSERT INTO auditions (id, project_title, role, round, scheduled_at, created_at,
           updated_at)
       VALUES (2, 'Night Shift', 'NINA', 'callback', '2026-12-10 15:00:00.000000',
               '2026-12-01 10:00:00.000000', '2026-12-01 10:00:00.000000')""",
]


def _tables(database: Path) -> set[str]:
    connection = sqlite3.connect(database)
    try:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()


def _downgrade(database: Path, target: str) -> None:
    engine = create_store_engine(database, for_migrations=True)
    try:
        with engine.begin() as connection:
            command.downgrade(alembic_config(connection), target)
    finally:
        engine.dispose()


def _a_part() -> StoredPart:
    card = Card(card_id=1, due=MONDAY)
    card, _ = Scheduler(enable_fuzzing=False).review_card(card, Rating.Good, MONDAY)
    line = StoredLine(
        key="k1",
        text="the bus never came",
        cue="",
        position=0,
        card=dict(card.to_dict()),
        reviews=((MONDAY, 3),),
    )
    return StoredPart(script_id=7, role="NINA", off_book_by=date(2026, 12, 10), lines=(line,))


def test_0002_upgrades_to_0005_and_back(paths: Paths) -> None:
    upgrade_database(paths.database, target="0002")
    connection = sqlite3.connect(paths.database)
    try:
        for statement in ROWS_0002:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
    assert not MEMORY_TABLES & _tables(paths.database)

    result = upgrade_database(paths.database, target="0005", backups_dir=paths.data / "b")
    assert (result.from_revision, result.to_revision) == ("0002", "0005")
    assert _tables(paths.database) >= MEMORY_TABLES
    opened = open_store(paths)
    try:
        repo = MemoryRepository(opened.engine, now=lambda: MONDAY)
        repo.save_part(_a_part())
        repo.set_deadline(7, "NINA", None, audition_id=2)
        stored = repo.load_part(7, "NINA")
        assert stored is not None
        assert stored.audition is not None
        assert stored.audition.round == "callback"
        assert stored.lines[0].reviews == ((MONDAY, 3),)
        assert stored.lines[0].card == _a_part().lines[0].card
    finally:
        opened.close()

    _downgrade(paths.database, "0002")
    assert not MEMORY_TABLES & _tables(paths.database)
    connection = sqlite3.connect(paths.database)
    try:
        assert connection.execute("SELECT title FROM scripts").fetchall() == [("Night Shift",)]
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0002",)
        ]
    finally:
        connection.close()
    upgrade_database(paths.database, backups_dir=paths.data / "b")
    assert _tables(paths.database) >= MEMORY_TABLES


def test_deleting_the_script_forgets_its_memory_and_the_audition_only_unlinks(
    paths: Paths,
) -> None:
    upgrade_database(paths.database, target="0002")
    connection = sqlite3.connect(paths.database)
    try:
        for statement in ROWS_0002:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()
    opened = open_store(paths)
    try:
        repo = MemoryRepository(opened.engine, now=lambda: MONDAY + timedelta(hours=1))
        repo.save_part(_a_part())
        repo.set_deadline(7, "NINA", date(2026, 12, 9), audition_id=2)
        with opened.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM auditions WHERE id = 2")
        kept = repo.load_part(7, "NINA")
        assert kept is not None
        assert kept.audition is None
        assert kept.off_book_by == date(2026, 12, 9)
        with opened.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM scripts WHERE id = 7")
        assert repo.load_part(7, "NINA") is None
        with opened.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM line_reviews").scalar() == 0
    finally:
        opened.close()
