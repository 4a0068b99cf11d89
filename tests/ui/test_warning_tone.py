"""The warning beep: a real WAV written to the cache and played, even without a sound card."""

from __future__ import annotations

import array
import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.ui.warning_tone import TONE_RATE, WarningTone, write_beep


def test_write_beep_makes_a_short_audible_mono_wav(tmp_path: Path) -> None:
    path = write_beep(tmp_path / "sub" / "beep.wav", beeps=2, seconds=0.1, gap=0.05)
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, TONE_RATE)
        frames = wav.getnframes()
        samples = array.array("h", wav.readframes(frames))
    assert frames == int(TONE_RATE * 0.1) * 2 + int(TONE_RATE * 0.05)
    assert max(abs(s) for s in samples) > 15000  # loud enough to hear
    # Faded at both ends (no click) and silent in the gap between the two pips.
    assert abs(samples[0]) < 200
    assert abs(samples[-1]) < 200
    middle = len(samples) // 2
    assert max(abs(s) for s in samples[middle - 50 : middle + 50]) == 0


@pytest.mark.gui
def test_tone_is_made_in_the_cache_and_plays_without_a_sound_card(
    qtbot: QtBot, tmp_path: Path
) -> None:
    tone = WarningTone(tmp_path / "cache")
    failures: list[str] = []
    tone.failed.connect(failures.append)
    with qtbot.waitSignal(tone.finished, timeout=5000):
        assert tone.play()
    assert tone.path.is_file()
    with wave.open(str(tone.path), "rb") as wav:
        assert 0.2 < wav.getnframes() / wav.getframerate() < 1.0
    assert failures == []
    tone.stop()
    assert not tone.is_playing()


@pytest.mark.gui
def test_tone_that_is_off_stays_silent(qtbot: QtBot, tmp_path: Path) -> None:
    tone = WarningTone(tmp_path / "cache")
    tone.enabled = False
    assert not tone.play()
    assert not tone.path.exists()


@pytest.mark.gui
def test_unwritable_cache_reports_instead_of_crashing(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    tone = WarningTone(blocker)
    with qtbot.waitSignal(tone.failed, timeout=1000) as failed:
        assert not tone.play()
    assert str(blocker) in failed.args[0]
