"""Whether the partner can speak here, and if not, one sentence saying why.

The app must degrade rather than crash: without eSpeak NG, without a pyttsx3 driver or
without an audio device it tells the actor once and shows partner lines as text with a
timed pause. These checks are cheap and side-effect free (the eSpeak library is loaded but
not initialised, so the process can still fork safely); the worker's own start-up is the
final word, since an installed engine can still fail to initialise.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence
from dataclasses import dataclass

ESPEAK_HINT = "install the espeak-ng package (apt install espeak-ng)"


def default_driver_name() -> str:
    """pyttsx3's driver for this platform: what ``pyttsx3.init()`` would pick."""
    return {"darwin": "nsss", "win32": "sapi5"}.get(sys.platform, "espeak")


def engine_unavailable_reason(driver_name: str | None = None) -> str | None:
    """Why no speech engine can start in this environment, or None when one can."""
    if importlib.util.find_spec("pyttsx3") is None:
        return "the pyttsx3 package is not installed"
    driver = driver_name or default_driver_name()
    try:
        importlib.import_module(f"pyttsx3.drivers.{driver}")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("pyttsx3"):
            return f"pyttsx3 has no {driver!r} speech driver"
        return f"the {driver!r} speech driver needs {exc.name!r}, which is not installed"
    except (RuntimeError, OSError) as exc:
        if driver == "espeak":
            return f"the eSpeak NG library was not found; {ESPEAK_HINT}"
        return f"the {driver!r} speech driver failed to load: {exc}"
    except Exception as exc:
        return f"the {driver!r} speech driver failed to load: {exc}"
    return None


def audio_output_unavailable_reason(output_devices: Sequence[str]) -> str | None:
    """Why nothing would be heard, given the names of the audio outputs the system lists.

    Qt still "plays" to no device, silently and in real time, so a run would look fine and
    say nothing; the caller gets the device list from Qt
    (``rehearsal.ui.qt_player.audio_output_names``).
    """
    if not output_devices:
        return "no audio output device was found"
    return None


@dataclass(frozen=True, slots=True)
class SpeechStatus:
    """The outcome of the checks: ``reason`` is None when the partner can be heard."""

    reason: str | None = None

    @property
    def available(self) -> bool:
        return self.reason is None

    @property
    def message(self) -> str:
        """What the app says once, in place of the voice."""
        if self.reason is None:
            return "The scene partner speaks with eSpeak NG."
        return (
            f"The scene partner cannot speak: {self.reason}. "
            "Partner lines are shown as text with a timed pause."
        )


def speech_status(
    output_devices: Sequence[str] | None = None, driver_name: str | None = None
) -> SpeechStatus:
    """Combine the engine check and, when a device list is given, the audio check."""
    reason = engine_unavailable_reason(driver_name)
    if reason is None and output_devices is not None:
        reason = audio_output_unavailable_reason(output_devices)
    return SpeechStatus(reason)
