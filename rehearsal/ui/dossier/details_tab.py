"""The dossier's first tab: the audition's facts, its sides and the sessions done for it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rehearsal.home.deadlines import time_left
from rehearsal.store.clock import WallClock
from rehearsal.store.dossier_records import (
    ROUND_NAMES,
    AuditionDetails,
    AuditionRound,
    ExportedTape,
)
from rehearsal.store.records import ScriptInfo, SessionSummary
from rehearsal.ui.dates import FieldDateTimeEdit, datetime_text, use_locale_dates
from rehearsal.ui.dossier.fields import (
    connect_edits,
    from_qdatetime,
    line_edit,
    record_label,
    set_text_quietly,
    text_box,
    text_of,
    to_qdatetime,
)
from rehearsal.ui.theme import set_look

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OptionalDateTime(QWidget):
    """A date and time that may be unset: a check box in front of a ``QDateTimeEdit``."""

    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox()
        self.check.setAccessibleName(self.tr("%s is set") % name)
        self.edit = FieldDateTimeEdit()
        self.edit.setAccessibleName(name)
        self.edit.setCalendarPopup(True)
        use_locale_dates(self.edit, with_time=True, weekday=True)
        self.edit.setEnabled(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateTimeChanged.connect(self._on_changed)

    def value(self) -> datetime | None:
        """The chosen moment (aware UTC), or ``None`` when unset."""
        return from_qdatetime(self.edit.dateTime()) if self.check.isChecked() else None

    def set_value(self, moment: datetime | None) -> None:
        """Show ``moment`` without announcing an edit."""
        for widget in (self.check, self.edit):
            widget.blockSignals(True)
        try:
            self.check.setChecked(moment is not None)
            self.edit.setEnabled(moment is not None)
            self.edit.setDateTime(to_qdatetime(moment) if moment else _tomorrow_morning())
        finally:
            for widget in (self.check, self.edit):
                widget.blockSignals(False)

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.edited.emit()

    @Slot(QDateTime)
    def _on_changed(self, _value: QDateTime) -> None:
        if self.check.isChecked():
            self.edited.emit()


def _tomorrow_morning() -> QDateTime:
    tomorrow = datetime.combine(datetime.now().date() + timedelta(days=1), time(10, 0))
    return to_qdatetime(tomorrow.astimezone())


class DetailsTab(QWidget):
    """Project, role, round, when and where, the people, links, sides and sessions."""

    edited = Signal()
    scriptToggled = Signal(int, bool)  # script id, linked?
    sessionToggled = Signal(int, bool)  # session id, linked?

    def __init__(
        self, parent: QWidget | None = None, *, now: WallClock = lambda: datetime.now(UTC)
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.project = line_edit(self.tr("Project title"), self.tr("The show or film"))
        self.role = line_edit(self.tr("Role"), self.tr("The part you read for"))
        self.round = QComboBox()
        self.round.setAccessibleName(self.tr("Round"))
        for value, name in ROUND_NAMES.items():
            self.round.addItem(record_label(name), value.value)
        self.scheduled = OptionalDateTime(self.tr("Date and time"))
        self.location = line_edit(self.tr("Place"), self.tr("Studio, address, or Zoom link"))
        self.deadline = OptionalDateTime(self.tr("Self-tape deadline"))
        self.deadline_left = QLabel()
        self.deadline_left.setAccessibleName(self.tr("Time left until the self-tape deadline"))
        self.deadline_left.hide()
        self._deadline_tick = QTimer(self, interval=30_000)
        self._deadline_tick.timeout.connect(self.show_time_left)
        self.casting_director = line_edit(self.tr("Casting director"))
        self.director = line_edit(self.tr("Director"))
        self.writer = line_edit(self.tr("Writer"))
        self.producers = line_edit(self.tr("Producers"))
        self.agent = line_edit(self.tr("Agent"))
        self.links = text_box(
            self.tr("Links"), 3, self.tr("One link per line: breakdown, sides, trailer …")
        )

        form = QFormLayout()
        form.addRow(self.tr("&Project"), self.project)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("R&ound"), self.round)
        form.addRow(self.tr("&When"), self.scheduled)
        form.addRow(self.tr("&Place"), self.location)
        form.addRow(self.tr("Self-tape &deadline"), self.deadline)
        form.addRow("", self.deadline_left)
        form.addRow(self.tr("&Casting director"), self.casting_director)
        form.addRow(self.tr("D&irector"), self.director)
        form.addRow(self.tr("&Writer"), self.writer)
        form.addRow(self.tr("Pro&ducers"), self.producers)
        form.addRow(self.tr("&Agent"), self.agent)
        form.addRow(self.tr("&Links"), self.links)

        self.scripts = QListWidget()
        self.scripts.setAccessibleName(self.tr("Sides for this audition"))
        self.sessions = QListWidget()
        self.sessions.setAccessibleName(self.tr("Rehearsal sessions for this audition"))
        self.sessions_hint = QLabel(
            self.tr("Link sides first: sessions with them are listed here.")
        )
        self.sessions_hint.setWordWrap(True)
        sides_box = QGroupBox(self.tr("Sides (tick the scripts this audition uses)"))
        QVBoxLayout(sides_box).addWidget(self.scripts)
        sessions_box = QGroupBox(self.tr("Rehearsals done for it"))
        sessions_layout = QVBoxLayout(sessions_box)
        sessions_layout.addWidget(self.sessions_hint)
        sessions_layout.addWidget(self.sessions)
        self.tapes = QListWidget()
        self.tapes.setAccessibleName(self.tr("Self-tapes exported for this audition"))
        self.tapes.setToolTip(self.tr("Double-click to show the file"))
        self.tapes_box = QGroupBox(self.tr("Self-tapes exported"))
        QVBoxLayout(self.tapes_box).addWidget(self.tapes)
        self.tapes_box.hide()  # until a tape has been exported for the audition
        links = QVBoxLayout()
        links.addWidget(sides_box)
        links.addWidget(sessions_box)
        links.addWidget(self.tapes_box)

        # The fields keep their natural height at the top: stretched to the height of the
        # lists beside them, the form spread its rows apart and let the countdown under the
        # deadline take up every spare pixel.
        fields = QVBoxLayout()
        fields.addLayout(form)
        fields.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(fields, 3)
        layout.addLayout(links, 2)
        chain: list[QWidget] = [
            self.project,
            self.role,
            self.round,
            self.scheduled.check,
            self.scheduled.edit,
            self.location,
            self.deadline.check,
            self.deadline.edit,
            self.casting_director,
            self.director,
            self.writer,
            self.producers,
            self.agent,
            self.links,
            self.scripts,
            self.sessions,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        connect_edits(
            [
                self.project,
                self.role,
                self.location,
                self.casting_director,
                self.director,
                self.writer,
                self.producers,
                self.agent,
                self.links,
            ],
            self.edited.emit,
        )
        self.round.currentIndexChanged.connect(lambda _index: self.edited.emit())
        self.scheduled.edited.connect(self.edited.emit)
        self.deadline.edited.connect(self.edited.emit)
        self.deadline.edited.connect(self.show_time_left)
        self.scripts.itemChanged.connect(self._on_script_item)
        self.tapes.itemActivated.connect(self._on_tape_activated)
        self.sessions.itemChanged.connect(self._on_session_item)

    def load(self, details: AuditionDetails) -> None:
        """Show ``details`` without announcing edits."""
        for edit, text in (
            (self.project, details.project_title),
            (self.role, details.role),
            (self.location, details.location),
            (self.casting_director, details.casting_director),
            (self.director, details.director),
            (self.writer, details.writer),
            (self.producers, details.producers),
            (self.agent, details.agent),
            (self.links, details.links),
        ):
            set_text_quietly(edit, text)
        self.round.blockSignals(True)
        self.round.setCurrentIndex(max(0, self.round.findData(details.round.value)))
        self.round.blockSignals(False)
        self.scheduled.set_value(details.scheduled_at)
        self.deadline.set_value(details.self_tape_deadline)
        self.show_time_left()

    @Slot()
    def show_time_left(self) -> None:
        """Count the self-tape deadline down beside its field (ticking while it is ahead)."""
        from rehearsal.ui.tape.deadline_notice import time_left_words

        due = self.deadline.value()
        left = time_left(due, self.now()) if due is not None else None
        if left is None:
            self.deadline_left.hide()
            self._deadline_tick.stop()
            return
        self.deadline_left.setText(time_left_words(left))
        set_look(self.deadline_left, "error" if left.urgent or left.passed else "")
        self.deadline_left.show()
        if left.passed:
            self._deadline_tick.stop()
        else:
            self._deadline_tick.start()

    def details(self) -> AuditionDetails:
        """What the fields say now."""
        return AuditionDetails(
            project_title=self.project.text().strip(),
            role=self.role.text().strip(),
            round=AuditionRound(self.round.currentData()),
            scheduled_at=self.scheduled.value(),
            location=self.location.text().strip(),
            self_tape_deadline=self.deadline.value(),
            casting_director=self.casting_director.text().strip(),
            director=self.director.text().strip(),
            writer=self.writer.text().strip(),
            producers=self.producers.text().strip(),
            agent=self.agent.text().strip(),
            links=text_of(self.links),
        )

    def set_scripts(self, scripts: Iterable[ScriptInfo], linked: set[int]) -> None:
        """List every stored script, ticking the linked ones."""
        self._fill(
            self.scripts,
            ((s.id, f"{s.display_title}  ({s.format})", s.id in linked) for s in scripts),
        )

    def set_sessions(self, sessions: Iterable[SessionSummary], linked: set[int]) -> None:
        """List sessions that may be linked, ticking the linked ones."""
        rows = [
            (
                s.id,
                f"{datetime_text(s.started_at, weekday=True)} · {s.script_title} · "
                f"{s.role} · {s.mode.replace('_', ' ')}"
                + (self.tr(" · rated %.1f") % s.mean_rating if s.mean_rating is not None else ""),
                s.id in linked,
            )
            for s in sessions
        ]
        self._fill(self.sessions, rows)
        self.sessions_hint.setVisible(not rows)

    def set_tapes(self, tapes: Iterable[ExportedTape]) -> None:
        """List the self-tapes exported for the audition: take, file and when (newest first)."""
        self.tapes.clear()
        for tape in tapes:
            path = Path(tape.file_path)
            text = self.tr("Take %(take)d · %(file)s · %(when)s") % {
                "take": tape.take_number,
                "file": path.name,
                "when": datetime_text(tape.exported_at, weekday=True),
            }
            if not path.exists():
                text += self.tr(" (moved or deleted)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, str(path))
            item.setToolTip(str(path))
            self.tapes.addItem(item)
        self.tapes_box.setVisible(self.tapes.count() > 0)

    @Slot(QListWidgetItem)
    def _on_tape_activated(self, item: QListWidgetItem) -> None:
        path = Path(str(item.data(ID_ROLE)))
        folder = path.parent if path.exists() or path.parent.is_dir() else None
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    @staticmethod
    def _fill(widget: QListWidget, rows: Iterable[tuple[int, str, bool]]) -> None:
        """Refill a list, keeping the row the actor was on and where it was scrolled to
        (the lists are read again whenever the dossier comes back to the front)."""
        current = widget.currentItem()
        current_id = current.data(ID_ROLE) if current is not None else None
        scrolled = widget.verticalScrollBar().value()
        widget.blockSignals(True)
        try:
            widget.clear()
            for item_id, text, checked in rows:
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, item_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                widget.addItem(item)
                if item_id == current_id:
                    widget.setCurrentItem(item)
        finally:
            widget.blockSignals(False)
        widget.verticalScrollBar().setValue(scrolled)

    @Slot(QListWidgetItem)
    def _on_script_item(self, item: QListWidgetItem) -> None:
        self.scriptToggled.emit(int(item.data(ID_ROLE)), item.checkState() == Qt.CheckState.Checked)

    @Slot(QListWidgetItem)
    def _on_session_item(self, item: QListWidgetItem) -> None:
        self.sessionToggled.emit(
            int(item.data(ID_ROLE)), item.checkState() == Qt.CheckState.Checked
        )
