"""The strip above the history table: this week's sessions, time, rating and lines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.store.database import OpenedDatabase
from rehearsal.store.facade import Store
from rehearsal.ui.history.history_window import HistoryWindow
from rehearsal.ui.history.summary_strip import week_began
from tests.store.sample_data import History, open_populated

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[OpenedDatabase, History]]:
    opened, history = open_populated(tmp_path_factory.mktemp("summary"))
    yield opened, history
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, populated: tuple[OpenedDatabase, History]) -> Iterator[HistoryWindow]:
    window = HistoryWindow(Store(populated[0]))
    qtbot.addWidget(window)
    window.now = lambda: datetime(2024, 3, 15, 12, 0, tzinfo=UTC)  # the Friday of week two
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.runner.pending == 0, timeout=10_000)
    yield window
    window.shutdown()


def test_week_began_is_local_monday_midnight() -> None:
    plus_two = timezone(timedelta(hours=2))
    began = week_began(datetime(2024, 3, 17, 23, 0, tzinfo=UTC), plus_two)
    # Sunday 23:00 UTC is already Monday 01:00 at UTC+2: the new week has begun there.
    assert began == datetime(2024, 3, 18, 0, 0, tzinfo=plus_two)
    assert week_began(datetime(2024, 3, 15, 12, tzinfo=UTC), UTC) == datetime(
        2024, 3, 11, tzinfo=UTC
    )


def test_the_strip_shows_this_week_and_follows_the_filters(
    qtbot: QtBot, window: HistoryWindow, populated: tuple[OpenedDatabase, History]
) -> None:
    with qtbot.waitSignal(window.summaryUpdated, timeout=10_000):
        window.refresh()
    assert window.summary.isVisible()
    assert window.summary.texts() == {
        "sessions": "3",
        "rehearsed": "4 min",
        "average rating": "4.0 / 5",
        "lines to work on": "0",
    }
    dawn = populated[1].scripts["Dawn"]
    with qtbot.waitSignal(window.summaryUpdated, timeout=10_000):
        window.script_combo.setCurrentIndex(window.script_combo.findData(dawn))
    assert window.summary.texts()["sessions"] == "2"
    assert window.summary.texts()["average rating"] == "3.0 / 5"


def test_the_strip_counts_lines_skipped_this_week(qtbot: QtBot, window: HistoryWindow) -> None:
    window.now = lambda: datetime(2024, 3, 6, 12, 0, tzinfo=UTC)  # the first week
    with qtbot.waitSignal(window.summaryUpdated, timeout=10_000):
        window.refresh()
    texts = window.summary.texts()
    assert (texts["sessions"], texts["lines to work on"]) == ("2", "1")
    assert texts["average rating"] == "2.4 / 5"  # 3, 3, 2, 2, 2
