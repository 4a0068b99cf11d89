"""My Lines ▸ Off Book By…: learn the part for an audition in the dossier, or for a date.

An audition linked to these sides in the dossier brings its own day (and a name for the
headline: "Thursday callback"); a date of the actor's own is for a run-through, a table
read or a self-tape; "no date" goes back to ordinary spacing. The choice is saved off the
GUI thread and the schedule follows it from the next review on.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.memory.book_store import audition_day

if TYPE_CHECKING:
    from rehearsal.store.facade import StoredAudition
    from rehearsal.ui.memory.feature import LineMemoryFeature


class DeadlineDialog(QDialog):
    """Choose what the part is learnt for."""

    def __init__(self, feature: LineMemoryFeature, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feature = feature
        self.setWindowTitle(self.tr("Off Book By"))
        memory = feature.memory
        assert memory is not None
        self.auditions: list[StoredAudition] = []
        self.none = QRadioButton(self.tr("No date: ordinary spacing"), self)
        self.for_audition = QRadioButton(self.tr("For an audition of these sides"), self)
        self.on_date = QRadioButton(self.tr("By a date"), self)
        group = QButtonGroup(self)
        for button in (self.none, self.for_audition, self.on_date):
            group.addButton(button)
        self.audition = QComboBox(self)
        self.audition.setAccessibleName(self.tr("Audition"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setAccessibleName(self.tr("Off book by"))
        today = feature.now().astimezone(feature.tz).date()
        chosen = memory.off_book_by or today + timedelta(days=3)
        self.date.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.date.setMinimumDate(QDate(today.year, today.month, today.day))
        self.note = QLabel(
            self.tr(
                "Lines are planned to be run on the eve and held at a higher recall on the day."
            ),
            self,
        )
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.none,
            self.for_audition,
            self.audition,
            self.on_date,
            self.date,
            self.note,
            buttons,
        ):
            layout.addWidget(widget)
        if memory.audition is not None:
            self.for_audition.setChecked(True)
        elif memory.off_book_by is not None:
            self.on_date.setChecked(True)
        else:
            self.none.setChecked(True)
        self.for_audition.setEnabled(False)
        self.audition.setEnabled(False)
        group.buttonToggled.connect(lambda *_: self._sync())
        self._sync()
        self._load_auditions()

    def _load_auditions(self) -> None:
        feature = self.feature
        repo, script_id = feature.store.memory if feature.store else None, feature.script_id
        if repo is None or script_id is None:
            return
        feature.runner.finished.connect(self._on_loaded)
        feature.runner.submit("auditions", lambda: repo.auditions_for_script(script_id))

    @Slot(str, object)
    def _on_loaded(self, name: str, result: object) -> None:
        if name != "auditions" or not isinstance(result, list):
            return
        self.feature.runner.finished.disconnect(self._on_loaded)
        tz = self.feature.tz
        self.auditions = [a for a in result if a.scheduled_at is not None]
        linked = self.feature.memory.audition if self.feature.memory else None
        for audition in self.auditions:
            day = audition_day(audition, tz)
            title = audition.project_title or self.tr("Untitled")
            self.audition.addItem(
                f"{title} — {audition.round.replace('_', ' ')} — {day}", audition.id
            )
            if linked is not None and linked.id == audition.id:
                self.audition.setCurrentIndex(self.audition.count() - 1)
        self.for_audition.setEnabled(bool(self.auditions))
        if not self.auditions:
            self.for_audition.setText(
                self.tr("For an audition (link these sides to one in the dossier)")
            )
            if self.for_audition.isChecked():
                self.on_date.setChecked(True)
        self._sync()

    def _sync(self) -> None:
        self.audition.setEnabled(self.for_audition.isChecked() and bool(self.auditions))
        self.date.setEnabled(self.on_date.isChecked())

    def choice(self) -> tuple[date | None, StoredAudition | None]:
        """The date and the audition chosen (both None for no date)."""
        if self.for_audition.isChecked() and self.auditions:
            audition = self.auditions[max(0, self.audition.currentIndex())]
            return audition_day(audition, self.feature.tz), audition
        if self.on_date.isChecked():
            q = self.date.date()
            return date(q.year(), q.month(), q.day()), None
        return None, None

    def accept(self) -> None:
        """Save the choice and let the schedule follow it."""
        day, audition = self.choice()
        self.feature.set_deadline(day, audition)
        super().accept()
