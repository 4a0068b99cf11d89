"""Timed allowances and the voice detector on their own."""

from __future__ import annotations

import pytest

from rehearsal.engine.lines import build_lines
from rehearsal.engine.settings import RehearsalSettings
from rehearsal.engine.waits import VoiceDetector, speaking_seconds, timed_wait_seconds
from tests.engine.builders import dlg, scene, script


def test_speaking_seconds() -> None:
    assert speaking_seconds(150, 150) == 60.0
    assert speaking_seconds(0, 150) == 0.4


def test_timed_wait_grows_with_words_and_has_a_floor() -> None:
    short, long = build_lines(
        script(scene(dlg("MARY", "No."), dlg("MARY", " ".join(["word"] * 60)))), "MARY"
    )
    settings = RehearsalSettings(words_per_minute=120, timed_extra_seconds=1, timed_min_seconds=2)
    assert timed_wait_seconds(short, settings) == 2.0
    assert timed_wait_seconds(long, settings) == pytest.approx(31.0)
    faster = settings.with_changes(words_per_minute=240)
    assert timed_wait_seconds(long, faster) == pytest.approx(16.0)


def test_detector_ignores_a_click_and_waits_for_the_tail() -> None:
    detector = VoiceDetector(threshold=0.5, tail=1.0, min_speech=0.3)
    detector.feed(0.9, 10.0)
    detector.feed(0.1, 10.1)
    assert detector.deadline is None
    assert detector.onset is None
    for step in range(5):
        detector.feed(0.8, 11.0 + step * 0.1)
    assert detector.confirmed
    assert detector.onset == 11.0
    assert detector.deadline == pytest.approx(12.4)
    detector.feed(0.2, 12.0)  # silence does not move the deadline
    assert detector.deadline == pytest.approx(12.4)
    detector.shift(5)
    assert detector.deadline == pytest.approx(17.4)
    detector.reset()
    assert detector.deadline is None
