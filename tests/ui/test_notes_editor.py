"""The note editor driven like an actor would: add, edit, disable, delete, reset, import, save.

Every test works on a real deck in a temp data folder and checks the file on disk; the
bundled deck file is hashed before and after to prove nothing ever writes to it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from rehearsal.notes.deck import NoteDeck, bundled_deck_path
from rehearsal.notes.note import Category, Level, Origin
from rehearsal.paths import Paths
from rehearsal.ui.notes_editor import NotesEditorDialog
from rehearsal.ui.notes_table_model import COL_ENABLED, NOTE_ID_ROLE

pytestmark = pytest.mark.gui

FRIEND_DECK = """version = 1

[[note]]
id = "class-1"
category = "relationship"
level = 2
text = "She is the only person who ever believed in you."

[[note]]
id = "class-2"
category = "tempo"
level = 1
text = "Twice as slow as feels right."

[[note]]
id = "class-3"
category = "emotion"
level = 1
text = "  Twice as SLOW as feels right. "
"""


class Answers:
    """Stands in for the yes/no box and the file chooser, and remembers what was asked."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.questions: list[str] = []
        self.file: Path | None = None

    def confirm(self, parent: QWidget, question: str) -> bool:
        assert isinstance(parent, NotesEditorDialog)
        self.questions.append(question)
        return self.confirm_answer

    def choose(self, parent: QWidget) -> Path | None:
        return self.file


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def bundled_untouched() -> Iterator[None]:
    before = _digest(bundled_deck_path())
    yield
    assert _digest(bundled_deck_path()) == before


@pytest.fixture
def answers() -> Answers:
    return Answers()


def _editor(qtbot: QtBot, deck: NoteDeck, answers: Answers) -> NotesEditorDialog:
    dialog = NotesEditorDialog(deck, choose_file=answers.choose, confirm=answers.confirm)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def _fill(dialog: NotesEditorDialog, category: Category, level: Level, text: str) -> None:
    dialog.category_edit.setCurrentIndex(dialog.category_edit.findData(category.value))
    dialog.level_edit.setCurrentIndex(dialog.level_edit.findData(int(level)))
    dialog.text_edit.setText(text)


def _save(qtbot: QtBot, dialog: NotesEditorDialog) -> NoteDeck:
    with qtbot.waitSignal(dialog.deck_saved, timeout=1000) as saved:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    deck = saved.args[0]
    assert isinstance(deck, NoteDeck)
    return deck


def test_add_a_note_and_save_it_to_the_user_file(
    qtbot: QtBot, paths: Paths, answers: Answers
) -> None:
    deck = NoteDeck.load(paths)
    dialog = _editor(qtbot, deck, answers)
    assert dialog.apply_button.text() == "Add note"
    _fill(dialog, Category.PHYSICAL, Level.BOLD, "You haven't slept in three days.")
    QTest.keyClicks(dialog.spoken_edit, "You have not slept in three days.")
    QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    note = dialog.current_note()
    assert note is not None
    assert (note.id, note.origin, note.level) == ("my-physical-001", Origin.USER, Level.BOLD)
    assert note.spoken == "You have not slept in three days."
    assert dialog.message.text() == "Added “You haven't slept in three days.”."
    assert dialog.delete_button.isEnabled()
    assert "my-physical-001" not in deck  # the caller's deck waits for Save
    saved = _save(qtbot, dialog)
    assert saved.get("my-physical-001").text == "You haven't slept in three days."
    text = (paths.data / "notes.toml").read_text(encoding="utf-8")
    assert 'id = "my-physical-001"' in text
    assert 'spoken = "You have not slept in three days."' in text
    assert NoteDeck.load(paths).get("my-physical-001").origin is Origin.USER


def test_a_bad_note_is_refused_with_a_reason(qtbot: QtBot, paths: Paths, answers: Answers) -> None:
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    existing = dialog.deck.get("circumstances-001")
    _fill(dialog, Category.STYLE, Level.SUBTLE, "   ")
    dialog.apply_button.click()
    assert dialog.message.text() == "The note was not saved: text is empty"
    _fill(dialog, Category.STYLE, Level.SUBTLE, f"  {existing.text.upper()} ")
    QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return)  # Enter applies too
    assert dialog.message.text() == (
        "The note was not saved: the deck already has this note (id 'circumstances-001')"
    )
    assert not dialog.dirty
    assert len(dialog.deck.notes()) == len(NoteDeck.load(paths).notes())


def test_editing_a_bundled_note_stores_an_override_and_reset_restores_it(
    qtbot: QtBot, paths: Paths, answers: Answers
) -> None:
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    original = dialog.deck.get("tempo-001")
    assert dialog.select_note("tempo-001")
    assert dialog.text_edit.text() == original.text
    assert not dialog.reset_button.isEnabled()
    assert not dialog.delete_button.isEnabled()  # bundled notes can only be disabled
    dialog.text_edit.setText("Slower than you dare.")
    dialog.apply_button.click()
    edited = dialog.current_note()
    assert edited is not None
    assert (edited.id, edited.origin, edited.text) == (
        "tempo-001",
        Origin.EDITED,
        "Slower than you dare.",
    )
    assert dialog.original_label.text() == f"Original: {original.text}"
    assert not dialog.original_label.isHidden()
    assert dialog.reset_button.isEnabled()
    _save(qtbot, dialog)
    assert NoteDeck.load(paths).get("tempo-001").text == "Slower than you dare."

    again = _editor(qtbot, NoteDeck.load(paths), answers)
    again.select_note("tempo-001")
    again.reset_button.click()
    assert again.current_note() == original
    assert again.original_label.isHidden()
    _save(qtbot, again)
    assert NoteDeck.load(paths).get("tempo-001") == original
    assert "tempo-001" not in (paths.data / "notes.toml").read_text(encoding="utf-8")


def test_disable_and_enable_by_button_and_checkbox(
    qtbot: QtBot, paths: Paths, answers: Answers
) -> None:
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    total = len(dialog.deck.notes())
    dialog.select_note("status-002")
    assert dialog.toggle_button.text() == "Disable"
    dialog.toggle_button.click()
    assert dialog.deck.is_disabled("status-002")
    assert dialog.toggle_button.text() == "Enable"
    assert dialog.message.text().endswith("will not be drawn.")
    assert dialog.count_label.text() == f"{total} notes, 1 disabled"
    row = dialog.model.row_of("emotion-003")
    assert row is not None
    dialog.model.setData(
        dialog.model.index(row, COL_ENABLED),
        Qt.CheckState.Unchecked,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert dialog.count_label.text() == f"{total} notes, 2 disabled"
    dialog.toggle_button.click()  # status-002 is still the current note
    assert not dialog.deck.is_disabled("status-002")
    saved = _save(qtbot, dialog)
    assert saved.disabled_ids == ("emotion-003",)
    assert NoteDeck.load(paths).disabled_ids == ("emotion-003",)


def test_delete_asks_first_and_only_deletes_own_notes(
    qtbot: QtBot, paths: Paths, answers: Answers
) -> None:
    deck = NoteDeck.load(paths)
    mine = deck.add(Category.STATUS, 2, "You own this building.")
    dialog = _editor(qtbot, deck, answers)
    dialog.select_note(mine.id)
    answers.confirm_answer = False
    dialog.delete_button.click()
    assert answers.questions == ["Delete your note “You own this building.”?"]
    assert mine.id in dialog.deck
    answers.confirm_answer = True
    dialog.delete_button.click()
    assert mine.id not in dialog.deck
    assert dialog.current_note() is None
    assert dialog.apply_button.text() == "Add note"
    assert mine.id in deck  # still in the caller's deck until Save


def test_filters_and_search_narrow_the_table(qtbot: QtBot, paths: Paths, answers: Answers) -> None:
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    total = dialog.proxy.rowCount()
    dialog.category_filter.setCurrentIndex(dialog.category_filter.findData("physical"))
    physical = dialog.proxy.rowCount()
    assert 0 < physical < total
    assert dialog.count_label.text() == f"{physical} of {total} notes"
    dialog.level_filter.setCurrentIndex(dialog.level_filter.findData(3))
    assert dialog.proxy.rowCount() < physical
    dialog.new_button.click()  # a new note starts in the kind being looked at
    assert dialog.category_edit.currentData() == "physical"
    assert dialog.level_edit.currentData() == 3
    dialog.category_filter.setCurrentIndex(0)
    dialog.level_filter.setCurrentIndex(0)
    QTest.keyClicks(dialog.search, "freezing")
    found = [dialog.proxy.index(r, 0).data(NOTE_ID_ROLE) for r in range(dialog.proxy.rowCount())]
    assert found
    assert all("freezing" in dialog.deck.get(i).text.casefold() for i in found)
    assert dialog.select_note("tempo-002")  # hidden by the search: the filters are cleared
    assert dialog.search.text() == ""
    assert dialog.proxy.rowCount() == total


def test_import_adds_new_notes_and_skips_known_words(
    qtbot: QtBot, paths: Paths, answers: Answers, tmp_path: Path
) -> None:
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    answers.file = tmp_path / "class-deck.toml"
    answers.file.write_text(FRIEND_DECK, encoding="utf-8")
    dialog.import_button.click()
    assert dialog.message.text() == (
        "Imported 2 notes from class-deck.toml. 1 already in your deck were skipped."
    )
    assert dialog.deck.get("class-1").origin is Origin.USER
    assert dialog.current_note() == dialog.deck.get("class-1")
    saved = _save(qtbot, dialog)
    assert {"class-1", "class-2"} <= {n.id for n in saved.notes()}
    assert "class-3" not in saved


def test_import_of_a_bad_file_names_the_file_and_line(
    qtbot: QtBot, paths: Paths, answers: Answers, tmp_path: Path
) -> None:
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    bad = tmp_path / "broken.toml"
    bad.write_text('[[note]]\nid = "x"\ncategory = "emotions"\nlevel = 1\ntext = "Hi"\n')
    answers.file = bad
    before = len(dialog.deck.notes())
    dialog.import_button.click()
    assert dialog.message.text().startswith(f"Nothing was imported: {bad}, line 3: ")
    assert "unknown category 'emotions'" in dialog.message.text()
    assert len(dialog.deck.notes()) == before
    shown = dialog.message.text()
    answers.file = None  # the chooser was cancelled: nothing happens, nothing is said
    dialog.import_button.click()
    assert dialog.message.text() == shown
    assert len(dialog.deck.notes()) == before
    assert not dialog.dirty


def test_a_save_that_fails_names_the_file_and_keeps_the_dialog_open(
    qtbot: QtBot, tmp_path: Path, answers: Answers
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    deck = NoteDeck.load(Paths.under(tmp_path / "app"))
    deck.user_path = blocker / "notes.toml"
    dialog = _editor(qtbot, deck, answers)
    _fill(dialog, Category.TEMPO, Level.SUBTLE, "Let every line land before the next.")
    dialog.apply_button.click()
    saved: list[object] = []
    dialog.deck_saved.connect(saved.append)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert saved == []
    assert dialog.message.text().startswith("Your notes could not be saved: ")
    assert str(blocker / "notes.toml") in dialog.message.text()


def test_an_unreadable_user_file_is_reported_and_kept_aside_on_save(
    qtbot: QtBot, paths: Paths, answers: Answers
) -> None:
    user_file = paths.data / "notes.toml"
    user_file.write_text('version = 1\n\n[[note]]\nid = "m"\ncategory = "emotion"\n', "utf-8")
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    assert not dialog.user_error_label.isHidden()
    assert f"{user_file}, line 3" in dialog.user_error_label.text()
    _save(qtbot, dialog)
    assert (paths.data / "notes.toml.broken").read_text("utf-8").endswith('"emotion"\n')
    assert NoteDeck.load(paths).user_error is None


def test_close_asks_only_when_there_are_unsaved_changes(
    qtbot: QtBot, paths: Paths, answers: Answers
) -> None:
    clean = _editor(qtbot, NoteDeck.load(paths), answers)
    QTest.mouseClick(clean.close_button, Qt.MouseButton.LeftButton)
    assert not clean.isVisible()
    assert answers.questions == []

    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    dialog.select_note("emotion-001")
    dialog.toggle_button.click()
    answers.confirm_answer = False
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert answers.questions == ["Close without saving your changes to the director notes?"]
    answers.confirm_answer = True
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert not (paths.data / "notes.toml").exists()


def test_every_control_has_an_accessible_name(qtbot: QtBot, paths: Paths, answers: Answers) -> None:
    dialog = _editor(qtbot, NoteDeck.load(paths), answers)
    controls: list[QWidget] = [dialog]
    for kind in (QComboBox, QLineEdit, QTableView):
        controls += [w for w in dialog.findChildren(kind) if w.parent() is not None]
    controls += [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    # Line edits inside combo boxes and spin boxes belong to those and are named through them.
    controls = [w for w in controls if not isinstance(w.parent(), QComboBox)]
    assert [w for w in controls if not w.accessibleName()] == []
