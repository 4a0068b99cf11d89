"""Test recordings of script lines, spoken by eSpeak NG and shaped like a rehearsal.

Each recording starts with a stretch of room silence (the actor's pickup after the cue),
may hold a pause inside the line, may have noise mixed in at a given signal-to-noise ratio,
and ends in silence. The true times (first and last voiced sample) are known exactly
because eSpeak writes digital silence between and around its words.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rehearsal.listen.audio import SAMPLE_RATE, Pcm, read_wav

ESPEAK = shutil.which("espeak-ng")

LINE = "I told you already, Marcus, the keys are in the blue drawer by the door."
LINE_HALVES = ("I told you already, Marcus,", "the keys are in the blue drawer by the door.")
SCENE = (
    "Where did you put the keys to the van?",
    "Then why can't I find them? We're late, Nadia.",
    "Fine. Next time leave them on the hook where they belong.",
)
WRONG_LINE = "The weather has been lovely all week, we should go down to the beach."
NAME_LINE = "Siobhan and Okonkwo are waiting at the Thackery gate."

#: The voices and speeds the tests speak in (eSpeak NG voice+variant, words per minute).
VOICES = (("en-us+f3", 150), ("en-us", 150), ("en", 140), ("en-us+m3", 170), ("en-us+f4", 120))


def speak(text: str, voice: str, speed: int) -> Pcm:
    """``text`` spoken by eSpeak NG, at 16 kHz, with eSpeak's own silences trimmed."""
    assert ESPEAK is not None, "eSpeak NG is needed"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "line.wav"
        subprocess.run(
            [ESPEAK, "-v", voice, "-s", str(speed), "-w", str(path), text],
            check=True,
            capture_output=True,
            timeout=60,
        )
        samples = read_wav(path).samples
    voiced = np.flatnonzero(np.abs(samples.astype(np.int32)) > 64)
    return samples[voiced[0] : voiced[-1] + 1]


def silence(seconds: float) -> Pcm:
    return np.zeros(round(seconds * SAMPLE_RATE), dtype=np.int16)


@dataclass(frozen=True)
class SpokenRecording:
    samples: Pcm
    speech_start: float  # seconds: the first voiced sample
    speech_end: float  # seconds: the last voiced sample

    def with_noise(self, snr_db: float, seed: int = 19) -> SpokenRecording:
        """White noise over the whole recording at ``snr_db`` below the speech's level."""
        speech = self.samples[
            round(self.speech_start * SAMPLE_RATE) : round(self.speech_end * SAMPLE_RATE)
        ].astype(np.float64)
        speech_rms = float(np.sqrt(np.mean(np.square(speech))))
        noise = np.random.default_rng(seed).normal(0.0, 1.0, len(self.samples))
        noise *= speech_rms / 10 ** (snr_db / 20)
        mixed = np.clip(self.samples + noise, -32768, 32767).astype(np.int16)
        return SpokenRecording(mixed, self.speech_start, self.speech_end)

    def write(self, path: Path) -> Path:
        with wave.open(str(path), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(SAMPLE_RATE)
            writer.writeframes(self.samples.astype("<i2").tobytes())
        return path


def recording(
    parts: tuple[str, ...] | str,
    voice: str = "en-us+f3",
    speed: int = 150,
    *,
    before: float = 0.7,
    pause: float = 0.0,
    after: float = 1.0,
) -> SpokenRecording:
    """A line (or its parts joined by ``pause`` seconds of silence) between silences."""
    texts = (parts,) if isinstance(parts, str) else parts
    pieces: list[Pcm] = [silence(before)]
    for index, text in enumerate(texts):
        if index:
            pieces.append(silence(pause))
        pieces.append(speak(text, voice, speed))
    spoken = sum(len(p) for p in pieces[1:])
    pieces.append(silence(after))
    return SpokenRecording(np.concatenate(pieces), before, before + spoken / SAMPLE_RATE)
