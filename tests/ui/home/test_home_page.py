"""The home page in the real window: painted first, filled in from the history, keys."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.paths import Paths
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.dossier_records import AuditionDetails, AuditionRound
from rehearsal.ui.app import build_main_window, create_main_window
from rehearsal.ui.main_window import MainWindow
from tests.store.sample_data import open_populated
from tests.ui.pages import current_page

pytestmark = pytest.mark.gui

NOW = datetime(2024, 3, 15, 20, 0, tzinfo=UTC)  # the Friday after the sample history
SCENES = Path(__file__).resolve().parents[3] / "resources" / "scenes"


@pytest.fixture
def history_paths(tmp_path: Path) -> Paths:
    """A data folder whose history holds the sample sessions and one callback ahead."""
    root = tmp_path / "app"
    opened, history = open_populated(root)
    repo = AuditionsRepository(opened.engine)
    callback = repo.create(
        AuditionDetails(
            project_title="Night Shift",
            role="Nina",
            round=AuditionRound.CALLBACK,
            scheduled_at=NOW + timedelta(days=2, hours=-9, minutes=-30),  # Sunday 10:30
        )
    )
    repo.link_script(callback, history.scripts["Night Shift"])
    opened.close()
    return Paths.under(root)


@pytest.fixture
def window(qtbot: QtBot, history_paths: Paths) -> Iterator[MainWindow]:
    win = build_main_window(history_paths)
    win.home.now = lambda: NOW
    win.home.tz = UTC
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def attach(qtbot: QtBot, window: MainWindow) -> None:
    """Open the history as the launcher does once the window is up; wait for the home."""
    from rehearsal.ui.store_opener import open_store_or_explain

    with qtbot.waitSignal(window.home.digest_shown, timeout=10_000):
        window.services.attach_store(*open_store_or_explain(window.paths))


def test_the_home_paints_first_with_the_recent_files(
    qtbot: QtBot, paths: Paths, tmp_path: Path
) -> None:
    settings = QSettings(str(paths.data / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recent/files", [str(tmp_path / "kitchen.fountain")])
    settings.sync()
    window = build_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    assert current_page(window) is window.home
    assert [r.accessibleName() for r in window.home.recent_rows()] == ["kitchen.fountain"]
    assert "kitchen.fountain" in window.home.step_text.text()
    assert not window.home.history_button.isEnabled()  # the history is not open yet
    with qtbot.waitSignal(window.home.file_requested) as asked:
        QTest.keyClick(window.home, Qt.Key.Key_Return)  # the suggested step
    assert asked.args == [str(tmp_path / "kitchen.fountain")]
    window.close()


def test_the_home_fills_in_from_the_history(qtbot: QtBot, window: MainWindow) -> None:
    home = window.home
    assert home.digest is None
    attach(qtbot, window)
    assert home.history_button.isEnabled()
    coming = [(r.accessibleName(), r.accessibleDescription()) for r in home.coming_rows()]
    assert coming[0] == ("Night Shift — callback (Nina)", "Sunday 10:30 — 2 days to go")
    assert [r.accessibleName() for r in home.recent_rows()] == ["Dawn", "Night Shift"]
    assert "NINA · yesterday" in home.recent_rows()[0].accessibleDescription()
    assert home.week_figure.text() == "4 min"
    assert home.week_detail.text() == "4 min in 3 sessions this week · 5 min last week"
    assert home.step_text.text() == "Run Night Shift for the callback"
    with qtbot.waitSignal(home.file_requested) as asked:
        QTest.mouseClick(home.step_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["/sides/night.fountain"]
    with qtbot.waitSignal(home.audition_requested) as dossier:
        QTest.mouseClick(home.coming_rows()[0], Qt.MouseButton.LeftButton)
    assert dossier.args == [1]


def test_an_audition_added_in_another_window_shows_when_the_home_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    home = window.home
    attach(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = [r.accessibleName() for r in home.coming_rows()]
    auditions = QWidget()  # the auditions window, where the actor adds one
    qtbot.addWidget(auditions)
    auditions.show()
    auditions.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    assert window.store is not None
    window.store.auditions.create(
        AuditionDetails(
            project_title="Harbour Lights",
            role="Mae",
            round=AuditionRound.SELF_TAPE,
            self_tape_deadline=NOW + timedelta(days=1),
        )
    )
    with qtbot.waitSignal(home.digest_shown, timeout=10_000):
        window.activateWindow()
    after = [r.accessibleName() for r in home.coming_rows()]
    assert len(after) == len(before) + 1
    assert any("Harbour Lights" in name for name in after), after


def test_every_row_is_one_key_away(qtbot: QtBot, window: MainWindow) -> None:
    attach(qtbot, window)
    home = window.home
    home.setFocus()
    with qtbot.waitSignal(home.file_requested) as second:
        QTest.keyClick(home, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert second.args == ["/sides/night.fountain"]
    home.coming_rows()[0].setFocus()
    with qtbot.waitSignal(home.audition_requested):
        QTest.keyClick(home.coming_rows()[0], Qt.Key.Key_Return)  # the row with focus
    assert "Ctrl+1" in home.recent_rows()[0].text()


def test_view_home_and_back_while_a_script_is_open(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_file(SCENES / "demo-night-shift.fountain")
    window.role_dialog.reject() if window.role_dialog is not None else None
    window.start_rehearsal("NINA")
    screen = window.rehearsal
    assert screen.action_start.isEnabled()
    window.navigation.action_home.trigger()
    assert current_page(window) is window.home
    assert not screen.action_start.isEnabled()  # Ctrl+Return cannot start a hidden take
    assert not screen.action_done.isEnabled()
    assert window.home.back_button.isVisible()
    QTest.keyClick(window.home, Qt.Key.Key_Escape)
    assert current_page(window) is screen
    assert screen.action_start.isEnabled()
    assert window.controller is not None
    assert window.controller.engine.state is State.IDLE
    window.close()


def test_the_first_view_does_not_load_the_home_digest(qtbot: QtBot, paths: Paths) -> None:
    """The home's wording and queries load with the history, not with the window."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import rehearsal.ui.app\n"
        "print(sorted(m for m in sys.modules if m.startswith(('rehearsal.home', "
        "'rehearsal.store.stats_repo', 'rehearsal.ui.history'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_home_says_where_each_part_being_learnt_stands(qtbot: QtBot, store: object) -> None:
    """A part with a line memory gets its sentence on the home, read off the GUI thread."""
    from datetime import UTC, timedelta

    from fsrs import Rating

    from rehearsal.memory.book_store import open_book, save_reviewed
    from rehearsal.store.database import OpenedDatabase
    from rehearsal.store.facade import Store
    from rehearsal.store.memory_repo import MemoryRepository
    from rehearsal.store.scripts_repo import import_script
    from rehearsal.ui.home.home_page import HomePage
    from tests.memory.helpers import KITCHEN, MONDAY, fountain, mary

    assert isinstance(store, OpenedDatabase)
    script_id = import_script(store.engine, fountain(KITCHEN), None, KITCHEN.encode())
    repo = MemoryRepository(store.engine, now=lambda: MONDAY)
    opened = open_book(repo, script_id, "MARY", mary(), UTC)
    for key in opened.keys:
        opened.book.review(key, Rating.Good, MONDAY, UTC)
    save_reviewed(repo, script_id, opened.book, opened.keys)

    home = HomePage()
    qtbot.addWidget(home)
    home.now = lambda: MONDAY + timedelta(hours=1)
    home.show()
    assert not home.lines_card.isVisible()
    home.attach_store(Store(store))
    qtbot.waitUntil(home.lines_card.isVisible, timeout=10_000)
    texts = [w.text() for w in home.lines_card.findChildren(QLabel) if w.isVisible()]
    assert any(f"of {len(mary())} lines secure" in text for text in texts), texts
    assert any(text.startswith("<b>Kitchen · MARY</b><br>") for text in texts), texts
    home.shutdown()
