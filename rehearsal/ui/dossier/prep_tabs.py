"""The dossier's preparation tabs: research, the character worksheet, wardrobe.

Each tab only shows a record and reports edits; the editor decides when to save. The
character tab keeps one box per other character of the linked sides, rebuilt whenever the
sides change, keeping whatever the actor already typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rehearsal.store.dossier_records import (
    GIVEN_CIRCUMSTANCES,
    RESEARCH_FIELDS,
    AuditionRound,
    Relationship,
    Research,
    Wardrobe,
    Worksheet,
)
from rehearsal.ui.dossier.fields import (
    connect_edits,
    record_label,
    set_text_quietly,
    text_box,
    text_of,
)
from rehearsal.ui.theme import set_look

THUMBNAIL_PX = 180
CONSISTENCY_REMINDER = str(
    QT_TRANSLATE_NOOP(
        "WardrobeTab",
        "Stay consistent: casting remembers the person who walked in for the first round. "
        "Wear the same outfit, or a close echo of it — same colours, same shape, same hair.",
    )
)
LATER_ROUNDS = frozenset(
    {AuditionRound.CALLBACK, AuditionRound.CHEMISTRY_READ, AuditionRound.PRODUCER_SESSION}
)


def _scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(content)
    return area


class ResearchTab(QWidget):
    """Free Markdown notes with a preview, and the guided questions."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QPlainTextEdit] = {
            name: text_box(record_label(label), 2) for name, label in RESEARCH_FIELDS
        }
        form = QFormLayout()
        for name, label in RESEARCH_FIELDS:
            form.addRow(record_label(label), self.fields[name])
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Research notes"))
        self.notes.setPlaceholderText(
            self.tr(
                "Anything you found: interviews, the tone of the pilot, what the casting "
                "director likes to see … Markdown works: **bold**, *italic*, - lists, # headings."
            )
        )
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Research notes preview"))
        self.preview.setOpenExternalLinks(True)
        self.notes_stack = QStackedWidget()
        self.notes_stack.addWidget(self.notes)
        self.notes_stack.addWidget(self.preview)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setCheckable(True)
        self.preview_button.setAccessibleName(self.tr("Preview the research notes"))
        notes_header = QHBoxLayout()
        notes_header.addWidget(QLabel(self.tr("<b>Notes</b> (Markdown)")))
        notes_header.addStretch(1)
        notes_header.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(notes_header)
        layout.addWidget(self.notes_stack, 1)
        connect_edits([*self.fields.values(), self.notes], self.edited.emit)
        self.preview_button.toggled.connect(self._on_preview)

    def load(self, research: Research) -> None:
        """Show ``research`` without announcing edits."""
        set_text_quietly(self.notes, research.notes)
        for name, box in self.fields.items():
            set_text_quietly(box, getattr(research, name))

    def research(self) -> Research:
        """What the fields say now."""
        values = {name: text_of(box) for name, box in self.fields.items()}
        return Research(notes=self.notes.toPlainText(), **values)

    @Slot(bool)
    def _on_preview(self, on: bool) -> None:
        if on:
            self.preview.setMarkdown(self.notes.toPlainText())
        self.notes_stack.setCurrentWidget(self.preview if on else self.notes)
        self.preview_button.setText(self.tr("Edit") if on else self.tr("Preview"))


class CharacterTab(QWidget):
    """Given circumstances, backstory, relationships, moment before and beats."""

    edited = Signal()
    relationshipEdited = Signal(str)  # character name
    printRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.circumstances: dict[str, QPlainTextEdit] = {
            name: text_box(record_label(question), 2) for name, question in GIVEN_CIRCUMSTANCES
        }
        self.backstory = text_box(self.tr("Backstory"), 5)
        self.moment_before = text_box(
            self.tr("Moment before"), 3, self.tr("What just happened, a second ago?")
        )
        self.beats = text_box(
            self.tr("Beats"), 5, self.tr("One beat per line: what changes, and what I play.")
        )
        self.relationship_boxes: dict[str, QPlainTextEdit] = {}
        self._relationship_form = QFormLayout()
        self.no_characters = QLabel(
            self.tr(
                "Tick the sides on the first tab: every other character in them is listed here."
            )
        )
        self.no_characters.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print worksheet…"))

        circumstances = QGroupBox(self.tr("Given circumstances"))
        form = QFormLayout(circumstances)
        for name, question in GIVEN_CIRCUMSTANCES:
            form.addRow(record_label(question), self.circumstances[name])
        relationships = QGroupBox(self.tr("Relationships"))
        relationships_layout = QVBoxLayout(relationships)
        relationships_layout.addWidget(self.no_characters)
        relationships_layout.addLayout(self._relationship_form)
        others = QFormLayout()
        others.addRow(self.tr("Backstory"), self.backstory)
        others.addRow(self.tr("Moment before"), self.moment_before)
        others.addRow(self.tr("Beats"), self.beats)

        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(circumstances)
        inner.addLayout(others)
        inner.addWidget(relationships)
        inner.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolling(content), 1)
        layout.addLayout(buttons)
        connect_edits(
            [*self.circumstances.values(), self.backstory, self.moment_before, self.beats],
            self.edited.emit,
        )
        self.print_button.clicked.connect(self.printRequested)

    def load(self, worksheet: Worksheet, relationships: Iterable[Relationship]) -> None:
        """Show ``worksheet`` and the relationships without announcing edits."""
        for name, box in self.circumstances.items():
            set_text_quietly(box, getattr(worksheet, name))
        set_text_quietly(self.backstory, worksheet.backstory)
        set_text_quietly(self.moment_before, worksheet.moment_before)
        set_text_quietly(self.beats, worksheet.beats)
        self.set_relationships(relationships, replace_text=True)

    def worksheet(self) -> Worksheet:
        """What the worksheet fields say now."""
        values = {name: text_of(box) for name, box in self.circumstances.items()}
        return Worksheet(
            backstory=self.backstory.toPlainText(),
            moment_before=self.moment_before.toPlainText(),
            beats=self.beats.toPlainText(),
            **values,
        )

    def relationship_text(self, character: str) -> str:
        """What the actor wrote about ``character``."""
        box = self.relationship_boxes.get(character)
        return box.toPlainText() if box is not None else ""

    def set_relationships(
        self, relationships: Iterable[Relationship], *, replace_text: bool = False
    ) -> None:
        """One box per character; typed text is kept unless ``replace_text``."""
        typed = {name: box.toPlainText() for name, box in self.relationship_boxes.items()}
        while self._relationship_form.rowCount():
            self._relationship_form.removeRow(0)
        self.relationship_boxes.clear()
        entries = list(relationships)
        for entry in entries:
            box = text_box(self.tr("Relationship with %s") % entry.character, 2)
            text = entry.notes if replace_text else typed.get(entry.character, entry.notes)
            box.setPlainText(text)
            box.textChanged.connect(lambda name=entry.character: self.relationshipEdited.emit(name))
            label = (
                entry.character
                if entry.in_script
                else self.tr("%s (not in sides)") % entry.character
            )
            self._relationship_form.addRow(label, box)
            self.relationship_boxes[entry.character] = box
        self.no_characters.setVisible(not entries)


class WardrobeTab(QWidget):
    """First-round outfit (text and photo), callback outfit, and the consistency note."""

    edited = Signal()
    choosePhotoRequested = Signal()
    removePhotoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._photo: str | None = None
        self.reminder = QLabel(self.tr(CONSISTENCY_REMINDER))
        self.reminder.setWordWrap(True)
        set_look(self.reminder, "warning")
        self.first_round = text_box(
            self.tr("First-round outfit"), 3, self.tr("What you wore to the first read")
        )
        self.thumbnail = QLabel(self.tr("No photo"))
        self.thumbnail.setAccessibleName(self.tr("First-round photo"))
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setFixedSize(THUMBNAIL_PX, THUMBNAIL_PX)
        set_look(self.thumbnail, "thumbnail")
        self.choose_button = QPushButton(self.tr("Choose photo…"))
        self.choose_button.setAccessibleName(self.tr("Choose the first-round photo"))
        self.remove_button = QPushButton(self.tr("Remove photo"))
        self.remove_button.setAccessibleName(self.tr("Remove the first-round photo"))
        self.callback_outfit = text_box(
            self.tr("Callback outfit"), 3, self.tr("What you will wear this time")
        )
        self.consistency = text_box(
            self.tr("Consistency note"),
            2,
            self.tr("Hair, make-up, glasses, shoes: anything to keep the same"),
        )
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.choose_button)
        photo_buttons.addWidget(self.remove_button)
        photo_buttons.addStretch(1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.thumbnail)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("First round"), self.first_round)
        form.addRow(self.tr("Photo"), photo_row)
        form.addRow(self.tr("Callback"), self.callback_outfit)
        form.addRow(self.tr("Keep the same"), self.consistency)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reminder)
        layout.addLayout(form)
        layout.addStretch(1)
        connect_edits([self.first_round, self.callback_outfit, self.consistency], self.edited.emit)
        self.choose_button.clicked.connect(self.choosePhotoRequested)
        self.remove_button.clicked.connect(self.removePhotoRequested)

    @property
    def photo(self) -> str | None:
        """The stored path of the photo shown (relative to the data folder)."""
        return self._photo

    def load(self, wardrobe: Wardrobe, photo_file: Path | None) -> None:
        """Show ``wardrobe`` without announcing edits."""
        set_text_quietly(self.first_round, wardrobe.first_round_outfit)
        set_text_quietly(self.callback_outfit, wardrobe.callback_outfit)
        set_text_quietly(self.consistency, wardrobe.consistency_note)
        self.show_photo(wardrobe.first_round_photo, photo_file)

    def wardrobe(self) -> Wardrobe:
        """What the tab says now."""
        return Wardrobe(
            first_round_outfit=self.first_round.toPlainText(),
            first_round_photo=self._photo,
            callback_outfit=self.callback_outfit.toPlainText(),
            consistency_note=self.consistency.toPlainText(),
        )

    def show_photo(self, stored: str | None, file: Path | None) -> None:
        """Show the photo's thumbnail (or why there is none)."""
        self._photo = stored
        self.remove_button.setEnabled(stored is not None)
        pixmap = QPixmap(str(file)) if file is not None and file.is_file() else QPixmap()
        if pixmap.isNull():
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(self.tr("Photo missing") if stored else self.tr("No photo"))
            return
        self.thumbnail.setPixmap(
            pixmap.scaled(
                THUMBNAIL_PX,
                THUMBNAIL_PX,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def set_round(self, round_: AuditionRound) -> None:
        """Put the consistency reminder first when this is a later round."""
        self.reminder.setVisible(round_ in LATER_ROUNDS)


def readable_image(path: Path) -> str | None:
    """Why ``path`` cannot be shown as a photo, or ``None`` when it can."""
    reader = QImageReader(str(path))
    if reader.canRead():
        return None
    return QCoreApplication.translate("WardrobeTab", "%s: not an image Rehearsal can show (%s)") % (
        path,
        reader.errorString(),
    )
