"""The store facade on a real temporary database: one object, records out, no SQLAlchemy."""

from __future__ import annotations

import inspect
import threading
from dataclasses import is_dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails, CheckInChartData
from rehearsal.store.export import read_csv, read_json
from rehearsal.store.facade import AuditionNotFoundError, Store, StoreError
from rehearsal.store.records import ChartData, ScriptInfo, SessionFilter, SessionMode
from tests.store.sample_data import History, StepClock, record_session, sample_script


@pytest.fixture
def facade(store: OpenedDatabase, wall_clock: StepClock) -> Store:
    return Store(store, now=wall_clock)


def _rehearsed(facade: Store, wall_clock: StepClock) -> tuple[int, History]:
    """A stored script with one drill session of two rated takes."""
    script_id = facade.import_script(sample_script(), "/sides/night.fountain", b"night")
    history = History(scripts={"Night Shift": script_id})
    record_session(
        facade.session_recorder(), wall_clock, history, script_id, "NINA", "drill", 2, score=4
    )
    return script_id, history


def test_scripts_come_back_as_records_and_a_reimport_finds_the_same_one(facade: Store) -> None:
    first = facade.import_script(sample_script(), "/sides/night.fountain", b"night")
    again = facade.import_script(sample_script(), "/elsewhere/night.fountain", b"night")
    other = facade.import_script(sample_script("Dawn"), "/sides/dawn.fountain", b"dawn")
    assert first == again != other
    info = facade.get_script(first)
    assert isinstance(info, ScriptInfo)
    assert info.title == "Night Shift"
    assert info.source_path == "/elsewhere/night.fountain"  # a moved file keeps its history
    assert [s.id for s in facade.list_scripts()] == [other, first]
    assert facade.get_script(other + 100) is None


def test_sessions_and_takes_are_listed_with_their_mode_as_an_enum(
    facade: Store, wall_clock: StepClock
) -> None:
    script_id, history = _rehearsed(facade, wall_clock)
    (summary,) = facade.history.list_sessions()
    assert summary.id == history.sessions[0]
    assert summary.script_id == script_id
    assert summary.mode is SessionMode.DRILL
    assert summary.take_count == 2
    assert facade.history.list_sessions(SessionFilter(mode=SessionMode.COLD_READ)) == []
    detail = facade.history.session_detail(summary.id)
    assert detail is not None
    assert [t.id for t in detail.takes] == history.takes
    assert facade.history.filter_choices().modes == (SessionMode.DRILL,)


def test_statistics_come_from_the_store_as_one_record_per_chart_set(
    facade: Store, wall_clock: StepClock
) -> None:
    script_id, _ = _rehearsed(facade, wall_clock)
    charts = facade.chart_data()
    assert isinstance(charts, ChartData)
    ((week),) = charts.weekly
    assert week.sessions == 1
    assert week.seconds > 0
    assert [(r.category, r.mean_score, r.count) for r in charts.ratings] == [("emotion", 4.0, 2)]
    assert [(p.script_id, p.lines) for p in charts.response] == [(script_id, 6)]
    assert facade.chart_data(SessionFilter(role="CAL")) == ChartData((), (), ())
    assert [(r.category, r.mean_score) for r in facade.rating_by_category()] == [("emotion", 4.0)]
    lines = facade.line_stats(script_id, role="NINA")
    assert {(s.scene_index, s.element_index) for s in lines.slowest} == {(0, 1), (0, 3), (1, 1)}


def test_check_ins_are_charted_against_the_session_that_followed(
    facade: Store, wall_clock: StepClock
) -> None:
    checkin_id = facade.checkins.record(5, 2, "Listen")
    _, history = _rehearsed(facade, wall_clock)
    facade.checkins.attach_session(checkin_id, history.sessions[0])
    data = facade.checkin_chart_data()
    assert isinstance(data, CheckInChartData)
    assert [(p.session_id, p.energy, p.focus, p.mean_rating) for p in data.points] == [
        (history.sessions[0], 5, 2, 4.0)
    ]
    assert {(lv.measure, lv.level) for lv in data.levels} == {("energy", 5), ("focus", 2)}
    assert facade.checkins.for_sessions(history.sessions)[history.sessions[0]].intention == (
        "Listen"
    )


def test_casting_and_voice_preferences_are_kept_per_script(facade: Store) -> None:
    script_id = facade.import_script(sample_script(), "/sides/night.fountain", b"night")
    facade.voices.set_casting(script_id, "CAL", {"voice_id": "en-gb", "rate": 150})
    assert facade.voices.get_casting(script_id) == {"CAL": {"voice_id": "en-gb", "rate": 150}}
    merged = facade.update_script_settings(script_id, {"last_role": "NINA"})
    assert merged["last_role"] == "NINA"
    assert facade.script_settings(script_id) == facade.voices.get_settings(script_id) == merged


def test_auditions_are_records_and_a_missing_one_raises_the_store_error(facade: Store) -> None:
    audition_id = facade.auditions.create(AuditionDetails(project_title="The Seagull", role="Nina"))
    (audition,) = facade.auditions.list_auditions()
    assert audition.id == audition_id
    assert audition.details.project_title == "The Seagull"
    with pytest.raises(AuditionNotFoundError) as raised:
        facade.auditions.save_details(audition_id + 1, AuditionDetails())
    assert isinstance(raised.value, StoreError)  # the UI catches one kind of error


def test_the_history_exports_and_reads_back_with_modes_intact(
    facade: Store, wall_clock: StepClock, tmp_path: Path
) -> None:
    _rehearsed(facade, wall_clock)
    assert facade.export_history("csv", tmp_path / "h.csv") == 1
    assert facade.export_history("json", tmp_path / "h.json") == 1
    (from_csv,) = read_csv(tmp_path / "h.csv")
    (from_json,) = read_json(tmp_path / "h.json")
    assert from_csv.mode is SessionMode.DRILL
    assert from_json.summary.mode is SessionMode.DRILL
    with pytest.raises(ValueError, match="xml"):
        facade.export_history("xml", tmp_path / "h.xml")


def test_nothing_the_facade_offers_is_sqlalchemy(facade: Store, wall_clock: StepClock) -> None:
    """The UI holds this object: no engine, session or ORM row may be reachable from it."""
    _rehearsed(facade, wall_clock)
    sections = [facade, facade.history, facade.auditions, facade.checkins, facade.voices]
    for section in sections:
        for name, value in vars(section).items():
            assert name.startswith("_") or not isinstance(value, Engine), name
        for name, member in inspect.getmembers(type(section), callable):
            if name.startswith("_"):
                continue
            annotations = " ".join(str(a) for a in inspect.get_annotations(member).values())
            assert "sqlalchemy" not in annotations.lower(), f"{type(section).__name__}.{name}"
            assert "Engine" not in annotations, name
    for record in [*facade.history.list_sessions(), *facade.list_scripts()]:
        assert is_dataclass(record)


def test_one_store_serves_several_threads(facade: Store, wall_clock: StepClock) -> None:
    """The GUI thread and the background seam share it: each call has its own session."""
    _rehearsed(facade, wall_clock)
    results: list[ChartData] = []
    errors: list[BaseException] = []

    def query() -> None:
        try:
            results.append(facade.chart_data())
        except BaseException as exc:  # pragma: no cover - shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=query) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert len(results) == 4
    assert all(r == results[0] for r in results)


def test_the_database_is_described_and_closed_through_the_facade(
    store: OpenedDatabase, paths: Paths
) -> None:
    facade = Store(store)
    assert facade.path == paths.database
    assert facade.notices == store.notices
    assert facade.read_only is False
    facade.close()
    facade.close()  # closing twice (the app and a test both tidying up) is harmless
