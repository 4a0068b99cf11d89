"""Pick up your cues on the rehearsal screen: the cues only, each pickup on the board."""

from __future__ import annotations

import random

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.engine.commands import State
from rehearsal.engine.cue_drill import DRILL_NAME
from rehearsal.engine.settings import RehearsalSettings
from rehearsal.engine.timing import MemoryRecorder
from rehearsal.ui.drill_cues import CueDrillDialog, CueDrillRun
from rehearsal.ui.rehearsal_controller import RehearsalController
from rehearsal.ui.rehearsal_screen import RehearsalScreen
from tests.conftest import FakeClock
from tests.engine.builders import kitchen

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot: QtBot) -> RehearsalScreen:
    widget = RehearsalScreen()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_the_dialog_gives_the_order_and_the_target(qtbot: QtBot) -> None:
    dialog = CueDrillDialog()
    qtbot.addWidget(dialog)
    dialog.order.setCurrentIndex(1)
    dialog.target.setValue(0.5)
    config = dialog.config()
    assert config.shuffle is True
    assert config.target_s == pytest.approx(0.5)


def test_a_cue_drill_judges_each_key_pickup_and_gives_the_scene_back(
    qtbot: QtBot, screen: RehearsalScreen, clock: FakeClock
) -> None:
    recorder = MemoryRecorder()
    controller = RehearsalController(
        screen, kitchen(), "MARY", RehearsalSettings(speech=False), clock=clock, recorder=recorder
    )
    controller.tick_timer.setInterval(1)
    scene_engine, scene_lines = controller.engine, controller.lines
    dialog = CueDrillDialog()
    qtbot.addWidget(dialog)
    dialog.target.setValue(0.8)
    run = CueDrillRun(controller, dialog.config(), random.Random(1))
    assert run.start()
    assert controller.engine.drill == DRILL_NAME
    pickups = iter([0.5, 1.5, 0.6])
    for _ in range(2000):
        engine = controller.engine
        if engine.drill != DRILL_NAME or engine.state is State.FINISHED:
            break
        if engine.state is State.WAITING:
            clock.advance(next(pickups))
            screen.action_done.trigger()
            continue
        clock.advance(0.3)
        with qtbot.waitSignal(controller.tick_timer.timeout, timeout=2000):
            pass
    rows = [run.board.item(i).text() for i in range(run.board.count())]
    assert len(rows) == 4  # MARY's three cued lines (her first opens the scene) and the sum
    assert rows[0].startswith("“Out where, John?” — ")
    assert rows[0].endswith("✓")
    assert "late" in rows[1]
    assert rows[2].startswith("“Hear what?” — ")
    assert rows[3].startswith("2 of 3 cues on target (0.8 s); mean pickup")
    assert screen.status.text() == rows[3]
    assert all(take.drill == DRILL_NAME for take in recorder.started)
    assert (controller.engine, controller.lines) == (scene_engine, scene_lines)
