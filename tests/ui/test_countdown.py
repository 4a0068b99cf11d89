"""The cold-read clocks: formatting, counting, and the warning look."""

from __future__ import annotations

import math

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.ui.countdown import ClockMode, CountdownWidget, format_clock


@pytest.mark.parametrize(
    ("seconds", "round_up", "expected"),
    [
        (0.0, False, "00:00"),
        (0.0, True, "00:00"),
        (59.2, True, "01:00"),
        (59.2, False, "00:59"),
        (60.0, True, "01:00"),
        (60.0000001, True, "01:00"),
        (0.01, True, "00:01"),
        (600.0, True, "10:00"),
        (3725.9, False, "1:02:05"),
        (-3.0, True, "00:00"),
        (math.nan, False, "00:00"),
        (math.inf, True, "00:00"),
    ],
)
def test_format_clock(seconds: float, round_up: bool, expected: str) -> None:
    assert format_clock(seconds, round_up=round_up) == expected


@pytest.mark.gui
def test_prep_counts_down_and_turns_to_warning(qtbot: QtBot) -> None:
    widget = CountdownWidget(warning_seconds=10)
    qtbot.addWidget(widget)
    changes: list[bool] = []
    widget.warning_changed.connect(changes.append)
    widget.show_prep(60)
    assert (widget.mode, widget.text(), widget.is_warning()) == (ClockMode.PREP, "01:00", False)
    assert widget.caption.text() == "PREP"
    assert widget.accessibleName() == "Prep time left"
    widget.show_prep(10.4)
    assert (widget.text(), widget.is_warning()) == ("00:11", False)
    widget.show_prep(9.9)
    assert (widget.text(), widget.is_warning()) == ("00:10", True)
    assert "#ffd166" in widget.styleSheet()
    widget.show_prep(0)
    assert (widget.text(), widget.is_warning()) == ("00:00", False)
    assert changes == [True, False]


@pytest.mark.gui
def test_perform_clock_counts_up_without_warning(qtbot: QtBot) -> None:
    widget = CountdownWidget()
    qtbot.addWidget(widget)
    widget.show_prep(5)
    assert widget.is_warning()
    widget.show_perform(75.9)
    assert (widget.mode, widget.text(), widget.is_warning()) == (ClockMode.PERFORM, "01:15", False)
    assert widget.caption.text() == "PERFORM"
    assert widget.accessibleName() == "Perform clock"
    widget.set_warning(True)  # forced by the caller
    assert widget.is_warning()
