"""Voice activity: which 30 ms frames hold a voice, smoothed into speech starts and stops.

Two detectors share one interface. :class:`WebRtcDetector` is the WebRTC voice activity
detector — the copy compiled into pocketsphinx (``pocketsphinx.Vad``, the same code the
``webrtcvad-wheels`` package wraps), so it costs no extra dependency — behind an energy
gate: a frame counts only if WebRTC calls it voice *and* it stands 6 dB above the running
noise floor. :class:`EnergyDetector` alone (level against a running noise floor) is the
"microphone level" mode the app had before.

Measured by ``benchmarks/bench_listen.py --detectors`` on 20 eSpeak NG lines (5 voices,
4 lines, 0.7 s of silence before and 1 s after), clean and with white noise: median error of
the first start and last stop against the true speech edges, noise-only frames called
voice, speech frames missed:

===================  =====  ======  ======  ======  ======
detector             SNR    onset   offset  false   missed
===================  =====  ======  ======  ======  ======
WebRTC alone         clean  10 ms   102 ms  0.0 %   0.5 %
WebRTC + gate        clean  10 ms   16 ms   0.0 %   1.2 %
energy               clean  10 ms   13 ms   0.0 %   0.1 %
WebRTC alone         20 dB  700 ms  96 ms   6.9 %   2.9 %
WebRTC + gate        20 dB  10 ms   19 ms   0.0 %   7.3 %
energy               20 dB  20 ms   108 ms  0.0 %   29.4 %
WebRTC alone         10 dB  700 ms  96 ms   13.5 %  2.9 %
WebRTC + gate        10 dB  35 ms   132 ms  0.0 %   36.4 %
energy               10 dB  80 ms   471 ms  0.0 %   81.4 %
===================  =====  ======  ======  ======  ======

WebRTC alone takes white noise for voice from the first frame (the 700 ms onset error is
the whole lead-in) and holds on ~100 ms after the last word; the energy detector loses a
third of the speech at 20 dB. Gated WebRTC keeps both the onset and the offset within a
frame or two, which is what pickup times and a prompt line end need. At 10 dB the gate
drops a third of the speech frames (the onset still within 35 ms); a noisier room needs a
lower ``gate_db``.

:class:`VoiceActivity` turns per-frame decisions into events: speech starts after
``onset`` voiced frames in a row (a click is not speech) and stops after ``hangover`` of
unvoiced frames (the gaps between words are not a stop). Times are seconds of audio, so
the same code gives the same answer on a file read as fast as the CPU allows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np

from rehearsal.listen.audio import SAMPLE_RATE, Pcm

FRAME_SAMPLES = SAMPLE_RATE * 30 // 1000
FRAME_SECONDS = FRAME_SAMPLES / SAMPLE_RATE


class FrameDetector(Protocol):
    """Says whether one 30 ms frame (480 samples at 16 kHz) holds a voice."""

    def is_voiced(self, frame: Pcm) -> bool: ...


class EnergyDetector:
    """A frame is voiced when it is ``margin_db`` above a running noise floor.

    The floor drops at once to a quieter frame and rises slowly through unvoiced ones, so a
    room that gets louder is learnt within a second or two without speech pulling it up.
    """

    def __init__(self, margin_db: float = 12.0, minimum_db: float = -50.0) -> None:
        self.margin_db, self.minimum_db = margin_db, minimum_db
        self._floor: float | None = None

    @staticmethod
    def level_db(frame: Pcm) -> float:
        """The frame's RMS level in dB relative to full scale (-100 for digital silence)."""
        if len(frame) == 0:
            return -100.0
        rms = math.sqrt(float(np.mean(np.square(frame.astype(np.float64))))) / 32768.0
        return 20.0 * math.log10(rms) if rms > 1e-5 else -100.0

    def is_voiced(self, frame: Pcm) -> bool:
        level = self.level_db(frame)
        if self._floor is None or level < self._floor:
            self._floor = level
        voiced = level >= max(self._floor + self.margin_db, self.minimum_db)
        if not voiced:
            self._floor += 0.05 * (level - self._floor)
        return voiced


class WebRtcDetector:
    """The WebRTC detector compiled into pocketsphinx; ``mode`` 0 (loose) – 3 (strict).

    With ``gate_db`` set, a frame must also stand that far above the running noise floor
    (:class:`EnergyDetector`): WebRTC alone takes broadband hiss for voice.
    """

    def __init__(self, mode: int = 2, gate_db: float | None = 6.0) -> None:
        from pocketsphinx import Vad

        self._vad = Vad(mode, SAMPLE_RATE, FRAME_SECONDS)
        if self._vad.frame_bytes != FRAME_SAMPLES * 2:  # pragma: no cover - a library change
            raise RuntimeError(f"unexpected VAD frame size {self._vad.frame_bytes}")
        self._gate = None if gate_db is None else EnergyDetector(gate_db)

    def is_voiced(self, frame: Pcm) -> bool:
        loud = self._gate.is_voiced(frame) if self._gate is not None else True
        return loud and bool(self._vad.is_speech(frame.astype("<i2").tobytes()))


DetectorName = Literal["webrtc", "webrtc-ungated", "energy"]


def make_detector(name: DetectorName | str) -> FrameDetector:
    if name == "energy":
        return EnergyDetector()
    return WebRtcDetector(gate_db=None if name == "webrtc-ungated" else 6.0)


@dataclass(frozen=True)
class VoiceEvent:
    kind: Literal["start", "stop"]
    at: float  # seconds: the first voiced frame's start, or the last voiced frame's end


class VoiceActivity:
    """Frames in, speech start/stop events out, with onset and hangover smoothing."""

    def __init__(
        self, detector: FrameDetector, onset: float = 0.06, hangover: float = 0.12
    ) -> None:
        self.detector = detector
        self._onset_frames = max(1, round(onset / FRAME_SECONDS))
        self._hangover_frames = max(1, round(hangover / FRAME_SECONDS))
        self._pending = np.zeros(0, dtype=np.int16)
        self._frames = 0  # frames consumed
        self._run = 0  # voiced frames in a row
        self._quiet = 0  # unvoiced frames in a row
        self._last_voiced_end = 0.0
        self.speaking = False
        self.voiced_now = False

    @property
    def time(self) -> float:
        """Seconds of audio consumed so far."""
        return self._frames * FRAME_SECONDS

    def feed(self, chunk: Pcm) -> list[VoiceEvent]:
        """Take a chunk of any length; return the events it completes, in order."""
        self._pending = np.concatenate([self._pending, chunk.astype(np.int16, copy=False)])
        events: list[VoiceEvent] = []
        while len(self._pending) >= FRAME_SAMPLES:
            frame, self._pending = self._pending[:FRAME_SAMPLES], self._pending[FRAME_SAMPLES:]
            event = self._step(self.detector.is_voiced(frame))
            if event is not None:
                events.append(event)
        return events

    def _step(self, voiced: bool) -> VoiceEvent | None:
        self._frames += 1
        self.voiced_now = voiced
        if voiced:
            self._run += 1
            self._quiet = 0
            self._last_voiced_end = self.time
            if not self.speaking and self._run >= self._onset_frames:
                self.speaking = True
                return VoiceEvent("start", self.time - self._run * FRAME_SECONDS)
            return None
        self._run = 0
        self._quiet += 1
        if self.speaking and self._quiet >= self._hangover_frames:
            self.speaking = False
            return VoiceEvent("stop", self._last_voiced_end)
        return None
