"""The director-note editor: browse the deck, add and edit notes, import a friend's deck.

Every change goes through :class:`~rehearsal.notes.deck.NoteDeck`, which keeps the bundled
deck file untouched and stores the actor's notes (and their edits of bundled ones) in their
own file. The dialog works on a copy of the deck so that Close without saving really leaves
the app's deck as it was; after a successful save ``deck_saved`` hands the new deck over.
Problems (a note that already exists, an unreadable import, a folder that cannot be
written) appear as a line in the dialog naming the file, never as a traceback.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rehearsal.notes.deck import NoteDeck
from rehearsal.notes.deckfile import MAX_TEXT_CHARS
from rehearsal.notes.note import Category, DeckError, Level, Note, Origin
from rehearsal.ui.note_labels import category_name, level_name, origin_name
from rehearsal.ui.notes_table_model import (
    COL_CATEGORY,
    COL_ENABLED,
    COL_ID,
    COL_LEVEL,
    COL_ORIGIN,
    COL_SPOKEN,
    COL_TEXT,
    NOTE_ID_ROLE,
    NotesFilterProxy,
    NotesTableModel,
)
from rehearsal.ui.secondary_window import fit_to_screen
from rehearsal.ui.theme import set_look

FileChooser = Callable[[QWidget], Path | None]
Confirm = Callable[[QWidget, str], bool]


def _choose_deck_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Import a note deck"),
        "",
        parent.tr("Note decks (*.toml);;All files (*)"),
    )
    return Path(name) if name else None


def _ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, parent.tr("Director notes"), question)
    return answer == QMessageBox.StandardButton.Yes


class NotesEditorDialog(QDialog):
    """Browse, filter and change the director-note deck; Save writes the user's notes file.

    ``choose_file`` (default: a file dialog) and ``confirm`` (default: a yes/no box) can be
    replaced, so tests and scripted use never wait on a modal window.
    """

    deck_saved = Signal(object)  # the saved NoteDeck, to use from now on

    def __init__(
        self,
        deck: NoteDeck,
        parent: QWidget | None = None,
        *,
        choose_file: FileChooser | None = None,
        confirm: Confirm | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Director notes"))
        self.setAccessibleName(self.tr("Director notes"))
        fit_to_screen(self, 980, 640)
        # A deep copy: the deck is a few dicts of frozen notes, and Close must undo it all.
        self.deck = copy.deepcopy(deck)
        self.dirty = False
        self._choose_file = choose_file or _choose_deck_file
        self._confirm = confirm or _ask
        self._editing: str | None = None  # note id in the form, None for a new note
        self.model = NotesTableModel(self.deck, self)
        self.proxy = NotesFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._connect()
        if self.deck.user_error is not None:
            self.user_error_label.setText(
                self.tr(
                    "Your notes file could not be read, so only the bundled notes are shown: "
                    "%s. Saving keeps the unreadable file beside the new one (.broken)."
                )
                % self.deck.user_error
            )
        self.user_error_label.setVisible(self.deck.user_error is not None)
        self.table.sortByColumn(COL_CATEGORY, Qt.SortOrder.AscendingOrder)
        self._start_new()
        self._update_count()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.user_error_label = QLabel(self)
        self.user_error_label.setObjectName("deck_warning")
        set_look(self.user_error_label, "warning")
        self.user_error_label.setWordWrap(True)
        self.user_error_label.setAccessibleName(self.tr("Problem with your notes file"))
        self.category_filter = QComboBox(self)
        self.category_filter.setAccessibleName(self.tr("Show category"))
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in Category:
            self.category_filter.addItem(category_name(category), category.value)
        self.level_filter = QComboBox(self)
        self.level_filter.setAccessibleName(self.tr("Show level"))
        self.level_filter.addItem(self.tr("All levels"), None)
        for level in Level:
            self.level_filter.addItem(level_name(level), int(level))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search notes"))
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Number of notes shown"))
        filters = QHBoxLayout()
        filters.addWidget(self.category_filter)
        filters.addWidget(self.level_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Notes"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # Widths from the longest possible label rather than ResizeToContents, which
        # measures every row again after each change.
        metrics, pad = self.table.fontMetrics(), 24
        widest = {
            COL_ENABLED: [self.tr("On"), "MM"],
            COL_CATEGORY: [category_name(c) for c in Category],
            COL_LEVEL: [level_name(level) for level in Level],
            COL_ORIGIN: [origin_name(origin) for origin in Origin],
        }
        for column, texts in widest.items():
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + pad)
        header.resizeSection(COL_SPOKEN, 150)
        header.resizeSection(COL_ID, 120)

        def button(text: str, name: str, tip: str) -> QPushButton:
            made = QPushButton(text, self)
            made.setAccessibleName(name)
            made.setToolTip(tip)
            return made

        self.new_button = button(
            self.tr("New note"), self.tr("New note"), self.tr("Write a note of your own")
        )
        self.toggle_button = button(
            self.tr("Disable"),
            self.tr("Disable or enable the note"),
            self.tr("Never draw this note"),
        )
        self.reset_button = button(
            self.tr("Reset to original"),
            self.tr("Reset to the original"),
            self.tr("Undo your changes to this bundled note"),
        )
        self.delete_button = button(
            self.tr("Delete"), self.tr("Delete the note"), self.tr("Delete your note")
        )
        self.import_button = button(
            self.tr("Import deck…"),
            self.tr("Import a deck file"),
            self.tr("Add the notes of a deck file"),
        )
        actions = QHBoxLayout()
        for widget in (self.new_button, self.toggle_button, self.reset_button):
            actions.addWidget(widget)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)

        self.form_box = QGroupBox(self)
        self.form_box.setAccessibleName(self.tr("Note"))
        self.category_edit = QComboBox(self.form_box)
        self.category_edit.setAccessibleName(self.tr("Category"))
        for category in Category:
            self.category_edit.addItem(category_name(category), category.value)
        self.level_edit = QComboBox(self.form_box)
        self.level_edit.setAccessibleName(self.tr("Level"))
        for level in Level:
            self.level_edit.addItem(level_name(level), int(level))
        self.text_edit = QLineEdit(self.form_box)
        self.text_edit.setMaxLength(MAX_TEXT_CHARS)
        self.text_edit.setPlaceholderText(self.tr("What the director says, e.g. “It's 3 a.m.”"))
        self.text_edit.setAccessibleName(self.tr("Note text"))
        self.spoken_edit = QLineEdit(self.form_box)
        self.spoken_edit.setMaxLength(MAX_TEXT_CHARS)
        self.spoken_edit.setPlaceholderText(self.tr("Same as the text"))
        self.spoken_edit.setAccessibleName(self.tr("Spoken version"))
        self.original_label = QLabel(self.form_box)
        self.original_label.setWordWrap(True)
        self.original_label.setAccessibleName(self.tr("The original note"))
        self.apply_button = QPushButton(self.form_box)
        self.apply_button.setAccessibleName(self.tr("Apply the note"))
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.category_edit)
        kind_row.addWidget(self.level_edit)
        kind_row.addStretch(1)
        kind_row.addWidget(self.apply_button)
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("Kind:"), kind_row)
        form.addRow(self.tr("&Text:"), self.text_edit)
        form.addRow(self.tr("&Spoken as:"), self.spoken_edit)
        form.addRow(self.original_label)

        self.message = QLabel(self)
        self.message.setObjectName("editor_message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save your notes"))
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.user_error_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.category_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.level_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.search.textChanged.connect(self._on_filter_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.toggled.connect(self._on_toggled)
        self.new_button.clicked.connect(self._on_new)
        self.toggle_button.clicked.connect(self._on_toggle)
        self.reset_button.clicked.connect(self._on_reset)
        self.delete_button.clicked.connect(self._on_delete)
        self.import_button.clicked.connect(self._on_import)
        self.apply_button.clicked.connect(self._on_apply)
        self.text_edit.returnPressed.connect(self._on_apply)
        self.spoken_edit.returnPressed.connect(self._on_apply)
        self.save_button.clicked.connect(self._on_save)
        self.close_button.clicked.connect(self.reject)

    # -- state -------------------------------------------------------------------------------

    def current_note(self) -> Note | None:
        """The note selected in the table (and shown in the form), if any."""
        return None if self._editing is None else self.deck.get(self._editing)

    def select_note(self, note_id: str) -> bool:
        """Select a note in the table (clearing filters that hide it); False if unknown."""
        row = self.model.row_of(note_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, COL_TEXT))
        if not index.isValid():
            self.search.clear()
            self.category_filter.setCurrentIndex(0)
            self.level_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, COL_TEXT))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _changed(self, message: str, select: str | None = None) -> None:
        self.dirty = True
        self.model.reload()
        self._update_count()
        if select is None or not self.select_note(select):
            self._start_new()
        self._say(message)

    def _say(self, message: str, *, error: bool = False) -> None:
        set_look(self.message, "error" if error else "")
        self.message.setText(message)

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        # Count what is listed: the user file may disable ids no deck has any more.
        off = sum(1 for n in self.deck.notes(include_disabled=True) if self.deck.is_disabled(n.id))
        if shown == total:
            text = self.tr("%d notes") % total
        else:
            text = self.tr("%d of %d notes") % (shown, total)
        if off:
            text += self.tr(", %d disabled") % off
        self.count_label.setText(text)

    def _start_new(self) -> None:
        """An empty form for a note of the actor's own."""
        self._editing = None
        self.table.selectionModel().clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.form_box.setTitle(self.tr("New note"))
        # A new note most likely belongs where the actor is looking.
        for combo, shown in (
            (self.category_edit, self.category_filter),
            (self.level_edit, self.level_filter),
        ):
            if shown.currentData() is not None:
                combo.setCurrentIndex(combo.findData(shown.currentData()))
        self.text_edit.clear()
        self.spoken_edit.clear()
        self.original_label.hide()
        self.apply_button.setText(self.tr("Add note"))
        self._update_buttons(None)

    def _show_note(self, note: Note) -> None:
        self._editing = note.id
        self.form_box.setTitle(self.tr("Note %s") % note.id)
        self.category_edit.setCurrentIndex(self.category_edit.findData(note.category.value))
        self.level_edit.setCurrentIndex(self.level_edit.findData(int(note.level)))
        self.text_edit.setText(note.text)
        self.spoken_edit.setText(note.spoken if note.has_own_spoken else "")
        original = self.deck.original(note.id)
        if note.origin is Origin.EDITED and original is not None:
            self.original_label.setText(self.tr("Original: %s") % original.text)
            self.original_label.show()
        else:
            self.original_label.hide()
        self.apply_button.setText(self.tr("Apply changes"))
        self._update_buttons(note)

    def _update_buttons(self, note: Note | None) -> None:
        self.toggle_button.setEnabled(note is not None)
        disabled = note is not None and self.deck.is_disabled(note.id)
        self.toggle_button.setText(self.tr("Enable") if disabled else self.tr("Disable"))
        self.reset_button.setEnabled(note is not None and note.origin is Origin.EDITED)
        self.delete_button.setEnabled(note is not None and note.origin is Origin.USER)

    # -- slots -------------------------------------------------------------------------------

    @Slot()
    def _on_filter_changed(self) -> None:
        category = self.category_filter.currentData()
        level = self.level_filter.currentData()
        self.proxy.set_filter(
            None if category is None else Category(category),
            None if level is None else Level(level),
            self.search.text(),
        )
        self._update_count()

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        del previous
        if not current.isValid():
            return
        note_id = current.data(NOTE_ID_ROLE)
        if isinstance(note_id, str):
            self._show_note(self.deck.get(note_id))

    @Slot(str, bool)
    def _on_toggled(self, note_id: str, enabled: bool) -> None:
        self.dirty = True
        self._update_count()
        if note_id == self._editing:
            self._update_buttons(self.deck.get(note_id))
        note = self.deck.get(note_id)
        message = (
            self.tr("“%s” will be drawn again.") if enabled else self.tr("“%s” will not be drawn.")
        )
        self._say(message % note.text)

    @Slot()
    def _on_new(self) -> None:
        self._start_new()
        self.text_edit.setFocus()
        self._say("")

    @Slot()
    def _on_apply(self) -> None:
        category = str(self.category_edit.currentData())
        level = int(self.level_edit.currentData())
        text, spoken = self.text_edit.text(), self.spoken_edit.text()
        try:
            if self._editing is None:
                note = self.deck.add(category, level, text, spoken)
                message = self.tr("Added “%s”.") % note.text
            else:
                note = self.deck.edit(
                    self._editing, category=category, level=level, text=text, spoken=spoken
                )
                message = self.tr("Changed “%s”.") % note.text
        except DeckError as exc:
            self._say(self.tr("The note was not saved: %s") % exc, error=True)
            return
        self._changed(message, note.id)

    @Slot()
    def _on_toggle(self) -> None:
        note = self.current_note()
        if note is None:
            return
        row = self.model.row_of(note.id)
        if row is not None:
            state = (
                Qt.CheckState.Checked if self.deck.is_disabled(note.id) else Qt.CheckState.Unchecked
            )
            self.model.setData(
                self.model.index(row, COL_ENABLED), state, Qt.ItemDataRole.CheckStateRole
            )

    @Slot()
    def _on_reset(self) -> None:
        note = self.current_note()
        if note is None:
            return
        try:
            original = self.deck.reset(note.id)
        except DeckError as exc:
            self._say(str(exc), error=True)
            return
        self._changed(self.tr("“%s” is back to the original.") % original.text, original.id)

    @Slot()
    def _on_delete(self) -> None:
        note = self.current_note()
        if note is None or not self._confirm(self, self.tr("Delete your note “%s”?") % note.text):
            return
        try:
            self.deck.remove(note.id)
        except DeckError as exc:
            self._say(str(exc), error=True)
            return
        self._changed(self.tr("Deleted “%s”.") % note.text)

    @Slot()
    def _on_import(self) -> None:
        path = self._choose_file(self)
        if path is None:
            return
        try:
            result = self.deck.import_file(path)
        except DeckError as exc:
            self._say(self.tr("Nothing was imported: %s") % exc, error=True)
            return
        message = self.tr("Imported %d notes from %s.") % (len(result.added), path.name)
        if result.skipped:
            message += " " + self.tr("%d already in your deck were skipped.") % len(result.skipped)
        first = result.added[0].id if result.added else None
        if result.added:
            self._changed(message, first)
        else:
            self._say(message)

    @Slot()
    def _on_save(self) -> None:
        try:
            moved = self.deck.save()
        except DeckError as exc:
            self._say(self.tr("Your notes could not be saved: %s") % exc, error=True)
            return
        self.dirty = False
        if moved is not None:
            self._say(self.tr("Saved. The unreadable old file was kept as %s.") % moved)
        self.deck_saved.emit(self.deck)
        self.accept()

    def reject(self) -> None:
        """Close, after asking when there are unsaved changes (Esc and the title bar too)."""
        if self.dirty and not self._confirm(
            self, self.tr("Close without saving your changes to the director notes?")
        ):
            return
        super().reject()
