"""The sessions table model: Qt's model checks, SQL sorting and filtering, lazy paging."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rehearsal.store.database import OpenedDatabase
from rehearsal.store.facade import Store
from rehearsal.store.records import SessionFilter
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.ui.history.table_model import (
    COL_DURATION,
    COL_MODE,
    COL_RATING,
    COL_RESPONSE,
    COL_ROLE,
    COL_SCRIPT,
    COL_SKIPPED,
    COL_STARTED,
    COLUMN_COUNT,
    RAW_VALUE_ROLE,
    SESSION_ID_ROLE,
    SessionTableModel,
    duration_text,
)
from tests.store.sample_data import History, open_populated

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpenedDatabase, History]]:
    opened, history = open_populated(tmp_path_factory.mktemp("history"))
    yield opened, history
    opened.close()


@pytest.fixture
def repo(populated: tuple[OpenedDatabase, History]) -> Store:
    return Store(populated[0])


@pytest.fixture
def history(populated: tuple[OpenedDatabase, History]) -> History:
    return populated[1]


def _column(model: SessionTableModel, column: int, role: int = RAW_VALUE_ROLE) -> list[object]:
    return [model.data(model.index(row, column), role) for row in range(model.rowCount())]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_passes_qt_model_checks(qtmodeltester: ModelTester, repo: Store, force_py: bool) -> None:
    model = SessionTableModel(repo, page_size=2)
    qtmodeltester.check(model, force_py=force_py)
    # Resets and lazily fetched pages are announced correctly while the tester watches.
    model.sort(COL_SCRIPT, Qt.SortOrder.AscendingOrder)
    model.set_filter(SessionFilter(role="NINA"))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 4


def test_shows_the_sessions_newest_first(repo: Store, history: History) -> None:
    model = SessionTableModel(repo)
    assert model.columnCount() == COLUMN_COUNT
    assert model.rowCount() == 5
    assert _column(model, 0, SESSION_ID_ROLE) == history.sessions[::-1]
    newest = model.index(0, 0)
    assert model.data(model.index(0, COL_SCRIPT)) == "Dawn"
    assert model.data(model.index(0, COL_MODE)) == "Drill"
    assert model.data(model.index(0, COL_DURATION)) == "1m 40s"
    assert model.data(model.index(1, COL_RESPONSE)) == "0.5 s"
    assert model.data(model.index(1, COL_RATING)) == "5.0"
    assert model.data(model.index(0, COL_RATING)) == ""  # no ratings in that session
    assert model.data(newest, Qt.ItemDataRole.ToolTipRole) is not None  # never ended
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) is None
    started = model.data(newest, RAW_VALUE_ROLE)
    assert started.tzinfo is UTC
    assert model.data(newest) == started.astimezone().strftime("%Y-%m-%d %H:%M")
    assert model.headerData(COL_SKIPPED, Qt.Orientation.Horizontal) == "Skipped"
    assert model.data(model.index(5, 0)) is None


def test_sorting_requeries_in_the_chosen_order(repo: Store) -> None:
    model = SessionTableModel(repo)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.sort(COL_ROLE, Qt.SortOrder.AscendingOrder)
    assert _column(model, COL_ROLE) == ["CAL", "NINA", "NINA", "NINA", "NINA"]
    model.sort(COL_DURATION, Qt.SortOrder.DescendingOrder)
    durations = [float(str(value)) for value in _column(model, COL_DURATION)]
    assert durations == sorted(durations, reverse=True)
    assert len(resets) == 2
    model.sort(COL_DURATION, Qt.SortOrder.DescendingOrder)  # unchanged: no new query
    assert len(resets) == 2
    model.sort(COL_STARTED, Qt.SortOrder.AscendingOrder)
    started = [value for value in _column(model, COL_STARTED) if isinstance(value, datetime)]
    assert len(started) == 5
    assert started == sorted(started)


def test_filtering_resets_and_counts(repo: Store, history: History, qtbot: QtBot) -> None:
    model = SessionTableModel(repo)
    with qtbot.waitSignal(model.totalChanged) as total:
        model.set_filter(SessionFilter(script_id=history.scripts["Dawn"]))
    assert total.args == [2]
    assert model.total == 2
    assert set(_column(model, COL_SCRIPT)) == {"Dawn"}
    model.set_filter(SessionFilter())
    assert model.rowCount() == 5


def test_rows_arrive_a_page_at_a_time(repo: Store, history: History) -> None:
    model = SessionTableModel(repo, page_size=2)
    assert (model.rowCount(), model.total) == (2, 5)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 4
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
    assert not model.canFetchMore(QModelIndex())
    assert _column(model, 0, SESSION_ID_ROLE) == history.sessions[::-1]
    assert model.row_of(history.sessions[0]) == 4
    assert model.session_at(4) is not None
    assert model.session_at(5) is None


def test_reload_sees_new_sessions(tmp_path: Path) -> None:
    opened, history = open_populated(tmp_path)
    try:
        model = SessionTableModel(Store(opened))
        new = SessionRecorder(opened.engine).start_session(
            history.scripts["Dawn"], "NINA", "cold_read"
        )
        assert model.rowCount() == 5
        model.reload()
        assert model.rowCount() == 6
        assert model.data(model.index(0, 0), SESSION_ID_ROLE) == new
        assert model.data(model.index(0, COL_MODE)) == "Cold read"
    finally:
        opened.close()


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0s"), (45.4, "45s"), (750, "12m 30s"), (3720, "1h 02m")]
)
def test_durations_read_like_the_command_line(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text
