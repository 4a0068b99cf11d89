"""Small pieces the dossier's tabs share: sized text boxes, Qt/UTC times, the store's labels."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from rehearsal.store.dossier_records import UNTITLED_PROJECT, AuditionDetails
from rehearsal.ui.theme import SPACING

RECORDS_CONTEXT = "DossierRecords"
"""Translation context of the labels the store's dossier records define (rounds, outcomes,
research fields, worksheet questions): the store cannot import Qt, so they are translated
where they are shown, all under this one context."""


def record_label(text: str) -> str:
    """A label from :mod:`rehearsal.store.dossier_records`, in the language shown."""
    return QCoreApplication.translate(RECORDS_CONTEXT, text)


def audition_title(details: AuditionDetails) -> str:
    """How an audition is named in lists and prompts (its project, or "Untitled project")."""
    return details.project_title.strip() or record_label(UNTITLED_PROJECT)


def text_box(name: str, lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    """A plain-text box about ``lines`` high where Tab moves on (it is a form, not an editor)."""
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    # The lines, the frame and the document's margins above and below.
    height = box.fontMetrics().lineSpacing() * lines + 2 * (box.frameWidth() + SPACING.tight)
    box.setMinimumHeight(height)
    if lines <= 4:
        box.setMaximumHeight(height)
    return box


def line_edit(name: str, placeholder: str = "") -> QLineEdit:
    """A one-line field with an accessible name."""
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def set_text_quietly(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Fill a field from the store without it announcing an edit."""
    if (widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()) == text:
        return
    blocked = widget.blockSignals(True)
    try:
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            widget.setPlainText(text)
    finally:
        widget.blockSignals(blocked)


def text_of(widget: QLineEdit | QPlainTextEdit) -> str:
    """The field's text."""
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def to_qdatetime(moment: datetime) -> QDateTime:
    """An aware datetime as a local ``QDateTime`` (to the second)."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """A ``QDateTime`` as the aware UTC datetime the store keeps."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def connect_edits(widgets: list[QWidget], slot: Callable[[], object]) -> None:
    """Call ``slot`` (without arguments) whenever the user edits any of ``widgets``."""
    for widget in widgets:
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: slot())
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda: slot())
