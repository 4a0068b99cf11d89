"""Every window and dialog of the app opened on the screen it runs on, checked for clipping.

Not collected by itself (its name does not start with ``test_``): ``test_window_fit.py``
runs it in a fresh process on a virtual 1280×720 screen, and again at 200 % scaling on a
2560×1440 one, because the screen's size and scale are fixed when Qt starts. It opens the
windows the way the app does (menus' slots, the same sizes), walks every tab, and fails
naming each widget cut off (see :mod:`tests.ui.fit`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.theme import apply_system_theme, forced_scheme
from tests.memory.helpers import KITCHEN
from tests.ui.fit import problems_of

pytestmark = pytest.mark.gui

SCREEN_ENV = "REHEARSAL_PROBE_SCREEN"
"""``WIDTHxHEIGHT@SCALE`` in logical pixels: the screen the probe expects to run on."""
NOTE = "Again, but you have just found out she has been lying to you the whole time"


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own look (Fusion, the palette, the style sheet), as ``launch`` sets it."""
    before, style, sheet = qapp.palette(), qapp.style().name(), qapp.styleSheet()
    apply_system_theme(qapp, forced_scheme())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(before)
    qapp.setStyleSheet(sheet)


@pytest.fixture
def window(
    qtbot: QtBot, paths: Paths, tmp_path: Path, themed: QApplication
) -> Iterator[MainWindow]:
    win = create_main_window(paths)
    win.prefs.check_in = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.history_window is not None:
        win.history_window.shutdown()
    auditions = win.prep.auditions_window
    if auditions is not None:
        auditions.shutdown()
        auditions.close()
    win.close()


class Checked:
    """The windows looked at and what was cut off in each."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.names: list[str] = []
        self.problems: list[str] = []

    def __call__(self, name: str, widget: QWidget | None) -> None:
        assert widget is not None, f"{name} did not open"
        if not widget.isVisible():
            widget.show()
        self.qtbot.waitExposed(widget)
        self.names.append(name)
        self.problems += [f"{name}: {problem}" for problem in problems_of(widget)]

    def assert_none(self) -> None:
        print("checked:", ", ".join(self.names))
        assert not self.problems, "cut off:\n" + "\n".join(self.problems)


def _dialog(window: MainWindow, opener: Callable[[], object], before: set[int]) -> QWidget:
    """The top-level window ``opener`` opened (the one that was not there before)."""
    opener()
    QApplication.processEvents()
    new = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and id(w) not in before and w is not window
    ]
    assert new, f"{opener} opened no window"
    return new[-1]


def _open(window: MainWindow, opener: Callable[[], object]) -> QWidget:
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    return _dialog(window, opener, before)


def test_the_screen_is_the_one_asked_for(qapp: QApplication) -> None:
    """The run is on the screen ``test_window_fit`` set up: its free size and its scale."""
    asked = os.environ.get(SCREEN_ENV, "")
    if not asked:
        pytest.skip(f"run by tests/ui/test_window_fit.py, which sets {SCREEN_ENV}")
    size, _, scale = asked.partition("@")
    screen = qapp.primaryScreen()
    geometry = screen.geometry()
    assert f"{geometry.width()}x{geometry.height()}" == size
    assert screen.devicePixelRatio() == float(scale or 1)


def test_every_window_fits(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    check = Checked(qtbot)
    check("home", window)

    sides = tmp_path / "kitchen.fountain"
    sides.write_text(KITCHEN, encoding="utf-8")
    with qtbot.waitSignal(window.script_loaded, timeout=10_000):
        window.open_file(sides)
    check("role dialog", window.role_dialog)
    assert window.role_dialog is not None
    with qtbot.waitSignal(window.memory.opened, timeout=10_000):
        window.role_dialog.accept()
    window.rehearsal.rating_panel.ask(1, NOTE)
    check("rehearsal screen", window)
    window.rehearsal.rating_panel.cancel()

    for name, opener in (
        ("settings", window.open_settings),
        ("voices", window.open_voices),
        ("shortcuts", window.show_shortcuts),
        ("welcome", lambda: window.maybe_show_welcome(force=True)),
        ("notes editor", window.drills.open_notes_editor),
        ("adjustment drill", lambda: window.drills.open_setup("adjustment")),
        ("cold read", lambda: window.drills.open_setup("cold_read")),
        ("cue drill", window.drills.open_cue_drill),
        ("today's lines", window.memory.open_today),
        ("off book by", window.memory.open_deadline),
    ):
        dialog = _open(window, opener)
        # What the dialog reads in the background (the auditions to learn for) is in
        # before it is looked at, as the actor would see it a moment later.
        qtbot.waitUntil(lambda: window.memory.runner.pending == 0, timeout=10_000)
        check(name, dialog)
        dialog.close()

    editor = window.fixup.open_editor()
    check("fix-up editor", editor)
    assert editor is not None
    check("merge", editor.merge())
    editor.table.selectRow(4)
    check("split", editor.split())

    window.open_history()
    check("history", window.history_window)
    auditions = window.prep.open_auditions()
    check("auditions", auditions)
    assert auditions is not None
    dossier = auditions.new_audition()
    check("dossier", dossier)
    assert dossier is not None
    check("follow-ups", auditions.show_followups())
    check("check-in", auditions.check_in(dossier.audition_id))
    check("thank-you template", dossier.follow_up.edit_template())

    check.assert_none()
    assert len(check.names) == 22
