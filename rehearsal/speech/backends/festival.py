"""Festival's installed voices through its ``text2wave`` script (package ``festival``).

The HTS voice (``festvox-us-slt-hts``) is far clearer than eSpeak NG, but every line
starts a Festival process that loads the voice: about 330 ms a line against Flite's
20-50 ms (``benchmarks/bench_voices.py``). With render-ahead the partner still comes in
on cue; only a line rendered on demand (after Back or a jump) waits that long. Since it
is the same speaker as Flite's ``slt`` and measured no clearer, the set-up installs Flite
and leaves Festival to the actor who wants it; when installed, it is offered.

Rate applies (HTS voices through hts_engine's ``-r`` speed, others through
``Duration_Stretch``) and volume by scaling the samples; pitch cannot be changed for the
HTS voices from Festival's command line, so it is listed as unsupported.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from rehearsal.speech.backends.tools import listed_voice, run_tool, scale_volume, text_file
from rehearsal.speech.casting import DEFAULT_RATE, VoiceSettings
from rehearsal.speech.render import WavInfo, inspect_wav
from rehearsal.speech.voices import Gender, VoiceInfo

NAME = "festival"
PREFIX = f"{NAME}:"
_SAFE_NAME = re.compile(r"^[a-z0-9_]+$")
_SPEAKERS = {
    "slt": Gender.FEMALE,
    "clb": Gender.FEMALE,
    "awb": Gender.MALE,
    "bdl": Gender.MALE,
    "jmk": Gender.MALE,
    "rms": Gender.MALE,
    "kal": Gender.MALE,
    "ked": Gender.MALE,
}


def voice_id(name: str) -> str:
    return PREFIX + name


@dataclass(frozen=True, slots=True)
class FestivalBackend:
    """``text2wave`` and the voices Festival reports with ``(voice.list)``."""

    program: str
    voices: tuple[VoiceInfo, ...]
    timeout: float = 60.0
    name: str = NAME
    unsupported: frozenset[str] = frozenset({"pitch"})

    @classmethod
    def find(cls) -> FestivalBackend | None:
        """The backend when Festival and at least one voice are installed, else None."""
        festival = shutil.which("festival")
        text2wave = shutil.which("text2wave")
        if festival is None or text2wave is None:
            return None
        try:
            listed = subprocess.run(
                [festival, "--batch", "(begin (print (voice.list)))"],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=20,
                check=False,
                text=True,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        names = re.findall(r"[A-Za-z0-9_]+", listed.strip().splitlines()[-1] if listed else "")
        voices = tuple(_info(n) for n in names if _SAFE_NAME.match(n))
        return cls(text2wave, voices) if voices else None

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo:
        """Write ``text`` to ``path``; the voice name is checked, the text goes in a file."""
        name = listed_voice(settings.voice_id, PREFIX, self.voices, "Festival")
        speed = settings.rate / DEFAULT_RATE
        setup = (
            f"(begin (voice_{name}) "
            f"(Parameter.set 'Duration_Stretch {1 / speed:.3f}) "
            f'(set! hts_engine_params (append hts_engine_params (list (list "-r" {speed:.3f})))))'
        )
        with text_file(text) as source:
            args = [self.program, "-o", str(path), "-eval", setup, str(source)]
            run_tool(args, timeout=self.timeout, name="Festival")
        scale_volume(path, settings.volume)
        return inspect_wav(path)


def _info(name: str) -> VoiceInfo:
    parts = name.split("_")
    speaker = next((p for p in parts if p in _SPEAKERS), None)
    language = "en-us" if "us" in parts else "en"
    kind = " HTS" if name.endswith("_hts") else ""
    label = f"Festival {speaker.upper() if speaker else name}{kind}"
    gender = _SPEAKERS.get(speaker) if speaker else None
    return VoiceInfo(voice_id(name), label, language, gender, backend=NAME)
