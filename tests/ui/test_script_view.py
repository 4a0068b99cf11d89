"""Following the run on the page: the current line sits in the upper third, wholly seen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from rehearsal.ui.script_view import ElementKey, ScriptView
from tests.engine.builders import dlg, long_script, scene, script

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot: QtBot) -> ScriptView:
    widget = ScriptView()
    qtbot.addWidget(widget)
    widget.resize(700, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _on_screen(view: ScriptView, key: ElementKey) -> QRectF:
    """Where the element is, in viewport pixels."""
    rect = view.element_rect(key)
    return rect.translated(0, -view.verticalScrollBar().value())


def _assert_in_upper_third(view: ScriptView, key: ElementKey) -> None:
    rect = _on_screen(view, key)
    height = view.viewport().height()
    assert 0 <= rect.top() <= height / 3, (rect, height)
    assert rect.bottom() <= height, (rect, height)


def test_the_current_line_is_kept_in_the_upper_third(view: ScriptView) -> None:
    view.show_script(long_script(200), "MARY")
    keys = view.element_keys()
    for key in (keys[60], keys[61], keys[62], keys[150], keys[20]):
        view.highlight(key)
        _assert_in_upper_third(view, key)


def test_another_script_opens_at_its_top_with_no_line_marked(view: ScriptView) -> None:
    first = long_script(200)
    view.show_script(first, "MARY")
    view.highlight(view.element_keys()[150])
    assert view.verticalScrollBar().value() > 0
    view.show_script(first, "MARY")  # the same script with a role chosen: it stays put
    assert view.verticalScrollBar().value() > 0
    view.show_script(long_script(120), "MARY")
    assert view.verticalScrollBar().value() == 0
    assert view.extraSelections() == []
    assert view.current() is None


def test_the_last_lines_also_reach_the_upper_third(view: ScriptView) -> None:
    view.show_script(long_script(200), "MARY")
    last = view.element_keys()[-1]
    view.highlight(last)
    _assert_in_upper_third(view, last)


def test_a_speech_longer_than_the_view_starts_at_the_top(view: ScriptView) -> None:
    speech = " ".join(["A speech that goes on and on for the whole of the page."] * 60)
    view.show_script(
        script(scene(*[dlg("JOHN", f"Line {i}.") for i in range(30)], dlg("MARY", speech))),
        "MARY",
    )
    last = view.element_keys()[-1]
    view.highlight(last)
    rect = _on_screen(view, last)
    assert 0 <= rect.top() <= 40  # as much of it as fits, from its first word


def test_a_page_laid_out_while_hidden_fits_the_width_it_is_shown_at(qtbot: QtBot) -> None:
    """The rehearsal screen is built hidden, at whatever size, and shown later beside the
    options panel: the page must wrap to the width it is shown at, with nothing cut off
    behind a sideways scroll bar."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from rehearsal.paths import resources_dir
    from rehearsal.script.loader import load_script

    host = QWidget()
    qtbot.addWidget(host)
    page = ScriptView(host)
    QHBoxLayout(host).addWidget(page)
    host.resize(1400, 700)
    page.show_script(load_script(resources_dir() / "scenes" / "demo-night-shift.fountain"))
    host.resize(760, 560)  # narrower than a printed line of the page, before it is seen
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: page.viewport().width() < 760)
    assert page.horizontalScrollBar().maximum() == 0
