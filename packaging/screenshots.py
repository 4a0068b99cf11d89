"""Regenerate the README's screenshots from the real app, offscreen.

    .venv/bin/python packaging/screenshots.py [OUTPUT_DIR]

Runs the app on the bundled demo scene in a throw-away data folder, plays part of a take
with a fast clock, opens the main screens and saves each as a PNG (default
``docs/screenshots``), so the pictures in the README always show the current app.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from rehearsal.engine.commands import State
from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drill_config import AdjustmentConfig
from rehearsal.engine.hiding import HideLevel
from rehearsal.paths import Paths
from rehearsal.ui.app import create_main_window
from rehearsal.ui.drill_setup import DrillKind
from rehearsal.ui.main_window import MainWindow
from rehearsal.ui.theme import apply_system_theme

ROOT = Path(__file__).resolve().parent.parent


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget: QWidget, folder: Path, name: str) -> None:
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def _play_some(app: QApplication, window: MainWindow, clock: _Clock, lines: int) -> None:
    controller = window.controller
    assert controller is not None
    controller.screen.action_start.trigger()
    for _ in range(4000):
        if controller.engine.index >= lines or controller.engine.state is State.FINISHED:
            return
        if controller.engine.state is State.WAITING:
            controller.screen.action_done.trigger()
        clock.now += 0.5
        controller.send_tick()
        app.processEvents()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv[:1])
    apply_system_theme(app)
    with tempfile.TemporaryDirectory() as tmp:
        paths = Paths.under(Path(tmp)).ensure()
        window = create_main_window(paths)
        clock = _Clock()
        window.clock = clock
        window.resize(1180, 820)
        window.show()
        loaded: list[bool] = []
        window.script_loaded.connect(lambda *_: loaded.append(True))
        window.open_demo()
        while not loaded:
            app.processEvents()
        assert window.role_dialog is not None
        _settle(app)
        _save(window.role_dialog, out, "choose-role")
        window.role_dialog.accept()
        _settle(app)
        if window.prep.checkin_dialog is not None:
            _save(window.prep.checkin_dialog, out, "check-in")
            window.prep.checkin_dialog.reject()
        controller = window.controller
        assert controller is not None
        controller.screen.hide_level.setCurrentIndex(
            controller.screen.hide_level.findData(HideLevel.FIRST_LETTERS.value)
        )
        _play_some(app, window, clock, lines=5)
        _settle(app)
        _save(window, out, "rehearsal")

        controller.send_stop()
        window.drills.start(
            AdjustmentConfig(takes=3, policy=NotePolicy(InjectionMode.BETWEEN_TAKES, 0.0))
        )
        _settle(app)
        _save(window, out, "director-note")
        dialog = window.drills.open_setup(DrillKind.COLD_READ)
        if dialog is not None:
            _settle(app)
            _save(dialog, out, "drill-setup")
            dialog.reject()
        window.open_history()
        if window.history_window is not None:
            window.history_window.resize(1100, 640)
            _settle(app, 60)
            _save(window.history_window, out, "history")
        window.open_voices()
        _settle(app)
        _save(window.voices_dialog, out, "voices")
        window.voices_dialog.reject()
        window.open_settings()
        _settle(app)
        _save(window.settings_dialog, out, "settings")
        window.settings_dialog.reject()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
