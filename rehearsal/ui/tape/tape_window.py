"""Tape mode (Callback ▸ Self-Tape): the camera, the prompter, the reader, the takes.

The window only lays out and forwards: the devices are chosen in Settings
(:mod:`rehearsal.ui.tape.tape_prefs`), the recording goes through
:class:`~rehearsal.ui.tape.capture.TapeCapture`, one take's steps are
:class:`~rehearsal.ui.tape.take_recording.TakeRecording`, and the scene is run by the very
rehearsal controller behind the rehearsal screen (every wait mode, the same reader), which
the window reaches through its :class:`TapeHost`.

No camera, or no permission to use it, is said in plain words in the preview and an
audio-only tape is offered; with no microphone either nothing can be recorded, and the
window says so instead of failing later.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rehearsal.engine.commands import Command, ShowLine
from rehearsal.tape.library import TakeInfo, TapeLibrary, TapeTake
from rehearsal.tape.slate import SlateInfo
from rehearsal.ui.background import BackgroundRunner
from rehearsal.ui.qt_player import PartnerPlayer
from rehearsal.ui.rehearsal_screen import WAIT_MODE_LABELS, option_name
from rehearsal.ui.secondary_window import fit_to_screen
from rehearsal.ui.tape.capture import (
    CameraSource,
    CaptureSource,
    TapeCapture,
    camera_permission_problem,
    find_camera,
    find_microphone,
)
from rehearsal.ui.tape.overlay import Guides, PreviewView
from rehearsal.ui.tape.prompter import Prompter
from rehearsal.ui.tape.take_recording import Phase, TakePlan, TakeRecording, minutes_for
from rehearsal.ui.tape.tape_prefs import (
    TapePreferences,
    load_tape_preferences,
    save_tape_preferences,
)
from rehearsal.ui.theme import SPACING

if TYPE_CHECKING:
    from rehearsal.ui.rehearsal_controller import RehearsalController
    from rehearsal.ui.tape.takes_panel import TakesPanel

RECORD_KEY = "Ctrl+Return"
STOP_KEY = "Esc"
DONE_KEY = "Space"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TapeWindow", text)


@dataclass(frozen=True)
class SourceProblem:
    """Why there is no source: said in the preview; ``audio_possible`` offers audio only."""

    message: str
    audio_possible: bool


SourceFactory = Callable[[TapePreferences, bool], "CaptureSource | SourceProblem"]
"""(the tape settings, audio only?) -> the source to record, or why there is none."""


def device_source(prefs: TapePreferences, audio_only: bool) -> CaptureSource | SourceProblem:
    """The camera and microphone Settings chose, or the plain-words reason they cannot be."""
    microphone = find_microphone(prefs.microphone_id)
    if microphone is None:
        return SourceProblem(
            _tr(
                "No microphone was found. Connect one (or allow Rehearsal to use it) and "
                "open Self-Tape again: a tape needs your voice."
            ),
            audio_possible=False,
        )
    if audio_only:
        return CameraSource(None, microphone)
    problem = camera_permission_problem()
    if problem is not None:
        return SourceProblem(problem, audio_possible=True)
    camera = find_camera(prefs.camera_id)
    if camera is None:
        return no_camera()
    return CameraSource(camera, microphone)


def no_camera() -> SourceProblem:
    """What tape mode says on a machine without a camera."""
    return SourceProblem(
        _tr(
            "No camera was found. Connect one and open Self-Tape again, or record an "
            "audio-only tape: tick Audio only below."
        ),
        audio_possible=True,
    )


class TapeHost(Protocol):
    """What tape mode asks of the main window."""

    def controller(self) -> RehearsalController | None:
        """The rehearsal of the script on screen (None until a part is chosen)."""
        ...

    def take_info(self, audio_only: bool) -> TakeInfo:
        """What the take is for: script, role, project, audition."""
        ...

    def slate_info(self, prefs: TapePreferences) -> SlateInfo:
        """The slate's fields from Settings and the audition's dossier."""
        ...


class TapeWindow(QMainWindow):
    """Self-tape: preview, prompter, Record/Stop, the finishing bar and the takes."""

    take_recorded = Signal(object)  # TapeTake, finished and listed

    def __init__(
        self,
        library: TapeLibrary,
        settings: QSettings,
        runner: BackgroundRunner,
        host: TapeHost,
        player: PartnerPlayer | None,
        parent: QWidget | None = None,
        *,
        takes: TakesPanel | None = None,
        source_factory: SourceFactory = device_source,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Self-Tape — Rehearsal"))
        self.setObjectName("tape_window")
        self.library, self.settings, self.runner, self.host = library, settings, runner, host
        self.player = player
        self.takes = takes
        self._source_factory = source_factory
        self._clock = clock
        self.prefs = load_tape_preferences(settings)
        self.capture: TapeCapture | None = None
        self.recording: TakeRecording | None = None
        self.problem: SourceProblem | None = None
        self._controller: RehearsalController | None = None
        self._build()
        self._clock_timer = QTimer(self, interval=250)
        self._clock_timer.timeout.connect(self._on_clock)
        fit_to_screen(self, 1200, 800)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, SPACING.tight)
        self.prompter = Prompter(central)
        column.addWidget(self.prompter)
        self.preview = PreviewView(central)
        split = QSplitter(Qt.Orientation.Horizontal, central)
        split.addWidget(self.preview)
        if self.takes is not None:
            split.addWidget(self.takes)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 1)
            split.setSizes([900, 300])  # the picture first: the list's hint is wider
        column.addWidget(split, 1)
        controls = QHBoxLayout()
        controls.setContentsMargins(SPACING.small, 0, SPACING.small, 0)
        self.record_button = QPushButton(self.tr("Record"), central)
        self.record_button.setToolTip(self.tr("Record a take (%s)") % RECORD_KEY)
        self.record_button.clicked.connect(self.record)
        self.stop_button = QPushButton(self.tr("Stop"), central)
        self.stop_button.setToolTip(self.tr("Stop the take (%s)") % STOP_KEY)
        self.stop_button.clicked.connect(self.stop)
        self.done_button = QPushButton(self.tr("Line Done"), central)
        self.done_button.setToolTip(
            self.tr("End the slate, or your line when the partner waits for your key (%s)")
            % DONE_KEY
        )
        self.done_button.clicked.connect(self._on_done)
        self.slate_box = QCheckBox(self.tr("Slate first"), central)
        self.slate_box.setChecked(self.prefs.slate)
        self.slate_box.toggled.connect(self._on_slate_toggled)
        self.audio_only_box = QCheckBox(self.tr("Audio only"), central)
        self.audio_only_box.toggled.connect(self._on_audio_only)
        self.prompter_box = QCheckBox(self.tr("Prompter"), central)
        self.prompter_box.setChecked(self.prefs.prompter != "hidden")
        self.prompter_box.toggled.connect(self._on_prompter_toggled)
        self.guides_button = QToolButton(central)
        self.guides_button.setText(self.tr("Guides"))
        self.guides_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.guides_button)
        self.guide_actions: dict[str, QAction] = {}
        for key, text in (
            ("overlay_thirds", self.tr("Thirds")),
            ("overlay_eye_line", self.tr("Eye Line")),
            ("overlay_mid_shot", self.tr("Mid Shot")),
        ):
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(bool(getattr(self.prefs, key)))
            action.toggled.connect(self._on_guides_changed)
            self.guide_actions[key] = action
        self.guides_button.setMenu(menu)
        self.wait_mode = QComboBox(central)
        self.wait_mode.setAccessibleName(self.tr("Partner waits"))
        for mode, label in WAIT_MODE_LABELS.items():
            self.wait_mode.addItem(option_name(label), mode.value)
        self.wait_mode.activated.connect(self._on_wait_mode)
        for widget in (self.record_button, self.stop_button, self.done_button):
            controls.addWidget(widget)
        controls.addSpacing(SPACING.medium)
        controls.addWidget(QLabel(self.tr("Partner waits:"), central))
        controls.addWidget(self.wait_mode)
        controls.addStretch(1)
        for box in (self.slate_box, self.audio_only_box, self.prompter_box):
            controls.addWidget(box)
        controls.addWidget(self.guides_button)
        column.addLayout(controls)
        finishing = QHBoxLayout()
        finishing.setContentsMargins(SPACING.small, 0, SPACING.small, 0)
        self.status = QLabel(central)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Tape status"))
        finishing.addWidget(self.status, 1)
        self.progress = QProgressBar(central)
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(self.tr("Finishing the take"))
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), central)
        self.cancel_button.setToolTip(self.tr("Stop finishing; the recording is kept"))
        self.cancel_button.clicked.connect(self._on_cancel_finish)
        self.cancel_button.hide()
        finishing.addWidget(self.progress)
        finishing.addWidget(self.cancel_button)
        column.addLayout(finishing)
        self.setCentralWidget(central)
        self.preview.set_guides(self._guides())
        self.prompter.set_place(self.prefs.prompter)
        self.record_shortcut = self._shortcut(RECORD_KEY, self.record)
        self.stop_shortcut = self._shortcut(STOP_KEY, self._on_escape)
        self.done_shortcut = self._shortcut(DONE_KEY, self._on_done)
        self._shortcut("Ctrl+W", self._on_close_key)
        self._update_controls()

    def _shortcut(self, key: str, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _guides(self) -> Guides:
        return Guides(
            thirds=self.prefs.overlay_thirds,
            eye_line=self.prefs.overlay_eye_line,
            mid_shot=self.prefs.overlay_mid_shot,
        )

    # -- devices ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Open the devices when tape mode comes up (the camera light goes on now)."""
        super().showEvent(event)
        self.prefs = load_tape_preferences(self.settings)
        if self.capture is None:
            self._open_devices(self.audio_only_box.isChecked())
        self._follow_controller()
        if self.takes is not None:
            audio_only = self.capture is not None and not self.capture.source.video
            self.takes.show_folder(TapeLibrary.folder_key(self.host.take_info(audio_only)))
        self._update_controls()

    def _open_devices(self, audio_only: bool) -> None:
        self._close_devices()
        made = self._source_factory(self.prefs, audio_only)
        if isinstance(made, SourceProblem):
            self.problem = made
            self.preview.set_message(made.message)
            self.audio_only_box.setEnabled(made.audio_possible or audio_only)
            self._say(made.message)
            return
        self.problem = None
        capture = TapeCapture(made, self, clock=self._clock)
        if isinstance(made, CameraSource):
            made.problem.connect(self._say)
        self.capture = capture
        if made.video:
            capture.set_preview(self.preview.video)
            self.preview.set_message("")
        else:
            self.preview.set_message(self.tr("Audio only: your voice and the reader's."))
        recording = TakeRecording(self.library, self.runner, capture, self.player, self)
        recording.phase_changed.connect(self._on_phase)
        recording.message.connect(self._say)
        recording.refused.connect(self._on_refused)
        recording.progress.connect(lambda value: self.progress.setValue(int(value * 100)))
        recording.finished.connect(self._on_take_finished)
        recording.finish_failed.connect(self._on_finish_failed)
        self.recording = recording

    def _close_devices(self) -> None:
        if self.recording is not None:
            self.recording.shutdown()
            self.recording.deleteLater()
            self.recording = None
        if self.capture is not None:
            self.capture.close()
            self.capture.deleteLater()
            self.capture = None

    # -- the rehearsal behind the window ----------------------------------------------------
    def _follow_controller(self) -> None:
        controller = self.host.controller()
        if controller is self._controller:
            return
        if self._controller is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # deleted with its script
                self._controller.commands_run.disconnect(self._on_commands)
        self._controller = controller
        if controller is None:
            self.prompter.show_text(self.tr("Open sides and choose your part to tape a scene."))
            return
        controller.commands_run.connect(self._on_commands)
        index = self.wait_mode.findData(controller.engine.settings.wait_mode.value)
        self.wait_mode.setCurrentIndex(max(0, index))
        self.prompter.show_text(
            self.tr("You play %s. Press Record (%s) when you're ready.")
            % (controller.role, RECORD_KEY)
        )

    @Slot(object)
    def _on_commands(self, commands: list[Command]) -> None:
        controller = self._controller
        if controller is None:
            return
        for command in commands:
            if isinstance(command, ShowLine):
                line = command.line
                text = controller.hider.text(line) if line.own else line.text
                self.prompter.show_line(line.speaker, text, own=line.own)

    @Slot(int)
    def _on_wait_mode(self, index: int) -> None:
        controller = self._controller
        if controller is None:
            return
        combo = controller.screen.wait_mode
        combo.setCurrentIndex(combo.findData(self.wait_mode.itemData(index)))

    # -- actions ---------------------------------------------------------------------------
    @Slot()
    def record(self) -> None:
        """Record a take (Record, Ctrl+Return): disk check, slate, scene."""
        recording = self.recording
        if recording is None or recording.phase is not Phase.IDLE:
            return
        self._follow_controller()
        controller = self._controller
        audio_only = not recording.capture.source.video
        slate = self.host.slate_info(self.prefs) if self.slate_box.isChecked() else None
        if slate is not None:
            missing = slate.missing()
            if "name" in missing:
                self._say(self.tr("The slate needs your name: fill it in Settings ▸ Self-Tape."))
                return
        words = sum(line.words for line in controller.lines) if controller else 0
        wpm = controller.engine.settings.words_per_minute if controller else 150.0
        plan = TakePlan(
            info=self.host.take_info(audio_only),
            prefs=self.prefs,
            slate=slate,
            minutes=self.planned_minutes(words, wpm),
        )
        if slate is not None:
            self.prompter.show_text(slate.spoken(QCoreApplication.translate))
        self._say(self.tr("Checking the disk…"))
        recording.start(plan, controller)

    def planned_minutes(self, words: int, words_per_minute: float) -> float:
        """The room a take of this scene needs (what the disk check asks for)."""
        return minutes_for(words, words_per_minute)

    @Slot()
    def stop(self) -> None:
        """Stop the take in progress (Stop, Esc)."""
        if self.recording is not None:
            self.recording.stop()

    @Slot()
    def _on_escape(self) -> None:
        recording = self.recording
        if recording is not None and recording.phase in (
            Phase.CHECKING,
            Phase.STARTING,
            Phase.SLATE,
            Phase.SCENE,
        ):
            recording.stop()
        else:
            self.close()

    @Slot()
    def _on_close_key(self) -> None:
        self.close()

    @Slot()
    def _on_done(self) -> None:
        if self.recording is not None:
            self.recording.actor_done()

    @Slot()
    def _on_cancel_finish(self) -> None:
        if self.recording is not None:
            self.recording.cancel_finish()

    @Slot(bool)
    def _on_audio_only(self, audio_only: bool) -> None:
        if self.recording is None or self.recording.phase is Phase.IDLE:
            self._open_devices(audio_only)
            self._update_controls()

    @Slot(bool)
    def _on_slate_toggled(self, on: bool) -> None:
        self.prefs.slate = on
        save_tape_preferences(self.settings, self.prefs)

    @Slot(bool)
    def _on_prompter_toggled(self, on: bool) -> None:
        self.prefs.prompter = "top" if on else "hidden"
        self.prompter.set_place(self.prefs.prompter)
        save_tape_preferences(self.settings, self.prefs)

    @Slot()
    def _on_guides_changed(self) -> None:
        for key, action in self.guide_actions.items():
            setattr(self.prefs, key, action.isChecked())
        save_tape_preferences(self.settings, self.prefs)
        self.preview.set_guides(self._guides())

    # -- what the take says ------------------------------------------------------------------
    @Slot(str)
    def _say(self, text: str) -> None:
        self.status.setText(text)

    @Slot(str)
    def _on_refused(self, message: str) -> None:
        self._say(message)
        if self._controller is not None:
            self.prompter.show_text(self.tr("Not recorded."))

    @Slot(str)
    def _on_phase(self, phase: str) -> None:
        if Phase(phase) is Phase.SCENE:  # else "Checking the disk…" stayed the whole take
            self._say(self.tr("Recording. Esc stops the take."))
        recording = Phase(phase) in (Phase.STARTING, Phase.SLATE, Phase.SCENE)
        self.preview.set_recording(recording, "0:00" if recording else "")
        if recording:
            self._clock_timer.start()
        else:
            self._clock_timer.stop()
        finishing = Phase(phase) is Phase.FINISHING
        self.progress.setVisible(finishing)
        self.cancel_button.setVisible(finishing)
        if finishing:
            self.progress.setValue(0)
        self._update_controls()

    @Slot()
    def _on_clock(self) -> None:
        if self.capture is not None:
            seconds = int(self.capture.elapsed_s())
            self.preview.set_recording(True, f"{seconds // 60}:{seconds % 60:02d}")

    @Slot(object)
    def _on_take_finished(self, take: TapeTake) -> None:
        seconds = int(take.duration_s or 0)
        self._say(
            self.tr("Take %(n)d saved (%(length)s).")
            % {"n": take.number, "length": f"{seconds // 60}:{seconds % 60:02d}"}
        )
        if self.takes is not None:
            self.takes.show_folder(take.folder_key)
            self.takes.add_take(take)
        self.take_recorded.emit(take)
        self._release_if_hidden()

    @Slot(str)
    def _on_finish_failed(self, message: str) -> None:
        self._say(
            self.tr("%s The recording is kept and will be finished the next time Rehearsal starts.")
            % message
        )
        self._release_if_hidden()

    def _release_if_hidden(self) -> None:
        """A take finished after the window closed: the camera can be let go now."""
        if not self.isVisible():
            QTimer.singleShot(0, self, self._close_devices)

    def _update_controls(self) -> None:
        recording = self.recording
        phase = recording.phase if recording is not None else Phase.IDLE
        can_record = recording is not None and phase is Phase.IDLE
        rolling = phase in (Phase.CHECKING, Phase.STARTING, Phase.SLATE, Phase.SCENE)
        self.record_button.setEnabled(can_record)
        self.stop_button.setEnabled(rolling)
        self.done_button.setEnabled(phase in (Phase.SLATE, Phase.SCENE))
        # Space is the actor's only while a take rolls; otherwise it plays a take in the
        # list or presses the focused button, as everywhere else.
        self.done_shortcut.setEnabled(phase in (Phase.SLATE, Phase.SCENE))
        self.audio_only_box.setEnabled(
            phase is Phase.IDLE and (self.problem is None or self.problem.audio_possible)
        )
        self.wait_mode.setEnabled(self._controller is not None and not rolling)
        self.slate_box.setEnabled(not rolling)

    # -- closing ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop a take in progress (it is finished in the background) and free the devices."""
        recording = self.recording
        if recording is not None and recording.phase is not Phase.IDLE:
            recording.stop()  # finishing goes on while the window is hidden
        elif recording is not None:
            self._close_devices()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """The app quits: stop recording and finishing (a raw take is repaired next start)."""
        self._close_devices()
        if self.takes is not None:
            self.takes.shutdown()
