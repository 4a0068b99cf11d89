"""Render planned lines to WAV files through pyttsx3, into a cache that outlives the run.

Why files: pyttsx3's ``say()`` synthesises and then runs ``aplay`` through ``os.system``
(ignoring its exit status), so the app could neither start a line on cue nor stop it.
``save_to_file`` writes a WAV (~10-30 ms per sentence) that Qt plays and stops instantly.
The engine swallows its own errors and, for a voice it cannot load (MBROLA without mbrola),
may write a silent file, so every render is checked: the file exists, parses as WAV, has
frames, and is not all zeros. How a render waits for eSpeak is in :class:`SpeechEngine`.

The cache is keyed by (backend, text, voice, rate, pitch, volume) — everything that
changes the audio — and every file appears atomically (written under a temporary name in
the same folder, checked, then ``os.replace``-d), so a crash or a concurrent reader never
sees half a WAV and a present file needs no re-checking. The renderer takes any
:class:`Synthesizer`: the worker gives it every backend at once
(:class:`~rehearsal.speech.backends.SpeechBackends`).
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import io
import json
import os
import sys
import tempfile
import threading
import time
import uuid
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from rehearsal.paths import Paths
from rehearsal.speech.casting import DEFAULT_VOICE, VoiceSettings
from rehearsal.speech.direction import LinePlan, Pause, Utterance
from rehearsal.speech.voices import (
    SpeechUnavailableError,
    VoiceCatalog,
    backend_of,
    load_catalog,
)

CACHE_FORMAT = 1
"""Bump when rendering changes in a way that makes old cached audio wrong."""
CACHE_FOLDER = "speech"
SILENCE_RATE = 22050
"""eSpeak NG's output rate; used for a line that is nothing but a pause."""

# eSpeak is one global state per process and pyttsx3 shares one engine per driver.
_SYNTH_LOCK = threading.Lock()


class RenderError(Exception):
    """A line could not be rendered; the message says why, for the actor to read."""


class EngineBrokenError(RenderError):
    """The engine failed in a way it does not recover from; restart its process."""


@dataclass(frozen=True, slots=True)
class WavInfo:
    """What :func:`inspect_wav` found in a file."""

    channels: int
    sample_width: int
    frame_rate: int
    frames: int
    peak: int

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.frames / self.frame_rate if self.frame_rate else 0.0


def inspect_wav(path: Path, *, require_sound: bool = True) -> WavInfo:
    """Check that ``path`` is a playable WAV with audio in it; raise :class:`RenderError`."""
    try:
        size = path.stat().st_size
    except OSError:
        raise RenderError(f"the engine wrote no file at {path}") from None
    if size == 0:
        raise RenderError(f"the engine wrote an empty file at {path}")
    try:
        with wave.open(str(path), "rb") as reader:
            channels = reader.getnchannels()
            width = reader.getsampwidth()
            rate = reader.getframerate()
            frames = reader.getnframes()
            data = reader.readframes(frames)
    except (wave.Error, EOFError, OSError) as exc:
        raise RenderError(f"the engine wrote an invalid WAV file ({exc})") from None
    if frames == 0 or rate <= 0:
        raise RenderError("the engine produced no audio")
    peak = _peak(data, width)
    if require_sound and peak == 0:
        raise RenderError(
            "the engine produced only silence (is this voice's data installed? "
            "MBROLA voices need the mbrola package)"
        )
    return WavInfo(channels, width, rate, frames, peak)


def _peak(data: bytes, width: int) -> int:
    if width == 2:
        samples = array.array("h")
        samples.frombytes(data[: len(data) - len(data) % 2])
        if sys.byteorder == "big":
            samples.byteswap()
        return max((max(samples, default=0), -min(samples, default=0)))
    if width == 1:
        return max((abs(b - 128) for b in data), default=0)
    return 1 if any(data) else 0


def utterance_key(text: str, settings: VoiceSettings, driver: str = "espeak") -> str:
    """The cache key of one utterance: a hash of everything that changes its audio.

    ``driver`` is pyttsx3's driver; a Flite or Festival voice puts its backend there
    instead, so the same text in two backends never shares a file.
    """
    backend = backend_of(settings.voice_id)
    payload = [
        CACHE_FORMAT,
        driver if backend == "pyttsx3" else backend,
        text,
        settings.voice_id,
        settings.rate,
        settings.pitch,
        settings.volume,
    ]
    return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()


def plan_key(plan: LinePlan, driver: str = "espeak") -> str:
    """The cache key of a whole line; a single utterance shares the utterance's file."""
    if len(plan) == 1 and isinstance(plan[0], Utterance):
        return utterance_key(plan[0].text, plan[0].settings, driver)
    pieces: list[Any] = [CACHE_FORMAT, "line"]
    for segment in plan:
        if isinstance(segment, Utterance):
            pieces.append(utterance_key(segment.text, segment.settings, driver))
        else:
            pieces.append(round(segment.seconds, 3))
    return hashlib.sha256(json.dumps(pieces).encode("utf-8")).hexdigest()


class RenderCache:
    """WAV files named by key under ``Paths.cache / "speech"``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def for_paths(cls, paths: Paths) -> RenderCache:
        return cls(paths.cache / CACHE_FOLDER)

    def path_for(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.wav"

    def get(self, key: str) -> Path | None:
        """The cached file for ``key`` if present (files only appear complete)."""
        path = self.path_for(key)
        try:
            if path.stat().st_size > 44:
                return path
        except OSError:
            pass
        return None

    def lookup(self, plan: LinePlan, driver: str = "espeak") -> Path | None:
        """The cached rendering of a whole line, without touching the engine."""
        return self.get(plan_key(plan, driver)) if plan else None

    def temp_path(self, key: str) -> Path:
        """A unique name beside the final file, so the rename is atomic."""
        folder = self.path_for(key).parent
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f".{key}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part.wav"

    def commit(self, temp: Path, key: str) -> Path:
        """Move a checked temporary file into place; a concurrent equal write is harmless."""
        final = self.path_for(key)
        os.replace(temp, final)
        return final

    def files(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [p for p in self.root.glob("??/*.wav") if not p.name.startswith(".")]

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.files())

    def prune(self, max_bytes: int) -> int:
        """Delete the least recently written files until the cache fits; returns how many.

        Leftover temporary files of a process that died are removed too.
        """
        removed = 0
        if self.root.is_dir():
            stale = time.time() - 3600
            for temp in self.root.glob("??/.*.part.wav"):
                with contextlib.suppress(OSError):
                    if temp.stat().st_mtime < stale:
                        temp.unlink()
        entries = []
        for path in self.files():
            with contextlib.suppress(OSError):
                stat = path.stat()
                entries.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= max_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                total -= size
                removed += 1
        return removed


class SpeechEngine:
    """The pyttsx3 engine, driven the one way that is reliable: one file per run loop.

    Facts this relies on (pyttsx3 2.99 + eSpeak NG, measured):

    * pyttsx3 starts eSpeak in *asynchronous* mode: voice, parameters and text go through
      eSpeak's command queue and are synthesised on eSpeak's own thread, and
      ``runAndWait`` returns after a fixed 10 ms whether or not the file is written. A
      longer line is then written later, into whatever file the *next* request named, so
      each render waits for eSpeak to drain its queue (``espeak_Synchronize``) and for
      pyttsx3's ``finished-utterance`` (sent after the WAV is closed) before going on.
    * Several requests before one ``runAndWait`` keep only the last: one file per loop.
    * Properties persist between loops, so all four are set on every render.
    * An unknown voice is ignored silently, so voice ids are checked against the catalog.
    * ``getProperty`` reads eSpeak's state before the queue applies it: not trusted.

    Create at most one per process — eSpeak's state is global.
    """

    def __init__(self, driver_name: str | None = None, *, finish_timeout: float = 60.0) -> None:
        from rehearsal.speech.availability import default_driver_name, engine_unavailable_reason

        self.driver = driver_name or default_driver_name()
        self.finish_timeout = finish_timeout
        reason = engine_unavailable_reason(self.driver)
        if reason is not None:
            raise SpeechUnavailableError(reason)
        import pyttsx3

        try:
            with _quiet():
                self._engine: Any = pyttsx3.init(self.driver)
            self.catalog: VoiceCatalog = load_catalog(self._engine)
        except SpeechUnavailableError:
            raise
        except Exception as exc:
            raise SpeechUnavailableError(f"the speech engine failed to start: {exc}") from exc
        self._is_busy: Any = None
        if self.driver == "espeak":
            from pyttsx3.drivers import _espeak

            self._is_busy = _espeak.IsPlaying
        self._errors: list[str] = []
        self._finished = threading.Event()
        self._engine.connect("error", self._on_error)
        self._engine.connect("finished-utterance", self._on_finished)
        self._warm_up()

    def _warm_up(self) -> None:
        """Render one phrase, to prove the engine works and to leave pyttsx3 idle.

        Until its first ``runAndWait`` pyttsx3 holds property changes back and applies them
        inside the loop, just before the step that flushes eSpeak's queue — so the first
        render's settings could be lost. After one loop, changes apply at once.
        """
        voice = next((v.id for v in self.catalog.voices if v.id == DEFAULT_VOICE), None)
        settings = VoiceSettings(voice or self.catalog.voices[0].id)
        with tempfile.TemporaryDirectory(prefix="rehearsal-speech-") as folder:
            try:
                self.synthesize("Ready.", settings, Path(folder) / "warm-up.wav")
            except RenderError as exc:
                raise SpeechUnavailableError(
                    f"the speech engine could not render a test phrase: {exc}"
                ) from exc

    def _on_error(self, **kwargs: Any) -> None:
        self._errors.append(str(kwargs.get("exception") or "unknown engine error"))

    def _on_finished(self, **kwargs: Any) -> None:
        # Called on eSpeak's thread once the WAV file is written and closed.
        self._finished.set()

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo:
        """Write ``text`` spoken with ``settings`` to ``path`` and check the result."""
        if not any(c.isalnum() for c in text):
            raise RenderError("there is nothing to say in this line")
        try:
            voice = self.catalog.canonical(settings.voice_id)
        except ValueError as exc:
            raise RenderError(str(exc)) from None
        with _SYNTH_LOCK:
            self._errors.clear()
            self._finished.clear()
            engine = self._engine
            engine.setProperty("voice", voice)
            engine.setProperty("rate", settings.rate)
            engine.setProperty("volume", settings.volume)
            if self.driver == "espeak":
                engine.setProperty("pitch", settings.pitch)
            # runAndWait's first step "stops" eSpeak if it is busy, which flushes eSpeak's
            # queue: settings still queued there would be dropped.
            self._wait_idle()
            engine.save_to_file(text, str(path))
            # pyttsx3 prints "Audio saved to …" from eSpeak's thread once the file is written.
            with _quiet():
                try:
                    engine.runAndWait()
                except Exception as exc:
                    raise EngineBrokenError(f"the speech engine failed: {exc}") from exc
                finished = self._finished.wait(self.finish_timeout)
                # The event fires inside eSpeak's callback; let it return before going on.
                self._wait_idle()
            if self._errors:
                raise RenderError(f"the speech engine reported: {self._errors[0]}")
            if not finished:
                raise EngineBrokenError(
                    f"the speech engine did not finish within {self.finish_timeout:g} s"
                )
        return inspect_wav(path)

    def _wait_idle(self) -> None:
        if self._is_busy is None:
            return
        deadline = time.monotonic() + self.finish_timeout
        while self._is_busy():
            if time.monotonic() > deadline:
                raise EngineBrokenError("the speech engine stayed busy and stopped responding")
            time.sleep(0.0005)


@contextlib.contextmanager
def _quiet() -> Any:
    """Keep pyttsx3's progress prints off the app's stdout (the CLI's output is data)."""
    with contextlib.redirect_stdout(io.StringIO()):
        yield


@dataclass(frozen=True, slots=True)
class RenderResult:
    """A rendered line: where it is, whether it came from the cache, how long it plays."""

    path: Path
    cached: bool
    seconds: float = 0.0
    """Wall time the render took (0 for a cache hit)."""


class Synthesizer(Protocol):
    """What the renderer needs of an engine (:class:`SpeechEngine`, or every backend)."""

    driver: str

    def synthesize(self, text: str, settings: VoiceSettings, path: Path) -> WavInfo: ...


class Renderer:
    """Lines in, checked WAV paths out, through the cache; counts hits and misses."""

    def __init__(self, cache: RenderCache, engine: Synthesizer | None = None) -> None:
        self.cache = cache
        self._engine = engine
        self.hits = 0
        self.misses = 0

    @property
    def engine(self) -> Synthesizer:
        """Started on first use, so a fully cached run never loads eSpeak."""
        if self._engine is None:
            from rehearsal.speech.backends import SpeechBackends

            self._engine = SpeechBackends.start()
        return self._engine

    @property
    def driver(self) -> str:
        return self._engine.driver if self._engine is not None else "espeak"

    def render_utterance(self, utterance: Utterance) -> RenderResult:
        key = utterance_key(utterance.text, utterance.settings, self.driver)
        found = self.cache.get(key)
        if found is not None:
            self.hits += 1
            return RenderResult(found, cached=True)
        self.misses += 1
        started = time.perf_counter()
        temp = self.cache.temp_path(key)
        try:
            self.engine.synthesize(utterance.text, utterance.settings, temp)
            final = self.cache.commit(temp, key)
        finally:
            temp.unlink(missing_ok=True)
        return RenderResult(final, cached=False, seconds=time.perf_counter() - started)

    def render(self, plan: LinePlan) -> RenderResult:
        """Render a planned line (utterances and pauses) to one WAV file."""
        if not plan:
            raise RenderError("there is nothing to say in this line")
        if len(plan) == 1 and isinstance(plan[0], Utterance):
            return self.render_utterance(plan[0])
        key = plan_key(plan, self.driver)
        found = self.cache.get(key)
        if found is not None:
            self.hits += 1
            return RenderResult(found, cached=True)
        started = time.perf_counter()
        pieces = [self.render_utterance(s).path if isinstance(s, Utterance) else s for s in plan]
        self.misses += 1
        temp = self.cache.temp_path(key)
        try:
            _join(pieces, temp)
            inspect_wav(temp, require_sound=any(isinstance(s, Utterance) for s in plan))
            final = self.cache.commit(temp, key)
        finally:
            temp.unlink(missing_ok=True)
        return RenderResult(final, cached=False, seconds=time.perf_counter() - started)


def _join(pieces: Sequence[Path | Pause], target: Path) -> None:
    """Concatenate WAV files and silences; all files must share one format."""
    params: tuple[int, int, int] | None = None
    chunks: list[bytes] = []
    pending_silence = 0.0
    for piece in pieces:
        if isinstance(piece, Pause):
            pending_silence += piece.seconds
            continue
        with wave.open(str(piece), "rb") as reader:
            these = (reader.getnchannels(), reader.getsampwidth(), reader.getframerate())
            frames = reader.readframes(reader.getnframes())
        if params is None:
            params = these
        elif these != params:
            raise RenderError(f"cannot join audio of different formats ({params} and {these})")
        if pending_silence:
            chunks.append(_silence(pending_silence, params))
            pending_silence = 0.0
        chunks.append(frames)
    if params is None:
        params = (1, 2, SILENCE_RATE)
    if pending_silence:
        chunks.append(_silence(pending_silence, params))
    with wave.open(str(target), "wb") as writer:
        writer.setnchannels(params[0])
        writer.setsampwidth(params[1])
        writer.setframerate(params[2])
        writer.writeframes(b"".join(chunks))


def _silence(seconds: float, params: tuple[int, int, int]) -> bytes:
    channels, width, rate = params
    fill = b"\x80" if width == 1 else b"\x00"
    return fill * (round(seconds * rate) * channels * width)
