"""Random event sequences: the run never raises and keeps its invariants."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from rehearsal.engine.commands import (
    Command,
    DrillPhase,
    LineDone,
    ShowLine,
    SpeakLine,
    State,
    TakeEnded,
)
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drills import AdjustmentDrill
from rehearsal.engine.events import (
    ActorDone,
    Back,
    ClearLoop,
    JumpTo,
    PartnerFinished,
    Pause,
    Proceed,
    Rate,
    Restart,
    Resume,
    SetLoop,
    Skip,
    Start,
    Stop,
    Tick,
    VoiceLevel,
)
from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import LineTiming, MemoryRecorder, Rating
from tests.conftest import FakeClock
from tests.engine.builders import deck, dlg, kitchen, long_script, scene, script

SCRIPTS = [
    kitchen(),
    long_script(9),
    script(scene(dlg("JOHN", "(nods)"), dlg("MARY", "(beat)"), dlg("JOHN", "Pause.", "(pause)"))),
]

run_events = st.one_of(
    st.builds(Start, st.none() | st.integers(-2, 12)),
    st.just(ActorDone()),
    st.just(Skip()),
    st.just(Back()),
    st.just(Pause()),
    st.just(Resume()),
    st.just(Stop()),
    st.just(Restart()),
    st.builds(JumpTo, st.integers(-2, 12)),
    st.builds(SetLoop, st.integers(-1, 10), st.integers(-1, 10)),
    st.just(ClearLoop()),
    st.builds(PartnerFinished, st.none() | st.integers(0, 60)),
    st.builds(VoiceLevel, st.floats(0, 1)),
    st.just(Tick()),
)
# The flow events and clock advances come more often than the disruptive events, so runs
# get far enough to finish, loop and time out as well as to be stopped and restarted.
# (``one_of`` flattens nested ``one_of``s, so the weighting is done by hand.)
flow_events = st.sampled_from(
    [Tick(), ActorDone(), PartnerFinished(), VoiceLevel(0.9), VoiceLevel(0.9), VoiceLevel(0.0)]
)
advances = st.floats(0, 3)


def _pick(choice: tuple[int, Any, Any, float]) -> Any:
    weight, disruptive, flow, advance = choice
    return disruptive if weight == 0 else flow if weight <= 4 else advance


# A step is an event or a clock advance (a float).
steps = st.lists(
    st.tuples(st.integers(0, 8), run_events, flow_events, advances).map(_pick),
    min_size=10,
    max_size=150,
)

run_settings = st.builds(
    RehearsalSettings,
    wait_mode=st.sampled_from(list(WaitMode)),
    speech=st.booleans(),
    response_seconds=st.sampled_from([0.0, 0.3, 2.0]),
    voice_min_speech_seconds=st.sampled_from([0.0, 0.2]),
    timed_min_seconds=st.sampled_from([0.0, 1.5]),
    timed_extra_seconds=st.sampled_from([0.0, 1.0]),
    loop_gap_seconds=st.sampled_from([0.1, 1.0]),
)


def check_timings(timings: tuple[LineTiming, ...]) -> None:
    starts = [t.started_s for t in timings]
    assert starts == sorted(starts)
    for t in timings:
        assert t.started_s >= 0
        if t.cue_end_s is not None:
            assert t.cue_end_s >= t.started_s - 1e-9
        if t.done_s is not None:
            assert t.cue_end_s is not None
            assert t.done_s >= t.cue_end_s - 1e-9
        if t.response_s is not None:
            assert t.response_s >= 0
        assert t.paused_s >= 0


def check(engine: RehearsalEngine, clock: FakeClock, out: list[Command]) -> None:
    if engine.lines:
        assert 0 <= engine.index < len(engine.lines)
    running = engine.take_number is not None
    assert running == (engine.state not in (State.IDLE, State.FINISHED))
    assert engine.paused == (engine.state is State.PAUSED)
    deadline = engine.next_deadline
    assert deadline is None or deadline > clock.now
    for command in out:
        if isinstance(command, ShowLine | SpeakLine):
            assert 0 <= command.index < len(engine.lines)
        if isinstance(command, LineDone):
            check_timings((command.timing,))
        if isinstance(command, TakeEnded):
            check_timings(command.result.timings)
            assert command.result.ended_at >= command.result.info.started_at
    check_timings(engine.timings)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.integers(0, len(SCRIPTS) - 1),
    role=st.sampled_from(["MARY", "JOHN", None]),
    actions=st.booleans(),
    run=run_settings,
    plan=steps,
)
def test_random_events_keep_the_run_consistent(
    which: int, role: str | None, actions: bool, run: RehearsalSettings, plan: list[Any]
) -> None:
    clock = FakeClock()
    recorder = MemoryRecorder()
    lines = build_lines(SCRIPTS[which], role, include_actions=actions)
    engine = RehearsalEngine(lines, run, clock=clock, recorder=recorder)
    check(engine, clock, engine.start())
    for step in plan:
        if isinstance(step, float):
            clock.advance(step)
            continue
        out = engine.handle(step)
        check(engine, clock, out)
        for command in out:
            if isinstance(command, TakeEnded):
                event(f"take ended: {command.result.reason.value}")
            if isinstance(command, LineDone):
                event(f"line: {command.timing.outcome.value}")
    # Every take the recorder saw started once and ended at most once, in order.
    started = [info.number for info in recorder.started]
    ended = [result.info.number for result in recorder.ended]
    assert started == list(range(1, len(started) + 1))
    assert ended == started[: len(ended)]
    assert len(started) - len(ended) == (1 if engine.take_number is not None else 0)
    for take, timing in recorder.lines:
        assert 1 <= take <= len(started)
        assert 0 <= timing.index < len(lines)


@settings(max_examples=100, deadline=None)
@given(
    seed=st.integers(0, 2**16),
    speech=st.booleans(),
    plan=st.lists(
        st.tuples(
            st.integers(0, 8),
            run_events,
            st.sampled_from([Proceed(), Rate(Rating(3)), Rate(None), Tick(), ActorDone()])
            | flow_events,
            advances,
        ).map(_pick),
        min_size=10,
        max_size=150,
    ),
)
def test_random_events_never_break_a_drill(seed: int, speech: bool, plan: list[Any]) -> None:
    clock = FakeClock()
    recorder = MemoryRecorder()
    short = script(scene(dlg("JOHN", "Hi."), dlg("MARY", "(beat)", "Hello."), dlg("JOHN", "Bye.")))
    engine = RehearsalEngine(
        build_lines(short, "MARY"),
        RehearsalSettings(speech=speech),
        clock=clock,
        recorder=recorder,
    )
    policy = NotePolicy(InjectionMode.MID_SCENE, 0.5)
    drill = AdjustmentDrill(engine, notes=deck(50), takes=3, policy=policy, rng=random.Random(seed))
    drill.start()
    for step in plan:
        if isinstance(step, float):
            clock.advance(step)
            continue
        out = drill.handle(step)
        check(engine, clock, out)
        assert engine.loop is None
        if drill.phase is DrillPhase.RUNNING:
            assert engine.take_number is not None
        if drill.phase in (DrillPhase.RATING, DrillPhase.DONE, DrillPhase.BRIEFING):
            assert engine.take_number is None
        if isinstance(step, Tick | ActorDone | PartnerFinished | Proceed | Rate):
            event(f"phase: {drill.phase.value}")
    assert drill.takes <= 3
    assert len(recorder.ratings) <= drill.takes
