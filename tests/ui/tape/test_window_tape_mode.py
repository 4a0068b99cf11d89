"""Callback ▸ Self-Tape in the main window: its key, and what a take is filed under."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.script.loader import parse_bytes
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import AuditionDetails
from rehearsal.store.facade import Store
from rehearsal.ui.app import create_main_window
from rehearsal.ui.tape.tape_mode import SELF_TAPE_KEY, audition_for_script
from rehearsal.ui.tape.tape_prefs import TapePreferences

pytestmark = pytest.mark.gui

SCENE = b"Title: Keys\n\nINT. KITCHEN - NIGHT\n\nANNA\nYou came back.\n\nBOB\nI forgot my keys.\n"


def test_self_tape_is_in_the_callback_menu_with_a_key_of_its_own(
    qtbot: QtBot, paths: Paths
) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    action = window.tape.action_self_tape
    menus = {
        m.title().replace("&", ""): m
        for m in window.menuBar().findChildren(type(window.rehearse_menu))
    }
    assert action in menus["Callback"].actions()
    assert action.shortcut().toString() == SELF_TAPE_KEY
    keys = [
        a.shortcut().toString()
        for menu in menus.values()
        for a in menu.actions()
        if a is not action and not a.shortcut().isEmpty()
    ]
    assert SELF_TAPE_KEY not in keys


def test_the_take_is_for_the_audition_linked_to_the_sides(store: OpenedDatabase) -> None:
    facade = Store(store)
    script_id = facade.import_script(parse_bytes(SCENE, ".fountain"), "keys.fountain", SCENE)
    soon = datetime.now(UTC) + timedelta(days=1)
    later = soon + timedelta(days=5)
    facade.auditions.create(AuditionDetails(project_title="Other", role="Eve"))  # not linked
    first = facade.auditions.create(
        AuditionDetails(project_title="Keys (pilot)", role="Bob", self_tape_deadline=later)
    )
    second = facade.auditions.create(
        AuditionDetails(project_title="Keys (film)", role="Bob", self_tape_deadline=soon)
    )
    assert audition_for_script(facade, script_id) is None
    facade.auditions.link_script(first, script_id)
    facade.auditions.link_script(second, script_id)
    found = audition_for_script(facade, script_id)
    assert found is not None
    assert found.id == second  # the nearest self-tape deadline


def test_the_slate_and_the_take_name_the_part_and_the_project(qtbot: QtBot, paths: Paths) -> None:
    window = create_main_window(paths)
    qtbot.addWidget(window)
    mode = window.tape
    info = mode.take_info(audio_only=False)
    assert (info.script_title, info.role, info.audition_id) == (None, None, None)
    prefs = TapePreferences(actor_name="Maya Okafor", agency="Blue Door", height="5'6\"")
    slate = mode.slate_info(prefs)
    assert slate.name == "Maya Okafor"
    assert slate.missing() == ["role", "project"]
