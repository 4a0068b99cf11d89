"""The tape's sound: the actor's recording with the reader's lines mixed in at their moments.

Casting expects to hear the reader, quieter than the actor. Picking the reader up from the
speakers through the microphone sounds distant, echoes, and fails outright with headphones
on; so the reader's rendered lines, played during the take, are mixed in digitally where
they played. How loud: the actor's level is measured over the recording outside the
reader's lines (blocks of 100 ms, silence gated out, as loudness meters do), the reader's
the same way over its lines, and the reader is set ``reader_level_db`` relative to the
actor. A take without a measurable actor (silence) sets the reader relative to -20 dBFS.

Audio is handled in 48 kHz float stereo, streamed in AAC-sized frames, so a long take
never sits in memory whole; only the reader's lines (seconds each) are loaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import av.error
import numpy as np
import numpy.typing as npt

from rehearsal.tape.errors import TapeError, media_problem
from rehearsal.tape.library import Cue

RATE = 48000
FRAME = 1024
"""Samples per AAC frame: the encoder takes exactly this many."""
BLOCK_S = 0.1
ABSOLUTE_GATE_DB = -60.0
RELATIVE_GATE_DB = -20.0
SILENT_ACTOR_DB = -20.0
FADE_S = 0.01
"""A cut-off reader line fades out over this long instead of clicking."""

Samples = npt.NDArray[np.float32]
Packets = Iterator["av.packet.Packet[Any]"]


def gated_level_db(mono: Samples, rate: int = RATE) -> float | None:
    """The level of the sound in ``mono`` in dBFS, pauses left out; None when all is silence.

    A speech's pauses would otherwise drag its level down by however long the actor
    waited, so blocks below -60 dBFS, and blocks 20 dB under the loud ones, are not counted.
    """
    block = max(1, round(rate * BLOCK_S))
    count = len(mono) // block
    if count == 0:
        return None
    blocks = mono[: count * block].astype(np.float64).reshape(count, block)
    power = np.mean(blocks**2, axis=1)
    loud = power[power > 10 ** (ABSOLUTE_GATE_DB / 10)]
    if loud.size == 0:
        return None
    threshold = np.mean(loud) * 10 ** (RELATIVE_GATE_DB / 10)
    kept = loud[loud >= threshold]
    return float(10 * np.log10(np.mean(kept)))


def decode_mono(path: Path, *, rate: int = RATE, playback_rate: float = 1.0) -> Samples:
    """A file's sound as mono floats at ``rate``, played ``playback_rate`` times as fast.

    The reader's speed is applied by declaring the line's sample rate ``playback_rate``
    times higher before resampling: the line then lasts as long as it did when played.
    """
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise TapeError(f"{path}: holds no sound")
            source_rate = container.streams.audio[0].codec_context.sample_rate or rate
            flat = av.AudioResampler(format="flt", layout="mono", rate=source_rate)
            pieces: list[Samples] = [
                _floats(out) for frame in container.decode(audio=0) for out in flat.resample(frame)
            ]
    except (av.error.FFmpegError, OSError) as exc:
        raise media_problem(path, exc) from None
    samples = np.concatenate(pieces).astype(np.float32) if pieces else np.zeros(0, np.float32)
    claimed = round(source_rate * playback_rate)
    if claimed == rate or samples.size == 0:
        return samples
    frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
    frame.sample_rate = claimed
    convert = av.AudioResampler(format="flt", layout="mono", rate=rate)
    out = [_floats(f) for f in (*convert.resample(frame), *convert.resample(None))]
    return np.concatenate(out).astype(np.float32) if out else np.zeros(0, np.float32)


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """A reader line ready to mix: where it starts in the output and its samples (gain set)."""

    start: int
    samples: Samples

    @property
    def end(self) -> int:
        return self.start + len(self.samples)


def load_lines(cues: Sequence[Cue]) -> list[tuple[Cue, Samples]]:
    """Each cue's audio at 48 kHz and its speed, cut where the line was cut off."""
    lines = []
    for cue in cues:
        samples = decode_mono(cue.wav, playback_rate=cue.rate)
        if cue.stopped_at_s is not None:
            keep = max(0, round((cue.stopped_at_s - cue.at_s) * RATE))
            if keep < len(samples):
                samples = samples[:keep].copy()
                fade = min(len(samples), round(FADE_S * RATE))
                if fade:
                    samples[-fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
        lines.append((cue, samples))
    return lines


def _channel_power(frame: av.AudioFrame) -> Samples:
    """One signal whose square is the mean of the channels' squares: the per-channel level
    as it will be on the tape (a mono microphone is spread over both channels)."""
    channels = planar(frame)
    power = np.mean(channels.astype(np.float64) ** 2, axis=0)
    return np.asarray(np.sqrt(power), dtype=np.float32)


def actor_level_db(
    path: Path, reader_spans: Sequence[tuple[float, float]], start_s: float
) -> float | None:
    """The actor's level on the tape (per channel), outside the moments the reader played.

    ``reader_spans`` are ``(start, end)`` seconds on the recording's timeline, which begins
    ``start_s`` into the file (its first packet). Leaving them out keeps the reader, heard
    through the speakers, from counting as the actor.
    """
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                return None
            stream = container.streams.audio[0]
            stereo = av.AudioResampler(format="fltp", layout="stereo", rate=RATE)
            pieces: list[Samples] = []
            first: float | None = None
            for frame in _frames(container, stream):
                if first is None and frame.time is not None:
                    first = float(frame.time) - start_s
                pieces.extend(_channel_power(out) for out in stereo.resample(frame))
    except (av.error.FFmpegError, OSError) as exc:
        raise media_problem(path, exc) from None
    if not pieces:
        return None
    samples = np.concatenate(pieces)
    offset = max(0.0, first or 0.0)
    keep = np.ones(len(samples), dtype=bool)
    for begin, end in reader_spans:
        a, b = round((begin - offset) * RATE), round((end - offset) * RATE)
        keep[max(0, a) : max(0, b)] = False
    return gated_level_db(samples[keep])


def place_lines(
    lines: Sequence[tuple[Cue, Samples]],
    *,
    actor_db: float | None,
    reader_level_db: float,
    offset_s: float,
) -> list[PlacedLine]:
    """Set the reader ``reader_level_db`` relative to the actor and place each line.

    ``offset_s`` is how far into the output the recording starts (the title card).
    """
    if not lines:
        return []
    reader_db = gated_level_db(np.concatenate([samples for _cue, samples in lines]))
    if reader_db is None:
        return []
    target = (actor_db if actor_db is not None else SILENT_ACTOR_DB) + reader_level_db
    gain = np.float32(10 ** ((target - reader_db) / 20))
    return [
        PlacedLine(round((offset_s + cue.at_s) * RATE), samples * gain)
        for cue, samples in lines
        if len(samples)
    ]


class AudioOut:
    """The output's sound: pushed in pieces, the reader mixed in, encoded in AAC frames."""

    def __init__(self, stream: av.audio.stream.AudioStream, lines: Sequence[PlacedLine]) -> None:
        self.stream = stream
        self.lines = sorted(lines, key=lambda line: line.start)
        self.written = 0
        """Samples handed to the encoder so far (the output's audio clock)."""
        self._pending: list[Samples] = []
        self._pending_len = 0

    @property
    def position_s(self) -> float:
        return (self.written + self._pending_len) / RATE

    def silence(self, samples: int) -> Packets:
        if samples > 0:
            yield from self.push(np.zeros((2, samples), dtype=np.float32))

    def push(self, stereo: Samples) -> Packets:
        """Add actor sound (2 × n floats) and encode every whole frame that is ready."""
        self._pending.append(stereo)
        self._pending_len += stereo.shape[1]
        if self._pending_len < FRAME:
            return
        joined = np.concatenate(self._pending, axis=1)
        whole = (joined.shape[1] // FRAME) * FRAME
        self._pending = [joined[:, whole:]]
        self._pending_len = joined.shape[1] - whole
        for at in range(0, whole, FRAME):
            yield from self._encode(joined[:, at : at + FRAME])

    def close(self) -> Packets:
        """Encode what is left and flush the encoder."""
        if self._pending_len:
            yield from self._encode(np.concatenate(self._pending, axis=1))
        self._pending, self._pending_len = [], 0
        yield from self.stream.encode(None)

    def _encode(self, chunk: Samples) -> Packets:
        chunk = np.ascontiguousarray(chunk, dtype=np.float32)
        start, end = self.written, self.written + chunk.shape[1]
        mixed = False
        for line in self.lines:
            if line.start >= end:
                break
            if line.end <= start:
                continue
            a, b = max(start, line.start), min(end, line.end)
            if not mixed:
                chunk, mixed = chunk.copy(), True
            chunk[:, a - start : b - start] += line.samples[a - line.start : b - line.start]
        if mixed:
            np.clip(chunk, -1.0, 1.0, out=chunk)
        frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
        frame.sample_rate = RATE
        frame.pts = start
        frame.time_base = Fraction(1, RATE)
        self.written = end
        yield from self.stream.encode(frame)


def _frames(
    container: av.container.InputContainer, stream: av.audio.stream.AudioStream
) -> Iterator[av.AudioFrame]:
    """The stream's decoded frames, as far as the file can be read."""
    try:
        for packet in container.demux(stream):
            try:
                yield from packet.decode()
            except av.error.InvalidDataError:
                continue  # one damaged packet costs its 20 ms, not the take
    except av.error.FFmpegError:
        return  # cut short: the sound ends where the file does


def _floats(frame: av.AudioFrame) -> Samples:
    """A mono float frame's samples as one flat array."""
    return np.asarray(frame.to_ndarray(), dtype=np.float32).reshape(-1)


def planar(frame: av.AudioFrame) -> Samples:
    """A planar float frame's samples as channels × samples."""
    return np.asarray(frame.to_ndarray(), dtype=np.float32)
