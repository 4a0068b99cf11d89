"""The Settings dialog: every default the app lets an actor tune, in plain words.

It edits a :class:`Preferences` value and hands it back; the main window stores it and
applies it to the next rehearsal. Nothing here touches a running take.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rehearsal.engine.hiding import HideLevel
from rehearsal.engine.settings import WaitMode
from rehearsal.paths import Paths
from rehearsal.ui.preferences import Preferences
from rehearsal.ui.prep_time_box import PrepTimeBox
from rehearsal.ui.rehearsal_screen import HIDE_LEVEL_LABELS, WAIT_MODE_LABELS, option_name
from rehearsal.ui.theme import SPACING

if TYPE_CHECKING:
    from rehearsal.ui.tape.tape_settings import TapeSettingsPage

NOTE_MODES = {
    "never": str(QT_TRANSLATE_NOOP("SettingsDialog", "Never")),
    "between_takes": str(QT_TRANSLATE_NOOP("SettingsDialog", "Between takes")),
    "mid_scene": str(QT_TRANSLATE_NOOP("SettingsDialog", "Between takes and mid-scene")),
}


def _spin(low: float, high: float, step: float, suffix: str, decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(decimals)
    box.setSuffix(suffix)
    return box


class SettingsDialog(QDialog):
    """Edits a copy of the preferences; :meth:`preferences` returns the result."""

    def __init__(
        self,
        prefs: Preferences,
        paths: Paths,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._prefs = prefs
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        self.tabs.setTabBarAutoHide(True)  # one tab without the tape settings
        outer.addWidget(self.tabs)
        general = QWidget(self.tabs)
        self.tabs.addTab(general, self.tr("&Rehearsal"))
        layout = QVBoxLayout(general)
        # Two columns: one above the other the groups are taller than a 720-pixel screen
        # (or a 1440-pixel one at 200 %), and the rows were squeezed into each other.
        columns = QHBoxLayout()
        columns.setSpacing(SPACING.large)
        right = QVBoxLayout()
        layout.addLayout(columns)

        reader = QGroupBox(self.tr("The partner"), self)
        form = QFormLayout(reader)
        self.wait_mode = QComboBox()
        for mode, label in WAIT_MODE_LABELS.items():
            self.wait_mode.addItem(option_name(label), mode.value)
        self.response = _spin(0.0, 2.0, 0.1, " s", 2)
        self.wpm = QSpinBox()
        self.wpm.setRange(40, 400)
        self.wpm.setSuffix(self.tr(" words/min"))
        self.voice_threshold = _spin(0.05, 0.95, 0.05, "", 2)
        self.voice_tail = _spin(0.1, 5.0, 0.1, " s")
        self.beat = _spin(0.0, 5.0, 0.25, " s", 2)
        self.pause = _spin(0.0, 10.0, 0.5, " s")
        self.partner_wpm = QSpinBox()
        self.partner_wpm.setRange(40, 600)
        self.partner_wpm.setSuffix(self.tr(" words/min"))
        self.read_actions = QCheckBox(self.tr("Read action lines aloud"))
        for label, widget in (
            (self.tr("Partner waits for you by"), self.wait_mode),
            (self.tr("Response time before the partner comes in"), self.response),
            (self.tr("Your pace (timed waits)"), self.wpm),
            (self.tr("Voice: speech level"), self.voice_threshold),
            (self.tr("Voice: silence that ends your line"), self.voice_tail),
            (self.tr("A (beat) lasts"), self.beat),
            (self.tr("A (pause) lasts"), self.pause),
            (self.tr("Partner pace without a voice"), self.partner_wpm),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow(self.read_actions)
        columns.addWidget(reader, 1, Qt.AlignmentFlag.AlignTop)
        columns.addLayout(right, 1)

        practice = QGroupBox(self.tr("Practice"), self)
        form = QFormLayout(practice)
        self.hide_level = QComboBox()
        for level, label in HIDE_LEVEL_LABELS.items():
            self.hide_level.addItem(option_name(label), level.value)
        self.note_mode = QComboBox()
        for value, label in NOTE_MODES.items():
            self.note_mode.addItem(self.tr(label), value)
        self.note_probability = QSpinBox()
        self.note_probability.setRange(0, 100)
        self.note_probability.setSuffix(self.tr(" % of takes"))
        self.prep = PrepTimeBox()  # the same box, and the same typing, as the drill setup
        self.warning_tone = QCheckBox(self.tr("Warning tone 10 seconds before prep ends"))
        self.check_in = QCheckBox(self.tr("Check in (energy, focus, intention) before rehearsing"))
        self.font_size = _spin(8.0, 32.0, 1.0, " pt", 0)
        for label, widget in (
            (self.tr("Show my lines as"), self.hide_level),
            (self.tr("Director notes"), self.note_mode),
            (self.tr("Mid-scene notes"), self.note_probability),
            (self.tr("Cold-read prep time"), self.prep),
            (self.tr("Script text size"), self.font_size),
        ):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.hide_by_memory = QCheckBox(self.tr("Hide by memory: each line as well as I know it"))
        self.hide_by_memory.setToolTip(
            self.tr(
                "New and missed lines in full, first letters while learning, first words "
                "once spaced, only the cue once secure"
            )
        )
        form.addRow(self.hide_by_memory)
        form.addRow(self.warning_tone)
        form.addRow(self.check_in)
        right.addWidget(practice)

        data = QGroupBox(self.tr("Your data"), self)
        row = QHBoxLayout(data)
        where = QLabel(
            self.tr("Sessions, notes and recordings are kept in<br><b>%s</b><br>"
                    "Start with <tt>--data-dir DIR</tt> (or set REHEARSAL_DATA_DIR) to keep "
                    "them elsewhere; copy the folder to back them up.") % paths.data
        )  # fmt: skip
        where.setWordWrap(True)
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.setAccessibleName(self.tr("Open the data folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.data)))
        )
        row.addWidget(where, 1)
        row.addWidget(open_folder)
        right.addWidget(data)
        right.addStretch(1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self._show(Preferences())
        )
        outer.addWidget(buttons)
        self._show(prefs)
        self.tape: TapeSettingsPage | None = None  # the Self-Tape tab, kept in ``settings``
        if settings is not None:
            from rehearsal.ui.tape.tape_settings import attach_tape_page

            self.tape = attach_tape_page(self, self.tabs, settings, buttons)

    def _show(self, prefs: Preferences) -> None:
        r = prefs.rehearsal
        self.wait_mode.setCurrentIndex(self.wait_mode.findData(r.wait_mode.value))
        self.response.setValue(r.response_seconds)
        self.wpm.setValue(int(r.words_per_minute))
        self.voice_threshold.setValue(r.voice_threshold)
        self.voice_tail.setValue(r.voice_tail_seconds)
        self.beat.setValue(r.beat_seconds)
        self.pause.setValue(r.pause_seconds)
        self.partner_wpm.setValue(int(r.partner_words_per_minute))
        self.read_actions.setChecked(prefs.read_actions)
        self.hide_by_memory.setChecked(prefs.hide_by_memory)
        self.hide_level.setCurrentIndex(self.hide_level.findData(prefs.hide_level.value))
        self.note_mode.setCurrentIndex(self.note_mode.findData(prefs.note_mode))
        self.note_probability.setValue(round(prefs.note_probability * 100))
        self.prep.setValue(prefs.prep_seconds)
        self.warning_tone.setChecked(prefs.warning_tone)
        self.font_size.setValue(prefs.font_size)
        self.check_in.setChecked(prefs.check_in)

    def preferences(self) -> Preferences:
        """The preferences as the dialog shows them."""
        rehearsal = self._prefs.rehearsal.with_changes(
            wait_mode=WaitMode(self.wait_mode.currentData()),
            response_seconds=round(self.response.value(), 2),
            words_per_minute=float(self.wpm.value()),
            voice_threshold=round(self.voice_threshold.value(), 2),
            voice_tail_seconds=round(self.voice_tail.value(), 2),
            beat_seconds=round(self.beat.value(), 2),
            pause_seconds=round(self.pause.value(), 2),
            partner_words_per_minute=float(self.partner_wpm.value()),
        )
        return replace(
            self._prefs,
            rehearsal=rehearsal,
            hide_level=HideLevel(self.hide_level.currentData()),
            hide_by_memory=self.hide_by_memory.isChecked(),
            read_actions=self.read_actions.isChecked(),
            note_mode=str(self.note_mode.currentData()),
            note_probability=self.note_probability.value() / 100,
            prep_seconds=self.prep.value(),
            warning_tone=self.warning_tone.isChecked(),
            font_size=self.font_size.value(),
            check_in=self.check_in.isChecked(),
        )
