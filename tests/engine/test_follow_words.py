"""Follow-my-words in the engine: the listener's line end, the response gap, "Line?"."""

from __future__ import annotations

import pytest

from rehearsal.engine.commands import Delay, DelayReason, LineDone, PromptGiven, State
from rehearsal.engine.events import LineHeard
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import Outcome
from tests.conftest import FakeClock
from tests.engine.builders import first, of_type
from tests.engine.conftest import MakeEngine


def test_the_response_gap_starts_in_full_after_the_detected_end(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(wait_mode="words", response_seconds=0.75)
    engine.start()  # MARY's first line: her turn at once
    assert engine.state is State.WAITING
    clock.advance(2.5)
    heard = LineHeard(complete=True, accuracy=0.8, differing=("-were",), pickup=0.4)
    out = engine.line_heard(heard)
    timing = first(out, LineDone).timing
    assert timing.outcome is Outcome.HEARD
    assert timing.done_s == pytest.approx(2.5)
    assert (timing.accuracy, timing.differing, timing.complete) == (0.8, ("-were",), True)
    assert timing.pickup_s == pytest.approx(0.4)
    delay = first(out, Delay)
    assert delay.reason is DelayReason.RESPONSE
    assert delay.seconds == pytest.approx(0.75)  # nothing credited, unlike the voice tail
    clock.advance(0.74)
    assert engine.tick() == []
    clock.advance(0.02)
    assert first(engine.tick(), Delay).reason is DelayReason.BEAT  # JOHN's "(beat)" begins


def test_a_key_press_keeps_what_was_heard_and_ends_the_line_at_the_press(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(wait_mode="words", response_seconds=0.75)
    engine.start()
    clock.advance(2.0)
    pressed = engine.now()
    clock.advance(0.12)  # the words heard so far arrive a moment after the key
    heard = LineHeard(accuracy=0.6, differing=("-were",), pickup=0.3, by_key=True, at=pressed)
    out = engine.line_heard(heard)
    timing = first(out, LineDone).timing
    assert timing.outcome is Outcome.ACTOR
    assert timing.done_s == pytest.approx(2.0)
    assert timing.response_s == pytest.approx(2.0)
    assert (timing.accuracy, timing.differing) == (0.6, ("-were",))
    clock.advance(0.75 - 0.12 - 0.01)
    assert engine.tick() == []  # the gap counts from the press, not from the report
    clock.advance(0.02)
    assert first(engine.tick(), Delay).reason is DelayReason.BEAT


def test_an_unfinished_line_is_logged_incomplete(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine(wait_mode="words")
    engine.start()
    clock.advance(6.0)
    timing = first(engine.line_heard(LineHeard(complete=False, accuracy=0.33)), LineDone).timing
    assert timing.complete is False
    assert timing.accuracy == pytest.approx(0.33)


def test_a_line_end_is_ignored_outside_the_words_mode_and_the_actors_turn(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(wait_mode="key")
    engine.start()
    assert engine.line_heard(LineHeard(complete=True)) == []
    assert engine.state is State.WAITING
    engine.set_settings(engine.settings.with_changes(wait_mode=WaitMode.WORDS))
    engine.pause()
    assert engine.line_heard(LineHeard(complete=True)) == []  # paused: the turn holds
    engine.resume()
    assert of_type(engine.line_heard(LineHeard(complete=True)), LineDone)
    clock.advance(0.1)
    assert engine.state is not State.WAITING
    assert engine.line_heard(LineHeard(complete=True)) == []  # a late report: no line waits


def test_prompts_are_counted_per_line_and_reveal_further_each_time(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(wait_mode="key", prompt_words=2)
    engine.start()
    assert first(engine.ask_prompt(), PromptGiven) == PromptGiven(engine.index, 1, 2)
    clock.advance(1.0)
    assert first(engine.ask_prompt(), PromptGiven).count == 2
    timing = first(engine.actor_done(), LineDone).timing
    assert timing.prompts == 2
    clock.advance(5.0)
    engine.tick()
    assert engine.ask_prompt() == []  # the partner is speaking: nothing to prompt


def test_voice_mode_keeps_the_pickup_too(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine(wait_mode="voice", voice_min_speech_seconds=0.0, voice_tail_seconds=0.5)
    engine.start()
    clock.advance(0.6)
    engine.voice_level(0.9)
    clock.advance(0.6)
    timing = first(engine.tick(), LineDone).timing
    assert timing.pickup_s == pytest.approx(0.6)
    assert timing.accuracy is None
    assert timing.prompts == 0


def test_listening_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="listen_strictness must be one of exact, close"):
        RehearsalSettings(listen_strictness="loose")
    with pytest.raises(ValueError, match="listen_give_up_seconds must be between 1 and 15"):
        RehearsalSettings(listen_give_up_seconds=0.2)
    settings = RehearsalSettings(wait_mode=WaitMode.WORDS, listen_live=True, prompt_words=4)
    assert RehearsalSettings.from_dict(settings.to_dict()) == settings
