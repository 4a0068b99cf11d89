"""Exporting takes: the names shown before writing, the files made, the dossier told."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails
from rehearsal.store.facade import Store
from rehearsal.tape.library import TakeInfo, TapeLibrary, TapeTake
from rehearsal.tape.probe import probe
from rehearsal.ui.tape.export_dialog import FOLDER_KEY, ExportDialog
from rehearsal.ui.tape.tape_prefs import (
    TapePreferences,
    load_tape_preferences,
    save_tape_preferences,
)
from tests.ui.tape.media import make_take, recorded_take

pytestmark = pytest.mark.gui

TODAY = datetime(2026, 12, 8, 10, 0)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    save_tape_preferences(settings, TapePreferences(actor_name="Ada Lane", agency="North"))
    return settings


@pytest.fixture
def library(tmp_path: Path) -> TapeLibrary:
    return TapeLibrary(tmp_path / "data")


def _dialog(
    qtbot: QtBot, takes: list[TapeTake], settings: QSettings, store: Store | None = None
) -> ExportDialog:
    dialog = ExportDialog(takes, settings, store=store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_each_take_shows_the_name_it_will_get(
    qtbot: QtBot, settings: QSettings, library: TapeLibrary
) -> None:
    take = recorded_take(library, TakeInfo("Night Shift", "Nina", "Night Shift", None))
    dialog = _dialog(qtbot, [take], settings)
    assert dialog.list.item(0).text().endswith("→  AdaLane_Nina_NightShift_Take1.mp4")
    dialog.template.setText("{project}-{date}-{take:02d}")
    day = take.recorded_at.astimezone().date().isoformat()  # the day it was recorded
    assert dialog.list.item(0).text().endswith(f"→  NightShift-{day}-01.mp4")
    assert dialog.export_button.isEnabled()


def test_a_broken_pattern_says_why_and_cannot_export(
    qtbot: QtBot, settings: QSettings, library: TapeLibrary
) -> None:
    dialog = _dialog(qtbot, [recorded_take(library)], settings)
    dialog.template.setText("{name}_{role}")
    assert dialog.problem.isVisible()
    assert "{take}" in dialog.problem.text()
    assert not dialog.export_button.isEnabled()
    dialog.template.setText("{name}_{take}")
    assert not dialog.problem.isVisible()
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.export_button.isEnabled()  # nothing ticked


def test_without_a_name_the_dialog_points_to_settings(
    qtbot: QtBot, tmp_path: Path, library: TapeLibrary
) -> None:
    settings = QSettings(str(tmp_path / "blank.ini"), QSettings.Format.IniFormat)
    dialog = _dialog(qtbot, [recorded_take(library)], settings)
    assert "Settings ▸ Self-Tape" in dialog.outcome.text()


def test_the_dossier_role_and_project_name_the_file(
    qtbot: QtBot,
    settings: QSettings,
    library: TapeLibrary,
    store: OpenedDatabase,
) -> None:
    facade = Store(store)
    audition = facade.auditions.create(
        AuditionDetails(project_title="Night Shift II", role="Nina Vale")
    )
    take = recorded_take(library, TakeInfo("night shift draft", "NINA", None, audition))
    dialog = _dialog(qtbot, [take], settings, facade)
    qtbot.waitUntil(
        lambda: dialog.list.item(0).text().endswith("AdaLane_NinaVale_NightShiftII_Take1.mp4"),
        timeout=5000,
    )


def test_export_writes_h264_aac_names_the_files_and_tells_the_dossier(
    qtbot: QtBot,
    tmp_path: Path,
    settings: QSettings,
    library: TapeLibrary,
    store: OpenedDatabase,
) -> None:
    facade = Store(store)
    audition = facade.auditions.create(AuditionDetails(project_title="Night Shift", role="Nina"))
    first = recorded_take(library, TakeInfo("Night Shift", "Nina", "Night Shift", audition))
    second = recorded_take(library, TakeInfo("Night Shift", "Nina", "Night Shift", audition))
    dest = tmp_path / "to casting"
    dest.mkdir()
    (dest / "AdaLane_Nina_NightShift_Take1.mp4").write_bytes(b"an older export")
    dialog = _dialog(qtbot, [second, first], settings, facade)
    dialog.folder.setText(str(dest))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as exported:
        dialog.export_button.click()
    names = sorted(p.name for p in exported.args[0])
    assert names == ["AdaLane_Nina_NightShift_Take1 (2).mp4", "AdaLane_Nina_NightShift_Take2.mp4"]
    assert (dest / "AdaLane_Nina_NightShift_Take1.mp4").read_bytes() == b"an older export"
    for path in exported.args[0]:
        facts = probe(path)
        assert (facts.video_codec, facts.audio_codec) == ("h264", "aac")
    assert "AdaLane_Nina_NightShift_Take2.mp4" in dialog.outcome.text()
    assert dialog.show_button.isVisible()
    assert settings.value(FOLDER_KEY) == str(dest)
    qtbot.waitUntil(lambda: len(facade.auditions.tapes(audition)) == 2, timeout=5000)
    tapes = facade.auditions.tapes(audition)
    assert sorted((t.take_number, Path(t.file_path).name) for t in tapes) == [
        (1, "AdaLane_Nina_NightShift_Take1 (2).mp4"),
        (2, "AdaLane_Nina_NightShift_Take2.mp4"),
    ]
    dialog.close_button.click()


def test_a_changed_pattern_is_kept_for_next_time(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, library: TapeLibrary
) -> None:
    take = recorded_take(library)
    dialog = _dialog(qtbot, [take], settings)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.template.setText("{role}_{name}_{take}")
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    assert load_tape_preferences(settings).name_template == "{role}_{name}_{take}"
    assert (tmp_path / "out" / "Nina_AdaLane_1.mp4").is_file()


def test_an_unwritable_folder_is_named_and_nothing_is_recorded(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, library: TapeLibrary
) -> None:
    take = recorded_take(library)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", "utf-8")
    dialog = _dialog(qtbot, [take], settings)
    dialog.folder.setText(str(blocker / "tapes"))
    with qtbot.waitSignal(dialog.watcher.failed, timeout=60_000) as failed:
        dialog.export_button.click()
    assert str(blocker) in failed.args[0]
    assert dialog.outcome.text() == failed.args[0]
    assert dialog.export_button.isEnabled()  # the actor can choose another folder


def test_cancel_stops_the_export_and_leaves_nothing_half_made(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, library: TapeLibrary
) -> None:
    take = recorded_take(library, seconds=1.0)
    # A take in another format is re-encoded (a copy would be over before Cancel).
    slow = make_take(tmp_path / "slow.mkv", 20.0, codec="mpeg4", size=(640, 360))
    take.path.unlink()
    take = replace(take, path=slow)
    dialog = _dialog(qtbot, [take], settings)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.export_button.click()
    assert dialog.watcher.running
    with qtbot.waitSignal(dialog.watcher.cancelled, timeout=60_000):
        dialog.cancel_button.click()
    assert "cancelled" in dialog.outcome.text()
    assert list((tmp_path / "out").iterdir()) == []
    assert dialog.export_button.isEnabled()
