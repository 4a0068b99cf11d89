"""Dates in the auditions windows follow the locale, not a format fixed in the code."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from rehearsal.store.dossier_records import Audition, AuditionDetails, FollowUpState
from rehearsal.store.records import SessionMode, SessionSummary
from rehearsal.ui.dossier.auditions_model import thank_you_text, when_text
from rehearsal.ui.dossier.details_tab import DetailsTab
from tests.store.sample_data import START
from tests.ui.dossier.support import CALLBACK

pytestmark = pytest.mark.gui

MOMENT = datetime(2026, 12, 7, 17, 5, tzinfo=UTC)


@pytest.fixture(autouse=True)
def british() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def _local(fmt: str) -> str:
    return MOMENT.astimezone().strftime(fmt)


def _audition(details: AuditionDetails, follow_up: FollowUpState | None = None) -> Audition:
    return Audition(1, details, follow_up or FollowUpState(), START, START)


def test_the_auditions_list_uses_the_short_date(qtbot: QtBot) -> None:
    booked = _audition(replace(CALLBACK, scheduled_at=MOMENT))
    assert when_text(booked) == _local("%d/%m/%Y %H:%M")
    tape = _audition(replace(CALLBACK, scheduled_at=None, self_tape_deadline=MOMENT))
    assert when_text(tape) == "tape due " + _local("%d/%m/%Y %H:%M")
    sent = _audition(CALLBACK, FollowUpState(thank_you_sent_at=MOMENT))
    assert thank_you_text(sent) == "sent " + _local("%d/%m/%Y")


def test_the_sessions_to_link_use_the_short_date(qtbot: QtBot) -> None:
    tab = DetailsTab()
    qtbot.addWidget(tab)
    summary = SessionSummary(
        id=7,
        script_id=1,
        script_title="Night Shift",
        role="NINA",
        mode=SessionMode.DRILL,
        scene_index=None,
        started_at=MOMENT,
        ended_at=MOMENT,
        duration_s=60.0,
        take_count=1,
        line_count=3,
        skipped_count=0,
        mean_response_s=1.0,
        mean_rating=None,
    )
    tab.set_sessions([summary], set())
    item = tab.sessions.item(0)
    assert item is not None
    assert item.text().startswith(_local("%a %d/%m/%Y %H:%M") + " · Night Shift")
