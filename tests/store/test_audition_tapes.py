"""Revision 0006 and the exported self-tapes of an audition."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command

from rehearsal.paths import Paths
from rehearsal.store.auditions_repo import AuditionNotFoundError, AuditionsRepository
from rehearsal.store.database import OpenedDatabase, create_store_engine
from rehearsal.store.dossier_records import AuditionDetails
from rehearsal.store.migrate import alembic_config, upgrade_database
from rehearsal.store.startup import open_store
from tests.store.sample_data import StepClock


def _tables(database: Path) -> set[str]:
    connection = sqlite3.connect(database)
    try:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()


def test_tapes_are_listed_newest_first_and_go_with_their_audition(
    store: OpenedDatabase, wall_clock: StepClock
) -> None:
    repo = AuditionsRepository(store.engine, now=wall_clock)
    audition = repo.create(AuditionDetails(project_title="Night Shift", role="Nina"))
    other = repo.create(AuditionDetails(project_title="Other"))
    first = repo.record_tape(audition, 1, "/tapes/Ada_Nina_Night_Shift_Take1.mp4")
    wall_clock.advance(3600)
    second = repo.record_tape(audition, 2, "/tapes/Ada_Nina_Night_Shift_Take2.mp4")
    repo.record_tape(other, 1, "/tapes/other.mp4")
    assert second.exported_at - first.exported_at == timedelta(hours=1)
    assert repo.tapes(audition) == (second, first)
    dossier = repo.dossier(audition)
    assert dossier is not None
    assert dossier.tapes == (second, first)
    repo.delete(audition)
    assert repo.tapes(audition) == ()
    assert len(repo.tapes(other)) == 1


def test_a_tape_for_a_deleted_audition_says_so(store: OpenedDatabase) -> None:
    repo = AuditionsRepository(store.engine)
    gone = repo.create(AuditionDetails(project_title="Gone"))
    repo.delete(gone)
    with pytest.raises(AuditionNotFoundError, match="no longer exists"):
        repo.record_tape(gone, 1, "/tapes/x.mp4")


def test_0005_upgrades_to_0006_keeping_auditions_and_back(paths: Paths) -> None:
    upgrade_database(paths.database, target="0005")
    connection = sqlite3.connect(paths.database)
    try:
        connection.execute(
            """INSERT INTO auditions (id, project_title, role, round, created_at, updated_at)
               VALUES (4, 'Night Shift', 'Nina', 'self_tape', '2026-12-01 10:00:00.000000',
                       '2026-12-01 10:00:00.000000')"""
        )
        connection.commit()
    finally:
        connection.close()
    assert "audition_tapes" not in _tables(paths.database)
    result = upgrade_database(paths.database, target="0006", backups_dir=paths.data / "b")
    assert (result.from_revision, result.to_revision) == ("0005", "0006")
    opened = open_store(paths)
    try:
        repo = AuditionsRepository(opened.engine)
        repo.record_tape(4, 3, "/tapes/take3.mp4")
        assert [t.take_number for t in repo.tapes(4)] == [3]
    finally:
        opened.close()
    engine = create_store_engine(paths.database, for_migrations=True)
    try:
        with engine.begin() as connection_:
            command.downgrade(alembic_config(connection_), "0005")
    finally:
        engine.dispose()
    assert "audition_tapes" not in _tables(paths.database)
    assert "auditions" in _tables(paths.database)
