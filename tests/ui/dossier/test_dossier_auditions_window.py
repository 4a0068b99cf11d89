"""The auditions list: Qt's model checks, upcoming/past, search, sort, open, delete."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rehearsal.dossier.wardrobe_photos import import_photo
from rehearsal.paths import Paths
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails, AuditionRound, Wardrobe
from rehearsal.store.facade import Store
from rehearsal.ui.dossier.auditions_model import (
    AUDITION_ID_ROLE,
    COL_PROJECT,
    COL_THANK_YOU,
    COL_WHEN,
    COLUMN_COUNT,
    AuditionFilterProxy,
    AuditionTableModel,
    Scope,
)
from rehearsal.ui.dossier.auditions_window import AuditionsWindow
from tests.store.sample_data import START, StepClock
from tests.ui.dossier.support import write_png

pytestmark = pytest.mark.gui

MakeWindow = Callable[..., AuditionsWindow]
NOW = START + timedelta(days=10)


@pytest.fixture
def wall_clock() -> StepClock:
    return StepClock(NOW)


@pytest.fixture
def repo(store: OpenedDatabase, wall_clock: StepClock) -> AuditionsRepository:
    return AuditionsRepository(store.engine, now=wall_clock)


@pytest.fixture
def ids(repo: AuditionsRepository) -> dict[str, int]:
    """Two past auditions (one thanked), two upcoming, one undated."""
    made = {
        "old": repo.create(
            AuditionDetails("Harbour Lights", "Mae", scheduled_at=NOW - timedelta(days=30))
        ),
        "recent": repo.create(
            AuditionDetails(
                "Night Shift",
                "Nina",
                AuditionRound.CALLBACK,
                scheduled_at=NOW - timedelta(days=1),
                casting_director="Priya Shah",
            )
        ),
        "soon": repo.create(
            AuditionDetails(
                "Dawn Patrol",
                "Sgt Reyes",
                scheduled_at=NOW + timedelta(days=1),
                director="Tom Okafor",
            )
        ),
        "later": repo.create(
            AuditionDetails("Glass House", "Ivy", scheduled_at=NOW + timedelta(days=20))
        ),
        "undated": repo.create(AuditionDetails("Untitled pilot", "Lead")),
    }
    repo.mark_thank_you_sent(made["old"], NOW - timedelta(days=29))
    return made


@pytest.fixture
def make_window(
    qtbot: QtBot, store: OpenedDatabase, paths: Paths, wall_clock: StepClock
) -> Iterator[MakeWindow]:
    windows: list[AuditionsWindow] = []

    def make(**options: Any) -> AuditionsWindow:
        options.setdefault("autosave_ms", 30)
        window = AuditionsWindow(Store(store, now=wall_clock), paths, now=wall_clock, **options)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        return window

    yield make
    for window in windows:
        window.shutdown()


def _shown(window: AuditionsWindow) -> list[int]:
    proxy = window.proxy
    return [proxy.data(proxy.index(r, 0), AUDITION_ID_ROLE) for r in range(proxy.rowCount())]


def test_the_model_and_proxy_pass_qt_model_checks(
    qtmodeltester: ModelTester, repo: AuditionsRepository, ids: dict[str, int]
) -> None:
    model = AuditionTableModel()
    model.set_auditions(repo.list_auditions())
    assert model.rowCount() == 5
    assert model.columnCount() == COLUMN_COUNT
    assert model.rowCount(model.index(0, 0)) == 0
    qtmodeltester.check(model)
    proxy = AuditionFilterProxy(StepClock(NOW))
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert model.data(QModelIndex()) is None
    assert model.headerData(COL_PROJECT, Qt.Orientation.Horizontal) == "Project"


def test_upcoming_is_soonest_first_and_past_is_latest_first(
    make_window: MakeWindow, ids: dict[str, int]
) -> None:
    window = make_window()
    assert window.scope.currentText() == "Upcoming"
    assert _shown(window) == [ids["soon"], ids["later"], ids["undated"]]
    window.set_scope(Scope.PAST)
    assert _shown(window) == [ids["recent"], ids["old"]]
    window.set_scope(Scope.ALL)
    assert len(_shown(window)) == 5
    assert window.count_label.text() == "5"
    window.table.sortByColumn(COL_PROJECT, Qt.SortOrder.AscendingOrder)
    assert _shown(window) == [
        ids["soon"],
        ids["later"],
        ids["old"],
        ids["recent"],
        ids["undated"],
    ]
    thanked = window.proxy.index(2, COL_THANK_YOU).data()
    assert thanked.startswith("sent ")


def test_search_finds_people_places_and_titles(
    make_window: MakeWindow, ids: dict[str, int]
) -> None:
    window = make_window()
    window.set_scope(Scope.ALL)
    QTest.keyClicks(window.search, "priya")
    assert _shown(window) == [ids["recent"]]
    assert window.count_label.text() == "1 of 5"
    window.search.clear()
    QTest.keyClicks(window.search, "okafor dawn")
    assert _shown(window) == [ids["soon"]]
    window.search.clear()
    QTest.keyClicks(window.search, "nobody")
    assert _shown(window) == []
    window.search.clear()
    assert len(_shown(window)) == 5


def test_a_new_audition_opens_its_dossier_and_the_list_follows_its_edits(
    qtbot: QtBot, make_window: MakeWindow, repo: AuditionsRepository
) -> None:
    window = make_window()
    window.show()
    qtbot.waitUntil(window.empty_hint.isVisible)  # a first visit says what the window is for
    editor = window.new_audition()
    assert editor is not None
    qtbot.waitUntil(lambda: not window.empty_hint.isVisible())
    audition_id = editor.audition_id
    assert window.selected_audition() is not None
    with qtbot.waitSignal(editor.auditionChanged, timeout=5000):
        QTest.keyClicks(editor.details_tab.project, "Glasshouse")
    model = window.model
    row = model.row_of(audition_id)
    assert row is not None
    assert model.index(row, COL_PROJECT).data() == "Glasshouse"
    assert window.open_dossier(audition_id) is editor  # one window per audition
    stored = repo.get(audition_id)
    assert stored is not None
    assert stored.details.project_title == "Glasshouse"


def test_double_click_opens_the_dossier(
    qtbot: QtBot, make_window: MakeWindow, ids: dict[str, int]
) -> None:
    window = make_window()
    index = window.proxy.index(0, COL_WHEN)
    with qtbot.waitSignal(window.dossierOpened, timeout=5000) as blocker:
        window.table.doubleClicked.emit(index)
    assert blocker.args == [ids["soon"]]
    assert window.editors[ids["soon"]].details_tab.role.text() == "Sgt Reyes"


def test_deleting_asks_first_and_removes_the_photo(
    qtbot: QtBot,
    make_window: MakeWindow,
    repo: AuditionsRepository,
    paths: Paths,
    ids: dict[str, int],
    tmp_path: Path,
) -> None:
    stored = import_photo(paths, ids["soon"], write_png(tmp_path / "look.png"))
    repo.save_part(ids["soon"], Wardrobe(first_round_photo=stored))
    answers = iter([False, True])
    questions: list[str] = []

    def confirm(_parent: QWidget, _title: str, question: str) -> bool:
        questions.append(question)
        return next(answers)

    window = make_window(confirm=confirm)
    window.open_dossier(ids["soon"])
    assert window.select(ids["soon"])
    window.delete_button.click()
    assert repo.get(ids["soon"]) is not None
    with qtbot.waitSignal(window.auditionDeleted, timeout=5000):
        window.delete_button.click()
    assert "Dawn Patrol" in questions[0]
    assert repo.get(ids["soon"]) is None
    assert ids["soon"] not in window.editors
    assert not (paths.data / stored).exists()
    assert ids["soon"] not in _shown(window)


def test_the_follow_ups_button_counts_what_is_due_and_the_panel_clears_it(
    qtbot: QtBot, make_window: MakeWindow, repo: AuditionsRepository, ids: dict[str, int]
) -> None:
    window = make_window()
    assert window.followups_button.text() == "Follow-ups (1)"  # "recent"; "old" was thanked
    panel = window.show_followups()
    assert panel.due_count == 1
    assert panel.editor.audition is not None
    assert panel.editor.audition.id == ids["recent"]
    assert panel.editor.note.toPlainText().startswith("Dear Priya Shah,")
    with qtbot.waitSignal(panel.dueCountChanged, timeout=5000) as blocker:
        panel.editor.sent_button.click()
    assert blocker.args == [0]
    assert window.followups_button.text() == "Follow-ups"
    stored = repo.get(ids["recent"])
    assert stored is not None
    assert stored.follow_up.thank_you_sent
    assert panel.summary.text().startswith("Coming up: Dawn Patrol (Sgt Reyes, first read) ")


def test_check_in_before_an_audition(
    qtbot: QtBot, make_window: MakeWindow, store: OpenedDatabase, ids: dict[str, int]
) -> None:
    window = make_window()
    window.select(ids["soon"])
    window.checkin_button.click()
    dialog = window.checkin_dialog
    assert dialog is not None
    assert dialog.heading.text() == "Before Dawn Patrol: how are you arriving?"
    dialog.energy.button(4).click()
    dialog.focus.button(5).click()
    with qtbot.waitSignal(window.checkedIn, timeout=5000) as blocker:
        dialog.save_button.click()
    (checkin,) = Store(store).checkins.for_audition(ids["soon"])
    assert blocker.args == [checkin.id]
    assert (checkin.energy, checkin.focus) == (4, 5)
