"""A launch on the home paints the home first; the rest waits for that frame.

The rehearsal screen, the history database, the rehearsal's modules and speech are not
needed to show the home, and each would delay it: they are built or loaded once the home is
on screen (or as soon as a script opens). These tests hold the launch to that with real
launches and real windows.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.ui.app import FirstFrame, build_main_window
from rehearsal.ui.main_window import MainWindow
from tests.ui.pages import current_page

pytestmark = pytest.mark.gui

REPO_ROOT = Path(__file__).resolve().parents[2]

NOT_BEFORE_THE_HOME = (
    "logging.handlers",
    "sqlalchemy",
    "alembic",
    "pypdfium2",
    "PySide6.QtMultimedia",
    "PySide6.QtCharts",
    "rehearsal.store.",
    "rehearsal.speech",
    "rehearsal.listen",
    "rehearsal.memory",
    "rehearsal.home",
    "rehearsal.dossier",
    "rehearsal.engine.session",
    "rehearsal.script.loader",
    "rehearsal.ui.import_worker",
    "rehearsal.ui.rehearsal_screen",
    "rehearsal.ui.rehearsal_controller",
    "rehearsal.ui.script_view",
    "rehearsal.ui.options_panel",
    "rehearsal.ui.focus_mode",
    "rehearsal.ui.rating_panel",
    "rehearsal.ui.countdown",
    "rehearsal.ui.listening",
    "rehearsal.ui.speech_support",
    "rehearsal.ui.role_dialog",
)
"""Modules the home's first frame must not wait for (prefixes)."""

AT_THE_FIRST_FRAME = textwrap.dedent(
    """
    import sys
    import threading
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
    from rehearsal.ui.app import FirstFrame, launch

    app = QApplication(sys.argv[:1])
    late = tuple(sys.argv[2:])
    window = None

    class AtFirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and window is not None:
                app.removeEventFilter(self)
                print("threads", [t.name for t in threading.enumerate()])
                print("screen built", window.built_rehearsal is not None)
                print("home shown", window.centralWidget().currentWidget() is window.home)
                print("loaded", sorted(m for m in sys.modules if m.startswith(late)))
            return False

    probe = AtFirstPaint()
    app.installEventFilter(probe)  # sees each paint before the widget does
    window = launch(data_dir=sys.argv[1])

    def ready():
        print("screen built once ready", window.built_rehearsal is not None)
        window.close()
        app.exit(0)

    window.services.ready.connect(ready)
    sys.exit(app.exec())
    """
)


def returning_actor(root: Path) -> Path:
    """A data folder past its first run: the launch opens on the home."""
    paths = Paths.under(root / "profile").ensure()
    (paths.data / "settings.ini").write_text("[first_run]\ndone=true\n", encoding="utf-8")
    return root / "profile"


def test_the_home_is_painted_before_anything_it_does_not_need(tmp_path: Path) -> None:
    """At the home's first frame: no module of the rehearsal, the history or speech is
    loaded, the rehearsal screen is not built and no thread has started. All of it comes
    after, without a script being opened."""
    data = returning_actor(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", AT_THE_FIRST_FRAME, str(data), *NOT_BEFORE_THE_HOME],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "threads ['MainThread']",
        "screen built False",
        "home shown True",
        "loaded []",
        "screen built once ready True",
    ]


def test_quit_after_load_on_the_home_reports_its_frame_then_its_content(tmp_path: Path) -> None:
    """The startup benchmark times the home from these marks: the frame, then what the
    history says painted on it, then the first rehearsal's modules and speech."""
    data = returning_actor(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "rehearsal", "--data-dir", str(data), "gui", "--quit-after-load"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr
    marks = {
        line.split()[1]: float(line.split()[2])
        for line in result.stdout.splitlines()
        if line.startswith("startup: ")
    }
    assert set(marks) == {"home-shown", "home-ready", "services-ready"}
    assert marks["home-shown"] < marks["home-ready"]
    assert marks["home-shown"] < marks["services-ready"]


LOGGED_AROUND_THE_FIRST_FRAME = textwrap.dedent(
    """
    import logging
    import sys
    from PySide6.QtWidgets import QApplication
    from rehearsal.ui.app import FirstFrame, launch

    window = launch(data_dir=sys.argv[1])
    app = QApplication.instance()
    log = logging.getLogger("rehearsal.probe")
    log.info("held before the first frame")

    def ready():
        log.info("written once the services are ready")
        window.close()
        app.exit(0)

    window.findChild(FirstFrame).painted.connect(lambda: log.info("the first frame is out"))
    window.services.ready.connect(ready)
    sys.exit(app.exec())
    """
)


def test_what_is_logged_before_the_first_frame_reaches_the_file_in_order(tmp_path: Path) -> None:
    """The log file is set up after the first frame; nothing logged before is lost."""
    root = returning_actor(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LOGGED_AROUND_THE_FIRST_FRAME, str(root)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "held before" not in result.stderr
    log = (Paths.under(root).logs / "rehearsal.log").read_text(encoding="utf-8")
    probe = [line.split(": ", 1)[1] for line in log.splitlines() if "rehearsal.probe" in line]
    assert probe == [
        "held before the first frame",
        "the first frame is out",
        "written once the services are ready",
    ]


@pytest.fixture
def window(qtbot: QtBot, paths: Paths) -> MainWindow:
    """A window as the launcher builds it: the home, no rehearsal screen yet."""
    win = build_main_window(paths)
    qtbot.addWidget(win)
    return win


def _texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") if not a.isSeparator() else "—" for a in menu.actions()]


def test_the_first_frame_is_announced_once(qtbot: QtBot, window: MainWindow) -> None:
    frame = FirstFrame(window)
    with qtbot.waitSignal(frame.painted, timeout=10_000):
        window.show()
    with qtbot.assertNotEmitted(frame.painted, wait=200):
        window.repaint()


def test_the_screen_built_later_fills_the_menus_as_at_once(
    qtbot: QtBot, window: MainWindow, paths: Paths
) -> None:
    """Built after the first frame, the screen's actions take the places they always had."""
    assert window.built_rehearsal is None
    assert window.navigation.action_home.icon().isNull()  # read with the screen's icons
    rehearse_before = _texts(window.rehearse_menu)
    window.prepare_rehearsal()
    assert not window.navigation.action_home.icon().isNull()
    screen = window.built_rehearsal
    assert screen is not None
    assert window.prepare_rehearsal() is screen  # built once
    runs = [a.text().replace("&", "") if a else "—" for a in screen.actions_for_menu()]
    assert _texts(window.rehearse_menu) == [*runs, *rehearse_before]
    view = _texts(window.navigation._view_menu)
    assert view[:4] == ["Home", "Options", "Focus Mode", "—"]
    assert view[4] == "Zoom In"
    eager = build_main_window(paths)  # built at once, through the property, same menus
    qtbot.addWidget(eager)
    assert eager.rehearsal is not None
    assert _texts(eager.rehearse_menu) == _texts(window.rehearse_menu)
    assert _texts(eager.navigation._view_menu) == view


def test_going_home_before_any_script_builds_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.show()
    window.navigation.show_home()
    window.navigation.show_rehearsal()  # no script: stays home
    assert window.built_rehearsal is None
    assert current_page(window) is window.home


def test_a_script_opened_from_the_home_builds_the_screen_and_shows_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    with qtbot.waitSignal(window.script_shown, timeout=10_000):
        window.open_demo()
    screen = window.built_rehearsal
    assert screen is not None
    assert current_page(window) is screen
    assert screen.view.script is not None
    assert screen.action_focus in window.navigation._view_menu.actions()
    bar = window.fixup.bar
    assert bar.parent() is screen, "the confidence bar sits on the rehearsal screen"


def test_the_shortcut_sheet_from_the_home_lists_the_run_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    from rehearsal.ui.shortcuts_dialog import ShortcutsDialog, menu_shortcuts

    window.show()
    window.show_shortcuts()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    keys = {action: keys for _menu, action, keys in menu_shortcuts(window.menuBar())}
    assert "Space" in keys["Done"]
    dialog.reject()


def test_the_home_reads_the_history_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, paths: Paths
) -> None:
    """What the home shows from the history is read by its background runner: the GUI
    thread only paints it."""
    import threading

    from rehearsal.store.facade import Store
    from rehearsal.store.startup import open_store

    readers: list[str] = []

    class WatchedStore(Store):
        """The real store, noting which thread asks for the home's two readings."""

        def script_activity(self, limit: int = 5) -> list[Any]:
            readers.append(threading.current_thread().name)
            return super().script_activity(limit)

        def session_spans(self, since: datetime) -> list[Any]:
            readers.append(threading.current_thread().name)
            return super().session_spans(since)

    window.show()
    with qtbot.waitSignal(window.home.digest_shown, timeout=10_000):
        window.services.attach_store(WatchedStore(open_store(paths)))
    assert readers, "the home did not read the history"
    assert threading.main_thread().name not in readers
