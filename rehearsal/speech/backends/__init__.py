"""The programs that can speak a line, behind one small interface.

pyttsx3 (the system voices: eSpeak NG on Linux, SAPI5 on Windows, NSSpeechSynthesizer on
macOS) is always tried; on top of it the worker offers Flite's and Festival's voices when
those programs are installed. Each backend is found once at start, lists its voices, and
renders text to a WAV file; nothing beyond pyttsx3 is required, and a backend that is
missing is simply left out (``skipped`` says why, for the log and ``rehearsal voices``).

:class:`SpeechBackends` looks like the single engine the renderer has always used — a
``catalog`` and a ``synthesize(text, settings, path)`` — and sends each line to the
backend whose voice it names. Voice ids of the extra backends carry their backend's name
(``flite:slt``), so the render cache keys them apart from eSpeak's voices.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Protocol

from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.render import RenderError, WavInfo
from rehearsal.speech.voices import (
    EXTRA_BACKENDS,
    SpeechUnavailableError,
    VoiceCatalog,
    VoiceInfo,
    backend_of,
)

__all__ = ["EXTRA_BACKENDS", "Backend", "SpeechBackends", "VoiceScore", "backend_of"]

log = logging.getLogger(__name__)

SCORES_FILE = "voice_scores.json"


class Backend(Protocol):
    """One program that speaks: its name, its voices, and how to render with them."""

    @property
    def name(self) -> str: ...

    @property
    def voices(self) -> tuple[VoiceInfo, ...]: ...

    @property
    def unsupported(self) -> frozenset[str]:
        """Delivery settings (``rate``, ``pitch``, ``volume``) this backend ignores."""
        ...

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo: ...


@dataclass(frozen=True, slots=True)
class VoiceScore:
    """How clearly a voice was understood by the recogniser, and how fast it rendered."""

    accuracy: float
    render_seconds: float


def load_voice_scores(path: Path | None = None) -> dict[str, VoiceScore]:
    """The measured scores shipped with the package (or read from ``path``).

    Measured by ``benchmarks/bench_voices.py --write-scores`` rather than at start-up,
    which would cost the actor a minute of synthesis and recognition. A missing or broken
    file means no scores: casting then keeps its plain order.
    """
    try:
        if path is None:
            text = resources.files("rehearsal.speech").joinpath(SCORES_FILE).read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        entries = json.loads(text)["voices"]
        return {
            str(voice): VoiceScore(float(e["accuracy"]), float(e["render_seconds"]))
            for voice, e in entries.items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("voice scores not read: %s", exc)
        return {}


def find_extra_backends(
    names: Sequence[str] = EXTRA_BACKENDS,
) -> tuple[list[Backend], list[str]]:
    """Those of ``names`` that are installed; the second list says which were left out, why."""
    from rehearsal.speech.backends.festival import FestivalBackend
    from rehearsal.speech.backends.flite import FliteBackend

    found: list[Backend] = []
    skipped: list[str] = []
    if "flite" in names:
        flite = FliteBackend.find()
        if flite is not None:
            found.append(flite)
        else:
            skipped.append("Flite: not installed (apt install flite)")
    if "festival" in names:
        festival = FestivalBackend.find()
        if festival is not None:
            found.append(festival)
        else:
            skipped.append("Festival: no voice installed (apt install festvox-us-slt-hts)")
    return found, skipped


class SpeechBackends:
    """Every available backend as one engine: one catalog, one ``synthesize``.

    Create at most one per process: the pyttsx3 backend owns eSpeak's global state.
    """

    def __init__(
        self,
        system: Backend | None,
        extras: list[Backend],
        *,
        driver: str,
        scores: Mapping[str, VoiceScore] | None = None,
        skipped: list[str] | None = None,
    ) -> None:
        self.driver = driver
        self.skipped = list(skipped or [])
        self._by_name: dict[str, Backend] = {b.name: b for b in extras}
        self._system = system
        base = system.catalog if isinstance(system, SystemBackend) else None
        voices = tuple(base.voices if base else ()) + tuple(v for b in extras for v in b.voices)
        if not voices:
            raise SpeechUnavailableError("no speech backend offers a voice")
        scores = load_voice_scores() if scores is None else scores
        self.catalog = VoiceCatalog(
            voices=voices,
            variants=base.variants if base else (),
            scores=tuple(sorted((k, s.accuracy) for k, s in scores.items())),
            unsupported=tuple(sorted((b.name, s) for b in extras for s in b.unsupported)),
        )

    @classmethod
    def start(
        cls, driver_name: str | None = None, extras: Sequence[str] = EXTRA_BACKENDS
    ) -> SpeechBackends:
        """pyttsx3 plus those of ``extras`` that are installed; raises when none can speak."""
        from rehearsal.speech.availability import default_driver_name
        from rehearsal.speech.render import SpeechEngine

        driver = driver_name or default_driver_name()
        found, skipped = find_extra_backends(extras)
        try:
            system: Backend | None = SystemBackend(SpeechEngine(driver))
        except SpeechUnavailableError as exc:
            if not found:
                raise
            skipped.insert(0, f"{driver}: {exc}")
            system = None
        for reason in skipped:
            log.info("speech backend left out: %s", reason)
        return cls(system, found, driver=driver, skipped=skipped)

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo:
        """Render with the backend that owns ``settings.voice_id``."""
        name = backend_of(settings.voice_id)
        if name == "pyttsx3":
            if self._system is None:
                raise RenderError(f"the system voices are unavailable ({settings.voice_id!r})")
            return self._system.synthesize(text, settings, path)
        backend = self._by_name.get(name)
        if backend is None:
            raise RenderError(f"{name} is not installed, so {settings.voice_id!r} cannot speak")
        voice = self.catalog.voice(settings.voice_id)
        if voice is not None:
            settings = replace(settings, voice_id=voice.id)
        return backend.synthesize(text, settings, path)


@dataclass(frozen=True, slots=True)
class SystemBackend:
    """pyttsx3's engine (:class:`~rehearsal.speech.render.SpeechEngine`) as a backend."""

    engine: _Engine
    name: str = "pyttsx3"
    unsupported: frozenset[str] = frozenset()

    @property
    def catalog(self) -> VoiceCatalog:
        return self.engine.catalog

    @property
    def voices(self) -> tuple[VoiceInfo, ...]:
        return self.engine.catalog.voices

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo:
        return self.engine.synthesize(text, settings, path)


class _Engine(Protocol):
    catalog: VoiceCatalog

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo: ...
