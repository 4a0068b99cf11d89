"""Line memory in the main window: the My Lines menu, marks, hiding by memory, the headline.

One object per window, attached to each rehearsal as it starts. It opens the part's memory
on a background thread, makes the controller's hider follow it when "Hide by memory" is
on, turns every take that ends into reviews (with the reveals it saw and the actor's marks)
and saves the lines that changed, again off the GUI thread. The main window calls
:meth:`attach`, :meth:`preferences_changed` and :meth:`shutdown`; the history database
arrives through the app's services (:meth:`attach_store`); everything else is wired here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu

from rehearsal.ui.preferences import Preferences, save_preferences

if TYPE_CHECKING:  # the engine, FSRS and the store load with the first rehearsal, not at start
    from rehearsal.engine.lines import LineId
    from rehearsal.engine.timing import TakeInfo, TakeResult
    from rehearsal.memory.book_store import OpenedBook
    from rehearsal.memory.grades import Mark
    from rehearsal.memory.part import PartLine
    from rehearsal.memory.take_reviews import TakeReviewer
    from rehearsal.script.model import Script
    from rehearsal.store.facade import Store, StoredAudition
    from rehearsal.ui.background import BackgroundRunner
    from rehearsal.ui.rehearsal_controller import RehearsalController

MARK_KEYS = {1: "1", 2: "2", 3: "3", 4: "4"}
"""The keys of the four grades (1 again, 2 hard, 3 good, 4 easy), as Anki has them."""
RUNNING_STATES = ("idle", "finished")
ALL_GOOD_KEY = "G"
TODAYS_LINES_KEY = "Ctrl+T"


def local_zone() -> tzinfo:
    """The actor's time zone, which decides when "today" ends."""
    return datetime.now().astimezone().tzinfo or UTC


class LineMemoryFeature(QObject):
    """The memory of the part being rehearsed, kept in step with the rehearsal."""

    opened = Signal()  # the part's memory is loaded (tests wait on it)
    saved = Signal()  # a save reached the database
    headline_changed = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        rehearse_menu: QMenu,
        settings: QSettings,
        prefs: Preferences,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.prefs = prefs
        self.now = now
        self.tz: tzinfo = local_zone()
        self.store: Store | None = None
        self.controller: RehearsalController | None = None
        self.script: Script | None = None
        self.script_id: int | None = None  # None: the script is not in the history
        self.memory: OpenedBook | None = None
        self.part: list[PartLine] = []
        self.reviewer: TakeReviewer | None = None
        self._revealed: set[LineId] = set()
        self._pending_marks: dict[LineId, Mark] = {}
        self._pending_all_good = False
        self._attach_ticket = 0
        self.todays_lines: QDialog | None = None
        self._reveal_source: QAction | None = None
        self.deadline_dialog: QDialog | None = None
        self._runner: BackgroundRunner | None = None
        self.headline = QLabel(window)
        self.headline.setAccessibleName(self.tr("How well you know the part"))
        self.headline.hide()
        window.statusBar().addPermanentWidget(self.headline)
        self._build_menu(window, rehearse_menu)
        services = getattr(window, "services", None)  # the app's: the history opens later
        if services is not None:
            services.store_attached.connect(lambda: self.attach_store(services.store))
        self._enable(False)

    @property
    def runner(self) -> BackgroundRunner:
        """The thread that reads and writes the memory (started on first use)."""
        if self._runner is None:
            from rehearsal.ui.background import BackgroundRunner

            self._runner = BackgroundRunner(self)
            self._runner.finished.connect(self._on_job_finished)
            self._runner.failed.connect(self._on_job_failed)
        return self._runner

    # -- menus -----------------------------------------------------------------------------
    def _action(self, text: str, key: str | None, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _build_menu(self, window: QMainWindow, rehearse_menu: QMenu) -> None:
        self.action_today = self._action(
            self.tr("Today's &Lines…"), TODAYS_LINES_KEY, self.open_today
        )
        rehearse_menu.addSeparator()
        rehearse_menu.addAction(self.action_today)
        bar = window.menuBar()
        help_action = bar.actions()[-1] if bar.actions() else None
        self.menu = QMenu(self.tr("My &Lines"), window)
        if help_action is not None:
            bar.insertMenu(help_action, self.menu)
        else:
            bar.addMenu(self.menu)
        self.action_hide_by_memory = self._action(
            self.tr("Hide by &Memory"), None, self._on_hide_by_memory_toggled
        )
        self.action_hide_by_memory.setCheckable(True)
        self.action_hide_by_memory.setChecked(self.prefs.hide_by_memory)
        self.menu.addAction(self.action_hide_by_memory)
        self.menu.addSeparator()
        names = {
            1: self.tr("Mark Line: &Again"),
            2: self.tr("Mark Line: &Hard"),
            3: self.tr("Mark Line: &Good"),
            4: self.tr("Mark Line: &Easy"),
        }
        self.mark_actions: dict[int, QAction] = {}
        for mark, key in MARK_KEYS.items():
            action = self._action(names[mark], key, self._marker(mark))
            self.mark_actions[mark] = action
            self.menu.addAction(action)
        self.action_all_good = self._action(self.tr("Take All Goo&d"), ALL_GOOD_KEY, self.all_good)
        self.menu.addAction(self.action_all_good)
        self.menu.addSeparator()
        self.action_deadline = self._action(self.tr("Off &Book By…"), None, self.open_deadline)
        self.menu.addAction(self.action_deadline)

    def _marker(self, grade: int) -> Callable[[], None]:
        def mark() -> None:
            from rehearsal.memory.grades import Mark

            self.mark(Mark(grade))

        return mark

    def _enable(self, ready: bool) -> None:
        marks = ready and self.controller is not None and self.controller.drill is None
        for action in (*self.mark_actions.values(), self.action_all_good):
            action.setEnabled(marks)
        self.action_today.setEnabled(ready)
        self.action_deadline.setEnabled(ready)

    # -- what the window tells -------------------------------------------------------------
    def attach_store(self, store: Store | None) -> None:
        """The history database is open (or could not be)."""
        self.store = store

    def preferences_changed(self, prefs: Preferences) -> None:
        """Settings were applied: follow "Hide by memory"."""
        self.prefs = prefs
        self.action_hide_by_memory.setChecked(self.prefs.hide_by_memory)
        self.apply_hiding()

    def attach(
        self,
        controller: RehearsalController,
        script: Script,
        role: str,
        script_id: int | None,
        data_folder: Path | None = None,
    ) -> None:
        """A rehearsal of ``role`` started on ``controller``: load the part's memory."""
        from rehearsal.memory.part import part_lines

        self.controller, self.script, self.script_id = controller, script, script_id
        self.memory, self.reviewer = None, None
        self._revealed.clear()
        self._pending_marks.clear()
        self._pending_all_good = False
        self.headline.hide()
        self._enable(False)
        try:
            self.part = part_lines(script, role)
        except ValueError:
            self.part = []
        controller.take_started.connect(self._on_take_started)
        controller.take_ended.connect(self._on_take_ended)
        controller.state_changed.connect(self._on_state_changed)
        controller.drill_finished.connect(self._on_state_changed)
        if self._reveal_source is not controller.screen.action_reveal:
            self._reveal_source = controller.screen.action_reveal  # the screen outlives runs
            self._reveal_source.triggered.connect(self._on_reveal)
        controller.destroyed.connect(self._on_controller_gone)
        if self.store is None or script_id is None or not self.part:
            return
        self._attach_ticket += 1
        ticket = self._attach_ticket
        store, part, tz = self.store, list(self.part), self.tz
        legacy_folder = data_folder

        def job() -> object:
            from rehearsal.memory.book_store import open_for_rehearsal
            from rehearsal.memory.state_file import memory_path

            info = store.get_script(script_id)
            legacy = None
            if legacy_folder is not None and info is not None:
                candidate = memory_path(legacy_folder, info.content_hash)
                legacy = candidate if candidate.exists() else None
            opened, problem = open_for_rehearsal(
                store.memory, script_id, role, part, tz, json_file=legacy
            )
            return ticket, opened, problem

        self.runner.submit("open", job)

    def shutdown(self) -> None:
        """Finish the save in flight and stop the thread (the window is closing)."""
        if self._runner is not None:
            self._runner.shutdown()

    # -- loading and saving ----------------------------------------------------------------
    @Slot(str, object)
    def _on_job_finished(self, name: str, result: object) -> None:
        if name == "open":
            assert isinstance(result, tuple)
            ticket, opened, problem = result
            if ticket != self._attach_ticket or self.controller is None:
                return
            self._opened(opened, problem)
        elif name.startswith("save"):
            self.saved.emit()

    @Slot(str, str)
    def _on_job_failed(self, name: str, message: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("The memory of your lines could not be saved: %s") % message
        )

    def _opened(self, opened: OpenedBook, problem: str | None) -> None:
        from rehearsal.memory.take_reviews import TakeReviewer

        assert self.controller is not None
        self.memory = opened
        self.reviewer = TakeReviewer(
            opened.book,
            self.part,
            opened.keys,
            now=self.now,
            tz=self.tz,
            words_per_minute=self.controller.engine.settings.words_per_minute,
        )
        if problem:
            self.window.statusBar().showMessage(
                self.tr("The memory of your lines could not be saved: %s") % problem
            )
        self._enable(True)
        self.apply_hiding()
        self.update_headline()
        self.opened.emit()

    def save_changed(self) -> None:
        """Write the lines whose memory changed, off the GUI thread."""
        if self.reviewer is None or self.store is None or self.memory is None:
            return
        from rehearsal.memory.book_store import stored_line

        keys = self.reviewer.drain()
        if not keys:
            return
        book = self.memory.book
        records = [stored_line(book.lines[key]) for key in keys]  # frozen: safe to hand over
        repo, script_id, role = self.store.memory, self.script_id, book.role
        if script_id is None:
            return
        self.runner.submit(f"save {keys[0]}", lambda: repo.save_lines(script_id, role, records))
        self.apply_hiding()
        self.update_headline()

    # -- hiding and the headline -----------------------------------------------------------
    @property
    def hiding_by_memory(self) -> bool:
        """Whether each line's level follows its memory now."""
        return self.action_hide_by_memory.isChecked()

    @Slot()
    def _on_hide_by_memory_toggled(self) -> None:
        self.prefs.hide_by_memory = self.action_hide_by_memory.isChecked()
        save_preferences(self.settings, self.prefs)
        self.apply_hiding()

    def apply_hiding(self) -> None:
        """Give every line of the part its level from memory (or give the levels back)."""
        controller = self.controller
        if controller is None:
            return
        hider = controller.hider
        if self.hiding_by_memory and self.memory is not None:
            from rehearsal.memory.deadline import secure_until
            from rehearsal.memory.hiding_by_memory import apply_to_hider, levels_by_line

            book = self.memory.book
            until = secure_until(book.off_book_by, self.tz)
            levels = levels_by_line(self.part, self.memory.keys, book.lines, self.now(), until)
            apply_to_hider(hider, levels)
        else:
            for line in self.part:
                hider.set_override(line.line_id, None)
        controller.screen.view.refresh()

    def update_headline(self) -> None:
        """Say where the part stands beside the status bar ("… 12 due today (8 min)")."""
        if self.memory is None:
            self.headline.hide()
            return
        from rehearsal.memory.home import headline_for

        found = headline_for(
            self.memory, self.part, self.now(), self.tz, QCoreApplication.translate
        )
        self.headline.setText(found.text)
        self.headline.show()
        self.headline_changed.emit(found.text)

    # -- the run ---------------------------------------------------------------------------
    def _running(self) -> bool:
        controller = self.controller
        return controller is not None and controller.engine.state.value not in RUNNING_STATES

    @Slot(object)
    def _on_take_started(self, _info: TakeInfo) -> None:
        self._revealed.clear()
        self._pending_marks.clear()
        self._pending_all_good = False
        if self.reviewer is not None:
            self.reviewer.take_started()

    @Slot()
    def _on_reveal(self) -> None:
        if self.controller is not None:
            self._revealed |= self.controller.hider.revealed

    @Slot(object)
    def _on_take_ended(self, result: TakeResult) -> None:
        reviewer = self.reviewer
        if reviewer is None:
            return
        for timing in result.timings:
            if timing.own:
                reviewer.line_done(timing, revealed=timing.line_id in self._revealed)
        for line_id, mark in self._pending_marks.items():
            reviewer.mark(mark, line_id)
        if self._pending_all_good:
            reviewer.all_good()
        self._pending_marks.clear()
        self._pending_all_good = False
        self.save_changed()

    @Slot()
    def _on_state_changed(self) -> None:
        self._enable(self.memory is not None)

    @Slot()
    def _on_controller_gone(self) -> None:
        # A replaced controller goes after its successor is attached: only forget the
        # rehearsal if the one being deleted is still the current one.
        QTimer.singleShot(0, self, self._forget_if_gone)

    def _forget_if_gone(self) -> None:
        if self.controller is not None and not shiboken6.isValid(self.controller):
            self.controller = None
            self.memory, self.reviewer = None, None
            self.headline.hide()
            self._enable(False)

    def _line_to_mark(self) -> LineId | None:
        """During a take: the own line the actor is on or has just left."""
        controller = self.controller
        if controller is None:
            return None
        index = min(controller.engine.index, len(controller.lines) - 1)
        current = controller.lines[index] if 0 <= index < len(controller.lines) else None
        if current is not None and current.own and controller.engine.state.value == "waiting":
            return current.id
        earlier = [line for line in controller.lines[:index] if line.own]
        return earlier[-1].id if earlier else None

    def mark(self, mark: Mark) -> None:
        """The actor's key for the line just run (during a take, applied as it ends)."""
        if self.reviewer is None:
            return
        if self._running():
            line_id = self._line_to_mark()
            if line_id is not None:
                self._pending_marks[line_id] = mark
                self._say_marked(line_id, mark)
            return
        done = self.reviewer.mark(mark)
        if done is not None:
            line = self.part[self.memory.keys.index(done[0])] if self.memory else None
            if line is not None:
                self._say_marked(line.line_id, mark)
            self.save_changed()

    def all_good(self) -> None:
        """The whole take went well: lines graded only by their timing count as good."""
        if self.reviewer is None:
            return
        if self._running():
            self._pending_all_good = True
        else:
            self.reviewer.all_good()
            self.save_changed()
        self.window.statusBar().showMessage(self.tr("Take marked all good."), 3000)

    def _say_marked(self, line_id: LineId, mark: Mark) -> None:
        names = {1: self.tr("again"), 2: self.tr("hard"), 3: self.tr("good"), 4: self.tr("easy")}
        line = next((p for p in self.part if p.line_id == line_id), None)
        words = " ".join(line.text.split()[:5]) if line else ""
        self.window.statusBar().showMessage(
            self.tr("Marked “%(line)s…” %(grade)s.") % {"line": words, "grade": names[int(mark)]},
            4000,
        )

    def set_deadline(self, day: date | None, audition: StoredAudition | None) -> None:
        """Learn the part for ``audition`` (on its day) or by ``day``, or for neither.

        Lines already planned past the new eve are brought forward to it now, so the plan
        fits the date from today rather than from each line's next review.
        """
        memory, reviewer = self.memory, self.reviewer
        if memory is None or reviewer is None or self.store is None:
            return
        from rehearsal.memory.deadline import cap_due

        book = memory.book
        book.off_book_by = day
        memory.audition = audition
        memory.off_book_by = None if audition is not None else day
        now = self.now()
        for key, line in book.lines.items():
            if line.card is not None:
                capped = cap_due(line.card.due, now, day, self.tz)
                if capped != line.card.due:
                    line.card.due = capped
                    reviewer.changed.add(key)
        repo, script_id, role = self.store.memory, self.script_id, book.role
        if script_id is None:
            return
        stored_day, audition_id = memory.off_book_by, audition.id if audition else None
        self.runner.submit(
            "save deadline", lambda: repo.set_deadline(script_id, role, stored_day, audition_id)
        )
        self.save_changed()
        self.apply_hiding()
        self.update_headline()

    # -- dialogs ---------------------------------------------------------------------------
    @Slot()
    def open_today(self) -> None:
        """Rehearse ▸ Today's Lines: the lines due now, each on its cue."""
        if self.memory is None or self.reviewer is None or self.controller is None:
            return
        if self._running():
            self.controller.send_stop()
        from rehearsal.ui.memory.todays_lines import TodaysLinesDialog

        dialog = TodaysLinesDialog(self, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.todays_lines = dialog
        dialog.destroyed.connect(lambda: setattr(self, "todays_lines", None))
        dialog.open()

    @Slot()
    def open_deadline(self) -> None:
        """Off Book By…: a date, or an audition from the dossier."""
        if self.memory is None or self.store is None:
            return
        from rehearsal.ui.memory.deadline_dialog import DeadlineDialog

        dialog = DeadlineDialog(self, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.deadline_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "deadline_dialog", None))
        dialog.open()
