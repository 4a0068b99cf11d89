"""The Voices dialog with the real render worker: choosing, recasting, respelling, previewing.

Previews are rendered by eSpeak NG in the app's worker process and played by the app's
player (silently, in real time, when there is no sound card), exactly as in a rehearsal.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QSpinBox, QToolButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import rehearsal.ui.speech_support as speech_support_module
from rehearsal.paths import Paths
from rehearsal.speech.availability import speech_status
from rehearsal.speech.casting import VoiceSettings, cast_characters
from rehearsal.speech.direction import Pronunciations, plan_text
from rehearsal.speech.render import inspect_wav
from rehearsal.speech.voices import Gender, VariantInfo, VoiceCatalog, VoiceInfo
from rehearsal.ui.casting_dialog import CastingDialog
from rehearsal.ui.casting_table import (
    COL_CHARACTER,
    COL_CLARITY,
    COL_PITCH,
    COL_PREVIEW,
    COL_RATE,
    COL_VARIANT,
    COL_VOICE,
    COL_VOLUME,
    CastingTableModel,
    PronunciationsModel,
    variant_label,
)
from rehearsal.ui.speech_support import SpeechSupport
from tests.speech.wav_tools import ENGINE_REASON

pytestmark = pytest.mark.gui
needs_engine = pytest.mark.skipif(
    ENGINE_REASON is not None, reason=f"no speech engine: {ENGINE_REASON}"
)

CAST = ["ANNA", "BOB", "SIOBHAN"]
FLITE_INSTALLED = shutil.which("flite") is not None
SMALL_CATALOG = VoiceCatalog(
    voices=(
        VoiceInfo("gmw/en-us", "English (America)", "en-us", Gender.MALE),
        VoiceInfo("gmw/en", "English (Great Britain)", "en-gb", Gender.MALE),
    ),
    variants=(VariantInfo("f3", "female3", Gender.FEMALE), VariantInfo("m3", "male3", Gender.MALE)),
)


def _close(qtbot: QtBot, support: SpeechSupport) -> None:
    support.close()
    qtbot.wait(50)  # let the event loop destroy the players (see PartnerPlayer.close)


@pytest.fixture
def support(qtbot: QtBot, paths: Paths) -> Iterator[SpeechSupport]:
    """The app's speech pipeline with its worker running and its voice list in."""
    if ENGINE_REASON is not None:
        pytest.skip(f"no speech engine: {ENGINE_REASON}")
    speech = SpeechSupport(paths, force=True)
    assert speech.service is not None
    with qtbot.waitSignal(speech.service.ready, timeout=30_000):
        pass
    yield speech
    _close(qtbot, speech)


@pytest.fixture
def voiceless(
    qtbot: QtBot, paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SpeechSupport]:
    """The pipeline on a machine that lists no audio output: no worker, no voice list."""
    monkeypatch.setattr(speech_support_module, "current_speech_status", lambda: speech_status([]))
    speech = SpeechSupport(paths)
    assert not speech.available
    yield speech
    _close(qtbot, speech)


def _dialog(
    qtbot: QtBot,
    support: SpeechSupport,
    pronunciations: Pronunciations | None = None,
    read_parentheticals: bool = False,
) -> CastingDialog:
    casting = support.casting(CAST, None, -1)
    dialog = CastingDialog(
        support,
        CAST,
        casting,
        pronunciations=pronunciations,
        read_parentheticals=read_parentheticals,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _editor(dialog: CastingDialog, row: int, column: int) -> object:
    return dialog.table.indexWidget(dialog.model.index(row, column))


def _accept(qtbot: QtBot, dialog: CastingDialog) -> list[object]:
    with qtbot.waitSignal(dialog.casting_changed, timeout=1000) as changed:
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return list(changed.args)


@pytest.mark.parametrize("catalog", [SMALL_CATALOG, None], ids=["voices", "no-voices"])
def test_models_pass_qt_model_checks(
    qtmodeltester: ModelTester, catalog: VoiceCatalog | None
) -> None:
    casting = {"ANNA": VoiceSettings("gmw/en+f3"), "BOB": VoiceSettings(rate=200)}
    model = CastingTableModel(casting, catalog)
    qtmodeltester.check(model, force_py=True)
    voice_editable = bool(model.flags(model.index(0, COL_VOICE)) & Qt.ItemFlag.ItemIsEditable)
    assert voice_editable is (catalog is not None)
    assert model.index(0, COL_RATE).data() == "175 wpm"
    assert model.setData(model.index(1, COL_RATE), 5) is False  # out of range: refused
    assert model.setData(model.index(1, COL_VOLUME), 80) is True
    assert model.casting()["BOB"].volume == 0.8
    names = Pronunciations({"Siobhan": "Shiv-awn"})
    qtmodeltester.check(PronunciationsModel(names), force_py=True)


def test_variant_labels_read_like_names() -> None:
    assert variant_label(VariantInfo("f3", "female3", Gender.FEMALE)) == "Female 3"
    assert variant_label(VariantInfo("m7", "male7", Gender.MALE)) == "Male 7"
    assert variant_label(VariantInfo("Alicia", "Alicia", Gender.FEMALE)) == "Alicia (female)"
    assert variant_label(VariantInfo("klatt", "klatt")) == "Klatt"


@needs_engine
def test_a_changed_voice_and_rate_come_back_on_ok(qtbot: QtBot, support: SpeechSupport) -> None:
    dialog = _dialog(qtbot, support, read_parentheticals=True)
    assert not dialog.notice.isVisible()
    voice = _editor(dialog, 1, COL_VOICE)
    variant = _editor(dialog, 1, COL_VARIANT)
    rate = _editor(dialog, 1, COL_RATE)
    assert isinstance(voice, QComboBox)
    assert isinstance(variant, QComboBox)
    assert isinstance(rate, QSpinBox)
    assert voice.count() > 50  # the engine's language voices, English first
    ids = [voice.itemData(i, Qt.ItemDataRole.UserRole) for i in range(voice.count())]
    clear = [i for i, v in enumerate(ids) if str(v).startswith(("flite:", "festival:"))]
    assert clear == list(range(len(clear)))  # Flite's and Festival's voices, when installed
    first_espeak = len(clear) + (1 if clear else 0)  # after the separator
    assert voice.itemText(first_espeak).startswith("English")
    voice.setCurrentIndex(voice.findData("gmw/en-gb-scotland", Qt.ItemDataRole.UserRole))
    variant.setCurrentIndex(variant.findData("f2", Qt.ItemDataRole.UserRole))
    rate.setValue(230)
    assert dialog.model.index(1, COL_VOICE).data() == "English (Scotland)"
    casting, pronunciations, read = _accept(qtbot, dialog)
    assert isinstance(casting, dict)
    assert casting["BOB"] == VoiceSettings("gmw/en-gb-scotland+f2", rate=230)
    assert casting["ANNA"] == dialog.model.settings_at(0)
    assert list(casting) == CAST
    assert pronunciations == Pronunciations()
    assert read is True


@needs_engine
def test_stored_voices_are_shown_as_the_engine_spells_them(
    qtbot: QtBot, support: SpeechSupport
) -> None:
    stored = {"ANNA": VoiceSettings("GMW/EN-US+F3", pitch=60), "BOB": VoiceSettings("xx/none")}
    dialog = CastingDialog(support, ["ANNA", "BOB"], stored)
    qtbot.addWidget(dialog)
    voice, variant = _editor(dialog, 0, COL_VOICE), _editor(dialog, 0, COL_VARIANT)
    assert isinstance(voice, QComboBox)
    assert isinstance(variant, QComboBox)
    assert (voice.currentText(), variant.currentText()) == ("English (America)", "Female 3")
    casting, _, _ = _accept(qtbot, dialog)
    assert isinstance(casting, dict)
    assert casting["ANNA"] == VoiceSettings("gmw/en-us+f3", pitch=60)
    assert support.service is not None
    assert support.service.catalog is not None
    assert support.service.catalog.check(casting["BOB"].voice_id) is None  # recast


@needs_engine
def test_recast_gives_every_character_a_distinct_voice(
    qtbot: QtBot, support: SpeechSupport
) -> None:
    dialog = _dialog(qtbot, support)
    same = {name: VoiceSettings("gmw/en-us+m3") for name in CAST}
    dialog.model.set_casting(same)
    combo = _editor(dialog, 2, COL_VARIANT)
    assert isinstance(combo, QComboBox)
    assert combo.currentData(Qt.ItemDataRole.UserRole) == "m3"  # editors follow the model
    QTest.mouseClick(dialog.recast_button, Qt.MouseButton.LeftButton)
    casting, _, _ = _accept(qtbot, dialog)
    assert isinstance(casting, dict)
    voices = [settings.voice_id for settings in casting.values()]
    assert len(set(voices)) == len(CAST)
    assert support.service is not None
    assert support.service.catalog is not None
    assert casting == cast_characters(CAST, support.service.catalog)
    assert combo.currentData(Qt.ItemDataRole.UserRole) != "m3"


def test_pronunciations_are_added_edited_and_removed(
    qtbot: QtBot, voiceless: SpeechSupport
) -> None:
    dialog = _dialog(qtbot, voiceless, pronunciations=Pronunciations({"Niamh": "Neev"}))
    dialog.tabs.setCurrentIndex(1)
    QTest.keyClicks(dialog.word_edit, "Siobhan")
    QTest.keyClicks(dialog.say_as_edit, "Shiv-awn")
    QTest.keyClick(dialog.say_as_edit, Qt.Key.Key_Return)  # adds; does not close the dialog
    assert dialog.isVisible()
    model = dialog.pronunciation_model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["niamh", "Siobhan"]
    assert dialog.word_edit.text() == ""
    QTest.keyClicks(dialog.word_edit, "Aoife")
    QTest.keyClicks(dialog.say_as_edit, "?!")
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "letters" in dialog.pronunciation_problem.text()
    assert model.rowCount() == 2
    assert model.setData(model.index(0, 1), "Neeve")
    dialog.pronunciation_table.selectRow(1)
    assert dialog.remove_button.isEnabled()
    QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    _, pronunciations, read = _accept(qtbot, dialog)
    assert isinstance(pronunciations, Pronunciations)
    assert pronunciations.to_dict() == {"niamh": "Neeve"}
    assert read is False


@needs_engine
def test_preview_renders_the_voice_and_plays_it(qtbot: QtBot, support: SpeechSupport) -> None:
    assert support.service is not None
    assert support.player is not None
    dialog = _dialog(qtbot, support, pronunciations=Pronunciations({"Siobhan": "Shiv-awn"}))
    button = _editor(dialog, 2, COL_PREVIEW)
    assert isinstance(button, QToolButton)
    assert button.isEnabled()
    rendered: list[str] = []
    support.service.rendered.connect(lambda _id, path: rendered.append(path))
    with qtbot.waitSignal(support.player.started, timeout=20_000) as started:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        assert button.text() == "Stop"  # the click returned before anything was rendered
    assert started.args[0] < 0  # a preview token never collides with a rehearsal's
    wav = inspect_wav(Path(rendered[-1]))
    assert wav.duration > 1.5  # "Hello, I'm Shiv-awn. Shall we take it from the top?"
    assert "SIOBHAN is speaking" in dialog.status.text()
    with qtbot.waitSignal(support.player.stopped, timeout=1000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # Stop
    assert button.text() == "Preview"
    dialog.reject()
    assert not support.player.is_playing()


def test_without_a_voice_list_only_the_numbers_change(
    qtbot: QtBot, voiceless: SpeechSupport
) -> None:
    casting = {"ANNA": VoiceSettings("gmw/en+f3", pitch=40), "BOB": VoiceSettings()}
    dialog = CastingDialog(voiceless, ["ANNA", "BOB"], casting)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notice.isVisible()
    assert "no audio output" in dialog.notice.text()
    assert _editor(dialog, 0, COL_VOICE) is None  # shown as text, not a list
    assert dialog.model.index(0, COL_VOICE).data() == "gmw/en"
    assert not dialog.recast_button.isEnabled()
    button = _editor(dialog, 0, COL_PREVIEW)
    assert isinstance(button, QToolButton)
    assert not button.isEnabled()
    assert "no audio output" in button.toolTip()
    assert dialog.model.setData(dialog.model.index(0, COL_VOICE), "gmw/en-us") is False
    rate = _editor(dialog, 0, COL_RATE)
    assert isinstance(rate, QSpinBox)
    rate.setValue(140)
    casting_out, _, _ = _accept(qtbot, dialog)
    assert isinstance(casting_out, dict)
    assert casting_out["ANNA"] == VoiceSettings("gmw/en+f3", rate=140, pitch=40)


@needs_engine
def test_the_voice_lists_appear_when_the_engine_is_ready(qtbot: QtBot, paths: Paths) -> None:
    speech = SpeechSupport(paths, force=True)
    try:
        assert speech.service is not None
        assert speech.service.catalog is None
        dialog = _dialog(qtbot, speech)
        assert dialog.notice.isVisible()
        assert "starting" in dialog.notice.text()
        assert _editor(dialog, 0, COL_VOICE) is None
        with qtbot.waitSignal(speech.service.ready, timeout=30_000):
            pass
        assert not dialog.notice.isVisible()
        assert dialog.recast_button.isEnabled()
        voice = _editor(dialog, 0, COL_VOICE)
        assert isinstance(voice, QComboBox)
        assert voice.currentText() == "English (America)"
        assert dialog.model.index(0, COL_CHARACTER).data() == "ANNA"
    finally:
        _close(qtbot, speech)


MIXED_CATALOG = VoiceCatalog(
    voices=(
        *SMALL_CATALOG.voices,
        VoiceInfo("flite:slt", "Flite SLT", "en-us", Gender.FEMALE, backend="flite"),
        VoiceInfo("festival:cmu_us_slt_arctic_hts", "Festival SLT", "en-us", backend="festival"),
    ),
    variants=SMALL_CATALOG.variants,
    scores=(("flite:slt", 0.84), ("gmw/en-us", 0.17)),
    unsupported=(("festival", "pitch"),),
)


def test_each_voice_shows_its_backend_and_clarity(qtmodeltester: ModelTester) -> None:
    casting = {
        "ANNA": VoiceSettings("flite:slt"),
        "BOB": VoiceSettings("gmw/en-us+m3"),
        "CAL": VoiceSettings("festival:cmu_us_slt_arctic_hts"),
    }
    model = CastingTableModel(casting, MIXED_CATALOG)
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, COL_CLARITY).data() for r in range(3)] == [
        "Flite · 84 %",
        "eSpeak NG · —",  # only en-us without a variant was measured
        "Festival · —",
    ]
    assert "recogniser" in model.index(0, COL_CLARITY).data(Qt.ItemDataRole.ToolTipRole)
    pitch_tip = model.index(2, COL_PITCH).data(Qt.ItemDataRole.ToolTipRole)
    assert pitch_tip == "Festival voices cannot change pitch; rate and volume apply."
    assert not model.supports(2, "pitch")
    assert model.supports(0, "pitch")
    # A Flite voice takes no variant; choosing one drops the eSpeak variant.
    assert model.setData(model.index(0, COL_VARIANT), "f3") is False
    assert model.setData(model.index(1, COL_VOICE), "flite:slt") is True
    assert model.settings_at(1).voice_id == "flite:slt"
    assert model.setData(model.index(1, COL_VOICE), "gmw/en") is True
    assert model.setData(model.index(1, COL_VARIANT), "m3") is True
    assert model.settings_at(1).voice_id == "gmw/en+m3"


@needs_engine
@pytest.mark.skipif(not FLITE_INSTALLED, reason="Flite is not installed (apt install flite)")
def test_clear_voices_are_cast_and_their_editors_say_what_applies(
    qtbot: QtBot, support: SpeechSupport
) -> None:
    dialog = _dialog(qtbot, support)
    catalog = dialog.model.catalog
    assert catalog is not None
    for row in range(len(CAST)):
        assert catalog.backend_of(dialog.model.settings_at(row).voice_id) != "pyttsx3"
    voice = _editor(dialog, 0, COL_VOICE)
    variant = _editor(dialog, 0, COL_VARIANT)
    assert isinstance(voice, QComboBox)
    assert isinstance(variant, QComboBox)
    assert voice.currentText().startswith("Flite") or voice.currentText().startswith("Festival")
    assert "%" in voice.currentText()  # the measured clarity, beside the name
    assert not variant.isEnabled()
    assert variant.toolTip() == "Only eSpeak NG voices have variants."
    voice.setCurrentIndex(voice.findData("gmw/en-us", Qt.ItemDataRole.UserRole))
    assert variant.isEnabled()
    assert dialog.model.index(0, COL_CLARITY).data().startswith("eSpeak NG · ")


@needs_engine
def test_preview_says_a_line_of_the_character(qtbot: QtBot, support: SpeechSupport) -> None:
    assert support.service is not None
    assert support.player is not None
    line = "You were supposed to be at the station an hour ago."
    dialog = CastingDialog(
        support,
        CAST,
        support.casting(CAST, None, -1),
        sample_lines={"BOB": line},
    )
    qtbot.addWidget(dialog)
    dialog.show()
    button = _editor(dialog, 1, COL_PREVIEW)
    assert isinstance(button, QToolButton)
    rendered: list[str] = []
    support.service.rendered.connect(lambda _id, path: rendered.append(path))
    with qtbot.waitSignal(support.player.started, timeout=20_000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    expected = support.service.worker.cache.lookup(
        plan_text(line, dialog.model.settings_at(1)), support.service.worker.driver_name or "espeak"
    )
    assert expected is not None
    assert Path(rendered[-1]) == expected
    with qtbot.waitSignal(support.player.stopped, timeout=1000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog.reject()
