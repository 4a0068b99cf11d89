"""One self-tape take from the Record button to the finished file in the takes list.

The steps, each off the GUI thread where it touches the disk:

1. the disk is checked for the take's expected length and the take's number reserved
   (``space_verdict``, ``TapeLibrary.begin``, on the background runner);
2. the recorder starts; the reader's volume drops to the tape's reader level;
3. the slate, when wanted: the actor says it to the lens and presses Space
   (``mark_slate``), while the card is drawn in the background;
4. the scene: the same rehearsal controller as the rehearsal screen runs the take, in
   whichever wait mode the actor chose, and the reader log journals each partner line;
5. the end of the scene (or Stop) closes the file a moment later, and the core's
   ``finish_take`` runs in a child process (:class:`rehearsal.tape.jobs.TapeJob`) polled by
   a timer, with progress and Cancel, so encoding never holds the GUI.

A recording that breaks off (a full disk, the camera gone) is finished as far as it was
written; a finish that is cancelled or fails leaves the raw take journalled as unfinished,
and the next start repairs it.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import math
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from rehearsal.engine.commands import Command, State, TakeEnded
from rehearsal.engine.events import ActorDone, Start, Stop
from rehearsal.tape.finish import SlateCard
from rehearsal.tape.jobs import JobError, JobProgress, JobResult, TapeJob
from rehearsal.tape.library import TakeInfo, TakeInProgress, TapeLibrary, TapeTake
from rehearsal.tape.slate import SlateInfo
from rehearsal.tape.space import SpaceVerdict, space_verdict
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.qt_player import PartnerPlayer
from rehearsal.ui.tape.capture import TapeCapture
from rehearsal.ui.tape.reader_log import ReaderLog
from rehearsal.ui.tape.slate_card import draw_slate_card
from rehearsal.ui.tape.tape_prefs import TapePreferences

if TYPE_CHECKING:
    from rehearsal.ui.rehearsal_controller import RehearsalController

log = logging.getLogger(__name__)

TAIL_S = 1.5
"""Seconds kept rolling after the scene's last line: casting wants the moment after."""
POLL_MS = 100
SPACE_JOB = "tape space and number"
CARD_JOB = "tape slate card"


class Phase(enum.StrEnum):
    """Where the take is."""

    IDLE = "idle"
    CHECKING = "checking"
    STARTING = "starting"
    SLATE = "slate"
    SCENE = "scene"
    STOPPING = "stopping"
    FINISHING = "finishing"


@dataclass(frozen=True)
class TakePlan:
    """What one take needs to know when Record is pressed."""

    info: TakeInfo
    prefs: TapePreferences
    slate: SlateInfo | None
    """None: no slate for this take."""
    minutes: float
    """How long the take may run: what the disk check asks room for."""


def reader_volume(level_db: float) -> float:
    """The player's 0-1 volume for a reader ``level_db`` below (or above) the actor."""
    return max(0.0, min(1.0, math.pow(10.0, level_db / 20.0)))


def reserve_take(
    library: TapeLibrary, plan: TakePlan, suffix: str, video: bool
) -> SpaceVerdict | TakeInProgress:
    """The disk check, then the take's number: a refusal (not enough room) or the take.

    The reader's level and mixing are journalled with the take, so a take finished after a
    crash sounds as this one would have.
    """
    verdict = space_verdict(library.root, plan.minutes, video=video)
    if not verdict.ok:
        return verdict
    return library.begin(
        plan.info,
        suffix,
        reader_level_db=plan.prefs.reader_level_db,
        mix_reader=plan.prefs.mix_reader,
    )


def keep_slate_card(take: TakeInProgress, lines: list[str], seconds: float) -> Path:
    """Draw the card and keep it beside the take (journalled, for a repair too)."""
    with tempfile.TemporaryDirectory(prefix="rehearsal-slate-") as scratch:
        drawn = draw_slate_card(lines, Path(scratch) / "card.png")
        return take.keep_card(drawn, seconds)


class TakeRecording(QObject):
    """Runs one take at a time through the steps above; the window shows what it says."""

    phase_changed = Signal(str)
    message = Signal(str)  # a sentence for the status line
    refused = Signal(str)  # the take did not start (no room, a file problem): why
    progress = Signal(float)  # finishing, 0-1
    finished = Signal(object)  # TapeTake
    finish_failed = Signal(str)

    def __init__(
        self,
        library: TapeLibrary,
        runner: BackgroundRunner,
        capture: TapeCapture,
        player: PartnerPlayer | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.capture = capture
        self.player = player
        self.phase = Phase.IDLE
        self.controller: RehearsalController | None = None
        self.plan: TakePlan | None = None
        self.take: TakeInProgress | None = None
        self.job: TapeJob | None = None
        self._card: Path | None = None
        self._card_pending = False
        self._stopping_for_failure = False
        self._volume_before: float | None = None
        self.reader_log = ReaderLog(player, runner, capture.elapsed_s, self)
        self.reader_log.problem.connect(self.message)
        self.reader_log.flushed.connect(self._maybe_finish)
        runner.finished.connect(self._on_job_done)
        runner.failed.connect(self._on_job_failed)
        capture.started.connect(self._on_recording)
        capture.stopped.connect(self._on_stopped)
        capture.failed.connect(self._on_capture_failed)
        self._tail = QTimer(self, singleShot=True, interval=int(TAIL_S * 1000))
        self._tail.timeout.connect(self.stop)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._on_poll)

    # -- the steps -------------------------------------------------------------------------
    def start(self, plan: TakePlan, controller: RehearsalController | None) -> None:
        """Record pressed: check the disk and reserve the take (in the background)."""
        if self.phase is not Phase.IDLE:
            return
        self.plan, self.controller, self.take, self._card = plan, controller, None, None
        self._set_phase(Phase.CHECKING)
        library, suffix, video = self.library, self.capture.suffix, self.capture.source.video
        self.runner.submit(SPACE_JOB, lambda: reserve_take(library, plan, suffix, video))

    def slate_done(self) -> None:
        """The actor has said the slate: the scene begins."""
        if self.phase is Phase.SLATE:
            self.reader_log.mark_slate(self.capture.elapsed_s())
            self._start_scene()

    def actor_done(self) -> None:
        """Space during the scene: the actor's line is over (the Wait for my key mode)."""
        if self.phase is Phase.SLATE:
            self.slate_done()
        elif self.phase is Phase.SCENE and self.controller is not None:
            self.controller.send(ActorDone())

    @Slot()
    def stop(self) -> None:
        """Stop the take: the scene stops and the file is closed."""
        self._tail.stop()
        if self.phase in (Phase.CHECKING,):
            self._set_phase(Phase.IDLE)  # the reservation's answer is ignored
            return
        if self.phase not in (Phase.STARTING, Phase.SLATE, Phase.SCENE):
            return
        self._release_controller(stop_scene=True)
        self._set_phase(Phase.STOPPING)
        self.capture.stop()

    def cancel_finish(self) -> None:
        """Stop encoding: the raw take stays, journalled, for the repair at the next start.

        The job says when it has stopped (the next poll); a take in the middle of its mix
        is left exactly as it was recorded.
        """
        if self.job is not None:
            self.job.cancel()

    def shutdown(self) -> None:
        """The window goes: stop recording and any finishing (the raw file is kept)."""
        self._tail.stop()
        self._release_controller(stop_scene=True)
        if self.capture.is_recording():
            self.capture.stop()
        self._poll.stop()
        if self.job is not None:
            self.job.close()  # the raw take stays journalled: the next start finishes it
            self.job = None

    # -- the recorder ----------------------------------------------------------------------
    def _begin_recording(self, take: TakeInProgress) -> None:
        self.take = take
        self._set_phase(Phase.STARTING)
        plan = self.plan
        assert plan is not None
        if self.player is not None:
            self._volume_before = self.player.volume()
            self.player.set_volume(reader_volume(plan.prefs.reader_level_db))
        self.reader_log.begin(take)
        if plan.slate is not None:
            self._card_pending = True
            lines = plan.slate.card_lines(QCoreApplication.translate)
            seconds = plan.prefs.slate_card_seconds
            self.runner.submit(CARD_JOB, lambda: keep_slate_card(take, lines, seconds))
        self.capture.record(take.raw_path)

    @Slot()
    def _on_recording(self) -> None:
        if self.phase is not Phase.STARTING or self.plan is None:
            return
        if self.plan.slate is not None:
            self._set_phase(Phase.SLATE)
            self.message.emit(self.tr("Slate: say it to the lens, then press Space."))
        else:
            self._start_scene()

    def _start_scene(self) -> None:
        self._set_phase(Phase.SCENE)
        controller = self.controller
        if controller is None:
            self.message.emit(self.tr("Recording. Press Stop when you are done."))
            return
        controller.commands_run.connect(self._on_commands)
        plan = self.plan
        if controller.drill is not None and plan is not None and not plan.prefs.director_notes:
            controller.send_stop()  # notes are off in tape mode: a plain take instead
        if controller.engine.state not in (State.IDLE, State.FINISHED):
            controller.send(Stop())
        if controller.drill is not None:
            controller.screen.action_start.trigger()  # the drill runs the take, notes and all
        else:
            controller.send(Start())

    @Slot(object)
    def _on_commands(self, commands: list[Command]) -> None:
        self.reader_log.on_commands(commands)
        for command in commands:
            if isinstance(command, TakeEnded) and self.phase is Phase.SCENE:
                self._tail.start()
                self.message.emit(self.tr("End of the scene."))

    def _release_controller(self, *, stop_scene: bool) -> None:
        controller, self.controller = self.controller, None
        if controller is None:
            return
        with contextlib.suppress(RuntimeError, TypeError):  # not connected during the slate
            controller.commands_run.disconnect(self._on_commands)
        if stop_scene and controller.engine.state not in (State.IDLE, State.FINISHED):
            controller.send_stop()

    def _restore_volume(self) -> None:
        if self.player is not None and self._volume_before is not None:
            self.player.set_volume(self._volume_before)
        self._volume_before = None

    @Slot(str)
    def _on_stopped(self, _path: str) -> None:
        self._wrap_up()

    @Slot(str)
    def _on_capture_failed(self, message: str) -> None:
        self.message.emit(message)
        if self.phase is Phase.STARTING and self.capture.elapsed_s() == 0.0:
            self._release_controller(stop_scene=True)
            self.reader_log.end()
            self._restore_volume()
            self._set_phase(Phase.IDLE)
            self.refused.emit(message)
            return
        self._wrap_up()  # keep what was written

    def _wrap_up(self) -> None:
        if self.phase in (Phase.IDLE, Phase.FINISHING):
            return
        self._tail.stop()
        self._release_controller(stop_scene=True)
        self.reader_log.end()
        self._restore_volume()
        self._set_phase(Phase.FINISHING)
        self._maybe_finish()

    # -- finishing -------------------------------------------------------------------------
    @Slot()
    def _maybe_finish(self) -> None:
        """Start the finishing job once the journal and the card are on disk."""
        if self.phase is not Phase.FINISHING or self.job is not None or self.take is None:
            return
        if self.reader_log.pending or self._card_pending:
            return
        plan = self.plan
        assert plan is not None
        card = None
        if self._card is not None and plan.slate is not None:
            card = SlateCard(self._card, plan.prefs.slate_card_seconds)
        self.message.emit(self.tr("Finishing the take…"))
        self.job = TapeJob.start(
            "finish",
            take=self.take,
            reader_level_db=plan.prefs.reader_level_db,
            mix_reader=plan.prefs.mix_reader,
            card=card,
        )
        self._poll.start()

    @Slot()
    def _on_poll(self) -> None:
        job = self.job
        if job is None:
            self._poll.stop()
            return
        event = job.poll()  # never blocks: the newest progress, or the outcome once
        if isinstance(event, JobProgress):
            self.progress.emit(event.fraction)
        elif isinstance(event, JobResult):
            self._done()
            if isinstance(event.value, TapeTake):
                self.finished.emit(event.value)
            else:
                self.finish_failed.emit(self.tr("The take was not finished."))
        elif isinstance(event, JobError):
            self._done()
            if event.cancelled:
                self.message.emit(
                    self.tr(
                        "Finishing stopped. The recording is kept and will be finished the "
                        "next time Rehearsal starts."
                    )
                )
            else:
                self.finish_failed.emit(event.message)

    def _done(self) -> None:
        self._poll.stop()
        if self.job is not None:
            self.job.close()
        self.job = None
        self.take = None
        self._set_phase(Phase.IDLE)

    # -- the runner's answers --------------------------------------------------------------
    @Slot(str, object)
    def _on_job_done(self, name: str, result: object) -> None:
        if name == SPACE_JOB and self.phase is Phase.CHECKING:
            if isinstance(result, TakeInProgress):
                self._begin_recording(result)
            else:
                assert isinstance(result, SpaceVerdict)
                self._set_phase(Phase.IDLE)
                self.refused.emit(result.message)
        elif name == CARD_JOB:
            self._card_pending = False
            self._card = result if isinstance(result, Path) else None
            self._maybe_finish()

    @Slot(str, str)
    def _on_job_failed(self, name: str, message: str) -> None:
        if name == SPACE_JOB and self.phase is Phase.CHECKING:
            self._set_phase(Phase.IDLE)
            self.refused.emit(self.tr("The take could not start: %s") % message)
        elif name == CARD_JOB:
            self._card_pending = False
            self._card = None
            self.message.emit(self.tr("The slate card could not be drawn: %s") % message)
            self._maybe_finish()

    def _set_phase(self, phase: Phase) -> None:
        self.phase = phase
        self.phase_changed.emit(phase.value)


def minutes_for(words: int, words_per_minute: float = 150.0) -> float:
    """Room to ask the disk for: the scene at a slow pace, the slate and a margin."""
    return 2.0 + 1.5 * words / max(40.0, words_per_minute)
