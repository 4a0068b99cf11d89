"""Partner waits ▸ Follow my words: the listening wired to a rehearsal.

:class:`FollowMyWords` watches the commands the controller carries out. At each of the
actor's turns (``WaitForActor`` in the words mode) it tells the listening worker which line
to expect; the worker's line end comes back as the engine's ``LineHeard`` event, with the
accuracy, the differing words, completeness and the pickup, so the response gap starts
after the detected end. "Line?" — the **L** key, or "line" said while the partner waits —
reveals the next words and is counted by the engine.

The microphone opens only in this mode and feeds the worker thread; the GUI thread only
moves bytes along. A script in a language without a speech model falls back to the voice
alone and says so once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, SignalInstance, Slot

from rehearsal.engine.commands import (
    Command,
    LineDone,
    PromptGiven,
    ShowLine,
    State,
    StateChanged,
    TakeEnded,
    TakeStarted,
    WaitForActor,
)
from rehearsal.engine.events import ActorDone, LineHeard, Prompt
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import LineTiming
from rehearsal.listen.language import guess_language
from rehearsal.listen.live import Progress
from rehearsal.listen.models import LanguageSupport, language_support
from rehearsal.listen.pipeline import ListenResult
from rehearsal.ui.listening.panel import FollowPanel, line_summary, take_summary
from rehearsal.ui.listening.sources import MicrophoneSource, microphone_present
from rehearsal.ui.listening.worker import ListeningThread
from rehearsal.ui.rehearsal_controller import RehearsalController

_told_languages: set[str] = set()
KEY_REPLY_MS = 400
"""How long the "done" key waits for the words heard so far before the line ends without
them (the reply takes tens of milliseconds; the line's end is the press either way)."""
"""Languages whose "voice only" notice was shown in this run: it is said once."""


class AudioSource(Protocol):
    chunk: SignalInstance
    format_known: SignalInstance
    unavailable: SignalInstance

    def start(self) -> bool: ...

    def stop(self) -> None: ...


class FollowMyWords(QObject):
    """The words mode of one rehearsal controller (created with it, gone with it)."""

    turn_started = Signal()  # the actor's turn: a recording source starts its next take
    line_heard = Signal(object)  # ListenResult, after the engine got it
    ready = Signal(bool)  # the listening worker is loaded (words recognised?)
    _load = Signal(object)
    _begin = Signal(int, str, object, str, float)
    _cancel = Signal()
    _reveal = Signal(int, int)
    _finish = Signal(int)

    def __init__(
        self,
        controller: RehearsalController,
        *,
        model_dirs: Sequence[Path] = (),
        source_factory: Callable[[QObject], AudioSource] = MicrophoneSource,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.screen = controller.screen
        self.source_factory = source_factory
        self.support: LanguageSupport = language_support(
            guess_language(line.text for line in controller.lines), model_dirs
        )
        self.source: AudioSource | None = None
        self._thread: ListeningThread | None = None
        self._turn = 0
        self._turn_index: int | None = None
        self._local_reveal: dict[int, int] = {}
        self._take_lines: list[LineTiming] = []
        self.last_summary = ""
        self.panel = FollowPanel(self.screen)
        self.panel.hide()
        self.screen.add_under_prompt(self.panel)
        options = self.screen.options_panel  # beside the wait mode they belong to
        options.add_option(self.tr("Words must match:"), self.panel.strictness)
        options.add_option(None, self.panel.live)
        self._options = (self.panel.strictness, self.panel.live)
        self._show_options(False)
        settings = controller.engine.settings
        self.panel.set_options(settings.listen_strictness, settings.listen_live)
        self.panel.strictness_changed.connect(self._on_strictness)
        self.panel.live_changed.connect(self._on_live)
        self.action_line = self.screen.action_line
        self.action_line.triggered.connect(self._on_line_key)
        self.action_line.setEnabled(True)  # a prompt can be asked in every mode
        controller.commands_run.connect(self._on_commands)
        controller.detached.connect(self.close)
        self._key_at: float | None = None  # the "done" key, while its words are fetched
        self._key_timer = QTimer(self)
        self._key_timer.setSingleShot(True)
        self._key_timer.setInterval(KEY_REPLY_MS)
        self._key_timer.timeout.connect(self._on_key_reply_late)
        controller.done_key_taker = self._take_done_key
        self._closed = False
        app = QCoreApplication.instance()
        if app is not None:  # the thread must be joined before the app goes
            app.aboutToQuit.connect(self.close)
        self.screen.wait_mode.currentIndexChanged.connect(self._on_mode)
        self._on_mode()

    # -- the mode ------------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.source is not None

    def _mode(self) -> WaitMode:
        return WaitMode(self.screen.wait_mode.currentData())

    @Slot()
    def _on_mode(self) -> None:
        if self._mode() is WaitMode.WORDS:
            self._start()
        else:
            self._stop()

    def _show_options(self, shown: bool) -> None:
        for widget in self._options:
            self.screen.options_panel.show_option(widget, shown)

    def _start(self) -> None:
        self.panel.show()
        self._show_options(True)
        self.screen.level_meter.show()
        if self.source is not None:
            return
        if self.source_factory is MicrophoneSource and not microphone_present():
            self._on_unavailable(self.tr("No microphone was found."))
            return  # no listening process started for nothing
        if self._thread is None:
            self._thread = ListeningThread(self)
            worker = self._thread.worker
            self._load.connect(worker.load)
            self._begin.connect(worker.begin)
            self._cancel.connect(worker.cancel)
            self._reveal.connect(worker.reveal)
            self._finish.connect(worker.finish)
            worker.ready.connect(self._on_ready)
            worker.level.connect(self._on_level)
            worker.progress.connect(self._on_progress)
            worker.asked.connect(self._on_asked)
            worker.revealed.connect(self._on_revealed)
            worker.ended.connect(self._on_ended)
            self._load.emit(self.support.model)
        source = self.source_factory(self)
        source.format_known.connect(self._thread.worker.set_format)
        source.chunk.connect(self._thread.worker.feed)
        source.unavailable.connect(self._on_unavailable)
        self.source = source
        if not source.start():
            return
        if self.support.message and self.support.language not in _told_languages:
            _told_languages.add(self.support.language)
            self.screen.voice_notice.show_notice(self.support.message)
        if self.controller.engine.state is State.WAITING:
            self._begin_turn(self.controller.engine.index)

    def _stop(self) -> None:
        self._end_turn()
        if self.source is not None:
            self.source.stop()
            if isinstance(self.source, QObject):
                self.source.deleteLater()
            self.source = None
        self.panel.hide()
        self._show_options(False)
        if self._mode() is not WaitMode.VOICE:
            self.screen.level_meter.hide()

    @Slot(str)
    def _on_unavailable(self, message: str) -> None:
        self._stop()
        self.screen.status.setText(self.tr("%s The partner waits for your key instead.") % message)
        combo = self.screen.wait_mode
        combo.setCurrentIndex(combo.findData(WaitMode.KEY.value))

    @Slot()
    def close(self) -> None:
        """The controller is letting go of the screen: stop, and take the widgets away."""
        if self._closed:
            return
        self._closed = True
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self.close)
        if self.controller.done_key_taker == self._take_done_key:
            self.controller.done_key_taker = None
        self._key_timer.stop()
        self._stop()
        for signal, slot in (
            (self.controller.commands_run, self._on_commands),
            (self.controller.detached, self.close),
            (self.screen.wait_mode.currentIndexChanged, self._on_mode),
        ):
            signal.disconnect(slot)
        if self._thread is not None:
            self._thread.close()
            self._thread = None
        self.action_line.triggered.disconnect(self._on_line_key)
        for widget in self._options:
            self.screen.options_panel.remove_option(widget)
        self.panel.hide()
        self.panel.deleteLater()

    # -- options -------------------------------------------------------------------------------
    def _change(self, **changes: object) -> None:
        engine = self.controller.engine
        engine.set_settings(engine.settings.with_changes(**changes))

    @Slot(str)
    def _on_strictness(self, level: str) -> None:
        self._change(listen_strictness=level)

    @Slot(bool)
    def _on_live(self, live: bool) -> None:
        self._change(listen_live=live)

    # -- the run ---------------------------------------------------------------------------------
    @Slot(object)
    def _on_commands(self, commands: list[Command]) -> None:
        for command in commands:
            match command:
                case WaitForActor(index=index, mode=WaitMode.WORDS) if self.active:
                    if index != self._turn_index:  # a re-timed wait keeps what was heard
                        self._begin_turn(index)
                case ShowLine(index=index) if index != self._turn_index:
                    self._end_turn()
                case StateChanged(state=State.PAUSED | State.IDLE | State.FINISHED):
                    self._end_turn()  # a resumed wait listens afresh
                case PromptGiven(index=index, count=count, words=words):
                    self._prompt(index, count, words)
                case LineDone(timing=timing) if timing.own:
                    self._take_lines.append(timing)
                    if self.controller.engine.settings.listen_live or not self.active:
                        self.panel.note.setText(line_summary(timing))
                case TakeStarted():
                    self._take_lines = []
                    self._local_reveal.clear()
                case TakeEnded(result=result):
                    self._end_turn()
                    self.last_summary = take_summary(result.info.number, self._take_lines)
                    self.panel.note.setText(self.last_summary)

    def _begin_turn(self, index: int) -> None:
        line = self.controller.lines[index]
        scene = [
            other.text
            for other in self.controller.lines
            if other.id.scene == line.id.scene and other is not line
        ]
        self._turn += 1
        self._turn_index = index
        settings = self.controller.engine.settings
        self._begin.emit(
            self._turn,
            line.text,
            scene,
            settings.listen_strictness,
            settings.listen_give_up_seconds,
        )
        words = [(w, "missed") for w in line.text.split()]
        self.panel.show_words(words, 0)
        if not settings.listen_live:
            self.panel.note.clear()
        if self.support.recognises_words:
            self.screen.status.setText(self.tr("Your line — the partner follows your words."))
        else:
            self.screen.status.setText(self.tr("Your line — the partner comes in when you stop."))
        self.turn_started.emit()

    def _end_turn(self) -> None:
        self._key_at = None
        self._key_timer.stop()
        if self._turn_index is not None:
            self._turn_index = None
            self._turn += 1  # late findings of the old turn are ignored
            self._cancel.emit()

    def _prompt(self, index: int, count: int, words: int) -> None:
        if self._turn_index == index and self.support.recognises_words:
            self._reveal.emit(self._turn, words)
            return
        written = self.controller.lines[index].text.split()  # no listening: reveal in order
        shown = self._local_reveal.get(index, 0)
        self._local_reveal[index] = min(len(written), shown + words)
        self._show_revealed(written[shown : shown + words])

    def _take_done_key(self) -> bool:
        """The actor ended their line with the key while it was listened to: keep the
        words heard so far (accuracy, differing words, pickup) for that line.

        The listening process is asked for its result at once; the line ends at the moment
        of the press when the result comes back, a few tens of milliseconds later. Should
        the reply not come in time, the line ends bare, as it did before.
        """
        if not self.active or self._turn_index is None or not self.support.recognises_words:
            return False
        if self._key_at is not None:
            return True  # a second press while the first one's words are on their way
        self._key_at = self.controller.engine.now()
        self._finish.emit(self._turn)
        self._key_timer.start()
        return True

    @Slot()
    def _on_key_reply_late(self) -> None:
        if self._key_at is None:
            return
        self._key_at = None
        self._end_turn()
        self.controller.send(ActorDone())

    @Slot(int)
    def _on_line_key(self) -> None:
        self.controller.send(Prompt())

    # -- from the worker ---------------------------------------------------------------------------
    @Slot(bool, str)
    def _on_ready(self, words: bool, reason: str) -> None:
        if not words and reason:
            self.screen.status.setText(
                self.tr(
                    "Speech recognition is not available (%s): "
                    "the partner listens for your voice only."
                )
                % reason
            )
        self.ready.emit(words)

    @Slot(float)
    def _on_level(self, level: float) -> None:
        self.screen.level_meter.setValue(int(level * 100))

    @Slot(int, object)
    def _on_progress(self, turn: int, progress: Progress) -> None:
        if turn == self._turn and self._turn_index is not None:
            self.panel.show_words(progress.words, progress.said_up_to)

    @Slot(int)
    def _on_asked(self, turn: int) -> None:
        if turn == self._turn and self._turn_index is not None:
            self.controller.send(Prompt())

    @Slot(int, object)
    def _on_revealed(self, turn: int, words: list[str]) -> None:
        if turn == self._turn:
            self._show_revealed(words)

    def _show_revealed(self, words: list[str]) -> None:
        if words:
            self.panel.note.setText(self.tr("Line: “%s …”") % " ".join(words))
        else:
            self.panel.note.setText(self.tr("That was the end of the line."))

    @Slot(int, object)
    def _on_ended(self, turn: int, result: ListenResult) -> None:
        if turn != self._turn or self._turn_index is None:
            return
        self._turn_index = None
        comparison = result.comparison
        end = result.line_end
        pressed, self._key_at = self._key_at, None
        self._key_timer.stop()
        self.controller.send(
            LineHeard(
                complete=None if end is None else end.complete,
                accuracy=None if comparison is None else comparison.accuracy,
                differing=() if comparison is None else comparison.differing(),
                pickup=result.speech_start,
                by_key=pressed is not None,
                at=pressed,
            )
        )
        self.line_heard.emit(result)


def attach_follow(controller: RehearsalController, data_dir: Path) -> FollowMyWords:
    """Give ``controller`` the words mode (the main window calls this for each one).

    Speech models for other languages are looked for in ``data_dir/models``.
    """
    return FollowMyWords(controller, model_dirs=[data_dir / "models"])


def preferred_settings(
    stored: RehearsalSettings | None, defaults: RehearsalSettings
) -> RehearsalSettings:
    """The settings a rehearsal starts with: Follow my words is the default where a
    microphone works, for a script with no settings of its own and untouched defaults."""
    if stored is not None:
        return stored
    if defaults == RehearsalSettings() and microphone_present():
        return defaults.with_changes(wait_mode=WaitMode.WORDS)
    return defaults
