"""The microphone's stream over a whole rehearsal: the actor's turns come and go in it.

A microphone delivers bytes all the time, in whatever format the device chose; the
partner's turns and the actor's turns alternate. :class:`LiveStream` turns the bytes into
16 kHz chunks of :data:`LIVE_CHUNK_MS`, reports the level for the meter on every chunk,
and, while a turn is open (:meth:`begin` at the end of the cue), feeds a
:class:`~rehearsal.listen.pipeline.Listener` and reports what it finds as plain events:
the words followed so far, a "line" heard, and the line's end with everything measured.

It has no Qt and no threads: the app runs it on a worker thread behind Qt Multimedia, and
tests and the benchmark feed it recordings the same way, chunk by chunk.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rehearsal.listen.audio import SAMPLE_RATE, Pcm, Resampler, decode, to_pcm
from rehearsal.listen.compare import Strictness, compare
from rehearsal.listen.line_end import LineEndSettings
from rehearsal.listen.pipeline import Listener, ListenResult
from rehearsal.listen.recognizer import Recognizer

LIVE_CHUNK_MS = 20
PROGRESS_EVERY_S = 0.15
"""How often the running guess is compared with the line for the word-follow highlight."""


@dataclass(frozen=True)
class Level:
    """The loudness of the last chunk, 0..1 on a dB scale (-60 dB .. 0 dB)."""

    value: float


@dataclass(frozen=True)
class Progress:
    """The words of the line as followed so far: (written word, status) in line order."""

    turn: int
    words: tuple[tuple[str, str], ...]
    said_up_to: int


@dataclass(frozen=True)
class Asked:
    """ "line" was heard on its own: the actor asks for a prompt."""

    turn: int


@dataclass(frozen=True)
class Ended:
    """The line's end was decided (the partner comes in); ``result`` has what was heard."""

    turn: int
    result: ListenResult


LiveEvent = Level | Progress | Asked | Ended


def level_of(chunk: Pcm) -> float:
    """Loudness of a chunk on the same scale as the voice mode's meter."""
    if len(chunk) == 0:
        return 0.0
    mean_square = float(np.mean(np.square(chunk.astype(np.float64))))
    if mean_square <= 0:
        return 0.0
    db = 10 * math.log10(mean_square / 32768.0**2)
    return max(0.0, min(1.0, (db + 60.0) / 60.0))


class LiveStream:
    """Bytes in, level, words and line ends out; one turn (the actor's line) at a time."""

    def __init__(
        self,
        recognizer: Recognizer | None,
        *,
        rate: int = SAMPLE_RATE,
        channels: int = 1,
        width: int = 2,
    ) -> None:
        self.recognizer = recognizer
        self.set_format(rate, channels, width)
        self._size = SAMPLE_RATE * LIVE_CHUNK_MS // 1000
        self._pending = np.zeros(0, dtype=np.int16)
        self._turn = 0
        self._listener: Listener | None = None
        self._since_progress = 0.0
        self._asked = 0

    def set_format(self, rate: int, channels: int, width: int) -> None:
        """The device's format (it may differ from 16 kHz mono 16-bit)."""
        self._channels, self._width = max(1, channels), width
        self._resampler = Resampler(rate) if rate != SAMPLE_RATE else None

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def begin(
        self,
        turn: int,
        line: str,
        scene_lines: Sequence[str] = (),
        *,
        strictness: Strictness | str = Strictness.CLOSE,
        settings: LineEndSettings | None = None,
    ) -> None:
        """The cue has ended: listen for ``line`` from the next chunk on (pickup counts
        from here)."""
        self._turn = turn
        self._listener = Listener(
            line,
            self.recognizer,
            scene_lines=scene_lines,
            strictness=Strictness(strictness),
            settings=settings,
        )
        self._pending = np.zeros(0, dtype=np.int16)  # no audio from before the cue's end
        self._since_progress = 0.0
        self._asked = 0

    def cancel(self) -> None:
        """The turn ended otherwise (a key, skip, stop, pause): stop listening."""
        if self._listener is not None and self.recognizer is not None:
            self.recognizer.finish()
        self._listener = None

    def finish(self, turn: int) -> Ended | None:
        """The actor ended the line with the key: what was heard so far, at once.

        None when ``turn`` is no longer listened to (its end was found, or it was
        cancelled, a moment before the key): that turn's result has gone out already.
        """
        listener = self._listener
        if listener is None or turn != self._turn:
            return None
        self._listener = None
        return Ended(turn, listener.finish())

    def reveal(self, turn: int, count: int) -> list[str]:
        """A prompt: the next ``count`` words of the line (they count against accuracy)."""
        if self._listener is None or turn != self._turn:
            return []
        return self._listener.prompt(count)

    def feed(self, data: bytes) -> list[LiveEvent]:
        """Take the device's next bytes; the events they complete, in order."""
        samples = decode(data, self._width, self._channels)
        if self._resampler is not None:
            samples = self._resampler.process(samples)
        return self.feed_pcm(to_pcm(samples))

    def feed_pcm(self, pcm: Pcm) -> list[LiveEvent]:
        """Take 16 kHz mono samples (a recording fed as a microphone would)."""
        self._pending = np.concatenate([self._pending, pcm])
        events: list[LiveEvent] = []
        while len(self._pending) >= self._size:
            chunk, self._pending = self._pending[: self._size], self._pending[self._size :]
            events.append(Level(level_of(chunk)))
            events.extend(self._listen(chunk))
        return events

    def _listen(self, chunk: Pcm) -> list[LiveEvent]:
        listener = self._listener
        if listener is None:
            return []
        events: list[LiveEvent] = []
        end = listener.feed(chunk)
        if listener.asked > self._asked:
            self._asked = listener.asked
            events.append(Asked(self._turn))
        self._since_progress += len(chunk) / SAMPLE_RATE
        if self.recognizer is not None and (
            self._since_progress >= PROGRESS_EVERY_S or end is not None
        ):
            self._since_progress = 0.0
            events.append(self._progress(listener))
        if end is not None:
            self._listener = None
            events.append(Ended(self._turn, listener.finish()))
        return events

    def _progress(self, listener: Listener) -> Progress:
        heard = listener.partial_words()
        result = compare(listener.line, heard, listener.strictness).with_prompts(listener.revealed)
        words = tuple((w.word, w.status) for w in result.words)
        return Progress(self._turn, words, result.said_up_to() if heard else 0)
