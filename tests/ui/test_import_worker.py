"""An import in the background: parsed first, saved once the history is there, cancellable."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.ui.import_worker import ImportJob
from rehearsal.ui.store_opener import PendingStore, open_store_or_explain

pytestmark = pytest.mark.gui

SCENE = "INT. KITCHEN - NIGHT\n\nANNA\nYou came back.\n\nBEN\nI forgot my keys.\n"


@pytest.fixture
def scene(tmp_path: Path) -> Path:
    path = tmp_path / "keys.fountain"
    path.write_text(SCENE, encoding="utf-8")
    return path


def test_the_script_is_parsed_before_the_history_and_saved_after(
    qtbot: QtBot, scene: Path, paths: Paths
) -> None:
    pending = PendingStore()
    job = ImportJob(scene, store=pending)
    with qtbot.waitSignal(job.parsed, timeout=10_000) as parsed:
        job.start()
    assert parsed.args[0].characters == ["ANNA", "BEN"]
    assert job.storing
    store, _ = open_store_or_explain(paths)
    assert store is not None
    events: list[str] = []
    job.finished.connect(lambda *args: events.append(f"finished {args[2]}"))
    job.done.connect(lambda: events.append("done"))
    with qtbot.waitSignal(job.done, timeout=10_000):
        pending.resolve(store)
    assert events == ["finished 1", "done"]
    store.close()


def test_a_job_waiting_for_the_history_stops_at_once_when_cancelled(
    qtbot: QtBot, scene: Path
) -> None:
    job = ImportJob(scene, store=PendingStore())  # a history that never opens
    with qtbot.waitSignal(job.parsed, timeout=10_000):
        job.start()
    events: list[str] = []
    job.cancelled.connect(lambda _path: events.append("cancelled"))
    job.done.connect(lambda: events.append("done"))
    job.cancel()
    assert job.wait(3000), "the worker's thread did not end while the GUI thread waited"
    qtbot.waitUntil(lambda: events == ["cancelled", "done"], timeout=5_000)


def test_without_a_history_the_import_finishes_unsaved(qtbot: QtBot, scene: Path) -> None:
    job = ImportJob(scene, store=None)
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start()
    assert finished.args[2] is None
    assert job.wait(3000)
