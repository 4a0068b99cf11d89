"""Between the home and the page: View ▸ Home, the way back, and what the home asks for.

Kept apart from the main window so the window only composes: this object connects the
home's requests (open a file, the demo, an audition's dossier, the history) to the
window, switches the stack, and keeps the run keys off while the page is out of sight.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStackedWidget

from rehearsal.ui.run_icons import theme_icon

if TYPE_CHECKING:
    from rehearsal.script.model import Script
    from rehearsal.ui.main_window import MainWindow
    from rehearsal.ui.rehearsal_screen import RehearsalScreen


class HomeNavigation(QObject):
    """Shows the home or the page in the window's stack, and acts on the home's rows."""

    def __init__(self, window: MainWindow, stack: QStackedWidget, view_menu: QMenu) -> None:
        super().__init__(window)
        self._window, self._stack = window, stack
        home = window.home
        self.action_home = QAction(self.tr("&Home"), window)
        self.action_home.setShortcut(QKeySequence("Alt+Home"))
        self.action_home.triggered.connect(self.show_home)
        first = view_menu.actions()[0]  # Zoom In: the home and the page's views go above
        view_menu.insertAction(first, self.action_home)
        self._view_menu = view_menu
        self._views_end = view_menu.insertSeparator(first)  # the page's views go above it
        home.open_requested.connect(window.opening.show_open)
        home.demo_requested.connect(window.open_demo)
        home.file_requested.connect(lambda path: window.open_file(Path(path)))
        home.audition_requested.connect(self.open_audition)
        home.auditions_requested.connect(window.prep.open_auditions)
        home.history_requested.connect(window.open_history)
        home.back_requested.connect(self.show_rehearsal)
        window.script_shown.connect(self._on_script_shown)
        window.services.store_attached.connect(self._on_store_attached)
        home.show_recent_files(window.recent_files())

    def attach_screen(self, screen: RehearsalScreen) -> None:
        """The rehearsal screen was built: its views (options, focus mode) join View.

        Home's icon is read now too, with the screen's: rendering the first SVG loads Qt's
        SVG plugin, which the home's first frame need not wait for (the menu is closed).
        """
        self._view_menu.insertActions(self._views_end, [screen.action_options, screen.action_focus])
        self.action_home.setIcon(theme_icon("go-home"))

    @Slot()
    def show_home(self) -> None:
        """View ▸ Home: the home page; a take in progress stops (the script stays open)."""
        from rehearsal.engine.commands import State

        window = self._window
        controller = window.controller
        if controller is not None and controller.engine.state is not State.IDLE:
            controller.send_stop()
        screen = window.built_rehearsal  # not built: no script has been open, nothing to park
        if screen is not None:
            screen.focus.leave()
            if self._stack.currentWidget() is screen:
                screen.park_run_keys(True)
        window.home.show_recent_files(window.recent_files())
        self._stack.setCurrentWidget(window.home)
        window.home.setFocus()

    @Slot()
    def show_rehearsal(self) -> None:
        """Back from the home to the script that is open."""
        screen = self._window.built_rehearsal
        if screen is not None and screen.view.script is not None:
            screen.park_run_keys(False)
            self._stack.setCurrentWidget(screen)
            screen.setFocus()

    @Slot(int)
    def open_audition(self, audition_id: int) -> None:
        """An audition row or a thank-you due: its dossier in the Auditions window."""
        auditions = self._window.prep.open_auditions()
        if auditions is not None:
            auditions.open_dossier(audition_id)

    def _on_script_shown(self, script: Script, path: str) -> None:
        self._window.rehearsal.park_run_keys(False)  # the page is in front again
        self._window.home.set_open_script(script.title or Path(path).stem)

    def _on_store_attached(self) -> None:
        store = self._window.services.store
        self._window.home.attach_store(store)
