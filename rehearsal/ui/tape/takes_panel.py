"""The takes of a self-tape: listed newest first, played, starred, compared, trimmed, sent.

The panel sits in tape mode beside the camera and in its own window (Callback ▸ Self-Tape
Takes…). It reads the library, stars and deletes through the window's
:class:`~rehearsal.ui.background.BackgroundRunner` (the library reads sidecars and may
probe a file whose sidecar was lost, so none of it runs on the GUI thread), and hands the
heavy work — trimming, exporting — to :mod:`rehearsal.tape.jobs` through its dialogs.

Keys on the list: **Enter** plays the take, **S** stars it, **Delete** asks and deletes,
**Ctrl+E** exports the selected takes, **Ctrl+T** trims, **Ctrl+K** compares two.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rehearsal.tape.library import TapeLibrary, TapeTake
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.questions import ConfirmFn, ask_confirmation
from rehearsal.ui.tape.player import TakePlayer
from rehearsal.ui.tape.takes_model import (
    COL_STAR,
    COL_TAKE,
    COL_WHEN,
    TAKE_ROLE,
    TakesModel,
    take_title,
)
from rehearsal.ui.tape.tape_mode import SELF_TAPE_KEY
from rehearsal.ui.theme import set_look

if TYPE_CHECKING:
    from rehearsal.store.facade import Store
    from rehearsal.ui.tape.compare_view import CompareView
    from rehearsal.ui.tape.export_dialog import ExportDialog
    from rehearsal.ui.tape.trim_dialog import TrimDialog

JOB_PREFIX = "tapes:"
"""Every job the panel gives the shared runner is named with this, so results are its own."""

ChooseFolderFn = Callable[[QWidget, str], "str | None"]


class TakesPanel(QWidget):
    """The list of takes with a player beside it and the actions under it."""

    take_chosen = Signal(object)  # TapeTake: Enter or double-click, now playing
    loaded = Signal()  # the list was read (after show_folder)
    changed = Signal()  # a take was starred, trimmed, deleted or added

    def __init__(
        self,
        library: TapeLibrary,
        runner: BackgroundRunner,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        store: Store | None = None,
        confirm: ConfirmFn = ask_confirmation,
        choose_folder: ChooseFolderFn | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Takes"))
        self.library = library
        self.runner = runner
        self.settings = settings
        self.store = store
        """For the audition a take was exported for (None: the link is not recorded)."""
        self.confirm = confirm
        self.choose_folder = choose_folder
        self.key: str | None = None
        self.compare_view: CompareView | None = None
        self.trim_dialog: TrimDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.model = TakesModel(self)
        self._build()
        self._connect()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Takes, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TAKE, QHeaderView.ResizeMode.Stretch)
        self.player = TakePlayer(self)
        self.empty = QLabel(
            self.tr("No takes yet. Record one in tape mode: Callback ▸ Self-Tape (%s).")
            % SELF_TAPE_KEY,
            self,
        )
        self.empty.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.play_button = QPushButton(self.tr("&Play"))
        self.play_button.setToolTip(self.tr("Play the take (Enter)"))
        self.star_button = QPushButton(self.tr("S&tar"))
        self.star_button.setToolTip(self.tr("Star the take to send, or take the star away (S)"))
        self.compare_button = QPushButton(self.tr("&Compare…"))
        self.compare_button.setToolTip(self.tr("Two selected takes side by side (Ctrl+K)"))
        self.trim_button = QPushButton(self.tr("T&rim…"))
        self.trim_button.setToolTip(self.tr("Cut the head and tail of the take (Ctrl+T)"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Make MP4 files to send to casting (Ctrl+E)"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.folder_button = QPushButton(self.tr("Show &folder"))
        self.folder_button.setToolTip(self.tr("Open the folder that holds the take"))
        buttons = QHBoxLayout()
        for button in (
            self.play_button,
            self.star_button,
            self.compare_button,
            self.trim_button,
            self.export_button,
            self.delete_button,
            self.folder_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.player)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._shortcuts = {
            "play": QShortcut(QKeySequence(Qt.Key.Key_Return), self.table),
            "play2": QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table),
            "star": QShortcut(QKeySequence(Qt.Key.Key_S), self.table),
            "delete": QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table),
            "export": QShortcut(QKeySequence("Ctrl+E"), self),
            "trim": QShortcut(QKeySequence("Ctrl+T"), self),
            "compare": QShortcut(QKeySequence("Ctrl+K"), self),
        }
        for shortcut in self._shortcuts.values():
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_buttons()

    def _connect(self) -> None:
        self.runner.finished.connect(self._on_job_done)
        self.runner.failed.connect(self._on_job_failed)
        self.model.star_requested.connect(self.set_starred)
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.play_button.clicked.connect(self.play_current)
        self.star_button.clicked.connect(self.toggle_star)
        self.compare_button.clicked.connect(self.compare_selected)
        self.trim_button.clicked.connect(self.trim_current)
        self.export_button.clicked.connect(self.export_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.folder_button.clicked.connect(self._on_show_folder)
        self.player.failed.connect(self._show_error)
        actions: dict[str, Callable[[], object]] = {
            "play": self.play_current,
            "play2": self.play_current,
            "star": self.toggle_star,
            "delete": self.delete_selected,
            "export": self.export_selected,
            "trim": self.trim_current,
            "compare": self.compare_selected,
        }
        for name, action in actions.items():
            self._shortcuts[name].activated.connect(action)

    # -- the binding interface ------------------------------------------------------------
    def show_folder(self, key: str | None) -> None:
        """List the takes of one folder (an audition's or a script's), or of all (None)."""
        self.key = key
        library = self.library
        self.runner.start()
        self.runner.submit(f"{JOB_PREFIX}list", lambda: library.takes(key))

    def add_take(self, take: TapeTake) -> None:
        """A take was just recorded (or finished): list it on top and select it."""
        if self.key is not None and take.folder_key != self.key:
            return
        row = self.model.insert_take(take)
        self._select_row(row)
        self.changed.emit()

    # -- what the actor does ------------------------------------------------------------------
    def current_take(self) -> TapeTake | None:
        """The take of the current row."""
        index = self.table.currentIndex()
        return self.model.row_item(index.row()) if index.isValid() else None

    def selected_takes(self) -> list[TapeTake]:
        """The selected takes, in the list's order (newest first)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [t for t in (self.model.row_item(r) for r in rows) if t is not None]

    def select(self, take: TapeTake, *more: TapeTake) -> None:
        """Select ``take`` (current) and ``more``."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        for item in (take, *more):
            row = self.model.row_of(item)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
        row = self.model.row_of(take)
        if row is not None:
            selection.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    @Slot()
    def play_current(self) -> None:
        """Play the current take in the player beside the list."""
        take = self.current_take()
        if take is None:
            return
        self.player.open(take.path, take_title(take, self.model.with_folder))
        self.player.play()
        self.take_chosen.emit(take)

    @Slot()
    def toggle_star(self) -> None:
        """Star the current take, or take its star away."""
        take = self.current_take()
        if take is not None:
            self.set_starred(take, not take.starred)

    @Slot(object, bool)
    def set_starred(self, take: TapeTake, starred: bool) -> None:
        """Write the star in the background; the row shows it once it is on disk."""
        library = self.library
        name = f"{JOB_PREFIX}star:{take.folder_key}:{take.number}"
        self.runner.submit(name, lambda: library.set_starred(take, starred))

    @Slot()
    def delete_selected(self) -> None:
        """Ask, then delete the selected takes (their files and their reader lines)."""
        takes = self.selected_takes()
        if not takes:
            return
        if len(takes) == 1:
            question = self.tr(
                "Delete %s, recorded %s? The recording is removed from your computer; "
                "this cannot be undone."
            ) % (take_title(takes[0], True), self.model.data(self._index_of(takes[0], COL_WHEN)))
        else:
            question = self.tr(
                "Delete these %d takes? The recordings are removed from your computer; "
                "this cannot be undone."
            ) % len(takes)
        if not self.confirm(self, self.tr("Delete takes"), question):
            return
        for take in takes:
            self._let_go(take)
            library = self.library
            name = f"{JOB_PREFIX}delete:{take.folder_key}:{take.number}"
            self.runner.submit(name, partial(_delete, library, take))

    @Slot()
    def compare_selected(self) -> CompareView | None:
        """Two selected takes side by side (the older on the left)."""
        takes = self.selected_takes()
        if len(takes) != 2:
            self._show_message(self.tr("Select two takes to compare them (Ctrl+click)."))
            return None
        from rehearsal.ui.tape.compare_view import CompareView

        newer, older = takes
        self.player.pause()
        if self.compare_view is None:
            self.compare_view = CompareView(self)
            self.compare_view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.compare_view.destroyed.connect(self._on_compare_closed)
        with_folder = self.model.with_folder
        self.compare_view.show_takes(
            (older.path, take_title(older, with_folder)),
            (newer.path, take_title(newer, with_folder)),
        )
        self.compare_view.show()
        self.compare_view.raise_()
        return self.compare_view

    @Slot()
    def trim_current(self) -> TrimDialog | None:
        """Trim the head and tail of the current take."""
        take = self.current_take()
        if take is None or not take.finished:
            return None
        from rehearsal.ui.tape.trim_dialog import TrimDialog

        self._let_go(take)
        dialog = TrimDialog(take, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.trimmed.connect(self._on_trimmed)
        dialog.destroyed.connect(lambda: setattr(self, "trim_dialog", None))
        self.trim_dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def export_selected(self) -> ExportDialog | None:
        """Export the selected takes (or the starred ones when none is selected)."""
        takes = [t for t in self.selected_takes() if t.finished]
        if not takes:
            takes = [t for t in self.model.takes() if t.starred and t.finished]
        if not takes:
            self._show_message(self.tr("Select the takes to export, or star them."))
            return None
        from rehearsal.ui.tape.export_dialog import ExportDialog

        dialog = ExportDialog(
            takes, self.settings, self, store=self.store, choose_folder=self.choose_folder
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "export_dialog", None))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when the panel is wide (its own window), the player under the
        list when it is a column beside the camera: the list keeps its columns readable."""
        super().resizeEvent(event)
        tall = self.width() < self.height() * 1.2
        wanted = Qt.Orientation.Vertical if tall else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)

    def shutdown(self) -> None:
        """Stop playing and any dialog's work (the window is closing)."""
        self.player.release()
        for dialog in (self.trim_dialog, self.export_dialog):
            if dialog is not None:
                dialog.shutdown()
        if self.compare_view is not None:
            self.compare_view.close()

    # -- helpers ----------------------------------------------------------------------------
    def _index_of(self, take: TapeTake, column: int) -> QModelIndex:
        row = self.model.row_of(take)
        return self.model.index(row if row is not None else -1, column)

    def _select_row(self, row: int) -> None:
        take = self.model.row_item(row)
        if take is not None:
            self.select(take)

    def _let_go(self, take: TapeTake) -> None:
        """Release the player if it holds ``take``'s file (before it is changed or removed)."""
        if self.player.path == take.path:
            self.player.release()

    def _show_message(self, text: str) -> None:
        set_look(self.message, "")
        self.message.setText(text)

    @Slot(str)
    def _show_error(self, text: str) -> None:
        set_look(self.message, "error")
        self.message.setText(text)

    @Slot()
    def _update_buttons(self) -> None:
        takes = self.selected_takes()
        current = self.current_take()
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        self.player.setVisible(has_rows)  # no black screen with nothing to play
        finished = current is not None and current.finished
        self.play_button.setEnabled(current is not None)
        self.star_button.setEnabled(current is not None)
        self.trim_button.setEnabled(finished)
        self.compare_button.setEnabled(len(takes) == 2)
        self.export_button.setEnabled(
            any(t.finished for t in takes) or any(t.starred for t in self.model.takes())
        )
        self.delete_button.setEnabled(bool(takes))
        self.folder_button.setEnabled(current is not None)

    # -- slots ------------------------------------------------------------------------------
    @Slot(str, object)
    def _on_job_done(self, name: str, result: object) -> None:
        if not name.startswith(JOB_PREFIX):
            return
        job = name[len(JOB_PREFIX) :]
        if job == "list" and isinstance(result, list):
            keep = self.current_take()
            self.model.set_takes(result, with_folder=self.key is None)
            if keep is not None and self.model.row_of(keep) is not None:
                self.select(keep)
            elif result:
                self._select_row(0)
            self._update_buttons()
            self.loaded.emit()
        elif job.startswith("star:") and isinstance(result, TapeTake):
            self.model.replace_take(result)
            self._update_buttons()
            self.changed.emit()
        elif job.startswith("delete:") and isinstance(result, TapeTake):
            self.model.remove_take(result)
            self._show_message(self.tr("Deleted %s.") % take_title(result, True))
            self.changed.emit()

    @Slot(str, str)
    def _on_job_failed(self, name: str, message: str) -> None:
        if name.startswith(JOB_PREFIX):
            self._show_error(message)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.column() != COL_STAR:
            self.play_current()

    @Slot(object)
    def _on_trimmed(self, take: TapeTake) -> None:
        self.model.replace_take(take)
        self.select(take)
        self.changed.emit()

    @Slot()
    def _on_compare_closed(self) -> None:
        self.compare_view = None

    @Slot()
    def _on_show_folder(self) -> None:
        take = self.current_take()
        if take is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(take.path.parent)))


def _delete(library: TapeLibrary, take: TapeTake) -> TapeTake:
    """Delete on the runner's thread; the take comes back so its row can go."""
    library.delete(take)
    return take


__all__ = ["JOB_PREFIX", "TAKE_ROLE", "TakesPanel"]
