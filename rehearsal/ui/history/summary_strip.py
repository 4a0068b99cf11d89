"""The strip above the history table: this week at a glance.

Sessions, time, the mean self-rating and the lines to work on since Monday, for the
script, role and mode chosen in the filters. The numbers come from
:func:`rehearsal.store.stats_repo.history_summary`, run off the GUI thread with the
window's other queries.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from rehearsal.home.digest import week_start
from rehearsal.store.activity_records import HistorySummary
from rehearsal.ui.home.words import duration_words
from rehearsal.ui.theme import SPACING, TYPE, font_scaled, set_look


def week_began(now: datetime, tz: tzinfo | None = None) -> datetime:
    """Midnight at the start of this local week (Monday), as an aware datetime."""
    local = now.astimezone(tz)
    monday = week_start(local.date())
    return datetime.combine(monday, datetime.min.time(), local.tzinfo)


class _Figure(QWidget):
    """One number with its caption under it."""

    def __init__(self, caption: str, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.value = QLabel("—", self)
        font_scaled(self.value, TYPE.heading, bold=True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel(caption, self)
        set_look(self.caption, "muted")
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setAccessibleName(caption)


class SummaryStrip(QFrame):
    """Four figures: sessions, time, average rating, lines to work on (this week)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_look(self, "card")
        self.setAccessibleName(self.tr("This week"))
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING.large, SPACING.small, SPACING.large, SPACING.small)
        row.setSpacing(SPACING.huge)
        title = QLabel(self.tr("This week"), self)
        font_scaled(title, TYPE.body, bold=True)
        row.addWidget(title)
        self.sessions = _Figure(self.tr("sessions"), self)
        self.time = _Figure(self.tr("rehearsed"), self)
        self.rating = _Figure(self.tr("average rating"), self)
        self.lines = _Figure(self.tr("lines to work on"), self)
        for figure in (self.sessions, self.time, self.rating, self.lines):
            row.addWidget(figure)
        row.addStretch(1)

    def show_summary(self, summary: HistorySummary) -> None:
        """Paint the figures."""
        self.sessions.value.setText(str(summary.sessions))
        self.time.value.setText(duration_words(summary.seconds))
        rating = summary.mean_rating
        self.rating.value.setText("—" if rating is None else self.tr("%.1f / 5") % rating)
        self.lines.value.setText(str(summary.lines_to_work_on))

    def texts(self) -> dict[str, str]:
        """Caption → value as shown (for screen readers' summaries and tests)."""
        return {
            f.caption.text(): f.value.text()
            for f in (self.sessions, self.time, self.rating, self.lines)
        }
