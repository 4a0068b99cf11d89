"""Loading the first rehearsal's modules on a worker thread."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.ui.preload import FIRST_REHEARSAL_MODULES, ModulePreloader

pytestmark = pytest.mark.gui


@pytest.fixture
def probe_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder on ``sys.path`` for throw-away modules; they are forgotten afterwards."""
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in [n for n in sys.modules if n.startswith("preload_probe")]:
        del sys.modules[name]


def test_modules_are_imported_off_the_gui_thread(qtbot: QtBot, probe_dir: Path) -> None:
    (probe_dir / "preload_probe_a.py").write_text(
        "import threading\nLOADED_ON = threading.current_thread().name\n", encoding="utf-8"
    )
    preloader = ModulePreloader(["preload_probe_a"])
    with qtbot.waitSignal(preloader.loaded, timeout=10_000):
        preloader.start()
    assert sys.modules["preload_probe_a"].LOADED_ON == "preload"
    assert preloader.wait(5)


def test_a_module_that_fails_does_not_stop_the_rest(
    qtbot: QtBot, probe_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (probe_dir / "preload_probe_bad.py").write_text("raise ValueError('broken')\n", "utf-8")
    (probe_dir / "preload_probe_good.py").write_text("VALUE = 1\n", encoding="utf-8")
    preloader = ModulePreloader(["preload_probe_bad", "preload_probe_good"])
    with qtbot.waitSignal(preloader.loaded, timeout=10_000):
        preloader.start()
    assert "preload_probe_good" in sys.modules
    assert "preload_probe_bad" in caplog.text


def test_the_first_rehearsal_modules_exist() -> None:
    """A renamed module would make the preload fail quietly: catch it here instead."""
    import importlib.util

    missing = [name for name in FIRST_REHEARSAL_MODULES if importlib.util.find_spec(name) is None]
    assert missing == []
