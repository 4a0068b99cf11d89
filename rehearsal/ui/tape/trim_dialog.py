"""Trim a take's head and tail without re-encoding, showing where the cut really lands.

A stream copy can only cut on a key frame, so the core moves both cuts outwards to the
nearest one (:func:`rehearsal.tape.trim.plan_cut`): nothing the actor kept is lost, and a
little more is kept. As the numbers change the dialog asks the core, on the runner's
thread, where the cuts will fall and says so before anything is written. The trim itself runs
in its own process (:mod:`rehearsal.tape.jobs`); the original stays until the trimmed file
is verified, and the result reports what was really cut.

The player above the numbers previews the take: **Set start here** and **Set end here**
take its position, so the actor trims by watching rather than by typing seconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.tape.library import TapeTake
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.tape.job_watch import JobWatcher
from rehearsal.ui.tape.player import TakePlayer
from rehearsal.ui.tape.takes_model import take_title

if TYPE_CHECKING:
    from rehearsal.tape.trim import Cut


def plan(path: Path, head_s: float, tail_s: float) -> Cut | str:
    """Where the core will really cut, or the core's sentence on why it cannot (read on the
    runner's thread: it opens the file)."""
    from rehearsal.tape.errors import TapeError
    from rehearsal.tape.trim import plan_cut

    try:
        return plan_cut(path, head_s, tail_s)
    except TapeError as exc:
        return str(exc)


class TrimDialog(QDialog):
    """Head and tail of one take, the real cut shown, the trim run in the background."""

    trimmed = Signal(object)  # the TapeTake as it is now

    def __init__(
        self, take: TapeTake, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.take = take
        self.runner = runner
        self.cut: Cut | None = None
        """Where the core will really cut, for the numbers shown (None until read)."""
        self.result_take: TapeTake | None = None
        self.setWindowTitle(self.tr("Trim %s") % take_title(take, True))
        self.resize(640, 520)
        length = take.duration_s or 0.0
        self.player = TakePlayer(self)
        self.player.open(take.path)
        self.head = QDoubleSpinBox()
        self.tail = QDoubleSpinBox()
        for box, name in ((self.head, self.tr("Cut from the start")),
                          (self.tail, self.tr("Cut from the end"))):  # fmt: skip
            box.setRange(0.0, max(0.0, length))  # the core says when too little is left
            box.setDecimals(2)
            box.setSingleStep(0.1)
            box.setSuffix(" s")
            box.setAccessibleName(name)
        self.set_head = QPushButton(self.tr("Set start here"))
        self.set_tail = QPushButton(self.tr("Set end here"))
        self.landing = QLabel(self.tr("Set how much to cut from the start and the end."))
        self.landing.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.trim_button = self.buttons.addButton(
            self.tr("&Trim"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        head_row, tail_row = QHBoxLayout(), QHBoxLayout()
        head_row.addWidget(self.head, 1)
        head_row.addWidget(self.set_head)
        tail_row.addWidget(self.tail, 1)
        tail_row.addWidget(self.set_tail)
        form = QFormLayout()
        form.addRow(self.tr("Start"), head_row)
        form.addRow(self.tr("End"), tail_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.player, 1)
        layout.addLayout(form)
        layout.addWidget(self.landing)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.watcher = JobWatcher(
            self, cancelled_text=self.tr("Trim cancelled; the take is as it was.")
        )
        self.head.valueChanged.connect(self._show_landing)
        self.tail.valueChanged.connect(self._show_landing)
        self.set_head.clicked.connect(self._on_set_head)
        self.set_tail.clicked.connect(self._on_set_tail)
        self.trim_button.clicked.connect(self.start_trim)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.watcher.progress.connect(lambda f: self.progress.setValue(round(f * 1000)))
        self.watcher.succeeded.connect(self._on_trimmed)
        self.watcher.stopped.connect(self._stopped)
        self.runner.finished.connect(self._on_planned)
        self.runner.failed.connect(self._on_plan_failed)
        self._job_name = f"tapes:plan:{take.folder_key}:{take.number}"
        self._planned_for: tuple[float, float] | None = None
        self.runner.start()
        self._update_trim_button()

    # -- the cut ------------------------------------------------------------------------------
    @Slot()
    def _show_landing(self) -> None:
        """Ask where the cut will really land (the newest question's answer wins)."""
        self.cut = None
        self._update_trim_button()
        head, tail = self.head.value(), self.tail.value()
        if head <= 0 and tail <= 0:
            self.landing.setText(self.tr("Set how much to cut from the start and the end."))
            return
        path = self.take.path
        self._planned_for = (head, tail)
        self.runner.submit(self._job_name, lambda: plan(path, head, tail))

    def _update_trim_button(self) -> None:
        asked = self.head.value() > 0 or self.tail.value() > 0
        self.trim_button.setEnabled(asked and self.cut is not None and not self.watcher.running)

    @Slot(str, object)
    def _on_planned(self, name: str, cut: object) -> None:
        if name != self._job_name or self._planned_for != (self.head.value(), self.tail.value()):
            return
        from rehearsal.tape.trim import Cut

        if isinstance(cut, str):
            self._on_plan_failed(name, cut)
            return
        if not isinstance(cut, Cut):
            return
        self.cut = cut
        length = self.take.duration_s or cut.end_s
        head, tail = self.head.value(), self.tail.value()
        text = self.tr(
            "The take will run from %(start).2f s to %(end).2f s: %(kept).2f s kept."
        ) % {
            "start": cut.start_s,
            "end": cut.end_s,
            "kept": cut.end_s - cut.start_s,
        }
        if abs(cut.start_s - head) > 0.005 or abs(cut.end_s - (length - tail)) > 0.005:
            text += " " + self.tr(
                "A copy can only cut on a key frame, so the cuts move outwards and nothing you "
                "kept is lost."
            )
        self.landing.setText(text)
        self._update_trim_button()

    @Slot(str, str)
    def _on_plan_failed(self, name: str, message: str) -> None:
        if name == self._job_name:
            self.cut = None
            self.landing.setText(message)
            self._update_trim_button()

    @Slot()
    def _on_set_head(self) -> None:
        self.head.setValue(self.player.player.position() / 1000)

    @Slot()
    def _on_set_tail(self) -> None:
        length = self.take.duration_s or 0.0
        self.tail.setValue(max(0.0, length - self.player.player.position() / 1000))

    # -- trimming -----------------------------------------------------------------------------
    @Slot()
    def start_trim(self) -> None:
        """Trim in the background; the player lets go of the file first."""
        if self.watcher.running:
            return
        self.player.release()
        self.progress.setValue(0)
        self.progress.show()
        self.message.setText(self.tr("Trimming…"))
        for widget in (self.head, self.tail, self.set_head, self.set_tail):
            widget.setEnabled(False)
        self.watcher.start(
            "trim", take=self.take, head_s=self.head.value(), tail_s=self.tail.value()
        )
        self._update_trim_button()

    @Slot(object)
    def _on_trimmed(self, take: object) -> None:
        if not isinstance(take, TapeTake):
            return
        self.result_take = take
        cut_head = take.trimmed_head_s - self.take.trimmed_head_s
        cut_tail = take.trimmed_tail_s - self.take.trimmed_tail_s
        self.message.setText(
            self.tr("Cut %(head).2f s from the start and %(tail).2f s from the end.")
            % {"head": cut_head, "tail": cut_tail}
        )
        self.trimmed.emit(take)
        self.accept()

    @Slot(str)
    def _stopped(self, message: str) -> None:
        self.progress.hide()
        self.message.setText(message)
        for widget in (self.head, self.tail, self.set_head, self.set_tail):
            widget.setEnabled(True)
        self.player.open(self.take.path)
        self._update_trim_button()

    @Slot()
    def _on_cancel(self) -> None:
        if self.watcher.running:
            self.watcher.cancel()
        else:
            self.reject()

    def shutdown(self) -> None:
        """Stop the trim and the player (the window is closing)."""
        self.watcher.shutdown()
        self.player.release()

    def done(self, result: int) -> None:
        """Closing lets go of the file and stops a trim still running."""
        self.shutdown()
        super().done(result)


__all__ = ["TrimDialog", "plan"]
