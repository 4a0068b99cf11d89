"""Setting up a drill: the choices come back as the plain config the controller builds from."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QRadioButton, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.engine.direction import InjectionMode, NotePolicy
from rehearsal.engine.drill_config import (
    WARNING_SECONDS,
    AdjustmentConfig,
    ColdReadConfig,
    DrillConfig,
)
from rehearsal.notes.deck import load_bundled_deck
from rehearsal.notes.draw import DrawFilter
from rehearsal.notes.note import Category, Level, Note
from rehearsal.ui.drill_setup import DrillKind, DrillSetupDialog

pytestmark = pytest.mark.gui

SCENES = [
    ("1. INT. KITCHEN - NIGHT", "s1"),
    ("2. EXT. PARKING LOT - DAY", "s2"),
    ("3. INT. DINER - LATER", "s3"),
    ("Pages 4-6", "p4-6"),
]
REHEARSED = ["s1", "s3"]


@pytest.fixture(scope="module")
def notes() -> tuple[Note, ...]:
    return load_bundled_deck()


def _dialog(
    qtbot: QtBot,
    *,
    notes: Iterable[Note] = (),
    initial: DrillConfig | None = None,
    recording_problem: str | None = None,
    rng: random.Random | None = None,
) -> DrillSetupDialog:
    dialog = DrillSetupDialog(
        SCENES,
        REHEARSED,
        notes=notes,
        initial=initial,
        recording_problem=recording_problem,
        rng=random.Random(7) if rng is None else rng,
    )
    qtbot.addWidget(dialog)
    dialog.open()  # window-modal at most: the test drives it and it closes on Start
    return dialog


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    """Give ``widget`` the keyboard as a click would, in an active window."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def _start(qtbot: QtBot, dialog: DrillSetupDialog) -> object:
    with qtbot.waitSignal(dialog.config_chosen, timeout=1000) as chosen:
        QTest.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.config() == chosen.args[0]
    return chosen.args[0]


def test_default_adjustment_drill(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.kind() is DrillKind.ADJUSTMENT
    assert dialog.config() is None
    assert _start(qtbot, dialog) == AdjustmentConfig()


def test_adjustment_with_mid_scene_notes_and_a_filter(
    qtbot: QtBot, notes: tuple[Note, ...]
) -> None:
    dialog = _dialog(qtbot, notes=notes)
    dialog.takes.setValue(25)  # clamped to the allowed 1-20
    assert dialog.takes.value() == 20
    dialog.takes.setValue(6)
    assert not dialog.probability.isEnabled()
    dialog.mid_scene.click()
    assert dialog.probability.isEnabled()
    dialog.probability.setValue(30)
    for category, box in dialog.filter_box.category_boxes.items():
        box.setChecked(category in (Category.STATUS, Category.SUBTEXT))
    dialog.filter_box.level_boxes[Level.SUBTLE].setChecked(False)
    wanted = DrawFilter(
        frozenset({Category.STATUS, Category.SUBTEXT}), frozenset({Level.MEDIUM, Level.BOLD})
    )
    expected_count = sum(1 for n in notes if wanted.accepts(n))
    assert dialog.filter_box.count_label.text() == f"{expected_count} notes match"
    config = _start(qtbot, dialog)
    assert config == AdjustmentConfig(6, wanted, NotePolicy(InjectionMode.MID_SCENE, 0.3))


def test_a_filter_that_leaves_nothing_cannot_start(qtbot: QtBot, notes: tuple[Note, ...]) -> None:
    dialog = _dialog(qtbot, notes=notes)
    for box in dialog.filter_box.level_boxes.values():
        box.setChecked(False)
    assert not dialog.start_button.isEnabled()
    assert dialog.problem_label.text() == "Tick at least one kind and one size of note."
    assert not dialog.problem_label.isHidden()
    with pytest.raises(ValueError, match="at least one kind"):
        dialog.build_config()
    dialog.filter_box.level_boxes[Level.BOLD].setChecked(True)
    assert dialog.start_button.isEnabled()
    assert dialog.problem_label.isHidden()


def test_a_filter_no_enabled_note_matches_cannot_start(qtbot: QtBot) -> None:
    only = [Note("a", Category.TEMPO, Level.SUBTLE, "Faster.")]
    dialog = _dialog(qtbot, notes=only)
    dialog.filter_box.category_boxes[Category.TEMPO].setChecked(False)
    assert dialog.filter_box.count_label.text() == "0 notes match"
    assert "No enabled note matches" in dialog.problem_label.text()
    dialog.filter_box.category_boxes[Category.TEMPO].setChecked(True)
    assert dialog.filter_box.count_label.text() == "1 note matches"


def test_unrehearsed_scenes_are_marked_and_the_first_fresh_one_is_chosen(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.select_kind(DrillKind.COLD_READ)
    items = [dialog.scene_list.topLevelItem(i) for i in range(len(SCENES))]
    assert [item.text(1) for item in items if item is not None] == [
        "yes",
        "not yet",
        "yes",
        "not yet",
    ]
    current = dialog.scene_list.currentItem()
    assert current is not None
    assert current.text(0) == "2. EXT. PARKING LOT - DAY"


def test_cold_read_of_a_chosen_scene(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.select_kind(DrillKind.COLD_READ)
    assert dialog.prep.text() == "1:00"  # a minute by default
    last = dialog.scene_list.topLevelItem(3)
    assert last is not None
    dialog.scene_list.setCurrentItem(last)
    dialog.prep.setValue(150)
    dialog.hide_page.setChecked(False)
    dialog.second_take.setChecked(False)
    assert not dialog.filter_box.isEnabled()  # no second take: no note to filter
    config = _start(qtbot, dialog)
    assert isinstance(config, ColdReadConfig)
    assert (config.scene, config.label) == ("p4-6", "Pages 4-6")
    assert config.prep_seconds == 150
    assert config.settings.warning_seconds == WARNING_SECONDS
    assert (config.hide_page, config.second_take, config.warning_tone) == (False, False, True)
    assert not config.picked_at_random


def test_prep_is_limited_to_ten_minutes_and_short_prep_has_no_tone(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.select_kind(DrillKind.COLD_READ)
    dialog.prep.setValue(1800)
    assert dialog.prep_seconds() == 600
    dialog.prep.setValue(8)
    assert not dialog.tone.isEnabled()
    config = _start(qtbot, dialog)
    assert isinstance(config, ColdReadConfig)
    assert (config.prep_seconds, config.warning_tone) == (8, False)


def test_random_pick_is_an_unrehearsed_scene(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, rng=random.Random(3))
    dialog.select_kind(DrillKind.COLD_READ)
    dialog.random_scene.click()
    assert not dialog.scene_list.isEnabled()
    picks: Counter[object] = Counter()
    for _ in range(40):
        config = dialog.build_config()
        assert isinstance(config, ColdReadConfig)
        assert config.picked_at_random
        assert dict(SCENES)[config.label] == config.scene
        picks[config.scene] += 1
    assert set(picks) == {"s2", "p4-6"}  # only the fresh ones, both of them


def test_random_pick_falls_back_to_any_scene_once_all_are_rehearsed(qtbot: QtBot) -> None:
    dialog = DrillSetupDialog(SCENES, [v for _, v in SCENES], rng=random.Random(1))
    qtbot.addWidget(dialog)
    dialog.select_kind(DrillKind.COLD_READ)
    dialog.random_scene.setChecked(True)
    config = dialog.build_config()
    assert isinstance(config, ColdReadConfig)
    assert config.scene in {v for _, v in SCENES}


def test_cold_read_without_scenes_explains_why_it_cannot_start(qtbot: QtBot) -> None:
    dialog = DrillSetupDialog([], [])
    qtbot.addWidget(dialog)
    dialog.select_kind(DrillKind.COLD_READ)
    assert not dialog.start_button.isEnabled()
    assert "import a script" in dialog.problem_label.text()
    dialog.select_kind(DrillKind.ADJUSTMENT)  # the adjustment drill runs on the open scene
    assert dialog.start_button.isEnabled()


def test_recording_is_offered_only_with_a_microphone(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, recording_problem="No microphone was found.")
    assert not dialog.record.isEnabled()
    assert "No microphone was found" in dialog.record.text()
    dialog.record.setChecked(True)
    config = dialog.build_config()
    assert isinstance(config, AdjustmentConfig)
    assert not config.record_audio
    ready = _dialog(qtbot)
    ready.record.setChecked(True)
    assert _start(qtbot, ready) == AdjustmentConfig(record_audio=True)


def test_previous_choices_are_shown_again(qtbot: QtBot) -> None:
    earlier = AdjustmentConfig(
        9, DrawFilter.of(["style"], [2]), NotePolicy(InjectionMode.MID_SCENE, 0.8), True
    )
    dialog = _dialog(qtbot, initial=earlier)
    assert dialog.build_config() == earlier
    cold = ColdReadConfig.with_preferences(
        "s3", "3. INT. DINER - LATER", {"prep_seconds": 45, "hide_page": False}
    )
    again = _dialog(qtbot, initial=cold)
    assert again.kind() is DrillKind.COLD_READ
    assert again.build_config() == cold


def test_cancel_gives_no_config(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    chosen: list[object] = []
    dialog.config_chosen.connect(chosen.append)
    dialog.buttons.rejected.emit()
    assert not dialog.isVisible()
    assert dialog.config() is None
    assert chosen == []


def test_every_input_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    inputs: list[QWidget] = [dialog, dialog.tabs, dialog.start_button]
    for kind in (QCheckBox, QRadioButton, QAbstractSpinBox, QTreeWidget):
        inputs += dialog.findChildren(kind)
    assert len(inputs) > 20
    assert [w for w in inputs if not w.accessibleName()] == []


@pytest.mark.parametrize(
    ("typed", "seconds", "shown"),
    [
        ("15", 15, "0:15"),
        ("0:15", 15, "0:15"),
        ("1:30", 90, "1:30"),
        ("2", 120, "2:00"),
        ("45 s", 45, "0:45"),
        ("2 min", 120, "2:00"),
    ],
)
def test_a_typed_prep_time_is_taken(qtbot: QtBot, typed: str, seconds: int, shown: str) -> None:
    dialog = _dialog(qtbot)
    dialog.select_kind(DrillKind.COLD_READ)
    _focus(qtbot, dialog.prep)
    QTest.keyClick(dialog.prep, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.prep, typed)
    QTest.keyClick(dialog.prep, Qt.Key.Key_Tab)
    assert not dialog.prep.hasFocus()
    assert dialog.prep_seconds() == seconds
    assert dialog.prep.text() == shown
    config = _start(qtbot, dialog)
    assert isinstance(config, ColdReadConfig)
    assert config.prep_seconds == seconds


def test_a_prep_time_beyond_ten_minutes_cannot_be_typed(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.select_kind(DrillKind.COLD_READ)
    _focus(qtbot, dialog.prep)
    QTest.keyClick(dialog.prep, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.prep, "6000")  # the last 0 would make it 100 minutes
    QTest.keyClick(dialog.prep, Qt.Key.Key_Tab)
    assert dialog.prep_seconds() == 600
    QTest.keyClick(dialog.prep, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.prep, "soon")
    QTest.keyClick(dialog.prep, Qt.Key.Key_Tab)
    assert dialog.prep_seconds() == 600  # not a time: the box keeps the last one


def test_the_arrow_keys_step_the_prep_by_fifteen_seconds(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    dialog.select_kind(DrillKind.COLD_READ)
    _focus(qtbot, dialog.prep)
    QTest.keyClick(dialog.prep, Qt.Key.Key_Up)
    assert dialog.prep.text() == "1:15"
    QTest.keyClick(dialog.prep, Qt.Key.Key_Down)
    QTest.keyClick(dialog.prep, Qt.Key.Key_Down)
    assert dialog.prep_seconds() == 45


def test_the_page_is_covered_while_a_cold_read_is_being_set_up(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    covers: list[bool] = []
    dialog.page_cover_changed.connect(covers.append)
    assert not dialog.covers_page()  # an adjustment drill runs on the page the actor knows
    dialog.select_kind(DrillKind.COLD_READ)
    assert dialog.covers_page()
    dialog.hide_page.click()  # the actor does not mind seeing it
    assert not dialog.covers_page()
    dialog.hide_page.click()
    assert covers == [True, False, True]


def _blank_below(page: QWidget) -> int:
    """Pixels of the page below its lowest visible child: an empty band if large."""
    bottoms = [
        child.geometry().bottom()
        for child in page.findChildren(QWidget)
        if child.parentWidget() is page and child.isVisible()
    ]
    return page.height() - 1 - max(bottoms)


def _switch_tab(qtbot: QtBot, dialog: DrillSetupDialog, index: int) -> None:
    bar = dialog.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


@pytest.mark.parametrize("scenes", [SCENES, [(f"Scene {n}", n) for n in range(40)]])
def test_the_setup_has_no_empty_band_on_either_tab(
    qtbot: QtBot, notes: tuple[Note, ...], scenes: list[tuple[str, object]]
) -> None:
    dialog = DrillSetupDialog(scenes, REHEARSED, notes=notes, rng=random.Random(7))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    line = dialog.fontMetrics().height()
    screen = dialog.screen().availableGeometry()

    def fitted() -> bool:
        # Qt sizes a window to its hint, but to at most 2/3 of the screen (adjustSize).
        wanted = min(dialog.sizeHint().height(), screen.height() * 2 // 3)
        return abs(dialog.height() - wanted) <= 4

    for index in (0, 1, 0, 1):
        _switch_tab(qtbot, dialog, index)
        page = dialog.tabs.currentWidget()
        qtbot.waitUntil(fitted, timeout=2000)
        assert _blank_below(page) <= 2 * line, f"tab {index}: {_blank_below(page)} px empty"
        assert dialog.width() <= dialog.sizeHint().width() + 4
    # The scene list shows a few scenes without a blank field, and scrolls through many.
    view = dialog.scene_list
    rows = view.topLevelItemCount()
    row = view.sizeHintForRow(0)
    shown = (view.viewport().height()) // row
    assert shown >= min(rows, 4)
    if rows <= 8:
        assert shown <= rows + 1, f"{shown} rows of room for {rows} scenes"
    else:
        assert view.verticalScrollBar().isVisible()
