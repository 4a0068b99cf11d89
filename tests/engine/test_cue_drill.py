"""Pick up your cues: the cue pairs, the order, and the pickups judged against a target."""

from __future__ import annotations

import random

import pytest

from rehearsal.engine.commands import LineDone, SpeakLine, State
from rehearsal.engine.cue_drill import CueDrillConfig, cue_pairs, judge
from rehearsal.engine.events import LineHeard
from rehearsal.engine.lines import build_lines
from rehearsal.engine.session import RehearsalEngine
from rehearsal.engine.settings import RehearsalSettings, WaitMode
from rehearsal.engine.timing import MemoryRecorder
from tests.conftest import FakeClock
from tests.engine.builders import dlg, kitchen, of_type, scene, script


def test_only_the_cues_of_the_actors_lines_are_kept_in_order() -> None:
    lines = build_lines(kitchen(), "MARY")
    pairs = cue_pairs(lines)
    assert [line.own for line in pairs] == [False, True] * (len(pairs) // 2)
    own = [line for line in lines if line.own]
    # MARY's first line opens the scene (no cue) and her "Hear what?" follows JOHN's cue.
    assert [line.text for line in pairs if line.own] == [line.text for line in own[1:]]
    for cue, line in zip(pairs[::2], pairs[1::2], strict=True):
        assert lines.index(cue) == lines.index(line) - 1


def test_shuffled_pairs_keep_each_cue_with_its_line() -> None:
    many = script(scene(*[dlg("JOHN" if i % 2 else "MARY", f"Line {i}.") for i in range(1, 41)]))
    lines = build_lines(many, "MARY")
    shuffled = cue_pairs(lines, shuffle=True, rng=random.Random(4))
    assert shuffled != cue_pairs(lines)
    for cue, line in zip(shuffled[::2], shuffled[1::2], strict=True):
        assert lines.index(cue) == lines.index(line) - 1
    assert sorted(map(lines.index, shuffled)) == sorted(map(lines.index, cue_pairs(lines)))


def test_a_cue_take_judges_each_pickup_against_the_target(clock: FakeClock) -> None:
    lines = cue_pairs(build_lines(kitchen(), "MARY"))
    recorder = MemoryRecorder()
    settings = RehearsalSettings(speech=False, wait_mode=WaitMode.WORDS, response_seconds=0.3)
    engine = RehearsalEngine(lines, settings, clock=clock, recorder=recorder, drill="cue_pickup")
    spoken: list[str] = []
    pickups = iter([0.5, 1.4, 0.7])
    spoken += [c.text for c in of_type(engine.start(), SpeakLine)]
    for _ in range(1000):
        if engine.state is State.FINISHED:
            break
        if engine.state is State.WAITING:
            clock.advance(1.0)
            engine.line_heard(LineHeard(complete=True, accuracy=1.0, pickup=next(pickups)))
        else:
            clock.advance(0.5)
            spoken += [c.text for c in of_type(engine.tick(), SpeakLine)]
    assert engine.state is State.FINISHED
    cues = [line.text for line in lines if not line.own]
    assert " ".join(spoken) == " ".join(cues)  # only the cues were said
    marks = [judge(t, CueDrillConfig(target_s=0.8).target_s) for _n, t in recorder.lines if t.own]
    assert [m.on_target for m in marks] == [True, False, True][: len(marks)]
    assert marks[1].late_by == pytest.approx(0.6)
    assert recorder.started[0].drill == "cue_pickup"


def test_with_the_key_the_pickup_is_the_time_to_the_key(clock: FakeClock) -> None:
    lines = cue_pairs(build_lines(kitchen(), "MARY"))
    engine = RehearsalEngine(lines, RehearsalSettings(speech=False), clock=clock)
    engine.start()
    while engine.state is not State.WAITING:
        clock.advance(0.5)
        engine.tick()
    clock.advance(0.9)
    timing = of_type(engine.actor_done(), LineDone)[0].timing
    assert timing.cue_end_s is not None
    assert timing.done_s is not None
    mark = judge(timing, 0.8)
    assert mark.pickup_s == pytest.approx(timing.done_s - timing.cue_end_s)
    assert mark.pickup_s is not None
    assert mark.pickup_s >= 0.9  # the wait began at the cue's end, before the last tick
    assert not mark.on_target


def test_the_target_is_checked() -> None:
    with pytest.raises(ValueError, match=r"the target pickup must be 0\.1 to 5 s"):
        CueDrillConfig(target_s=9)
