"""The GUI's one background seam: results and errors on the GUI thread, cancel, shutdown."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rehearsal.ui.background import BackgroundRunner, Cancelled, Task, TaskContext

pytestmark = pytest.mark.gui

WAIT_MS = 10_000


def _outcomes(task: Task) -> list[str]:
    """Record which of the task's signals arrived, in order, and on which thread."""
    seen: list[str] = []

    def note(kind: str) -> None:
        on_gui = threading.current_thread() is threading.main_thread()
        seen.append(kind if on_gui else f"{kind} OFF THE GUI THREAD")

    task.succeeded.connect(lambda _value: note("succeeded"))
    task.failed.connect(lambda _exc: note("failed"))
    task.cancelled.connect(lambda: note("cancelled"))
    task.finished.connect(lambda: note("finished"))
    return seen


def test_the_result_arrives_on_the_gui_thread_from_another(qtbot: QtBot) -> None:
    ran_on: list[str] = []

    def work(context: TaskContext) -> int:
        ran_on.append(threading.current_thread().name)
        return 6 * 7

    task = Task(work, "answer")
    seen = _outcomes(task)
    with qtbot.waitSignal(task.succeeded, timeout=WAIT_MS) as result:
        task.start()
        task.start()  # a second start does nothing
    assert result.args == [42]
    assert ran_on == ["answer"]
    qtbot.waitUntil(lambda: seen == ["succeeded", "finished"], timeout=WAIT_MS)
    assert task.done
    assert task.wait(5)


def test_an_error_arrives_as_the_exception_not_a_traceback(qtbot: QtBot) -> None:
    def work(context: TaskContext) -> None:
        raise OSError(28, "No space left on device")

    task = Task(work, "full disk")
    seen = _outcomes(task)
    with qtbot.waitSignal(task.failed, timeout=WAIT_MS) as failure:
        task.start()
    (error,) = failure.args
    assert isinstance(error, OSError)
    assert error.strerror == "No space left on device"
    qtbot.waitUntil(lambda: seen == ["failed", "finished"], timeout=WAIT_MS)


def test_progress_arrives_in_order_and_cancel_stops_the_function(qtbot: QtBot) -> None:
    started = threading.Event()
    reported: list[int] = []
    steps_run: list[int] = []

    def work(context: TaskContext) -> str:
        for step in range(1000):
            context.check()
            steps_run.append(step)
            context.report(step)
            if step == 2:
                started.set()
            context.cancel.wait(0.01)  # a slow step that wakes on cancel
        return "all done"

    task = Task(work, "steps")
    task.progress.connect(reported.append)
    seen = _outcomes(task)
    task.start()
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(reported) >= 3, timeout=WAIT_MS)
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        task.cancel()
    assert task.wait(5)
    assert len(steps_run) < 1000, "the function went on after the cancel"
    assert reported == list(range(len(reported)))
    qtbot.waitUntil(lambda: seen == ["cancelled", "finished"], timeout=WAIT_MS)


def test_a_result_that_comes_after_cancel_is_dropped(qtbot: QtBot) -> None:
    """A function that never looks at the flag still ends as cancelled: nobody wants it."""
    gate = threading.Event()

    def work(context: TaskContext) -> str:
        gate.wait(5)
        return "too late"

    task = Task(work, "stubborn")
    seen = _outcomes(task)
    task.start()
    task.cancel()
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        gate.set()
    assert seen == ["cancelled", "finished"]


def test_raising_cancelled_inside_the_function_reports_a_cancel(qtbot: QtBot) -> None:
    def work(context: TaskContext) -> None:
        raise Cancelled()

    task = Task(work, "gives up")
    seen = _outcomes(task)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        task.start()
    assert seen == ["cancelled", "finished"]


def test_shutting_down_while_running_waits_for_the_thread_and_delivers_nothing(
    qtbot: QtBot,
) -> None:
    """The owner closes mid-job: the thread is joined and the late outcome goes nowhere."""
    owner = QWidget()
    running, finished_work = threading.Event(), threading.Event()

    def work(context: TaskContext) -> str:
        running.set()
        context.cancel.wait(5)
        finished_work.set()
        return "unwanted"

    task = Task(work, "closing", owner)
    seen = _outcomes(task)
    task.start()
    assert running.wait(5)
    assert task.running
    assert task.shutdown(5)
    assert finished_work.is_set()
    assert not task.running
    with qtbot.waitSignal(owner.destroyed, timeout=WAIT_MS):
        owner.deleteLater()  # the task goes with its owner; a queued outcome must not crash
    assert seen in ([], ["cancelled", "finished"])


def test_a_runner_shut_down_mid_job_finishes_it_and_drops_the_queue(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    started, pause, ran = threading.Event(), threading.Event(), []

    def slow() -> str:
        started.set()
        while runner.running:  # busy until the shutdown has begun
            pause.wait(0.005)
        ran.append("slow")
        return "slow"

    runner.submit("slow", slow)
    runner.submit("queued", lambda: ran.append("queued"))
    assert started.wait(5)
    runner.shutdown()  # returns once the running job is done
    assert ran == ["slow"]
    assert not runner.running
    assert runner.pending == 0


def test_an_app_that_quits_while_work_runs_exits_cleanly(tmp_path: Path) -> None:
    """No "QThread: Destroyed while thread is still running" and no crash at exit."""
    script = tmp_path / "quit_mid_job.py"
    script.write_text(
        textwrap.dedent(
            """
            import threading
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication, QWidget
            from rehearsal.ui.background import BackgroundRunner, Task

            app = QApplication([])
            window = QWidget()
            gate = threading.Event()
            task = Task(lambda context: context.cancel.wait(5), "long", window)
            runner = BackgroundRunner(window)
            task.start()
            runner.submit("slow", lambda: gate.wait(0.2))

            def close() -> None:
                task.shutdown(5)
                runner.shutdown()
                window.deleteLater()
                app.quit()

            QTimer.singleShot(50, close)
            app.exec()
            print("clean exit")
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"QT_QPA_PLATFORM": "offscreen", **_environment()},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "clean exit" in done.stdout
    assert "Destroyed while thread" not in done.stderr


def _environment() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
