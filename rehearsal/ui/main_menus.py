"""The main window's menu bar: File, View, Rehearse, Drill, Callback and Help.

The layout of the menus (what the shortcuts sheet lists and translators see) is read in one
place, apart from the window's behaviour; the actions call the window's slots and the
objects the menus need (recent files, the drill launcher, callback prep) are kept on the
window, where the rest of the app finds them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from rehearsal import __version__
from rehearsal.ui.callback_prep import CallbackPrep
from rehearsal.ui.drill_launcher import DrillLauncher
from rehearsal.ui.recent_files import RecentFiles
from rehearsal.ui.tape.tape_mode import TapeMode

if TYPE_CHECKING:
    from rehearsal.ui.main_window import MainWindow
    from rehearsal.ui.rehearsal_screen import RehearsalScreen


def add_action(
    window: MainWindow,
    menu: QMenu,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | None,
    slot: object,
) -> QAction:
    """An action of the window in ``menu``, with its key, calling ``slot``."""
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


class MainMenus(QObject):
    """Builds the window's menu bar once; ``view_menu`` is where the home adds its items."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self._window = w
        file_menu = w.menuBar().addMenu(self.tr("&File"))
        w.action_open = add_action(
            w, file_menu, self.tr("&Open Sides…"), QKeySequence.StandardKey.Open, w._on_open
        )
        w.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        w.recent = RecentFiles(w.settings, w.recent_menu, w.open_file)
        add_action(w, file_menu, self.tr("Open the &Demo Scene"), None, w.open_demo)
        file_menu.addSeparator()
        add_action(w, file_menu, self.tr("&Settings…"), QKeySequence("Ctrl+,"), w.open_settings)
        file_menu.addSeparator()
        add_action(w, file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, w.close)
        view_menu = w.menuBar().addMenu(self.tr("&View"))
        add_action(
            w, view_menu, self.tr("Zoom &In"), QKeySequence.StandardKey.ZoomIn, lambda: w._zoom(1.0)
        )
        add_action(
            w,
            view_menu,
            self.tr("Zoom &Out"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: w._zoom(-1.0),
        )
        add_action(
            w, view_menu, self.tr("&Actual Size"), QKeySequence("Ctrl+0"), lambda: w._zoom(0.0)
        )
        w.action_history = add_action(
            w, view_menu, self.tr("&History…"), QKeySequence("Ctrl+H"), w.open_history
        )
        w.action_history.setEnabled(False)  # until the history database is open
        w.rehearse_menu = w.menuBar().addMenu(self.tr("&Rehearse"))
        self._run_actions_end = w.rehearse_menu.addSeparator()  # the run's actions go above
        add_action(
            w, w.rehearse_menu, self.tr("&Voices…"), QKeySequence("Ctrl+Shift+V"), w.open_voices
        )
        w.rehearse_menu.setEnabled(False)
        w.drills = DrillLauncher(w, w.paths, w.settings, w._controller_for_drill)
        w.drill_menu = w.menuBar().addMenu(self.tr("&Drill"))
        for action in w.drills.actions():
            w.drill_menu.addAction(action)
        w.prep = CallbackPrep(w, w.paths)
        prep_menu = w.menuBar().addMenu(self.tr("&Callback"))
        prep_menu.addAction(w.prep.action_auditions)
        w.tape = TapeMode(w)
        prep_menu.addAction(w.tape.action_self_tape)
        from rehearsal.ui.tape.takes_feature import TapeTakesFeature

        self.tape_takes = TapeTakesFeature(w, prep_menu)  # and the deadline, repair at start
        help_menu = w.menuBar().addMenu(self.tr("&Help"))
        add_action(
            w, help_menu, self.tr("&Keyboard Shortcuts"), QKeySequence("Ctrl+/"), w.show_shortcuts
        )
        add_action(w, help_menu, self.tr("&Welcome"), None, lambda: w.maybe_show_welcome(True))
        add_action(w, help_menu, self.tr("&About Rehearsal"), None, self._on_about)
        self.view_menu = view_menu
        self._rehearse_menu = w.rehearse_menu

    @Slot()
    def _on_about(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("About Rehearsal"),
            self.tr(
                "<h3>Rehearsal %s</h3><p>Rehearse a scene alone: a reader who answers on cue, "
                "a director who keeps you flexible, and a history of every take.</p>"
            )
            % __version__,
        )

    def show_shortcuts(self) -> None:
        """The keyboard cheat-sheet, listing every menu's keys (the run's too)."""
        from rehearsal.ui.shortcuts_dialog import ShortcutsDialog

        window = self._window
        window.prepare_rehearsal()  # its run actions fill the Rehearse menu
        dialog = ShortcutsDialog(window.menuBar(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def add_run_actions(self, screen: RehearsalScreen) -> None:
        """The rehearsal screen was built: its run actions head the Rehearse menu.

        The screen is built after the first paint (or when a script opens first); the menu
        is disabled until a part is chosen, so it is never seen without them.
        """
        for action in screen.actions_for_menu():
            if action is None:
                self._rehearse_menu.insertSeparator(self._run_actions_end)
            else:
                self._rehearse_menu.insertAction(self._run_actions_end, action)
