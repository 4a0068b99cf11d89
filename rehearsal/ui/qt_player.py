"""Qt glue for the partner's voice: playback in the GUI thread, renders from the worker.

Only QtCore and QtMultimedia are used, so this runs under a bare ``QCoreApplication`` (the
benchmark does); it lives under ``rehearsal.ui`` because the speech package itself imports no
Qt at all.

:class:`PartnerPlayer` plays rendered WAV files with ``QMediaPlayer`` + ``QAudioOutput``:
starting, stopping and pausing take effect on the next turn of the event loop (well under
a millisecond; why not directly is in ``_Deck``), and with no audio device Qt still plays
silently in real time and reports the end, so runs and tests behave the same with or
without a sound card. ``QSoundEffect``
is avoided (it preloads and cannot pause) and so is QtTextToSpeech (its speech-dispatcher
backend hung for 40 s without an audio device).

:class:`RenderService` is the GUI thread's side of :class:`~rehearsal.speech.worker.
RenderWorker`: requests go out through a queue, and a ``QTimer`` polls for results only
while something is outstanding; a poll never blocks (a few non-blocking queue reads), so
the event loop stays responsive while lines render.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

from rehearsal.speech.availability import SpeechStatus, speech_status
from rehearsal.speech.direction import LinePlan
from rehearsal.speech.prefetch import DEFAULT_DEPTH, RenderAhead
from rehearsal.speech.render import RenderCache
from rehearsal.speech.voices import VoiceCatalog
from rehearsal.speech.worker import (
    PRIORITY_NOW,
    Rendered,
    RenderFailed,
    RenderWorker,
    WorkerReady,
    WorkerUnavailable,
)


def audio_output_names() -> list[str]:
    """The audio outputs Qt can see (empty on a machine without a sound device)."""
    return [device.description() for device in QMediaDevices.audioOutputs()]


def current_speech_status() -> SpeechStatus:
    """Engine and audio checks together: what the app tells the actor once at start."""
    return speech_status(audio_output_names())


class _Deck(QObject):
    """One ``QMediaPlayer`` with its output, driven without holding Python's lock.

    Qt's audio thread takes the GIL while it tears an output down (it asks the Python
    wrapper of the player or output whether ``disconnectNotify`` is overridden). A call such
    as ``QMediaPlayer.stop()`` made directly from Python holds the GIL while it waits for a
    Qt lock that the audio thread may hold: a deadlock, reproduced by stopping and dropping
    players in a loop. So every command goes through a queued connection to the player's
    own C++ slot and runs from the event loop, where the GIL is released.
    """

    set_source = Signal(QUrl)
    set_rate = Signal(float)
    play = Signal()
    pause = Signal()
    stop = Signal()

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self.player = QMediaPlayer(self)
        self.output = QAudioOutput(self)
        self.player.setAudioOutput(self.output)
        self.path: Path | None = None
        self.rate = 1.0
        queued = Qt.ConnectionType.QueuedConnection
        self.set_source.connect(self.player.setSource, queued)
        self.set_rate.connect(self.player.setPlaybackRate, queued)
        self.play.connect(self.player.play, queued)
        self.pause.connect(self.player.pause, queued)
        self.stop.connect(self.player.stop, queued)

    def load(self, path: Path) -> None:
        if self.path != path:
            self.path = path
            self.set_source.emit(QUrl.fromLocalFile(str(path)))

    def start(self, rate: float) -> None:
        if self.rate != rate:
            self.rate = rate
            self.set_rate.emit(rate)
        # From the start: a no-op on a fresh or stopped player, a rewind after a line ended.
        self.stop.emit()
        self.play.emit()


class PartnerPlayer(QObject):
    """Plays the partner's lines in order; every line is identified by a caller's token.

    ``started(token)`` fires when audio begins, ``finished(token)`` at its natural end,
    ``stopped(token)`` when cut off by :meth:`stop` or :meth:`play`, ``failed(token,
    message)`` when the file cannot be played (the queue then moves on).
    ``file_started(token, path, rate)`` comes with ``started``: which file and how fast, so
    a self-tape can mix the very audio heard into the recording at that moment.

    Opening a file costs Qt ~5-15 ms before sound starts, so there are two decks: while one
    plays (or the actor speaks), :meth:`preload` opens the next line on the other, and the
    cue only has to press play.
    """

    started = Signal(int)
    finished = Signal(int)
    stopped = Signal(int)
    failed = Signal(int, str)
    file_started = Signal(int, str, float)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._decks = (_Deck(self), _Deck(self))
        self._active = 0
        self._queue: deque[tuple[int, Path]] = deque()
        self._current: int | None = None
        self._announced = False
        self._rate = 1.0
        for index, deck in enumerate(self._decks):
            deck.player.playbackStateChanged.connect(partial(self._on_playback_state, index))
            deck.player.mediaStatusChanged.connect(partial(self._on_media_status, index))
            deck.player.errorOccurred.connect(partial(self._on_error, index))

    @property
    def _player(self) -> QMediaPlayer:
        return self._decks[self._active].player

    @property
    def current_token(self) -> int | None:
        """The line playing (or paused), or None."""
        return self._current

    @property
    def queued(self) -> int:
        return len(self._queue)

    def is_playing(self) -> bool:
        return (
            self._current is not None
            and self._player.playbackState() is QMediaPlayer.PlaybackState.PlayingState
        )

    def is_paused(self) -> bool:
        return (
            self._current is not None
            and self._player.playbackState() is QMediaPlayer.PlaybackState.PausedState
        )

    def preload(self, path: Path) -> None:
        """Open the line that will probably be cued next, so that it starts at once."""
        self._decks[1 - self._active].load(Path(path))

    def play(self, path: Path, token: int) -> None:
        """Cut off whatever is playing and queued, and play this line now."""
        self.stop()
        self._queue.append((token, Path(path)))
        self._advance()

    def enqueue(self, path: Path, token: int) -> None:
        """Play this line after the ones already queued (now, if nothing is playing)."""
        self._queue.append((token, Path(path)))
        self._advance()

    def stop(self) -> None:
        """Silence at once (on the next turn of the event loop) and forget the queue.

        Emits ``stopped`` for a line in progress.
        """
        self._queue.clear()
        token = self._current
        self._current = None
        if token is not None:
            self._decks[self._active].stop.emit()
            self.stopped.emit(token)

    def pause(self) -> None:
        if self._current is not None:
            self._decks[self._active].pause.emit()

    def resume(self) -> None:
        if self._current is not None:
            self._decks[self._active].play.emit()

    def close(self) -> None:
        """Stop, and let the event loop destroy the players (the object is then unusable).

        Deleting a media player straight from Python holds the GIL through its destructor
        and can deadlock with Qt's audio thread like a direct ``stop()`` (see ``_Deck``);
        ``deleteLater`` destroys it from the event loop instead. Call this before dropping
        the last reference, and keep the event loop running for a moment afterwards.
        """
        self.stop()
        for deck in self._decks:
            deck.stop.emit()
        self.deleteLater()

    def setPlaybackRate(self, rate: float) -> None:
        """Play faster or slower (tests play at 4x or more); applies to later lines too."""
        if rate <= 0:
            raise ValueError("playback rate must be above 0")
        self._rate = rate
        if self._current is not None:
            deck = self._decks[self._active]
            deck.rate = rate
            deck.set_rate.emit(rate)

    def playbackRate(self) -> float:
        return self._rate

    def set_volume(self, volume: float) -> None:
        """Master volume 0-1 on top of each character's rendered volume."""
        for deck in self._decks:
            deck.output.setVolume(max(0.0, min(1.0, volume)))

    def volume(self) -> float:
        """The master volume (a self-tape lowers it for the take and puts it back)."""
        return float(self._decks[0].output.volume())

    def _advance(self) -> None:
        while self._current is None and self._queue:
            token, path = self._queue.popleft()
            if not path.is_file():
                self.failed.emit(token, f"the audio for this line is missing ({path})")
                continue
            if self._decks[1 - self._active].path == path:
                self._active = 1 - self._active  # preloaded: swap decks
            deck = self._decks[self._active]
            self._current = token
            self._announced = False
            invalid = deck.player.mediaStatus() is QMediaPlayer.MediaStatus.InvalidMedia
            if invalid and deck.path == path:  # a preloaded file that Qt could not open
                self._fail("the audio for this line could not be read")
                return
            deck.load(path)
            deck.start(self._rate)

    def _on_playback_state(self, index: int, state: QMediaPlayer.PlaybackState) -> None:
        playing = state is QMediaPlayer.PlaybackState.PlayingState
        if index == self._active and playing and self._current is not None and not self._announced:
            self._announced = True
            deck = self._decks[index]
            self.file_started.emit(self._current, str(deck.path), deck.rate)
            self.started.emit(self._current)

    def _on_media_status(self, index: int, status: QMediaPlayer.MediaStatus) -> None:
        if index != self._active or self._current is None:
            return
        if status is QMediaPlayer.MediaStatus.EndOfMedia:
            token = self._current
            self._current = None
            self.finished.emit(token)
            self._advance()
        elif status is QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail("the audio for this line could not be read")

    def _on_error(self, index: int, error: QMediaPlayer.Error, message: str) -> None:
        if index != self._active or self._current is None:
            return
        if error is not QMediaPlayer.Error.NoError:
            self._fail(message or error.name)

    def _fail(self, message: str) -> None:
        token = self._current
        self._current = None
        self._decks[self._active].stop.emit()
        if token is not None:
            self.failed.emit(token, message)
        # Qt reports a bad file twice (error, then InvalidMedia); move on once both are in.
        QTimer.singleShot(0, self, self._advance)


class RenderService(QObject):
    """Renders lines off the GUI thread and reports back on it, with render-ahead built in.

    ``rendered(request_id, path)`` / ``failed(request_id, message)`` answer
    :meth:`submit`, :meth:`prefetch` and :meth:`take` requests; ``ready(catalog)`` comes
    once the engine runs, ``unavailable(reason)`` if it cannot (the app then falls back to
    text).
    """

    rendered = Signal(int, str)
    failed = Signal(int, str)
    ready = Signal(object)
    unavailable = Signal(str)

    def __init__(
        self,
        cache: RenderCache,
        parent: QObject | None = None,
        *,
        worker: RenderWorker | None = None,
        depth: int = DEFAULT_DEPTH,
        poll_ms: int = 5,
    ) -> None:
        super().__init__(parent)
        self.worker = worker if worker is not None else RenderWorker(cache)
        self.ahead = RenderAhead(self.worker.submit, self.worker.cancel, depth)
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._on_poll)

    @property
    def catalog(self) -> VoiceCatalog | None:
        return self.worker.catalog

    def start(self) -> None:
        """Start the worker process; returns at once."""
        self.worker.start()
        self._poll_soon()

    def _poll_soon(self) -> None:
        # Only touch the timer when it is idle: restarting it on every request would delay
        # polls, and each void Qt call costs a reference to None under PySide6 6.12.0 on
        # Python 3.11, a binding bug that ends in a fatal error after a few thousand calls.
        if not self._timer.isActive():
            self._timer.start()

    def submit(self, plan: LinePlan, priority: int = PRIORITY_NOW) -> int:
        """Render one line (a preview, a single cue); the answer comes as a signal."""
        request_id = self.worker.submit(plan, priority)
        self._poll_soon()
        return request_id

    def cancel(self, request_ids: Iterable[int]) -> None:
        self.worker.cancel(request_ids)

    def prefetch(self, upcoming: Sequence[LinePlan]) -> None:
        """Keep the partner's next lines (in order, from the current cue) rendered."""
        self.ahead.update(upcoming)
        self._poll_soon()

    def take(self, plan: LinePlan) -> Path | None:
        """The cued line's file if already rendered; else it is rendered urgently and
        ``rendered`` follows."""
        path = self.ahead.now(plan)
        self._poll_soon()
        return path

    def shutdown(self) -> None:
        """Stop polling and end the worker process (call before the app quits)."""
        self._timer.stop()
        self.worker.shutdown()

    def _on_poll(self) -> None:
        for event in self.worker.poll():
            if isinstance(event, Rendered):
                self.ahead.on_rendered(event.request_id, event.path)
                self.rendered.emit(event.request_id, str(event.path))
            elif isinstance(event, RenderFailed):
                self.ahead.on_failed(event.request_id, event.message)
                self.failed.emit(event.request_id, event.message)
            elif isinstance(event, WorkerReady):
                self.ready.emit(event.catalog)
            elif isinstance(event, WorkerUnavailable):
                self.unavailable.emit(event.reason)
        if self.worker.state != "starting" and self.worker.outstanding == 0:
            self._timer.stop()
