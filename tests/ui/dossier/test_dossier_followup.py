"""The follow-up panel shown at startup, the thank-you editor and the template dialog."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from rehearsal.dossier.thank_you import load_template, template_path
from rehearsal.paths import Paths
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails
from rehearsal.ui.dossier.followup_widgets import FollowUpPanel, show_followups_on_startup
from tests.store.sample_data import START, StepClock

pytestmark = pytest.mark.gui

CALL = START + timedelta(days=1)


@pytest.fixture
def repo(store: OpenedDatabase, wall_clock: StepClock) -> AuditionsRepository:
    return AuditionsRepository(store.engine, now=wall_clock)


def _panel(
    qtbot: QtBot, repo: AuditionsRepository, paths: Paths, wall_clock: StepClock
) -> FollowUpPanel:
    panel = FollowUpPanel(repo, paths, now=wall_clock)
    qtbot.addWidget(panel)
    return panel


def test_nothing_is_shown_at_startup_until_something_is_due(
    qtbot: QtBot, repo: AuditionsRepository, paths: Paths, wall_clock: StepClock
) -> None:
    repo.create(AuditionDetails("Night Shift", "Nina", scheduled_at=CALL + timedelta(days=5)))
    assert show_followups_on_startup(repo, paths, now=wall_clock) is None
    wall_clock.at(CALL + timedelta(days=4))  # the audition tomorrow: the home says so
    assert show_followups_on_startup(repo, paths, now=wall_clock) is None
    wall_clock.at(CALL + timedelta(days=5, hours=3))
    panel = show_followups_on_startup(repo, paths, now=wall_clock)
    assert panel is not None
    qtbot.addWidget(panel)
    assert panel.isVisible()
    assert panel.due_count == 1
    assert panel.summary.text().startswith(
        "A thank-you note is due: Night Shift (Nina, first read)"
    )


def test_the_panel_lists_due_notes_and_each_can_be_sent_or_skipped(
    qtbot: QtBot, repo: AuditionsRepository, paths: Paths, wall_clock: StepClock
) -> None:
    first = repo.create(
        AuditionDetails("Night Shift", "Nina", scheduled_at=CALL, casting_director="Priya Shah")
    )
    second = repo.create(
        AuditionDetails("Dawn", "Mae", scheduled_at=CALL + timedelta(days=1), director="Tom")
    )
    wall_clock.at(CALL + timedelta(days=4))
    panel = _panel(qtbot, repo, paths, wall_clock)
    assert panel.list.count() == 2
    assert panel.list.item(0).text().endswith("(overdue)")
    assert panel.editor.audition is not None
    assert panel.editor.audition.id == first  # the longest waiting first
    assert "Dear Priya Shah," in panel.editor.note.toPlainText()
    with qtbot.waitSignal(panel.openDossierRequested, timeout=5000) as opened:
        panel.open_button.click()
    assert opened.args == [first]
    with qtbot.waitSignal(panel.dueCountChanged, timeout=5000) as blocker:
        panel.editor.dismiss_button.click()
    assert blocker.args == [1]
    assert panel.editor.audition is not None
    assert panel.editor.audition.id == second
    assert "pleasure to meet Tom" in panel.editor.note.toPlainText()
    QTest.keyClicks(panel.editor.note, "P.S. ")
    with qtbot.waitSignal(panel.dueCountChanged, timeout=5000) as blocker:
        panel.editor.sent_button.click()  # saves the edited note, then marks it sent
    assert blocker.args == [0]
    stored = repo.get(second)
    assert stored is not None
    assert stored.follow_up.thank_you_sent_at == wall_clock.now
    assert stored.follow_up.thank_you_text.startswith("P.S. Dear casting team,")
    dismissed = repo.get(first)
    assert dismissed is not None
    assert dismissed.follow_up.dismissed_at is not None
    assert panel.summary.text() == "All caught up: no thank-you notes are due."
    assert not panel.open_button.isEnabled()


def test_the_template_dialog_saves_the_wording_and_flags_typos(
    qtbot: QtBot, repo: AuditionsRepository, paths: Paths, wall_clock: StepClock
) -> None:
    repo.create(AuditionDetails("Night Shift", "Nina", scheduled_at=CALL, director="Tom Okafor"))
    wall_clock.at(CALL + timedelta(hours=2))
    panel = _panel(qtbot, repo, paths, wall_clock)
    dialog = panel.editor.edit_template()
    dialog.editor.setPlainText("Thanks {director} for {projct}!")
    assert "{projct}" in dialog.warning.text()
    dialog.editor.setPlainText("Thanks {director} for {project}, {role} was a joy.")
    assert dialog.warning.text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert load_template(template_path(paths)) == (
        "Thanks {director} for {project}, {role} was a joy."
    )
    # The draft was never edited, so it follows the new template at once.
    assert panel.editor.note.toPlainText() == "Thanks Tom Okafor for Night Shift, Nina was a joy."
