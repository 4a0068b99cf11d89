"""The fix-up features as the main window sees them: menus, the bar, and their wiring.

The window only creates this object and forwards three moments to it (an import stored,
a file replaced, the window closing); everything else about confidence, corrections and
pasted sides lives here, so the window stays a list of hooks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QBoxLayout, QMenu
from shiboken6 import isValid

from rehearsal.script.model import Script
from rehearsal.ui.fixup.confidence_bar import ConfidenceBar

if TYPE_CHECKING:
    from rehearsal.script.corrections import Correction
    from rehearsal.ui.fixup.editor import FixupEditor
    from rehearsal.ui.fixup.session import FixupSession
    from rehearsal.ui.main_window import MainWindow
    from rehearsal.ui.rehearsal_screen import RehearsalScreen

log = logging.getLogger(__name__)

# Final Draft's element keys, which many actors' writers use: Ctrl+1 heading … Ctrl+6.
# (Kinds by their ``LineKind`` value: the window is built before the core's modules load.)
KIND_KEYS = (
    ("heading", "Ctrl+1"),
    ("action", "Ctrl+2"),
    ("cue", "Ctrl+3"),
    ("parenthetical", "Ctrl+4"),
    ("speech", "Ctrl+5"),
    ("transition", "Ctrl+6"),
)
PASTE_KEY = "Ctrl+Alt+V"  # Ctrl+Shift+V is the Voices window


class FixupFeature(QObject):
    """Confidence bar, Script menu, fix-up editor and File ▸ Paste Sides for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: FixupSession | None = None
        self.editor: FixupEditor | None = None
        self._resume_role: str | None = None
        self._shown: str | None = None  # the path of the script on screen
        self.bar = ConfidenceBar(window)  # hidden; moves to the rehearsal screen when built
        self.bar.review_requested.connect(lambda: self.open_editor(at_first=True))
        self._build_actions()
        window.script_shown.connect(self._on_new_script)
        self._update_actions()

    def attach_screen(self, screen: RehearsalScreen) -> None:
        """The rehearsal screen was built: the bar goes above its page, below the controls."""
        layout = screen.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(screen.view), self.bar)

    # -- menus -----------------------------------------------------------------------------
    def _action(
        self, menu: QMenu, text: str, key: str | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.window.menuBar()
        file_menu = self.window.recent_menu.menuAction().associatedObjects()
        self.action_paste = QAction(self.tr("&Paste Sides"), self.window)
        self.action_paste.setShortcut(QKeySequence(PASTE_KEY))
        self.action_paste.triggered.connect(lambda _checked=False: self.paste_sides())
        for menu in file_menu:
            if isinstance(menu, QMenu):
                menu.insertAction(self.window.recent_menu.menuAction(), self.action_paste)
        self.menu = QMenu(self.tr("&Script"), self.window)
        bar.insertMenu(self.window.rehearse_menu.menuAction(), self.menu)
        m = self.menu
        self.action_fix = self._action(
            m, self.tr("&Fix Import…"), "Ctrl+Shift+F", lambda: self.open_editor(at_first=True)
        )
        self.action_next = self._action(
            m, self.tr("&Next Thing to Check"), "F8", lambda: self._go(1)
        )
        self.action_previous = self._action(
            m, self.tr("Pre&vious Thing to Check"), "Shift+F8", lambda: self._go(-1)
        )
        m.addSeparator()
        self.action_undo = self._action(m, self.tr("&Undo Correction"), "Ctrl+Z", self._undo)
        self.action_redo = self._action(m, self.tr("&Redo Correction"), "Ctrl+Shift+Z", self._redo)
        m.addSeparator()
        labels = {
            "heading": self.tr("Make &Heading"),
            "action": self.tr("Make &Action"),
            "cue": self.tr("Make &Cue"),
            "parenthetical": self.tr("Make &Parenthetical"),
            "speech": self.tr("Make &Speech"),
            "transition": self.tr("Make &Transition"),
        }
        self.kind_actions: dict[str, QAction] = {}
        for kind, key in KIND_KEYS:
            self.kind_actions[kind] = self._action(m, labels[kind], key, self._maker(kind))
        m.addSeparator()
        self.action_merge = self._action(
            m,
            self.tr("&Merge or Rename Characters…"),
            "Ctrl+M",
            lambda: self._edit(lambda e: e.merge()),
        )
        self.action_split = self._action(
            m, self.tr("Sp&lit Speech…"), "Ctrl+K", lambda: self._edit(lambda e: e.split())
        )
        self.action_join = self._action(
            m, self.tr("&Join to Speech Before"), "Ctrl+J", lambda: self._edit(lambda e: e.join())
        )
        self.action_leave_out = self._action(
            m,
            self.tr("&Leave Out of the Sides"),
            "Del",
            lambda: self._edit(lambda e: e.leave_out()),
        )
        self.editing_actions: list[QAction | None] = [
            self.action_undo,
            self.action_redo,
            None,
            *self.kind_actions.values(),
            None,
            self.action_merge,
            self.action_split,
            self.action_join,
            self.action_leave_out,
            None,
            self.action_previous,
            self.action_next,
        ]

    def _update_actions(self) -> None:
        editing = self.editor is not None and self.editor.isVisible()
        for action in self.editing_actions:
            if action is not None and action not in (self.action_undo, self.action_redo):
                action.setEnabled(editing)
        self.action_fix.setEnabled(self.session is not None)
        stack = self.session.undo_stack if self.session is not None else None
        # Only while the editor is open: Ctrl+Z on the page must not stop a rehearsal to
        # undo a correction the actor cannot see.
        self.action_undo.setEnabled(editing and stack is not None and stack.canUndo())
        self.action_redo.setEnabled(editing and stack is not None and stack.canRedo())

    def _edit(self, do: Callable[[FixupEditor], object]) -> None:
        if self.editor is not None and self.editor.isVisible():
            do(self.editor)

    def _maker(self, kind: str) -> Callable[[], None]:
        def make() -> None:
            from rehearsal.script.lines import LineKind

            self._edit(lambda editor: editor.make(LineKind(kind)))

        return make

    def _go(self, step: int) -> None:
        self._edit(lambda e: e.go_to_finding(step))

    def _undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def _redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    # -- an import and its corrections ---------------------------------------------------
    @Slot(object, object, str, object, bool)
    def on_stored(
        self,
        raw: Script,
        corrections: tuple[Correction, ...],
        path: str,
        script_id: int | None,
        shown_corrected: bool,
    ) -> None:
        """An import is on screen and stored: start its fix-up session, show the bar.

        An import replaced on screen by another file while it was being stored is not
        for this window any more; one whose replacement failed to open still is.
        """
        from rehearsal.ui.fixup.session import FixupSession

        if path != self._shown:
            return
        self._drop_session()
        session = FixupSession(raw, corrections, self)
        store = self.window.store
        session.attach_store(store, script_id)
        session.changed.connect(self._on_changed)
        session.save_failed.connect(self._on_save_failed)
        session.undo_stack.canUndoChanged.connect(lambda _can: self._update_actions())
        session.undo_stack.canRedoChanged.connect(lambda _can: self._update_actions())
        self.session = session
        if corrections and not shown_corrected:  # the database opened after the page
            self.window.show_corrected(session.script)
        self.bar.show_report(session.report)
        self._update_actions()

    def _on_new_script(self, _script: object, path: str) -> None:
        """Another file is on screen: this session is over."""
        self._shown = path
        self._drop_session()
        self.bar.hide()
        self._update_actions()

    def _drop_session(self) -> None:
        if self.editor is not None:
            self.editor.closed.disconnect(self._on_editor_closed)
            self.editor.close()
            self.editor.deleteLater()
            self.editor = None
        if self.session is not None:
            self.session.shutdown()
            self.session.deleteLater()
            self.session = None
        self._resume_role = None

    def _on_changed(self, script: Script) -> None:
        """A correction made or undone: the page, the role list and the bar follow."""
        window = self.window
        if window.controller is not None:
            self._resume_role = window.controller.role
        window.show_corrected(script)
        dialog = window.role_dialog  # deleted on close: the reference may be stale
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.reject()
            window.ask_role()
        if self.session is not None:
            self.bar.show_report(self.session.report)

    def _on_save_failed(self, message: str) -> None:
        self.window.statusBar().showMessage(self.tr("Your correction is not saved: %s") % message)

    # -- the editor ------------------------------------------------------------------------
    def open_editor(self, at_first: bool = False) -> FixupEditor | None:
        """Show the fix-up editor (at the first thing to check)."""
        if self.session is None:
            return None
        from rehearsal.ui.fixup.editor import FixupEditor

        if self.editor is None:
            self.editor = FixupEditor(self.session, self.editing_actions, self.window)
            self.editor.closed.connect(self._on_editor_closed)
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()
        if at_first:
            self.editor.findings.setCurrentRow(-1)
            self.editor.go_to_finding(1)
        self._update_actions()
        return self.editor

    def _on_editor_closed(self) -> None:
        """Back to rehearsing: the part being played is set up again on the new script."""
        self._update_actions()
        role, self._resume_role = self._resume_role, None
        window = self.window
        if role is None or window.controller is not None or self.session is None:
            return
        if role in self.session.script.characters:
            window.start_rehearsal(role)
        else:
            window.ask_role()

    # -- pasted sides ----------------------------------------------------------------------
    def paste_sides(self) -> bool:
        """Import the clipboard's text as sides; False (and a message) when there is none."""
        from rehearsal.script.loader import MAX_TEXT_BYTES
        from rehearsal.ui.fixup.paste import pasted_bytes, pasted_path, pasted_title

        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.window.statusBar().showMessage(self.tr("The clipboard holds no text to paste."))
            return False
        data = pasted_bytes(text)
        if len(data) > MAX_TEXT_BYTES:
            self.window.statusBar().showMessage(
                self.tr("The clipboard's text is too long to be sides.")
            )
            return False
        path = pasted_path(self.window.paths.data, text)
        self.window.open_file(path, pasted=data, title=pasted_title(text, date.today()))
        return True

    def shutdown(self) -> None:
        """Save what is still queued and stop the background thread (window closing)."""
        self._drop_session()
