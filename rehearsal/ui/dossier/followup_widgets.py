"""Follow-up: the outcome, the thank-you note (from the template), and what is due.

:class:`FollowUpEditor` is the dossier's last tab and the right half of
:class:`FollowUpPanel`, the list of thank-you notes due that the app shows at startup.
The note starts as the template filled with the audition's names; the actor's edits are
saved as they type; "Mark sent" records when it went out, and it is no longer due.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rehearsal.dossier.followup import (
    StartupReport,
    audition_label,
    describe_age,
    due_followups_message,
    is_follow_up_due,
    startup_report,
)
from rehearsal.dossier.thank_you import (
    DEFAULT_TEMPLATE,
    PLACEHOLDERS,
    TemplateError,
    fill_template,
    load_template,
    save_template,
    template_path,
    unknown_placeholders,
)
from rehearsal.paths import Paths
from rehearsal.store.clock import WallClock, utc_now
from rehearsal.store.database import StoreError
from rehearsal.store.dossier_records import OUTCOME_NAMES, Audition, Outcome
from rehearsal.store.facade import AuditionsRepository
from rehearsal.ui.dates import datetime_text
from rehearsal.ui.dossier.autosave import Autosaver
from rehearsal.ui.dossier.fields import record_label
from rehearsal.ui.secondary_window import add_close_keys, fit_to_screen
from rehearsal.ui.theme import set_look

ID_ROLE = Qt.ItemDataRole.UserRole + 1
THANK_YOU_PART = "thank_you"


def replace_undoably(box: QPlainTextEdit, text: str) -> None:
    """Replace the whole text as one edit the actor can undo (``setPlainText`` cannot)."""
    cursor = box.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)


class TemplateDialog(QDialog):
    """Edit the thank-you template: placeholders listed, unknown ones flagged."""

    def __init__(self, template_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thank-you template"))
        self.template_file = template_file
        self.editor = QPlainTextEdit(load_template(template_file))
        self.editor.setAccessibleName(self.tr("Thank-you template"))
        names = ", ".join(
            f"{{{p.name}}} {QCoreApplication.translate('FollowUpTemplate', p.description)}"
            for p in PLACEHOLDERS
        )
        help_label = QLabel(self.tr("Placeholders: %s.") % names)
        help_label.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        set_look(self.warning, "error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.RestoreDefaults
            | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 420)
        self.editor.textChanged.connect(self._on_text_changed)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: replace_undoably(self.editor, DEFAULT_TEMPLATE))
        self._on_text_changed()

    @Slot()
    def _on_text_changed(self) -> None:
        unknown = unknown_placeholders(self.editor.toPlainText())
        self.warning.setText(
            self.tr("Not filled in (check the spelling): %s")
            % ", ".join(f"{{{u}}}" for u in unknown)
            if unknown
            else ""
        )

    @Slot()
    def _on_save(self) -> None:
        try:
            save_template(self.template_file, self.editor.toPlainText())
        except TemplateError as exc:
            self.warning.setText(str(exc))
            return
        self.accept()


class FollowUpEditor(QWidget):
    """The outcome and the thank-you note of one audition."""

    changed = Signal(int)  # audition id: outcome, sent or dismissed changed
    failed = Signal(str)

    def __init__(
        self,
        repo: AuditionsRepository,
        template_file: Path,
        parent: QWidget | None = None,
        *,
        autosaver: Autosaver | None = None,
        now: WallClock = utc_now,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.template_file = template_file
        self.autosaver = autosaver or Autosaver(parent=self)
        self._now = now
        self._tz = tz
        self.audition: Audition | None = None
        self.template_dialog: TemplateDialog | None = None

        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        for value, name in OUTCOME_NAMES.items():
            self.outcome.addItem(record_label(name), value.value)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Thank-you note"))
        self.fill_button = QPushButton(self.tr("Fill from template"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the thank-you note"))
        self.sent_button = QPushButton(self.tr("Mark sent"))
        self.dismiss_button = QPushButton(self.tr("Won't send one"))
        self.template_button = QPushButton(self.tr("Edit template…"))
        self.template_button.setAccessibleName(self.tr("Edit the thank-you template"))
        form = QFormLayout()
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Thank-you"), self.status)
        buttons = QHBoxLayout()
        for button in (
            self.fill_button,
            self.copy_button,
            self.sent_button,
            self.dismiss_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note, 1)
        layout.addLayout(buttons)

        self.outcome.currentIndexChanged.connect(self._on_outcome)
        self.note.textChanged.connect(self._on_note_edited)
        self.fill_button.clicked.connect(self.fill_from_template)
        self.copy_button.clicked.connect(self._on_copy)
        self.sent_button.clicked.connect(self._on_sent_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss)
        self.template_button.clicked.connect(self.edit_template)
        self.set_audition(None)

    # Public -----------------------------------------------------------------------------

    def set_audition(self, audition: Audition | None) -> None:
        """Show ``audition`` (a draft starts from the template); ``None`` empties the form."""
        self.autosaver.flush()
        self.audition = audition
        for widget in (
            self.outcome,
            self.note,
            self.fill_button,
            self.copy_button,
            self.sent_button,
            self.dismiss_button,
        ):
            widget.setEnabled(audition is not None)
        self.outcome.blockSignals(True)
        self.note.blockSignals(True)
        try:
            if audition is None:
                self.note.setPlainText("")
                self.status.setText("")
                return
            self.outcome.setCurrentIndex(
                max(0, self.outcome.findData(audition.follow_up.outcome.value))
            )
            draft = audition.follow_up.thank_you_text or self.template_text(audition)
            if self.note.toPlainText() != draft:
                self.note.setPlainText(draft)
        finally:
            self.outcome.blockSignals(False)
            self.note.blockSignals(False)
        self._show_status()

    def refresh_state(self, audition: Audition) -> None:
        """Take in changed details (date, names) without touching the note being edited."""
        if self.audition is not None and self.audition.id == audition.id:
            self.audition = audition
            self._show_status()

    def template_text(self, audition: Audition) -> str:
        """The template filled with ``audition``'s names."""
        return fill_template(load_template(self.template_file), audition, self._tz)

    @Slot()
    def fill_from_template(self) -> None:
        """Replace the note with the filled template (undoable)."""
        if self.audition is not None:
            replace_undoably(self.note, self.template_text(self.audition))

    @Slot()
    def edit_template(self) -> TemplateDialog:
        """Open the template editor (non-modal); returns it so callers can drive it."""
        dialog = TemplateDialog(self.template_file, self)
        dialog.accepted.connect(self._on_template_saved)
        self.template_dialog = dialog
        dialog.open()
        return dialog

    def mark_sent(self) -> bool:
        """Save the note as it is and record that it was sent now."""
        audition = self.audition
        if audition is None or not self.autosaver.flush():
            return False
        return self._write(lambda: self.repo.mark_thank_you_sent(audition.id))

    def mark_unsent(self) -> bool:
        """The note was not sent after all: it is due again."""
        audition = self.audition
        return audition is not None and self._write(
            lambda: self.repo.mark_thank_you_unsent(audition.id)
        )

    def dismiss(self) -> bool:
        """No thank-you for this one: stop offering it."""
        audition = self.audition
        if audition is None or not self.autosaver.flush():
            return False
        return self._write(lambda: self.repo.dismiss_follow_up(audition.id))

    # Helpers ----------------------------------------------------------------------------

    def _write(self, action: Callable[[], object]) -> bool:
        audition = self.audition
        if audition is None:
            return False
        try:
            action()
            fresh = self.repo.get(audition.id)
        except (StoreError, ValueError) as exc:
            self.failed.emit(str(exc))
            return False
        if fresh is not None:
            self.audition = fresh
        self._show_status()
        self.changed.emit(audition.id)
        return True

    def _show_status(self) -> None:
        audition = self.audition
        if audition is None:
            return
        state, now = audition.follow_up, self._now()
        sent = state.thank_you_sent_at
        if sent is not None:
            text = self.tr("Sent %s.") % datetime_text(sent, self._tz, weekday=True)
        elif state.dismissed_at is not None:
            text = self.tr("You chose not to send one.")
        elif is_follow_up_due(audition, now) and audition.when is not None:
            text = self.tr("Due: the audition was %s.") % describe_age(audition.when, now, self._tz)
        elif audition.when is None:
            text = self.tr("Set the audition's date: the note is offered once it has passed.")
        else:
            text = self.tr("Offered after the audition.")
        self.status.setText(text)
        self.sent_button.setText(
            self.tr("Not sent after all") if sent is not None else self.tr("Mark sent")
        )
        self.dismiss_button.setEnabled(sent is None and state.dismissed_at is None)

    # Slots ------------------------------------------------------------------------------

    @Slot()
    def _on_note_edited(self) -> None:
        audition = self.audition
        if audition is None:
            return
        audition_id, note = audition.id, self.note
        self.autosaver.mark(
            THANK_YOU_PART, lambda: self.repo.save_thank_you(audition_id, note.toPlainText())
        )

    @Slot(int)
    def _on_outcome(self, _index: int) -> None:
        audition = self.audition
        if audition is not None:
            outcome = Outcome(self.outcome.currentData())
            self._write(lambda: self.repo.set_outcome(audition.id, outcome))

    @Slot()
    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.note.toPlainText())
        self.status.setText(self.tr("Copied. Paste it into your email, then press Mark sent."))

    @Slot()
    def _on_sent_clicked(self) -> None:
        audition = self.audition
        if audition is not None and audition.follow_up.thank_you_sent:
            self.mark_unsent()
        else:
            self.mark_sent()

    @Slot()
    def _on_dismiss(self) -> None:
        self.dismiss()

    @Slot()
    def _on_template_saved(self) -> None:
        audition = self.audition
        if audition is not None and not audition.follow_up.thank_you_text:
            self.fill_from_template()


class FollowUpPanel(QWidget):
    """What is due: each thank-you note not sent yet, editable and markable in place."""

    openDossierRequested = Signal(int)
    dueCountChanged = Signal(int)
    failed = Signal(str)

    def __init__(
        self,
        repo: AuditionsRepository,
        paths: Paths,
        parent: QWidget | None = None,
        *,
        now: WallClock = utc_now,
        tz: tzinfo | None = None,
        template_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Rehearsal — Follow-ups"))
        fit_to_screen(self, 860, 480)
        self._close_shortcuts = add_close_keys(self)
        self.repo = repo
        self._now = now
        self._tz = tz
        self.report = StartupReport()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Thank-you notes due"))
        self.editor = FollowUpEditor(
            repo,
            template_file or template_path(paths),
            now=now,
            tz=tz,
        )
        self.open_button = QPushButton(self.tr("Open dossier"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the follow-ups"))
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self._on_current)
        self.editor.changed.connect(self._on_changed)
        self.editor.failed.connect(self.failed.emit)
        self.open_button.clicked.connect(self._on_open)
        self.close_button.clicked.connect(self.close)
        self.refresh()

    @property
    def due_count(self) -> int:
        """How many thank-you notes are due."""
        return len(self.report.due)

    def refresh(self) -> None:
        """Ask the store again what is due now."""
        try:
            self.report = startup_report(self.repo.list_auditions(), self._now())
        except StoreError as exc:
            self.summary.setText(str(exc))
            self.failed.emit(str(exc))
            return
        keep = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() else None
        self.list.blockSignals(True)
        self.list.clear()
        for item in self.report.due:
            age = describe_age(item.due_since, self._now(), self._tz)
            text = self.tr("%s — %s (overdue)") if item.overdue else self.tr("%s — %s")
            row = QListWidgetItem(text % (audition_label(item.audition), age))
            row.setData(ID_ROLE, item.audition.id)
            self.list.addItem(row)
        self.list.blockSignals(False)
        message = due_followups_message(self.report, self._now(), self._tz)
        self.summary.setText(message or self.tr("All caught up: no thank-you notes are due."))
        ids = [d.audition.id for d in self.report.due]
        self.select(keep if keep in ids else (ids[0] if ids else None))
        self.open_button.setEnabled(bool(ids))
        self.dueCountChanged.emit(len(ids))

    def select(self, audition_id: int | None) -> None:
        """Show the note of ``audition_id`` (``None``: nothing)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == audition_id:
                self.list.setCurrentItem(item)
                return
        self.editor.set_audition(None)

    def shutdown(self) -> None:
        """Save the note being edited."""
        self.editor.autosaver.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current(self, current: QListWidgetItem | None, _previous: object) -> None:
        audition = None
        if current is not None:
            found = [d.audition for d in self.report.due if d.audition.id == current.data(ID_ROLE)]
            audition = found[0] if found else None
        self.editor.set_audition(audition)

    @Slot(int)
    def _on_changed(self, _audition_id: int) -> None:
        self.refresh()

    @Slot()
    def _on_open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.openDossierRequested.emit(int(item.data(ID_ROLE)))


def show_followups_on_startup(
    repo: AuditionsRepository,
    paths: Paths,
    parent: QWidget | None = None,
    *,
    now: WallClock = utc_now,
) -> FollowUpPanel | None:
    """Open the follow-up panel when a thank-you note is due; returns it, else ``None``.

    Auditions and self-tapes coming up are not a reason to open a window at start: the
    home lists them and a bar announces a tape due within two days; the panel still
    mentions them once it is open.

    Raises :class:`~rehearsal.store.database.StoreError` if the auditions cannot be read.
    """
    report = startup_report(repo.list_auditions(), now())
    if not report.due:
        return None
    panel = FollowUpPanel(repo, paths, parent, now=now)
    panel.show()
    return panel
