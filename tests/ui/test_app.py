"""Launching the app: the page first, then the history, the rehearsal's modules and speech.

The launcher shows the window and the script before the history database is open; these
tests drive that order with real parts (a temp database, the real import, the real speech
support) and check that nothing is lost or started twice on the way.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.ui.app import build_main_window
from rehearsal.ui.main_window import MainWindow
from tests.ui.pages import current_page

pytestmark = pytest.mark.gui

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: QtBot, paths: Paths) -> MainWindow:
    """A window as the launcher builds it: no history yet, no speech yet."""
    win = build_main_window(paths)
    qtbot.addWidget(win)
    win.show()
    return win


def _show_demo(qtbot: QtBot, window: MainWindow) -> str:
    """Open the demo and return a character of it, once the page is on screen."""
    with qtbot.waitSignal(window.script_shown, timeout=10_000) as blocker:
        window.open_demo()
    return str(blocker.args[0].characters[0])


def test_the_script_shows_before_the_history_opens(qtbot: QtBot, window: MainWindow) -> None:
    _show_demo(qtbot, window)
    assert current_page(window) is window.rehearsal
    assert window.store is None
    assert not window.action_history.isEnabled()
    assert not window.prep.action_auditions.isEnabled()
    with qtbot.waitSignal(window.script_loaded, timeout=20_000):
        window.services.start()
    assert window.store is not None
    assert window._script_id is not None, "the script on screen was not remembered in the history"
    assert window.action_history.isEnabled()
    assert window.prep.action_auditions.isEnabled()
    with closing(sqlite3.connect(window.paths.database)) as db:
        assert db.execute("SELECT count(*) FROM scripts").fetchone() == (1,)


def test_services_start_once_and_speech_comes_last(qtbot: QtBot, window: MainWindow) -> None:
    _show_demo(qtbot, window)
    with qtbot.waitSignal(window.services.ready, timeout=30_000):
        window.services.start()
        window.services.start()  # the launcher may ask twice; one start counts
    assert window.store is not None
    assert window.services.speech_started, "the speech support did not start"
    assert "rehearsal.ui.rehearsal_controller" in sys.modules


def test_a_role_chosen_before_the_history_opens_starts_once_it_has(
    qtbot: QtBot, window: MainWindow
) -> None:
    role = _show_demo(qtbot, window)
    window.choose_role(role)
    assert window.controller is None, "the take log would have no stored script to belong to"
    assert window.statusBar().currentMessage() == "Opening your history…"
    window.services.start()
    qtbot.waitUntil(lambda: window.controller is not None, timeout=20_000)
    assert window.controller is not None
    assert window.controller.role == role
    assert window._take_log is not None, "the rehearsal started without its history"


def test_without_a_history_the_rehearsal_still_starts(qtbot: QtBot, window: MainWindow) -> None:
    window.paths.database.mkdir()  # the database cannot be opened
    role = _show_demo(qtbot, window)
    window.choose_role(role)
    with qtbot.waitSignal(window.script_loaded, timeout=20_000):
        window.services.start()
    assert window.store is None
    assert window.services.store_error is not None
    assert "folder" in window.services.store_error
    assert window.controller is not None
    assert window.controller.role == role
    assert window._take_log is None


def test_a_second_file_opened_while_the_first_is_saved_replaces_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _show_demo(qtbot, window)  # the history is not open: the demo's import waits to save it
    other = tmp_path / "other.fountain"
    other.write_text("INT. ROOF - DAY\n\nANNA\nUp here.\n\nBEN\nWhy?\n", encoding="utf-8")
    with qtbot.waitSignal(window.script_shown, timeout=10_000) as shown:
        window.open_file(other)
    assert shown.args[1] == str(other)
    with qtbot.waitSignal(window.script_loaded, timeout=20_000) as loaded:
        window.services.start()
    assert loaded.args[1] == str(other)
    assert window._script_id is not None
    qtbot.waitUntil(lambda: not window.imports.saving, timeout=10_000)
    with closing(sqlite3.connect(window.paths.database)) as db:
        assert db.execute("SELECT count(*) FROM scripts").fetchone() == (2,)


def test_when_the_replacing_file_fails_the_script_on_screen_is_still_saved(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    role = _show_demo(qtbot, window)
    broken = tmp_path / "broken.fdx"
    broken.write_text("<FinalDraft><Content><Paragraph>", encoding="utf-8")
    with qtbot.waitSignal(window.import_failed, timeout=10_000):
        window.open_file(broken)
    window.choose_role(role)
    with qtbot.waitSignal(window.script_loaded, timeout=20_000) as loaded:
        window.services.start()
    assert loaded.args[1] == str(window._script_path)
    assert window._script_id is not None
    qtbot.waitUntil(lambda: window.controller is not None, timeout=10_000)
    assert window._take_log is not None, "the takes of the script on screen would be lost"


def test_closing_while_the_script_waits_for_the_history_starts_nothing_after(
    qtbot: QtBot, window: MainWindow
) -> None:
    _show_demo(qtbot, window)
    window.close()  # the demo's import is waiting for a history that never opened
    window.services.start()  # what a late "import settled" would do
    assert window.services.store is None
    assert not window.services.speech_started
    assert window.services.pending_store.resolved is False
    from rehearsal.ui.store_opener import open_store_or_explain

    late, _ = open_store_or_explain(window.paths)
    assert late is not None
    window.services.attach_store(late)  # an opener that finished after the close
    assert window.services.store is None, "a store that opens after the close is not used"
    assert window.services.pending_store.resolved


def _run(*args: str, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, cwd=cwd
    )


def test_quit_after_load_reports_the_page_then_the_history(tmp_path: Path) -> None:
    """The smoke test and the startup benchmark both rely on these marks and exit codes."""
    data = tmp_path / "data"
    result = _run("-m", "rehearsal", "--data-dir", str(data), "gui", "--demo", "--quit-after-load")
    assert result.returncode == 0, result.stderr
    marks = {
        line.split()[1]: float(line.split()[2])
        for line in result.stdout.splitlines()
        if line.startswith("startup: ")
    }
    assert set(marks) == {"scene-shown", "history-ready", "services-ready"}
    assert marks["scene-shown"] <= marks["history-ready"]
    assert marks["scene-shown"] <= marks["services-ready"]
    with closing(sqlite3.connect(Paths.under(data).database)) as db:
        assert db.execute("SELECT count(*) FROM scripts").fetchone() == (1,)


def test_the_window_loads_without_the_heavy_modules(tmp_path: Path) -> None:
    """What the first view needs must not pull in the store, PDF, charts or speech."""
    code = (
        "import sys\n"
        "import rehearsal.cli, rehearsal.ui.app\n"
        "heavy = ('sqlalchemy', 'alembic', 'pypdfium2', 'PySide6.QtMultimedia',\n"
        "         'PySide6.QtCharts', 'pyttsx3', 'rehearsal.engine.session',\n"
        "         'rehearsal.speech.worker', 'rehearsal.ui.rehearsal_controller')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = _run("-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_closing_the_window_leaves_the_history_in_its_one_file(qtbot: QtBot, paths: Paths) -> None:
    """A backup is a copy of the data folder; after a close no write waits in the WAL."""
    from rehearsal.ui.app import create_main_window

    window = create_main_window(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.script_loaded, timeout=10_000) as loaded:
        window.open_demo()
    window.choose_role(loaded.args[0].characters[0])
    assert window._take_log is not None
    window.close()
    wal = paths.database.with_name(paths.database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with closing(sqlite3.connect(paths.database)) as db:
        assert db.execute("SELECT count(*) FROM scripts").fetchone() == (1,)


def test_reminders_wait_for_the_dialog_the_actor_is_answering(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from rehearsal.ui.app import when_no_dialog_is_open

    shown: list[str] = []
    dialog = QDialog(window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    qtbot.waitUntil(dialog.isVisible)
    when_no_dialog_is_open(lambda: shown.append("reminders"))
    assert shown == []
    dialog.accept()
    qtbot.waitUntil(lambda: shown == ["reminders"], timeout=5_000)
    when_no_dialog_is_open(lambda: shown.append("again"))
    assert shown == ["reminders", "again"]


def _wait_for_log(process: subprocess.Popen[str], log: Path, text: str) -> None:
    """Until the app writes ``text`` to its log (it is another process: there is no signal
    to wait on, so the file is read every tenth of a second, for three minutes at most: a
    busy two-core machine has been seen to need more than one to start the speech worker)."""
    deadline = time.monotonic() + 180
    while text not in (log.read_text(encoding="utf-8") if log.exists() else ""):
        assert process.poll() is None, process.communicate()[1]
        assert time.monotonic() < deadline, f"no {text!r} in the log"
        time.sleep(0.1)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_closes_the_app_the_normal_way_and_quietly(
    tmp_path: Path, signum: signal.Signals
) -> None:
    """`kill` or Ctrl+C close the window as Quit does: state saved, speech stopped, exit 0,
    and Qt's chatter (multimedia plugins, the platform) goes to the log, not the terminal."""
    data = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k != "QT_LOGGING_RULES"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    process = subprocess.Popen(
        [sys.executable, "-m", "rehearsal", "--data-dir", str(data), "gui", "--demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO_ROOT,
    )
    log = Paths.under(data).logs / "rehearsal.log"
    try:
        _wait_for_log(process, log, "services ready")
        process.send_signal(signum)
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert err == ""
    text = log.read_text(encoding="utf-8")
    assert "closing on signal" in text
    assert " qt." in text or " qt:" in text  # Qt's own messages are kept, in the log
    settings = (Paths.under(data).data / "settings.ini").read_text(encoding="utf-8")
    assert "geometry" in settings  # the window closed the normal way and saved its state
