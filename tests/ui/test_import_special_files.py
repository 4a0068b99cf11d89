"""Importing a named pipe in the app fails at once with one line, and the thread ends."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.ui.import_worker import ImportJob

pytestmark = pytest.mark.gui


def test_a_named_pipe_fails_the_import_instead_of_hanging(qtbot: QtBot, tmp_path: Path) -> None:
    fifo = tmp_path / "sides.fountain"
    os.mkfifo(fifo)  # nobody ever writes: opening it would block the worker forever
    job = ImportJob(fifo)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start()
    message, path = failed.args
    assert path == str(fifo)
    assert message == f"{fifo}: is a named pipe, not a script file"
    assert job.wait(3000), "the import thread is still running"
