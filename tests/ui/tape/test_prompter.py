"""The one-line prompter: fits long lines, marks the actor's own, hides when asked."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.ui.tape.prompter import LARGEST_PT, SMALLEST_PT, Prompter

pytestmark = pytest.mark.gui


def _prompter(qtbot: QtBot, width: int = 900) -> Prompter:
    prompter = Prompter()
    qtbot.addWidget(prompter)
    prompter.resize(width, prompter.height())
    prompter.show()
    qtbot.waitExposed(prompter)
    return prompter


def test_a_short_line_is_shown_whole_and_large(qtbot: QtBot) -> None:
    prompter = _prompter(qtbot)
    prompter.show_line("TREPLEV", "You came.", own=False)
    assert prompter.text() == "TREPLEV: You came."
    assert prompter.font().pointSizeF() == LARGEST_PT


def test_the_actors_own_line_has_no_name_and_its_own_colour(qtbot: QtBot) -> None:
    prompter = _prompter(qtbot)
    prompter.show_line("TREPLEV", "You came.", own=False)
    partner_style = prompter.styleSheet()
    prompter.show_line("NINA", "I am a seagull.", own=True)
    assert prompter.text() == "I am a seagull."
    assert prompter.styleSheet() != partner_style


def test_a_long_line_shrinks_then_is_elided_but_kept_whole(qtbot: QtBot) -> None:
    prompter = _prompter(qtbot, width=400)
    long_line = "Why do you say you kissed the ground I walked on? " * 4
    prompter.show_line("NINA", long_line, own=True)
    assert prompter.font().pointSizeF() == SMALLEST_PT
    assert prompter.text() != long_line
    assert prompter.text().endswith("…")
    assert prompter.full_text == long_line
    assert prompter.toolTip() == long_line
    prompter.resize(4000, prompter.height())
    qtbot.waitUntil(lambda: prompter.text() == long_line)


def test_hidden_keeps_the_screen_clear(qtbot: QtBot) -> None:
    prompter = _prompter(qtbot)
    prompter.set_place("hidden")
    assert not prompter.isVisible()
    prompter.set_place("top")
    assert prompter.isVisible()
