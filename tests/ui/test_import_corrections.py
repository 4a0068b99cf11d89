"""Stored corrections applied at import: before the page when the history is open, after
it when the history opens late; pasted text written to its file and imported from there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.script.corrections import RenameCharacter
from rehearsal.script.model import Script, SourceFormat
from rehearsal.ui.fixup.paste import pasted_bytes, pasted_path, pasted_title
from rehearsal.ui.import_worker import ImportJob
from rehearsal.ui.store_opener import PendingStore, open_store_or_explain

pytestmark = pytest.mark.gui

SCENE = "INT. KITCHEN - NIGHT\n\nANNA\nYou came back.\n\nBEN\nI forgot my keys.\n"


@pytest.fixture
def scene(tmp_path: Path) -> Path:
    path = tmp_path / "keys.fountain"
    path.write_text(SCENE, encoding="utf-8")
    return path


def _remember_rename(paths: Paths, scene: Path) -> None:
    store, _ = open_store_or_explain(paths)
    assert store is not None
    from rehearsal.script.loader import load_script

    script_id = store.import_script(load_script(scene), scene, scene.read_bytes())
    store.save_corrections(script_id, (RenameCharacter("BEN", "BENNY"),))
    store.close()


def test_corrections_are_applied_before_the_page_when_the_history_is_open(
    qtbot: QtBot, scene: Path, paths: Paths
) -> None:
    _remember_rename(paths, scene)
    store, _ = open_store_or_explain(paths)
    assert store is not None
    pending = PendingStore()
    pending.resolve(store)
    job = ImportJob(scene, store=pending)
    stored: list[tuple[object, ...]] = []
    job.stored.connect(lambda *args: stored.append(args))
    with (
        qtbot.waitSignal(job.parsed, timeout=10_000) as parsed,
        qtbot.waitSignal(job.done, timeout=10_000),
    ):
        job.start()
    assert parsed.args[0].characters == ["ANNA", "BENNY"]
    assert len(stored) == 1
    raw, corrections, _path, script_id, early = stored[0]
    assert isinstance(raw, Script)
    assert raw.characters == ["ANNA", "BEN"]
    assert corrections == (RenameCharacter("BEN", "BENNY"),)
    assert script_id == 1
    assert early is True
    store.close()


def test_corrections_arrive_after_the_page_when_the_history_opens_late(
    qtbot: QtBot, scene: Path, paths: Paths
) -> None:
    _remember_rename(paths, scene)
    pending = PendingStore()
    job = ImportJob(scene, store=pending)
    with qtbot.waitSignal(job.parsed, timeout=10_000) as parsed:
        job.start()
    assert parsed.args[0].characters == ["ANNA", "BEN"]  # the history is not open yet
    store, _ = open_store_or_explain(paths)
    assert store is not None
    with (
        qtbot.waitSignal(job.stored, timeout=10_000) as stored,
        qtbot.waitSignal(job.finished, timeout=10_000) as finished,
    ):
        pending.resolve(store)
    assert stored.args[1] == (RenameCharacter("BEN", "BENNY"),)
    assert stored.args[4] is False  # the window must show the corrected script itself
    assert finished.args[0].characters == ["ANNA", "BENNY"]
    store.close()


def test_pasted_text_is_written_to_its_file_then_imported(qtbot: QtBot, paths: Paths) -> None:
    text = "ANNA: You came back.\r\nBEN: I did.\r\nANNA: Why?\r\n"
    path = pasted_path(paths.data, text)
    assert path.suffix == ".txt"
    job = ImportJob(path, pasted=pasted_bytes(text), title="Pasted sides 2026-12-07")
    with qtbot.waitSignal(job.finished, timeout=10_000) as finished:
        job.start()
    script = finished.args[0]
    assert script.format is SourceFormat.TEXT
    assert script.title == "Pasted sides 2026-12-07"
    assert script.characters == ["ANNA", "BEN"]
    assert path.read_bytes() == text.replace("\r\n", "\n").encode("utf-8")


def test_pasted_sides_are_named_by_title_page_heading_or_date(paths: Paths) -> None:
    today = date(2026, 12, 7)
    assert pasted_title("ANNA: Hi.\nBEN: Hi.\n", today) == "Pasted sides 2026-12-07"
    assert pasted_title("\nINT.  DINER - NIGHT\n\nANNA\nHi.\n", today) == "INT. DINER - NIGHT"
    assert pasted_title("ACT II\n\nHAMLET. Who's there?\n", today) == "ACT II"
    screenplay = "INT. DINER - NIGHT\n\nANNA\nHi.\n"
    assert pasted_path(paths.data, screenplay).suffix == ".fountain"
    assert pasted_path(paths.data, screenplay) == pasted_path(paths.data, screenplay)
    assert pasted_path(paths.data, screenplay) != pasted_path(paths.data, screenplay + "BEN\nHo.\n")
