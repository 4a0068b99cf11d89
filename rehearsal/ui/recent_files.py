"""The File ▸ Open Recent list: kept in the settings, newest first, ten at most."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

MAX_RECENT = 10
SETTINGS_KEY = "recent/files"


class RecentFiles:
    """Remembers opened files in ``settings`` and lists them in ``menu``."""

    def __init__(self, settings: QSettings, menu: QMenu, open_file: Callable[[Path], None]) -> None:
        self.settings = settings
        self.menu = menu
        self._open_file = open_file
        self.refresh()

    def files(self) -> list[str]:
        """Recently opened files, newest first (QSettings may hand back a lone string)."""
        value = self.settings.value(SETTINGS_KEY, [])
        if isinstance(value, str):
            return [value]
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        return []

    def remember(self, path: Path) -> None:
        """Put ``path`` first, drop its older entry and the oldest beyond the limit."""
        entries = [str(path), *(p for p in self.files() if p != str(path))]
        self.settings.setValue(SETTINGS_KEY, entries[:MAX_RECENT])
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the menu from the settings; an empty list greys it out."""
        self.menu.clear()
        files = self.files()
        for entry in files:
            action = self.menu.addAction(Path(entry).name)
            action.setToolTip(entry)
            action.triggered.connect(lambda _=False, e=entry: self._open_file(Path(e)))
        self.menu.setEnabled(bool(files))
