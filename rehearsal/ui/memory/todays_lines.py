"""Rehearse ▸ Today's Lines: the lines due now, one at a time, each fed its cue.

The run of a flashcard app, but the card is the cue: the partner's line before the actor's
is shown and spoken through the rehearsal's reader, the actor says the line, shows it
(Space) to check, and grades it with a key (1 again, 2 hard, 3 good, 4 easy). Each grade
is a review at once, saved off the GUI thread by :class:`LineMemoryFeature`. The order is
the script's or shuffled; shortened cues give only the cue's last words.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.engine.hiding import hide_text
from rehearsal.memory.grades import Mark
from rehearsal.memory.today import RunOrder, TodayLine, TodaysRun, todays_run
from rehearsal.ui.secondary_window import fit_to_screen
from rehearsal.ui.theme import TYPE, font_scaled, set_look

if TYPE_CHECKING:
    from rehearsal.ui.memory.feature import LineMemoryFeature

CUE_UTTERANCE_BASE = 9_000_000
LIST_ROWS = 7
"""How many of today's lines the list shows before it scrolls (the card is the point)."""
"""Utterance numbers for cues, far from the engine's, so a run never takes one for its line."""


class TodaysLinesDialog(QDialog):
    """Today's run of the part on screen."""

    def __init__(self, feature: LineMemoryFeature, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.feature = feature
        self.setWindowTitle(self.tr("Today's Lines"))
        self.setModal(False)
        fit_to_screen(self, 640, 460)
        self.run: TodaysRun | None = None
        self.lines: list[TodayLine] = []
        self.index = 0
        self.shown = False
        self.graded = 0
        self._utterance = CUE_UTTERANCE_BASE
        self._seed = random.randrange(1 << 30)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.order = QComboBox(self)
        self.order.setAccessibleName(self.tr("Order"))
        self.order.addItem(self.tr("In script order"), RunOrder.SCRIPT.value)
        self.order.addItem(self.tr("Shuffled"), RunOrder.SHUFFLED.value)
        self.short_cues = QCheckBox(self.tr("Short cues"), self)
        self.speak_cues = QCheckBox(self.tr("Speak the cue"), self)
        self.speak_cues.setChecked(
            feature.controller is not None and feature.controller.reader is not None
        )
        self.speak_cues.setEnabled(self.speak_cues.isChecked())
        options = QHBoxLayout()
        options.addWidget(self.order)
        options.addWidget(self.short_cues)
        options.addWidget(self.speak_cues)
        options.addStretch(1)

        self.progress = QLabel(self)
        self.scene = QLabel(self)
        set_look(self.scene, "muted")
        self.cue = QLabel(self)
        self.cue.setWordWrap(True)
        self.cue.setAccessibleName(self.tr("Cue"))
        font_scaled(self.cue, TYPE.heading)
        self.line = QLabel(self)
        self.line.setWordWrap(True)
        self.line.setAccessibleName(self.tr("Your line"))
        font_scaled(self.line, TYPE.figure, bold=True)
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.show_button = QPushButton(self.tr("Show Line (Space)"), self)
        self.hear_button = QPushButton(self.tr("Cue Again (C)"), self)
        self.grade_buttons: dict[Mark, QPushButton] = {}
        grades = QHBoxLayout()
        grades.addWidget(self.hear_button)
        grades.addWidget(self.show_button)
        grades.addStretch(1)
        for mark, text in (
            (Mark.AGAIN, self.tr("1 Again")),
            (Mark.HARD, self.tr("2 Hard")),
            (Mark.GOOD, self.tr("3 Good")),
            (Mark.EASY, self.tr("4 Easy")),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, m=mark: self.grade(m))
            grades.addWidget(button)
            self.grade_buttons[mark] = button
            shortcut = QShortcut(QKeySequence(str(int(mark))), self)
            shortcut.activated.connect(button.click)
        QShortcut(QKeySequence("Space"), self).activated.connect(self.show_line)
        QShortcut(QKeySequence("C"), self).activated.connect(self.speak_cue)

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Today's lines"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(LIST_ROWS * self.list.fontMetrics().lineSpacing())
        self.close_button = QPushButton(self.tr("Close"), self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.scene)
        layout.addWidget(self.cue)
        layout.addWidget(self.line, 1)
        layout.addLayout(grades)
        layout.addWidget(self.list)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self.order.currentIndexChanged.connect(self._on_options_changed)
        self.short_cues.toggled.connect(lambda _on: self._show_current(speak=False))
        self.show_button.clicked.connect(self.show_line)
        self.hear_button.clicked.connect(self.speak_cue)
        self.close_button.clicked.connect(self.close)
        self._plan()

    # -- the run ---------------------------------------------------------------------------
    def _plan(self) -> None:
        feature = self.feature
        memory = feature.memory
        if memory is None:
            return
        order = RunOrder(self.order.currentData())
        self.run = todays_run(
            memory.book, feature.part, memory.keys, feature.now(), feature.tz,
            order=order, seed=self._seed,
        )  # fmt: skip
        self.lines = list(self.run.lines)
        self.index = 0
        self.graded = 0
        self.summary.setText(self._summary_text(self.run))
        self.list.clear()
        for item in self.lines:
            entry = QListWidgetItem(" ".join(item.line.text.split()[:8]))
            entry.setToolTip(item.line.text)
            self.list.addItem(entry)
        self._show_current(speak=True)

    def _summary_text(self, run: TodaysRun) -> str:
        if not run.lines:
            return self.tr("Nothing is due today: every line is resting. Well done.")
        text = self.tr("%(count)d lines today (%(due)d due, %(new)d new), about %(min)d min.") % {
            "count": len(run.lines),
            "due": run.due_count,
            "new": run.new_count,
            "min": run.minutes,
        }
        return text

    @Slot()
    def _on_options_changed(self) -> None:
        self._plan()

    @property
    def current(self) -> TodayLine | None:
        """The line being run now (None once the run is over)."""
        return self.lines[self.index] if 0 <= self.index < len(self.lines) else None

    def _show_current(self, speak: bool) -> None:
        item = self.current
        self.shown = False
        done = item is None
        for button in (*self.grade_buttons.values(), self.show_button, self.hear_button):
            button.setEnabled(not done)
        if done:
            self.progress.setText(
                self.tr("Done: %d lines run.") % self.graded if self.graded else ""
            )
            self.scene.clear()
            self.cue.clear()
            self.line.setText(self.tr("That's today's run.") if self.lines else "")
            self.close_button.setFocus()
            return
        assert item is not None
        self.progress.setText(
            self.tr("Line %(n)d of %(total)d") % {"n": self.index + 1, "total": len(self.lines)}
        )
        self.list.setCurrentRow(self.index)
        self.scene.setText(item.line.scene_heading or "")
        cue = item.short_cue if self.short_cues.isChecked() else item.cue
        if cue:
            self.cue.setText(f"{item.cue_speaker}: {cue}")
        else:
            self.cue.setText(self.tr("(You open the scene.)"))
        self.line.setText(hide_text(item.line.text, item.level))
        if speak:
            self.speak_cue()

    @Slot()
    def speak_cue(self) -> None:
        """Say the cue through the rehearsal's reader (when there is a voice)."""
        item = self.current
        controller = self.feature.controller
        if item is None or not self.speak_cues.isChecked() or controller is None:
            return
        reader = controller.reader
        cue = item.short_cue if self.short_cues.isChecked() else item.cue
        if reader is None or not cue:
            return
        self._utterance += 1
        reader.speak(self._utterance, cue.lstrip("… "), item.cue_speaker, None)

    @Slot()
    def show_line(self) -> None:
        """Show the whole line, to check it against what was said."""
        item = self.current
        if item is None:
            return
        self.shown = True
        self.line.setText(item.line.text)

    def grade(self, mark: Mark) -> None:
        """Grade the line and go on to the next."""
        item = self.current
        reviewer = self.feature.reviewer
        if item is None or reviewer is None:
            return
        reviewer.review_now(item.line.line_id, mark)
        self.feature.save_changed()
        entry = self.list.item(self.index)
        if entry is not None:
            entry.setText(f"✓ {entry.text()}")
        self.graded += 1
        self.index += 1
        if self.feature.controller is not None and self.feature.controller.reader is not None:
            self.feature.controller.reader.stop()
        self._show_current(speak=True)
