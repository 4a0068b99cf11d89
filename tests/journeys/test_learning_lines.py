"""Learning the lines: a take with a reveal and a mark, a restart, and Today's Lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from fsrs import Rating
from PySide6.QtCore import Qt

from rehearsal.engine.commands import State
from rehearsal.engine.hiding import HideLevel
from rehearsal.ui.first_run import FirstRunDialog
from rehearsal.ui.memory.todays_lines import TodaysLinesDialog
from tests.journeys.harness import Journey
from tests.memory.helpers import KITCHEN

pytestmark = pytest.mark.gui


def _open_mary(journey: Journey, sides: Path, first: bool) -> None:
    window = journey.launch(file=sides)
    if first:
        welcome = journey.dialog(FirstRunDialog, "the welcome")
        journey.wait(lambda: window.windowTitle().startswith("Kitchen"), "the sides behind")
        journey.key(Qt.Key.Key_Escape, widget=welcome)  # read later
    journey.choose_role("MARY")
    journey.skip_check_in()
    journey.wait(lambda: window.memory.memory is not None, "the memory of MARY's lines")


def _saved(journey: Journey) -> None:
    feature = journey.win.memory
    journey.wait(lambda: feature.runner.pending == 0, "the memory to be saved")


def test_rehearse_mark_restart_and_run_todays_lines(journey: Journey, tmp_path: Path) -> None:
    sides = tmp_path / "kitchen.fountain"
    sides.write_text(KITCHEN, encoding="utf-8")
    _open_mary(journey, sides, first=True)
    window = journey.win
    feature = window.memory
    assert feature.headline.text() == "0 of 6 lines secure, 6 due today (1 min)"
    journey.menu("My Lines", "Hide by Memory")
    assert feature.hiding_by_memory

    journey.start_take()
    controller = window.controller
    assert controller is not None
    engine = controller.engine
    for _ in range(400):
        if engine.state is State.WAITING:
            break
        journey.tick()
    assert engine.line is not None
    assert engine.line.own
    first = engine.line.id
    journey.key(Qt.Key.Key_R, widget=window.rehearsal)  # "Line?" — the reveal
    assert first in controller.hider.revealed
    assert journey.say_my_lines(3) == 3
    journey.key(Qt.Key.Key_Escape)  # Stop
    journey.wait(lambda: engine.state in (State.IDLE, State.FINISHED), "the take to stop")
    journey.key(Qt.Key.Key_4, widget=window.rehearsal)  # the last line said: easy
    _saved(journey)

    memory = feature.memory
    assert memory is not None
    by_line = dict(zip([p.line_id for p in feature.part], memory.keys, strict=True))
    lines = memory.book.lines
    third = feature.part[2].line_id
    assert lines[by_line[first]].last_rating is Rating.Again
    assert [r.rating for r in lines[by_line[third]].reviews] == [Rating.Easy]
    assert lines[by_line[feature.part[1].line_id]].last_rating in (Rating.Good, Rating.Hard)
    assert feature.part[3].line_id not in controller.hider.overrides or (
        controller.hider.overrides[feature.part[3].line_id] is HideLevel.FULL
    )
    assert controller.hider.overrides[first] is HideLevel.FULL, "a missed line in full"
    assert controller.hider.overrides[third] is not HideLevel.FULL, "an easy line comes off"
    assert "of 6 lines secure" in feature.headline.text()
    journey.quit()

    _open_mary(journey, sides, first=False)
    feature = journey.win.memory
    assert feature.hiding_by_memory, "the setting is kept"
    memory = feature.memory
    assert memory is not None
    reread = memory.book.lines
    assert [r.rating for r in reread[by_line[first]].reviews] == [Rating.Again]
    assert [r.rating for r in reread[by_line[third]].reviews] == [Rating.Easy]

    journey.in_main_window()
    journey.shortcut("Ctrl+T")  # Rehearse ▸ Today's Lines
    dialog = journey.dialog(TodaysLinesDialog, "Today's Lines")
    planned = [item.line.line_id for item in dialog.lines]
    assert first in planned, "the missed line comes back today"
    assert third not in planned, "the easy one rests"
    assert feature.part[5].line_id in planned, "the new lines are brought in"
    assert dialog.summary.text().startswith(f"{len(planned)} lines today")
    assert dialog.cue.text() == "JOHN: You're late again."
    for _ in planned:
        journey.key(Qt.Key.Key_Space, widget=dialog)
        journey.key(Qt.Key.Key_3, widget=dialog)
    assert dialog.progress.text() == f"Done: {len(planned)} lines run."
    _saved(journey)
    assert [r.rating for r in reread[by_line[first]].reviews] == [Rating.Again, Rating.Good]
    journey.key(Qt.Key.Key_Escape, widget=dialog)
    journey.gone(dialog, "Today's Lines to close")
