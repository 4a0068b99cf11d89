"""History shows what the listening heard: pickup per line and per take, lines to work on."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.paths import resources_dir
from rehearsal.script.loader import load_script, read_script_bytes
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.history_repo import HistoryRepository
from rehearsal.store.scripts_repo import import_script
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.store.stats_repo import line_stats
from rehearsal.ui.history.detail_view import SessionDetailView
from rehearsal.ui.history.line_stats_panel import LineStatsPanel
from tests.ui.pages import cell_text, child_texts

pytestmark = pytest.mark.gui

DEMO = resources_dir() / "scenes" / "demo-night-shift.fountain"


def _history(store: OpenedDatabase) -> tuple[int, int]:
    script = load_script(DEMO)
    script_id = import_script(store.engine, script, DEMO, read_script_bytes(DEMO))
    recorder = SessionRecorder(store.engine)
    session_id = recorder.start_session(script_id, script.characters[0], "rehearse")
    take_id = recorder.start_take(session_id)
    recorder.record_line(take_id, 0, 1, cue_end_s=1.0, actor_done_s=3.0, pickup_s=0.4)
    recorder.record_line(
        take_id,
        0,
        3,
        cue_end_s=5.0,
        actor_done_s=9.0,
        accuracy=0.5,
        differing=["-keys", "door>drawer"],
        complete=False,
        prompts=1,
        pickup_s=2.2,
    )
    recorder.end_take(take_id)
    return script_id, session_id


def test_the_session_detail_shows_pickup_per_line_and_per_take(
    qtbot: QtBot, store: OpenedDatabase
) -> None:
    _script_id, session_id = _history(store)
    view = SessionDetailView()
    qtbot.addWidget(view)
    view.show_detail(HistoryRepository(store.engine).session_detail(session_id))
    take = view.topLevelItem(0)
    assert take is not None
    assert ", pickup 1.3 s, words 50%" in take.text(0)
    lines = child_texts(take)
    assert lines[0].endswith("— 2.00 s · pickup 0.4 s")
    assert lines[1].endswith(
        "— 4.00 s · pickup 2.2 s · 50% of the words · unfinished · 1 prompts"
        " · dropped “keys”, “drawer” for “door”"
    )


def test_lines_to_work_on_lead_the_line_statistics(qtbot: QtBot, store: OpenedDatabase) -> None:
    script_id, _session_id = _history(store)
    panel = LineStatsPanel()
    qtbot.addWidget(panel)
    panel.set_scripts(((script_id, "Night Shift"),), notify=False)
    panel.show_stats(line_stats(store.engine, script_id))
    table = panel.work_table
    assert table.rowCount() == 1  # the line picked up in 0.4 s needs no work
    row = [cell_text(table, 0, c) for c in range(table.columnCount())]
    assert row[0] == "1"
    assert row[2:] == ["1", "50%", "1", "2.2 s", "0"]
