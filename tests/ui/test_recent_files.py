"""The Open Recent list: newest first, no duplicates, ten at most, kept in the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from rehearsal.ui.recent_files import MAX_RECENT, RecentFiles

pytestmark = pytest.mark.gui


def test_newest_first_without_duplicates_and_at_most_ten(qapp: object, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    opened: list[Path] = []
    menu = QMenu()
    recent = RecentFiles(settings, menu, opened.append)
    assert not menu.isEnabled()
    for n in range(12):
        recent.remember(tmp_path / f"side{n}.fountain")
    recent.remember(tmp_path / "side5.fountain")
    files = recent.files()
    assert len(files) == MAX_RECENT
    assert files[:2] == [str(tmp_path / "side5.fountain"), str(tmp_path / "side11.fountain")]
    assert files.count(str(tmp_path / "side5.fountain")) == 1
    assert menu.isEnabled()
    menu.actions()[1].trigger()
    assert opened == [tmp_path / "side11.fountain"]


def test_a_single_entry_stored_as_a_string_is_read(qapp: object, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("recent/files", "/scripts/only.fdx")
    assert RecentFiles(settings, QMenu(), lambda _path: None).files() == ["/scripts/only.fdx"]
