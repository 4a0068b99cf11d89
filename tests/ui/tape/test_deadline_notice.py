"""The self-tape deadline on screen: the notice at start, its countdown, once a day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rehearsal.home.deadlines import TapeDeadline, time_left
from rehearsal.home.digest import Upcoming
from rehearsal.paths import Paths
from rehearsal.store.dossier_records import (
    Audition,
    AuditionDetails,
    AuditionRound,
    FollowUpState,
)
from rehearsal.store.facade import Store
from rehearsal.ui.dossier.auditions_model import COL_WHEN, AuditionTableModel
from rehearsal.ui.dossier.details_tab import DetailsTab
from rehearsal.ui.home.home_page import HomePage
from rehearsal.ui.tape.deadline_notice import (
    SHOWN_KEY,
    DeadlineBanner,
    DeadlineNotice,
    time_left_words,
)
from tests.store.sample_data import StepClock

pytestmark = pytest.mark.gui

NOW = datetime(2026, 12, 8, 20, 0, tzinfo=UTC)
TAPE = AuditionDetails(
    project_title="Night Shift",
    role="Nina",
    round=AuditionRound.SELF_TAPE,
    self_tape_deadline=NOW + timedelta(days=1, hours=6),
)


def _audition(details: AuditionDetails = TAPE, number: int = 1) -> Audition:
    return Audition(number, details, FollowUpState(), NOW, NOW)


@pytest.fixture
def tape_store(paths: Paths) -> Iterator[Store]:
    from rehearsal.store.startup import open_store

    opened = open_store(paths, now=lambda: NOW)
    store = Store(opened, now=lambda: NOW)
    yield store
    opened.close()


def test_words_count_down_in_two_units() -> None:
    assert time_left_words(time_left(NOW + timedelta(days=1, hours=6, minutes=5), NOW)) == (
        "1 day 6 hours left"
    )
    assert time_left_words(time_left(NOW + timedelta(days=2), NOW)) == "2 days left"
    assert time_left_words(time_left(NOW + timedelta(hours=5, minutes=12), NOW)) == (
        "5 hours 12 minutes left"
    )
    assert time_left_words(time_left(NOW + timedelta(minutes=1, seconds=30), NOW)) == (
        "1 minute left"
    )
    assert time_left_words(time_left(NOW + timedelta(seconds=20), NOW)) == "1 minute left"
    assert time_left_words(time_left(NOW, NOW)) == "the deadline has passed"


def test_banner_ticks_down_and_opens_the_audition(qtbot: QtBot) -> None:
    clock = StepClock(NOW)
    banner = DeadlineBanner(now=clock)
    qtbot.addWidget(banner)
    banner.set_deadlines([TapeDeadline(_audition(), NOW + timedelta(days=1, hours=6))])
    (row,) = banner.rows()
    assert "Night Shift (Nina)" in row.text()
    assert row.text().endswith("1 day 6 hours left")
    clock.advance(2 * 3600)
    banner.tick()
    assert row.text().endswith("1 day 4 hours left")
    with qtbot.waitSignal(banner.audition_requested) as opened:
        QTest.mouseClick(row, Qt.MouseButton.LeftButton)
    assert opened.args == [1]


def test_notice_shows_once_a_day_and_dismisses(
    qtbot: QtBot, tmp_path: Path, tape_store: Store
) -> None:
    tape_store.auditions.create(TAPE)
    tape_store.auditions.create(  # a week away: not yet worth a notice
        AuditionDetails(project_title="Far", self_tape_deadline=NOW + timedelta(days=7))
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    notice = DeadlineNotice(window, settings, now=lambda: NOW)
    with qtbot.waitSignal(notice.checked, timeout=5000) as checked:
        notice.check(tape_store)
    assert checked.args == [1]
    assert notice.bar is not None
    assert notice.bar.isVisible()
    assert notice.banner is not None
    assert [r.text().split(" due ")[0] for r in notice.banner.rows()] == [
        "Self-tape for Night Shift (Nina)"
    ]
    assert settings.value(SHOWN_KEY) == "2026-12-08"
    with qtbot.waitSignal(notice.open_audition) as opened:
        notice.banner.rows()[0].click()
    assert opened.args == [1]
    notice.banner.dismiss_button.click()
    assert not notice.bar.isVisible()
    notice.shutdown()

    again = DeadlineNotice(window, settings, now=lambda: NOW + timedelta(hours=3))
    with qtbot.waitSignal(again.checked, timeout=5000) as checked:
        again.check(tape_store)
    assert checked.args == [0]  # the same day: quiet
    assert again.bar is None
    again.shutdown()

    tomorrow = DeadlineNotice(window, settings, now=lambda: NOW + timedelta(days=1))
    with qtbot.waitSignal(tomorrow.checked, timeout=5000) as checked:
        tomorrow.check(tape_store)
    assert checked.args == [1]
    tomorrow.shutdown()


def test_details_tab_counts_the_deadline_down(qtbot: QtBot) -> None:
    clock = StepClock(NOW)
    tab = DetailsTab(now=clock)
    qtbot.addWidget(tab)
    tab.show()
    tab.load(TAPE)
    assert tab.deadline_left.isVisible()
    assert tab.deadline_left.text() == "1 day 6 hours left"
    clock.advance(7 * 3600)
    tab.show_time_left()
    assert tab.deadline_left.text() == "23 hours left"
    assert tab.deadline_left.property("look") == "error"  # under a day: a warning
    tab.deadline.check.setChecked(False)  # no deadline: no countdown
    assert not tab.deadline_left.isVisible()


def test_the_countdown_sits_right_under_the_deadline_in_a_tall_window(qtbot: QtBot) -> None:
    tab = DetailsTab(now=StepClock(NOW))
    qtbot.addWidget(tab)
    tab.resize(980, 900)  # taller than the fields need: the lists beside them set the height
    tab.show()
    tab.load(TAPE)
    qtbot.waitUntil(tab.deadline_left.isVisible)
    line = tab.deadline_left.fontMetrics().lineSpacing()
    assert tab.deadline_left.height() <= 2 * line
    below = tab.casting_director.mapTo(tab, tab.casting_director.rect().topLeft()).y()
    under = tab.deadline_left.mapTo(tab, tab.deadline_left.rect().bottomLeft()).y()
    assert below - under <= 3 * line  # the next field follows; no gap opens between them


def test_auditions_list_counts_the_deadline_down(qtmodeltester: ModelTester) -> None:
    clock = StepClock(NOW)
    model = AuditionTableModel(now=clock)
    model.set_auditions([_audition()])
    text = model.data(model.index(0, COL_WHEN))
    assert text.startswith("tape due ")
    assert text.endswith("1 day 6 hours left")
    clock.advance(3600)
    with_signal: list[object] = []
    model.dataChanged.connect(lambda *args: with_signal.append(args))
    model.tick()
    assert with_signal
    assert model.data(model.index(0, COL_WHEN)).endswith("1 day 5 hours left")
    qtmodeltester.check(model)


def test_home_rows_tick_without_reading_the_history(qtbot: QtBot) -> None:
    from rehearsal.home.digest import HomeDigest, NextStep, StepKind, WeekTotals

    clock = StepClock(NOW)
    home = HomePage()
    qtbot.addWidget(home)
    home.now = clock
    home.tz = UTC
    due = NOW + timedelta(days=1, hours=6)
    headline = "Night Shift — self-tape due (Nina)"
    item = Upcoming(_audition(), headline, "x", "self-tape due", True, None, due)
    home.show_digest(
        HomeDigest((item,), (), (), WeekTotals(0, 0, 0, 0), NextStep(StepKind.DEMO, "Try"))
    )
    (row,) = home.coming_rows()
    assert row.text() == "Night Shift — self-tape due (Nina)\nx to go"
    clock.at(NOW + timedelta(days=1, hours=4))
    home.tick_countdowns()
    assert row.text() == "Night Shift — self-tape due (Nina)\nToday 02:00 — 2 hours to go"
