"""The note table: Qt's model checks, what each column shows, the On checkbox, filters, sorting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from rehearsal.notes.deck import NoteDeck
from rehearsal.notes.note import Category, Level, Note
from rehearsal.ui.notes_table_model import (
    COL_CATEGORY,
    COL_ENABLED,
    COL_ID,
    COL_LEVEL,
    COL_ORIGIN,
    COL_SPOKEN,
    COL_TEXT,
    COLUMN_COUNT,
    NOTE_ID_ROLE,
    NotesFilterProxy,
    NotesTableModel,
)

pytestmark = pytest.mark.gui

BUNDLED = [
    Note("emotion-001", Category.EMOTION, Level.BOLD, "Angrier."),
    Note("tempo-001", Category.TEMPO, Level.SUBTLE, "Take your time."),
    Note("circ-001", Category.CIRCUMSTANCES, Level.MEDIUM, "It's 3 a.m.", "Three in the morning."),
    Note("status-001", Category.STATUS, Level.MEDIUM, "You outrank everyone here."),
]


@pytest.fixture
def deck(tmp_path: Path) -> NoteDeck:
    deck = NoteDeck(BUNDLED, tmp_path / "notes.toml")
    deck.add(Category.TEMPO, 3, "Twice as fast, no pauses.")
    deck.edit("status-001", text="You are the lowest in the room.", level=1)
    deck.disable("emotion-001")
    return deck


def _column(model: NotesTableModel | NotesFilterProxy, column: int) -> list[object]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_models_pass_qt_model_checks(
    qtmodeltester: ModelTester, deck: NoteDeck, force_py: bool
) -> None:
    model = NotesTableModel(deck)
    qtmodeltester.check(model, force_py=force_py)
    proxy = NotesFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter(search="a")
    proxy.sort(COL_LEVEL)
    qtmodeltester.check(proxy, force_py=force_py)


def test_columns_show_the_merged_deck(deck: NoteDeck) -> None:
    model = NotesTableModel(deck)
    assert (model.rowCount(), model.columnCount()) == (5, COLUMN_COUNT)
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(COLUMN_COUNT)]
    assert headers == ["On", "Category", "Level", "Note", "Spoken as", "Source", "Id"]
    assert _column(model, COL_ID) == [
        "emotion-001",
        "tempo-001",
        "circ-001",
        "status-001",
        "my-tempo-001",
    ]
    assert _column(model, COL_ORIGIN) == ["Bundled", "Bundled", "Bundled", "Edited", "Mine"]
    assert _column(model, COL_CATEGORY)[2] == "Given circumstances"
    assert _column(model, COL_LEVEL) == ["Bold", "Subtle", "Medium", "Subtle", "Bold"]
    assert _column(model, COL_TEXT)[3] == "You are the lowest in the room."
    assert _column(model, COL_SPOKEN) == ["", "", "Three in the morning.", "", ""]
    checks = [model.index(r, COL_ENABLED).data(Qt.ItemDataRole.CheckStateRole) for r in range(5)]
    assert checks[0] == Qt.CheckState.Unchecked
    assert set(checks[1:]) == {Qt.CheckState.Checked}
    assert model.index(0, COL_TEXT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, COL_TEXT).data(Qt.ItemDataRole.ForegroundRole) is None
    tip = model.index(2, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "It's 3 a.m.\nSpoken: Three in the morning."
    assert model.index(4, COL_TEXT).data(NOTE_ID_ROLE) == "my-tempo-001"
    assert model.note_at(9) is None
    assert model.row_of("circ-001") == 2
    assert model.row_of("nope") is None


def test_the_on_checkbox_disables_and_enables_in_the_deck(qtbot: QtBot, deck: NoteDeck) -> None:
    model = NotesTableModel(deck)
    index = model.index(1, COL_ENABLED)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(1, COL_TEXT)) & Qt.ItemFlag.ItemIsUserCheckable
    with (
        qtbot.waitSignal(model.toggled, timeout=1000) as toggled,
        qtbot.waitSignal(model.dataChanged, timeout=1000),
    ):
        assert model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert toggled.args == ["tempo-001", False]
    assert deck.is_disabled("tempo-001")
    assert model.setData(model.index(0, COL_ENABLED), 2, Qt.ItemDataRole.CheckStateRole)
    assert not deck.is_disabled("emotion-001")
    assert not model.setData(model.index(0, COL_TEXT), "x", Qt.ItemDataRole.EditRole)
    assert not model.setData(QModelIndex(), 2, Qt.ItemDataRole.CheckStateRole)


def test_filters_combine_category_level_and_words(deck: NoteDeck) -> None:
    model = NotesTableModel(deck)
    proxy = NotesFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 5
    proxy.set_filter(category=Category.TEMPO)
    assert sorted(map(str, _column(proxy, COL_ID))) == ["my-tempo-001", "tempo-001"]
    proxy.set_filter(category=Category.TEMPO, level=Level.BOLD)
    assert _column(proxy, COL_ID) == ["my-tempo-001"]
    proxy.set_filter(search="THREE morning")  # every word, any case, spoken version too
    assert _column(proxy, COL_ID) == ["circ-001"]
    proxy.set_filter(search="my-tempo")  # ids are searchable
    assert _column(proxy, COL_ID) == ["my-tempo-001"]
    proxy.set_filter(search="angrier", level=Level.SUBTLE)
    assert proxy.rowCount() == 0
    proxy.set_filter()
    assert proxy.rowCount() == 5


def test_sorting_follows_the_deck_order_of_categories_and_levels(deck: NoteDeck) -> None:
    model = NotesTableModel(deck)
    proxy = NotesFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_CATEGORY)
    assert _column(proxy, COL_CATEGORY) == [
        "Emotion & intensity",
        "Tempo & rhythm",
        "Tempo & rhythm",
        "Status",
        "Given circumstances",
    ]
    proxy.sort(COL_LEVEL, Qt.SortOrder.DescendingOrder)
    assert _column(proxy, COL_LEVEL) == ["Bold", "Bold", "Medium", "Subtle", "Subtle"]
    proxy.sort(COL_ENABLED)
    assert _column(proxy, COL_ID)[0] == "emotion-001"  # the disabled note first
