"""Where the app keeps its data, cache and logs: built once, passed down, never global.

No module reads ``~`` or the environment on import; :func:`default_paths` is called by the
entry points only, so tests and portable installs can hand every part its own folders.
"""

from __future__ import annotations

import os
import sys
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
        """Create the folders if needed and return self."""
        for folder in (self.data, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def database(self) -> Path:
        """The SQLite file that keeps every session."""
        return self.data / "rehearsal.sqlite3"


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
