"""Render-ahead: the policy on its own, then keeping ahead of a real scene with the worker."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import LinePlan, plan_text
from rehearsal.speech.prefetch import RenderAhead
from rehearsal.speech.worker import Rendered, RenderFailed, RenderWorker
from tests.speech.wav_tools import needs_espeak

VOICE = VoiceSettings("gmw/en-us+f3")
LINES = [plan_text(f"This is the partner's line number {n}.", VOICE) for n in range(8)]


class Recorder:
    """Stands in for the worker's submit/cancel to check the policy quickly."""

    def __init__(self) -> None:
        self.submitted: list[tuple[int, LinePlan, int]] = []
        self.cancelled: list[int] = []

    def submit(self, plan: LinePlan, priority: int) -> int:
        self.submitted.append((len(self.submitted) + 1, plan, priority))
        return len(self.submitted)

    def cancel(self, ids: Iterable[int]) -> None:
        self.cancelled.extend(ids)


def test_the_next_lines_are_requested_nearest_first() -> None:
    recorder = Recorder()
    ahead = RenderAhead(recorder.submit, recorder.cancel, depth=3)
    assert ahead.update(LINES) == [1, 2, 3]
    assert [(plan, priority) for _, plan, priority in recorder.submitted] == [
        (LINES[0], 1),
        (LINES[1], 2),
        (LINES[2], 3),
    ]
    assert ahead.update(LINES) == []  # already in flight: nothing twice
    assert ahead.is_pending(LINES[0])


def test_moving_on_requests_the_new_line_and_keeps_finished_ones() -> None:
    recorder = Recorder()
    ahead = RenderAhead(recorder.submit, recorder.cancel, depth=2)
    ahead.update(LINES)
    assert ahead.on_rendered(1, Path("/cache/0.wav")) == LINES[0]
    assert ahead.path(LINES[0]) == Path("/cache/0.wav")
    assert ahead.update(LINES[1:]) == [3]
    assert recorder.submitted[-1][1:] == (LINES[2], 2)
    assert recorder.cancelled == []


def test_jumping_elsewhere_cancels_what_fell_out_of_the_window() -> None:
    recorder = Recorder()
    ahead = RenderAhead(recorder.submit, recorder.cancel, depth=3)
    ahead.update(LINES)
    ahead.update(LINES[5:])
    assert sorted(recorder.cancelled) == [1, 2, 3]
    assert not ahead.is_pending(LINES[0])
    assert ahead.on_rendered(1, Path("/late.wav")) is None  # a late answer is ignored
    assert ahead.path(LINES[0]) is None


def test_the_cued_line_is_asked_for_urgently_once() -> None:
    recorder = Recorder()
    ahead = RenderAhead(recorder.submit, recorder.cancel, depth=3)
    ahead.update(LINES)
    assert ahead.now(LINES[0]) is None
    assert ahead.now(LINES[0]) is None
    urgent = [(i, p) for i, plan, p in recorder.submitted if plan == LINES[0] and p == 0]
    assert len(urgent) == 1
    assert ahead.is_urgent(urgent[0][0])
    ahead.update(LINES[4:])  # the urgent request is not cancelled by moving on
    assert urgent[0][0] not in recorder.cancelled
    assert ahead.on_rendered(urgent[0][0], Path("/now.wav")) == LINES[0]
    assert ahead.now(LINES[0]) == Path("/now.wav")


def test_a_failed_line_is_not_retried_until_asked() -> None:
    recorder = Recorder()
    ahead = RenderAhead(recorder.submit, recorder.cancel, depth=1)
    ahead.update(LINES)
    ahead.on_failed(1, "unknown voice")
    assert ahead.failure(LINES[0]) == "unknown voice"
    assert ahead.update(LINES) == []
    assert ahead.now(LINES[0]) is None
    assert len(recorder.submitted) == 1
    ahead.retry_failed()
    assert ahead.update(LINES) == [2]


def test_clear_forgets_and_cancels() -> None:
    recorder = Recorder()
    ahead = RenderAhead(recorder.submit, recorder.cancel, depth=2)
    ahead.update(LINES)
    ahead.on_rendered(1, Path("/a.wav"))
    ahead.clear()
    assert recorder.cancelled == [2]
    assert ahead.path(LINES[0]) is None
    with pytest.raises(ValueError, match="at least 1"):
        RenderAhead(recorder.submit, recorder.cancel, depth=0)


@needs_espeak
def test_render_ahead_keeps_ahead_of_a_real_scene(worker: RenderWorker) -> None:
    """With the actor speaking between cues, every partner line is already rendered when
    cued, by render-ahead alone (no urgent request is ever needed).

    The actor speaks for a quarter of a second, or longer while the renders of a loaded
    machine catch up (at most 10 s): how fast rendering is belongs to the speech
    benchmark; here it is that the lines were asked for ahead, once each."""
    priorities: list[int] = []

    def submit(plan: LinePlan, priority: int) -> int:
        priorities.append(priority)
        return worker.submit(plan, priority)

    ahead = RenderAhead(submit, worker.cancel, depth=2)
    assert worker.wait_ready(20)

    def actor_speaks(seconds: float, until_ready: list[LinePlan]) -> None:
        end = time.monotonic() + seconds
        give_up = time.monotonic() + 10.0
        while (left := end - time.monotonic()) > 0 or (
            not all(ahead.path(p) for p in until_ready) and (left := give_up - time.monotonic()) > 0
        ):
            for event in worker.poll(timeout=min(left, 0.05)):
                if isinstance(event, Rendered):
                    ahead.on_rendered(event.request_id, event.path)
                elif isinstance(event, RenderFailed):
                    ahead.on_failed(event.request_id, event.message)

    ready_at_cue = []
    for cue, plan in enumerate(LINES):
        ahead.update(LINES[cue:])
        actor_speaks(0.25, LINES[cue : cue + ahead.depth])
        ready_at_cue.append(ahead.now(plan) is not None)
        assert all(ahead.path(p) for p in LINES[cue : cue + ahead.depth]), "fell behind"
    assert ready_at_cue == [True] * len(LINES)
    assert 0 not in priorities
    assert len(priorities) == len(LINES)  # each line asked for once
    assert len(worker.cache.files()) == len(LINES)
