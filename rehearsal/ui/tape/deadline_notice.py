"""The self-tape deadline on screen: its countdown, and a notice at start when it is close.

When a tape is due within two days, the app says so once a day as it starts, in a bar
across the top of the window ("Self-tape for Night Shift (Nina) due Thursday 18:00 — 1 day
6 hours left"), one click opening the audition; **Dismiss** puts it away until tomorrow.
The same countdown wording is used on the audition's details. Which deadlines are close
is decided in :mod:`rehearsal.home.deadlines`, on a worker thread; this module words it
and ticks it down.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rehearsal.home.deadlines import TapeDeadline, TimeLeft, notice_due, tape_deadlines
from rehearsal.ui.dates import datetime_text
from rehearsal.ui.theme import SPACING, set_look

if TYPE_CHECKING:
    from rehearsal.store.facade import Store
    from rehearsal.ui.background import BackgroundRunner

SHOWN_KEY = "tape/deadline_notice_day"
"""The local day (ISO) the start-up notice was last shown: it speaks once a day."""
TICK_MS = 30_000
"""How often a countdown on screen is worded again."""


def _days(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("TapeDeadline", "1 day")
    return QCoreApplication.translate("TapeDeadline", "%d days") % count


def _hours(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("TapeDeadline", "1 hour")
    return QCoreApplication.translate("TapeDeadline", "%d hours") % count


def _minutes(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("TapeDeadline", "1 minute")
    return QCoreApplication.translate("TapeDeadline", "%d minutes") % count


def time_left_words(left: TimeLeft) -> str:
    """ "1 day 6 hours left", "5 hours 12 minutes left", "40 minutes left", "passed".

    Two units at most: to an actor with a tape to send, the minutes matter only on the day.
    """
    if left.passed:
        return QCoreApplication.translate("TapeDeadline", "the deadline has passed")
    if left.days:
        parts = [_days(left.days)]
        if left.hours:
            parts.append(_hours(left.hours))
    elif left.hours:
        parts = [_hours(left.hours)]
        if left.minutes:
            parts.append(_minutes(left.minutes))
    else:
        parts = [_minutes(max(1, left.minutes))]
    return QCoreApplication.translate("TapeDeadline", "%s left") % " ".join(parts)


def deadline_words(deadline: TapeDeadline, now: datetime, tz: tzinfo | None = None) -> str:
    """ "Self-tape for Night Shift (Nina) due Thu 14 Mar 18:00 — 1 day 6 hours left"."""
    details = deadline.audition.details
    title = details.display_title
    if details.role.strip():
        title = f"{title} ({details.role.strip()})"
    return QCoreApplication.translate(
        "TapeDeadline", "Self-tape for %(title)s due %(when)s — %(left)s"
    ) % {
        "title": title,
        "when": datetime_text(deadline.due, tz, weekday=True),
        "left": time_left_words(deadline.left(now)),
    }


class DeadlineBanner(QWidget):
    """The deadlines close at hand, each a row that opens its audition, and **Dismiss**.

    The countdowns tick while the banner is up; nothing is read from the disk for that.
    """

    audition_requested = Signal(int)
    dismissed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Self-tape deadlines"))
        set_look(self, "card")
        self.now = now
        self.tz = tz
        self._deadlines: list[TapeDeadline] = []
        self._rows: list[QPushButton] = []
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the deadline notice until tomorrow"))
        self.dismiss_button.clicked.connect(self._on_dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(SPACING.small, SPACING.tight, SPACING.small, SPACING.tight)
        layout.addLayout(self._list, 1)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.tick)

    def set_deadlines(self, deadlines: Sequence[TapeDeadline]) -> None:
        """Show these deadlines (soonest first) and start counting down."""
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        self._deadlines = list(deadlines)
        for deadline in self._deadlines:
            row = QPushButton(self)
            set_look(row, "link")
            row.setCursor(Qt.CursorShape.PointingHandCursor)
            audition_id = deadline.audition.id
            row.clicked.connect(lambda _=False, a=audition_id: self.audition_requested.emit(a))
            self._list.addWidget(row)
            self._rows.append(row)
        self.tick()
        self._tick.start()

    def rows(self) -> list[QPushButton]:
        """The deadline rows shown, soonest first."""
        return list(self._rows)

    @Slot()
    def tick(self) -> None:
        """Word each countdown again at the current time."""
        now = self.now()
        for row, deadline in zip(self._rows, self._deadlines, strict=True):
            text = deadline_words(deadline, now, self.tz)
            row.setText(text)
            row.setAccessibleName(text)
            row.setToolTip(self.tr("Open the audition"))

    def stop(self) -> None:
        """Stop ticking (the banner is going away)."""
        self._tick.stop()

    @Slot()
    def _on_dismiss(self) -> None:
        self.stop()
        self.dismissed.emit()


class DeadlineNotice(QObject):
    """At start: read the auditions in the background; if a self-tape is due within two
    days and the notice has not spoken today, show the banner at the top of the window."""

    checked = Signal(int)  # how many deadlines the notice showed (0: it stayed quiet)
    shown = Signal()
    open_audition = Signal(int)

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.now = now
        self.tz = tz
        self._runner: BackgroundRunner | None = None
        self.bar: QToolBar | None = None
        self.banner: DeadlineBanner | None = None

    def check(self, store: Store | None) -> None:
        """Look for close deadlines (off the GUI thread); the banner follows if any."""
        if store is None:
            return
        from rehearsal.ui.background import BackgroundRunner

        if self._runner is None:
            self._runner = BackgroundRunner(self, name="tape deadlines")
            self._runner.finished.connect(self._on_read)
        now = self.now()
        self._runner.submit(
            "deadlines", lambda: tape_deadlines(store.auditions.list_auditions(), now)
        )

    def shutdown(self) -> None:
        """Stop the background read and the countdown (the window is closing)."""
        if self._runner is not None:
            self._runner.shutdown()
        if self.banner is not None:
            self.banner.stop()

    def _last_shown(self) -> date | None:
        value = self._settings.value(SHOWN_KEY, "")
        try:
            return date.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    @Slot(str, object)
    def _on_read(self, _name: str, deadlines: object) -> None:
        if not isinstance(deadlines, list):
            return
        due = notice_due(deadlines, self.now(), self._last_shown(), self.tz)
        if due:
            self.show(due)
        self.checked.emit(len(due))

    def show(self, deadlines: Sequence[TapeDeadline]) -> DeadlineBanner:
        """Put the banner at the top of the window and remember the day it spoke."""
        if self.bar is None:
            self.bar = QToolBar(self.tr("Self-tape deadline"), self._window)
            self.bar.setObjectName("tape_deadline_bar")
            self.bar.setMovable(False)
            self.bar.setFloatable(False)
            self.banner = DeadlineBanner(self.bar, now=self.now, tz=self.tz)
            self.banner.audition_requested.connect(self.open_audition)
            self.banner.dismissed.connect(self._on_dismissed)
            label = QLabel(self.tr("Self-tape due soon:"), self.bar)
            set_look(label, "muted")
            self.bar.addWidget(label)
            self.bar.addWidget(self.banner)
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.bar)
        assert self.banner is not None
        self.banner.set_deadlines(deadlines)
        self.bar.show()
        self._settings.setValue(SHOWN_KEY, self.now().astimezone(self.tz).date().isoformat())
        self.shown.emit()
        return self.banner

    @Slot()
    def _on_dismissed(self) -> None:
        if self.bar is not None:
            self.bar.hide()
