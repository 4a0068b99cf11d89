"""The timed cold-read drill: prep countdown, perform clock, rating, callback take."""

from __future__ import annotations

import random

import pytest

from rehearsal.engine.cold_read import ColdReadDrill, ColdReadSettings, pick_cold_scene
from rehearsal.engine.commands import (
    DrillEnded,
    DrillPhase,
    NoteInjected,
    PerformStarted,
    PrepStarted,
    PrepWarning,
    RatingRequested,
    TakeStarted,
)
from rehearsal.engine.direction import NotePlacement
from rehearsal.engine.events import Pause, Resume
from rehearsal.engine.timing import MemoryRecorder, Rating
from tests.conftest import FakeClock
from tests.engine.builders import deck, first, names, of_type, phase
from tests.engine.conftest import MakeEngine
from tests.engine.test_drills import brief, play_take


def test_default_prep_is_a_minute_with_a_warning_ten_seconds_before(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    drill = ColdReadDrill(make_engine(), rng=random.Random())
    out = drill.start()
    assert first(out, PrepStarted) == PrepStarted(60.0, clock.now + 60)
    assert phase(drill) is DrillPhase.PREP
    clock.advance(49.9)
    assert drill.tick() == []
    assert drill.prep_remaining() == pytest.approx(10.1)
    clock.advance(0.1)
    assert drill.tick() == [PrepWarning(10.0)]
    clock.advance(5)
    assert drill.tick() == []  # the warning sounds once
    clock.advance(5)
    out = drill.tick()
    assert names(out)[:3] == ["PhaseChanged", "PerformStarted", "TakeStarted"]
    assert first(out, PerformStarted) == PerformStarted(1, clock.now)
    assert first(out, TakeStarted).info.drill == "cold_read"
    assert phase(drill) is DrillPhase.RUNNING
    assert drill.prep_remaining() == 0.0


def test_perform_clock_leaves_out_pauses(make_engine: MakeEngine, clock: FakeClock) -> None:
    drill = ColdReadDrill(
        make_engine(), settings=ColdReadSettings(prep_seconds=0), rng=random.Random()
    )
    drill.start()
    clock.advance(3)
    drill.handle(Pause())
    clock.advance(20)
    assert drill.perform_elapsed() == pytest.approx(3)
    drill.handle(Resume())
    clock.advance(2)
    assert drill.perform_elapsed() == pytest.approx(5)


def test_full_callback_routine(
    make_engine: MakeEngine, clock: FakeClock, recorder: MemoryRecorder
) -> None:
    notes = deck()
    drill = ColdReadDrill(
        make_engine(),
        settings=ColdReadSettings(prep_seconds=30),
        notes=notes,
        rng=random.Random(2),
    )
    drill.start()
    out = drill.proceed()  # ready before the prep is up
    assert first(out, PerformStarted).take == 1
    out = play_take(drill, clock)
    assert first(out, RatingRequested).take == 1
    out = drill.rate(Rating(3, "rushed the end"))
    note = first(out, NoteInjected).event
    assert note.placement is NotePlacement.AFTER_TAKE
    assert note.shown.startswith("Again, but")
    out = brief(drill, clock, out)
    assert first(out, PerformStarted).take == 2
    assert not of_type(out, PrepStarted)  # no second prep at a callback
    play_take(drill, clock)
    out = drill.rate(Rating(4))
    assert first(out, DrillEnded).takes == 2
    assert [(t, r.score) for t, r, _ in recorder.ratings] == [(1, 3), (2, 4)]
    assert [(t, n.placement) for t, n in recorder.notes] == [(2, NotePlacement.AFTER_TAKE)]


def test_without_a_second_take_the_drill_ends_after_the_rating(
    make_engine: MakeEngine, clock: FakeClock
) -> None:
    settings = ColdReadSettings(prep_seconds=0, second_take=False)
    drill = ColdReadDrill(make_engine(), settings=settings, notes=deck(), rng=random.Random())
    out = drill.start()
    assert first(out, PerformStarted)
    assert not of_type(out, PrepStarted)
    play_take(drill, clock)
    assert first(drill.rate(None), DrillEnded).takes == 1


def test_pausing_the_prep_stops_the_countdown(make_engine: MakeEngine, clock: FakeClock) -> None:
    drill = ColdReadDrill(
        make_engine(), settings=ColdReadSettings(prep_seconds=20), rng=random.Random()
    )
    drill.start()
    clock.advance(5)
    drill.handle(Pause())
    clock.advance(100)
    assert drill.tick() == []
    assert drill.prep_remaining() == pytest.approx(15)
    drill.handle(Resume())
    clock.advance(14.9)
    assert not of_type(drill.tick(), PerformStarted)
    clock.advance(0.1)
    assert first(drill.tick(), PerformStarted)


def test_a_short_prep_has_no_warning(make_engine: MakeEngine, clock: FakeClock) -> None:
    drill = ColdReadDrill(
        make_engine(), settings=ColdReadSettings(prep_seconds=8), rng=random.Random()
    )
    drill.start()
    clock.advance(8)
    assert not of_type(drill.tick(), PrepWarning)


def test_finish_during_prep_ends_the_drill(make_engine: MakeEngine) -> None:
    drill = ColdReadDrill(make_engine(), rng=random.Random())
    drill.start()
    assert first(drill.finish(), DrillEnded).takes == 0


@pytest.mark.parametrize("seconds", [-1, 601])
def test_prep_length_is_checked(seconds: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 600"):
        ColdReadSettings(prep_seconds=seconds)


def test_pick_cold_scene_prefers_scenes_not_yet_rehearsed() -> None:
    rng = random.Random(5)
    picks = {pick_cold_scene([1, 2, 3, 4], {1, 3}, rng) for _ in range(50)}
    assert picks == {2, 4}
    assert pick_cold_scene(["a"], {"a"}, rng) == "a"
    with pytest.raises(ValueError, match="no scene"):
        pick_cold_scene([], set(), rng)
