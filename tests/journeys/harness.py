"""Drive the real app as an actor does: launched as ``rehearsal gui``, used through menus,
shortcuts, key presses and the file dialog, closed and started again on the same profile.

A :class:`Journey` starts the application with :func:`rehearsal.ui.app.launch` on a data
folder of its own and watches everything an actor would notice going wrong:

- an error or warning box (a ``QMessageBox`` with the Critical or Warning icon) — closed
  at once so the run can report instead of hanging;
- a log record at ERROR or above, on the ``rehearsal`` logger or the root logger;
- a Python exception reaching ``sys.excepthook`` (Qt hands exceptions in slots to it).

Any of these fails the journey at its next step (or at its end). A step that expects one
says so with :meth:`Journey.expect_error_report`.

Observing the app's state (the engine's state, the current dialog) is fine; acting on it
is done only with what a user has: ``QAction``s reached through the menu bar by their
texts, key presses to the focused widget, typing. The fake clock (``window.clock``) only
makes time pass faster.

With ``REHEARSAL_SCREENSHOTS=DIR`` set, :meth:`Journey.shot` saves the screens a journey
passes through as ``DIR/NAME.png``; ``packaging/screenshots.py`` runs the journeys that
way to regenerate the README's pictures.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.ui.app import launch
from rehearsal.ui.error_report import current_reporter
from rehearsal.ui.main_window import MainWindow
from tests.conftest import FakeClock

if TYPE_CHECKING:  # the app loads the engine itself, after its first frame
    from rehearsal.engine.session import RehearsalEngine

SCREENSHOTS_ENV = "REHEARSAL_SCREENSHOTS"
REPO_ROOT = Path(__file__).resolve().parents[2]
SCENES = REPO_ROOT / "resources" / "scenes"
ERROR_ICONS = (QMessageBox.Icon.Critical, QMessageBox.Icon.Warning)
STEP_TIMEOUT = 15_000  # ms: a step an actor waits on; generous for a loaded 2-core machine

W = TypeVar("W", bound=QWidget)


def plain(text: str) -> str:
    """A menu or button text as the actor reads it: no ``&`` mnemonics."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def left_line(engine: RehearsalEngine, line: int) -> Callable[[], bool]:
    """A condition that holds once the engine no longer waits on ``line``.

    After Space ends the actor's line the partner comes in; a journey waits for that. A
    function of its own so each turn of a loop waits on the line it pressed Space on.
    """
    return lambda: engine.index != line or engine.state is not State.WAITING


@dataclass
class Watch:
    """What went wrong so far; ``expecting`` counts error reports a step asked for."""

    problems: list[str] = field(default_factory=list)
    expecting: int = 0
    expected_seen: list[str] = field(default_factory=list)
    reported: int = 0  # problems already raised by a step

    def unreported(self) -> list[str]:
        return self.problems[self.reported :]


class _LogWatch(logging.Handler):
    """Records every log record at ERROR or above (once, whichever logger it reached)."""

    def __init__(self, watch: Watch) -> None:
        super().__init__(logging.ERROR)
        self.watch = watch
        self._seen: set[int] = set()

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) in self._seen:
            return
        self._seen.add(id(record))
        text = f"log {record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            text += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
        if self.watch.expecting and record.getMessage() == "unexpected error":
            self.watch.expected_seen.append(text)
        else:
            self.watch.problems.append(text)


class _BoxWatch(QObject):
    """An application event filter that sees every message box as it is shown."""

    def __init__(self, watch: Watch) -> None:
        super().__init__()
        self.watch = watch

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QMessageBox)
            and watched.icon() in ERROR_ICONS
        ):
            text = f"error box {watched.windowTitle()!r}: {watched.text()}"
            if self.watch.expecting and watched.objectName() == "error_report_box":
                self.watch.expected_seen.append(text)
            else:
                self.watch.problems.append(text)
                box = watched
                QTimer.singleShot(0, box.reject)  # never let it block the run
        return False


class Journey:
    """One actor, one profile, as many launches of the app as the journey needs."""

    def __init__(self, qtbot: QtBot, profile: Path, screenshots: Path | None = None) -> None:
        self.qtbot = qtbot
        self.profile = profile
        self.screenshots = screenshots
        self.clock = FakeClock()
        self.watch = Watch()
        self.window: MainWindow | None = None
        self.launches = 0
        self._log_watch = _LogWatch(self.watch)
        self._box_watch = _BoxWatch(self.watch)
        self._hooks = (sys.excepthook, threading.excepthook)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        # Qt's own file dialog, never the desktop's: the one a test can type into.
        app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        app.installEventFilter(self._box_watch)
        logging.getLogger().addHandler(self._log_watch)
        logging.getLogger("rehearsal").addHandler(self._log_watch)

    # -- starting and stopping --------------------------------------------------------------
    def launch(self, file: Path | None = None, demo: bool = False) -> MainWindow:
        """Start the app on this journey's profile, as ``rehearsal --data-dir P gui`` does."""
        assert self.window is None, "the previous launch is still running"
        window = launch(str(file) if file else None, demo, str(self.profile))
        self.launches += 1
        reporter = current_reporter()
        assert reporter is not None, "the launch did not install the error report"
        app_hook = sys.excepthook

        def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
            text = f"exception {kind.__name__}: {value}"
            if self.watch.expecting:
                self.watch.expected_seen.append(text)
            else:
                self.watch.problems.append(text)
            app_hook(kind, value, tb)

        sys.excepthook = hook
        window.clock = self.clock
        self.window = window
        self.qtbot.waitExposed(window)
        window.activateWindow()
        return window

    @property
    def win(self) -> MainWindow:
        assert self.window is not None, "the app is not running"
        return self.window

    def quit(self) -> None:
        """File ▸ Quit, then let Qt delete what the app left for deletion."""
        window = self.win
        self.close_popups()
        self.menu("File", "Quit")
        self.qtbot.waitUntil(lambda: not window.isVisible(), timeout=STEP_TIMEOUT)
        self.window = None
        window.deleteLater()
        self.flush()
        self.check()

    def flush(self) -> None:
        """Run the deletions and queued events a closed window left behind."""
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()

    def close_popups(self) -> None:
        """Close top-level windows other than the main one, as an actor would before quitting."""
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget is not self.window and isinstance(widget, QDialog):
                widget.reject()

    def teardown(self) -> None:
        """Close whatever is still open and put the process back as it was."""
        if self.window is not None:
            self.close_popups()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
        self.flush()
        reporter = current_reporter()
        if reporter is not None:
            self.app.removeEventFilter(reporter)
            reporter.setObjectName("")
            reporter.deleteLater()
        self.app.removeEventFilter(self._box_watch)
        logging.getLogger().removeHandler(self._log_watch)
        logging.getLogger("rehearsal").removeHandler(self._log_watch)
        sys.excepthook, threading.excepthook = self._hooks
        self.app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)

    # -- failing on what an actor would see --------------------------------------------------
    def check(self) -> None:
        """Fail with everything that went wrong since the last check."""
        problems = self.watch.unreported()
        if problems:
            self.watch.reported = len(self.watch.problems)
            raise AssertionError("the journey hit:\n  " + "\n  ".join(problems))

    @contextmanager
    def expect_error_report(self) -> Iterator[list[str]]:
        """Within the block, one unexpected-error report is part of the journey."""
        self.watch.expecting += 1
        seen = self.watch.expected_seen
        start = len(seen)
        try:
            yield seen
            self.wait(lambda: len(seen) > start, "the error report")
        finally:
            self.watch.expecting -= 1

    def wait(
        self,
        condition: Callable[[], object],
        what: str | Callable[[], str],
        timeout: int = STEP_TIMEOUT,
    ) -> None:
        """Wait for ``condition`` while watching for problems (failing on the first)."""

        def ready() -> bool:
            return bool(self.watch.unreported()) or bool(condition())

        try:
            self.qtbot.waitUntil(ready, timeout=timeout)
        except TimeoutError:
            self.check()
            described = what if isinstance(what, str) else what()
            raise AssertionError(f"waited {timeout} ms for {described}") from None
        self.check()

    # -- what a user can do ------------------------------------------------------------------
    def find_action(self, *path: str, window: QWidget | None = None) -> QAction:
        """The menu item at ``path`` (menu texts as shown, without ``&``) of the menu bar."""
        main = window or self.win
        assert hasattr(main, "menuBar")
        actions = main.menuBar().actions()
        action: QAction | None = None
        for name in path:
            action = next((a for a in actions if plain(a.text()).rstrip("…") == name), None)
            names = [plain(a.text()) for a in actions if not a.isSeparator()]
            assert action is not None, f"no menu item {name!r} in {names}"
            submenu = action.menu()
            actions = submenu.actions() if isinstance(submenu, QMenu) else []
        assert action is not None
        return action

    def menu(self, *path: str) -> None:
        """Choose a menu item, as a click on it does (it must be there and enabled)."""
        action = self.find_action(*path)
        for name in path[:-1]:
            parent = self.find_action(name)
            assert parent.isEnabled(), f"the {name} menu is disabled"
        assert action.isEnabled(), f"{' ▸ '.join(path)} is disabled"
        action.trigger()
        self.check()

    def focus(self) -> QWidget:
        """Where a key press goes: the focused widget of the active window.

        Like a window manager, it gives the activation back to the window on top when a
        dialog closed (the offscreen platform leaves no window active then).
        """
        if QApplication.activeWindow() is None:
            top = QApplication.activeModalWidget() or self.win
            self._activate(top)
        widget = QApplication.focusWidget()
        return widget or QApplication.activeWindow() or self.win

    def _activate(self, widget: QWidget) -> None:
        """Make ``widget``'s window the active one, as the actor's click on it would."""
        window = widget.window()
        if QApplication.activeWindow() is not window:
            window.activateWindow()
            self.wait(lambda: QApplication.activeWindow() is window, "the window to activate")

    def key(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        widget: QWidget | None = None,
    ) -> None:
        """Press and release one key (in ``widget``, or where the focus is)."""
        if widget is not None:
            self._activate(widget)
        QTest.keyClick(widget or self.focus(), key, modifier)
        self.check()

    def shortcut(self, sequence: str) -> None:
        """Press a key combination such as ``Ctrl+H`` where the focus is."""
        combo = QKeySequence(sequence)[0]  # type: ignore[index]  # the stubs lack __getitem__
        QTest.keyClick(self.focus(), combo.key(), combo.keyboardModifiers())
        self.check()

    def type_text(self, text: str, widget: QWidget | None = None) -> None:
        """Type ``text`` into the focused widget."""
        QTest.keyClicks(widget or self.focus(), text)
        self.check()

    def click(self, button: QAbstractButton) -> None:
        """Click a button with the mouse (it must be visible and enabled)."""
        assert button.isVisible(), f"{button.text()!r} is not on screen"
        assert button.isEnabled(), f"{button.text()!r} is disabled"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.check()

    def click_tab(self, tabs: QTabWidget, text: str) -> None:
        """Click the tab labelled ``text``."""
        bar = tabs.tabBar()
        index = next(i for i in range(bar.count()) if plain(bar.tabText(i)) == text)
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        self.wait(lambda: tabs.currentIndex() == index, f"the {text} tab")

    def button(self, parent: QWidget, text: str) -> QAbstractButton:
        """The visible button labelled ``text`` in ``parent``."""
        for candidate in parent.findChildren(QAbstractButton):
            if plain(candidate.text()) == text and candidate.isVisible():
                return candidate
        labels = [plain(b.text()) for b in parent.findChildren(QAbstractButton)]
        raise AssertionError(f"no button {text!r} in {labels}")

    def dialog(self, kind: type[W], what: str = "", timeout: int = STEP_TIMEOUT) -> W:
        """Wait until a window of ``kind`` is the one the actor is looking at."""
        found: list[W] = []

        def present() -> bool:
            for widget in (QApplication.activeModalWidget(), QApplication.activeWindow()):
                if isinstance(widget, kind) and widget.isVisible():
                    found.append(widget)
                    return True
            return False

        self.wait(present, what or "a window", timeout)
        return found[-1]

    def gone(self, widget: QWidget, what: str) -> None:
        """Wait until ``widget`` is no longer on screen."""

        def hidden() -> bool:
            try:
                return not widget.isVisible()
            except RuntimeError:  # deleted on close
                return True

        self.wait(hidden, what)

    @contextmanager
    def file_dialog(self, path: Path) -> Iterator[None]:
        """Answer the next file dialog by typing ``path`` into its name box and pressing Enter.

        The dialogs of the app run their own event loop (``getOpenFileName``), so the answer
        is typed from a timer while the action that opened the dialog is still running.
        """
        answered: list[QFileDialog] = []
        typed: list[QFileDialog] = []

        def answer() -> None:
            dialogs = [
                widget
                for widget in QApplication.topLevelWidgets()
                if isinstance(widget, QFileDialog) and widget.isVisible()
            ]
            if not dialogs:
                if typed:  # the dialog took the answer and closed
                    answered.append(typed[0])
                    timer.stop()
                return
            dialog = dialogs[0]
            box = dialog.findChild(QLineEdit, "fileNameEdit")
            assert isinstance(box, QLineEdit), "not Qt's own file dialog"
            if not typed:
                if not box.hasFocus():  # the actor clicks into the name box first
                    dialog.activateWindow()
                    box.setFocus()
                    return
                QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
                QTest.keyClicks(box, str(path))
                typed.append(dialog)
            else:  # Enter once the dialog has looked the typed name up
                QTest.keyClick(box, Qt.Key.Key_Return)

        timer = QTimer()
        timer.setInterval(50)
        timer.timeout.connect(answer)
        timer.start()
        try:
            yield
            self.wait(lambda: bool(answered), "the file dialog")
        finally:
            timer.stop()

    # -- rehearsing ---------------------------------------------------------------------------
    def welcome_to_demo(self) -> None:
        """Read the welcome (the demo opens behind it meanwhile), then "Try the demo scene"."""
        from rehearsal.ui.first_run import FirstRunDialog

        welcome = self.dialog(FirstRunDialog, "the welcome")
        window = self.win
        self.wait(lambda: window.windowTitle().startswith("Night Shift"), "the demo behind")
        self.key(Qt.Key.Key_Return, widget=welcome)  # the default button

    def choose_role(self, name: str, shot: str | None = None) -> None:
        """In the role window: arrow down to ``name`` and press Enter (``shot``: save it)."""
        from rehearsal.ui.role_dialog import RoleDialog

        dialog = self.dialog(RoleDialog, "the role window")

        def offered() -> list[str]:
            return [
                dialog.list.item(row).text().split(" ")[0] for row in range(dialog.list.count())
            ]

        self.wait(lambda: name in offered(), lambda: f"{name} in the role window ({offered()})")
        if shot:
            self.shot(shot, dialog)
        for _ in range(dialog.list.count()):
            item = dialog.list.currentItem()
            if item is not None and item.text().split(" ")[0] == name:
                break
            self.key(Qt.Key.Key_Down, widget=dialog.list)
        self.key(Qt.Key.Key_Return, widget=dialog.list)
        self.wait(
            lambda: (
                self.window is not None
                and self.window.controller is not None
                and self.window.controller.role == name
            ),
            f"the rehearsal of {name}",
        )

    def skip_check_in(self, shot: str | None = None) -> None:
        """The check-in offered before the first rehearsal: Esc skips it."""
        from rehearsal.ui.dossier.checkin_dialog import CheckInDialog

        dialog = self.dialog(CheckInDialog, "the check-in")
        if shot:
            self.shot(shot, dialog)
        self.key(Qt.Key.Key_Escape, widget=dialog)
        self.gone(dialog, "the check-in to close")
        self.win.activateWindow()

    def in_main_window(self) -> None:
        """Wait until no dialog stands between the actor and the main window."""

        def free() -> bool:
            return QApplication.activeModalWidget() is None

        def title() -> str:
            modal = QApplication.activeModalWidget()
            return modal.windowTitle() if modal is not None else ""

        self.wait(free, lambda: f"the main window to be free ({title()} stays open)")

    def start_take(self) -> None:
        """Ctrl+Return (Rehearse ▸ Start) in the main window; the take must begin."""
        self.in_main_window()
        self.shortcut("Ctrl+Return")
        controller = self.win.controller
        assert controller is not None
        self.wait(lambda: controller.engine.state is not State.IDLE, "the take to start")

    def tick(self, seconds: float = 0.5) -> None:
        """Let ``seconds`` of rehearsal time pass (one tick of the run's timer)."""
        controller = self.win.controller
        assert controller is not None
        self.clock.advance(seconds)
        if controller.tick_timer.isActive():
            with self.qtbot.waitSignal(controller.tick_timer.timeout, timeout=STEP_TIMEOUT):
                pass
        else:
            QApplication.processEvents()
        self.check()

    def say_my_lines(self, count: int | None = None, limit: int = 4000) -> int:
        """Play the actor: Space after each of their lines, time passing for the partner's.

        Stops after ``count`` of the actor's lines (all of them when None) or when the take
        ends; returns how many lines the actor said.
        """
        controller = self.win.controller
        assert controller is not None
        engine = controller.engine
        said = 0
        for _ in range(limit):
            if engine.state in (State.FINISHED, State.IDLE) or (
                count is not None and said >= count
            ):
                return said
            if engine.state is State.WAITING:
                line = engine.index
                self.key(Qt.Key.Key_Space, widget=self.win.rehearsal)
                self.wait(
                    left_line(engine, line), "the partner to take Space as the end of the line"
                )
                said += 1
            else:
                self.tick()
        raise AssertionError("the take never ended")

    # -- pictures ---------------------------------------------------------------------------
    def shot(self, name: str, widget: QWidget | None = None) -> None:
        """Save ``widget`` (the main window by default) as NAME.png when asked to."""
        if self.screenshots is None:
            return
        target = widget or self.win
        for _ in range(5):
            QApplication.processEvents()
        self.screenshots.mkdir(parents=True, exist_ok=True)
        target.grab().save(str(self.screenshots / f"{name}.png"))


def screenshots_dir() -> Path | None:
    """Where to save the journeys' screens, if anywhere (``REHEARSAL_SCREENSHOTS``)."""
    value = os.environ.get(SCREENSHOTS_ENV)
    return Path(value) if value else None
