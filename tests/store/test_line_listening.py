"""What the listening heard on each line: stored, journaled and replayed, ranked, migrated."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from rehearsal.engine.commands import State
from rehearsal.engine.events import LineHeard
from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.paths import Paths, resources_dir
from rehearsal.script.loader import load_script, read_script_bytes
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.migrate import upgrade_database
from rehearsal.store.records import SessionDetail
from rehearsal.store.schema_version import HEAD
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import RecordingError, SessionRecorder
from rehearsal.store.startup import open_store
from rehearsal.store.stats_repo import line_stats, work_need
from rehearsal.store.take_journal import replay_journals
from rehearsal.store.take_log import StoreTakeRecorder
from tests.conftest import FakeClock

DEMO = resources_dir() / "scenes" / "demo-night-shift.fountain"


def _import(store: OpenedDatabase) -> tuple[int, str]:
    script = load_script(DEMO)
    return import_script(store.engine, script, DEMO, read_script_bytes(DEMO)), script.characters[0]


def _listened_take(engine: RehearsalEngine, clock: FakeClock) -> None:
    """A take in follow-my-words mode: every line heard, the first one prompted once."""
    engine.start()
    own = 0
    for _ in range(10_000):
        if engine.state is State.FINISHED:
            return
        if engine.state is State.WAITING:
            own += 1
            if own == 1:
                engine.ask_prompt()
            clock.advance(1.5)
            heard = LineHeard(
                complete=own != 2,
                accuracy=0.5 if own == 1 else 1.0,
                differing=("-tonight", "car>card") if own == 1 else (),
                pickup=0.25 * own,
            )
            engine.line_heard(heard)
        else:
            clock.advance(0.25)
            engine.tick()
    raise AssertionError("the take never finished")


def _record(store: OpenedDatabase, clock: FakeClock) -> tuple[StoreTakeRecorder, int]:
    script_id, role = _import(store)
    lines = build_lines(load_script(DEMO), role)
    log = StoreTakeRecorder(SessionRecorder(store.engine), script_id, role)
    settings = RehearsalSettings(speech=False, wait_mode=WaitMode.WORDS)
    engine = RehearsalEngine(lines, settings, clock=clock, recorder=log)
    _listened_take(engine, clock)
    return log, sum(1 for line in lines if line.own)


def _check(detail: SessionDetail | None, own: int) -> None:
    assert detail is not None
    take = detail.takes[0]
    assert len(take.lines) == own
    first, second = take.lines[0], take.lines[1]
    assert (first.accuracy, first.prompts, first.complete) == (0.5, 1, True)
    assert first.differing == ("-tonight", "car>card")
    assert first.pickup_s == pytest.approx(0.25)
    assert (second.complete, second.prompts, second.differing) == (False, 0, ())
    assert take.mean_pickup_s == pytest.approx(sum(0.25 * n for n in range(1, own + 1)) / own)
    assert take.mean_accuracy == pytest.approx((0.5 + (own - 1)) / own)


def test_each_line_keeps_what_was_heard(store: OpenedDatabase, clock: FakeClock) -> None:
    log, own = _record(store, clock)
    log.close()
    assert log.session_id is not None
    _check(HistoryRepository(store.engine).session_detail(log.session_id), own)


def test_the_journal_replays_what_was_heard(
    store: OpenedDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    log, own = _record(store, clock)
    log.wait_journaled()
    assert log.journal_path is not None
    left = tmp_path / "left-behind"
    left.mkdir()
    shutil.copy(log.journal_path, left / log.journal_path.name)  # as a crash would leave it
    log.close()
    other = open_store(Paths.under(tmp_path / "other").ensure())
    try:
        _import(other)
        assert replay_journals(other.engine, left) > own
        session_ids = HistoryRepository(other.engine).session_ids()
        _check(HistoryRepository(other.engine).session_detail(session_ids[0]), own)
    finally:
        other.close()


def test_a_line_without_listening_has_no_row_and_bad_values_are_refused(
    store: OpenedDatabase,
) -> None:
    script_id, role = _import(store)
    recorder = SessionRecorder(store.engine)
    session_id = recorder.start_session(script_id, role, "rehearse")
    take_id = recorder.start_take(session_id)
    recorder.record_line(take_id, 0, 1, cue_end_s=1.0, actor_done_s=2.0)
    with pytest.raises(RecordingError, match="accuracy must be between 0 and 1"):
        recorder.record_line(take_id, 0, 1, accuracy=1.5)
    with pytest.raises(RecordingError, match="prompts cannot be negative"):
        recorder.record_line(take_id, 0, 1, prompts=-1)
    assert store.path is not None
    connection = sqlite3.connect(store.path)
    try:
        assert connection.execute("SELECT count(*) FROM line_listening").fetchone() == (0,)
    finally:
        connection.close()


def test_lines_to_work_on_rank_accuracy_prompts_and_slow_pickup(store: OpenedDatabase) -> None:
    script_id, role = _import(store)
    recorder = SessionRecorder(store.engine)
    take_id = recorder.start_take(recorder.start_session(script_id, role, "rehearse"))
    recorder.record_line(take_id, 0, 1, accuracy=0.95, pickup_s=0.4)  # fine
    recorder.record_line(take_id, 0, 2, accuracy=0.6, pickup_s=0.5)  # words missing
    recorder.record_line(take_id, 0, 3, accuracy=1.0, pickup_s=2.4)  # slow on the cue
    recorder.record_line(take_id, 0, 4, accuracy=0.9, prompts=2)  # prompted twice
    recorder.record_line(take_id, 0, 5, cue_end_s=0.0, actor_done_s=1.0)  # key mode, fine
    stats = line_stats(store.engine, script_id, role=role)
    assert [s.element_index for s in stats.to_work_on] == [4, 3, 2, 1]
    slow = next(s for s in stats.to_work_on if s.element_index == 3)
    assert slow.mean_pickup_s == pytest.approx(2.4)
    assert slow.need == pytest.approx(1.4)
    assert stats.to_work_on[0].prompts == 2


def test_work_need_weighs_each_measure() -> None:
    assert work_need(0, 0, None, 0, None) == 0.0
    assert work_need(2, 0, 1.0, 0, 0.5) == 0.0
    assert work_need(2, 1, None, 0, None) == pytest.approx(0.5)
    assert work_need(1, 0, 0.25, 1, 9.0) == pytest.approx(0.75 + 1 + 2)


def test_a_0002_history_upgrades_past_0004_and_keeps_its_lines(paths: Paths) -> None:
    assert upgrade_database(paths.database, target="0002").to_revision == "0002"
    connection = sqlite3.connect(paths.database)
    try:
        connection.executescript(
            """
            INSERT INTO scripts (id, content_hash, title, format, snapshot, imported_at)
              VALUES (1, 'h', 'Night Shift', 'fountain',
                      '{"title": "Night Shift", "format": "fountain", "scenes": []}',
                      '2024-03-04 18:00:00.000000');
            INSERT INTO rehearsal_sessions (id, script_id, role, mode, started_at,
                last_event_at) VALUES (1, 1, 'NINA', 'rehearse', '2024-03-04 18:00:00.000000',
                '2024-03-04 18:00:00.000000');
            INSERT INTO takes (id, session_id, number, started_at)
              VALUES (1, 1, 1, '2024-03-04 18:00:00.000000');
            INSERT INTO line_events (id, take_id, scene_index, element_index, response_s,
                skipped, recorded_at) VALUES (1, 1, 0, 1, 0.8, 0, '2024-03-04 18:00:01.000000');
            """
        )
        connection.commit()
    finally:
        connection.close()
    result = upgrade_database(paths.database, backups_dir=paths.data / "b")
    assert (result.from_revision, result.to_revision) == ("0002", HEAD)
    opened = open_store(paths)
    try:
        detail = HistoryRepository(opened.engine).session_detail(1)
        assert detail is not None
        line = detail.takes[0].lines[0]
        assert (line.response_s, line.accuracy, line.pickup_s, line.prompts) == (0.8, None, None, 0)
        recorder = SessionRecorder(opened.engine)
        recorder.record_line(1, 0, 2, accuracy=0.5, pickup_s=0.3)
        detail = HistoryRepository(opened.engine).session_detail(1)
        assert detail is not None
        assert detail.takes[0].lines[1].accuracy == 0.5
    finally:
        opened.close()


def test_the_csv_export_carries_what_was_heard_per_session(
    store: OpenedDatabase, clock: FakeClock, tmp_path: Path
) -> None:
    import csv

    from rehearsal.store.export import CSV_COLUMNS, SUMMARY_COLUMNS, export_csv, read_csv

    log, own = _record(store, clock)
    log.close()
    repo = HistoryRepository(store.engine)
    path = tmp_path / "history.csv"
    assert export_csv(repo, path) == 1
    with path.open(encoding="utf-8", newline="") as stream:
        header, row = list(csv.reader(stream))
    assert tuple(header) == CSV_COLUMNS
    cell = dict(zip(header, row, strict=True))
    assert float(cell["mean_accuracy"]) == pytest.approx((0.5 + (own - 1)) / own)
    assert cell["prompts"] == "1"
    assert float(cell["mean_pickup_s"]) == pytest.approx(
        sum(0.25 * n for n in range(1, own + 1)) / own
    )
    # An export written before these columns existed still reads.
    older = tmp_path / "older.csv"
    with older.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(SUMMARY_COLUMNS)
        writer.writerow(row[: len(SUMMARY_COLUMNS)])
    assert read_csv(older) == read_csv(path)


def test_sessions_without_listening_leave_the_columns_blank(
    store: OpenedDatabase, tmp_path: Path
) -> None:
    import csv

    from rehearsal.store.export import export_csv

    script_id, role = _import(store)
    recorder = SessionRecorder(store.engine)
    recorder.start_session(script_id, role, "rehearse")
    path = tmp_path / "plain.csv"
    export_csv(HistoryRepository(store.engine), path)
    with path.open(encoding="utf-8", newline="") as stream:
        header, row = list(csv.reader(stream))
    cell = dict(zip(header, row, strict=True))
    assert (cell["mean_accuracy"], cell["prompts"], cell["mean_pickup_s"]) == ("", "", "")
