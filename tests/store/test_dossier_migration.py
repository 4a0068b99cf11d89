"""Revision 0002: a history written under 0001 gains the audition tables and keeps its data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rehearsal.paths import Paths
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.checkins_repo import CheckInRepository
from rehearsal.store.dossier_records import AuditionDetails, Relationship
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.migrate import list_backups, upgrade_database
from rehearsal.store.startup import open_store

DOSSIER_TABLES = {
    "auditions",
    "audition_research",
    "character_worksheets",
    "worksheet_relationships",
    "audition_wardrobe",
    "audition_scripts",
    "audition_sessions",
    "checkins",
}

# Written with plain SQL in the shape of revision 0001 (never of the current models).
ROWS_0001 = [
    """INSERT INTO scripts (id, content_hash, title, format, source_path, snapshot, imported_at)
       VALUES (7, 'h7', 'Night Shift', 'fountain', '/sides/night.fountain',
               '{"title": "Night Shift", "format": "fountain", "characters": ["CAL", "NINA"],
                 "scenes": []}', '2024-03-04 18:00:00.000000')""",
    "INSERT INTO characters (script_id, name, position, line_count) VALUES (7, 'CAL', 0, 3)",
    "INSERT INTO characters (script_id, name, position, line_count) VALUES (7, 'NINA', 1, 3)",
    """INSERT INTO rehearsal_sessions (id, script_id, role, mode, started_at, ended_at,
           last_event_at, take_count, line_count, skipped_count, response_total_s,
           response_count, rating_total, rating_count)
       VALUES (3, 7, 'NINA', 'rehearse', '2024-03-04 18:00:00.000000',
               '2024-03-04 18:20:00.000000', '2024-03-04 18:20:00.000000',
               2, 6, 1, 6.0, 5, 7, 2)""",
]


def _tables(database: Path) -> set[str]:
    connection = sqlite3.connect(database)
    try:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()


def test_a_0001_database_with_data_upgrades_to_0002(paths: Paths) -> None:
    assert upgrade_database(paths.database, target="0001").to_revision == "0001"
    assert not DOSSIER_TABLES & _tables(paths.database)
    connection = sqlite3.connect(paths.database)
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        for statement in ROWS_0001:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()

    result = upgrade_database(paths.database, target="0002", backups_dir=paths.data / "b")
    assert (result.from_revision, result.to_revision) == ("0001", "0002")
    assert result.backup is not None
    assert list_backups(paths.database, paths.data / "b") == [result.backup]
    assert _tables(paths.database) >= DOSSIER_TABLES

    opened = open_store(paths)
    try:
        summary = HistoryRepository(opened.engine).get_summary(3)
        assert summary is not None
        assert (summary.script_title, summary.take_count, summary.mean_rating) == (
            "Night Shift",
            2,
            3.5,
        )
        # The new tables work against the old rows: links, relationships, check-ins.
        auditions = AuditionsRepository(opened.engine)
        audition_id = auditions.create(AuditionDetails("Night Shift", role="NINA"))
        auditions.link_script(audition_id, 7)
        auditions.link_session(audition_id, 3)
        assert auditions.relationships(audition_id) == (Relationship("CAL"),)
        checkins = CheckInRepository(opened.engine)
        checkins.attach_session(checkins.record(4, 4, "Go"), 3)
        (point,) = checkins.chart_points()
        assert point.mean_rating == 3.5
        dossier = auditions.dossier(audition_id)
        assert dossier is not None
        assert [s.id for s in dossier.sessions] == [3]
    finally:
        opened.close()
