"""Measuring rendered speech in tests: samples, loudness and the voice's pitch.

Plain ``wave`` + ``array`` so the checks need nothing beyond the standard library; the
pitch estimate is a coarse autocorrelation over the loudest frames, good enough to tell a
low voice from a high one.
"""

from __future__ import annotations

import array
import math
import statistics
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

from rehearsal.speech.availability import engine_unavailable_reason

ENGINE_REASON = engine_unavailable_reason()
needs_espeak = pytest.mark.skipif(
    ENGINE_REASON is not None, reason=f"speech engine unavailable: {ENGINE_REASON}"
)


@dataclass(frozen=True)
class Audio:
    channels: int
    width: int
    rate: int
    samples: array.array[int]

    @property
    def duration(self) -> float:
        return len(self.samples) / self.rate

    @property
    def rms(self) -> float:
        if not self.samples:
            return 0.0
        return math.sqrt(sum(s * s for s in self.samples) / len(self.samples))

    @property
    def peak(self) -> int:
        return max((abs(s) for s in self.samples), default=0)


def read_wav(path: Path) -> Audio:
    with wave.open(str(path), "rb") as reader:
        channels, width, rate = reader.getnchannels(), reader.getsampwidth(), reader.getframerate()
        data = reader.readframes(reader.getnframes())
    assert width == 2, "eSpeak NG writes 16-bit samples"
    samples = array.array("h")
    samples.frombytes(data)
    return Audio(channels, width, rate, samples)


def pitch_hz(audio: Audio, frames: int = 12) -> float:
    """Median fundamental frequency of the loudest ``frames`` 40 ms frames."""
    step = 2  # work at half the sample rate: plenty for a 60-400 Hz voice
    rate = audio.rate / step
    signal = audio.samples[::step]
    size = int(rate * 0.04)
    chunks = [signal[i : i + size] for i in range(0, len(signal) - size, size)]
    loud = sorted(chunks, key=lambda c: -sum(abs(s) for s in c))[:frames]
    estimates = []
    for chunk in loud:
        best_lag, best = 0, -math.inf
        for lag in range(int(rate / 400), int(rate / 60)):
            score = sum(chunk[i] * chunk[i + lag] for i in range(size - lag))
            if score > best:
                best_lag, best = lag, score
        estimates.append(rate / best_lag)
    return statistics.median(estimates)
