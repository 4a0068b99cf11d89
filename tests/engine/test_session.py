"""Transitions of the rehearsal run, one event at a time, on a fake clock."""

from __future__ import annotations

import pytest

from rehearsal.engine.commands import (
    Delay,
    DelayReason,
    LineDone,
    LoopChanged,
    Problem,
    ShowLine,
    SpeakLine,
    State,
    StateChanged,
    StopSpeech,
    TakeStarted,
    Voice,
    WaitForActor,
)
from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import EndReason, LineTiming, MemoryRecorder, Outcome
from tests.conftest import FakeClock
from tests.engine.builders import Driver, first, kitchen, names, of_type, take_results
from tests.engine.conftest import MakeEngine

# The kitchen run for MARY: 0 MARY, 1 JOHN "(beat) Out.", 2 MARY (leading beat),
# 3 JOHN "Just out. (pause) Walking.", 4 MARY, 5 JOHN, 6 MARY.


def test_start_shows_the_first_line_and_waits_for_the_actor(
    make_engine: MakeEngine, recorder: MemoryRecorder, clock: FakeClock
) -> None:
    engine = make_engine()
    out = engine.start()
    assert names(out) == ["TakeStarted", "ShowLine", "StateChanged", "WaitForActor"]
    assert first(out, TakeStarted).info.started_at == clock.now
    assert first(out, ShowLine).index == 0
    assert first(out, WaitForActor) == WaitForActor(0, WaitMode.KEY, None)
    assert (engine.state, engine.take_number, recorder.calls) == (
        State.WAITING,
        1,
        ["started 1"],
    )


def test_actor_done_records_the_response_and_the_partner_waits_the_response_time(
    make_engine: MakeEngine, recorder: MemoryRecorder, clock: FakeClock
) -> None:
    engine = make_engine(response_seconds=1.5)
    engine.start()
    clock.advance(2.25)
    out = engine.actor_done()
    timing = first(out, LineDone).timing
    assert (timing.outcome, timing.cue_end_s, timing.done_s, timing.response_s) == (
        Outcome.ACTOR,
        0.0,
        2.25,
        2.25,
    )
    assert first(out, ShowLine).index == 1
    assert first(out, Delay) == Delay(1, 1.5, DelayReason.RESPONSE, clock.now + 1.5)
    assert engine.state is State.DELAY
    assert recorder.lines == [(1, timing)]


def test_a_written_beat_holds_the_partner_before_speaking(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(response_seconds=0.5, beat_seconds=1.25)
    engine.start()
    engine.actor_done()
    clock.advance(0.4)
    assert engine.tick() == []
    clock.advance(0.1)
    out = engine.tick()
    assert first(out, Delay).reason is DelayReason.BEAT
    assert first(out, Delay).seconds == 1.25
    clock.advance(1.25)
    speak = first(engine.tick(), SpeakLine)
    assert (speak.index, speak.text, speak.character, speak.voice) == (
        1,
        "Out.",
        "JOHN",
        Voice.CHARACTER,
    )
    assert engine.state is State.SPEAKING


def test_inline_pause_splits_the_partner_line(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine(pause_seconds=2.0)
    speak = first(engine.jump_to(3), SpeakLine)
    assert speak.text == "Just out."
    assert engine.partner_finished(speak.utterance + 100) == []  # a stale report
    assert engine.state is State.SPEAKING
    out = engine.partner_finished(speak.utterance)
    assert first(out, Delay) == Delay(3, 2.0, DelayReason.BEAT, clock.now + 2.0)
    clock.advance(2.0)
    assert first(engine.tick(), SpeakLine).text == "Walking."


def test_partner_line_done_gives_the_actor_the_cue_without_a_gap(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(response_seconds=2.0)
    engine.jump_to(3)
    engine.partner_finished()
    clock.advance(2.0)
    utterance = first(engine.tick(), SpeakLine).utterance
    clock.advance(0.75)
    out = engine.partner_finished(utterance)
    done = first(out, LineDone).timing
    assert (done.index, done.outcome) == (3, Outcome.SPOKEN)
    assert done.cue_end_s == done.done_s == pytest.approx(2.75)
    assert first(out, WaitForActor).index == 4
    assert not of_type(out, Delay)
    assert engine.state is State.WAITING


def test_full_key_run_records_every_line_in_order(
    make_engine: MakeEngine, recorder: MemoryRecorder, clock: FakeClock
) -> None:
    engine = make_engine()
    engine.start()
    seen = Driver(engine, clock, actor_seconds=2.0, speech_seconds=1.0).run_take()
    (result,) = take_results(seen)
    assert result.reason is EndReason.FINISHED
    assert result.completed
    assert [t.index for t in result.timings] == list(range(7))
    assert [t.outcome for t in result.timings] == [
        Outcome.ACTOR,
        Outcome.SPOKEN,
        Outcome.ACTOR,
        Outcome.SPOKEN,
        Outcome.ACTOR,
        Outcome.SPOKEN,
        Outcome.ACTOR,
    ]
    assert all(t.response_s == 2.0 for t in result.timings if t.own)
    starts = [t.started_s for t in result.timings]
    assert starts == sorted(starts)
    assert engine.state is State.FINISHED
    assert engine.take_number is None
    assert recorder.calls[0] == "started 1"
    assert recorder.calls[-1] == "ended 1:finished"
    assert recorder.ended == [result]


def test_skip_cuts_the_partner_off_and_goes_on_at_once(make_engine: MakeEngine) -> None:
    engine = make_engine(response_seconds=2.0)
    speaking = first(engine.jump_to(3), SpeakLine)
    out = engine.skip()
    assert first(out, StopSpeech).utterance == speaking.utterance
    assert first(out, LineDone).timing.outcome is Outcome.SKIPPED
    assert first(out, LineDone).timing.skipped
    assert first(out, WaitForActor).index == 4
    assert not of_type(out, Delay)


def test_skip_an_own_line_keeps_the_partners_written_beat(make_engine: MakeEngine) -> None:
    engine = make_engine(response_seconds=2.0)
    engine.start()
    out = engine.skip()
    timing = first(out, LineDone).timing
    assert (timing.outcome, timing.done_s, timing.response_s) == (Outcome.SKIPPED, None, None)
    assert [d.reason for d in of_type(out, Delay)] == [DelayReason.BEAT]


def test_skip_the_last_line_finishes_the_take(make_engine: MakeEngine) -> None:
    engine = make_engine()
    engine.jump_to(6)
    out = engine.skip()
    (result,) = take_results(out)
    assert result.reason is EndReason.FINISHED
    assert engine.state is State.FINISHED
    assert engine.index == 6


def test_back_runs_the_previous_cue_again(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine()
    engine.jump_to(2)
    clock.advance(1.0)
    out = engine.back()
    assert first(out, LineDone).timing.outcome is Outcome.LEFT
    assert first(out, ShowLine).index == 1
    assert engine.index == 1
    out = engine.back()
    assert not of_type(out, StopSpeech)  # JOHN was still in his beat, nothing to cut
    assert engine.index == 0
    engine.back()
    assert engine.index == 0
    assert engine.state is State.WAITING


def test_back_while_the_partner_speaks_cuts_the_voice(make_engine: MakeEngine) -> None:
    engine = make_engine()
    speaking = first(engine.jump_to(3), SpeakLine)
    out = engine.back()
    assert names(out)[:2] == ["StopSpeech", "LineDone"]
    assert first(out, StopSpeech).utterance == speaking.utterance
    assert first(out, WaitForActor).index == 2


def test_jump_to_between_takes_starts_there_and_bad_indexes_are_ignored(
    make_engine: MakeEngine,
) -> None:
    engine = make_engine()
    assert engine.jump_to(99) == []
    out = engine.jump_to(4)
    assert first(out, TakeStarted).info.start_index == 4
    assert engine.jump_to(-1) == []
    out = engine.jump_to(0)
    assert first(out, LineDone).timing.outcome is Outcome.LEFT
    assert engine.index == 0
    assert engine.take_number == 1


def test_stop_then_start_is_a_new_take(make_engine: MakeEngine, recorder: MemoryRecorder) -> None:
    engine = make_engine()
    engine.start()
    out = engine.stop()
    (result,) = take_results(out)
    assert (result.reason, result.completed) == (EndReason.STOPPED, False)
    assert [t.outcome for t in result.timings] == [Outcome.LEFT]
    assert engine.state is State.IDLE
    assert engine.stop() == []
    engine.start()
    assert engine.take_number == 2
    assert [r.info.number for r in recorder.ended] == [1]


def test_restart_runs_a_new_take_from_where_the_take_began(make_engine: MakeEngine) -> None:
    engine = make_engine()
    engine.jump_to(2)
    engine.skip()
    out = engine.restart()
    assert [r.reason for r in take_results(out)] == [EndReason.RESTARTED]
    assert first(out, TakeStarted).info.start_index == 2
    assert engine.index == 2
    assert engine.take_number == 2


def test_restart_after_the_end_starts_over(make_engine: MakeEngine) -> None:
    engine = make_engine()
    engine.jump_to(6)
    engine.actor_done()
    assert engine.state is State.FINISHED
    out = engine.restart()
    assert first(out, TakeStarted).info.start_index == 6
    fresh = make_engine()
    assert first(fresh.restart(), TakeStarted).info.start_index == 0


def test_loop_runs_the_section_again_and_each_pass_is_a_take(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    engine = make_engine(loop_gap_seconds=1.0)
    assert engine.set_loop(4, 2) == [LoopChanged((2, 4))]
    out = engine.start()
    assert first(out, TakeStarted).info.start_index == 2
    assert first(out, TakeStarted).info.end_index == 4
    driver = Driver(engine, clock)
    seen = driver.run_take()
    assert [r.reason for r in take_results(seen)] == [EndReason.LOOPED]
    assert [t.index for t in take_results(seen)[0].timings] == [2, 3, 4]
    assert first(seen, TakeStarted).info.number == 2
    gap = [d for d in of_type(seen, Delay) if d.reason is DelayReason.LOOP]
    assert [(d.index, d.seconds) for d in gap] == [(2, 1.0)]
    assert engine.index == 2
    assert engine.clear_loop() == [LoopChanged(None)]
    seen = driver.run_take()
    assert take_results(seen)[0].reason is EndReason.FINISHED
    assert [t.index for t in take_results(seen)[0].timings] == [2, 3, 4, 5, 6]
    assert [r.reason for r in recorder.ended] == [EndReason.LOOPED, EndReason.FINISHED]


def test_setting_a_loop_elsewhere_moves_the_run_there(make_engine: MakeEngine) -> None:
    engine = make_engine()
    engine.start()
    out = engine.set_loop(4, 6)
    assert first(out, ShowLine).index == 4
    assert engine.set_loop(4, 6) == []
    assert engine.set_loop(3, 9) == []  # out of range: ignored
    assert engine.loop == (4, 6)


def test_events_that_make_no_sense_now_are_ignored(make_engine: MakeEngine) -> None:
    engine = make_engine()
    for call in (engine.actor_done, engine.skip, engine.back, engine.pause, engine.resume):
        assert call() == []
    assert engine.partner_finished() == []
    assert engine.voice_level(1.0) == []
    engine.start()
    assert engine.partner_finished() == []  # nobody is speaking
    assert engine.start() == []
    assert engine.resume() == []


def test_an_empty_run_never_starts() -> None:
    engine = RehearsalEngine([], clock=FakeClock())
    assert engine.start() == []
    assert engine.restart() == []
    assert engine.state is State.IDLE
    assert engine.line is None


def test_action_read_out_uses_the_narrator(clock: FakeClock) -> None:
    lines = build_lines(kitchen(), "MARY", include_actions=True)
    engine = RehearsalEngine(lines, clock=clock)
    speak = first(engine.start(), SpeakLine)
    assert (speak.character, speak.voice) == (None, Voice.NARRATOR)
    assert speak.text.startswith("The kitchen.")


def test_a_failing_recorder_is_reported_once_and_the_run_goes_on(clock: FakeClock) -> None:
    class Broken(MemoryRecorder):
        def on_line_done(self, take: int, timing: LineTiming) -> None:
            raise OSError("disk full")

    engine = RehearsalEngine(build_lines(kitchen(), "MARY"), clock=clock, recorder=Broken())
    engine.start()
    seen = Driver(engine, clock).run_take()
    problems = of_type(seen, Problem)
    assert len(problems) == 1
    assert "disk full" in problems[0].message
    assert take_results(seen)[0].completed


def test_a_clock_that_jumps_back_does_not_break_timings(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine()
    engine.start()
    clock.advance(-50)
    timing = first(engine.actor_done(), LineDone).timing
    assert timing.done_s == 0.0
    assert timing.response_s == 0.0


def test_state_changes_are_reported_once(make_engine: MakeEngine) -> None:
    engine = make_engine()
    out = engine.start() + engine.actor_done()
    assert [c.state for c in of_type(out, StateChanged)] == [State.WAITING, State.DELAY]


@pytest.mark.parametrize("mode", list(WaitMode))
def test_every_wait_mode_runs_a_take_to_the_end(mode: WaitMode, clock: FakeClock) -> None:
    settings = RehearsalSettings(wait_mode=mode, speech=False)
    engine = RehearsalEngine(build_lines(kitchen(), "MARY"), settings, clock=clock)
    engine.start()
    results = take_results(Driver(engine, clock).run_take())
    assert results[0].completed
    expected = {WaitMode.KEY: Outcome.ACTOR, WaitMode.TIMED: Outcome.TIMER}
    own = [t.outcome for t in results[0].timings if t.own]
    assert own == [expected.get(mode, Outcome.ACTOR)] * 4
