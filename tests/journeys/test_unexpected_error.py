"""A slot that fails: the actor is told what did not happen, can open the log, and goes on."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from rehearsal.ui.error_report import current_reporter
from rehearsal.ui.history.history_window import HistoryWindow
from tests.journeys.harness import Journey

pytestmark = pytest.mark.gui


class FileOpener(QObject):
    """Stands where the desktop's file viewer would: records what the app asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(Path(url.toLocalFile()))


def fail_on_purpose() -> None:
    """A slot with a defect in it, standing for any bug a future change could bring."""
    raise RuntimeError("libshiboken: Internal C++ object (HistoryWindow) already deleted.")


def test_an_error_in_a_slot_is_explained_and_the_app_goes_on(journey: Journey) -> None:
    window = journey.launch()
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()
    journey.wait(lambda: journey.find_action("View", "History").isEnabled(), "History enabled")
    journey.find_action("View", "History").triggered.connect(fail_on_purpose)

    with journey.expect_error_report():
        journey.in_main_window()
        journey.shortcut("Ctrl+H")
        box = journey.dialog(QMessageBox, "the error report")
    assert box.icon() is QMessageBox.Icon.Critical
    assert box.text() == "“History” did not finish: a window it was using had already been closed."
    assert "libshiboken" not in box.text() + box.informativeText()
    assert "libshiboken" in box.detailedText(), "the details for a bug report are kept"
    assert str(window.paths.logs) in box.informativeText()

    opener = FileOpener()
    # PySide6 takes the slot's name as a str (bytes are refused); its stub asks for bytes
    QDesktopServices.setUrlHandler("file", opener, cast(bytes, "open"))
    try:
        journey.click(journey.button(box, "Open the Log"))
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opener.opened == [window.paths.logs / "rehearsal.log"]
    journey.gone(box, "the error report to close")
    reporter = current_reporter()
    assert reporter is not None
    assert reporter.box is None

    # The action itself did its part before the defect, and everything else still works.
    history = window.history_window
    assert isinstance(history, HistoryWindow)
    assert history.isVisible()
    history.close()
    journey.in_main_window()
    journey.start_take()
    assert journey.say_my_lines(2) == 2


def test_a_burst_of_errors_gives_one_box_that_counts_them(journey: Journey) -> None:
    journey.launch()
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()
    action = journey.find_action("View", "Zoom In")
    action.triggered.connect(fail_on_purpose)
    with journey.expect_error_report() as seen:
        journey.in_main_window()
        for _ in range(3):  # three presses before the first box is up
            journey.shortcut(action.shortcut().toString())
        box = journey.dialog(QMessageBox, "the error report")
    journey.wait(lambda: "2 more problem(s)" in box.informativeText(), "the count of the others")
    boxes = [text for text in seen if text.startswith("error box")]
    assert len(boxes) == 1, boxes
    journey.key(Qt.Key.Key_Return, widget=box)
    journey.gone(box, "the error report to close")
    journey.start_take()
    assert journey.say_my_lines(1) == 1
