"""The main window: menus, drag-and-drop, recent files, and the views it composes.

It owns no rehearsal logic: it opens files through :class:`ImportFlow` (off the GUI thread,
with progress and Cancel), keeps the list of recent files in the injected ``QSettings``,
and hands the imported script to its views.

The window is built to be on screen fast: the history database and the speech pipeline
arrive later through :class:`~rehearsal.ui.services.AppServices`, and the modules of the
rehearsal itself (engine, controller, drills, dialogs) load when first used.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from rehearsal.paths import Paths
from rehearsal.ui.home.home_page import HomePage
from rehearsal.ui.home.navigation import HomeNavigation
from rehearsal.ui.import_flow import ImportFlow
from rehearsal.ui.main_menus import MainMenus
from rehearsal.ui.memory.feature import LineMemoryFeature
from rehearsal.ui.open_sides import OpenFlow, keep_while_alive, remember_folder
from rehearsal.ui.preferences import (
    Preferences,
    ScriptState,
    load_preferences,
    load_script_state,
    save_preferences,
    save_script_state,
)
from rehearsal.ui.secondary_window import fit_to_screen
from rehearsal.ui.services import AppServices

if TYPE_CHECKING:  # everything below loads on first use, after the window is on screen
    from rehearsal.script.model import Script
    from rehearsal.store.facade import Store
    from rehearsal.store.take_log import StoreTakeRecorder
    from rehearsal.ui.callback_prep import CallbackPrep
    from rehearsal.ui.casting_dialog import CastingDialog
    from rehearsal.ui.drill_launcher import DrillLauncher
    from rehearsal.ui.first_run import FirstRunDialog
    from rehearsal.ui.history.history_window import HistoryWindow
    from rehearsal.ui.recent_files import RecentFiles
    from rehearsal.ui.rehearsal_controller import RehearsalController
    from rehearsal.ui.rehearsal_screen import RehearsalScreen
    from rehearsal.ui.role_dialog import RoleDialog
    from rehearsal.ui.script_view import ScriptView
    from rehearsal.ui.settings_dialog import SettingsDialog
    from rehearsal.ui.tape.tape_mode import TapeMode


class MainWindow(QMainWindow):
    """The application window."""

    # Built by :class:`~rehearsal.ui.main_menus.MainMenus` when the window is.
    action_open: QAction
    recent_menu: QMenu
    recent: RecentFiles
    action_history: QAction
    rehearse_menu: QMenu
    drills: DrillLauncher
    drill_menu: QMenu
    prep: CallbackPrep
    tape: TapeMode

    script_shown = Signal(object, str)  # Script, path: on screen (history may be opening)
    script_loaded = Signal(object, str)  # Script, path: on screen and in the history
    import_failed = Signal(str, str)  # message, path
    import_settled = Signal()  # an import ended: loaded, failed or cancelled
    store_problem = Signal(str)  # from the history writer thread; shown in the status bar
    history_written = Signal()  # from the history writer thread: all sent so far is saved

    def __init__(
        self,
        paths: Paths,
        settings: QSettings,
        demo_scene: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.settings = settings
        self.services = AppServices(paths, self)
        self._script_id: int | None = None  # None: not (yet) saved in the history
        self._storing: Path | None = None  # the script on screen, while it is being stored
        self._pending_role: tuple[str, list[int] | None] | None = None
        self._take_log: StoreTakeRecorder | None = None
        self.history_window: HistoryWindow | None = None  # built on first use
        self._told_no_voice = False
        self.clock: Callable[[], float] = time.monotonic  # tests give a fast fake clock
        # Dialogs close themselves (WA_DeleteOnClose): each attribute below is cleared when
        # Qt deletes its dialog (keep_while_alive): nothing reads a deleted C++ object.
        self.settings_dialog: SettingsDialog | None = None
        self.voices_dialog: CastingDialog | None = None
        self.opening = OpenFlow(
            self,
            settings,
            self.open_file,
            lambda: self.controller or self.ask_role(),
            open_demo=self.open_demo,
            demo_open=self._showing_demo,
        )
        self._demo_scene = demo_scene
        self.imports = ImportFlow(self, self.services.pending_store)
        self.imports.parsed.connect(self._on_parsed)
        self.imports.loaded.connect(self._on_loaded)
        self.imports.store_failed.connect(self.store_problem)
        self.imports.failed.connect(self._on_failed)
        self.imports.cancelled.connect(self._on_cancelled)
        self.imports.settled.connect(self.import_settled)
        self._script: Script | None = None
        self._script_path: Path | None = None
        self.prefs = load_preferences(settings)
        self._font_size = self.prefs.font_size

        self.setWindowTitle("Rehearsal")
        self.setAcceptDrops(True)
        fit_to_screen(self, 1000, 760)  # a small laptop screen is 720 high
        self._stack = QStackedWidget(self)
        self.home = self.welcome = HomePage(self, has_demo=demo_scene is not None)
        self._rehearsal: RehearsalScreen | None = None  # built when first needed
        self.controller: RehearsalController | None = None
        self.role_dialog: RoleDialog | None = None
        self._stack.addWidget(self.welcome)
        self.setCentralWidget(self._stack)
        self._menus = MainMenus(self)
        self.navigation = HomeNavigation(self, self._stack, self._menus.view_menu)
        from rehearsal.ui.fixup.feature import FixupFeature

        self.fixup = FixupFeature(self)  # import confidence, fix-up editor, Paste Sides
        self.imports.stored.connect(self.fixup.on_stored)  # for whichever script is on screen
        self.memory = LineMemoryFeature(self, self.rehearse_menu, self.settings, self.prefs)
        self.store_problem.connect(lambda message: self.statusBar().showMessage(message))
        self._history_refresh = QTimer(self, singleShot=True, interval=250)
        self._history_refresh.timeout.connect(self._refresh_visible_history)
        self.history_written.connect(self._history_refresh.start)
        self.services.store_attached.connect(self._on_store_attached)
        self.statusBar().showMessage(self.tr("Open sides to begin."))
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- the rehearsal screen, built when first needed --------------------------------------
    @property
    def rehearsal(self) -> RehearsalScreen:
        """The rehearsal screen (page, run controls, options, focus mode), built on first use:
        it costs as much again as the rest of the window, and a launch shows the home."""
        return self._rehearsal or self.prepare_rehearsal()

    @property
    def built_rehearsal(self) -> RehearsalScreen | None:
        """The rehearsal screen if it has been built, without building it."""
        return self._rehearsal

    @property
    def script_view(self) -> ScriptView:
        """The page of the rehearsal screen."""
        return self.rehearsal.view

    @Slot()
    def prepare_rehearsal(self) -> RehearsalScreen:
        """Build the rehearsal screen unless it is (once the launch is idle, or a file opens)."""
        if self._rehearsal is not None:
            return self._rehearsal
        from rehearsal.ui.rehearsal_screen import RehearsalScreen

        screen = self._rehearsal = RehearsalScreen(self, self.settings)
        screen.view.set_font_size(self._font_size)
        self._stack.addWidget(screen)
        screen.role_change_requested.connect(self.ask_role)
        self._menus.add_run_actions(screen)
        self.navigation.attach_screen(screen)
        self.fixup.attach_screen(screen)
        return screen

    # -- menus -----------------------------------------------------------------------------
    def _zoom(self, step: float) -> None:
        self._font_size = 12.0 if step == 0 else min(32.0, max(8.0, self._font_size + step))
        self.prefs.font_size = self._font_size
        save_preferences(self.settings, self.prefs)
        self.script_view.set_font_size(self._font_size)

    # -- the history, once it is open ------------------------------------------------------
    @property
    def store(self) -> Store | None:
        """The history database (None until it is open, or when it could not be)."""
        return self.services.store

    @Slot()
    def _on_store_attached(self) -> None:
        store = self.services.store
        self.drills.store = store
        self.prep.attach_store(store)
        self.action_history.setEnabled(store is not None)

    @Slot()
    def open_settings(self) -> None:
        """Show the Settings dialog; new values apply to the next rehearsal and the page."""
        from rehearsal.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.prefs, self.paths, self, settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply_preferences(dialog.preferences()))
        keep_while_alive(self, "settings_dialog", dialog)
        dialog.open()

    def _apply_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        save_preferences(self.settings, prefs)
        self.memory.preferences_changed(prefs)
        if prefs.font_size != self._font_size:
            self._font_size = prefs.font_size
            self.script_view.set_font_size(prefs.font_size)

    @Slot()
    def show_shortcuts(self) -> None:
        """The keyboard cheat-sheet (Help ▸ Keyboard Shortcuts)."""
        self._menus.show_shortcuts()

    def maybe_show_welcome(self, force: bool = False) -> FirstRunDialog | None:
        """The first-run welcome, once per data folder (or when asked from the Help menu)."""
        return self.opening.show_welcome(force)

    @property
    def welcome_dialog(self) -> FirstRunDialog | None:
        """The welcome, while it exists."""
        return self.opening.welcome_dialog

    @property
    def open_dialog(self) -> QFileDialog | None:
        """The Open Sides dialog, while it exists."""
        return self.opening.open_dialog

    @property
    def script_on_screen(self) -> tuple[Script | None, Path | None, int | None]:
        return self._script, self._script_path, self._script_id  # read by tape mode

    def recent_files(self) -> list[str]:
        """Recently opened files, newest first."""
        return self.recent.files()

    # -- opening ---------------------------------------------------------------------------
    @Slot()
    def _on_open(self) -> None:
        self.opening.show_open()

    @Slot()
    def _showing_demo(self) -> bool:
        """The demo scene is on screen, or the import under way (the welcome says so)."""
        opening = self.imports.current_path or self._script_path
        return self._demo_scene is not None and opening == self._demo_scene

    def open_demo(self) -> None:
        """Open the bundled demo scene."""
        if self._demo_scene is not None:
            self.open_file(self._demo_scene)

    def open_file(self, path: Path, pasted: bytes | None = None, title: str | None = None) -> None:
        """Import ``path`` in the background; the result arrives as ``script_loaded``.

        An import still parsing is cancelled. One whose script is already on screen and
        only being saved to the history finishes in the background: should the new file
        fail, its script stays on screen, and it must be stored like any other.
        """
        remember_folder(self.settings, path, self._demo_scene)
        self.imports.start(path, pasted, title)
        self.statusBar().showMessage(self.tr("Importing %s…") % path.name)
        self.prepare_rehearsal()  # while the file is read, if the launch has not yet

    @Slot(object, str)
    def _on_parsed(self, script: Script, path: str) -> None:
        self._script_id = None
        self._storing = Path(path)
        self.show_script(script, Path(path))
        self.script_shown.emit(script, path)

    @Slot(object, str, object)
    def _on_loaded(self, script: Script, path: str, script_id: int | None) -> None:
        if Path(path) != self._script_path:
            return  # saved in the background while another file replaced it on screen
        self._script_id = script_id
        self._storing = None
        self.script_loaded.emit(script, path)
        if self._pending_role is not None:
            role, scenes = self._pending_role
            self._pending_role = None
            self.start_rehearsal(role, scenes)

    @Slot()
    def open_voices(self) -> None:
        """Cast the partner's voices and respell names for the script on screen."""
        if self._script is None:
            return
        from rehearsal.engine.commands import State
        from rehearsal.speech.casting import sample_lines

        if self.controller is not None and self.controller.engine.state is not State.IDLE:
            self.controller.send_stop()  # previews share the partner's player
        dialog = self.services.speech().open_casting_dialog(
            self,
            self._script.characters,
            self.store.voices if self.store is not None else None,
            self._script_id,
            sample_lines([(d.character, d.speech) for d in self._script.dialogues()]),
        )
        keep_while_alive(self, "voices_dialog", dialog)

    def _controller_for_drill(self, scenes: list[int] | None) -> RehearsalController | None:
        """The controller a drill runs on: the current one while nothing has been rehearsed
        on it, otherwise a fresh one, so each drill is a session of its own kind in the
        history (a cold read after a plain run is not filed as more takes of that run)."""
        if self.controller is None:
            return None
        if scenes is None or scenes == self.controller.scenes:
            if self.controller.engine.next_take_number == 1:
                return self.controller
            scenes = self.controller.scenes
        return self.start_rehearsal(self.controller.role, scenes)

    def _close_take_log(self) -> None:
        """Finish the stored session of the rehearsal that is ending."""
        if self._take_log is not None:
            self._take_log.close()
            self._take_log = None

    @Slot()
    def open_history(self) -> None:
        """Show the history window (one at a time)."""
        if self.store is None:
            return
        if self.history_window is None:
            from rehearsal.ui.history.history_window import HistoryWindow

            self.history_window = HistoryWindow(self.store, self, notices=self.store.notices)
        self.history_window.show()
        self.history_window.raise_()
        self.history_window.activateWindow()

    @Slot()
    def _refresh_visible_history(self) -> None:
        """The take log saved what was sent: a History on screen shows it (a hidden one
        reads the database afresh when shown)."""
        if self.history_window is not None and self.history_window.isVisible():
            self.history_window.refresh()

    def _save_script_state(self) -> None:
        """Remember the role and run settings of the script on screen."""
        if self.controller is not None and self._script_path is not None:
            save_script_state(
                self.settings,
                self._script_path,
                ScriptState(
                    self.controller.role,
                    self.controller.engine.settings,
                    self.controller.hider.level,
                ),
            )

    def show_script(self, script: Script, path: Path, ask_role: bool = True) -> None:
        """Display an imported script, remember where it came from, and ask for a role."""
        self._save_script_state()
        if self.controller is not None:
            self.controller.disconnect_screen()
            self.controller.deleteLater()
            self.controller = None
        self.rehearse_menu.setEnabled(False)  # until a part is chosen for this script
        self._script, self._script_path = script, path
        self.script_view.show_script(script)
        self.rehearsal.reset_for_script()
        self._stack.setCurrentWidget(self.rehearsal)
        title = script.title or path.stem
        self.setWindowTitle(self.tr("%s — Rehearsal") % title)
        self.recent.remember(path)
        characters = len(script.characters)
        speeches = sum(1 for _ in script.dialogues())
        self.statusBar().showMessage(
            self.tr("%s: %d characters, %d speeches") % (path.name, characters, speeches)
        )
        if script.warnings:
            self.statusBar().showMessage(self.tr("%s: %s") % (path.name, script.warnings[0]))
        if ask_role and script.characters and not self.opening.hold_role():
            self.ask_role()  # (held back while the welcome is up: one dialog at a time)

    def show_corrected(self, script: Script) -> None:
        """Show the script on screen again as corrected (the fix-up editor's hook)."""
        if self._script_path is not None:
            self.show_script(script, self._script_path, ask_role=False)

    @Slot()
    def ask_role(self) -> None:
        """Ask which part the actor plays (without blocking the event loop)."""
        if self._script is None:
            return
        assert self._script_path is not None
        from rehearsal.ui.role_dialog import RoleDialog

        if self.role_dialog is not None:  # asked for another script, or asked twice
            self.role_dialog.reject()
        script = self._script
        remembered = load_script_state(self.settings, self._script_path).role
        dialog = RoleDialog(script, remembered, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.choose_role(dialog.role()) if script is self._script else None
        )
        keep_while_alive(self, "role_dialog", dialog)
        dialog.open()

    def choose_role(self, role: str | None, scenes: list[int] | None = None) -> None:
        """Start rehearsing ``role``, as soon as the script on screen is in the history.

        Right after launch the history may still be opening; the takes of a rehearsal
        belong to a stored script, so the start waits (a moment, in the background) for it.
        """
        if role is None:
            return
        if self._storing is not None and self._storing == self._script_path:
            self._pending_role = (role, scenes)
            self.statusBar().showMessage(self.tr("Opening your history…"))
            return
        self.start_rehearsal(role, scenes)

    def start_rehearsal(
        self, role: str | None, scenes: list[int] | None = None
    ) -> RehearsalController | None:
        """Set the screen up for ``role`` (in ``scenes``, default all): the reader takes the
        other parts."""
        if self._script is None or self._script_path is None or role is None:
            return None
        self._save_script_state()
        if self.controller is not None:
            self.controller.disconnect_screen()
            self.controller.deleteLater()
        from rehearsal.ui.rehearsal_controller import RehearsalController

        state = load_script_state(self.settings, self._script_path)
        settings = state.rehearsal if state.role == role and state.rehearsal else None
        self._close_take_log()
        if self.store is not None and self._script_id is not None:
            from rehearsal.store.take_log import StoreTakeRecorder

            self._take_log = StoreTakeRecorder(
                self.store.session_recorder(),
                self._script_id,
                role,
                on_error=self.store_problem.emit,
                on_status=self.store_problem.emit,
                on_written=self.history_written.emit,
                scene_index=scenes[0] if scenes and len(scenes) == 1 else None,
                on_session_started=self.prep.on_session_started,
            )
        speech = self.services.speech()
        reader = speech.reader_for(
            self._script.characters,
            self.store.voices if self.store is not None else None,
            self._script_id,
        )
        from rehearsal.ui.listening.follow import attach_follow, preferred_settings

        self.controller = RehearsalController(
            self.rehearsal,
            self._script,
            role,
            preferred_settings(settings, self.prefs.rehearsal),
            reader=reader,
            hide_level=state.hide_level or self.prefs.hide_level,
            recorder=self._take_log,
            clock=self.clock,
            scenes=scenes,
            include_actions=self.prefs.read_actions,
        )
        self.follow = attach_follow(self.controller, self.paths.data)
        save_script_state(
            self.settings,
            self._script_path,
            ScriptState(role, self.controller.engine.settings, self.controller.hider.level),
        )
        if reader is None and speech.reason and not self._told_no_voice:
            self._told_no_voice = True
            self.rehearsal.tell_no_voice(speech.reason)
        if self.prefs.check_in:
            title = self._script.title or self._script_path.stem
            heading = self.tr("%(title)s — %(role)s") % {"title": title, "role": role}
            self.prep.offer_check_in(str(self._script_path), heading)
        self.memory.attach(self.controller, self._script, role, self._script_id, self.paths.data)
        self.rehearse_menu.setEnabled(True)
        self.rehearsal.setFocus()
        if self.statusBar().currentMessage() == self.tr("Opening your history…"):
            self.statusBar().clearMessage()  # it is open: the screen says what to do next
        return self.controller

    @Slot(str, str)
    def _on_failed(self, message: str, path: str) -> None:
        self.statusBar().showMessage(self.tr("Could not open %s") % Path(path).name)
        self.import_failed.emit(message, path)

    @Slot(str)
    def _on_cancelled(self, path: str) -> None:
        if self._storing == Path(path):
            self._storing = None  # shown but not stored: another file replaced it
            self._pending_role = None
            return
        self.statusBar().showMessage(self.tr("Import of %s cancelled") % Path(path).name)

    # -- drag and drop ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged local file."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the first dropped local file."""
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_file(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop background work and remember the window geometry."""
        self.imports.close()
        self._save_script_state()
        if self.controller is not None:
            self.controller.disconnect_screen()
        self._close_take_log()
        self.fixup.shutdown()
        self.memory.shutdown()
        if self.history_window is not None:
            self.history_window.shutdown()
        self.prep.shutdown()
        self.tape.shutdown()
        self.home.shutdown()
        self.services.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
