"""An audition prepared in its dossier, with a wardrobe photo, kept across a restart."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from rehearsal.ui.dossier.auditions_window import AuditionsWindow
from rehearsal.ui.dossier.dossier_editor import DossierEditor
from rehearsal.ui.dossier.followup_widgets import FollowUpPanel
from tests.journeys.harness import Journey

pytestmark = pytest.mark.gui


def write_photo(path: Path) -> Path:
    """A small outfit photo, as a phone would save it."""
    image = QImage(120, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f5d8a"))
    assert image.save(str(path))
    return path


def open_auditions(journey: Journey) -> AuditionsWindow:
    """Callback ▸ Auditions…, once the history is open."""
    journey.wait(lambda: journey.find_action("Callback", "Auditions").isEnabled(), "Auditions")
    journey.in_main_window()
    journey.menu("Callback", "Auditions")
    return journey.dialog(AuditionsWindow, "the Auditions window")


def editor_on_screen() -> DossierEditor | None:
    """The dossier window the actor is looking at, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, DossierEditor) and widget.isVisible():
            return widget
    return None


def test_audition_with_dossier_and_photo_survives_a_restart(
    journey: Journey, tmp_path: Path
) -> None:
    photo = write_photo(tmp_path / "first-round-outfit.png")
    journey.launch()
    journey.welcome_to_demo()
    journey.choose_role("NINA")
    journey.skip_check_in()

    auditions = open_auditions(journey)
    journey.click(auditions.new_button)
    journey.wait(lambda: editor_on_screen() is not None, "the new dossier")
    editor = editor_on_screen()
    assert editor is not None
    details = editor.details_tab
    journey.type_text("Night Shift", widget=details.project)
    journey.key(Qt.Key.Key_Tab, widget=details.project)
    journey.type_text("Nina", widget=QApplication.focusWidget())
    assert details.role.text() == "Nina", "Tab from Project did not land in Role"
    journey.click(details.scheduled.check)  # the audition is on: tomorrow morning
    for _ in range(2):  # Tab to the date box, then on to Place
        journey.key(Qt.Key.Key_Tab)
    journey.type_text("Studio 4, Leith Walk")
    assert details.location.text() == "Studio 4, Leith Walk", "Tab stopped inside the date box"

    journey.click_tab(editor.tabs, "Wardrobe")
    wardrobe = editor.wardrobe_tab
    wardrobe.first_round.setFocus()
    journey.type_text("Navy jumper, grey trousers", widget=wardrobe.first_round)
    with journey.file_dialog(photo):
        journey.click(wardrobe.choose_button)
    journey.wait(lambda: wardrobe.thumbnail.pixmap().width() > 0, "the photo's thumbnail")
    journey.shot("dossier", editor)
    journey.click(editor.close_button)
    journey.gone(editor, "the dossier to close")
    journey.quit()

    window = journey.launch()
    journey.wait(
        lambda: any("Night Shift" in row.accessibleName() for row in window.home.coming_rows()),
        "the audition under Coming up on the home",
        timeout=30_000,
    )
    # Tomorrow's audition is on the home; no window opens for it (no thank-you is due yet).
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, FollowUpPanel)]

    auditions = open_auditions(journey)
    journey.wait(lambda: auditions.table.model().rowCount() == 1, "the audition listed")
    auditions.table.setFocus()
    journey.key(Qt.Key.Key_Down, widget=auditions.table)
    journey.click(auditions.open_button)
    journey.wait(lambda: editor_on_screen() is not None, "the dossier again")
    editor = editor_on_screen()
    assert editor is not None
    assert editor.details_tab.project.text() == "Night Shift"
    assert editor.details_tab.role.text() == "Nina"
    assert editor.details_tab.location.text() == "Studio 4, Leith Walk"
    assert editor.details_tab.scheduled.value() is not None
    assert editor.wardrobe_tab.first_round.toPlainText() == "Navy jumper, grey trousers"
    assert editor.wardrobe_tab.thumbnail.pixmap().width() > 0

    sheet = tmp_path / "prep" / "night-shift.pdf"
    sheet.parent.mkdir()
    with journey.file_dialog(sheet):
        journey.click(journey.button(editor, "Export PDF…"))
    journey.wait(sheet.exists, "the prep sheet")
    pdf = pypdfium2.PdfDocument(str(sheet))
    try:
        page = pdf[0]
        text = page.get_textpage().get_text_range()
        images = [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
    finally:
        pdf.close()
    assert "Night Shift" in text
    assert "Navy jumper" in text
    assert ".png" not in text, "the photo printed as its path"
    assert images, "the photo is not drawn on the prep sheet"
