"""Rehearsal time in words, as the home and the history's strip show it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from rehearsal.home.digest import WeekTotals
from rehearsal.ui.home.words import duration_words, week_words

pytestmark = pytest.mark.gui


def test_durations(qapp: QApplication) -> None:
    assert [duration_words(s) for s in (0, 29, 45 * 60, 3900, -5)] == [
        "0 min",
        "0 min",
        "45 min",
        "1 h 05 min",
        "0 min",
    ]


def test_weeks(qapp: QApplication) -> None:
    assert (
        week_words(WeekTotals(3000, 900, 2, 1))
        == "50 min in 2 sessions this week · 15 min last week"
    )
    assert week_words(WeekTotals(600, 0, 1, 0)) == "10 min in 1 session this week · 0 min last week"
    assert week_words(WeekTotals(0, 4000, 0, 3)) == "Nothing yet this week · 1 h 07 min last week"
