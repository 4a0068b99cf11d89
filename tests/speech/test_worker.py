"""The render process: real renders through a spawned worker, priorities, and every way out."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rehearsal.speech.casting import VoiceSettings
from rehearsal.speech.direction import LinePlan, plan_text
from rehearsal.speech.render import RenderCache, inspect_wav
from rehearsal.speech.worker import (
    PRIORITY_NOW,
    Rendered,
    RenderFailed,
    RenderWorker,
    WorkerEvent,
    WorkerReady,
    WorkerUnavailable,
)
from tests.speech.wav_tools import needs_espeak

pytestmark = needs_espeak

VOICE = VoiceSettings("gmw/en-us+m3")
LONG_LINE = " ".join(["I am not going back to that house tonight, and you cannot make me."] * 45)


def line(text: str) -> LinePlan:
    return plan_text(text, VOICE)


def wait_for(worker: RenderWorker, ids: set[int], timeout: float = 20.0) -> list[WorkerEvent]:
    """Poll until every id in ``ids`` is answered; returns all events in arrival order."""
    events: list[WorkerEvent] = []
    deadline = time.monotonic() + timeout
    answered: set[int] = set()
    while answered != ids:
        assert time.monotonic() < deadline, f"unanswered: {sorted(ids - answered)}"
        for event in worker.poll(timeout=0.1):
            events.append(event)
            if isinstance(event, Rendered | RenderFailed):
                answered.add(event.request_id)
    return events


def test_renders_a_line_in_the_worker_process(worker: RenderWorker) -> None:
    assert worker.wait_ready(20)
    assert worker.pid != os.getpid()
    assert worker.catalog is not None
    assert worker.catalog.check("gmw/en-us+m3") is None
    result = worker.wait(worker.submit(line("Where were you last night?")))
    assert isinstance(result, Rendered)
    assert not result.cached
    info = inspect_wav(result.path)
    assert info.duration > 1.0
    assert result.path.is_relative_to(worker.cache.root)


def test_the_ready_event_comes_once_through_poll(worker: RenderWorker) -> None:
    events: list[WorkerEvent] = []
    deadline = time.monotonic() + 20
    while not events and time.monotonic() < deadline:
        events = worker.poll(timeout=0.1)
    assert [type(e) for e in events] == [WorkerReady]
    assert worker.poll() == []
    assert worker.state == "ready"


def test_a_cached_line_is_answered_without_a_round_trip(worker: RenderWorker) -> None:
    plan = line("Cached lines come back at once.")
    first = worker.wait(worker.submit(plan))
    assert isinstance(first, Rendered)
    again = worker.submit(plan)
    assert worker.outstanding == 0
    events = [e for e in worker.poll() if not isinstance(e, WorkerReady)]
    assert events == [Rendered(again, first.path, cached=True, seconds=0.0)]


def test_the_urgent_line_overtakes_render_ahead_work(worker: RenderWorker) -> None:
    # Queued before the engine is up, so the worker sees them all at once.
    assert worker.state == "starting"
    ahead = [worker.submit(line(f"Render-ahead line number {n}."), priority=5) for n in range(6)]
    urgent = worker.submit(line("The actor is waiting for this one."), PRIORITY_NOW)
    events = wait_for(worker, {*ahead, urgent})
    order = [e.request_id for e in events if isinstance(e, Rendered)]
    assert order[0] == urgent
    assert order[1:] == ahead


def test_cancelled_requests_are_not_rendered(worker: RenderWorker) -> None:
    assert worker.state == "starting"
    ids = [worker.submit(line(f"Maybe I will say line {n}."), priority=3) for n in range(6)]
    worker.cancel(ids[3:])
    events = wait_for(worker, set(ids[:3]))
    assert {e.request_id for e in events if isinstance(e, Rendered)} == set(ids[:3])
    assert worker.outstanding == 0
    for n in range(3, 6):
        assert worker.cache.lookup(line(f"Maybe I will say line {n}.")) is None


def test_a_bad_line_is_reported_and_the_next_one_renders(worker: RenderWorker) -> None:
    bad = worker.submit(plan_text("Hello.", VoiceSettings("nosuch/voice")))
    good = worker.submit(line("But this one is fine."))
    assert worker.wait(bad) == RenderFailed(
        bad, "unknown voice 'nosuch/voice' (see `rehearsal voices`)"
    )
    assert isinstance(worker.wait(good), Rendered)
    empty = worker.submit(())
    assert worker.wait(empty) == RenderFailed(empty, "there is nothing to say in this line")


def test_an_overrunning_render_is_stopped_and_the_worker_restarted(cache: RenderCache) -> None:
    worker = RenderWorker(cache, render_timeout=0.15)
    try:
        assert worker.wait_ready(20)
        first_pid = worker.pid
        stuck = worker.submit(line(LONG_LINE))
        result = worker.wait(stuck, timeout=20)
        assert isinstance(result, RenderFailed)
        assert "longer than 0.15 s" in result.message
        assert worker.restarts == 1
        assert worker.pid != first_pid
        after = worker.wait(worker.submit(line("Still here.")), timeout=20)
        assert isinstance(after, Rendered)
    finally:
        worker.shutdown()
    assert not worker.is_alive()


def test_a_crashed_worker_is_restarted_and_queued_lines_survive(worker: RenderWorker) -> None:
    assert worker.wait_ready(20)
    first_pid = worker.pid
    assert first_pid is not None
    in_flight = worker.submit(line(LONG_LINE))
    queued = worker.submit(line("I was waiting in the queue."))
    deadline = time.monotonic() + 10
    while worker.rendering != in_flight:  # the long line has started rendering
        assert time.monotonic() < deadline
        worker.poll(timeout=0.05)
    os.kill(first_pid, signal.SIGKILL)
    crashed = worker.wait(in_flight, timeout=20)
    assert isinstance(crashed, RenderFailed)
    assert "stopped (exit code -9)" in crashed.message
    assert isinstance(worker.wait(queued, timeout=20), Rendered)
    assert worker.pid != first_pid
    assert worker.restarts == 1


def test_no_engine_means_unavailable_with_a_reason(cache: RenderCache) -> None:
    worker = RenderWorker(cache, driver_name="nosuch", extra_backends=())
    try:
        request = worker.submit(line("Hello?"))
        assert not worker.wait_ready(20)
        assert worker.unavailable_reason == "pyttsx3 has no 'nosuch' speech driver"
        events = worker.poll()
        assert WorkerUnavailable("pyttsx3 has no 'nosuch' speech driver") in events
        assert RenderFailed(request, "pyttsx3 has no 'nosuch' speech driver") in events
        later = worker.submit(line("Anyone?"))
        assert worker.poll() == [RenderFailed(later, "pyttsx3 has no 'nosuch' speech driver")]
    finally:
        worker.shutdown()
    assert not worker.is_alive()
    assert worker.state == "unavailable"


def test_shutdown_is_clean_and_idempotent(worker: RenderWorker) -> None:
    assert worker.wait_ready(20)
    started = time.monotonic()
    worker.shutdown()
    assert time.monotonic() - started < 1.0
    assert not worker.is_alive()
    assert worker.state == "stopped"
    worker.shutdown()
    # A stopped worker starts again on demand.
    assert isinstance(worker.wait(worker.submit(line("Back again."))), Rendered)


def test_shutdown_while_busy_does_not_hang(cache: RenderCache) -> None:
    worker = RenderWorker(cache)
    assert worker.wait_ready(20)
    for n in range(3):
        worker.submit(line(f"{LONG_LINE} {n}"))
    started = time.monotonic()
    worker.shutdown(timeout=0.1)
    assert time.monotonic() - started < 3.0
    assert not worker.is_alive()


def test_the_worker_exits_when_its_parent_dies(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        from rehearsal.speech.render import RenderCache
        from rehearsal.speech.worker import RenderWorker
        if __name__ == "__main__":
            worker = RenderWorker(RenderCache(Path({str(tmp_path)!r})))
            assert worker.wait_ready(20)
            print(worker.pid, flush=True)
            os._exit(0)  # no clean-up: the parent just vanishes
        """
    )
    (tmp_path / "parent.py").write_text(script)
    result = subprocess.run(
        [sys.executable, str(tmp_path / "parent.py")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    child = int(result.stdout.strip())
    deadline = time.monotonic() + 10
    while _running(child):
        assert time.monotonic() < deadline, "the orphaned worker kept running"
        time.sleep(0.05)  # another process: nothing to wait on but its /proc entry


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_without_system_voices_flite_still_speaks(cache: RenderCache) -> None:
    if shutil.which("flite") is None:
        pytest.skip("Flite is not installed (apt install flite)")
    worker = RenderWorker(cache, driver_name="nosuch", extra_backends=("flite",))
    try:
        assert worker.wait_ready(20)
        assert worker.catalog is not None
        assert {v.backend for v in worker.catalog.voices} == {"flite"}
        request = worker.submit(plan_text("Over here.", VoiceSettings("flite:slt")))
        result = worker.wait(request, 20)
        assert isinstance(result, Rendered)
        assert inspect_wav(result.path).peak > 0
        bad = worker.submit(plan_text("Over here.", VoiceSettings("gmw/en-us")))
        failed = worker.wait(bad, 20)
        assert isinstance(failed, RenderFailed)
        assert "system voices are unavailable" in failed.message
    finally:
        worker.shutdown()
