"""Audio in: 16 kHz mono 16-bit PCM in small chunks, from a microphone or a WAV file.

Recognition and voice activity both want 16 kHz mono int16, and the live pipeline wants it
in chunks of 20–50 ms so that a decision is never more than a chunk late. Microphones and
files come at 44.1/48 kHz or 22.05 kHz (eSpeak NG), often in stereo, so this module reads
WAV files with the standard library's ``wave`` and resamples with a streaming windowed-sinc
filter in numpy: the same class serves a file read at once and a microphone delivering
buffers, it keeps its state between buffers so a chunk boundary leaves no click, and it
looks ahead only the filter's half-width (about 1 ms). numpy is the one dependency this
needs; ``audioop`` left the standard library in Python 3.13, and a pure-Python filter is
too slow for a live microphone on a 2-core laptop.
"""

from __future__ import annotations

import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 16_000
DEFAULT_CHUNK_MS = 30  # also in command.py, which must not import numpy to build its parser
MIN_CHUNK_MS, MAX_CHUNK_MS = 20, 50
MAX_FILE_BYTES = 512 * 1024 * 1024
MIN_RATE, MAX_RATE = 8_000, 192_000

Pcm = npt.NDArray[np.int16]


class AudioError(Exception):
    """Audio that cannot be listened to; the message names the file and the problem."""


@dataclass(frozen=True)
class Recording:
    """A whole recording, already at 16 kHz mono."""

    samples: Pcm
    source_rate: int
    source_channels: int

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def _decode(frames: bytes, width: int, channels: int) -> npt.NDArray[np.float32]:
    """PCM bytes of any common width to float samples in [-1, 1), channels mixed to mono."""
    if width == 1:  # 8-bit WAV is unsigned
        data = (np.frombuffer(frames, np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(frames, "<i2").astype(np.float32) / 32768.0
    elif width == 3:
        raw = np.frombuffer(frames, np.uint8).reshape(-1, 3).astype(np.int32)
        value = raw[:, 0] | (raw[:, 1] << 8) | (raw[:, 2] << 16)
        value = np.where(value & 0x800000, value - 0x1000000, value)
        data = value.astype(np.float32) / 8388608.0
    else:
        data = (np.frombuffer(frames, "<i4").astype(np.float64) / 2147483648.0).astype(np.float32)
    usable = len(data) - len(data) % channels
    mono: npt.NDArray[np.float32] = (
        data[:usable].reshape(-1, channels).mean(axis=1, dtype=np.float32)
    )
    return mono


def decode(frames: bytes, width: int, channels: int) -> npt.NDArray[np.float32]:
    """Live PCM bytes (any common width, interleaved channels) to mono float samples."""
    return _decode(frames[: len(frames) - len(frames) % (width * channels)], width, channels)


def to_pcm(samples: npt.NDArray[np.float32]) -> Pcm:
    """Float samples in [-1, 1) to int16, clipped rather than wrapped."""
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype(np.int16)


def read_wav(path: Path) -> Recording:
    """Read a PCM WAV file as 16 kHz mono, resampling other rates.

    Raises :class:`AudioError` with ``"FILE: what is wrong"`` for a missing, empty,
    non-WAV, compressed or silent-length file.
    """
    if not path.exists():
        raise AudioError(f"{path}: no such file")
    if path.is_dir():
        raise AudioError(f"{path}: is a folder, not a WAV file")
    size = path.stat().st_size
    if size == 0:
        raise AudioError(f"{path}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise AudioError(f"{path}: the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    try:
        with wave.open(str(path), "rb") as reader:
            channels, width, rate = (
                reader.getnchannels(),
                reader.getsampwidth(),
                reader.getframerate(),
            )
            frames = reader.readframes(reader.getnframes())
    except wave.Error as exc:
        reason = str(exc)
        if "unknown format" in reason:
            raise AudioError(
                f"{path}: compressed or floating-point WAV is not supported (use 16-bit PCM)"
            ) from exc
        raise AudioError(f"{path}: not a WAV file ({reason})") from exc
    except EOFError as exc:
        raise AudioError(f"{path}: the WAV file is truncated") from exc
    except OSError as exc:
        raise AudioError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if width not in (1, 2, 3, 4):
        raise AudioError(f"{path}: {width * 8}-bit samples are not supported")
    if not MIN_RATE <= rate <= MAX_RATE:
        raise AudioError(f"{path}: a sample rate of {rate} Hz is not supported")
    if channels < 1:
        raise AudioError(f"{path}: the WAV file has no channels")
    mono = _decode(frames, width, channels)
    if len(mono) == 0:
        raise AudioError(f"{path}: the WAV file holds no audio")
    resampler = Resampler(rate)
    samples = np.concatenate([resampler.process(mono), resampler.flush()])
    return Recording(to_pcm(samples), rate, channels)


class Resampler:
    """Streaming sample-rate conversion to 16 kHz with a Hann-windowed sinc filter.

    The filter's cut-off sits just below the lower of the two Nyquist frequencies, so
    downsampling 48 kHz or 22.05 kHz does not fold hiss into the speech band.
    """

    HALF_WIDTH = 16  # taps on each side of an output sample, at the input rate

    def __init__(self, source_rate: int, target_rate: int = SAMPLE_RATE) -> None:
        self.source_rate, self.target_rate = source_rate, target_rate
        self._step = source_rate / target_rate  # input samples per output sample
        self._cutoff = min(1.0, target_rate / source_rate) * 0.94
        self._half = int(np.ceil(self.HALF_WIDTH / min(1.0, target_rate / source_rate)))
        self._buffer = np.zeros(self._half, dtype=np.float32)  # history, starts silent
        self._position = float(self._half)  # next output's place in the buffer
        self._offsets = np.arange(-self._half + 1, self._half + 1)

    def process(self, samples: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Resample the next piece of the stream; returns what can be computed so far."""
        if self.source_rate == self.target_rate:
            return samples.astype(np.float32, copy=False)
        self._buffer = np.concatenate([self._buffer, samples.astype(np.float32, copy=False)])
        last = len(self._buffer) - self._half  # floor(position) must stay below this
        count = max(0, int(np.ceil((last - self._position) / self._step)))
        if count == 0:
            return np.zeros(0, dtype=np.float32)
        positions = self._position + np.arange(count) * self._step
        base = np.floor(positions).astype(np.int64)
        taps = base[:, None] + self._offsets[None, :]
        distance = taps - positions[:, None]
        window = 0.5 + 0.5 * np.cos(np.pi * distance / self._half)
        kernel = self._cutoff * np.sinc(self._cutoff * distance) * window
        out: npt.NDArray[np.float32] = (self._buffer[taps] * kernel).sum(axis=1).astype(np.float32)
        self._position = float(positions[-1] + self._step)
        keep_from = max(0, int(np.floor(self._position)) - self._half)
        self._buffer = self._buffer[keep_from:]
        self._position -= keep_from
        return out

    def flush(self) -> npt.NDArray[np.float32]:
        """The last samples, computed against silence after the end of the stream."""
        if self.source_rate == self.target_rate:
            return np.zeros(0, dtype=np.float32)
        return self.process(np.zeros(self._half + 1, dtype=np.float32))


def chunk_size(chunk_ms: int) -> int:
    """Samples per chunk, refusing chunk lengths the live pipeline is not built for."""
    if not MIN_CHUNK_MS <= chunk_ms <= MAX_CHUNK_MS:
        raise ValueError(f"chunks must be {MIN_CHUNK_MS}-{MAX_CHUNK_MS} ms, not {chunk_ms}")
    return SAMPLE_RATE * chunk_ms // 1000


def chunks(samples: Pcm, chunk_ms: int = DEFAULT_CHUNK_MS) -> Iterator[Pcm]:
    """Cut a recording into the chunks a microphone would deliver (the last may be short)."""
    size = chunk_size(chunk_ms)
    for start in range(0, len(samples), size):
        yield samples[start : start + size]
