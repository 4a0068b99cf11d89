"""The auditions window: every audition and callback, upcoming or past, searchable.

From here the actor opens a dossier (one window per audition, reused if already open),
adds or deletes auditions, checks in before an audition, and sees the thank-you notes due.
All store calls are single small queries, so they run on the GUI thread.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rehearsal.dossier.followup import due_followups
from rehearsal.dossier.wardrobe_photos import remove_photo
from rehearsal.paths import Paths
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import StoreError
from rehearsal.store.dossier_records import Audition, AuditionDetails
from rehearsal.store.facade import Store
from rehearsal.ui.dossier.auditions_model import (
    COL_WHEN,
    AuditionFilterProxy,
    AuditionTableModel,
    Scope,
)
from rehearsal.ui.dossier.autosave import DEFAULT_DELAY_MS
from rehearsal.ui.dossier.checkin_dialog import CheckInDialog
from rehearsal.ui.dossier.choosers import OpenPathFn, PrinterFn, ask_photo_path, ask_printer
from rehearsal.ui.dossier.dossier_editor import DossierEditor
from rehearsal.ui.dossier.fields import audition_title
from rehearsal.ui.dossier.followup_widgets import FollowUpPanel
from rehearsal.ui.questions import ConfirmFn, SavePathFn, ask_confirmation, ask_save_path
from rehearsal.ui.secondary_window import add_close_keys, fit_to_screen
from rehearsal.ui.theme import set_look

SCOPES = (
    (Scope.UPCOMING, str(QT_TRANSLATE_NOOP("AuditionsWindow", "Upcoming"))),
    (Scope.PAST, str(QT_TRANSLATE_NOOP("AuditionsWindow", "Past"))),
    (Scope.ALL, str(QT_TRANSLATE_NOOP("AuditionsWindow", "All"))),
)


class AuditionsWindow(QWidget):
    """List, search, open, add and delete auditions."""

    dossierOpened = Signal(int)  # audition id, editor on screen
    auditionDeleted = Signal(int)
    checkedIn = Signal(int)  # check-in id
    errorShown = Signal(str)

    def __init__(
        self,
        store: Store,
        paths: Paths,
        parent: QWidget | None = None,
        *,
        now: WallClock = utc_now,
        tz: tzinfo | None = None,
        confirm: ConfirmFn = ask_confirmation,
        choose_photo: OpenPathFn = ask_photo_path,
        choose_save_path: SavePathFn = ask_save_path,
        choose_printer: PrinterFn = ask_printer,
        autosave_ms: int = DEFAULT_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Rehearsal — Auditions"))
        fit_to_screen(self, 980, 560)
        self._close_shortcuts = add_close_keys(self)
        self.store = store
        self.repo = store.auditions
        self.checkins = store.checkins
        self.paths = paths
        self._now = now
        self._tz = tz
        self.confirm = confirm
        self.choose_photo = choose_photo
        self.choose_save_path = choose_save_path
        self.choose_printer = choose_printer
        self._autosave_ms = autosave_ms
        self.editors: dict[int, DossierEditor] = {}
        self.followups: FollowUpPanel | None = None
        self.checkin_dialog: CheckInDialog | None = None
        self.model = AuditionTableModel(self, now=now)
        self._countdown = QTimer(self, interval=60_000)  # self-tape deadlines tick down
        self._countdown.timeout.connect(self.model.tick)
        self._countdown.start()
        self.proxy = AuditionFilterProxy(now, self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()
        self.refresh()
        self._on_scope_changed()

    # Building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search auditions"))
        self.search.setPlaceholderText(self.tr("Search project, role, casting, director, place…"))
        self.search.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Show"))
        for scope, name in SCOPES:
            self.scope.addItem(self.tr(name), scope.value)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        top.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Auditions"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)

        self.new_button = QPushButton(self.tr("&New audition"))
        self.open_button = QPushButton(self.tr("&Open dossier"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete the selected audition"))
        self.checkin_button = QPushButton(self.tr("&Check in…"))
        self.followups_button = QPushButton(self.tr("Follow-ups"))
        self.empty_hint = QLabel(
            self.tr(
                "No auditions yet. New audition starts a dossier: the details and deadline, "
                "research, character work, wardrobe and the thank-you afterwards."
            )
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.open_button,
            self.delete_button,
            self.checkin_button,
            self.followups_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        self._find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)

    def _connect(self) -> None:
        self.search.textChanged.connect(self._on_search)
        self.scope.currentIndexChanged.connect(self._on_scope_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.new_button.clicked.connect(self._on_new)
        self.open_button.clicked.connect(self._on_open)
        self.delete_button.clicked.connect(self._on_delete)
        self._delete_shortcut.activated.connect(self._on_delete)
        self._find_shortcut.activated.connect(self.search.setFocus)
        self.checkin_button.clicked.connect(self._on_checkin)
        self.followups_button.clicked.connect(self.show_followups)

    # Public -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the auditions (keeping the selection) and the follow-up count."""
        keep = self.selected_audition()
        try:
            auditions = self.repo.list_auditions()
        except StoreError as exc:
            self._show_error(str(exc))
            return
        self.model.set_auditions(auditions)
        self.proxy.refresh_clock()
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()
        self._update_followups_button(auditions)

    def selected_audition(self) -> Audition | None:
        """The audition of the current row."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.audition_at(self.proxy.mapToSource(index).row())

    def select(self, audition_id: int) -> bool:
        """Make the row of ``audition_id`` current, if it is shown."""
        row = self.model.row_of(audition_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def set_scope(self, scope: Scope) -> None:
        """Show upcoming, past or all auditions."""
        self.scope.setCurrentIndex(self.scope.findData(scope.value))

    def new_audition(self, details: AuditionDetails | None = None) -> DossierEditor | None:
        """Create an audition and open its dossier on the first tab."""
        try:
            audition_id = self.repo.create(details or AuditionDetails())
        except (StoreError, ValueError) as exc:
            self._show_error(str(exc))
            return None
        self.set_scope(Scope.UPCOMING)  # a new audition is undated: listed as upcoming
        self.search.clear()
        self.refresh()
        self.select(audition_id)
        editor = self.open_dossier(audition_id)
        editor.details_tab.project.setFocus()
        return editor

    def open_dossier(self, audition_id: int) -> DossierEditor:
        """Show the dossier of ``audition_id`` (the open window if there is one)."""
        editor = self.editors.get(audition_id)
        if editor is None:
            editor = DossierEditor(
                self.store,
                self.paths,
                audition_id,
                self,
                now=self._now,
                tz=self._tz,
                autosave_ms=self._autosave_ms,
                choose_photo=self.choose_photo,
                choose_save_path=self.choose_save_path,
                choose_printer=self.choose_printer,
                confirm=self.confirm,
            )
            editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            editor.auditionChanged.connect(self._on_audition_changed)
            editor.closed.connect(self._on_editor_closed)
            self.editors[audition_id] = editor
        editor.show()
        editor.raise_()
        editor.activateWindow()
        self.dossierOpened.emit(audition_id)
        return editor

    def show_followups(self) -> FollowUpPanel:
        """Show what thank-you notes are due (one panel, reused)."""
        if self.followups is None:
            panel = FollowUpPanel(self.repo, self.paths, self, now=self._now, tz=self._tz)
            panel.openDossierRequested.connect(self.open_dossier)
            panel.dueCountChanged.connect(self._on_due_count)
            panel.editor.changed.connect(self._on_audition_changed)
            self.followups = panel
        else:
            self.followups.refresh()
        self.followups.show()
        self.followups.raise_()
        return self.followups

    def check_in(self, audition_id: int | None = None) -> CheckInDialog:
        """Open the check-in for an audition (non-modal; ``checkedIn`` says when saved)."""
        context = self.tr("Before the audition: how are you arriving?")
        if audition_id is not None:
            audition = self.repo.get(audition_id)
            if audition is not None:
                context = self.tr("Before %s: how are you arriving?") % (
                    audition_title(audition.details)
                )
        dialog = CheckInDialog(self.checkins, self, audition_id=audition_id, context=context)
        dialog.checkedIn.connect(self._on_checked_in)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.checkin_dialog = dialog
        dialog.open()
        return dialog

    def shutdown(self) -> None:
        """Save and close every open dossier (called on close; tests call it at teardown)."""
        for editor in list(self.editors.values()):
            editor.flush()
            editor.close()
        if self.followups is not None:
            self.followups.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # Helpers ----------------------------------------------------------------------------

    def _show_error(self, message: str) -> None:
        set_look(self.status, "error")
        self.status.setText(message)
        self.errorShown.emit(message)

    def _show_status(self, message: str) -> None:
        set_look(self.status, "")
        self.status.setText(message)

    def _update_buttons(self) -> None:
        selected = self.selected_audition() is not None
        self.open_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _update_followups_button(self, auditions: list[Audition]) -> None:
        self._on_due_count(len(due_followups(auditions, self._now())))

    # Slots ------------------------------------------------------------------------------

    @Slot()
    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.empty_hint.setVisible(total == 0)
        self.count_label.setText(
            self.tr("%d of %d") % (shown, total) if shown != total else str(total)
        )

    @Slot(int)
    def _on_due_count(self, count: int) -> None:
        self.followups_button.setText(
            self.tr("Follow-ups (%d)") % count if count else self.tr("Follow-ups")
        )

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    @Slot()
    def _on_scope_changed(self) -> None:
        scope = Scope(self.scope.currentData())
        self.proxy.set_scope(scope)
        # Upcoming reads soonest first; the past reads most recent first.
        order = (
            Qt.SortOrder.AscendingOrder if scope is Scope.UPCOMING else Qt.SortOrder.DescendingOrder
        )
        self.table.sortByColumn(COL_WHEN, order)
        self._update_count()
        self._update_buttons()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        audition = self.model.audition_at(self.proxy.mapToSource(index).row())
        if audition is not None:
            self.open_dossier(audition.id)

    @Slot()
    def _on_new(self) -> None:
        self.new_audition()

    @Slot()
    def _on_open(self) -> None:
        audition = self.selected_audition()
        if audition is not None:
            self.open_dossier(audition.id)

    @Slot()
    def _on_delete(self) -> None:
        audition = self.selected_audition()
        if audition is None:
            return
        question = self.tr(
            "Delete %s and its whole dossier (research, character work, wardrobe, "
            "thank-you note)?\n\nThe scripts and rehearsal sessions stay. "
            "This cannot be undone."
        ) % audition_title(audition.details)
        if not self.confirm(self, self.tr("Delete audition"), question):
            return
        editor = self.editors.pop(audition.id, None)
        if editor is not None:
            editor.autosaver.discard()
            editor.close()
        try:
            unused = self.repo.delete(audition.id)
        except StoreError as exc:
            self._show_error(str(exc))
            return
        for photo in unused:
            remove_photo(self.paths, photo)
        self._show_status(self.tr("Deleted %s.") % audition_title(audition.details))
        self.refresh()
        if self.followups is not None:
            self.followups.refresh()
        self.auditionDeleted.emit(audition.id)

    @Slot()
    def _on_checkin(self) -> None:
        audition = self.selected_audition()
        self.check_in(audition.id if audition is not None else None)

    @Slot(int)
    def _on_checked_in(self, checkin_id: int) -> None:
        self._show_status(self.tr("Check-in saved."))
        self.checkedIn.emit(checkin_id)

    @Slot(int)
    def _on_audition_changed(self, _audition_id: int) -> None:
        self.refresh()
        if self.followups is not None and self.sender() is not self.followups.editor:
            self.followups.refresh()

    @Slot(int)
    def _on_editor_closed(self, audition_id: int) -> None:
        self.editors.pop(audition_id, None)
