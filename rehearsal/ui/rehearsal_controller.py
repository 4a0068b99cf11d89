"""Drives the rehearsal screen from the engine: user input in, engine commands out.

The engine decides everything about the run; this class only turns widget signals into
engine events, ticks the engine on a timer, and carries out the commands it returns on the
screen, the reader's voice and the microphone. Keeping that translation in one place is
what lets the engine stay free of Qt and the screen free of rehearsal logic.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot

from rehearsal.engine.cold_read import ColdReadDrill
from rehearsal.engine.commands import (
    Command,
    Delay,
    DelayReason,
    DrillEnded,
    DrillPhase,
    LoopChanged,
    NoteInjected,
    PerformStarted,
    PrepStarted,
    PrepWarning,
    Problem,
    RatingRequested,
    ShowLine,
    SpeakLine,
    SpeakNote,
    State,
    StateChanged,
    StopSpeech,
    TakeEnded,
    TakeStarted,
    WaitForActor,
)
from rehearsal.engine.direction import NotePlacement
from rehearsal.engine.drills import Drill
from rehearsal.engine.events import (
    ActorDone,
    Back,
    ClearLoop,
    DrillEvent,
    Finish,
    JumpTo,
    PartnerFinished,
    Pause,
    Proceed,
    Rate,
    Restart,
    Resume,
    SetLoop,
    Skip,
    Start,
    Stop,
    Tick,
    VoiceLevel,
)
from rehearsal.engine.hiding import HideLevel, LineHider
from rehearsal.engine.lines import RehearsalLine, build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import Rating, TakeRecorder
from rehearsal.script.model import Part, Script
from rehearsal.ui.mic_level import VoiceLevelWait
from rehearsal.ui.rehearsal_screen import RehearsalScreen
from rehearsal.ui.script_view import ElementKey
from rehearsal.ui.take_audio import TakeAudioRecorder
from rehearsal.ui.warning_tone import WarningTone

TICK_MS = 30


class Reader(Protocol):
    """The partner's voice as the controller uses it (see :mod:`rehearsal.ui.reader`)."""

    finished: SignalInstance
    failed: SignalInstance

    def speak(
        self, utterance: int, text: str, character: str | None, line: RehearsalLine | None
    ) -> None: ...

    def speak_director(self, utterance: int, text: str) -> None: ...

    def stop(self) -> None: ...

    def prefetch(self, lines: Sequence[RehearsalLine]) -> None: ...

    def set_speed(self, factor: float) -> None: ...


class RehearsalController(QObject):
    """One rehearsal of one script in one role, shown on ``screen``."""

    take_started = Signal(object)  # TakeInfo
    take_ended = Signal(object)  # TakeResult
    state_changed = Signal(str)
    drill_finished = Signal(int)  # takes run
    commands_run = Signal(object)  # list[Command], after the screen carried them out
    detached = Signal()  # the screen is being handed over: helpers let go of it

    def __init__(
        self,
        screen: RehearsalScreen,
        script: Script,
        role: str | None,
        settings: RehearsalSettings | None = None,
        *,
        reader: Reader | None = None,
        recorder: TakeRecorder | None = None,
        clock: Callable[[], float] = time.monotonic,
        hide_level: HideLevel = HideLevel.FULL,
        scenes: Sequence[int] | None = None,
        include_actions: bool = False,
    ) -> None:
        super().__init__(screen)
        self.screen = screen
        self.script = script
        self.role = role
        self.reader = reader
        settings = settings or RehearsalSettings()
        if reader is None:
            settings = settings.with_changes(speech=False)
        self.scenes = list(scenes) if scenes is not None else None
        self.lines: list[RehearsalLine] = build_lines(
            script, role or "", scenes=self.scenes, include_actions=include_actions
        )
        self.engine = RehearsalEngine(self.lines, settings, clock=clock, recorder=recorder)
        self.hider = LineHider(level=hide_level)
        self.drill: Drill | None = None
        self.done_key_taker: Callable[[], bool] | None = None
        """Follow my words takes the "done" key while it listens (True: it will end the
        line itself, with the words heard so far) instead of the line ending bare."""
        self._tone: WarningTone | None = None
        self._audio: TakeAudioRecorder | None = None
        self._last_note: str | None = None
        self._by_key = {(line.id.scene, line.id.element): line for line in self.lines}
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self._on_tick)
        self.voice = VoiceLevelWait(screen.level_meter, self)
        self.voice.level.connect(self._on_level)
        self.voice.unavailable.connect(self._on_mic_unavailable)
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(screen.banner.hide)
        self._connect()
        self._sync_widgets()
        screen.view.show_script(script, role, self._hidden_parts)
        self._set_state(State.IDLE)
        if role:
            screen.status.setText(
                self.tr("You play %s. Press Start (Ctrl+Return) when you're ready.") % role
            )
        if reader is not None:
            reader.finished.connect(self._on_reader_finished)
            reader.failed.connect(self._on_reader_failed)
            reader.prefetch([line for line in self.lines if not line.own][:4])

    # -- drills ----------------------------------------------------------------------------
    def start_drill(
        self,
        drill: Drill,
        *,
        hide_page: bool = False,
        tone: WarningTone | None = None,
        audio: TakeAudioRecorder | None = None,
    ) -> None:
        """Run ``drill`` on this screen: every event now goes through it."""
        if self.engine.state not in (State.IDLE, State.FINISHED):
            self._run(self.engine.stop())
        self.drill = drill
        self._tone, self._audio = tone, audio
        self.screen.cover_page(hide_page)
        self.screen.rating_panel.rated.connect(self._on_rated)
        self._run(drill.start())
        self.tick_timer.start()

    def _end_drill(self, takes: int) -> None:
        s = self.screen
        s.rating_panel.cancel()
        s.rating_panel.hide()
        s.clock.hide()
        s.banner.hide()
        s.cover_page(False)
        s.rating_panel.rated.disconnect(self._on_rated)
        if self._audio is not None and self._audio.is_recording():
            self._audio.stop()
        self.drill = None
        # No "well done": the drill also ends when the actor stops it on the first line.
        if takes == 0:
            s.status.setText(self.tr("Drill stopped."))
        elif takes == 1:
            s.status.setText(self.tr("Drill over: 1 take."))
        else:
            s.status.setText(self.tr("Drill over: %d takes.") % takes)
        self.drill_finished.emit(takes)

    @Slot(object)
    def _on_rated(self, rating: Rating | None) -> None:
        self.screen.rating_panel.hide()
        self.screen.setFocus()
        self.send(Rate(rating))

    # -- wiring ----------------------------------------------------------------------------
    def _connect(self) -> None:
        s = self.screen
        s.action_start.triggered.connect(self._on_start)
        s.action_pause.triggered.connect(self._on_pause)
        s.action_done.triggered.connect(self._on_done)
        s.action_back.triggered.connect(lambda: self.send(Back()))
        s.action_skip.triggered.connect(lambda: self.send(Skip()))
        s.action_restart.triggered.connect(lambda: self.send(Restart()))
        s.action_stop.triggered.connect(lambda: self.send(Stop()))
        s.action_loop_start.triggered.connect(self._on_loop_start)
        s.action_loop_end.triggered.connect(self._on_loop_end)
        s.action_loop_clear.triggered.connect(lambda: self.send(ClearLoop()))
        s.action_reveal.triggered.connect(self._on_reveal)
        s.action_hide_more.triggered.connect(self._on_hide_more)
        s.view.line_activated.connect(self._on_line_activated)
        s.wait_mode.currentIndexChanged.connect(self._on_settings_changed)
        s.response.valueChanged.connect(self._on_settings_changed)
        s.wpm.valueChanged.connect(self._on_settings_changed)
        s.speed.valueChanged.connect(self._on_settings_changed)
        s.hide_level.currentIndexChanged.connect(self._on_hiding_changed)
        s.first_words.valueChanged.connect(self._on_hiding_changed)

    def disconnect_screen(self) -> None:
        """Detach from the screen before another script or role takes it over."""
        self.detached.emit()
        self.tick_timer.stop()
        self.voice.set_listening(False)
        if self.drill is not None:
            self._run(self.drill.finish())
        if self.engine.state not in (State.IDLE, State.FINISHED):
            self.send(Stop())
        s = self.screen
        for action in (
            s.action_start, s.action_pause, s.action_done, s.action_back, s.action_skip,
            s.action_restart, s.action_stop, s.action_loop_start, s.action_loop_end,
            s.action_loop_clear, s.action_reveal, s.action_hide_more,
        ):  # fmt: skip
            action.triggered.disconnect()
        for signal in (
            s.view.line_activated, s.wait_mode.currentIndexChanged, s.response.valueChanged,
            s.wpm.valueChanged, s.speed.valueChanged, s.hide_level.currentIndexChanged,
            s.first_words.valueChanged,
        ):  # fmt: skip
            signal.disconnect()
        if self.reader is not None:
            self.reader.stop()
            self.reader.finished.disconnect(self._on_reader_finished)
            self.reader.failed.disconnect(self._on_reader_failed)
        self.screen.banner.hide()
        self.screen.set_run_controls_enabled(False)

    def _sync_widgets(self) -> None:
        s, settings = self.screen, self.engine.settings
        for widget in (s.wait_mode, s.response, s.wpm, s.hide_level, s.first_words):
            widget.blockSignals(True)
        s.wait_mode.setCurrentIndex(max(0, s.wait_mode.findData(settings.wait_mode.value)))
        s.response.setValue(settings.response_seconds)
        s.wpm.setValue(int(settings.words_per_minute))
        s.hide_level.setCurrentIndex(max(0, s.hide_level.findData(self.hider.level.value)))
        s.first_words.setValue(self.hider.words)
        s.set_options_enabled(True)
        s.first_words.setEnabled(self.hider.level is HideLevel.FIRST_WORDS)
        for widget in (s.wait_mode, s.response, s.wpm, s.hide_level, s.first_words):
            widget.blockSignals(False)

    # -- hiding ----------------------------------------------------------------------------
    def _hidden_parts(self, key: ElementKey) -> Sequence[Part] | None:
        line = self._by_key.get(key)
        if line is None or not line.own:
            return None
        return self.hider.parts(line)

    @Slot()
    def _on_hiding_changed(self) -> None:
        level = HideLevel(self.screen.hide_level.currentData())
        self.hider.level = level
        self.hider.set_words(self.screen.first_words.value())
        self.screen.first_words.setEnabled(level is HideLevel.FIRST_WORDS)
        self.screen.view.refresh()
        self._show_prompt(self.engine.line)

    @Slot()
    def _on_hide_more(self) -> None:
        combo = self.screen.hide_level
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())

    @Slot()
    def _on_reveal(self) -> None:
        line = self._line_for_reveal()
        if line is None:
            return
        self.hider.toggle_reveal(line.id)
        self.screen.view.refresh()
        self._show_prompt(self.engine.line)

    def _line_for_reveal(self) -> RehearsalLine | None:
        current = self.engine.line
        if current is not None and current.own:
            return current
        following = self.lines[self.engine.index :] if self.lines else []
        return next((line for line in following if line.own), None)

    # -- settings --------------------------------------------------------------------------
    @Slot()
    def _on_settings_changed(self) -> None:
        s = self.screen
        mode = WaitMode(s.wait_mode.currentData())
        changes = {
            "wait_mode": mode,
            "response_seconds": round(s.response.value(), 2),
            "words_per_minute": float(s.wpm.value()),
            "partner_words_per_minute": 170.0 * s.speed.value() / 100,
        }
        self._run(self.engine.set_settings(self.engine.settings.with_changes(**changes)))
        if self.reader is not None:
            self.reader.set_speed(s.speed.value() / 100)
        self.voice.set_listening(mode is WaitMode.VOICE)

    @Slot(str)
    def _on_mic_unavailable(self, message: str) -> None:
        self.screen.status.setText(self.tr("%s The partner waits for your key instead.") % message)
        self.screen.wait_mode.setCurrentIndex(self.screen.wait_mode.findData(WaitMode.KEY.value))

    @Slot(float)
    def _on_level(self, level: float) -> None:
        self.send(VoiceLevel(level))

    # -- the run ---------------------------------------------------------------------------
    def send(self, event: DrillEvent) -> None:
        """Pass one event to the drill when one runs (it forwards to the engine), else to
        the engine, and carry out what comes back."""
        if self.drill is not None:
            self._run(self.drill.handle(event))
        elif isinstance(event, Proceed | Rate | Finish):
            return
        else:
            self._run(self.engine.handle(event))

    @Slot()
    def _on_done(self) -> None:
        taker = self.done_key_taker
        if taker is not None and self.drill is None and taker():
            return
        self.send(ActorDone())

    @Slot()
    def _on_start(self) -> None:
        if self.drill is not None and self.drill.phase in (DrillPhase.PREP, DrillPhase.BRIEFING):
            self.send(Proceed())  # the actor is ready before the clock says so
            return
        if self.engine.paused:
            self.send(Resume())
        elif self.engine.state in (State.IDLE, State.FINISHED):
            self.hider.clear_reveals()
            self.send(Start())

    @Slot()
    def _on_pause(self) -> None:
        self.send(Resume() if self.engine.paused else Pause())

    def _index_for_key(self, key: ElementKey) -> int | None:
        keys = [(line.id.scene, line.id.element) for line in self.lines]
        if key in keys:
            return keys.index(key)
        later = [i for i, k in enumerate(keys) if k >= key]
        return later[0] if later else None

    @Slot(object)
    def _on_line_activated(self, key: ElementKey) -> None:
        index = self._index_for_key(key)
        if index is not None:
            self.send(JumpTo(index))

    @Slot()
    def _on_loop_start(self) -> None:
        current = self.engine.index
        loop = self.engine.loop
        end = loop[1] if loop and loop[1] >= current else len(self.lines) - 1
        self.send(SetLoop(current, end))

    @Slot()
    def _on_loop_end(self) -> None:
        current = self.engine.index
        loop = self.engine.loop
        start = loop[0] if loop and loop[0] <= current else 0
        self.send(SetLoop(start, current))

    def send_tick(self) -> None:
        """Let time pass now instead of waiting for the timer (scripts, screenshots)."""
        self._on_tick()

    def send_stop(self) -> None:
        """Stop the take or the drill in progress."""
        self.send(Finish() if self.drill is not None else Stop())

    @Slot()
    def _on_tick(self) -> None:
        self.send(Tick())
        drill = self.drill
        if isinstance(drill, ColdReadDrill):
            if drill.phase is DrillPhase.PREP:
                self.screen.clock.show_prep(drill.prep_remaining())
            elif drill.phase is DrillPhase.RUNNING:
                self.screen.clock.show_perform(drill.perform_elapsed())
        deadline = self.engine.next_deadline
        bar = self.screen.countdown
        if bar.isVisible() and deadline is not None:
            bar.setValue(max(0, int((deadline - self.engine.now()) * 1000)))

    @Slot(int)
    def _on_reader_finished(self, utterance: int) -> None:
        self.send(PartnerFinished(utterance))

    @Slot(int, str)
    def _on_reader_failed(self, utterance: int, message: str) -> None:
        self.screen.status.setText(self.tr("The reader could not say a line: %s") % message)
        self.send(PartnerFinished(utterance))

    def _run(self, commands: list[Command]) -> None:
        for command in commands:
            self._render(command)
        if commands:
            self.commands_run.emit(commands)

    def _render(self, command: Command) -> None:
        s = self.screen
        match command:
            case ShowLine(line=line):
                if self.hider.conceal_passed(line.id):
                    s.view.refresh()
                s.view.highlight((line.id.scene, line.id.element))
                self._show_prompt(line)
                self._prefetch_after(command.index)
            case SpeakLine(index=index, utterance=utterance, text=text, character=character):
                s.countdown.hide()
                who = character or self.tr("Narrator")
                if self.reader is None:  # no voice on this machine: the line is text only
                    s.status.setText(self.tr("%s's line (shown, not spoken)") % who)
                else:
                    s.status.setText(self.tr("%s is speaking…") % who)
                if self.reader is not None:
                    spoken = self.lines[index] if 0 <= index < len(self.lines) else None
                    self.reader.speak(utterance, text, character, spoken)
            case SpeakNote(utterance=utterance, text=text):
                if self.reader is not None:
                    self.reader.speak_director(utterance, text)
            case StopSpeech():
                if self.reader is not None:
                    self.reader.stop()
            case Delay(reason=reason, seconds=seconds):
                s.countdown.hide()
                if reason is DelayReason.BEAT:
                    s.status.setText(self.tr("(beat)"))
                elif reason is DelayReason.RESPONSE:
                    s.status.setText(self.tr("…"))
                elif reason is DelayReason.LOOP:
                    s.status.setText(self.tr("Again from the top of the loop…"))
                del seconds
            case WaitForActor(mode=mode, deadline=deadline):
                self._show_turn(mode, deadline)
            case StateChanged(state=state):
                self._set_state(state)
            case LoopChanged(loop=loop):
                if loop is None:
                    s.status.setText(self.tr("Looping off."))
                else:
                    s.status.setText(
                        self.tr("Looping lines %d to %d.") % (loop[0] + 1, loop[1] + 1)
                    )
            case TakeStarted(info=info):
                if not self._banner_timer.isActive():  # a briefing's note: up until now
                    s.banner.hide()
                if self.hider.revealed:  # each take (each pass of a loop) starts off book
                    self.hider.clear_reveals()
                    s.view.refresh()
                s.status.setText(self.tr("Take %d") % info.number)
                if self._audio is not None:
                    self._audio.start(info.number, self._last_note)
                self.take_started.emit(info)
            case TakeEnded(result=result):
                s.countdown.hide()
                if self._audio is not None and self._audio.is_recording():
                    self._audio.stop()
                s.status.setText(
                    self.tr("Take %d done: %d lines in %.0f s.")
                    % (result.info.number, len(result.timings), result.duration_s)
                )
                self.take_ended.emit(result)
            case NoteInjected(event=event):
                self._last_note = event.shown
                s.banner.show_note(event.headline)
                self._banner_timer.stop()  # a note between takes stays up until its take
                if event.placement is NotePlacement.MID_SCENE:
                    self._banner_timer.start(
                        int(1000 * max(2.5, self.engine.settings.note_hold_seconds + 1))
                    )
            case Problem(message=message):
                s.status.setText(message)
            case RatingRequested(take=take):
                s.rating_panel.show()
                s.rating_panel.ask(take, self._last_note)
            case PrepStarted(seconds=seconds):
                s.cover_page(False)
                if self.lines:
                    s.view.show_scene_start(self.lines[0].id.scene)
                s.clock.show()
                s.clock.show_prep(seconds)
                s.status.setText(self.tr("Prep: read the scene. Press Start when you're ready."))
            case PrepWarning():
                if self._tone is not None:
                    self._tone.play()
            case PerformStarted():
                s.cover_page(False)  # a cold read with no prep goes straight to the take
                s.clock.show()
                s.clock.show_perform(0)
            case DrillEnded(takes=takes):
                self._end_drill(takes)
            case _:
                pass

    def _show_turn(self, mode: WaitMode, deadline: float | None) -> None:
        s = self.screen
        if mode is WaitMode.KEY:
            s.status.setText(self.tr("Your line — press Space when you're done."))
            s.countdown.hide()
        elif mode is WaitMode.VOICE:
            s.status.setText(self.tr("Your line — the partner comes in when you stop."))
            s.countdown.hide()
        else:
            s.status.setText(self.tr("Your line — the partner comes in when the bar runs out."))
            if deadline is not None:
                span = max(1, int((deadline - self.engine.now()) * 1000))
                s.countdown.setRange(0, span)
                s.countdown.setValue(span)
                s.countdown.show()

    def _show_prompt(self, line: RehearsalLine | None) -> None:
        if line is None:
            self.screen.prompt.clear()
            return
        if line.own:
            text = self.hider.text(line)
            self.screen.prompt.setText(self.tr("You: %s") % text)
        else:
            self.screen.prompt.setText(f"{line.speaker or self.tr('Narrator')}: {line.text}")

    def _prefetch_after(self, index: int) -> None:
        if self.reader is None:
            return
        self.reader.prefetch([line for line in self.lines[index + 1 :] if not line.own][:4])

    def _set_state(self, state: State) -> None:
        s = self.screen
        for action in (s.action_loop_start, s.action_loop_end, s.action_loop_clear,
                       s.action_reveal, s.action_hide_more):  # fmt: skip
            action.setEnabled(True)
        running = state not in (State.IDLE, State.FINISHED)
        s.action_start.setEnabled(not running or state is State.PAUSED)
        s.action_pause.setEnabled(running)
        s.action_pause.setText(self.tr("Resume") if state is State.PAUSED else self.tr("Pause"))
        for action in (s.action_done, s.action_skip, s.action_back, s.action_restart,
                       s.action_stop):  # fmt: skip
            action.setEnabled(running)
        if running or self.drill is not None:
            if not self.tick_timer.isActive():
                self.tick_timer.start()
        else:
            self.tick_timer.stop()
            s.countdown.hide()
        if state is State.PAUSED:
            s.status.setText(self.tr("Paused — press P to go on."))
        elif state is State.FINISHED:
            s.status.setText(self.tr("End of the scene. Press Start for another take."))
        self.state_changed.emit(state.value)
