"""The cold-read clocks and the warning beep: formatting, warning look, a real WAV played."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.ui.countdown import (
    TONE_RATE,
    ClockMode,
    CountdownWidget,
    WarningTone,
    format_clock,
    write_beep,
)


@pytest.mark.parametrize(
    ("seconds", "round_up", "expected"),
    [
        (0.0, False, "00:00"),
        (0.0, True, "00:00"),
        (59.2, True, "01:00"),
        (59.2, False, "00:59"),
        (60.0, True, "01:00"),
        (60.0000001, True, "01:00"),
        (0.01, True, "00:01"),
        (600.0, True, "10:00"),
        (3725.9, False, "1:02:05"),
        (-3.0, True, "00:00"),
        (math.nan, False, "00:00"),
        (math.inf, True, "00:00"),
    ],
)
def test_format_clock(seconds: float, round_up: bool, expected: str) -> None:
    assert format_clock(seconds, round_up=round_up) == expected


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
def test_prep_counts_down_and_turns_to_warning(qtbot: QtBot) -> None:
    widget = CountdownWidget(warning_seconds=10)
    qtbot.addWidget(widget)
    changes: list[bool] = []
    widget.warning_changed.connect(changes.append)
    widget.show_prep(60)
    assert (widget.mode, widget.text(), widget.is_warning()) == (ClockMode.PREP, "01:00", False)
    assert widget.caption.text() == "PREP"
    assert widget.accessibleName() == "Prep time left"
    widget.show_prep(10.4)
    assert (widget.text(), widget.is_warning()) == ("00:11", False)
    widget.show_prep(9.9)
    assert (widget.text(), widget.is_warning()) == ("00:10", True)
    assert "#ffd166" in widget.styleSheet()
    widget.show_prep(0)
    assert (widget.text(), widget.is_warning()) == ("00:00", False)
    assert changes == [True, False]


@pytest.mark.gui
def test_perform_clock_counts_up_without_warning(qtbot: QtBot) -> None:
    widget = CountdownWidget()
    qtbot.addWidget(widget)
    widget.show_prep(5)
    assert widget.is_warning()
    widget.show_perform(75.9)
    assert (widget.mode, widget.text(), widget.is_warning()) == (ClockMode.PERFORM, "01:15", False)
    assert widget.caption.text() == "PERFORM"
    assert widget.accessibleName() == "Perform clock"
    widget.set_warning(True)  # forced by the caller
    assert widget.is_warning()


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
