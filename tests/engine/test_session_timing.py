"""Time in the run: wait modes, pauses, text-only pacing, notes, long scenes."""

from __future__ import annotations

import time

import pytest

from rehearsal.engine.commands import (
    Delay,
    DelayReason,
    LineDone,
    NoteInjected,
    ShowLine,
    SpeakLine,
    SpeakNote,
    State,
    StopSpeech,
    TakeRated,
    WaitForActor,
)
from rehearsal.engine.direction import NotePlacement
from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import MemoryRecorder, Outcome, Rating
from rehearsal.engine.waits import timed_wait_seconds
from tests.conftest import FakeClock
from tests.engine.builders import (
    Driver,
    Note,
    dlg,
    first,
    long_script,
    names,
    of_type,
    scene,
    script,
    take_results,
)
from tests.engine.conftest import MakeEngine


def test_timed_wait_ends_at_its_deadline(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine(wait_mode="timed", words_per_minute=120, timed_extra_seconds=1.0)
    wait = first(engine.start(), WaitForActor)
    # "Where were you?" is three words: 1.5 s at 120 wpm, plus one second of grace.
    assert wait.deadline == pytest.approx(clock.now + 2.5)
    clock.advance(2.4)
    assert engine.tick() == []
    clock.advance(0.1)
    timing = first(engine.tick(), LineDone).timing
    assert timing.outcome is Outcome.TIMER
    assert timing.response_s == pytest.approx(2.5)


def test_timed_wait_counts_the_actors_written_beats(make_engine: MakeEngine) -> None:
    engine = make_engine(wait_mode="timed", beat_seconds=2.0)
    line = engine.lines[2]  # MARY's line after "Beat."
    without = timed_wait_seconds(line, RehearsalSettings(wait_mode=WaitMode.TIMED, beat_seconds=0))
    assert timed_wait_seconds(line, engine.settings) == pytest.approx(without + 2.0)


def test_a_late_tick_finishes_the_wait_at_its_deadline(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(wait_mode="timed", response_seconds=0.5)
    deadline = first(engine.start(), WaitForActor).deadline
    assert deadline is not None
    clock.now = deadline + 0.3
    out = engine.tick()
    assert first(out, LineDone).timing.done_s == pytest.approx(deadline - 1000.0)
    assert first(out, Delay).deadline == pytest.approx(deadline + 0.5)


def test_actor_done_ends_a_timed_wait_early(make_engine: MakeEngine, clock: FakeClock) -> None:
    engine = make_engine(wait_mode="timed")
    engine.start()
    clock.advance(0.5)
    assert first(engine.actor_done(), LineDone).timing.outcome is Outcome.ACTOR


def test_voice_wait_needs_speech_then_the_silence_tail(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(
        wait_mode="voice", voice_threshold=0.5, voice_tail_seconds=0.8, voice_min_speech_seconds=0.2
    )
    assert first(engine.start(), WaitForActor).deadline is None
    clock.advance(1.0)
    engine.voice_level(0.9)  # a cough: too short to count
    clock.advance(0.05)
    engine.voice_level(0.1)
    clock.advance(5.0)
    assert engine.tick() == []
    assert engine.state is State.WAITING
    onset = clock.now
    for _ in range(10):  # half a second of speech
        engine.voice_level(0.7)
        clock.advance(0.05)
    last_loud = clock.now - 0.05
    engine.voice_level(0.2)
    assert engine.next_deadline == pytest.approx(last_loud + 0.8)
    clock.advance(0.7)
    assert engine.tick() == []
    clock.advance(0.2)
    timing = first(engine.tick(), LineDone).timing
    assert timing.outcome is Outcome.VOICE
    assert timing.onset_s == pytest.approx(onset - 1000.0)
    assert timing.done_s == pytest.approx(last_loud - 1000.0)
    assert timing.response_s == pytest.approx(last_loud - 1000.0)


def test_the_silence_tail_counts_towards_the_response_time(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(
        wait_mode="voice", voice_tail_seconds=0.5, voice_min_speech_seconds=0.0, response_seconds=2
    )
    engine.start()
    engine.voice_level(1.0)
    clock.advance(0.5)
    out = engine.tick()
    assert first(out, Delay).seconds == pytest.approx(1.5)


def test_voice_levels_are_ignored_outside_the_actors_turn(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(wait_mode="voice", voice_min_speech_seconds=0.0)
    engine.jump_to(3)  # JOHN speaking
    engine.voice_level(1.0)
    clock.advance(10)
    assert names(engine.tick()) == []
    engine.partner_finished()
    clock.advance(10)
    engine.tick()
    engine.partner_finished()
    assert engine.state is State.WAITING
    assert engine.next_deadline is None


def test_switching_to_timed_mid_wait_times_from_the_cue(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine()
    engine.start()
    clock.advance(1.0)
    settings = engine.settings.with_changes(wait_mode=WaitMode.TIMED)
    wait = first(engine.set_settings(settings), WaitForActor)
    expected = 1000.0 + timed_wait_seconds(engine.lines[0], settings)
    assert wait.deadline == pytest.approx(expected)
    clock.advance(60)
    assert first(engine.set_settings(settings), LineDone).timing.outcome is Outcome.TIMER


def test_pause_in_a_timed_wait_moves_the_deadline_and_is_left_out_of_the_response(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(wait_mode="timed")
    deadline = first(engine.start(), WaitForActor).deadline
    assert deadline is not None
    clock.advance(0.5)
    assert names(engine.pause()) == ["StateChanged"]
    assert engine.state is State.PAUSED
    assert engine.next_deadline is None
    clock.advance(30)
    assert engine.tick() == []
    assert engine.actor_done() == []
    out = engine.resume()
    assert first(out, WaitForActor).deadline == pytest.approx(deadline + 30)
    clock.advance(0.5)
    timing = first(engine.actor_done(), LineDone).timing
    assert timing.response_s == pytest.approx(1.0)
    assert timing.paused_s == pytest.approx(30)


def test_pause_cuts_the_partner_off_and_resume_says_the_line_again(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine()
    first_try = first(engine.jump_to(3), SpeakLine)
    clock.advance(0.5)
    out = engine.pause()
    assert first(out, StopSpeech).utterance == first_try.utterance
    assert engine.partner_finished(first_try.utterance) == []
    clock.advance(5)
    again = first(engine.resume(), SpeakLine)
    assert again.text == first_try.text
    assert again.utterance != first_try.utterance


def test_pause_in_a_delay_keeps_the_remaining_time(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(response_seconds=2.0)
    engine.start()
    engine.actor_done()
    clock.advance(0.5)
    engine.pause()
    clock.advance(100)
    delay = first(engine.resume(), Delay)
    assert delay.reason is DelayReason.RESPONSE
    assert delay.seconds == pytest.approx(1.5)
    assert engine.take_elapsed() == pytest.approx(0.5)


def test_moving_while_paused_stays_paused_until_resume(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine()
    engine.start()
    engine.pause()
    out = engine.jump_to(5)
    assert first(out, ShowLine).index == 5
    assert not of_type(out, SpeakLine)
    assert engine.state is State.PAUSED
    assert engine.index == 5
    engine.skip()
    assert engine.index == 6
    assert engine.state is State.PAUSED
    clock.advance(3)
    assert first(engine.resume(), WaitForActor).index == 6
    stop = take_results(engine.stop())[0]
    assert stop.paused_s == pytest.approx(3)
    assert [t.outcome for t in stop.timings] == [Outcome.LEFT, Outcome.SKIPPED, Outcome.LEFT]


def test_toggle_pause(make_engine: MakeEngine) -> None:
    engine = make_engine()
    engine.start()
    engine.toggle_pause()
    assert engine.paused
    engine.toggle_pause()
    assert not engine.paused
    assert engine.state is State.WAITING


def test_text_only_mode_paces_the_partner_by_words_per_minute(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine(speech=False, partner_words_per_minute=120, response_seconds=0)
    engine.jump_to(5)  # JOHN: "Did you hear that?" four words = 2 s at 120 wpm
    assert engine.next_deadline == pytest.approx(clock.now + 2.0)
    clock.advance(2.0)
    assert first(engine.tick(), WaitForActor).index == 6


def test_a_late_tick_catches_up_on_every_step_that_was_due(clock: FakeClock) -> None:
    settings = RehearsalSettings(
        wait_mode=WaitMode.TIMED, speech=False, response_seconds=0.25, timed_min_seconds=0.5
    )
    lines = build_lines(
        script(scene(dlg("JOHN", "Hi."), dlg("JOHN", "Hello?"), dlg("MARY", "Yo."))), "MARY"
    )
    engine = RehearsalEngine(lines, settings, clock=clock)
    engine.start()
    # JOHN says 0.4 s, waits 0.25 s, says 0.4 s more; MARY then has max(0.5, 0.4 + 1.0) s.
    clock.advance(1.2)
    out = engine.tick()
    assert [d.timing.done_s for d in of_type(out, LineDone)] == [
        pytest.approx(0.4),
        pytest.approx(1.05),
    ]
    assert first(out, WaitForActor).deadline == pytest.approx(1001.05 + 1.4)


def test_after_a_long_stall_the_run_carries_on_instead_of_fast_forwarding(
    clock: FakeClock,
) -> None:
    settings = RehearsalSettings(wait_mode=WaitMode.TIMED, speech=False)
    engine = RehearsalEngine(build_lines(long_script(400), "MARY"), settings, clock=clock)
    engine.start()
    clock.advance(3600)
    out = engine.tick()
    (done,) = of_type(out, LineDone)
    assert done.timing.done_s == pytest.approx(3600)
    assert engine.index == 1
    assert engine.next_deadline is not None
    assert engine.next_deadline > clock.now


def test_a_2000_line_scene_runs_fast(clock: FakeClock) -> None:
    lines = build_lines(long_script(2000), "MARY")
    recorder = MemoryRecorder()
    engine = RehearsalEngine(lines, clock=clock, recorder=recorder)
    began = time.perf_counter()
    engine.start()
    seen = Driver(engine, clock, actor_seconds=1.5, speech_seconds=2.0).run_take()
    elapsed = time.perf_counter() - began
    result = take_results(seen)[0]
    assert result.completed
    assert len(result.timings) == 2000 == len(recorder.lines)
    assert elapsed < 5.0, f"2 000 lines took {elapsed:.2f} s"


def test_scheduled_note_interrupts_before_the_partner_cue(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    engine = make_engine(note_hold_seconds=1.0, response_seconds=0.5)
    note = Note("Angrier.", "emotion", "Angrier!")
    engine.schedule_note(5, note)
    engine.schedule_note(99, note)  # out of range: ignored
    engine.jump_to(4)
    out = engine.actor_done()
    assert names(out)[:5] == ["LineDone", "ShowLine", "NoteInjected", "StateChanged", "SpeakNote"]
    event = first(out, NoteInjected).event
    assert (event.placement, event.index, event.shown, event.spoken) == (
        NotePlacement.MID_SCENE,
        5,
        "Angrier.",
        "Angrier!",
    )
    assert recorder.notes == [(1, event)]
    said = first(out, SpeakNote)
    engine.pause()
    again = first(engine.resume(), SpeakNote)  # said again, not given twice
    assert again.text == said.text
    assert len(recorder.notes) == 1
    out = engine.partner_finished(again.utterance)
    assert [(d.reason, d.seconds) for d in of_type(out, Delay)] == [(DelayReason.NOTE, 1.0)]
    clock.advance(1.0)
    out = engine.tick()
    assert first(out, Delay).reason is DelayReason.RESPONSE
    clock.advance(0.5)
    assert first(engine.tick(), SpeakLine).index == 5
    engine.back()
    engine.actor_done()
    assert len(recorder.notes) == 1  # a note is given once per take


def test_rate_take_logs_the_rating_with_the_takes_notes(
    make_engine: MakeEngine, recorder: MemoryRecorder
) -> None:
    engine = make_engine()
    assert engine.rate_take(Rating(3)) == []
    engine.schedule_note(1, Note("Smaller, it's a close-up.", "technical"))
    engine.start()
    engine.actor_done()
    engine.stop()
    out = engine.rate_take(Rating(4, "felt  forced\nat the end"))
    assert out == [TakeRated(1, Rating(4, "felt forced at the end"))]
    take, rating, notes = recorder.ratings[0]
    assert (take, rating.score, [n.note.text for n in notes]) == (
        1,
        4,
        ["Smaller, it's a close-up."],
    )


def test_switching_to_timed_while_paused_counts_only_unpaused_time(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    engine = make_engine()
    engine.start()
    clock.advance(1.0)
    engine.pause()
    clock.advance(50)
    settings = engine.settings.with_changes(wait_mode=WaitMode.TIMED)
    assert engine.set_settings(settings) == []  # paused: nothing to show until resume
    clock.advance(50)
    wait = first(engine.resume(), WaitForActor)
    allowance = timed_wait_seconds(engine.lines[0], settings)
    assert wait.deadline == pytest.approx(clock.now - 1.0 + allowance)
