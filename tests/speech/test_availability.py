"""Availability: each missing piece gives one readable reason, never an exception."""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import sys

import pytest

from rehearsal.speech import availability
from rehearsal.speech.availability import (
    SpeechStatus,
    audio_output_unavailable_reason,
    engine_unavailable_reason,
    speech_status,
)


def test_the_real_engine_check_matches_this_machine() -> None:
    reason = engine_unavailable_reason()
    if ctypes.util.find_library("espeak-ng") or ctypes.util.find_library("espeak"):
        assert reason is None
    else:
        assert reason is not None
        assert "eSpeak NG" in reason


def test_a_missing_driver_is_named() -> None:
    assert engine_unavailable_reason("nosuch") == "pyttsx3 has no 'nosuch' speech driver"


def test_a_missing_pyttsx3_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyttsx3" else real(name)
    )
    assert engine_unavailable_reason() == "the pyttsx3 package is not installed"


def test_a_missing_espeak_library_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyttsx3's own import fails as it would without libespeak-ng; the reason says so."""
    import pyttsx3.drivers

    for name in ("espeak", "_espeak"):
        monkeypatch.delitem(sys.modules, f"pyttsx3.drivers.{name}", raising=False)
        monkeypatch.delattr(pyttsx3.drivers, name, raising=False)

    def no_library(path: str) -> ctypes.CDLL:
        raise OSError(f"{path}: cannot open shared object file")

    monkeypatch.setattr(ctypes.cdll, "LoadLibrary", no_library)
    reason = engine_unavailable_reason("espeak")
    assert reason == f"the eSpeak NG library was not found; {availability.ESPEAK_HINT}"


def test_no_audio_device() -> None:
    assert audio_output_unavailable_reason([]) == "no audio output device was found"
    assert audio_output_unavailable_reason(["Built-in Audio"]) is None


def test_status_messages() -> None:
    assert SpeechStatus().available
    assert "speaks" in SpeechStatus().message
    status = SpeechStatus("no audio output device was found")
    assert not status.available
    assert status.message == (
        "The scene partner cannot speak: no audio output device was found. "
        "Partner lines are shown as text with a timed pause."
    )


def test_speech_status_combines_the_checks() -> None:
    assert speech_status([], driver_name="nosuch").reason == "pyttsx3 has no 'nosuch' speech driver"
    engine_reason = engine_unavailable_reason()
    assert speech_status([]).reason == (engine_reason or "no audio output device was found")
    assert speech_status(["Speakers"]).reason == engine_reason
    assert speech_status(None).reason == engine_reason
