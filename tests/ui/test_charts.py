"""The chart helpers shared by the history and the dossier windows."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.ui.charts import chart_view, new_chart, replace_chart

pytestmark = pytest.mark.gui


def test_a_replaced_chart_is_freed_and_its_title_describes_the_view(qtbot: QtBot) -> None:
    view = chart_view("Progress")
    qtbot.addWidget(view)
    assert view.accessibleName() == "Progress"
    first = new_chart("Nothing yet")
    replace_chart(view, first)
    assert view.chart() is first
    assert view.accessibleDescription() == "Nothing yet"
    second = new_chart("Minutes per week", legend=True)
    with qtbot.waitSignal(first.destroyed, timeout=5000):
        replace_chart(view, second)
    assert view.chart() is second
    assert view.accessibleDescription() == "Minutes per week"
    assert second.legend().isVisible()
    assert not new_chart("x").legend().isVisible()
