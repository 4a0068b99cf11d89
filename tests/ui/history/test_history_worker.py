"""The history's background runner: results on the GUI thread, stale ones dropped."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.store.database import DatabaseLockedError
from rehearsal.ui.background import BackgroundRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[BackgroundRunner]:
    background = BackgroundRunner()
    yield background
    background.shutdown()


def test_a_job_runs_off_the_gui_thread_and_reports_back(
    qtbot: QtBot, runner: BackgroundRunner
) -> None:
    ran_in: list[int] = []

    def job() -> int:
        ran_in.append(threading.get_ident())
        return 42

    with qtbot.waitSignal(runner.finished, timeout=5000) as result:
        runner.submit("answer", job)
    assert result.args == ["answer", 42]
    assert len(ran_in) == 1
    assert ran_in[0] != threading.get_ident()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=5000)


def test_a_newer_job_of_the_same_name_wins(qtbot: QtBot, runner: BackgroundRunner) -> None:
    gate = threading.Event()
    results: list[tuple[str, object]] = []
    runner.finished.connect(lambda name, value: results.append((name, value)))

    def slow() -> str:
        gate.wait(5)
        return "old"

    with qtbot.waitSignal(runner.idle, timeout=5000):
        runner.submit("chart", slow)
        runner.submit("chart", lambda: "new")
        runner.submit("other", lambda: "kept")
        gate.set()
    assert results == [("chart", "new"), ("other", "kept")]


def test_failures_become_messages(qtbot: QtBot, runner: BackgroundRunner) -> None:
    def locked() -> None:
        raise DatabaseLockedError(Path("/data/rehearsal.sqlite3"))

    def broken() -> None:
        raise KeyError("oops")

    with qtbot.waitSignal(runner.failed, timeout=5000) as first:
        runner.submit("lines", locked)
    assert first.args[0] == "lines"
    assert "locked by another program" in first.args[1]
    with qtbot.waitSignal(runner.failed, timeout=5000) as second:
        runner.submit("charts", broken)
    assert second.args == ["charts", "KeyError: 'oops'"]
