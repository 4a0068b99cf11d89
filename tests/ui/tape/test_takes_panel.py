"""The takes panel over a real library on disk: listed, starred, played, deleted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rehearsal.tape.library import TakeInfo, TapeLibrary
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.tape.takes_model import COL_LENGTH, COL_SLATE, COL_STAR, COL_TAKE, TakesModel
from rehearsal.ui.tape.takes_panel import TakesPanel
from tests.ui.tape.media import recorded_take

pytestmark = pytest.mark.gui

NINA = TakeInfo("Night Shift", "Nina", "Night Shift", 4)
CAL = TakeInfo("Night Shift", "Cal", "Night Shift", None)


@pytest.fixture
def library(tmp_path: Path) -> TapeLibrary:
    return TapeLibrary(tmp_path / "data")


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[BackgroundRunner]:
    del qtbot
    runner = BackgroundRunner(name="test tapes")
    yield runner
    runner.shutdown()


@pytest.fixture
def answers() -> list[bool]:
    return []


@pytest.fixture
def asked() -> list[str]:
    """The questions the panel asked before deleting, in order."""
    return []


@pytest.fixture
def panel(
    qtbot: QtBot,
    tmp_path: Path,
    library: TapeLibrary,
    runner: BackgroundRunner,
    answers: list[bool],
    asked: list[str],
) -> Iterator[TakesPanel]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    def confirm(_parent: object, _title: str, question: str) -> bool:
        asked.append(question)
        return answers.pop(0) if answers else False

    widget = TakesPanel(library, runner, settings, confirm=confirm)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def _show(qtbot: QtBot, panel: TakesPanel, key: str | None) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.show_folder(key)


def test_takes_list_newest_first_with_length_slate_and_star(
    qtbot: QtBot, library: TapeLibrary, panel: TakesPanel, qtmodeltester: ModelTester
) -> None:
    first = recorded_take(library, NINA, 1.0)
    second = recorded_take(library, NINA, 2.0, slate_s=4.0)
    library.set_starred(first, True)
    recorded_take(library, CAL, 1.0)  # another folder
    _show(qtbot, panel, "audition-4")
    model = panel.model
    assert [t.number for t in model.takes()] == [second.number, first.number]
    assert model.data(model.index(0, COL_TAKE)) == "Take 2"
    assert model.data(model.index(0, COL_LENGTH)) == "00:02"
    assert model.data(model.index(0, COL_SLATE)) == "00:04"
    assert model.data(model.index(1, COL_SLATE)) == "—"
    assert model.data(
        model.index(
            1,
            COL_STAR,
        ),
        Qt.ItemDataRole.CheckStateRole,
    ) == (Qt.CheckState.Checked)
    qtmodeltester.check(model)
    _show(qtbot, panel, None)  # every folder: each take says what it was for
    titles = [model.data(model.index(r, COL_TAKE)) for r in range(model.rowCount())]
    assert titles[0] == "Night Shift (Cal) — Take 1"
    assert "Night Shift (Nina) — Take 2" in titles


def test_s_and_a_click_on_the_star_write_it_to_disk(
    qtbot: QtBot, library: TapeLibrary, panel: TakesPanel
) -> None:
    take = recorded_take(library, NINA)
    _show(qtbot, panel, "audition-4")
    panel.table.setFocus()
    panel.select(take)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        QTest.keyClick(panel.table, Qt.Key.Key_S)
    assert panel.model.takes()[0].starred
    assert library.takes("audition-4")[0].starred  # on disk, not only on screen
    star = panel.model.index(0, COL_STAR)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        panel.model.setData(star, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not library.takes("audition-4")[0].starred


def test_enter_plays_the_take(qtbot: QtBot, library: TapeLibrary, panel: TakesPanel) -> None:
    take = recorded_take(library, NINA, 1.0)
    _show(qtbot, panel, "audition-4")
    panel.table.setFocus()
    with qtbot.waitSignal(panel.take_chosen) as chosen:
        QTest.keyClick(panel.table, Qt.Key.Key_Return)
    assert chosen.args[0].number == take.number
    assert panel.player.path == take.path
    with qtbot.waitSignal(panel.player.ended, timeout=8000):
        pass


def test_delete_asks_and_deletes_only_when_told(
    qtbot: QtBot,
    library: TapeLibrary,
    panel: TakesPanel,
    answers: list[bool],
    asked: list[str],
) -> None:
    take = recorded_take(library, NINA, 1.0)
    _show(qtbot, panel, "audition-4")
    panel.select(take)
    panel.play_current()  # the player holds the file: deleting lets go of it first
    panel.table.setFocus()
    answers.append(False)
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert "Night Shift (Nina) — Take 1" in asked[0]
    assert take.path.exists()
    answers.append(True)
    with qtbot.waitSignal(panel.changed, timeout=5000):
        QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert not take.path.exists()
    assert panel.model.rowCount() == 0
    assert panel.empty.isVisible()
    assert "Ctrl+Shift+T" in panel.empty.text()  # where takes come from
    assert not panel.player.isVisible()
    assert panel.player.path is None


def test_a_new_take_goes_on_top_of_its_folder_only(
    qtbot: QtBot, library: TapeLibrary, panel: TakesPanel
) -> None:
    recorded_take(library, NINA)
    _show(qtbot, panel, "audition-4")
    newer = recorded_take(library, NINA)
    elsewhere = recorded_take(library, CAL)
    panel.add_take(elsewhere)
    assert panel.model.rowCount() == 1
    panel.add_take(newer)
    assert [t.number for t in panel.model.takes()] == [2, 1]
    assert panel.current_take() == newer


def test_a_take_whose_sidecar_was_lost_still_lists(
    qtbot: QtBot, library: TapeLibrary, panel: TakesPanel
) -> None:
    take = recorded_take(library, NINA, 1.0)
    (take.path.parent / f"take-{take.number:03d}.json").unlink()
    _show(qtbot, panel, "audition-4")
    assert panel.model.data(panel.model.index(0, COL_LENGTH)) == "00:01"


def test_a_damaged_sidecar_does_not_stop_the_list(
    qtbot: QtBot, library: TapeLibrary, panel: TakesPanel
) -> None:
    take = recorded_take(library, NINA, 1.0)
    recorded_take(library, NINA, 1.0)
    (take.path.parent / f"take-{take.number:03d}.json").write_text("{not json", "utf-8")
    _show(qtbot, panel, "audition-4")
    assert panel.model.rowCount() == 2


def test_compare_needs_two_and_shows_the_older_on_the_left(
    qtbot: QtBot, library: TapeLibrary, panel: TakesPanel
) -> None:
    first = recorded_take(library, NINA)
    second = recorded_take(library, NINA)
    _show(qtbot, panel, "audition-4")
    panel.select(first)
    assert panel.compare_selected() is None
    assert "two takes" in panel.message.text()
    panel.select(second, first)
    view = panel.compare_selected()
    assert view is not None
    assert [p.path for p in view.players] == [first.path, second.path]
    view.close()


def test_model_rows_follow_changes(qtmodeltester: ModelTester, library: TapeLibrary) -> None:
    take = recorded_take(library, NINA)
    model = TakesModel()
    model.set_takes([take])
    model.insert_take(recorded_take(library, NINA))
    model.remove_take(take)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_the_player_goes_under_the_list_in_a_narrow_column(qtbot: QtBot, tmp_path: Path) -> None:
    runner = BackgroundRunner(name="takes layout test")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    panel = TakesPanel(TapeLibrary(tmp_path), runner, settings)
    qtbot.addWidget(panel)
    try:
        panel.resize(420, 700)  # beside the camera
        panel.show()
        qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Vertical)
        panel.resize(1100, 600)  # its own window
        qtbot.waitUntil(lambda: panel.splitter.orientation() == Qt.Orientation.Horizontal)
    finally:
        panel.shutdown()
        runner.shutdown()
