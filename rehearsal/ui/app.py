"""Starting the GUI: one ``QApplication``, one set of paths, one main window.

The launch puts the window and the script on screen first and starts the rest (the history
database, the speech worker) as soon as that first view is up: an actor opening sides the
night before an audition sees them at once, and the partner's voice is ready long before
the first cue.
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from rehearsal import __version__
from rehearsal.logs import LOG_FILE_NAME, setup_logging
from rehearsal.paths import Paths, default_paths, resources_dir
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.qt_messages import QtMessageLog, route_qt_messages
from rehearsal.ui.store_opener import open_store_or_explain
from rehearsal.ui.theme import apply_system_theme
from rehearsal.ui.translations import install_translations

DEMO_SCENE_NAME = "demo-night-shift.fountain"
UNPAINTED_START_MS = 2000
"""When the services start even though the home was never painted (a window opened
minimised or on another workspace may not be, and its history must still open)."""
SIGNAL_POLL_MS = 250
"""How often Python gets to run while Qt waits, so a SIGTERM or Ctrl+C is acted on."""


class FirstFrame(QObject):
    """Says once, in ``painted``, that a widget's first frame is on screen.

    What the launch defers (the history, the rehearsal's modules, the rehearsal screen) waits
    for it: begun before, it would share the interpreter with the painting of the home.
    """

    painted = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The first paint: say so once the frame it belongs to is out."""
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)  # the frame is flushed before timers run
        return False


class _Held(logging.Handler):
    """Keeps the records it is given, in order."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class LaunchLog:
    """The launch's log records, held until the log file is set up after the first frame.

    Setting the file up imports ``logging.handlers`` (sockets, pickling, queues: some 10 ms)
    that the home's first frame does not need. What is logged before is held here and
    written first, in order, once :meth:`start` has set the file up; should the launch
    fail before that frame, :meth:`start` runs then, so its cause reaches the file.
    """

    def __init__(self, log_dir: Path, verbose: bool) -> None:
        self.path = log_dir / LOG_FILE_NAME
        self._log_dir, self._verbose = log_dir, verbose
        self._held: _Held | None = _Held()
        root = logging.getLogger()
        self._others = list(root.handlers)  # not ours: they see each record as it comes
        root.addHandler(self._held)
        root.setLevel(logging.DEBUG if verbose else logging.INFO)

    def start(self) -> None:
        """Set the log file up (once) and write what was held to it."""
        if self._held is None:
            return
        held, self._held = self._held, None
        root = logging.getLogger()
        root.removeHandler(held)
        setup_logging(self._log_dir, self._verbose)
        for handler in [h for h in root.handlers if h not in self._others]:
            for record in held.records:
                if record.levelno >= handler.level:
                    handler.handle(record)


def demo_scene_path() -> Path:
    """The bundled scene the app opens on first launch."""
    return resources_dir() / "scenes" / DEMO_SCENE_NAME


def app_settings(paths: Paths) -> QSettings:
    """Settings kept beside the data, so ``--data-dir`` gives a fully portable install."""
    return QSettings(str(paths.data / "settings.ini"), QSettings.Format.IniFormat)


def build_main_window(paths: Paths) -> MainWindow:
    """The main window for ``paths``, before its history database is open."""
    return MainWindow(paths, app_settings(paths), demo_scene=demo_scene_path())


def create_main_window(paths: Paths, *, with_store: bool = True) -> MainWindow:
    """The main window with its rehearsal screen built, its history open and speech started
    (for tests and scripts).

    The launcher does the same in the background once the window is on screen; this does it
    at once, so a caller can use the window as soon as it returns.
    """
    window = build_main_window(paths)
    window.prepare_rehearsal()
    store, problem = open_store_or_explain(paths) if with_store else (None, None)
    window.services.attach_store(store, problem)
    window.services.start_speech()
    return window


def tell_about_store(window: MainWindow) -> None:
    """Once the history is open: say why it is not, or what was repaired.

    The message box opens window-modal without blocking, so a rehearsal started in the
    meantime never waits on it.
    """
    message, icon = None, QMessageBox.Icon.Information
    if window.services.store_error:
        message, icon = window.services.store_error, QMessageBox.Icon.Warning
    elif window.store is not None and window.store.notices:
        message = "\n\n".join(notice.message for notice in window.store.notices)
    if message:
        box = QMessageBox(icon, "Rehearsal", message, QMessageBox.StandardButton.Ok, window)
        box.setObjectName("store_notice_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def when_no_dialog_is_open(action: Callable[[], object]) -> None:
    """Run ``action`` now, or once the dialog the actor is answering has closed.

    The follow-up reminders arrive a moment after launch, when the welcome or the role
    dialog may be open; shown then, they would sit on top of it and, being the window's
    child, not even take a click until the dialog is answered.
    """
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog) and dialog.isVisible():
        dialog.finished.connect(
            lambda _result: QTimer.singleShot(0, lambda: when_no_dialog_is_open(action))
        )
    else:
        action()


def report_startup(
    app: QApplication, window: MainWindow, first_frame: FirstFrame, opens_script: bool
) -> None:
    """For ``--quit-after-load``: print when each stage of the launch was reached, then quit.

    Opening a script, the marks are ``scene-shown`` (the page painted), ``history-ready``
    (the history open and the script saved in it) and ``services-ready`` (the first
    rehearsal's modules loaded and the speech worker started). Opening on the home, they
    are ``home-shown`` (its first frame painted), ``home-ready`` (what the history says
    painted on it, or that there is no history) and ``services-ready``. Times are
    ``time.monotonic()``, the same clock for every process on the machine, so
    ``benchmarks/bench_startup.py`` can subtract the moment it started the process. Once all
    are reached the window closes the usual way and the app exits 0 (1 if the import
    fails): a smoke test of the whole start.
    """
    pending = {"services-ready"}
    pending.add("history-ready" if opens_script else "home-ready")

    def mark(name: str) -> None:
        if name not in pending and name not in ("scene-shown", "home-shown"):
            return  # reached before (the home repaints what the history says when shown)
        print(f"startup: {name} {time.monotonic():.6f}", flush=True)
        pending.discard(name)
        if not pending:
            QTimer.singleShot(50, lambda: (window.close(), app.exit(0)))

    def scene_shown(*_: object) -> None:
        window.repaint()  # the page is painted, not only queued for painting
        mark("scene-shown")

    if opens_script:
        window.script_shown.connect(scene_shown)
        window.script_loaded.connect(lambda *_: mark("history-ready"))
        window.import_failed.connect(lambda *_: app.exit(1))
    else:
        first_frame.painted.connect(lambda: mark("home-shown"))
        window.home.digest_shown.connect(lambda: mark("home-ready"))
        window.services.store_attached.connect(
            lambda: None if window.store is not None else mark("home-ready")
        )
    window.services.ready.connect(lambda: mark("services-ready"))


def close_on_signals(app: QApplication, window: MainWindow) -> QTimer:
    """Close the window the normal way on SIGTERM or SIGINT (``kill``, Ctrl+C).

    Without this the process died where it stood: no state saved, the speech worker's
    semaphores leaked. Python runs its signal handlers only between bytecodes, never while
    Qt's event loop waits in C++, so a timer gives Python a moment every quarter second.
    """

    def on_signal(signum: int, _frame: object) -> None:
        logging.getLogger("rehearsal").info("closing on signal %s", signal.Signals(signum).name)
        QTimer.singleShot(0, lambda: (window.close(), app.quit()))

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)  # only to let the handler run
    timer.start(SIGNAL_POLL_MS)
    return timer


def install_excepthook(log_path: Path) -> QObject:
    """Report unexpected errors in words and keep the app usable (see ``error_report``).

    Qt swallows exceptions raised in slots after printing them; without this hook the app
    would go on in an unknown state with the actor none the wiser. Returns the reporter,
    an event filter of the application that notes what the actor did last.
    """
    from rehearsal.ui.error_report import install_error_report

    return install_error_report(log_path)


def after_home(window: MainWindow) -> None:
    """What waits for the home's first frame: the rehearsal screen, then the services."""
    window.prepare_rehearsal()
    window.services.start()


def launch(
    file: str | None = None,
    demo: bool = False,
    data_dir: str | None = None,
    verbose: bool = False,
    quit_after_load: bool = False,
) -> MainWindow:
    """Set the app up as ``rehearsal gui`` does and show its window, without running it.

    Everything before the event loop lives here, so the journey tests start exactly what an
    actor starts; :func:`run_app` adds only ``app.exec()``.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Rehearsal")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Rehearsal")
    app.setDesktopFileName("app.rehearsal.Rehearsal")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "rehearsal.svg")))
    paths = default_paths(data_dir).ensure()
    launch_log = LaunchLog(paths.logs, verbose)
    apply_system_theme(app)
    for translator in install_translations(app, resources_dir() / "translations"):
        logging.getLogger("rehearsal").info("translation loaded: %s", translator.filePath())
    reporter = install_excepthook(launch_log.path)
    # The reporter sees every event of the app to note the actor's last action; building
    # and painting the home are some 1500 events (a sixth of the launch, filtered), and the
    # actor can have done nothing before the home is on screen: it listens from then on.
    app.removeEventFilter(reporter)
    route_qt_messages()
    try:
        window = build_main_window(paths)
    except BaseException:
        launch_log.start()  # so that what led to it, and the error itself, reach the file
        raise
    close_on_signals(app, window)
    window.services.store_attached.connect(lambda: tell_about_store(window))
    window.services.ready.connect(lambda: logging.getLogger("rehearsal").info("services ready"))
    first_frame = FirstFrame(window)

    def after_first_frame() -> None:  # a turn of the loop after it: who waits for it first
        launch_log.start()
        app.installEventFilter(reporter)

    first_frame.painted.connect(lambda: QTimer.singleShot(0, after_first_frame))
    QTimer.singleShot(UNPAINTED_START_MS, lambda: launch_log.start())  # never painted
    window.show()
    first_run = not window.settings.value("first_run/done", False, type=bool)
    opens_script = bool(file or demo or first_run)
    if quit_after_load:
        report_startup(app, window, first_frame, opens_script)
    if opens_script:
        # The services start once the page is up (or the import has failed): the file's
        # own import is the first thing the actor waits for, so it runs alone.
        window.script_shown.connect(lambda *_: QTimer.singleShot(0, window.services.start))
        window.import_settled.connect(window.services.start)
        if file:
            QTimer.singleShot(0, lambda: window.open_file(Path(file)))
        else:
            QTimer.singleShot(0, window.open_demo)
    else:
        # The home's first frame is all the actor waits for. Once it is out, the rehearsal
        # screen is built (so a script opened from the home shows as fast as ever), then the
        # history (which fills the home in), the rehearsal's modules and speech start.
        first_frame.painted.connect(lambda: QTimer.singleShot(0, lambda: after_home(window)))
        QTimer.singleShot(UNPAINTED_START_MS, window.services.start)  # a window never exposed
    if not quit_after_load:  # after the import is under way: the welcome names what opens
        QTimer.singleShot(0, window.maybe_show_welcome)
        window.services.ready.connect(
            lambda: when_no_dialog_is_open(window.prep.show_due_followups)
        )
    return window


def run_app(
    file: str | None = None,
    demo: bool = False,
    data_dir: str | None = None,
    verbose: bool = False,
    quit_after_load: bool = False,
) -> int:
    """Run the GUI until the window closes; returns the exit status."""
    _window = launch(file, demo, data_dir, verbose, quit_after_load)  # alive while it runs
    status = int(QApplication.exec())
    app = QApplication.instance()
    for messages in app.findChildren(QtMessageLog) if app is not None else []:
        messages.drain()  # what Qt said while the window closed
    return status
