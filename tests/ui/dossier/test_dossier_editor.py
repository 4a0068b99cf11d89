"""The dossier editor with real widgets over a real database file: it saves as you type."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rehearsal.paths import Paths
from rehearsal.store.auditions_repo import AuditionsRepository
from rehearsal.store.database import OpenedDatabase
from rehearsal.store.dossier_records import Research
from rehearsal.store.facade import Store
from rehearsal.store.sessions_repo import SessionRecorder
from rehearsal.ui.dossier.dossier_editor import TAB_CHARACTER, DossierEditor
from tests.store.sample_data import History, StepClock, add_scripts, record_session
from tests.ui.dossier.support import CALLBACK, pdf_images, pdf_pages_text, write_png

pytestmark = pytest.mark.gui

MakeEditor = Callable[..., DossierEditor]


@pytest.fixture
def repo(store: OpenedDatabase, wall_clock: StepClock) -> AuditionsRepository:
    return AuditionsRepository(store.engine, now=wall_clock)


@pytest.fixture
def audition_id(repo: AuditionsRepository) -> int:
    return repo.create(CALLBACK)


@pytest.fixture
def make_editor(
    qtbot: QtBot, store: OpenedDatabase, paths: Paths, wall_clock: StepClock
) -> Iterator[MakeEditor]:
    editors: list[DossierEditor] = []

    def make(audition_id: int, **options: Any) -> DossierEditor:
        options.setdefault("autosave_ms", 30)
        options.setdefault("choose_save_path", _no_path)
        options.setdefault("choose_photo", _no_photo)
        options.setdefault("choose_printer", _no_printer)
        editor = DossierEditor(
            Store(store, now=wall_clock), paths, audition_id, now=wall_clock, **options
        )
        qtbot.addWidget(editor)
        editors.append(editor)
        editor.show()
        return editor

    yield make
    for editor in editors:
        editor.autosaver.discard()


def _no_path(*_args: object) -> Path | None:
    raise AssertionError("no file dialog expected")


def _no_photo(_parent: QWidget) -> Path | None:
    raise AssertionError("no photo dialog expected")


def _no_printer(_parent: QWidget) -> QPrinter | None:
    raise AssertionError("no print dialog expected")


def test_typed_text_is_there_after_closing_and_reopening(
    qtbot: QtBot, make_editor: MakeEditor, audition_id: int, repo: AuditionsRepository
) -> None:
    editor = make_editor(audition_id, autosave_ms=60_000)  # only the close can save
    QTest.keyClicks(editor.research_tab.notes, "Watch the **pilot** twice.")
    QTest.keyClicks(editor.research_tab.fields["tone_genre"], "Dark comedy")
    QTest.keyClicks(editor.character_tab.circumstances["what_i_want"], "A ride home")
    QTest.keyClicks(editor.character_tab.beats, "1. Deflect")
    QTest.keyClicks(editor.wardrobe_tab.first_round, "Green jumper, white trainers")
    editor.details_tab.agent.clear()
    QTest.keyClicks(editor.details_tab.agent, "Dana Fox")
    assert set(editor.autosaver.pending) == {"research", "worksheet", "wardrobe", "details"}
    assert repo.research(audition_id) == Research()  # nothing written yet
    with qtbot.waitSignal(editor.closed, timeout=5000):
        editor.close()

    again = make_editor(audition_id)
    assert again.research_tab.notes.toPlainText() == "Watch the **pilot** twice."
    assert again.research_tab.fields["tone_genre"].toPlainText() == "Dark comedy"
    assert again.character_tab.circumstances["what_i_want"].toPlainText() == "A ride home"
    assert again.character_tab.beats.toPlainText() == "1. Deflect"
    assert again.wardrobe_tab.first_round.toPlainText() == "Green jumper, white trainers"
    assert again.details_tab.agent.text() == "Dana Fox"
    assert again.details_tab.project.text() == "Night Shift"
    assert again.windowTitle() == "Dossier — Night Shift — Nina"


def test_typing_saves_once_the_actor_pauses(
    qtbot: QtBot, make_editor: MakeEditor, audition_id: int, repo: AuditionsRepository
) -> None:
    editor = make_editor(audition_id)
    saves: list[str] = []
    editor.saved.connect(saves.append)
    with qtbot.waitSignal(editor.saved, timeout=5000) as blocker:
        QTest.keyClicks(editor.research_tab.notes, "Interview in Variety")
    assert blocker.args == ["research"]
    assert saves == ["research"]  # one write for the whole burst of keys
    assert repo.research(audition_id).notes == "Interview in Variety"
    assert editor.autosaver.pending == ()
    assert editor.status.text() == "All changes saved."


def test_relationships_are_pre_listed_from_the_linked_sides(
    qtbot: QtBot,
    make_editor: MakeEditor,
    audition_id: int,
    repo: AuditionsRepository,
    store: OpenedDatabase,
    wall_clock: StepClock,
) -> None:
    scripts = add_scripts(store.engine, wall_clock)
    editor = make_editor(audition_id)
    assert editor.character_tab.relationship_boxes == {}
    assert not editor.character_tab.no_characters.isHidden()
    sides = editor.details_tab.scripts
    (night,) = [
        sides.item(r)
        for r in range(sides.count())
        if sides.item(r).data(Qt.ItemDataRole.UserRole + 1) == scripts["Night Shift"]
    ]
    with qtbot.waitSignal(editor.saved, timeout=5000, check_params_cb=lambda p: p == "scripts"):
        night.setCheckState(Qt.CheckState.Checked)
    assert [s.id for s in repo.scripts(audition_id)] == [scripts["Night Shift"]]
    # The role is Nina: only the other character of the sides is listed.
    assert list(editor.character_tab.relationship_boxes) == ["CAL"]
    assert editor.character_tab.no_characters.isHidden()
    editor.tabs.setCurrentIndex(TAB_CHARACTER)
    with qtbot.waitSignal(editor.saved, timeout=5000) as blocker:
        QTest.keyClicks(editor.character_tab.relationship_boxes["CAL"], "Boss, and my uncle")
    assert blocker.args == ["relationship:CAL"]
    assert [(r.character, r.notes) for r in repo.relationships(audition_id)] == [
        ("CAL", "Boss, and my uncle")
    ]
    editor.close()
    again = make_editor(audition_id)
    assert again.character_tab.relationship_text("CAL") == "Boss, and my uncle"


def test_sessions_with_the_sides_can_be_linked(
    qtbot: QtBot,
    make_editor: MakeEditor,
    audition_id: int,
    repo: AuditionsRepository,
    store: OpenedDatabase,
    wall_clock: StepClock,
) -> None:
    history = History(scripts=add_scripts(store.engine, wall_clock))
    session_id = record_session(
        SessionRecorder(store.engine, now=wall_clock),
        wall_clock,
        history,
        history.scripts["Night Shift"],
        "NINA",
        "rehearse",
        1,
    )
    repo.link_script(audition_id, history.scripts["Night Shift"])
    editor = make_editor(audition_id)
    sessions = editor.details_tab.sessions
    assert sessions.count() == 1
    with qtbot.waitSignal(editor.saved, timeout=5000, check_params_cb=lambda p: p == "sessions"):
        sessions.item(0).setCheckState(Qt.CheckState.Checked)
    assert repo.session_ids(audition_id) == [session_id]


def test_the_wardrobe_photo_is_copied_and_shown(
    qtbot: QtBot,
    make_editor: MakeEditor,
    audition_id: int,
    repo: AuditionsRepository,
    paths: Paths,
    tmp_path: Path,
) -> None:
    photos = iter(
        [write_png(tmp_path / "camera" / "look.png"), write_png(tmp_path / "b.png", "#a22")]
    )
    editor = make_editor(audition_id, choose_photo=lambda _parent: next(photos))
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.wardrobe_tab.choose_button.click()
    first = repo.wardrobe(audition_id).first_round_photo
    assert first is not None
    assert first.startswith("wardrobe/")
    assert (paths.data / first).is_file()
    assert not editor.wardrobe_tab.thumbnail.pixmap().isNull()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.wardrobe_tab.choose_button.click()
    second = repo.wardrobe(audition_id).first_round_photo
    assert second is not None
    assert second != first
    assert not (paths.data / first).exists()  # the replaced copy is cleaned up
    editor.close()
    again = make_editor(audition_id)
    assert again.wardrobe_tab.photo == second
    assert not again.wardrobe_tab.thumbnail.pixmap().isNull()
    with qtbot.waitSignal(again.saved, timeout=5000):
        again.wardrobe_tab.remove_button.click()
    assert repo.wardrobe(audition_id).first_round_photo is None
    assert not (paths.data / second).exists()


def test_a_file_that_is_not_an_image_is_refused_with_its_name(
    qtbot: QtBot,
    make_editor: MakeEditor,
    audition_id: int,
    repo: AuditionsRepository,
    paths: Paths,
    tmp_path: Path,
) -> None:
    fake = tmp_path / "holiday.png"
    fake.write_bytes(b"this is not a png at all")
    editor = make_editor(audition_id, choose_photo=lambda _parent: fake)
    with qtbot.waitSignal(editor.saveFailed, timeout=5000) as blocker:
        editor.wardrobe_tab.choose_button.click()
    assert "holiday.png" in str(blocker.args[0])
    assert "not an image" in str(blocker.args[0])
    assert repo.wardrobe(audition_id).first_round_photo is None
    assert not (paths.data / "wardrobe").exists()


def test_the_prep_sheet_pdf_is_one_page_with_the_names(
    qtbot: QtBot, make_editor: MakeEditor, audition_id: int, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "sheet.pdf"
    asked: list[tuple[str, str]] = []

    def choose(_parent: QWidget, _caption: str, suggested: str, file_filter: str) -> Path:
        asked.append((suggested, file_filter))
        return target

    editor = make_editor(audition_id, choose_save_path=choose)
    QTest.keyClicks(editor.character_tab.moment_before, "The bus left without me")
    with qtbot.waitSignal(editor.exported, timeout=10000) as blocker:
        editor.pdf_button.click()  # the pending edit is saved first
    assert blocker.args == [str(target)]
    assert asked == [("Night-Shift-Nina-prep-sheet.pdf", "PDF files (*.pdf)")]
    assert target.read_bytes().startswith(b"%PDF-")
    (page,) = pdf_pages_text(target)
    for name in ("Night Shift", "Nina", "Priya Shah", "Tom Okafor", "The bus left without me"):
        assert name in page, name


def test_the_prep_sheet_pdf_draws_the_wardrobe_photo(
    qtbot: QtBot, make_editor: MakeEditor, audition_id: int, tmp_path: Path
) -> None:
    look = write_png(tmp_path / "camera" / "look.png", size=300)  # 300 x 150
    target = tmp_path / "out" / "sheet.pdf"
    editor = make_editor(
        audition_id,
        choose_photo=lambda _parent: look,
        choose_save_path=lambda *_args: target,
    )
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.wardrobe_tab.choose_button.click()
    with qtbot.waitSignal(editor.exported, timeout=10000):
        editor.pdf_button.click()
    assert pdf_images(target) == [(300, 150)]
    (page,) = pdf_pages_text(target)
    assert "wardrobe/" not in page


def test_the_prep_sheet_markdown_and_an_unwritable_target(
    qtbot: QtBot, make_editor: MakeEditor, audition_id: int, tmp_path: Path
) -> None:
    targets = iter([tmp_path / "sheet.md", tmp_path])  # the second is a folder
    editor = make_editor(audition_id, choose_save_path=lambda *_a: next(targets))
    with qtbot.waitSignal(editor.exported, timeout=5000):
        editor.markdown_button.click()
    text = (tmp_path / "sheet.md").read_text(encoding="utf-8")
    assert text.startswith("# Night Shift — Nina\n")
    assert "- **Casting director:** Priya Shah" in text
    with qtbot.waitSignal(editor.saveFailed, timeout=5000) as blocker:
        editor.markdown_button.click()
    assert str(tmp_path) in str(blocker.args[0])
    assert "cannot be written" in str(blocker.args[0])


def test_the_worksheet_prints_through_the_chosen_printer(
    qtbot: QtBot, make_editor: MakeEditor, audition_id: int, tmp_path: Path
) -> None:
    output = tmp_path / "printed.pdf"

    def printer(_parent: QWidget) -> QPrinter:
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(output))
        return chosen

    editor = make_editor(audition_id, choose_printer=printer)
    QTest.keyClicks(editor.character_tab.backstory, "Grew up over the diner")
    with qtbot.waitSignal(editor.printed, timeout=10000) as blocker:
        editor.character_tab.print_button.click()
    assert blocker.args[0] >= 1
    text = "\n".join(pdf_pages_text(output))
    for expected in ("Character worksheet", "Who am I?", "Grew up over the diner"):
        assert expected in text
    assert "Priya Shah" not in text


def test_the_follow_up_note_starts_from_the_template_and_is_marked_sent(
    qtbot: QtBot,
    make_editor: MakeEditor,
    audition_id: int,
    repo: AuditionsRepository,
    wall_clock: StepClock,
) -> None:
    editor = make_editor(audition_id)
    note = editor.follow_up.note
    assert note.toPlainText().startswith("Dear Priya Shah,")
    assert "read for Nina in Night Shift" in note.toPlainText()
    note.moveCursor(note.textCursor().MoveOperation.End)
    with qtbot.waitSignal(editor.saved, timeout=5000):
        QTest.keyClicks(note, "Nina")
    stored = repo.get(audition_id)
    assert stored is not None
    assert stored.follow_up.thank_you_text.endswith("With best wishes,\nNina")
    wall_clock.advance(3 * 86400)
    with qtbot.waitSignal(editor.auditionChanged, timeout=5000):
        editor.follow_up.sent_button.click()
    stored = repo.get(audition_id)
    assert stored is not None
    assert stored.follow_up.thank_you_sent_at == wall_clock.now
    assert editor.follow_up.status.text().startswith("Sent ")
    assert editor.follow_up.sent_button.text() == "Not sent after all"
    with qtbot.waitSignal(editor.auditionChanged, timeout=5000):
        editor.follow_up.outcome.setCurrentIndex(editor.follow_up.outcome.findText("Booked"))
    stored = repo.get(audition_id)
    assert stored is not None
    assert stored.follow_up.outcome.value == "booked"


def test_editing_a_deleted_audition_says_so_and_stops(
    qtbot: QtBot, make_editor: MakeEditor, audition_id: int, repo: AuditionsRepository
) -> None:
    editor = make_editor(audition_id)
    repo.delete(audition_id)  # e.g. from another window
    with qtbot.waitSignal(editor.saveFailed, timeout=5000) as blocker:
        QTest.keyClicks(editor.research_tab.notes, "lost")
    assert "no longer exists" in str(blocker.args[0])
    qtbot.waitUntil(lambda: not editor.tabs.isEnabled(), timeout=5000)
    assert editor.autosaver.pending == ()
    with qtbot.waitSignal(editor.closed, timeout=5000):
        editor.close()  # closes without asking: there is nothing left to save to
