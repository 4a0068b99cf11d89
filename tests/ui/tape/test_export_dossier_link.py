"""The audition's dossier lists the self-tapes exported for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails
from rehearsal.store.facade import Store
from rehearsal.ui.dossier.dossier_editor import DossierEditor
from tests.store.sample_data import StepClock

pytestmark = pytest.mark.gui


def test_the_dossier_lists_exported_tapes_and_says_when_one_is_gone(
    qtbot: QtBot, tmp_path: Path, paths: Paths, store: OpenedDatabase, wall_clock: StepClock
) -> None:
    facade = Store(store, now=wall_clock)
    audition = facade.auditions.create(AuditionDetails(project_title="Night Shift", role="Nina"))
    sent = tmp_path / "Ada_Lane_Nina_Night_Shift_Take2.mp4"
    sent.write_bytes(b"not really a video")
    facade.auditions.record_tape(audition, 1, str(tmp_path / "gone.mp4"))
    wall_clock.advance(60)
    facade.auditions.record_tape(audition, 2, str(sent))
    editor = DossierEditor(facade, paths, audition, now=wall_clock, autosave_ms=10)
    qtbot.addWidget(editor)
    editor.show()
    tab = editor.details_tab
    assert tab.tapes_box.isVisible()
    texts = [tab.tapes.item(i).text() for i in range(tab.tapes.count())]
    assert texts[0].startswith("Take 2 · Ada_Lane_Nina_Night_Shift_Take2.mp4 · ")
    assert not texts[0].endswith("(moved or deleted)")
    assert texts[1].startswith("Take 1 · gone.mp4")
    assert texts[1].endswith("(moved or deleted)")
    editor.close()


def test_no_tapes_no_box(qtbot: QtBot, paths: Paths, store: OpenedDatabase) -> None:
    facade = Store(store)
    audition = facade.auditions.create(AuditionDetails(project_title="Night Shift"))
    editor = DossierEditor(facade, paths, audition, autosave_ms=10)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.details_tab.tapes_box.isVisible()
    editor.close()


def test_a_tape_exported_while_the_dossier_is_open_shows_when_it_comes_back(
    qtbot: QtBot, tmp_path: Path, paths: Paths, store: OpenedDatabase, wall_clock: StepClock
) -> None:
    facade = Store(store, now=wall_clock)
    audition = facade.auditions.create(AuditionDetails(project_title="Night Shift", role="Nina"))
    editor = DossierEditor(facade, paths, audition, now=wall_clock, autosave_ms=10)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert not editor.details_tab.tapes_box.isVisible()

    elsewhere = QWidget()  # tape mode, where the take is exported
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not editor.isActiveWindow())
    sent = tmp_path / "Ada_Lane_Nina_Night_Shift_Take1.mp4"
    sent.write_bytes(b"not really a video")
    facade.auditions.record_tape(audition, 1, str(sent))
    assert not editor.details_tab.tapes_box.isVisible()  # nothing read while away

    editor.activateWindow()
    qtbot.waitUntil(editor.details_tab.tapes_box.isVisible)
    assert editor.details_tab.tapes.item(0).text().startswith("Take 1 · " + sent.name)
    editor.close()
