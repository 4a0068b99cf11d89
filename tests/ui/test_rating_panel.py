"""The inline self-rating: buttons and keys 1-5, a one-line comment, Skip, one answer per take."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rehearsal.engine.timing import Rating
from rehearsal.ui.rating_panel import RatingPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """A window for the panel, as the rehearsal screen will be: keys act window-wide."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(640, 240)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def panel(host: QWidget) -> RatingPanel:
    return RatingPanel(host)


def test_starts_hidden_and_shows_the_note_being_rated(panel: RatingPanel) -> None:
    assert not panel.isVisible()
    assert panel.take is None
    panel.ask(2, "Play it like you're hiding something.")
    assert panel.isVisible()
    assert panel.take == 2
    assert panel.title.text() == "Did you commit to the note?"
    assert panel.note_label.text() == "Take 2 — “Play it like you're hiding something.”"
    panel.ask(3)
    assert panel.note_label.text() == "Take 3 — no note"


def test_clicking_a_score_rates_with_the_comment(qtbot: QtBot, panel: RatingPanel) -> None:
    panel.ask(1, "Angrier.")
    QTest.keyClicks(panel.comment, "  lost it   halfway ")
    with qtbot.waitSignal(panel.rated, timeout=1000) as signal:
        QTest.mouseClick(panel.score_buttons[4], Qt.MouseButton.LeftButton)
    assert signal.args == [Rating(4, "lost it halfway")]
    assert not panel.isVisible()
    assert not panel.is_waiting()


def test_number_keys_rate_while_the_panel_is_shown(qtbot: QtBot, panel: RatingPanel) -> None:
    panel.ask(1, "Smaller, it's a close-up.")
    with qtbot.waitSignal(panel.rated, timeout=1000) as signal:
        QTest.keyClick(panel.window(), Qt.Key.Key_2)
    assert signal.args == [Rating(2, None)]


def test_digits_typed_in_the_comment_stay_in_the_comment(qtbot: QtBot, panel: RatingPanel) -> None:
    panel.ask(1, "Faster.")
    ratings: list[object] = []
    panel.rated.connect(ratings.append)
    panel.comment.setFocus()
    QTest.keyClicks(panel.comment, "take 3 was better")
    assert panel.comment.text() == "take 3 was better"
    assert ratings == []
    QTest.keyClick(panel.comment, Qt.Key.Key_Return)  # Enter hands the keys back
    with qtbot.waitSignal(panel.rated, timeout=1000) as signal:
        QTest.keyClick(panel.window(), Qt.Key.Key_5)
    assert signal.args == [Rating(5, "take 3 was better")]


def test_skip_answers_none(qtbot: QtBot, panel: RatingPanel) -> None:
    panel.ask(4, "It's freezing.")
    with qtbot.waitSignal(panel.rated, timeout=1000) as signal:
        QTest.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)
    assert signal.args == [None]


def test_answers_once_per_take(qtbot: QtBot, panel: RatingPanel) -> None:
    ratings: list[object] = []
    panel.rated.connect(ratings.append)
    panel.ask(1, "Angrier.")
    panel.score_buttons[3].click()
    panel.score_buttons[1].click()  # a double click must not rate the next take
    QTest.keyClick(panel.window(), Qt.Key.Key_4)  # the panel is hidden: keys do nothing
    assert ratings == [Rating(3, None)]
    panel.ask(2, "Again, but whisper.")
    assert panel.comment.text() == ""
    panel.score_buttons[1].click()
    assert ratings == [Rating(3, None), Rating(1, None)]


def test_cancel_hides_without_answering(qtbot: QtBot, panel: RatingPanel) -> None:
    ratings: list[object] = []
    panel.rated.connect(ratings.append)
    panel.ask(1, "Angrier.")
    panel.cancel()
    QTest.keyClick(panel.window(), Qt.Key.Key_3)
    assert ratings == []
    assert not panel.isVisible()


def test_every_control_has_an_accessible_name(panel: RatingPanel) -> None:
    assert panel.accessibleName() == "Rate your take"
    names = [b.accessibleName() for b in panel.score_buttons.values()]
    assert names[0] == "Rate 1: Not at all"
    assert names[4] == "Rate 5: Completely"
    assert panel.comment.accessibleName()
    assert panel.skip_button.accessibleName()
