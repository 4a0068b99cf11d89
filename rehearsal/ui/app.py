"""Starting the GUI: one ``QApplication``, one set of paths, one main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from rehearsal import __version__
from rehearsal.logs import setup_logging
from rehearsal.paths import Paths, default_paths, resources_dir
from rehearsal.ui.main_window import MainWindow

DEMO_SCENE_NAME = "demo-night-shift.fountain"


def demo_scene_path() -> Path:
    """The bundled scene the app opens on first launch."""
    return resources_dir() / "scenes" / DEMO_SCENE_NAME


def app_settings(paths: Paths) -> QSettings:
    """Settings kept beside the data, so ``--data-dir`` gives a fully portable install."""
    return QSettings(str(paths.data / "settings.ini"), QSettings.Format.IniFormat)


def create_main_window(paths: Paths) -> MainWindow:
    """Build the main window for ``paths`` (used by the launcher and by tests)."""
    return MainWindow(paths, app_settings(paths), demo_scene=demo_scene_path())


def install_excepthook(log_path: Path) -> None:
    """Show unexpected errors in a short dialog with the log's path instead of vanishing.

    Qt swallows exceptions raised in slots after printing them; without this hook the app
    would go on in an unknown state with the actor none the wiser.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("rehearsal").critical("unexpected error", exc_info=(kind, value, tb))
        if QApplication.instance() is not None:
            QMessageBox.critical(
                None,
                "Rehearsal",
                f"Something went wrong: {value}\n\nDetails are in the log:\n{log_path}",
            )

    sys.excepthook = hook


def run_app(
    file: str | None = None,
    demo: bool = False,
    data_dir: str | None = None,
    verbose: bool = False,
    quit_after_load: bool = False,
) -> int:
    """Run the GUI until the window closes; returns the exit status."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Rehearsal")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Rehearsal")
    app.setDesktopFileName("app.rehearsal.Rehearsal")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "rehearsal.svg")))
    paths = default_paths(data_dir).ensure()
    install_excepthook(setup_logging(paths.logs, verbose))
    window = create_main_window(paths)
    window.show()
    if quit_after_load:
        # Let the loaded page paint once before leaving, so a smoke test proves it rendered.
        window.script_loaded.connect(lambda *_: QTimer.singleShot(50, lambda: app.exit(0)))
        window.import_failed.connect(lambda *_: app.exit(1))
    first_run = not window.settings.value("first_run/done", False, type=bool)
    if not quit_after_load:
        QTimer.singleShot(0, window.maybe_show_welcome)
    if file:
        QTimer.singleShot(0, lambda: window.open_file(Path(file)))
    elif demo or first_run:
        QTimer.singleShot(0, window.open_demo)
    return int(app.exec())
