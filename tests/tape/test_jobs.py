"""Tape work in a spawned child process: progress, the result, errors, cancelling, a crash.

Real encodes of real recordings; the tests block on the job's queue with a timeout
(:meth:`TapeJob.wait`), they never sleep.
"""

from __future__ import annotations

import os
import signal
import time
from multiprocessing.connection import wait
from pathlib import Path

import pytest

from rehearsal.tape.jobs import JobError, JobResult, TapeJob
from rehearsal.tape.library import TakeInfo, TapeLibrary, TapeTake
from rehearsal.tape.probe import probe
from tests.tape.media import write_raw

INFO = TakeInfo("Hamlet", "Ophelia", "Hamlet", None)


@pytest.fixture
def library(tmp_path: Path) -> TapeLibrary:
    return TapeLibrary(tmp_path / "data")


def test_finishing_in_a_child_reports_progress_and_the_take(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    write_raw(take.raw_path, 6.0)
    job = TapeJob.start("finish", take=take, reader_level_db=-6.0, mix_reader=True, card=None)
    seen: list[float] = []
    try:
        assert job.pid != os.getpid()
        outcome = job.wait(60, on_progress=seen.append)
    finally:
        job.close()
    assert isinstance(outcome, JobResult)
    done = outcome.value
    assert isinstance(done, TapeTake)
    assert probe(done.path).video_codec == "h264"
    assert library.takes() == [done]
    assert len(seen) > 5
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_poll_never_blocks_and_gives_the_outcome_once(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    write_raw(take.raw_path, 2.0)
    job = TapeJob.start("finish", take=take, reader_level_db=-6.0, mix_reader=False, card=None)
    try:
        started = time.monotonic()
        assert job.poll() is None  # the child is still starting: nothing to say, no waiting
        assert time.monotonic() - started < 0.1
        assert wait([job.sentinel], timeout=60)  # the process ended; its words are queued
        outcome = job.poll()
        assert isinstance(outcome, JobResult)
        assert job.poll() is None
        assert job.done
    finally:
        job.close()


def test_a_damaged_recording_comes_back_as_an_error_naming_it(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    take.raw_path.write_bytes(b"not a video at all" * 100)
    job = TapeJob.start("finish", take=take, reader_level_db=-6.0, mix_reader=True, card=None)
    try:
        outcome = job.wait(60)
    finally:
        job.close()
    assert isinstance(outcome, JobError)
    assert "take-001.raw.mkv" in outcome.message
    assert not outcome.cancelled


def test_cancelling_stops_the_work_and_keeps_the_recording(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    write_raw(take.raw_path, 6.0)
    job = TapeJob.start("finish", take=take, reader_level_db=-6.0, mix_reader=True, card=None)
    job.cancel()  # before the child has even started: it stops at its first frame
    try:
        outcome = job.wait(60)
    finally:
        job.close()
    assert isinstance(outcome, JobError)
    assert outcome.cancelled
    assert take.raw_path.is_file()
    assert not (take.folder / "take-001.mp4").exists()


def test_a_child_that_will_not_stop_is_terminated_after_the_grace_period(
    library: TapeLibrary,
) -> None:
    take = library.begin(INFO, ".mkv")
    write_raw(take.raw_path, 2.0)
    now = [0.0]
    job = TapeJob(
        "finish",
        {"take": take, "reader_level_db": -6.0, "mix_reader": True, "card": None},
        grace_s=1.0,
        clock=lambda: now[0],
    ).begin()
    try:
        os.kill(job.pid or 0, signal.SIGSTOP)  # a child stuck where it cannot check
        job.cancel()
        assert job.poll() is None
        now[0] = 2.0
        outcome = job.poll()
    finally:
        job.close()
    assert isinstance(outcome, JobError)
    assert outcome.cancelled


def test_a_child_that_dies_is_reported_not_waited_for(library: TapeLibrary) -> None:
    take = library.begin(INFO, ".mkv")
    write_raw(take.raw_path, 2.0)
    job = TapeJob.start("finish", take=take, reader_level_db=-6.0, mix_reader=True, card=None)
    try:
        os.kill(job.pid or 0, signal.SIGKILL)
        outcome = job.wait(30)
    finally:
        job.close()
    assert isinstance(outcome, JobError)
    assert "stopped unexpectedly" in outcome.message


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="no such tape work"):
        TapeJob("encode", {})  # type: ignore[arg-type]
