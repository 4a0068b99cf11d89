"""Flite's voices through the ``flite`` program (Debian/Ubuntu package ``flite``).

Flite's voices are far clearer than eSpeak NG's formant voices (see the README's voice
table) and render a line in a few hundred milliseconds or less. Every delivery setting
applies: rate through ``duration_stretch``, pitch through ``int_f0_target_mean`` (the
voice's mean pitch in Hz), volume by scaling the samples.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from rehearsal.speech.backends.tools import listed_voice, run_tool, scale_volume, text_file
from rehearsal.speech.casting import DEFAULT_PITCH, DEFAULT_RATE, VoiceSettings
from rehearsal.speech.render import WavInfo, inspect_wav
from rehearsal.speech.voices import Gender, VoiceInfo

NAME = "flite"
PREFIX = f"{NAME}:"
# What the voices shipped with Flite are; a voice not listed here is offered without gender.
_KNOWN: dict[str, tuple[str, str, Gender, float]] = {
    # name: (label, language, gender, mean pitch in Hz)
    "slt": ("Flite SLT (US English, female)", "en-us", Gender.FEMALE, 180.0),
    "rms": ("Flite RMS (US English, male)", "en-us", Gender.MALE, 105.0),
    "awb": ("Flite AWB (Scottish English, male)", "en-gb-scotland", Gender.MALE, 110.0),
    "kal16": ("Flite KAL16 (US English, male)", "en-us", Gender.MALE, 105.0),
    "kal": ("Flite KAL (US English, male, 8 kHz)", "en-us", Gender.MALE, 105.0),
    "awb_time": ("Flite AWB clock voice", "en-gb-scotland", Gender.MALE, 110.0),
}
# awb_time only knows how to say the time; it is no scene partner.
_LEFT_OUT = frozenset({"awb_time"})
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_]+$")
HZ_PER_PITCH_STEP = 0.012
"""A pitch step (0-99, 50 is the voice's own) moves the mean pitch by 1.2 %."""


def voice_id(name: str) -> str:
    return PREFIX + name


@dataclass(frozen=True, slots=True)
class FliteBackend:
    """The ``flite`` program and the voices it lists."""

    program: str
    voices: tuple[VoiceInfo, ...]
    timeout: float = 30.0
    name: str = NAME
    unsupported: frozenset[str] = frozenset()

    @classmethod
    def find(cls, program: str | None = None) -> FliteBackend | None:
        """The backend when ``flite`` is installed and lists a usable voice, else None."""
        path = program or shutil.which("flite")
        if path is None:
            return None
        try:
            listed = subprocess.run(
                [path, "-lv"], capture_output=True, timeout=10, check=False, text=True
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        names = [n for n in listed.partition(":")[2].split() if _SAFE_NAME.match(n)]
        voices = tuple(_info(n) for n in names if n not in _LEFT_OUT)
        return cls(path, voices) if voices else None

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo:
        """Write ``text`` in ``settings``' voice to ``path``; the text goes in through a file."""
        name = listed_voice(settings.voice_id, PREFIX, self.voices, "Flite")
        mean = _KNOWN.get(name, ("", "", Gender.MALE, 120.0))[3]
        stretch = DEFAULT_RATE / settings.rate
        f0 = mean * (1.0 + HZ_PER_PITCH_STEP * (settings.pitch - DEFAULT_PITCH))
        with text_file(text) as source:
            args = [self.program, "-voice", name]
            args += ["--setf", f"duration_stretch={stretch:.3f}"]
            if settings.pitch != DEFAULT_PITCH:
                args += ["--setf", f"int_f0_target_mean={f0:.1f}"]
            args += ["-f", str(source), "-o", str(path)]
            run_tool(args, timeout=self.timeout, name="Flite")
        scale_volume(path, settings.volume)
        return inspect_wav(path)


def _info(name: str) -> VoiceInfo:
    label, language, gender, _ = _KNOWN.get(name, (f"Flite {name}", "en-us", None, 0.0))
    return VoiceInfo(voice_id(name), label, language, gender, backend=NAME)
