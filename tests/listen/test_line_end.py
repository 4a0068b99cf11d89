"""When the partner comes in, driven by an injected clock (no sleeping)."""

from __future__ import annotations

import pytest

from rehearsal.listen.line_end import LineEndDetector, LineEndSettings


class Clock:
    def __init__(self, start: float = 10.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def run(self, detector: LineEndDetector, until: float, step: float = 0.03) -> float | None:
        """Advance in chunk-sized steps; the time of the decision, if one came."""
        while self.now < until:
            self.now = round(self.now + step, 6)
            if detector.poll() is not None:
                return self.now
        return None


def test_a_held_beat_mid_line_does_not_bring_the_partner_in() -> None:
    clock = Clock()
    detector = LineEndDetector(clock)
    detector.voice_started(10.4)
    clock.now = 12.0
    detector.voice_stopped(12.0)
    detector.heard(reached_end=False)
    assert clock.run(detector, until=13.5) is None  # the 1.5 s beat
    detector.voice_started(13.5)
    clock.now = 15.0
    detector.voice_stopped(15.0)
    detector.heard(reached_end=True)
    came_in = clock.run(detector, until=16.0)
    assert came_in == pytest.approx(15.15, abs=0.031)
    assert detector.result is not None
    assert detector.result.complete is True
    assert detector.result.reason == "finished"


def test_after_a_long_silence_with_the_line_unfinished_the_partner_comes_in_anyway() -> None:
    clock = Clock()
    detector = LineEndDetector(clock, LineEndSettings(give_up=4.0))
    detector.voice_started(10.5)
    clock.now = 11.0
    detector.voice_stopped(11.0)
    detector.heard(reached_end=False)
    came_in = clock.run(detector, until=20.0)
    assert came_in == pytest.approx(15.0, abs=0.031)
    assert detector.result is not None
    assert (detector.result.complete, detector.result.reason) == (False, "gave_up")


def test_the_give_up_wait_is_configurable() -> None:
    clock = Clock()
    detector = LineEndDetector(clock, LineEndSettings(give_up=2.0))
    detector.voice_started(10.0)
    detector.voice_stopped(10.5)
    assert clock.run(detector, until=20.0) == pytest.approx(12.5, abs=0.031)


def test_the_partner_waits_while_the_actor_speaks_and_before_they_start() -> None:
    clock = Clock()
    detector = LineEndDetector(clock)
    assert clock.run(detector, until=30.0) is None  # nothing said: wait (the actor may ask)
    detector.voice_started(30.0)
    detector.heard(reached_end=True)
    assert clock.run(detector, until=40.0) is None  # still speaking


def test_pickup_is_from_the_cue_end_to_the_first_voice() -> None:
    clock = Clock(5.0)
    detector = LineEndDetector(clock)
    detector.voice_started(5.42)
    detector.voice_stopped(6.0)
    detector.voice_started(6.5)
    assert detector.pickup == pytest.approx(0.42)


def test_voice_only_mode_ends_at_a_silence_even_mid_line() -> None:
    clock = Clock()
    detector = LineEndDetector(clock, LineEndSettings(level_tail=0.8), words=False)
    detector.voice_started(10.2)
    clock.now = 11.0
    detector.voice_stopped(11.0)
    assert clock.run(detector, until=13.0) == pytest.approx(11.8, abs=0.031)
    assert detector.result is not None
    assert detector.result.complete is None


def test_the_decision_does_not_change_once_made() -> None:
    clock = Clock()
    detector = LineEndDetector(clock)
    detector.voice_started(10.0)
    detector.voice_stopped(10.5)
    detector.heard(reached_end=True)
    clock.run(detector, until=11.0)
    first = detector.result
    detector.voice_started(11.0)
    clock.now = 30.0
    assert detector.poll() is first


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="end_pause"):
        LineEndSettings(end_pause=5.0, give_up=4.0)
