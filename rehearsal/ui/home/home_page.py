"""The home: what matters today, and one click or one key to act on it.

It paints at once with what the window already has (the recent files in the settings) and
fills in when the history has been read on a worker thread: the auditions ahead with their
countdown, thank-you notes due, the scripts rehearsed lately with their last session, this
week's time against last week's, and one suggested next step (Enter). Nothing here imports
the database layer until the history is open, so the first view stays light.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rehearsal.ui.home.cards import Card, figure_label, link_row
from rehearsal.ui.secondary_window import ReturnWatcher
from rehearsal.ui.theme import SPACING, TYPE, font_scaled, set_look

if TYPE_CHECKING:  # loaded once the history is open, after the first paint
    from rehearsal.home.digest import HomeDigest, NextStep
    from rehearsal.store.facade import Store
    from rehearsal.ui.background import BackgroundRunner

RECENT_KEYS = 5
"""Recent scripts reachable with Ctrl+1 … Ctrl+5."""
COLUMN_WIDTH = 980
COUNTDOWN_TICK_MS = 30_000
"""How often the countdowns of the rows coming up are worded again (no database read)."""
KEYPAD = Qt.KeyboardModifier.KeypadModifier


class HomePage(QWidget):
    """The home page; it asks the window to act through its signals."""

    open_requested = Signal()
    demo_requested = Signal()
    file_requested = Signal(str)  # path of a script to open
    audition_requested = Signal(int)  # audition id: open its dossier
    auditions_requested = Signal()
    history_requested = Signal()
    back_requested = Signal()  # return to the script that is open
    digest_shown = Signal()  # the history's part has been painted

    def __init__(self, parent: QWidget | None = None, has_demo: bool = True) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Home"))
        self.has_demo = has_demo
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.tz: tzinfo | None = None  # the computer's local zone
        self.digest: HomeDigest | None = None
        self._store: Store | None = None
        self._runner: BackgroundRunner | None = None
        self._step_action: Callable[[], None] = self.demo_requested.emit
        self._recent_paths: list[str] = []
        self._return_watcher: ReturnWatcher | None = None
        self._countdowns: list[tuple[QPushButton, str, datetime]] = []
        self._tick = QTimer(self, interval=COUNTDOWN_TICK_MS)
        self._tick.timeout.connect(self.tick_countdowns)
        self._build()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        column = QWidget(self)
        column.setMaximumWidth(COLUMN_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(SPACING.huge, SPACING.large, SPACING.huge, SPACING.large)
        layout.setSpacing(SPACING.medium)

        header = QHBoxLayout()
        title = QLabel(self.tr("Rehearsal"), column)
        font_scaled(title, TYPE.title, bold=True)
        header.addWidget(title)
        header.addStretch(1)
        self.today = QLabel(column)
        set_look(self.today, "muted")
        header.addWidget(self.today, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(header)

        self.back_button = QPushButton(column)
        set_look(self.back_button, "link")
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.hide()
        layout.addWidget(self.back_button)

        self.step_card = Card(self.tr("Next"), column)
        step_row = QHBoxLayout()
        self.step_text = QLabel(column)
        self.step_text.setWordWrap(True)
        font_scaled(self.step_text, TYPE.heading)
        self.step_button = QPushButton(column)
        set_look(self.step_button, "primary")
        self.step_button.setToolTip(self.tr("Enter"))
        self.step_button.clicked.connect(lambda: self._step_action())
        step_row.addWidget(self.step_text, 1)
        step_row.addWidget(self.step_button, 0, Qt.AlignmentFlag.AlignVCenter)
        holder = QWidget(column)
        holder.setLayout(step_row)
        self.step_card.add_row(holder)
        layout.addWidget(self.step_card)

        self.lines_card = Card(self.tr("Learning the lines"), column)
        self.lines_card.hide()  # until a part has a memory
        layout.addWidget(self.lines_card)

        grid = QGridLayout()
        grid.setSpacing(SPACING.medium)
        self.coming_card = Card(self.tr("Coming up"), column)
        self.week_card = Card(self.tr("This week"), column)
        self.week_figure = figure_label("—", column)
        self.week_detail = QLabel(column)
        self.week_detail.setWordWrap(True)
        set_look(self.week_detail, "muted")
        self.week_card.add_row(self.week_figure)
        self.week_card.add_row(self.week_detail)
        self.recent_card = Card(self.tr("Recent scripts"), column)
        grid.addWidget(self.coming_card, 0, 0)
        grid.addWidget(self.week_card, 0, 1)
        grid.addWidget(self.recent_card, 1, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addLayout(grid)

        actions = QHBoxLayout()
        actions.setSpacing(SPACING.small)
        self.open_button = QPushButton(self.tr("Open sides…"), column)
        self.open_button.setToolTip(self.tr("Open the sides you were sent (Ctrl+O)"))
        self.open_button.setAccessibleName(self.tr("Open sides"))
        self.demo_button = QPushButton(self.tr("Open the demo scene"), column)
        self.demo_button.setAccessibleName(self.tr("Open the demo scene"))
        self.demo_button.setVisible(self.has_demo)
        self.history_button = QPushButton(self.tr("History"), column)
        self.history_button.setToolTip(self.tr("Every session you rehearsed (Ctrl+H)"))
        self.auditions_button = QPushButton(self.tr("Auditions"), column)
        self.auditions_button.setToolTip(self.tr("Auditions and dossiers (Ctrl+Shift+A)"))
        for button in (self.history_button, self.auditions_button):
            button.setEnabled(False)  # until the history is open
        for button in (
            self.open_button,
            self.demo_button,
            self.history_button,
            self.auditions_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        hint = QLabel(
            self.tr(
                "Fountain, Final Draft (.fdx), PDF and plain-text plays. "
                "You can also drop a file here."
            ),
            column,
        )
        set_look(hint, "muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.history_button.clicked.connect(self.history_requested)
        self.auditions_button.clicked.connect(self.auditions_requested)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        centre = QWidget(scroll)
        centred = QHBoxLayout(centre)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addWidget(column)
        scroll.setWidget(centre)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._show_step_for_files()
        self.coming_card.clear_rows(self.tr("Reading your auditions…"))
        self.recent_card.clear_rows(self.tr("No script opened yet."))

    # -- what the window tells the home ----------------------------------------------------
    def show_recent_files(self, files: list[str]) -> None:
        """The recent files from the settings: what the home shows before the history."""
        self._recent_paths = list(files)
        if self.digest is not None and self.digest.recent:
            return
        self.recent_card.clear_rows("" if files else self.tr("No script opened yet."))
        for number, path in enumerate(files[:RECENT_KEYS], start=1):
            self._add_recent_row(Path(path).name, path, "", number)
        self._show_step_for_files()
        self._show_today()

    def set_open_script(self, title: str | None) -> None:
        """The script open behind the home (offered as the way back), or None."""
        if title:
            self.back_button.setText(self.tr("← Back to %s (Esc)") % title)
            self.back_button.setAccessibleName(self.tr("Back to %s") % title)
        self.back_button.setVisible(bool(title))

    def attach_store(self, store: Store | None) -> None:
        """The history is open (or off): read what the home shows from it, in the background."""
        self._store = store
        for button in (self.history_button, self.auditions_button):
            button.setEnabled(store is not None)
        if store is None:
            self.coming_card.clear_rows(self.tr("The history is not available in this run."))
            return
        from rehearsal.ui.background import BackgroundRunner

        self._runner = BackgroundRunner(self)
        self._runner.finished.connect(self._on_loaded)
        self._runner.failed.connect(self._on_failed)
        self.refresh()

    def refresh(self) -> None:
        """Read the home's facts again (when it is shown, or the history changed)."""
        if self._store is None or self._runner is None:
            return
        from rehearsal.home.digest import digest
        from rehearsal.home.facts import load_home_facts

        store, now, tz, demo = self._store, self.now(), self.tz, self.has_demo
        self._runner.start()
        self._runner.submit("home", lambda: digest(load_home_facts(store, now, tz), now, tz, demo))
        self._runner.submit("lines", lambda: _line_headlines(store, now, tz))

    def shutdown(self) -> None:
        """Stop the background reads (the window is closing)."""
        self._tick.stop()
        if self._runner is not None:
            self._runner.shutdown()

    def showEvent(self, event: QShowEvent) -> None:
        """Coming back home after a rehearsal: the week and the last session have changed."""
        super().showEvent(event)
        if self._return_watcher is None:
            self._return_watcher = ReturnWatcher(self.window(), self._on_window_return)
        self._show_today()
        if not event.spontaneous():
            self.refresh()

    def _on_window_return(self) -> None:
        """Back from the auditions or a dossier: a new audition or deadline shows at once."""
        if self.isVisible():
            self.refresh()

    # -- painting --------------------------------------------------------------------------
    def _show_today(self) -> None:
        local = self.now().astimezone(self.tz)
        day = QLocale().toString(QDate(local.year, local.month, local.day), "dddd d MMMM")
        self.today.setText(self.tr("Today is %s") % day)

    def _show_step_for_files(self) -> None:
        if self._recent_paths:
            path = self._recent_paths[0]
            self._set_step(
                self.tr("Pick up where you left off: %s") % Path(path).name,
                self.tr("Open"),
                lambda: self.file_requested.emit(path),
            )
        elif self.has_demo:
            self._set_step(
                self.tr("Try the demo scene, Night Shift, or open the sides you were sent."),
                self.tr("Open the demo"),
                self.demo_requested.emit,
            )
        else:
            self._set_step(
                self.tr("Open the sides you were sent."),
                self.tr("Open sides…"),
                self.open_requested.emit,
            )

    def _set_step(self, text: str, button: str, action: Callable[[], None]) -> None:
        self.step_text.setText(text)
        self.step_button.setText(button)
        self.step_button.setAccessibleName(f"{button}: {text}")
        self._step_action = action

    def _add_recent_row(self, title: str, path: str, detail: str, number: int) -> None:
        key = QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText)
        row = link_row(title, f"{detail}  ·  {key}" if detail else key, self.recent_card)
        row.setToolTip(path)
        row.clicked.connect(lambda: self.file_requested.emit(path))
        self.recent_card.add_row(row)

    @Slot(str, object)
    def _on_loaded(self, name: str, result: object) -> None:
        from rehearsal.home.digest import HomeDigest

        if name == "home" and isinstance(result, HomeDigest):
            self.show_digest(result)
        elif name == "lines" and isinstance(result, list):
            self.show_line_headlines([(str(name), str(text)) for name, text in result])

    def show_line_headlines(self, parts: list[tuple[str, str]]) -> None:
        """Where each part being learnt stands, under its name ("Night Shift · NINA" —
        "Thursday callback: 34 of 41 lines secure, 12 due today (8 min)"); the card is
        hidden while no part has a memory."""
        self.lines_card.clear_rows()
        for name, text in parts:
            label = QLabel(f"<b>{html.escape(name)}</b><br>{html.escape(text)}", self.lines_card)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAccessibleName(f"{name}: {text}")
            self.lines_card.add_row(label)
        self.lines_card.setVisible(bool(parts))

    @Slot(str, str)
    def _on_failed(self, _name: str, message: str) -> None:
        self.coming_card.clear_rows(self.tr("Could not read the history: %s") % message)

    def show_digest(self, digest: HomeDigest) -> None:
        """Paint what the history says."""
        from rehearsal.dossier.followup import audition_label, describe_age
        from rehearsal.ui.home.words import duration_words, week_words

        self.digest = digest
        now = self.now()
        self.coming_card.clear_rows(
            "" if digest.upcoming or digest.thank_yous else self.tr("Nothing in the diary.")
        )
        self._countdowns.clear()
        for item in digest.upcoming:
            row = link_row(item.headline, self.tr("%s to go") % item.countdown, self.coming_card)
            row.clicked.connect(lambda _=False, a=item.audition.id: self.audition_requested.emit(a))
            self.coming_card.add_row(row)
            if item.at is not None:
                self._countdowns.append((row, item.headline, item.at))
        if self._countdowns:
            self._tick.start()
        else:
            self._tick.stop()
        for due in digest.thank_yous:
            age = describe_age(due.due_since, now, self.tz)
            detail = self.tr("Thank-you note due (audition %s)") % age
            if due.overdue:
                detail += self.tr(" — overdue")
            row = link_row(audition_label(due.audition), detail, self.coming_card)
            row.clicked.connect(lambda _=False, a=due.audition.id: self.audition_requested.emit(a))
            self.coming_card.add_row(row)
        week = digest.week
        self.week_figure.setText(duration_words(week.this_week_s))
        self.week_detail.setText(week_words(week))
        if digest.recent:
            self.recent_card.clear_rows()
            for number, script in enumerate(digest.recent, start=1):
                when = describe_age(script.last_started_at, now, self.tz)
                detail = self.tr("%(role)s · %(when)s · %(time)s") % {
                    "role": script.last_role,
                    "when": when,
                    "time": duration_words(script.last_duration_s),
                }
                if script.lines_to_work_on:
                    count = script.lines_to_work_on
                    if count == 1:
                        detail += self.tr(" · 1 line to work on")
                    else:
                        detail += self.tr(" · %d lines to work on") % count
                if script.source_path:
                    self._add_recent_row(script.title, script.source_path, detail, number)
        self._show_next_step(digest.next_step)
        self._show_today()
        self.digest_shown.emit()

    @Slot()
    def tick_countdowns(self) -> None:
        """Word the rows' countdowns again: a deadline's hours go by while the home is up."""
        from rehearsal.home.digest import countdown

        now = self.now()
        for row, headline, moment in self._countdowns:
            detail = self.tr("%s to go") % countdown(moment, now, self.tz)
            row.setText(f"{headline}\n{detail}")
            row.setAccessibleDescription(detail)

    def _show_next_step(self, step: NextStep) -> None:
        from rehearsal.home.digest import StepKind

        text = step.text  # the card is titled "Next" already
        if step.kind is StepKind.RUN_SCRIPT and step.script_path:
            path = step.script_path
            self._set_step(text, self.tr("Rehearse"), lambda: self.file_requested.emit(path))
        elif step.kind is StepKind.THANK_YOU and step.audition_id is not None:
            audition = step.audition_id
            self._set_step(
                text, self.tr("Write it"), lambda: self.audition_requested.emit(audition)
            )
        else:
            self._show_step_for_files()

    # -- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter acts on the row with focus, else on the suggested step; Ctrl+1…5 open a
        recent script; Esc goes back to the script that is open.

        Key presses, not window shortcuts: they reach the home only when it (or one of its
        rows, which pass these keys on) has focus, never from a dialog above it.
        """
        key, modifiers = event.key(), event.modifiers()
        number = key - Qt.Key.Key_0
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers & ~KEYPAD:
            focused = QApplication.focusWidget()
            if isinstance(focused, QPushButton) and self.isAncestorOf(focused):
                focused.click()
            else:
                self.step_button.click()
        elif modifiers == Qt.KeyboardModifier.ControlModifier and 1 <= number <= RECENT_KEYS:
            self._open_recent(number - 1)
        elif key == Qt.Key.Key_Escape and self.back_button.isVisible():
            self.back_button.click()
        else:
            super().keyPressEvent(event)

    def _open_recent(self, index: int) -> None:
        rows = [r for r in self.recent_card.rows() if isinstance(r, QPushButton)]
        if index < len(rows):
            rows[index].click()

    def recent_rows(self) -> list[QPushButton]:
        """The recent-script rows shown (for screen readers' order and tests)."""
        return [r for r in self.recent_card.rows() if isinstance(r, QPushButton)]

    def coming_rows(self) -> list[QPushButton]:
        """The audition and thank-you rows shown."""
        return [r for r in self.coming_card.rows() if isinstance(r, QPushButton)]


def _line_headlines(store: Store, now: datetime, tz: tzinfo | None) -> list[tuple[str, str]]:
    """Each part being learnt, named ("Night Shift · NINA"), with its line-memory headline,
    most recently rehearsed first (worker thread)."""
    from rehearsal.memory.home import headlines

    zone = tz or now.astimezone().tzinfo
    assert zone is not None
    return [
        (
            f"{h.script_title or QCoreApplication.translate('HomePage', 'Untitled')} · {h.role}",
            h.text,
        )
        for h in headlines(store, now, zone, QCoreApplication.translate)
    ]
