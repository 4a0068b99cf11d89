"""History ▸ Lines Learnt: the lines of a part coloured by standing, retention, days ahead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fsrs import Rating
from PySide6.QtCharts import QAbstractBarSeries
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rehearsal.memory.book_store import open_book, save_reviewed
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.facade import Store
from rehearsal.store.memory_repo import MemoryRepository
from rehearsal.store.scripts_repo import import_script
from rehearsal.ui.history.history_window import HistoryWindow
from rehearsal.ui.history.memory_lines_model import (
    COL_DUE,
    COL_RECALL,
    COL_STATE,
    MemoryLinesModel,
    standing_colour,
)
from tests.memory.helpers import KITCHEN, fountain, mary

pytestmark = pytest.mark.gui


@pytest.fixture
def history(qtbot: QtBot, store: OpenedDatabase) -> Iterator[HistoryWindow]:
    window = HistoryWindow(Store(store))
    qtbot.addWidget(window)
    yield window
    window.shutdown()


def _learnt(store: OpenedDatabase) -> list[str]:
    """MARY's part with a line secure, one missed today and the rest not met."""
    script_id = import_script(store.engine, fountain(KITCHEN), None, KITCHEN.encode())
    repo = MemoryRepository(store.engine)
    opened = open_book(repo, script_id, "MARY", mary(), UTC)
    keys = opened.keys
    now = datetime.now(UTC)
    for days, rating in ((12, Rating.Good), (11, Rating.Easy), (2, Rating.Easy)):
        opened.book.review(keys[0], rating, now - timedelta(days=days))
    opened.book.review(keys[1], Rating.Again, now - timedelta(minutes=5))
    save_reviewed(repo, script_id, opened.book, keys)
    return keys


def test_the_part_is_listed_line_by_line_with_its_standing(
    qtbot: QtBot, store: OpenedDatabase, history: HistoryWindow, qtmodeltester: ModelTester
) -> None:
    _learnt(store)
    view = history.memory_view
    history.show()
    history.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.progress is not None, timeout=10_000)
    assert view.part_combo.currentText() == "Kitchen — MARY"
    assert view.headline.text().startswith("1 of 6 lines secure")
    model = view.model
    qtmodeltester.check(model)
    states = [model.index(row, COL_STATE).data() for row in range(model.rowCount())]
    assert states == [
        "secure",
        "missed",
        "not met yet",
        "not met yet",
        "not met yet",
        "not met yet",
    ]
    secure = model.index(0, COL_STATE)
    assert secure.data(0x0008) == standing_colour("secure")  # Qt.BackgroundRole
    assert model.index(1, COL_STATE).data(0x0008) == standing_colour("missed")
    assert model.index(0, COL_RECALL).data().endswith("%")
    assert model.index(0, COL_DUE).data() != ""
    assert model.index(2, COL_RECALL).data() == ""
    progress = view.progress
    assert progress is not None
    assert [day.runs for day in progress.retention] == [1, 1, 1, 1]
    assert progress.retention[-1].retention == 0.0, "today's run was missed"
    assert [count for _day, count in progress.due_by_day] == [1, 0, 0, 0, 0, 0, 0], (
        "the secure one rests"
    )
    series = view.due_view.chart().series()[0]
    assert isinstance(series, QAbstractBarSeries)
    assert series.barSets()[0].count() == 7


def test_no_part_yet_says_so(qtbot: QtBot, history: HistoryWindow) -> None:
    view = history.memory_view
    history.show()
    with qtbot.waitSignal(view.progressShown, timeout=10_000):
        history.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: history.runner.pending == 0, timeout=10_000)
    assert not view.empty.isHidden()
    assert view.model.rowCount() == 0


def test_an_empty_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(MemoryLinesModel())
