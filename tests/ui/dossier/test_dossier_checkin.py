"""The check-in dialog (skippable in one click) and the charts against self-ratings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries, QScatterSeries
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from rehearsal.store.checkins_repo import CheckInRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import CheckInChartData, CheckInPoint, LevelRating
from rehearsal.store.facade import Store
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.ui.dossier.checkin_chart import (
    CheckInChart,
    level_chart,
    timeline_chart,
)
from rehearsal.ui.dossier.checkin_dialog import CheckInDialog
from tests.store.sample_data import START, History, StepClock, add_scripts, record_session

pytestmark = pytest.mark.gui


@pytest.fixture
def repo(store: OpenedDatabase, wall_clock: StepClock) -> CheckInRepository:
    return CheckInRepository(store.engine, now=wall_clock)


def _dialog(
    qtbot: QtBot, repo: CheckInRepository, *, session_id: int | None = None
) -> CheckInDialog:
    dialog = CheckInDialog(repo, session_id=session_id)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def test_skipping_is_one_click_and_stores_nothing(qtbot: QtBot, repo: CheckInRepository) -> None:
    dialog = _dialog(qtbot, repo)
    with qtbot.waitSignal(dialog.skipped, timeout=5000):
        dialog.skip_button.click()
    assert dialog.result() == CheckInDialog.DialogCode.Rejected
    assert dialog.checkin_id is None
    assert repo.recent() == []


def test_escape_skips_too(qtbot: QtBot, repo: CheckInRepository) -> None:
    dialog = _dialog(qtbot, repo)
    dialog.energy.button(3).click()
    with qtbot.waitSignal(dialog.skipped, timeout=5000):
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert repo.recent() == []


def test_nothing_is_preselected_and_saving_needs_both_levels(
    qtbot: QtBot, repo: CheckInRepository, wall_clock: StepClock
) -> None:
    dialog = _dialog(qtbot, repo)
    assert dialog.energy.value() is None
    assert dialog.focus.value() is None
    assert not dialog.save_button.isEnabled()
    dialog.energy.button(2).click()
    assert not dialog.save_button.isEnabled()
    assert dialog.save() is None  # not complete: nothing stored
    dialog.energy.button(4).click()  # changing one's mind is fine
    dialog.focus.button(3).click()
    assert dialog.save_button.isEnabled()
    QTest.keyClicks(dialog.intention, "Listen, then answer")
    with qtbot.waitSignal(dialog.checkedIn, timeout=5000) as blocker:
        dialog.save_button.click()
    assert dialog.result() == CheckInDialog.DialogCode.Accepted
    checkin = repo.get(blocker.args[0])
    assert checkin is not None
    assert (checkin.energy, checkin.focus, checkin.intention) == (4, 3, "Listen, then answer")
    assert checkin.taken_at == wall_clock.now
    assert dialog.checkin_id == checkin.id


def test_a_check_in_attaches_to_the_session_that_follows(
    qtbot: QtBot, repo: CheckInRepository, store: OpenedDatabase, wall_clock: StepClock
) -> None:
    dialog = _dialog(qtbot, repo)
    dialog.energy.button(5).click()
    dialog.focus.button(5).click()
    checkin_id = dialog.save()
    assert checkin_id is not None
    history = History(scripts=add_scripts(store.engine, wall_clock))
    recorder = SessionRecorder(store.engine, now=wall_clock)
    session_id = record_session(
        recorder, wall_clock, history, history.scripts["Night Shift"], "NINA", "drill", 1, score=4
    )
    repo.attach_session(checkin_id, session_id)
    data = Store(store).checkin_chart_data()
    assert [(p.session_id, p.mean_rating) for p in data.points] == [(session_id, 4.0)]
    assert [(lv.measure, lv.level, lv.mean_rating) for lv in data.levels] == [
        ("energy", 5, 4.0),
        ("focus", 5, 4.0),
    ]


def test_a_save_that_fails_keeps_the_dialog_open_with_the_reason(
    qtbot: QtBot, repo: CheckInRepository
) -> None:
    dialog = _dialog(qtbot, repo, session_id=404)
    dialog.energy.button(1).click()
    dialog.focus.button(1).click()
    dialog.save_button.click()
    assert dialog.isVisible()
    assert not dialog.error.isHidden()
    assert "no rehearsal session 404" in dialog.error.text()
    assert repo.recent() == []


POINTS = (
    CheckInPoint(1, START, 2, 3, 10, 2.5, 2),
    CheckInPoint(2, START + timedelta(days=2), 5, 4, 11, 4.0, 1),
    CheckInPoint(3, START + timedelta(days=3), 3, 3, None, None, 0),
)


def test_the_timeline_draws_energy_focus_and_ratings(qtbot: QtBot) -> None:
    chart = timeline_chart(POINTS)
    lines = {s.name(): s for s in chart.series() if isinstance(s, QLineSeries)}
    (dots,) = [s for s in chart.series() if isinstance(s, QScatterSeries)]
    assert [p.y() for p in lines["Energy"].points()] == [2, 5, 3]
    assert [p.y() for p in lines["Focus"].points()] == [3, 4, 3]
    assert [p.y() for p in dots.points()] == [2.5, 4.0]  # the unrated session has no dot
    assert "no check-ins" in timeline_chart(()).title()


def test_the_level_chart_shows_the_mean_rating_per_level(qtbot: QtBot) -> None:
    levels = (
        LevelRating("energy", 2, 2.5, 1),
        LevelRating("energy", 5, 4.0, 1),
        LevelRating("focus", 3, 2.5, 1),
    )
    chart = level_chart(levels)
    (series,) = chart.series()
    assert isinstance(series, QBarSeries)
    energy, focus = series.barSets()
    assert [energy.at(i) for i in range(5)] == [0.0, 2.5, 0.0, 0.0, 4.0]
    assert [focus.at(i) for i in range(5)] == [0.0, 0.0, 2.5, 0.0, 0.0]
    assert "no rated sessions" in level_chart(()).title()


def test_the_chart_widget_replaces_its_charts(qtbot: QtBot) -> None:
    widget = CheckInChart()
    qtbot.addWidget(widget)
    empty = widget.timeline_view.chart()
    assert "no check-ins" in empty.title()
    widget.show_data(CheckInChartData(POINTS, (LevelRating("energy", 5, 4.0, 1),)))
    assert widget.timeline_view.chart() is not empty
    assert widget.timeline_view.chart().title() == "Check-ins and self-ratings"
    assert widget.level_view.chart().title() == "Self-rating by how you checked in"
