"""Where the app keeps its data, cache and logs: built once, passed down, never global.

No module reads ``~`` or the environment on import; :func:`default_paths` is called by the
entry points only, so tests and portable installs can hand every part its own folders.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Rehearsal"
DATA_DIR_ENV = "REHEARSAL_DATA_DIR"


@dataclass(frozen=True, slots=True)
class Paths:
    """The folders one running app uses."""

    data: Path
    cache: Path
    logs: Path

    @classmethod
    def under(cls, root: Path) -> Paths:
        """All folders below one root: for ``--data-dir``, portable installs and tests."""
        return cls(data=root / "data", cache=root / "cache", logs=root / "logs")

    def ensure(self) -> Paths:
        """Create the folders (0700) if needed, tighten what is already there, return self.

        History, dossiers, notes, recordings and photos are private: on a shared machine
        nobody else may read them. Earlier versions created everything 0755/0644, so the
        files already in the folders are tightened to 0600 (and subfolders to 0700) too,
        once: a folder that is already 0700 is not walked again. On Windows the per-user
        folders already are private and nothing is changed.
        """
        from rehearsal.atomic_file import PRIVATE_FOLDER, make_private

        for folder in (self.data, self.cache, self.logs):
            if folder.is_dir() and not folder.stat().st_mode & 0o077:
                continue  # already private: nobody else can reach what is inside
            folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            make_private_tree(folder, make_private)
        return self

    @property
    def database(self) -> Path:
        """The SQLite file that keeps every session."""
        return self.data / "rehearsal.sqlite3"


def make_private_tree(folder: Path, tighten: Callable[[Path], None]) -> None:
    """Apply ``tighten`` to ``folder`` and everything below it (symlinks are not followed)."""
    tighten(folder)
    for root, folders, files in os.walk(folder):
        for name in (*folders, *files):
            tighten(Path(root) / name)


def private_umask() -> None:
    """New files and folders private unless a mode says otherwise (0600 / 0700).

    Called at the start of the app and the CLI, on top of the explicit modes, so that what
    libraries create on their own (SQLite's -wal and -shm files, Qt's recordings, log
    files) is private too.
    """
    if os.name != "nt":
        os.umask(0o077)


def default_paths(data_dir: str | os.PathLike[str] | None = None) -> Paths:
    """The folders for this user: ``data_dir``, else ``$REHEARSAL_DATA_DIR``, else platformdirs."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Paths.under(Path(chosen).expanduser())
    import platformdirs

    return Paths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def resources_dir() -> Path:
    """The bundled ``resources/`` folder, wherever the app was installed from.

    A source checkout or editable install has it beside the package; a PyInstaller bundle
    unpacks it under ``sys._MEIPASS``; a wheel install puts it in ``share/rehearsal``.
    """
    candidates = [Path(__file__).resolve().parent.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    candidates.append(Path(sys.prefix) / "share" / "rehearsal" / "resources")
    for candidate in candidates:
        if (candidate / "scenes").is_dir():
            return candidate
    return candidates[0]
