"""Pick up your cues in the app: the setup dialog, the drill's run and its pickup board.

The drill is a take over the cue pairs (:mod:`rehearsal.engine.cue_drill`) on the
rehearsal screen, in whatever wait mode the actor uses; a board under the current line
lists each pickup against the target as it happens, and sums the take up at its end.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from rehearsal.engine.commands import Command, LineDone, State, TakeEnded, TakeStarted
from rehearsal.engine.cue_drill import (
    DEFAULT_TARGET_S,
    DRILL_NAME,
    TARGET_RANGE,
    CueDrillConfig,
    PickupMark,
    cue_pairs,
    judge,
)
from rehearsal.engine.events import Start, Stop
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.timing import EndReason
from rehearsal.ui.rehearsal_controller import RehearsalController


class CueDrillDialog(QDialog):
    """In order or shuffled, and the pickup to aim for."""

    def __init__(self, parent: QWidget | None = None, *, target_s: float = DEFAULT_TARGET_S):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pick up your cues"))
        self.order = QComboBox(self)
        self.order.addItem(self.tr("In script order"), False)
        self.order.addItem(self.tr("Shuffled"), True)
        self.order.setAccessibleName(self.tr("Order of the cues"))
        self.target = QDoubleSpinBox(self)
        self.target.setRange(*TARGET_RANGE)
        self.target.setSingleStep(0.1)
        self.target.setDecimals(1)
        self.target.setSuffix(self.tr(" s"))
        self.target.setValue(target_s)
        self.target.setAccessibleName(self.tr("Target pickup in seconds"))
        about = QLabel(
            self.tr(
                "The partner says only the cue before each of your lines. Come in as soon "
                "as you can: each pickup is shown against your target."
            ),
            self,
        )
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Cues:"), self.order)
        form.addRow(self.tr("Target pickup:"), self.target)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def config(self) -> CueDrillConfig:
        return CueDrillConfig(shuffle=bool(self.order.currentData()), target_s=self.target.value())


def mark_text(mark: PickupMark, line: str) -> str:
    """``“Hear what?” — 0.6 s ✓`` or ``… — 1.4 s, 0.6 s late``."""
    if mark.pickup_s is None:
        return QCoreApplication.translate("CuePickupBoard", "“%s” — not measured") % line
    if mark.on_target:
        return QCoreApplication.translate("CuePickupBoard", "“%s” — %.1f s ✓") % (
            line,
            mark.pickup_s,
        )
    return QCoreApplication.translate("CuePickupBoard", "“%s” — %.1f s, %.1f s late") % (
        line,
        mark.pickup_s,
        mark.late_by,
    )


class CueDrillRun(QObject):
    """One cue drill on a controller: its engine runs the cue pairs; the board follows."""

    def __init__(
        self, controller: RehearsalController, config: CueDrillConfig, rng: random.Random
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.config = config
        self.marks: list[PickupMark] = []
        old = controller.engine
        if old.state not in (State.IDLE, State.FINISHED):
            controller.send(Stop())  # the scene's take ends before the drill's begins
        self._scene = (old, controller.lines)
        lines = cue_pairs(controller.lines, shuffle=config.shuffle, rng=rng)
        self.lines = lines
        self.board = QListWidget(controller.screen)
        self.board.setObjectName("cue_board")
        self.board.setAccessibleName(self.tr("Your pickups"))
        # A few pickups under the prompt, not a second page: about six rows of its font.
        self.board.setMaximumHeight(6 * self.board.fontMetrics().lineSpacing())
        layout = controller.screen.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(controller.screen.prompt) + 1, self.board)
        self.summary = ""
        if not lines:
            self.board.addItem(self.tr("None of your lines has a cue from a partner."))
            return
        controller.lines = lines
        controller.engine = RehearsalEngine(
            lines, old.settings, clock=old.now, recorder=old.recorder, drill=DRILL_NAME
        )
        controller.commands_run.connect(self._on_commands)
        controller.detached.connect(self.board.deleteLater)

    def start(self) -> bool:
        """Run the take (False: there are no cues to pick up)."""
        if not self.lines:
            return False
        self.controller.send(Start())
        return True

    @Slot(object)
    def _on_commands(self, commands: list[Command]) -> None:
        for command in commands:
            match command:
                case TakeStarted():
                    self.marks = []
                    self.board.clear()
                case LineDone(timing=timing) if timing.own:
                    mark = judge(timing, self.config.target_s)
                    self.marks.append(mark)
                    text = self.lines[timing.index].text
                    self.board.addItem(mark_text(mark, text))
                    self.board.scrollToBottom()
                case TakeEnded(result=result):
                    self.summary = self._summary()
                    self.board.addItem(self.summary)
                    self.board.scrollToBottom()
                    self.controller.screen.status.setText(self.summary)
                    if result.reason is not EndReason.RESTARTED:
                        self.finish()

    def close(self) -> None:
        """Finish and take the board away (a new run replaces this one)."""
        self.finish()
        self.board.deleteLater()

    def finish(self) -> None:
        """Give the controller its scene back (the board stays up until the next run)."""
        if self.controller.engine.drill != DRILL_NAME:
            return
        self.controller.commands_run.disconnect(self._on_commands)
        self.controller.engine, self.controller.lines = self._scene

    def _summary(self) -> str:
        measured = [m.pickup_s for m in self.marks if m.pickup_s is not None]
        on_target = sum(1 for m in self.marks if m.on_target)
        if not measured:
            return self.tr("No pickups measured.")
        return self.tr("%d of %d cues on target (%.1f s); mean pickup %.1f s.") % (
            on_target,
            len(self.marks),
            self.config.target_s,
            sum(measured) / len(measured),
        )
